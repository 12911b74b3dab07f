//! `re.Pattern` (sre.c's PatternObject and its methods) and `_sre.SRE_Scanner`.

use super::constants::*;
use super::engine::State;
use super::match_::new_match;
use super::{engine_error, get_subject, getslice, types, Subject};
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::{add_classmethod, add_getter, add_method, add_static, new_static_type, set_attr_raw, tflag};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

pub struct PatternObj {
    /// The source pattern (str, bytes or None).
    pub pattern: Value,
    pub flags: i64,
    pub code: Box<[u32]>,
    /// The number of capturing groups.
    pub groups: usize,
    /// Name -> number dict, or NULL when there are no named groups.
    pub groupindex: Value,
    /// Number -> name tuple, or NULL.
    pub indexgroup: Value,
    /// 1 for a bytes pattern, 0 for str, -1 for None.
    pub isbytes: i8,
}

impl Trace for PatternObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.pattern);
        t.value(self.groupindex);
        t.value(self.indexgroup);
    }
}
payload!(PatternObj, "re.Pattern");

pub fn pobj(v: Value) -> &'static PatternObj {
    v.downcast::<PatternObj>().expect("re.Pattern")
}

fn this(vm: &mut Vm, args: &Args, what: &str) -> PyResult<&'static PatternObj> {
    match args.vals.first().and_then(|v| v.downcast::<PatternObj>()) {
        Some(p) => Ok(p),
        None => {
            let got = args.vals.first().map(|v| vm.type_name(*v).to_string()).unwrap_or_default();
            Err(vm.type_error(format!("descriptor '{what}' for 're.Pattern' objects doesn't apply to a '{got}' object")))
        }
    }
}

/// A `Py_ssize_t` argument.
pub fn ssize(vm: &mut Vm, v: Value, default: i64) -> PyResult<i64> {
    if v.is_null() {
        return Ok(default);
    }
    if v.is::<crate::float::FloatObj>() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    crate::number::index_i64(vm, v)
}

/// `state_init`: the subject of `string` checked against the pattern's kind.
fn state_init(vm: &mut Vm, p: &PatternObj, string: Value, pos: i64, endpos: i64) -> PyResult<(Subject, State)> {
    let (subject, isbytes) = get_subject(vm, string)?;
    if isbytes && p.isbytes == 0 {
        return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
    }
    if !isbytes && p.isbytes > 0 {
        return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
    }
    let st = State::new(subject.len(), p.groups, pos, endpos);
    Ok((subject, st))
}

// ---- _sre.compile ----

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub fn compile(vm: &mut Vm, args: Args) -> PyResult {
    let [pattern, flags, code, groups, groupindex, indexgroup] =
        args.bind(vm, "compile", ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"], 6, 0)?;
    let flags = super::c_int(vm, flags)?;
    let Some(l) = code.downcast::<crate::list::ListObj>() else {
        let m = format!("compile() argument 'code' must be list, not {}", vm.type_name(code));
        return Err(vm.type_error(m));
    };
    let groups = ssize(vm, groups, 0)?;
    if !groupindex.is::<crate::dict::DictObj>() {
        let m = format!("compile() argument 'groupindex' must be dict, not {}", vm.type_name(groupindex));
        return Err(vm.type_error(m));
    }
    if !crate::tuple::is_tuple(indexgroup) {
        let m = format!("compile() argument 'indexgroup' must be tuple, not {}", vm.type_name(indexgroup));
        return Err(vm.type_error(m));
    }
    let items = l.items.borrow().clone();
    let mut words = Vec::with_capacity(items.len());
    for v in items {
        let w = match crate::int::as_i64(v) {
            Some(i) if (0..=u32::MAX as i64).contains(&i) => i as u32,
            Some(i) if i >= 0 => return Err(vm.overflow_error("regular expression code size limit exceeded")),
            Some(_) => return Err(vm.overflow_error("can't convert negative value to unsigned int")),
            None if crate::int::is_int(vm, v) => return Err(vm.overflow_error("regular expression code size limit exceeded")),
            None => return Err(vm.type_error("an integer is required")),
        };
        words.push(w);
    }
    let isbytes = if pattern == vm.none {
        -1
    } else {
        get_subject(vm, pattern)?.1 as i8
    };
    let named = crate::dict::dobj(groupindex).len() > 0;
    let gi = if named { groupindex } else { Value::NULL };
    let ig = if named && !crate::tuple::items(indexgroup).is_empty() { indexgroup } else { Value::NULL };
    if groups < 0 || !super::validate::validate(&words, groups as usize) {
        return Err(vm.runtime_error("invalid SRE code"));
    }
    let ty = types()[0];
    Ok(vm.alloc(
        ty,
        PatternObj { pattern, flags, code: words.into_boxed_slice(), groups: groups as usize, groupindex: gi, indexgroup: ig, isbytes },
    ))
}

// ---- matching methods ----

/// The `(string, pos, endpos)` arguments of match/fullmatch/search/findall/finditer/scanner.
fn string_pos_endpos(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Value, i64, i64)> {
    let [_, string, pos, endpos] = args.bind(vm, name, ["self", "string", "pos", "endpos"], 2, 1)?;
    let pos = ssize(vm, pos, 0)?;
    let endpos = ssize(vm, endpos, i64::MAX)?;
    Ok((string, pos, endpos))
}

fn do_match(vm: &mut Vm, args: Args, name: &str, match_all: bool, search: bool) -> PyResult {
    let p = this(vm, &args, name)?;
    let pv = args.vals[0];
    let (string, pos, endpos) = string_pos_endpos(vm, &args, name)?;
    let (subject, mut st) = state_init(vm, p, string, pos, endpos)?;
    st.ptr = st.start;
    st.match_all = match_all;
    let found = if search { subject.search(&mut st, &p.code) } else { subject.pmatch(&mut st, &p.code) };
    let result = match found {
        Ok(true) => new_match(vm, pv, string, &subject, &st),
        Ok(false) => Ok(vm.none),
        Err(e) => Err(engine_error(vm, e)),
    };
    st.recycle();
    result
}

fn pattern_match(vm: &mut Vm, args: Args) -> PyResult {
    do_match(vm, args, "match", false, false)
}

fn pattern_fullmatch(vm: &mut Vm, args: Args) -> PyResult {
    do_match(vm, args, "fullmatch", true, false)
}

fn pattern_search(vm: &mut Vm, args: Args) -> PyResult {
    do_match(vm, args, "search", false, true)
}

fn pattern_findall(vm: &mut Vm, args: Args) -> PyResult {
    let p = this(vm, &args, "findall")?;
    let (string, pos, endpos) = string_pos_endpos(vm, &args, "findall")?;
    let (subject, mut st) = state_init(vm, p, string, pos, endpos)?;
    let list = crate::list::new_list(vm, vec![]);
    while st.start <= st.end {
        st.reset();
        st.ptr = st.start;
        match subject.search(&mut st, &p.code) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(engine_error(vm, e)),
        }
        let item = match p.groups {
            0 => getslice(vm, string, subject.wide(), st.start, st.ptr)?,
            1 => group_slice(vm, &st, &subject, string, 1)?,
            n => {
                let buf = crate::list::ValueBuf::new(vm);
                for g in 1..=n {
                    let v = group_slice(vm, &st, &subject, string, g)?;
                    buf.push(v);
                }
                buf.into_tuple(vm)
            }
        };
        crate::list::lobj(list).items.borrow_mut().push(item);
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    st.recycle();
    Ok(list)
}

/// `state_getslice` with `empty`: group `g`'s text, "" if it did not take part.
fn group_slice(vm: &mut Vm, st: &State, subject: &Subject, string: Value, g: usize) -> PyResult {
    match st.group_span(g) {
        Some((i, j)) => getslice(vm, string, subject.wide(), i, j),
        None => getslice(vm, string, subject.wide(), 0, 0),
    }
}

fn pattern_finditer(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "finditer")?;
    let scanner = pattern_scanner_impl(vm, &args, "finditer")?;
    let search = crate::attr::getattr_str(vm, scanner, "search")?;
    let none = vm.none;
    Ok(crate::iter::new_callable_iter(vm, search, none))
}

fn pattern_scanner(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "scanner")?;
    pattern_scanner_impl(vm, &args, "scanner")
}

fn pattern_split(vm: &mut Vm, args: Args) -> PyResult {
    let p = this(vm, &args, "split")?;
    let [_, string, maxsplit] = args.bind(vm, "split", ["self", "string", "maxsplit"], 2, 1)?;
    let maxsplit = ssize(vm, maxsplit, 0)?;
    let (subject, mut st) = state_init(vm, p, string, 0, i64::MAX)?;
    let list = crate::list::new_list(vm, vec![]);
    let mut n = 0;
    let mut last = st.start;
    while maxsplit == 0 || n < maxsplit {
        st.reset();
        st.ptr = st.start;
        match subject.search(&mut st, &p.code) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(engine_error(vm, e)),
        }
        let item = getslice(vm, string, subject.wide(), last, st.start)?;
        crate::list::lobj(list).items.borrow_mut().push(item);
        for g in 1..=p.groups {
            let item = match st.group_span(g) {
                Some((i, j)) => getslice(vm, string, subject.wide(), i, j)?,
                None => vm.none,
            };
            crate::list::lobj(list).items.borrow_mut().push(item);
        }
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
        last = st.ptr;
    }
    let item = getslice(vm, string, subject.wide(), last, st.endpos)?;
    crate::list::lobj(list).items.borrow_mut().push(item);
    st.recycle();
    Ok(list)
}

/// Does the template contain a backslash (else it is used literally)?
fn is_literal_template(vm: &mut Vm, template: Value) -> bool {
    match get_subject(vm, template) {
        Ok((s, _)) => (0..s.len()).all(|i| s.at(i) != b'\\' as u32),
        Err(_) => false,
    }
}

/// `pattern_subx` of 3.11: a callable replacement is called with each match;
/// a string with backslashes goes through `re._subx`, which returns the literal
/// or a filter function.
fn subx(vm: &mut Vm, args: Args, name: &str, subn: bool) -> PyResult {
    let p = this(vm, &args, name)?;
    let pv = args.vals[0];
    let [_, repl, string, count] = args.bind(vm, name, ["self", "repl", "string", "count"], 3, 1)?;
    let count = ssize(vm, count, 0)?;
    let (filter, callable) = if crate::builtins::is_callable(vm, repl) {
        (repl, true)
    } else if is_literal_template(vm, repl) {
        (repl, false)
    } else {
        let f = super::call_re(vm, "_subx", &[pv, repl])?;
        let c = crate::builtins::is_callable(vm, f);
        (f, c)
    };
    let (subject, mut st) = state_init(vm, p, string, 0, i64::MAX)?;
    let list = crate::list::new_list(vm, vec![]);
    let (mut n, mut i) = (0i64, 0usize);
    while count == 0 || n < count {
        st.reset();
        st.ptr = st.start;
        match subject.search(&mut st, &p.code) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(engine_error(vm, e)),
        }
        let (b, e) = (st.start, st.ptr);
        if i < b {
            let item = getslice(vm, string, subject.wide(), i, b)?;
            crate::list::lobj(list).items.borrow_mut().push(item);
        }
        let item = if callable {
            let m = new_match(vm, pv, string, &subject, &st)?;
            crate::call::call(vm, filter, &[m])?
        } else {
            filter
        };
        if item != vm.none {
            crate::list::lobj(list).items.borrow_mut().push(item);
        }
        i = e;
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    if i < st.endpos {
        let item = getslice(vm, string, subject.wide(), i, st.endpos)?;
        crate::list::lobj(list).items.borrow_mut().push(item);
    }
    st.recycle();
    let joiner = getslice(vm, string, subject.wide(), 0, 0)?;
    let item = if crate::list::lobj(list).items.borrow().is_empty() {
        joiner
    } else {
        crate::call::call_method(vm, joiner, "join", &[list])?
    };
    if subn {
        let nv = Value::small(n);
        return Ok(crate::tuple::new_tuple(vm, vec![item, nv]));
    }
    Ok(item)
}

fn pattern_sub(vm: &mut Vm, args: Args) -> PyResult {
    subx(vm, args, "sub", false)
}

fn pattern_subn(vm: &mut Vm, args: Args) -> PyResult {
    subx(vm, args, "subn", true)
}

fn pattern_copy(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "__copy__", 0, 0)?;
    this(vm, &args, "__copy__")?;
    Ok(args.vals[0])
}

fn pattern_deepcopy(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "__deepcopy__", 1, 1)?;
    this(vm, &args, "__deepcopy__")?;
    Ok(args.vals[0])
}

/// A repr cut to `n` characters (`%.200R`).
pub fn repr_cut(vm: &mut Vm, v: Value, n: usize) -> PyResult<String> {
    let r = crate::ops::repr_string(vm, v)?;
    Ok(match r.char_indices().nth(n) {
        Some((b, _)) => r[..b].to_string(),
        None => r,
    })
}

fn pattern_repr(vm: &mut Vm, args: Args) -> PyResult {
    let p = this(vm, &args, "__repr__")?;
    const NAMES: [(&str, i64); 8] = [
        ("re.IGNORECASE", FLAG_IGNORECASE),
        ("re.LOCALE", FLAG_LOCALE),
        ("re.MULTILINE", FLAG_MULTILINE),
        ("re.DOTALL", FLAG_DOTALL),
        ("re.UNICODE", FLAG_UNICODE),
        ("re.VERBOSE", FLAG_VERBOSE),
        ("re.DEBUG", FLAG_DEBUG),
        ("re.ASCII", FLAG_ASCII),
    ];
    let mut flags = p.flags;
    // re.UNICODE is implied for str patterns.
    if p.isbytes == 0 && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let mut items = Vec::new();
    for (name, bit) in NAMES {
        if flags & bit != 0 {
            items.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        items.push(format!("0x{:x}", flags as i32));
    }
    let r = repr_cut(vm, p.pattern, 200)?;
    let s = if items.is_empty() { format!("re.compile({r})") } else { format!("re.compile({r}, {})", items.join("|")) };
    Ok(crate::str::new_str(vm, s))
}

fn pattern_hash(vm: &mut Vm, args: Args) -> PyResult {
    let p = this(vm, &args, "__hash__")?;
    let mut h = crate::hash::hash(vm, p.pattern)?;
    let bytes: Vec<u8> = p.code.iter().flat_map(|w| w.to_le_bytes()).collect();
    h ^= crate::hash::hash_bytes(&bytes);
    h ^= p.flags;
    h ^= p.isbytes as i64;
    h ^= p.code.len() as i64;
    if h == -1 {
        h = -2;
    }
    Ok(crate::int::from_i64(vm, h))
}

fn pattern_compare(vm: &mut Vm, args: Args, ne: bool) -> PyResult {
    let a = args.exact(vm, if ne { "__ne__" } else { "__eq__" }, 2, 2)?;
    let l = this(vm, &args, if ne { "__ne__" } else { "__eq__" })?;
    let Some(r) = a[1].downcast::<PatternObj>() else { return Ok(vm.not_implemented) };
    let mut eq = a[0] == a[1];
    if !eq {
        eq = l.flags == r.flags && l.isbytes == r.isbytes && l.code == r.code;
        if eq {
            eq = crate::ops::eq(vm, l.pattern, r.pattern)?;
        }
    }
    Ok(vm.bool(eq != ne))
}

fn pattern_eq(vm: &mut Vm, args: Args) -> PyResult {
    pattern_compare(vm, args, false)
}

fn pattern_ne(vm: &mut Vm, args: Args) -> PyResult {
    pattern_compare(vm, args, true)
}

fn get_pattern(vm: &mut Vm, v: Value) -> PyResult {
    let _ = vm;
    Ok(pobj(v).pattern)
}

fn get_flags(vm: &mut Vm, v: Value) -> PyResult {
    Ok(crate::int::from_i64(vm, pobj(v).flags))
}

fn get_groups(vm: &mut Vm, v: Value) -> PyResult {
    Ok(crate::int::from_i64(vm, pobj(v).groups as i64))
}

fn get_groupindex(vm: &mut Vm, v: Value) -> PyResult {
    let gi = pobj(v).groupindex;
    if gi.is_null() {
        return Ok(crate::dict::new_dict(vm));
    }
    Ok(crate::module::new_mappingproxy(vm, gi))
}

fn no_new_pattern(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.type_error("cannot create 're.Pattern' instances"))
}

pub fn init_pattern_type(vm: &mut Vm) -> PyResult<Value> {
    let obj = vm.t.object;
    let t = new_static_type(vm, "Pattern", obj, tflag::WEAKREFABLE);
    let m = vm.intern("re");
    set_attr_raw(vm, t, "__module__", m)?;
    add_static(vm, t, "__new__", no_new_pattern);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("match", pattern_match),
        ("fullmatch", pattern_fullmatch),
        ("search", pattern_search),
        ("sub", pattern_sub),
        ("subn", pattern_subn),
        ("findall", pattern_findall),
        ("split", pattern_split),
        ("finditer", pattern_finditer),
        ("scanner", pattern_scanner),
        ("__copy__", pattern_copy),
        ("__deepcopy__", pattern_deepcopy),
        ("__repr__", pattern_repr),
        ("__hash__", pattern_hash),
        ("__eq__", pattern_eq),
        ("__ne__", pattern_ne),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    add_classmethod(vm, t, "__class_getitem__", crate::generic_alias::class_getitem);
    add_getter(vm, t, "pattern", get_pattern);
    add_getter(vm, t, "flags", get_flags);
    add_getter(vm, t, "groups", get_groups);
    add_getter(vm, t, "groupindex", get_groupindex);
    let doc = crate::str::alloc_str(vm, "Compiled regular expression object.");
    set_attr_raw(vm, t, "__doc__", doc)?;
    Ok(t)
}

// ---- SRE_Scanner ----

pub struct ScannerObj {
    pattern: Value,
    string: Value,
    subject: Subject,
    state: RefCell<State>,
    /// C's `state->start == NULL`: no more matches.
    done: Cell<bool>,
}

impl Trace for ScannerObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.pattern);
        t.value(self.string);
    }
}
payload!(ScannerObj, "_sre.SRE_Scanner");

fn pattern_scanner_impl(vm: &mut Vm, args: &Args, name: &str) -> PyResult {
    let p = this(vm, args, name)?;
    let pv = args.vals[0];
    let (string, pos, endpos) = string_pos_endpos(vm, args, name)?;
    let (subject, state) = state_init(vm, p, string, pos, endpos)?;
    let ty = types()[2];
    Ok(vm.alloc(
        ty,
        ScannerObj {
            pattern: pv,
            string,
            subject,
            state: RefCell::new(state),
            done: Cell::new(false),
        },
    ))
}

fn scanner_step(vm: &mut Vm, args: Args, name: &str, search: bool) -> PyResult {
    args.method(vm, name, 0, 0)?;
    let Some(sc) = args.vals[0].downcast::<ScannerObj>() else {
        return Err(vm.type_error(format!("descriptor '{name}' requires a '_sre.SRE_Scanner' object")));
    };
    if sc.done.get() {
        return Ok(vm.none);
    }
    let code = &pobj(sc.pattern).code;
    let found = {
        let mut st = sc.state.borrow_mut();
        st.reset();
        st.ptr = st.start;
        if search {
            sc.subject.search(&mut st, code)
        } else {
            sc.subject.pmatch(&mut st, code)
        }
    };
    let m = match found {
        Ok(true) => {
            // Snapshot the state so no borrow is held while the match is allocated.
            let snapshot = super::match_::Marks::of(&sc.state.borrow(), pobj(sc.pattern).groups);
            let m = super::match_::new_match_from(vm, sc.pattern, sc.string, &sc.subject, snapshot)?;
            let mut st = sc.state.borrow_mut();
            st.must_advance = st.ptr == st.start;
            st.start = st.ptr;
            m
        }
        Ok(false) => {
            sc.done.set(true);
            vm.none
        }
        Err(e) => return Err(engine_error(vm, e)),
    };
    Ok(m)
}

fn scanner_match(vm: &mut Vm, args: Args) -> PyResult {
    scanner_step(vm, args, "match", false)
}

fn scanner_search(vm: &mut Vm, args: Args) -> PyResult {
    scanner_step(vm, args, "search", true)
}

fn scanner_pattern(vm: &mut Vm, v: Value) -> PyResult {
    let _ = vm;
    Ok(v.downcast::<ScannerObj>().expect("scanner").pattern)
}

fn no_new_scanner(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.type_error("cannot create '_sre.SRE_Scanner' instances"))
}

pub fn init_scanner_type(vm: &mut Vm) -> PyResult<Value> {
    let obj = vm.t.object;
    let t = new_static_type(vm, "SRE_Scanner", obj, 0);
    let m = vm.intern("_sre");
    set_attr_raw(vm, t, "__module__", m)?;
    add_static(vm, t, "__new__", no_new_scanner);
    add_method(vm, t, "match", scanner_match);
    add_method(vm, t, "search", scanner_search);
    add_getter(vm, t, "pattern", scanner_pattern);
    Ok(t)
}
