//! The `_sre` module of CPython 3.11 (Modules/_sre/sre.c): the regular
//! expression engine under the pure-Python `re` package, which parses and
//! compiles patterns to the SRE code list that `_sre.compile` turns into a
//! `re.Pattern`.
//!
//! `engine.rs` is the matcher (sre_lib.h), `validate.rs` the code checker,
//! `pattern.rs` the Pattern and SRE_Scanner types, `match_.rs` the Match type.
//! Subjects are read once per call: bytes and ASCII str as bytes, other str as
//! code points; positions are code point (or byte) indices as in CPython.

pub mod constants;
pub mod engine;
mod match_;
mod pattern;
mod validate;

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use constants::*;
use engine::{Chars, State};
use std::cell::Cell;
use std::rc::Rc;

thread_local! {
    /// re.Pattern, re.Match, _sre.SRE_Scanner.
    static TYPES: Cell<[Value; 3]> = const { Cell::new([Value::NULL; 3]) };
}

fn types() -> [Value; 3] {
    TYPES.with(|c| c.get())
}

/// A subject string as the engine reads it.
pub enum Subject {
    /// bytes, or a str of ASCII characters: borrowed from the (immutable, live) object.
    Narrow(&'static [u8]),
    /// bytearray or memoryview contents, copied.
    Owned(Vec<u8>),
    /// A str with non-ASCII characters, as code points.
    Wide(Rc<[u32]>),
}

impl Subject {
    pub fn len(&self) -> usize {
        match self {
            Subject::Narrow(b) => b.len(),
            Subject::Owned(b) => b.len(),
            Subject::Wide(w) => w.len(),
        }
    }

    fn with<R>(&self, f8: impl FnOnce(&[u8]) -> R, f32: impl FnOnce(&[u32]) -> R) -> R {
        match self {
            Subject::Narrow(b) => f8(b),
            Subject::Owned(b) => f8(b),
            Subject::Wide(w) => f32(w),
        }
    }

    pub fn search(&self, st: &mut State, code: &[u32]) -> Result<bool, engine::Error> {
        match self {
            Subject::Narrow(b) => st.search(*b, code),
            Subject::Owned(b) => st.search(&b[..], code),
            Subject::Wide(w) => st.search(&w[..], code),
        }
    }

    pub fn pmatch(&self, st: &mut State, code: &[u32]) -> Result<bool, engine::Error> {
        match self {
            Subject::Narrow(b) => st.pmatch(*b, code),
            Subject::Owned(b) => st.pmatch(&b[..], code),
            Subject::Wide(w) => st.pmatch(&w[..], code),
        }
    }

    /// The code points of a non-ASCII str subject (slices are built from them).
    pub fn wide(&self) -> Option<&Rc<[u32]>> {
        match self {
            Subject::Wide(w) => Some(w),
            _ => None,
        }
    }

    /// The character at `i` (for the template literal check).
    pub fn at(&self, i: usize) -> u32 {
        self.with(|s| s.at(i), |s| s.at(i))
    }
}

thread_local! {
    /// The code points of the last few non-ASCII str subjects, most recent last:
    /// programs search the same long text again and again. A str is immutable and
    /// the cached ones are kept alive by `CACHE_ROOT`, so identity is a valid key.
    static WIDE_CACHE: std::cell::RefCell<Vec<(Value, Rc<[u32]>)>> = const { std::cell::RefCell::new(Vec::new()) };
    static CACHE_ROOT: Cell<Value> = const { Cell::new(Value::NULL) };
}

const WIDE_CACHE_SIZE: usize = 4;

/// The code points of the non-ASCII str `v`, converted once per recent subject.
fn code_points(v: Value, s: &crate::str::StrObj) -> Rc<[u32]> {
    let hit = WIDE_CACHE.with(|c| c.borrow().iter().find(|(k, _)| *k == v).map(|(_, w)| w.clone()));
    if let Some(w) = hit {
        return w;
    }
    let w: Rc<[u32]> = s.code_points().into();
    // Short subjects are cheap to convert again; only long ones are worth keeping.
    if s.len() < 256 {
        return w;
    }
    let root = CACHE_ROOT.with(|c| c.get());
    if root.is_null() {
        return w;
    }
    let items = crate::list::lobj(root);
    if items.items.borrow().len() >= WIDE_CACHE_SIZE {
        items.items.borrow_mut().remove(0);
        WIDE_CACHE.with(|c| c.borrow_mut().remove(0));
    }
    items.items.borrow_mut().push(v);
    WIDE_CACHE.with(|c| c.borrow_mut().push((v, w.clone())));
    w
}

/// `getstring`: the subject of `v` and whether it is bytes-like.
pub fn get_subject(vm: &mut Vm, v: Value) -> PyResult<(Subject, bool)> {
    if let Some(s) = v.downcast::<crate::str::StrObj>() {
        if s.is_ascii() {
            return Ok((Subject::Narrow(s.as_str().as_bytes()), false));
        }
        return Ok((Subject::Wide(code_points(v, s)), false));
    }
    if let Some(b) = v.downcast::<crate::bytes::BytesObj>() {
        return Ok((Subject::Narrow(&b.data), true));
    }
    match crate::bytes::buffer_bytes(v) {
        Some(b) => Ok((Subject::Owned(b), true)),
        None => {
            let m = format!("expected string or bytes-like object, got '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

/// `getslice`: characters `i..j` of `string` (a str, bytes or buffer), which the
/// caller has checked or clipped. An exact str or bytes taken whole is returned as
/// is. `wide` is the code points of a non-ASCII str, so slicing is not a walk.
pub fn getslice(vm: &mut Vm, string: Value, wide: Option<&Rc<[u32]>>, i: usize, j: usize) -> PyResult {
    if let Some(s) = string.downcast::<crate::str::StrObj>() {
        let (i, j) = (i.min(s.len()), j.min(s.len()));
        if i == 0 && j == s.len() && vm.type_of(string) == vm.t.str {
            return Ok(string);
        }
        let sub = match wide {
            Some(w) => return Ok(crate::str::from_code_points(vm, &w[i..j.max(i)])),
            None => s.slice(i, j.max(i)).to_string(),
        };
        return Ok(crate::str::new_str(vm, sub));
    }
    if let Some(b) = string.downcast::<crate::bytes::BytesObj>() {
        let (i, j) = (i.min(b.data.len()), j.min(b.data.len()));
        if i == 0 && j == b.data.len() && vm.type_of(string) == vm.t.bytes {
            return Ok(string);
        }
        let d = b.data[i..j.max(i)].to_vec();
        return Ok(crate::bytes::new_bytes(vm, d));
    }
    let data = crate::bytes::buffer_bytes(string).unwrap_or_default();
    let (i, j) = (i.min(data.len()), j.min(data.len()));
    Ok(crate::bytes::new_bytes(vm, data[i..j.max(i)].to_vec()))
}

/// `pattern_error`: an engine failure as a Python exception.
pub fn engine_error(vm: &mut Vm, e: engine::Error) -> crate::object::PyErr {
    match e {
        engine::Error::Interrupted => match crate::signals::check(vm) {
            Err(e) => e,
            Ok(()) => vm.runtime_error("internal error in regular expression engine"),
        },
        engine::Error::Internal => vm.runtime_error("internal error in regular expression engine"),
    }
}

/// `call(SRE_PY_MODULE, name, args)`: a function of the `re` module.
pub fn call_re(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult {
    let modname = vm.intern("re");
    let none = vm.none;
    let m = crate::import::import_module_level(vm, modname, none, none, 0)?;
    let f = crate::attr::getattr_str(vm, m, name)?;
    crate::call::call(vm, f, args)
}

/// A C `int` argument.
fn c_int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is::<crate::float::FloatObj>() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    crate::number::index_c_int(vm, v).map(|i| i as i64)
}

fn getcodesize(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "getcodesize", 0, 0)?;
    Ok(Value::small(CODESIZE))
}

fn char_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<u32> {
    let a = args.exact(vm, name, 1, 1)?;
    Ok(c_int(vm, a[0])? as i32 as u32)
}

fn ascii_iscased(vm: &mut Vm, args: Args) -> PyResult {
    let ch = char_arg(vm, &args, "ascii_iscased")?;
    Ok(vm.bool(ch < 128 && (ch as u8).is_ascii_alphabetic()))
}

fn unicode_iscased(vm: &mut Vm, args: Args) -> PyResult {
    let ch = char_arg(vm, &args, "unicode_iscased")?;
    Ok(vm.bool(ch != engine::lower_unicode(ch) || ch != engine::upper_unicode(ch)))
}

fn ascii_tolower(vm: &mut Vm, args: Args) -> PyResult {
    let ch = char_arg(vm, &args, "ascii_tolower")?;
    Ok(Value::small(engine::lower_ascii(ch) as i32 as i64))
}

fn unicode_tolower(vm: &mut Vm, args: Args) -> PyResult {
    let ch = char_arg(vm, &args, "unicode_tolower")?;
    Ok(Value::small(engine::lower_unicode(ch) as i32 as i64))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let pattern_t = pattern::init_pattern_type(vm)?;
    let match_t = match_::init_match_type(vm)?;
    let scanner_t = pattern::init_scanner_type(vm)?;
    TYPES.with(|c| c.set([pattern_t, match_t, scanner_t]));
    let cache_root = crate::list::new_list(vm, vec![]);
    CACHE_ROOT.with(|c| c.set(cache_root));
    // The types (and the subjects cached) outlive any one module object.
    vm.extra_roots.extend([pattern_t, match_t, scanner_t, cache_root]);
    super::add_functions(
        vm,
        m,
        &[
            ("compile", pattern::compile),
            ("getcodesize", getcodesize),
            ("ascii_iscased", ascii_iscased),
            ("unicode_iscased", unicode_iscased),
            ("ascii_tolower", ascii_tolower),
            ("unicode_tolower", unicode_tolower),
        ],
    )?;
    super::set_attr(vm, m, "MAGIC", Value::small(MAGIC))?;
    super::set_attr(vm, m, "CODESIZE", Value::small(CODESIZE))?;
    super::set_attr(vm, m, "MAXREPEAT", Value::small(MAXREPEAT as i64))?;
    super::set_attr(vm, m, "MAXGROUPS", Value::small(MAXGROUPS as i64))?;
    let c = crate::str::alloc_str(vm, " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    super::set_attr(vm, m, "copyright", c)?;
    Ok(())
}
