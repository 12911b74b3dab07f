//! The `array` module, following CPython's Modules/arraymodule.c on 64-bit
//! Linux: typed arrays of machine values (`b B u h H i I l L q Q f d`) kept as
//! raw native-order bytes, their iterator, and `_array_reconstructor` (the
//! pickle protocol 3+ path, also used by `copy`).
//!
//! Item conversion reproduces the C argument parsers CPython goes through per
//! typecode (a `b` item is parsed as a C short first, `H` as a C int, ...), so
//! the OverflowError wording matches. The bytes are also exposed to the
//! buffer readers of `bytes`/`struct` through `buffer_bytes`.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyErr, PyResult};
use crate::ops;
use crate::payload;
use crate::typeobj::{add_getter, add_method, add_static, new_static_type, set_attr_raw, tflag};
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::CmpOp;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::cell::{Cell, RefCell};

pub const TYPECODES: &str = "bBuhHiIlLqQfd";

pub struct ArrayObj {
    tc: u8,
    data: RefCell<Vec<u8>>,
}

impl Trace for ArrayObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(ArrayObj, "array");

pub struct ArrayIter {
    array: Value,
    index: Cell<usize>,
}

impl Trace for ArrayIter {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.array);
    }
}
payload!(ArrayIter, "arrayiterator");

thread_local! {
    /// array, arrayiterator, _array_reconstructor.
    static TYPES: Cell<[Value; 3]> = const { Cell::new([Value::NULL; 3]) };
}

fn types() -> [Value; 3] {
    TYPES.with(|c| c.get())
}

fn itemsize(tc: u8) -> usize {
    match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

impl ArrayObj {
    fn size(&self) -> usize {
        itemsize(self.tc)
    }
    fn len(&self) -> usize {
        self.data.borrow().len() / self.size()
    }
    fn raw(&self, i: usize) -> [u8; 8] {
        let n = self.size();
        let mut b = [0u8; 8];
        b[..n].copy_from_slice(&self.data.borrow()[i * n..(i + 1) * n]);
        b
    }
}

// ---- hooks for other modules (buffer readers) ----

/// The bytes of an array, for readers of bytes-like objects.
pub fn buffer_bytes(v: Value) -> Option<Vec<u8>> {
    v.downcast::<ArrayObj>().map(|a| a.data.borrow().clone())
}

/// An array as a buffer exporter (`memoryview(array)`): its item format (the
/// struct code of its type code) and item size; None if `v` is not an array.
pub fn buffer_format(v: Value) -> Option<(&'static str, usize)> {
    let a = v.downcast::<ArrayObj>()?;
    let format = match a.tc {
        b'b' => "b",
        b'B' => "B",
        b'u' => "w",
        b'h' => "h",
        b'H' => "H",
        b'i' => "i",
        b'I' => "I",
        b'l' => "l",
        b'L' => "L",
        b'q' => "q",
        b'Q' => "Q",
        b'f' => "f",
        _ => "d",
    };
    Some((format, itemsize(a.tc)))
}

/// Runs `f` over an array's bytes (a view's read).
pub fn with_bytes<R>(v: Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    v.downcast::<ArrayObj>().map(|a| f(&a.data.borrow()))
}

/// Runs `f` over an array's bytes, writable (a view's write).
pub fn with_bytes_mut<R>(v: Value, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
    v.downcast::<ArrayObj>().map(|a| f(&mut a.data.borrow_mut()))
}

/// The byte length of an array (a writable buffer).
pub fn byte_len(v: Value) -> Option<usize> {
    v.downcast::<ArrayObj>().map(|a| a.data.borrow().len())
}

/// Writes `data` at byte `offset` of an array; false if `v` is not one.
pub fn write_bytes(v: Value, offset: usize, data: &[u8]) -> bool {
    match v.downcast::<ArrayObj>() {
        Some(a) => {
            let mut d = a.data.borrow_mut();
            if offset + data.len() <= d.len() {
                d[offset..offset + data.len()].copy_from_slice(data);
            }
            true
        }
        None => false,
    }
}

// ---- item conversion ----

fn decode(vm: &mut Vm, tc: u8, b: [u8; 8]) -> Value {
    let u = u64::from_le_bytes(b);
    match tc {
        b'b' => crate::int::from_i64(vm, b[0] as i8 as i64),
        b'B' => Value::small(b[0] as i64),
        b'h' => Value::small(u as u16 as i16 as i64),
        b'H' => Value::small(u as u16 as i64),
        b'i' => crate::int::from_i64(vm, u as u32 as i32 as i64),
        b'I' => crate::int::from_i64(vm, u as u32 as i64),
        b'l' | b'q' => crate::int::from_i64(vm, u as i64),
        b'L' | b'Q' => {
            if u > i64::MAX as u64 {
                crate::int::from_bigint(vm, BigInt::from(u))
            } else {
                crate::int::from_i64(vm, u as i64)
            }
        }
        b'f' => crate::float::new_float(vm, f32::from_bits(u as u32) as f64),
        b'd' => crate::float::new_float(vm, f64::from_bits(u)),
        _ => {
            // 'u': a wchar_t; out-of-range values only come from raw bytes.
            let c = char::from_u32(u as u32).unwrap_or('\u{fffd}');
            crate::str::char_str(vm, c)
        }
    }
}

fn overflow(vm: &mut Vm, msg: &str) -> PyErr {
    vm.overflow_error(msg)
}

/// A C long from an int-like item ("Python int too large to convert to C long").
fn c_long(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let b = crate::number::index_bigint(vm, v)?;
    b.to_i64().ok_or_else(|| overflow(vm, "Python int too large to convert to C long"))
}

fn c_range(vm: &mut Vm, x: i64, lo: i64, hi: i64, what: &str) -> PyResult<()> {
    if x < lo {
        return Err(overflow(vm, &format!("{what} is less than minimum")));
    }
    if x > hi {
        return Err(overflow(vm, &format!("{what} is greater than maximum")));
    }
    Ok(())
}

/// An unsigned C long (`PyLong_AsUnsignedLong` after `__index__`).
fn c_ulong(vm: &mut Vm, v: Value) -> PyResult<u64> {
    let b = crate::number::index_bigint(vm, v)?;
    if b.is_negative() {
        return Err(overflow(vm, "can't convert negative value to unsigned int"));
    }
    b.to_u64().ok_or_else(|| overflow(vm, "Python int too large to convert to C unsigned long"))
}

/// The native bytes of item `v` for typecode `tc`, or the error CPython's
/// setitem routine raises.
fn encode(vm: &mut Vm, tc: u8, v: Value) -> PyResult<[u8; 8]> {
    let x: u64 = match tc {
        b'b' => {
            let x = c_long(vm, v)?;
            c_range(vm, x, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            c_range(vm, x, -128, 127, "signed char")?;
            x as u64
        }
        b'B' => {
            let x = c_long(vm, v)?;
            c_range(vm, x, 0, 255, "unsigned byte integer")?;
            x as u64
        }
        b'h' => {
            let x = c_long(vm, v)?;
            c_range(vm, x, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            x as u64
        }
        b'H' => {
            let x = c_long(vm, v)?;
            c_range(vm, x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            c_range(vm, x, 0, u16::MAX as i64, "unsigned short")?;
            x as u64
        }
        b'i' => {
            let x = c_long(vm, v)?;
            c_range(vm, x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            x as u64
        }
        b'I' => {
            let x = c_ulong(vm, v)?;
            if x > u32::MAX as u64 {
                return Err(overflow(vm, "unsigned int is greater than maximum"));
            }
            x
        }
        b'l' => c_long(vm, v)? as u64,
        b'L' => c_ulong(vm, v)?,
        b'q' => {
            let b = crate::number::index_bigint(vm, v)?;
            b.to_i64().ok_or_else(|| overflow(vm, "int too big to convert"))? as u64
        }
        b'Q' => {
            let b = crate::number::index_bigint(vm, v)?;
            if b.is_negative() {
                return Err(overflow(vm, "can't convert negative int to unsigned"));
            }
            b.to_u64().ok_or_else(|| overflow(vm, "int too big to convert"))?
        }
        b'f' => (crate::float::as_double(vm, v)? as f32).to_bits() as u64,
        b'd' => crate::float::as_double(vm, v)?.to_bits(),
        _ => match crate::str::as_str(v) {
            Some(s) if s.chars().count() == 1 => s.chars().next().map_or(0, |c| c as u64),
            _ => return Err(vm.type_error("array item must be unicode character")),
        },
    };
    Ok(x.to_le_bytes())
}

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static ArrayObj> {
    match v.downcast::<ArrayObj>() {
        Some(a) => Ok(a),
        None => {
            let m = format!("descriptor requires a 'array.array' object but received a '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

fn new_array(vm: &mut Vm, cls: Value, tc: u8, data: Vec<u8>) -> Value {
    vm.alloc(cls, ArrayObj { tc, data: RefCell::new(data) })
}

/// A new plain array (never a subclass, as CPython's slices and sums) of `a`'s typecode.
fn same_kind(vm: &mut Vm, a: Value, data: Vec<u8>) -> Value {
    let tc = a.downcast::<ArrayObj>().map_or(b'b', |x| x.tc);
    let t = types()[0];
    new_array(vm, t, tc, data)
}

/// Appends the items of an iterable, each converted; items before a failing one stay.
fn extend_iter(vm: &mut Vm, a: &ArrayObj, it_src: Value) -> PyResult<()> {
    let it = ops::iter(vm, it_src)?;
    while let Some(v) = ops::next(vm, it)? {
        let b = encode(vm, a.tc, v)?;
        let n = a.size();
        a.data.borrow_mut().extend_from_slice(&b[..n]);
    }
    Ok(())
}

fn frombytes_into(vm: &mut Vm, a: &ArrayObj, b: &[u8]) -> PyResult<()> {
    if b.len() % a.size() != 0 {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    a.data.borrow_mut().extend_from_slice(b);
    Ok(())
}

fn fromunicode_into(a: &ArrayObj, s: &str) {
    let mut d = a.data.borrow_mut();
    for c in s.chars() {
        d.extend_from_slice(&(c as u32).to_le_bytes());
    }
}

// ---- construction ----

fn array_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let rest = args.shift();
    if rest.has_kw() && cls == types()[0] {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let pos = rest.pos();
    if pos.is_empty() || pos.len() > 2 {
        let m = format!("array() takes at most 2 arguments ({} given)", pos.len());
        let m = if pos.is_empty() { "array() takes at least 1 argument (0 given)".to_string() } else { m };
        return Err(vm.type_error(m));
    }
    let tcv = pos[0];
    let tc = match crate::str::as_str(tcv) {
        Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or('?'),
        _ => {
            let m = format!("array() argument 1 must be a unicode character, not {}", vm.type_name(tcv));
            return Err(vm.type_error(m));
        }
    };
    if !TYPECODES.contains(tc) {
        return Err(vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"));
    }
    let tc = tc as u8;
    let init = pos.get(1).copied();
    if let Some(init) = init {
        if tc != b'u' {
            if crate::str::as_str(init).is_some() {
                let m = format!("cannot use a str to initialize an array with typecode '{}'", tc as char);
                return Err(vm.type_error(m));
            }
            if init.downcast::<ArrayObj>().is_some_and(|x| x.tc == b'u') {
                let m = format!("cannot use a unicode array to initialize an array with typecode '{}'", tc as char);
                return Err(vm.type_error(m));
            }
        }
    }
    let a = new_array(vm, cls, tc, Vec::new());
    let obj = this(vm, a)?;
    let Some(init) = init else { return Ok(a) };
    if let Some(s) = crate::str::as_str(init) {
        fromunicode_into(obj, s);
    } else if let Some(src) = init.downcast::<ArrayObj>().filter(|x| x.tc == tc) {
        let d = src.data.borrow().clone();
        *obj.data.borrow_mut() = d;
    } else if let Some(b) = crate::bytes::as_bytes(init) {
        frombytes_into(vm, obj, &b)?;
        if tc == b'u' {
            check_unicode(vm, obj)?;
        }
    } else {
        extend_iter(vm, obj, init)?;
    }
    Ok(a)
}

/// A 'u' array built from bytes must hold valid code points.
fn check_unicode(vm: &mut Vm, a: &ArrayObj) -> PyResult<()> {
    let bad = a.data.borrow().chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).find(|&u| char::from_u32(u).is_none() && u > 0x10ffff);
    match bad {
        Some(u) => Err(vm.value_error(format!("character U+{u:x} is not in range [U+0000; U+10ffff]"))),
        None => Ok(()),
    }
}

// ---- sequence protocol ----

fn norm_index(vm: &mut Vm, a: &ArrayObj, i: Value, what: &str) -> PyResult<usize> {
    let ie = vm.e.index_error;
    let mut i = crate::number::as_ssize(vm, i, ie)?;
    let n = a.len() as i64;
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(vm.index_error(what));
    }
    Ok(i as usize)
}

fn array_len(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__len__", 1, 1)?;
    let n = this(vm, a[0])?.len();
    Ok(crate::int::from_usize(vm, n))
}

fn array_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    let arr = this(vm, a[0])?;
    let key = a[1];
    if let Some(s) = key.downcast::<crate::slice::SliceObj>() {
        let (start, _, step, count) = crate::slice::indices(vm, s, arr.len())?;
        let n = arr.size();
        let mut out = Vec::with_capacity(count * n);
        {
            let d = arr.data.borrow();
            for k in 0..count {
                let i = (start + k as i64 * step) as usize;
                out.extend_from_slice(&d[i * n..(i + 1) * n]);
            }
        }
        return Ok(same_kind(vm, a[0], out));
    }
    if !crate::number::has_index(vm, key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = norm_index(vm, arr, key, "array index out of range")?;
    let raw = arr.raw(i);
    Ok(decode(vm, arr.tc, raw))
}

fn array_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setitem__", 3, 3)?;
    let arr = this(vm, a[0])?;
    let (key, v) = (a[1], a[2]);
    if let Some(s) = key.downcast::<crate::slice::SliceObj>() {
        return assign_slice(vm, a[0], s, v);
    }
    if !crate::number::has_index(vm, key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = norm_index(vm, arr, key, "array assignment index out of range")?;
    let b = encode(vm, arr.tc, v)?;
    let n = arr.size();
    // The item may have been converted by Python code that resized the array.
    let mut d = arr.data.borrow_mut();
    if (i + 1) * n <= d.len() {
        d[i * n..(i + 1) * n].copy_from_slice(&b[..n]);
    }
    Ok(vm.none)
}

fn assign_slice(vm: &mut Vm, this_v: Value, s: &crate::slice::SliceObj, v: Value) -> PyResult {
    let arr = this(vm, this_v)?;
    let src: Vec<u8> = match v.downcast::<ArrayObj>() {
        Some(o) if o.tc == arr.tc => o.data.borrow().clone(),
        Some(_) => return Err(vm.type_error("bad argument type for built-in operation")),
        None => {
            let m = format!("can only assign array (not \"{}\") to array slice", vm.type_name(v));
            return Err(vm.type_error(m));
        }
    };
    let (start, stop, step, count) = crate::slice::indices(vm, s, arr.len())?;
    let n = arr.size();
    let needed = src.len() / n;
    let mut d = arr.data.borrow_mut();
    if step == 1 {
        let lo = start as usize;
        let hi = (stop.max(start)) as usize;
        d.splice(lo * n..hi * n, src);
        return Ok(vm.none);
    }
    if needed == 0 {
        // Deleting an extended slice.
        drop(d);
        delete_extended(arr, start, step, count);
        return Ok(vm.none);
    }
    if needed != count {
        drop(d);
        let m = format!("attempt to assign array of size {needed} to extended slice of size {count}");
        return Err(vm.value_error(m));
    }
    for k in 0..count {
        let i = (start + k as i64 * step) as usize;
        d[i * n..(i + 1) * n].copy_from_slice(&src[k * n..(k + 1) * n]);
    }
    Ok(vm.none)
}

fn delete_extended(arr: &ArrayObj, start: i64, step: i64, count: usize) {
    let n = arr.size();
    let len = arr.len();
    let drop_idx: std::collections::HashSet<usize> = (0..count).map(|k| (start + k as i64 * step) as usize).collect();
    let mut d = arr.data.borrow_mut();
    let mut out = Vec::with_capacity(d.len());
    for i in 0..len {
        if !drop_idx.contains(&i) {
            out.extend_from_slice(&d[i * n..(i + 1) * n]);
        }
    }
    *d = out;
}

fn array_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__delitem__", 2, 2)?;
    let arr = this(vm, a[0])?;
    let key = a[1];
    if let Some(s) = key.downcast::<crate::slice::SliceObj>() {
        let (start, stop, step, count) = crate::slice::indices(vm, s, arr.len())?;
        if step == 1 {
            let n = arr.size();
            let hi = stop.max(start) as usize;
            arr.data.borrow_mut().drain(start as usize * n..hi * n);
        } else {
            delete_extended(arr, start, step, count);
        }
        return Ok(vm.none);
    }
    if !crate::number::has_index(vm, key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = norm_index(vm, arr, key, "array assignment index out of range")?;
    let n = arr.size();
    arr.data.borrow_mut().drain(i * n..(i + 1) * n);
    Ok(vm.none)
}

fn array_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    let found = find(vm, a[0], a[1], 0, usize::MAX)?.is_some();
    Ok(vm.bool(found))
}

/// The first index in [start, stop) whose item equals `v`.
fn find(vm: &mut Vm, av: Value, v: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let arr = this(vm, av)?;
    let mut i = start;
    while i < stop.min(arr.len()) {
        let raw = arr.raw(i);
        let item = decode(vm, arr.tc, raw);
        if ops::eq(vm, item, v)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn array_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    this(vm, a[0])?;
    let t = types()[1];
    Ok(vm.alloc(t, ArrayIter { array: a[0], index: Cell::new(0) }))
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__next__", 1, 1)?;
    let Some(it) = a[0].downcast::<ArrayIter>() else {
        return Err(vm.type_error("descriptor '__next__' requires a 'array.arrayiterator' object"));
    };
    let arr = this(vm, it.array)?;
    let i = it.index.get();
    if i >= arr.len() {
        // Exhausted for good, as CPython drops its reference.
        it.index.set(usize::MAX);
        return Err(vm.stop_iteration(Value::NULL));
    }
    it.index.set(i + 1);
    let raw = arr.raw(i);
    Ok(decode(vm, arr.tc, raw))
}

fn iter_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(a[0])
}

fn iter_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    let Some(it) = a[0].downcast::<ArrayIter>() else {
        return Err(vm.type_error("descriptor '__reduce__' requires a 'array.arrayiterator' object"));
    };
    let builtins = vm.builtins;
    let name_ = vm.intern_static("iter");

    let iter_fn = crate::attr::getattr(vm, builtins, name_)?;
    let i = it.index.get();
    if i == usize::MAX {
        let empty = crate::tuple::new_tuple(vm, vec![]);
        let args = crate::tuple::new_tuple(vm, vec![empty]);
        return Ok(crate::tuple::new_tuple(vm, vec![iter_fn, args]));
    }
    let args = crate::tuple::new_tuple(vm, vec![it.array]);
    let idx = crate::int::from_usize(vm, i);
    Ok(crate::tuple::new_tuple(vm, vec![iter_fn, args, idx]))
}

fn iter_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setstate__", 2, 2)?;
    let Some(it) = a[0].downcast::<ArrayIter>() else {
        return Err(vm.type_error("descriptor '__setstate__' requires a 'array.arrayiterator' object"));
    };
    let i = crate::number::index_i64(vm, a[1])?;
    if it.index.get() != usize::MAX {
        let len = this(vm, it.array)?.len() as i64;
        it.index.set(i.clamp(0, len) as usize);
    }
    Ok(vm.none)
}

// ---- arithmetic ----

fn array_add(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__add__", 2, 2)?;
    let x = this(vm, a[0])?;
    match a[1].downcast::<ArrayObj>() {
        Some(y) if y.tc == x.tc => {
            let mut d = x.data.borrow().clone();
            d.extend_from_slice(&y.data.borrow());
            Ok(same_kind(vm, a[0], d))
        }
        Some(_) => Err(vm.type_error("bad argument type for built-in operation")),
        None => {
            let m = format!("can only append array (not \"{}\") to array", vm.type_name(a[1]));
            Err(vm.type_error(m))
        }
    }
}

fn array_iadd(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iadd__", 2, 2)?;
    let x = this(vm, a[0])?;
    match a[1].downcast::<ArrayObj>() {
        Some(y) if y.tc == x.tc => {
            let d = y.data.borrow().clone();
            x.data.borrow_mut().extend_from_slice(&d);
            Ok(a[0])
        }
        Some(_) => Err(vm.type_error("bad argument type for built-in operation")),
        None => {
            let m = format!("can only extend array with array (not \"{}\")", vm.type_name(a[1]));
            Err(vm.type_error(m))
        }
    }
}

/// The repeat count of `a * n` (NotImplemented for a non-index `n`).
fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<i64>> {
    if !crate::number::has_index(vm, n) {
        // CPython tries the other operand's number slot, then the sequence
        // repeat, which words the error; builtin sequences have no such slot.
        let t = vm.type_of(n);
        let seq = [vm.t.str, vm.t.bytes, vm.t.bytearray, vm.t.list, vm.t.tuple, types()[0]];
        let python_rmul = crate::typeobj::has_flag(t, tflag::HEAPTYPE) && crate::typeobj::lookup_str(vm, t, "__rmul__").is_some();
        if seq.iter().any(|s| crate::typeobj::is_subtype(t, *s)) || !python_rmul {
            let m = format!("can't multiply sequence by non-int of type '{}'", vm.type_name(n));
            return Err(vm.type_error(m));
        }
        return Ok(None);
    }
    let ie = vm.e.overflow_error;
    let k = crate::number::as_ssize(vm, n, ie)?;
    Ok(Some(k.max(0)))
}

fn repeated(vm: &mut Vm, d: &[u8], k: i64) -> PyResult<Vec<u8>> {
    let total = (d.len() as u128) * (k as u128);
    if total > isize::MAX as u128 {
        return Err(vm.memory_error());
    }
    Ok(d.repeat(k as usize))
}

fn array_mul(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__mul__", 2, 2)?;
    let x = this(vm, a[0])?;
    let Some(k) = repeat_count(vm, a[1])? else { return Ok(vm.not_implemented) };
    let d = x.data.borrow().clone();
    let out = repeated(vm, &d, k)?;
    Ok(same_kind(vm, a[0], out))
}

fn array_imul(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__imul__", 2, 2)?;
    let x = this(vm, a[0])?;
    let Some(k) = repeat_count(vm, a[1])? else { return Ok(vm.not_implemented) };
    let d = x.data.borrow().clone();
    let out = repeated(vm, &d, k)?;
    *x.data.borrow_mut() = out;
    Ok(a[0])
}

// ---- comparison ----

fn compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let a = args.exact(vm, "__eq__", 2, 2)?;
    let (Some(x), Some(y)) = (a[0].downcast::<ArrayObj>(), a[1].downcast::<ArrayObj>()) else {
        return Ok(vm.not_implemented);
    };
    let (lx, ly) = (x.len(), y.len());
    if lx != ly && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(vm.bool(op == CmpOp::Ne));
    }
    // The first differing item decides, else the lengths.
    let mut i = 0;
    loop {
        let (lx, ly) = (x.len(), y.len());
        if i >= lx || i >= ly {
            let r = match op {
                CmpOp::Lt => lx < ly,
                CmpOp::Le => lx <= ly,
                CmpOp::Eq => lx == ly,
                CmpOp::Ne => lx != ly,
                CmpOp::Gt => lx > ly,
                _ => lx >= ly,
            };
            return Ok(vm.bool(r));
        }
        let rx = x.raw(i);
        let vx = decode(vm, x.tc, rx);
        let ry = y.raw(i);
        let vy = decode(vm, y.tc, ry);
        if !ops::eq(vm, vx, vy)? {
            return match op {
                CmpOp::Eq => Ok(vm.false_),
                CmpOp::Ne => Ok(vm.true_),
                _ => ops::compare(vm, vx, vy, op),
            };
        }
        i += 1;
    }
}

fn array_eq(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, CmpOp::Eq)
}
fn array_ne(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, CmpOp::Ne)
}
fn array_lt(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, CmpOp::Lt)
}
fn array_le(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, CmpOp::Le)
}
fn array_gt(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, CmpOp::Gt)
}
fn array_ge(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, CmpOp::Ge)
}

// ---- methods ----

fn items_list(vm: &mut Vm, av: Value) -> PyResult {
    let arr = this(vm, av)?;
    let buf = crate::list::ValueBuf::new(vm);
    for i in 0..arr.len() {
        let raw = arr.raw(i);
        let v = decode(vm, arr.tc, raw);
        buf.push(v);
    }
    Ok(buf.into_list())
}

fn to_unicode(arr: &ArrayObj) -> String {
    arr.data.borrow().chunks(4).map(|c| char::from_u32(u32::from_le_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{fffd}')).collect()
}

fn array_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let arr = this(vm, a[0])?;
    let name = short_name(vm, a[0]);
    let tc = arr.tc as char;
    let s = if arr.len() == 0 {
        format!("{name}('{tc}')")
    } else {
        let body = if arr.tc == b'u' {
            let u = to_unicode(arr);
            let us = crate::str::new_str(vm, u);
            ops::repr_string(vm, us)?
        } else {
            let l = items_list(vm, a[0])?;
            ops::repr_string(vm, l)?
        };
        format!("{name}('{tc}', {body})")
    };
    Ok(crate::str::new_str(vm, s))
}

fn array_append(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.append", 1, 1)?;
    let arr = this(vm, a[0])?;
    let b = encode(vm, arr.tc, a[1])?;
    let n = arr.size();
    arr.data.borrow_mut().extend_from_slice(&b[..n]);
    Ok(vm.none)
}

fn array_extend(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.extend", 1, 1)?;
    let arr = this(vm, a[0])?;
    if let Some(o) = a[1].downcast::<ArrayObj>() {
        if o.tc != arr.tc {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        let d = o.data.borrow().clone();
        arr.data.borrow_mut().extend_from_slice(&d);
        return Ok(vm.none);
    }
    extend_iter(vm, arr, a[1])?;
    Ok(vm.none)
}

fn array_insert(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.insert", 2, 2)?;
    let arr = this(vm, a[0])?;
    let ie = vm.e.overflow_error;
    let mut i = crate::number::as_ssize(vm, a[1], ie)?;
    let b = encode(vm, arr.tc, a[2])?;
    let n = arr.len() as i64;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    let sz = arr.size();
    arr.data.borrow_mut().splice(i * sz..i * sz, b[..sz].iter().copied());
    Ok(vm.none)
}

fn array_pop(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.pop", 0, 1)?;
    let arr = this(vm, a[0])?;
    let ie = vm.e.index_error;
    let mut i = match a.get(1) {
        Some(v) => crate::number::as_ssize(vm, *v, ie)?,
        None => -1,
    };
    let n = arr.len() as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let i = i as usize;
    let raw = arr.raw(i);
    let v = decode(vm, arr.tc, raw);
    let sz = arr.size();
    arr.data.borrow_mut().drain(i * sz..(i + 1) * sz);
    Ok(v)
}

fn array_remove(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.remove", 1, 1)?;
    match find(vm, a[0], a[1], 0, usize::MAX)? {
        Some(i) => {
            let arr = this(vm, a[0])?;
            let sz = arr.size();
            arr.data.borrow_mut().drain(i * sz..(i + 1) * sz);
            Ok(vm.none)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

fn array_index(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.index", 1, 3)?;
    let arr = this(vm, a[0])?;
    let n = arr.len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<usize> {
        let Some(v) = v else { return Ok(default as usize) };
        let mut i = crate::number::index_clamped(vm, *v)?;
        if i < 0 {
            i = (i + n).max(0);
        }
        Ok(i.min(n) as usize)
    };
    let start = bound(vm, a.get(2), 0)?;
    let stop = bound(vm, a.get(3), n)?;
    match find(vm, a[0], a[1], start, stop)? {
        Some(i) => Ok(crate::int::from_usize(vm, i)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

fn array_count(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.count", 1, 1)?;
    let mut c = 0;
    let mut i = 0;
    while let Some(j) = find(vm, a[0], a[1], i, usize::MAX)? {
        c += 1;
        i = j + 1;
    }
    Ok(crate::int::from_usize(vm, c))
}

fn array_reverse(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.reverse", 0, 0)?;
    let arr = this(vm, a[0])?;
    let sz = arr.size();
    let mut d = arr.data.borrow_mut();
    let items: Vec<&[u8]> = d.chunks(sz).rev().collect();
    let out = items.concat();
    *d = out;
    Ok(vm.none)
}

fn array_byteswap(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.byteswap", 0, 0)?;
    let arr = this(vm, a[0])?;
    let sz = arr.size();
    for c in arr.data.borrow_mut().chunks_mut(sz) {
        c.reverse();
    }
    Ok(vm.none)
}

fn array_tobytes(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.tobytes", 0, 0)?;
    let d = this(vm, a[0])?.data.borrow().clone();
    Ok(crate::bytes::new_bytes(vm, d))
}

fn array_frombytes(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.frombytes", 1, 1)?;
    let arr = this(vm, a[0])?;
    let b = crate::bytes::buffer_arg(vm, a[1])?;
    frombytes_into(vm, arr, &b)?;
    Ok(vm.none)
}

fn array_tolist(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.tolist", 0, 0)?;
    items_list(vm, a[0])
}

fn array_fromlist(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.fromlist", 1, 1)?;
    let arr = this(vm, a[0])?;
    if !crate::typeobj::is_instance(vm, a[1], vm.t.list) {
        return Err(vm.type_error("arg must be list"));
    }
    // All or nothing: convert every item before appending.
    let items = crate::list::lobj(a[1]).items.borrow().clone();
    let _pin = crate::gc::pin(a[1]);
    let sz = arr.size();
    let mut out = Vec::with_capacity(items.len() * sz);
    for v in items {
        let b = encode(vm, arr.tc, v)?;
        out.extend_from_slice(&b[..sz]);
    }
    arr.data.borrow_mut().extend_from_slice(&out);
    Ok(vm.none)
}

fn array_tounicode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.tounicode", 0, 0)?;
    let arr = this(vm, a[0])?;
    if arr.tc != b'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    let s = to_unicode(arr);
    Ok(crate::str::new_str(vm, s))
}

fn array_fromunicode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.fromunicode", 1, 1)?;
    let arr = this(vm, a[0])?;
    let Some(s) = crate::str::as_str(a[1]) else {
        let m = format!("fromunicode() argument must be str, not {}", vm.type_name(a[1]));
        return Err(vm.type_error(m));
    };
    if arr.tc != b'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    fromunicode_into(arr, s);
    Ok(vm.none)
}

fn array_tofile(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.tofile", 1, 1)?;
    let d = this(vm, a[0])?.data.borrow().clone();
    // CPython writes in blocks of 64 KiB.
    for chunk in d.chunks(64 * 1024) {
        let b = crate::bytes::new_bytes(vm, chunk.to_vec());
        crate::call::call_method(vm, a[1], "write", &[b])?;
    }
    Ok(vm.none)
}

fn array_fromfile(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.fromfile", 2, 2)?;
    let arr = this(vm, a[0])?;
    let n = crate::number::index_i64(vm, a[2])?;
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let sz = arr.size() as i64;
    let nbytes = n.checked_mul(sz).ok_or_else(|| vm.memory_error())?;
    let nb = crate::int::from_i64(vm, nbytes);
    let b = crate::call::call_method(vm, a[1], "read", &[nb])?;
    let Some(data) = crate::bytes::as_bytes(b).filter(|_| b.is::<crate::bytes::BytesObj>()) else {
        return Err(vm.type_error("read() didn't return bytes"));
    };
    let whole = data.len() / sz as usize * sz as usize;
    frombytes_into(vm, arr, &data[..whole])?;
    if (data.len() as i64) != nbytes {
        let t = vm.e.eof_error;
        return Err(vm.new_exc(t, "read() didn't return enough bytes"));
    }
    Ok(vm.none)
}

fn array_buffer_info(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.buffer_info", 0, 0)?;
    let arr = this(vm, a[0])?;
    let addr = arr.data.borrow().as_ptr() as usize;
    let n = arr.len();
    let av = crate::int::from_usize(vm, addr);
    let nv = crate::int::from_usize(vm, n);
    Ok(crate::tuple::new_tuple(vm, vec![av, nv]))
}

fn array_copy(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__copy__", 1, 2)?;
    let d = this(vm, a[0])?.data.borrow().clone();
    Ok(same_kind(vm, a[0], d))
}

fn array_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.__sizeof__", 0, 0)?;
    let arr = this(vm, a[0])?;
    let n = 64 + arr.data.borrow().capacity();
    Ok(crate::int::from_usize(vm, n))
}

/// CPython's machine format code of this build's native layout for `tc`.
fn native_mformat(tc: u8) -> i64 {
    match tc {
        b'b' => 1,
        b'B' => 0,
        b'h' => 4,
        b'H' => 2,
        b'i' => 8,
        b'I' => 6,
        b'l' | b'q' => 12,
        b'L' | b'Q' => 10,
        b'f' => 14,
        b'd' => 16,
        _ => 20,
    }
}

fn array_reduce_ex(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "array.__reduce_ex__", 1, 1)?;
    let arr = this(vm, a[0])?;
    let protocol = crate::number::index_i64(vm, a[1])?;
    let cls = vm.type_of(a[0]);
    let name_ = vm.intern_static("__dict__");

    let dict = match crate::attr::getattr_opt(vm, a[0], name_)? {
        Some(d) if crate::ops::truthy(vm, d)? => d,
        _ => vm.none,
    };
    let tcs = crate::str::char_str(vm, arr.tc as char);
    if protocol < 3 {
        let l = items_list(vm, a[0])?;
        let args = crate::tuple::new_tuple(vm, vec![tcs, l]);
        return Ok(crate::tuple::new_tuple(vm, vec![cls, args, dict]));
    }
    let d = arr.data.borrow().clone();
    let b = crate::bytes::new_bytes(vm, d);
    let code = crate::int::from_i64(vm, native_mformat(arr.tc));
    let args = crate::tuple::new_tuple(vm, vec![cls, tcs, code, b]);
    let recon = types()[2];
    Ok(crate::tuple::new_tuple(vm, vec![recon, args, dict]))
}

/// (item size, signed, big-endian, kind) of a machine format code: kind 0 int,
/// 1 float, 2 UTF-16, 3 UTF-32.
fn mformat(code: i64) -> Option<(usize, bool, bool, u8)> {
    Some(match code {
        0 => (1, false, false, 0),
        1 => (1, true, false, 0),
        2..=13 => {
            let k = code - 2;
            let size = [2, 4, 8][(k / 4) as usize];
            (size, (k / 2) % 2 == 1, k % 2 == 1, 0)
        }
        14 | 15 => (4, true, code == 15, 1),
        16 | 17 => (8, true, code == 17, 1),
        18 | 19 => (2, false, code == 19, 2),
        20 | 21 => (4, false, code == 21, 3),
        _ => return None,
    })
}

/// `_array_reconstructor(arraytype, typecode, mformat_code, items)`.
fn reconstructor(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_array_reconstructor", 4, 4)?;
    let (cls, tcv, codev, items) = (a[0], a[1], a[2], a[3]);
    if !crate::typeobj::is_type(cls) {
        let m = format!("first argument must be a type object, not {}", vm.type_name(cls));
        return Err(vm.type_error(m));
    }
    if !crate::typeobj::is_subtype(cls, types()[0]) {
        let m = format!("{} is not a subtype of array.array", crate::typeobj::type_name(cls));
        return Err(vm.type_error(m));
    }
    let tc = match crate::str::as_str(tcv) {
        Some(s) if s.chars().count() == 1 && TYPECODES.contains(s) => s.as_bytes()[0],
        Some(s) if s.chars().count() == 1 => {
            return Err(vm.value_error("second argument must be a valid type code"));
        }
        _ => {
            let m = format!("_array_reconstructor() argument 2 must be a unicode character, not {}", vm.type_name(tcv));
            return Err(vm.type_error(m));
        }
    };
    let code = crate::number::index_i64(vm, codev)?;
    let Some((size, signed, big, kind)) = mformat(code) else {
        return Err(vm.value_error("third argument must be a valid machine format code."));
    };
    let Some(data) = crate::bytes::as_bytes(items).filter(|_| items.is::<crate::bytes::BytesObj>()) else {
        let m = format!("fourth argument should be bytes, not {}", vm.type_name(items));
        return Err(vm.type_error(m));
    };
    if code == native_mformat(tc) && size == itemsize(tc) {
        return Ok(new_array(vm, cls, tc, data));
    }
    if data.len() % size != 0 {
        return Err(vm.value_error("string length not a multiple of item size"));
    }
    // Decode each item from the given layout, then store it natively.
    let a = new_array(vm, cls, tc, Vec::new());
    let arr = this(vm, a)?;
    let buf = crate::list::ValueBuf::new(vm);
    for c in data.chunks(size) {
        let mut le: Vec<u8> = c.to_vec();
        if big {
            le.reverse();
        }
        let mut b8 = [0u8; 8];
        b8[..size].copy_from_slice(&le);
        let raw = u64::from_le_bytes(b8);
        let v = match kind {
            0 if signed => {
                let shift = 64 - size * 8;
                crate::int::from_i64(vm, ((raw << shift) as i64) >> shift)
            }
            0 => crate::int::from_bigint(vm, BigInt::from(raw)),
            1 if size == 4 => crate::float::new_float(vm, f32::from_bits(raw as u32) as f64),
            1 => crate::float::new_float(vm, f64::from_bits(raw)),
            _ => crate::str::char_str(vm, char::from_u32(raw as u32).unwrap_or('\u{fffd}')),
        };
        buf.push(v);
    }
    let l = buf.into_list();
    extend_iter(vm, arr, l)?;
    Ok(a)
}

fn get_typecode(vm: &mut Vm, v: Value) -> PyResult {
    let arr = this(vm, v)?;
    Ok(crate::str::char_str(vm, arr.tc as char))
}

fn get_itemsize(vm: &mut Vm, v: Value) -> PyResult {
    let arr = this(vm, v)?;
    Ok(Value::small(arr.size() as i64))
}

fn iter_new(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.type_error("cannot create 'array.arrayiterator' instances"))
}

/// The type name of `v` without a builtin type's module (CPython's `_PyType_Name`).
pub fn short_name(vm: &Vm, v: Value) -> String {
    let n = vm.type_name(v);
    match n.rfind('.') {
        Some(i) if !crate::typeobj::has_flag(vm.type_of(v), tflag::HEAPTYPE) => n[i + 1..].to_string(),
        _ => n,
    }
}

/// A builtin type named "module.name" (CPython's tp_name, which messages quote)
/// has the qualified name "name".
pub fn short_qualname(t: Value) {
    let o = crate::typeobj::tobj(t);
    let n = o.name.borrow().clone();
    if let Some(i) = n.rfind('.') {
        *o.qualname.borrow_mut() = n[i + 1..].to_string();
    }
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let obj = vm.t.object;
    let t = new_static_type(vm, "array.array", obj, tflag::BASETYPE | tflag::WEAKREFABLE | tflag::SEQUENCE);
    short_qualname(t);
    let modname = vm.intern("array");
    set_attr_raw(vm, t, "__module__", modname)?;
    add_static(vm, t, "__new__", array_new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__len__", array_len),
        ("__getitem__", array_getitem),
        ("__setitem__", array_setitem),
        ("__delitem__", array_delitem),
        ("__contains__", array_contains),
        ("__iter__", array_iter),
        ("__add__", array_add),
        ("__iadd__", array_iadd),
        ("__mul__", array_mul),
        ("__rmul__", array_mul),
        ("__imul__", array_imul),
        ("__eq__", array_eq),
        ("__ne__", array_ne),
        ("__lt__", array_lt),
        ("__le__", array_le),
        ("__gt__", array_gt),
        ("__ge__", array_ge),
        ("__repr__", array_repr),
        ("append", array_append),
        ("extend", array_extend),
        ("insert", array_insert),
        ("pop", array_pop),
        ("remove", array_remove),
        ("index", array_index),
        ("count", array_count),
        ("reverse", array_reverse),
        ("byteswap", array_byteswap),
        ("tobytes", array_tobytes),
        ("frombytes", array_frombytes),
        ("tolist", array_tolist),
        ("fromlist", array_fromlist),
        ("tounicode", array_tounicode),
        ("fromunicode", array_fromunicode),
        ("tofile", array_tofile),
        ("fromfile", array_fromfile),
        ("buffer_info", array_buffer_info),
        ("__copy__", array_copy),
        ("__deepcopy__", array_copy),
        ("__reduce_ex__", array_reduce_ex),
        ("__sizeof__", array_sizeof),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    let none = vm.none;
    set_attr_raw(vm, t, "__hash__", none)?;
    add_getter(vm, t, "typecode", get_typecode);
    add_getter(vm, t, "itemsize", get_itemsize);

    let it = new_static_type(vm, "array.arrayiterator", obj, 0);
    short_qualname(it);
    set_attr_raw(vm, it, "__module__", modname)?;
    add_static(vm, it, "__new__", iter_new);
    add_method(vm, it, "__iter__", iter_iter);
    add_method(vm, it, "__next__", iter_next);
    add_method(vm, it, "__reduce__", iter_reduce);
    add_method(vm, it, "__setstate__", iter_setstate);

    super::add_functions(vm, m, &[("_array_reconstructor", reconstructor)])?;
    let d = crate::module::module_dict(m);
    let recon = crate::dict::get_item_str(vm, d, "_array_reconstructor")?.unwrap_or(vm.none);
    TYPES.with(|c| c.set([t, it, recon]));
    vm.extra_roots.extend([t, it, recon]);
    super::set_attr(vm, m, "array", t)?;
    super::set_attr(vm, m, "ArrayType", t)?;
    let tcs = crate::str::alloc_str(vm, TYPECODES);
    super::set_attr(vm, m, "typecodes", tcs)?;
    Ok(())
}
