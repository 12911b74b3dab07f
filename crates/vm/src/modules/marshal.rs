//! The `marshal` module: CPython 3.11's serialization format (versions 0 to 4) for
//! the value types (None, bool, int, float, complex, str, bytes, tuple, list, dict,
//! set, frozenset, Ellipsis, StopIteration). Code objects are Ferropy's own: they
//! are written as TYPE_CODE followed by a size and the bytecode cache's payload
//! (`compiler::cache::serialize`), which only Ferropy reads back.
//!
//! CPython sets FLAG_REF on an object whose reference count is above one, which
//! Ferropy does not have; here an object gets the flag when it is the value
//! itself (the caller holds it), occurs more than once in the value (its later
//! occurrences are written as references, as CPython does) or is one CPython
//! always shares (a small int, an interned str, a str of one Latin-1 character, a
//! bytes of at most one byte, the empty tuple). A str counts as interned (types
//! 'Z', 'A', 't') when it is and consists of ASCII letters, digits and '_' only,
//! like the string constants CPython interns (Ferropy interns every constant).

use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use std::collections::HashMap;

const VERSION: i64 = 4;
const MAX_DEPTH: usize = 2000;
const FLAG_REF: u8 = 0x80;

const TYPE_NULL: u8 = b'0';
const TYPE_NONE: u8 = b'N';
const TYPE_FALSE: u8 = b'F';
const TYPE_TRUE: u8 = b'T';
const TYPE_STOPITER: u8 = b'S';
const TYPE_ELLIPSIS: u8 = b'.';
const TYPE_INT: u8 = b'i';
const TYPE_INT64: u8 = b'I';
const TYPE_FLOAT: u8 = b'f';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_COMPLEX: u8 = b'x';
const TYPE_BINARY_COMPLEX: u8 = b'y';
const TYPE_LONG: u8 = b'l';
const TYPE_STRING: u8 = b's';
const TYPE_INTERNED: u8 = b't';
const TYPE_REF: u8 = b'r';
const TYPE_TUPLE: u8 = b'(';
const TYPE_LIST: u8 = b'[';
const TYPE_DICT: u8 = b'{';
const TYPE_CODE: u8 = b'c';
const TYPE_UNICODE: u8 = b'u';
const TYPE_SET: u8 = b'<';
const TYPE_FROZENSET: u8 = b'>';
const TYPE_ASCII: u8 = b'a';
const TYPE_ASCII_INTERNED: u8 = b'A';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_SHORT_ASCII: u8 = b'z';
const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';

/// Why writing failed (CPython's WFERR_* codes).
enum WriteError {
    Unmarshallable,
    TooDeep,
}

struct Writer<'v> {
    vm: &'v Vm,
    out: Vec<u8>,
    version: i64,
    /// Index of each object written with FLAG_REF, by identity.
    refs: HashMap<u64, u32>,
    /// How often each object occurs in the value, by identity.
    seen: HashMap<u64, u32>,
    depth: usize,
    /// The value itself gets FLAG_REF.
    top_shared: bool,
}

impl Writer<'_> {
    /// The items of a container `v` (exact list, tuple, dict (keys and values),
    /// set or frozenset), None for other objects.
    fn children(&self, v: Value) -> Option<Vec<Value>> {
        let t = self.vm.type_of(v);
        let vm = self.vm;
        if t == vm.t.list {
            Some(crate::list::lobj(v).items.borrow().clone())
        } else if t == vm.t.tuple {
            Some(crate::tuple::items(v).to_vec())
        } else if t == vm.t.dict {
            Some(crate::dict::dobj(v).items().into_iter().flat_map(|(k, x)| [k, x]).collect())
        } else if t == vm.t.set || t == vm.t.frozenset {
            Some(crate::set::elements(v))
        } else {
            None
        }
    }

    /// Counts the occurrences of every object in `v` (a shared one is walked once).
    fn count(&mut self, v: Value, depth: usize) {
        let n = self.seen.entry(v.raw()).or_insert(0);
        *n += 1;
        if *n > 1 || depth > MAX_DEPTH {
            return;
        }
        if let Some(items) = self.children(v) {
            for x in items {
                self.count(x, depth + 1);
            }
        }
    }

    /// Whether CPython always shares `v` (so its reference count is above one).
    fn always_shared(&self, v: Value) -> bool {
        let vm = self.vm;
        let t = vm.type_of(v);
        if t == vm.t.int {
            return crate::int::as_i64(v).is_some_and(|i| (-5..=256).contains(&i));
        }
        if t == vm.t.str {
            let s = v.downcast::<crate::str::StrObj>();
            return s.is_some_and(|s| interned(s) || (s.len() <= 1 && s.as_str().chars().all(|c| u32::from(c) < 256)));
        }
        if t == vm.t.bytes {
            return crate::bytes::as_bytes(v).is_some_and(|b| b.len() <= 1);
        }
        t == vm.t.tuple && crate::tuple::items(v).is_empty()
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    fn size(&mut self, n: usize) -> Result<(), WriteError> {
        let n = i32::try_from(n).map_err(|_| WriteError::Unmarshallable)?;
        self.long(n);
        Ok(())
    }

    /// A byte string preceded by its 4-byte length.
    fn pstring(&mut self, b: &[u8]) -> Result<(), WriteError> {
        self.size(b.len())?;
        self.out.extend_from_slice(b);
        Ok(())
    }

    fn float_text(&mut self, x: f64) {
        let s = format::float_repr::double_to_string(x, 'g', 17, Default::default());
        self.byte(s.len() as u8);
        self.out.extend_from_slice(s.as_bytes());
    }

    fn object(&mut self, v: Value) -> Result<(), WriteError> {
        // the value itself: the caller's reference makes two
        self.object_held(v, self.depth == 0 && self.top_shared)
    }

    /// Writes `v`; `held`: something besides the value refers to it.
    fn object_held(&mut self, v: Value, held: bool) -> Result<(), WriteError> {
        self.depth += 1;
        let r = self.object_inner(v, held);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, v: Value, held: bool) -> Result<(), WriteError> {
        if self.depth > MAX_DEPTH {
            return Err(WriteError::TooDeep);
        }
        let vm = self.vm;
        let simple = if v == vm.none {
            TYPE_NONE
        } else if v == vm.e.stop_iteration {
            TYPE_STOPITER
        } else if v == vm.ellipsis {
            TYPE_ELLIPSIS
        } else if v == vm.false_ {
            TYPE_FALSE
        } else if v == vm.true_ {
            TYPE_TRUE
        } else {
            0
        };
        if simple != 0 {
            self.byte(simple);
            return Ok(());
        }
        let mut flag = 0;
        if self.version >= 3 {
            if let Some(&i) = self.refs.get(&v.raw()) {
                self.byte(TYPE_REF);
                self.long(i as i32);
                return Ok(());
            }
            let shared = self.seen.get(&v.raw()).copied().unwrap_or(0) > 1;
            if held || shared || self.always_shared(v) {
                let i = self.refs.len() as u32;
                self.refs.insert(v.raw(), i);
                flag = FLAG_REF;
            }
        }
        self.complex_object(v, flag)
    }

    fn complex_object(&mut self, v: Value, flag: u8) -> Result<(), WriteError> {
        let vm = self.vm;
        let t = vm.type_of(v);
        if t == vm.t.int {
            let b = crate::int::to_bigint(vm, v).unwrap_or_default();
            match i32::try_from(&b) {
                Ok(x) => {
                    self.byte(TYPE_INT | flag);
                    self.long(x);
                }
                Err(_) => self.bigint(&b, flag)?,
            }
        } else if t == vm.t.float {
            let x = crate::float::value(v);
            if self.version > 1 {
                self.byte(TYPE_BINARY_FLOAT | flag);
                self.out.extend_from_slice(&x.to_le_bytes());
            } else {
                self.byte(TYPE_FLOAT | flag);
                self.float_text(x);
            }
        } else if t == vm.t.complex {
            let c = v.downcast::<crate::complex::ComplexObj>().ok_or(WriteError::Unmarshallable)?;
            if self.version > 1 {
                self.byte(TYPE_BINARY_COMPLEX | flag);
                self.out.extend_from_slice(&c.re.to_le_bytes());
                self.out.extend_from_slice(&c.im.to_le_bytes());
            } else {
                self.byte(TYPE_COMPLEX | flag);
                self.float_text(c.re);
                self.float_text(c.im);
            }
        } else if t == vm.t.str {
            self.string(v, flag)?;
        } else if t == vm.t.tuple {
            let items = crate::tuple::items(v);
            if self.version >= 4 && items.len() < 256 {
                self.byte(TYPE_SMALL_TUPLE | flag);
                self.byte(items.len() as u8);
            } else {
                self.byte(TYPE_TUPLE | flag);
                self.size(items.len())?;
            }
            for &x in items {
                self.object(x)?;
            }
        } else if t == vm.t.list {
            let items = crate::list::lobj(v).items.borrow().clone();
            self.byte(TYPE_LIST | flag);
            self.size(items.len())?;
            for x in items {
                self.object(x)?;
            }
        } else if t == vm.t.dict {
            self.byte(TYPE_DICT | flag);
            for (k, x) in crate::dict::dobj(v).items() {
                self.object(k)?;
                self.object(x)?;
            }
            self.byte(TYPE_NULL);
        } else if t == vm.t.set || t == vm.t.frozenset {
            // CPython 3.11 writes the elements in the order of their own marshal
            // bytes (bpo-37596: reproducible output whatever the hash seed), from
            // a list of (bytes, element) pairs, so each element is held twice
            let mut keyed = Vec::new();
            for x in crate::set::elements(v) {
                keyed.push((dump_value(vm, x, self.version, true)?, x));
            }
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            self.byte(if t == vm.t.set { TYPE_SET } else { TYPE_FROZENSET } | flag);
            self.size(keyed.len())?;
            for (_, x) in keyed {
                self.object_held(x, true)?;
            }
        } else if let Some(b) = crate::bytes::buffer_bytes(v) {
            // bytes and any other buffer (bytearray, memoryview, array) read back as bytes
            self.byte(TYPE_STRING | flag);
            self.pstring(&b)?;
        } else if let Some(co) = v.downcast::<crate::function::CodeObj>() {
            // Ferropy's own code format (the bytecode cache's payload), not CPython's.
            self.byte(TYPE_CODE | flag);
            self.pstring(&compiler::cache::serialize(&co.code))?;
        } else {
            return Err(WriteError::Unmarshallable);
        }
        Ok(())
    }

    /// An int outside 32 bits: its magnitude in base-2**15 digits, least first.
    fn bigint(&mut self, b: &BigInt, flag: u8) -> Result<(), WriteError> {
        let mut digits = Vec::new();
        let mut m = b.magnitude().clone();
        let mask = num_bigint::BigUint::from(0x7fffu32);
        while m.bits() > 0 {
            let d = (&m & &mask).to_u32_digits().first().copied().unwrap_or(0);
            digits.push(d as u16);
            m >>= 15;
        }
        let n = i32::try_from(digits.len()).map_err(|_| WriteError::Unmarshallable)?;
        self.byte(TYPE_LONG | flag);
        self.long(if b.sign() == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }

    fn string(&mut self, v: Value, flag: u8) -> Result<(), WriteError> {
        let s = v.downcast::<crate::str::StrObj>().ok_or(WriteError::Unmarshallable)?;
        let interned = interned(s);
        let b = s.wtf8();
        if self.version >= 4 && s.is_ascii() {
            if b.len() < 256 {
                self.byte(if interned { TYPE_SHORT_ASCII_INTERNED } else { TYPE_SHORT_ASCII } | flag);
                self.byte(b.len() as u8);
                self.out.extend_from_slice(b);
                return Ok(());
            }
            self.byte(if interned { TYPE_ASCII_INTERNED } else { TYPE_ASCII } | flag);
        } else {
            // generalized UTF-8 is what CPython's 'surrogatepass' UTF-8 encoder gives
            self.byte(if self.version >= 3 && interned { TYPE_INTERNED } else { TYPE_UNICODE } | flag);
        }
        self.pstring(b)
    }
}

/// Whether CPython would have interned str `s` (see the module comment).
fn interned(s: &crate::str::StrObj) -> bool {
    s.is_interned() && s.as_str().bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The marshal bytes of `v` on its own; `top_shared`: the caller holds it (see the
/// module comment).
fn dump_value(vm: &Vm, v: Value, version: i64, top_shared: bool) -> Result<Vec<u8>, WriteError> {
    let mut w = Writer { vm, out: Vec::new(), version, refs: HashMap::new(), seen: HashMap::new(), depth: 0, top_shared };
    if version >= 3 {
        w.count(v, 0);
    }
    w.object(v)?;
    Ok(w.out)
}

/// The marshal bytes of `v`.
fn write(vm: &mut Vm, v: Value, version: i64) -> PyResult<Vec<u8>> {
    match dump_value(vm, v, version, true) {
        Ok(out) => Ok(out),
        Err(WriteError::Unmarshallable) => Err(vm.value_error("unmarshallable object")),
        Err(WriteError::TooDeep) => Err(vm.value_error("object too deeply nested to marshal")),
    }
}

fn version_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        None => Ok(VERSION),
        Some(v) => Ok(i64::from(crate::number::index_c_int(vm, v)?)),
    }
}

fn dumps(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "marshal.dumps")?;
    let a = args.exact(vm, "dumps", 1, 2)?;
    let version = version_arg(vm, a.get(1).copied())?;
    let out = write(vm, a[0], version)?;
    Ok(crate::bytes::new_bytes(vm, out))
}

fn dump(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "marshal.dump")?;
    let a = args.exact(vm, "dump", 2, 3)?;
    let version = version_arg(vm, a.get(2).copied())?;
    let out = write(vm, a[0], version)?;
    let b = crate::bytes::new_bytes(vm, out);
    crate::call::call_method(vm, a[1], "write", &[b])
}

/// Where the marshal data comes from.
enum Source {
    Bytes(Vec<u8>, usize),
    /// A file object read with `readinto()` as the data is needed, so it is left
    /// just past the object.
    File(Value),
}

struct Reader {
    src: Source,
    /// The objects read with FLAG_REF, in order: a Python list, so they stay alive.
    refs: Value,
    /// Which entries of `refs` are complete (a tuple or frozenset is not while its
    /// items are read).
    ready: Vec<bool>,
    depth: usize,
}

fn too_short(vm: &mut Vm) -> PyErr {
    let t = vm.e.eof_error;
    vm.new_exc(t, "marshal data too short")
}

fn bad(vm: &mut Vm, what: &str) -> PyErr {
    vm.value_error(format!("bad marshal data ({what})"))
}

impl Reader {
    fn read(&mut self, vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
        match &mut self.src {
            Source::Bytes(data, pos) => {
                if data.len() - *pos < n {
                    *pos = data.len();
                    return Err(too_short(vm));
                }
                let out = data[*pos..*pos + n].to_vec();
                *pos += n;
                Ok(out)
            }
            Source::File(f) => read_file(vm, *f, n),
        }
    }

    /// The next byte, None at the end of the data.
    fn byte(&mut self, vm: &mut Vm) -> PyResult<Option<u8>> {
        match &mut self.src {
            Source::Bytes(data, pos) => {
                let b = data.get(*pos).copied();
                *pos += usize::from(b.is_some());
                Ok(b)
            }
            Source::File(f) => match read_file(vm, *f, 1) {
                Ok(b) => Ok(b.first().copied()),
                Err(e) if crate::exceptions::matches(vm, e, vm.e.eof_error) => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    fn long(&mut self, vm: &mut Vm) -> PyResult<i32> {
        let b = self.read(vm, 4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self, vm: &mut Vm, what: &str) -> PyResult<usize> {
        let n = self.long(vm)?;
        usize::try_from(n).map_err(|_| bad(vm, &format!("{what} size out of range")))
    }

    /// A float written as text (1-byte length).
    fn float_text(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let n = self.read(vm, 1)?[0];
        let b = self.read(vm, usize::from(n))?;
        match format::parse::parse_float_ascii(&b) {
            Some(x) => Ok(x),
            None => {
                let text = String::from_utf8_lossy(&b).into_owned();
                let m = format!("could not convert string to float: {}", format::repr::str_repr(&text));
                Err(vm.value_error(m))
            }
        }
    }

    fn f64(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let b = self.read(vm, 8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&b);
        Ok(f64::from_le_bytes(a))
    }

    /// Reserves the next reference index for an object still being built.
    fn reserve(&mut self, vm: &mut Vm, flag: bool) -> Option<usize> {
        if !flag {
            return None;
        }
        let none = vm.none;
        let l = crate::list::lobj(self.refs);
        l.items.borrow_mut().push(none);
        self.ready.push(false);
        Some(self.ready.len() - 1)
    }

    fn fill(&mut self, slot: Option<usize>, v: Value) {
        if let Some(i) = slot {
            crate::list::lobj(self.refs).items.borrow_mut()[i] = v;
            self.ready[i] = true;
        }
    }

    /// The next object; None for TYPE_NULL (a dict's end).
    fn object(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH { Err(vm.value_error("recursion limit exceeded")) } else { self.object_inner(vm) };
        self.depth -= 1;
        r
    }

    /// The next object, which must not be TYPE_NULL inside a `what`.
    fn item(&mut self, vm: &mut Vm, what: &str) -> PyResult {
        match self.object(vm)? {
            Some(v) => Ok(v),
            None => Err(vm.type_error(format!("NULL object in marshal data for {what}"))),
        }
    }

    fn object_inner(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(code) = self.byte(vm)? else {
            let t = vm.e.eof_error;
            return Err(vm.new_exc(t, "EOF read where object expected"));
        };
        let flag = code & FLAG_REF != 0;
        let ty = code & !FLAG_REF;
        let v = match ty {
            TYPE_NULL => return Ok(None),
            TYPE_NONE => return Ok(Some(vm.none)),
            TYPE_STOPITER => return Ok(Some(vm.e.stop_iteration)),
            TYPE_ELLIPSIS => return Ok(Some(vm.ellipsis)),
            TYPE_FALSE => return Ok(Some(vm.false_)),
            TYPE_TRUE => return Ok(Some(vm.true_)),
            TYPE_REF => {
                let n = self.long(vm)?;
                let i = usize::try_from(n).ok().filter(|&i| self.ready.get(i) == Some(&true));
                let Some(i) = i else { return Err(bad(vm, "invalid reference")) };
                return Ok(Some(crate::list::lobj(self.refs).items.borrow()[i]));
            }
            TYPE_INT => {
                let x = self.long(vm)?;
                Value::small(i64::from(x))
            }
            TYPE_INT64 => {
                let b = self.read(vm, 8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(&b);
                crate::int::from_i64(vm, i64::from_le_bytes(a))
            }
            TYPE_LONG => self.bigint(vm)?,
            TYPE_FLOAT => {
                let x = self.float_text(vm)?;
                crate::float::new_float(vm, x)
            }
            TYPE_BINARY_FLOAT => {
                let x = self.f64(vm)?;
                crate::float::new_float(vm, x)
            }
            TYPE_COMPLEX => {
                let re = self.float_text(vm)?;
                let im = self.float_text(vm)?;
                crate::complex::new_complex(vm, re, im)
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.f64(vm)?;
                let im = self.f64(vm)?;
                crate::complex::new_complex(vm, re, im)
            }
            TYPE_STRING => {
                let n = self.size(vm, "bytes object")?;
                let b = self.read(vm, n)?;
                crate::bytes::new_bytes(vm, b)
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = if ty == TYPE_SHORT_ASCII || ty == TYPE_SHORT_ASCII_INTERNED {
                    usize::from(self.read(vm, 1)?[0])
                } else {
                    self.size(vm, "string")?
                };
                let b = self.read(vm, n)?;
                // CPython reads these bytes as Latin-1
                let text = crate::codecs::decode_latin1(&b);
                if ty == TYPE_ASCII_INTERNED || ty == TYPE_SHORT_ASCII_INTERNED {
                    vm.intern(&text)
                } else {
                    crate::str::new_str(vm, text)
                }
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.size(vm, "string")?;
                let b = self.read(vm, n)?;
                let raw = crate::bytes::new_bytes(vm, b);
                let enc = vm.intern("utf-8");
                let errors = vm.intern("surrogatepass");
                let s = crate::codecs::decode_value(vm, raw, enc, errors, "decode")?;
                if ty == TYPE_INTERNED {
                    match crate::str::as_str(s) {
                        Some(text) if !crate::str::has_surrogates(s) => vm.intern(&text.to_string()),
                        _ => s,
                    }
                } else {
                    s
                }
            }
            TYPE_TUPLE | TYPE_SMALL_TUPLE => {
                let n = if ty == TYPE_SMALL_TUPLE { usize::from(self.read(vm, 1)?[0]) } else { self.size(vm, "tuple")? };
                let slot = self.reserve(vm, flag);
                let buf = crate::list::ValueBuf::new(vm);
                for _ in 0..n {
                    let x = self.item(vm, "tuple")?;
                    buf.push(x);
                }
                let t = buf.into_tuple(vm);
                self.fill(slot, t);
                return Ok(Some(t));
            }
            TYPE_LIST => {
                let n = self.size(vm, "list")?;
                let l = crate::list::new_list(vm, Vec::new());
                let slot = self.reserve(vm, flag);
                self.fill(slot, l);
                for _ in 0..n {
                    let x = self.item(vm, "list")?;
                    crate::list::lobj(l).items.borrow_mut().push(x);
                }
                return Ok(Some(l));
            }
            TYPE_DICT => {
                let d = crate::dict::new_dict(vm);
                let slot = self.reserve(vm, flag);
                self.fill(slot, d);
                loop {
                    let Some(k) = self.object(vm)? else { break };
                    let Some(x) = self.object(vm)? else { break };
                    crate::dict::set_item(vm, d, k, x)?;
                }
                return Ok(Some(d));
            }
            TYPE_SET => {
                let n = self.size(vm, "set")?;
                let s = crate::set::new_set(vm);
                let slot = self.reserve(vm, flag);
                self.fill(slot, s);
                for _ in 0..n {
                    let x = self.item(vm, "set")?;
                    crate::set::add(vm, s, x)?;
                }
                return Ok(Some(s));
            }
            TYPE_FROZENSET => {
                let n = self.size(vm, "set")?;
                let slot = self.reserve(vm, flag);
                let s = crate::set::new_set(vm);
                for _ in 0..n {
                    let x = self.item(vm, "set")?;
                    crate::set::add(vm, s, x)?;
                }
                let f = crate::set::frozen_copy(vm, s)?;
                self.fill(slot, f);
                return Ok(Some(f));
            }
            TYPE_CODE => {
                let n = self.size(vm, "code")?;
                let payload = self.read(vm, n)?;
                // Verified like a bytecode cache file: the data may hold anything.
                let code = compiler::cache::deserialize(&payload, None)
                    .and_then(|c| compiler::verify::Verified::new(std::rc::Rc::new(c)).ok());
                let Some(code) = code else {
                    return Err(bad(vm, "invalid code object"));
                };
                crate::function::new_code(vm, code)
            }
            _ => return Err(bad(vm, "unknown type code")),
        };
        let slot = self.reserve(vm, flag);
        self.fill(slot, v);
        Ok(Some(v))
    }

    /// TYPE_LONG: a signed count of base-2**15 digits, least significant first.
    fn bigint(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let n = self.long(vm)?;
        if n == i32::MIN {
            return Err(bad(vm, "long size out of range"));
        }
        let count = n.unsigned_abs() as usize;
        let mut digits = Vec::with_capacity(count.min(1 << 16));
        for _ in 0..count {
            let b = self.read(vm, 2)?;
            let d = u16::from_le_bytes([b[0], b[1]]);
            if d > 0x7fff {
                return Err(bad(vm, "digit out of range in long"));
            }
            digits.push(d);
        }
        if digits.last() == Some(&0) {
            return Err(bad(vm, "unnormalized long data"));
        }
        let mut m = BigInt::from(0);
        for &d in digits.iter().rev() {
            m = (m << 15) + BigInt::from(d);
        }
        if n < 0 {
            m = -m;
        }
        Ok(crate::int::from_bigint(vm, m))
    }
}

/// `n` bytes from file `f`, read as CPython does with `f.readinto()`.
fn read_file(vm: &mut Vm, f: Value, n: usize) -> PyResult<Vec<u8>> {
    if n == 0 {
        return Ok(Vec::new());
    }
    let buf = crate::bytes::new_bytearray(vm, vec![0; n]);
    let got = crate::call::call_method(vm, f, "readinto", &[buf])?;
    let read = crate::number::index_i64(vm, got)?;
    if read != n as i64 {
        if read > n as i64 {
            return Err(vm.value_error(format!("read() returned too much data: {n} bytes requested, {read} returned")));
        }
        let t = vm.e.eof_error;
        return Err(vm.new_exc(t, "EOF read where not expected"));
    }
    let data = buf.downcast::<crate::bytes::ByteArrayObj>().map(|b| b.data.borrow().clone()).unwrap_or_default();
    Ok(data.into_iter().take(n).collect())
}

/// The bytes a file's `read()` returned ("file.read() returned not bytes but str").
fn file_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match crate::bytes::as_bytes(v) {
        Some(b) if vm.type_of(v) == vm.t.bytes || vm.type_of(v) == vm.t.bytearray => Ok(b),
        _ => {
            let m = format!("file.read() returned not bytes but {}", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

fn read_object(vm: &mut Vm, src: Source) -> PyResult {
    let refs = crate::list::new_list(vm, Vec::new());
    let _pin = crate::gc::pin(refs);
    let mut r = Reader { src, refs, ready: Vec::new(), depth: 0 };
    match r.object(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("NULL object in marshal data for object")),
    }
}

/// `marshal.loads(data)` for a bytes-like `data`.
pub fn loads_value(vm: &mut Vm, data: Value) -> PyResult {
    let data = crate::bytes::buffer_arg(vm, data)?;
    read_object(vm, Source::Bytes(data, 0))
}

fn loads(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "marshal.loads")?;
    let a = args.exact(vm, "marshal.loads", 1, 1)?;
    loads_value(vm, a[0])
}

fn load(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "marshal.load")?;
    let a = args.exact(vm, "marshal.load", 1, 1)?;
    // CPython first checks that the file gives bytes
    let zero = Value::small(0);
    let probe = crate::call::call_method(vm, a[0], "read", &[zero])?;
    file_bytes(vm, probe)?;
    read_object(vm, Source::File(a[0]))
}

const DOC: &str = "This module contains functions that can read and write Python values in\n\
a binary format. The format is specific to Python, but independent of\n\
machine architecture issues.\n\
\n\
Not all Python object types are supported; in general, only objects\n\
whose value is independent from a particular invocation of Python can be\n\
written and read by this module. The following types are supported:\n\
None, integers, floating point numbers, strings, bytes, bytearrays,\n\
tuples, lists, sets, dictionaries, and code objects, where it\n\
should be understood that tuples, lists and dictionaries are only\n\
supported as long as the values contained therein are themselves\n\
supported; and recursive lists and dictionaries should not be written\n\
(they will cause infinite loops).\n\
\n\
Variables:\n\
\n\
version -- indicates the format that the module uses. Version 0 is the\n    \
historical format, version 1 shares interned strings and version 2\n    \
uses a binary format for floating point numbers.\n    \
Version 3 shares common object references (New in version 3.4).\n\
\n\
Functions:\n\
\n\
dump() -- write value to a file\n\
load() -- read value from a file\n\
dumps() -- marshal value as a bytes object\n\
loads() -- read value from a bytes-like object";

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let doc = crate::str::alloc_str(vm, DOC);
    super::set_attr(vm, m, "__doc__", doc)?;
    super::add_functions(vm, m, &[("dumps", dumps), ("dump", dump), ("loads", loads), ("load", load)])?;
    super::set_attr(vm, m, "version", Value::small(VERSION))
}
