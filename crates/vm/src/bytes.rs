//! `bytes` and `bytearray`: the objects, their sequence protocol and the
//! mutations of bytearray. The text-like methods shared by both are in
//! `bytes_methods.rs`, the codecs in `codecs.rs`.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

pub struct BytesObj {
    pub data: Box<[u8]>,
}
impl Trace for BytesObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(BytesObj, "bytes", leaf);

pub struct ByteArrayObj {
    pub data: RefCell<Vec<u8>>,
}
impl Trace for ByteArrayObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(ByteArrayObj, "bytearray");

pub fn new_bytes(vm: &mut Vm, data: Vec<u8>) -> Value {
    let t = vm.t.bytes;
    vm.alloc(t, BytesObj { data: data.into_boxed_slice() })
}

pub fn new_bytearray(vm: &mut Vm, data: Vec<u8>) -> Value {
    let t = vm.t.bytearray;
    vm.alloc(t, ByteArrayObj { data: RefCell::new(data) })
}

/// A new bytearray when `like` is one, else a new bytes (methods keep the receiver's kind).
pub fn new_like(vm: &mut Vm, like: Value, data: Vec<u8>) -> Value {
    if like.is::<ByteArrayObj>() {
        new_bytearray(vm, data)
    } else {
        new_bytes(vm, data)
    }
}

/// The contents of a bytes or bytearray value (copied).
pub fn as_bytes(v: Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<BytesObj>() {
        return Some(b.data.to_vec());
    }
    v.downcast::<ByteArrayObj>().map(|b| b.data.borrow().clone())
}

pub fn as_bytes_opt(v: Value) -> Option<Vec<u8>> {
    as_bytes(v)
}

/// The contents of any bytes-like object: bytes, bytearray or memoryview (copied).
pub fn buffer_bytes(v: Value) -> Option<Vec<u8>> {
    as_bytes(v).or_else(|| crate::memoryview::contents(v)).or_else(|| crate::modules::array::buffer_bytes(v))
}

/// Byte `i` of a bytes or bytearray (iteration without copying).
pub fn byte_at(v: Value, i: usize) -> Option<u8> {
    if let Some(b) = v.downcast::<BytesObj>() {
        return b.data.get(i).copied();
    }
    v.downcast::<ByteArrayObj>().and_then(|b| b.data.borrow().get(i).copied())
}

/// The length of a bytes or bytearray.
pub fn byte_len(v: Value) -> usize {
    if let Some(b) = v.downcast::<BytesObj>() {
        return b.data.len();
    }
    v.downcast::<ByteArrayObj>().map_or(0, |b| b.data.borrow().len())
}

/// A bytes-like argument, or TypeError "a bytes-like object is required, not 'X'".
pub fn buffer_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match buffer_bytes(v) {
        Some(b) => Ok(b),
        None => Err({ let m = format!("a bytes-like object is required, not '{}'", vm.type_name(v)); vm.type_error(m) }),
    }
}

/// An int in range(256) ("byte must be in range(0, 256)").
pub fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = crate::number::index_i64(vm, v).map_err(|e| {
        if crate::exceptions::matches(vm, e, vm.e.overflow_error) {
            vm.value_error("byte must be in range(0, 256)")
        } else {
            e
        }
    })?;
    u8::try_from(i).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

/// `v.__bytes__()` when `v`'s type defines it, which must return bytes.
fn dunder_bytes(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<u8>>> {
    let Some(r) = crate::call::call_special(vm, v, "__bytes__", &[])? else {
        return Ok(None);
    };
    match as_bytes(r).filter(|_| r.is::<BytesObj>()) {
        Some(b) => Ok(Some(b)),
        None => {
            let m = format!("__bytes__ returned non-bytes (type {})", vm.type_name(r));
            Err(vm.type_error(m))
        }
    }
}

/// `PyObject_Bytes(v)`: `__bytes__` if defined, else as `bytes_from_object`.
pub fn object_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match dunder_bytes(vm, v)? {
        Some(b) => Ok(b),
        None => bytes_from_object(vm, v),
    }
}

/// The bytes of a bytes-like object, or of an iterable of ints (bytes(x)).
pub fn bytes_from_object(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    bytes_from_object_as(vm, v, "bytes")
}

fn bytes_from_object_as(vm: &mut Vm, v: Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(v) {
        return Ok(b);
    }
    if crate::str::as_str(v).is_some() {
        return Err(vm.type_error(format!("cannot convert 'str' object to {what}")));
    }
    let it = crate::ops::iter(vm, v).map_err(|e| {
        if crate::exceptions::matches(vm, e, vm.e.type_error) {
            let m = format!("cannot convert '{}' object to {what}", vm.type_name(v));
            vm.type_error(m)
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    while let Some(x) = crate::ops::next(vm, it)? {
        if !crate::number::has_index(vm, x) {
            let m = format!("'{}' object cannot be interpreted as an integer", vm.type_name(x));
            return Err(vm.type_error(m));
        }
        let i = crate::number::index_i64(vm, x).unwrap_or(-1);
        let b = u8::try_from(i).map_err(|_| vm.value_error("bytes must be in range(0, 256)"))?;
        out.push(b);
    }
    Ok(out)
}

/// The initial contents for `bytes(...)`/`bytearray(...)`.
fn construct_data(vm: &mut Vm, src: Value, encoding: Value, errors: Value, what: &str) -> PyResult<Vec<u8>> {
    if src.is_null() {
        if !encoding.is_null() || !errors.is_null() {
            let m = if encoding.is_null() { "errors without a string argument" } else { "encoding without a string argument" };
            return Err(vm.type_error(m));
        }
        return Ok(vec![]);
    }
    if crate::str::as_str(src).is_some() {
        if encoding.is_null() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        let b = crate::codecs::encode_str(vm, src, encoding, errors, what)?;
        return Ok(as_bytes(b).unwrap_or_default());
    }
    if !encoding.is_null() || !errors.is_null() {
        let m = if encoding.is_null() { "errors without a string argument" } else { "encoding without a string argument" };
        return Err(vm.type_error(m));
    }
    if what == "bytes" {
        if let Some(b) = dunder_bytes(vm, src)? {
            return Ok(b);
        }
    }
    if buffer_bytes(src).is_none() && crate::number::has_index(vm, src) {
        let n = crate::number::index_bigint(vm, src)?;
        let Some(n) = num_traits::ToPrimitive::to_i64(&n) else {
            return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
        };
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let mut d = crate::memory::vec_with_capacity(vm, n as usize)?;
        d.resize(n as usize, 0);
        return Ok(d);
    }
    bytes_from_object_as(vm, src, what)
}

fn bytes_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let is_array = crate::typeobj::is_subtype(cls, vm.t.bytearray);
    let what = if is_array { "bytearray" } else { "bytes" };
    let [src, encoding, errors] = args.shift().bind(vm, what, ["source", "encoding", "errors"], 0, 0)?;
    if is_array {
        // bytearray.__init__ fills it; __new__ makes it empty.
        return Ok(vm.alloc(cls, ByteArrayObj { data: RefCell::new(vec![]) }));
    }
    let data = construct_data(vm, src, encoding, errors, what)?;
    Ok(vm.alloc(cls, BytesObj { data: data.into_boxed_slice() }))
}

fn bytearray_init(vm: &mut Vm, args: Args) -> PyResult {
    let this = args.vals[0];
    let [src, encoding, errors] = args.shift().bind(vm, "bytearray", ["source", "encoding", "errors"], 0, 0)?;
    let data = construct_data(vm, src, encoding, errors, "bytearray")?;
    let ba = ba_obj(this);
    *ba.data.borrow_mut() = data;
    Ok(vm.none)
}

fn ba_obj(v: Value) -> &'static ByteArrayObj {
    v.downcast::<ByteArrayObj>().expect("bytearray receiver")
}

pub fn data_of(args: &Args) -> Vec<u8> {
    as_bytes(args.vals[0]).expect("bytes receiver")
}

fn bytes_repr(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__repr__", 1, 1)?;
    let d = data_of(&args);
    let r = format::repr::bytes_repr(&d);
    let r = if args.vals[0].is::<ByteArrayObj>() {
        // bytearray's repr escapes a single quote even inside double quotes.
        let r = if r.starts_with("b\"") { r.replace('\'', "\\'") } else { r };
        format!("{}({r})", vm.type_name(args.vals[0]))
    } else {
        r
    };
    Ok(crate::str::new_str(vm, r))
}

fn bytes_len(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__len__", 1, 1)?;
    Ok(crate::int::from_usize(vm, byte_len(args.vals[0])))
}

/// Runs `f` on the contents of a bytes or bytearray without copying them (`f` must
/// not allocate or call Python code: a bytearray stays borrowed).
pub fn with_data<R>(v: Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    if let Some(b) = v.downcast::<BytesObj>() {
        return Some(f(&b.data));
    }
    v.downcast::<ByteArrayObj>().map(|b| f(&b.data.borrow()))
}

/// The items `slice` selects out of bytes or bytearray `v` (no copy of the whole).
pub fn slice_of(vm: &mut Vm, v: Value, s: &crate::slice::SliceObj) -> PyResult<Vec<u8>> {
    let (start, _, step, n) = crate::slice::indices(vm, s, byte_len(v))?;
    // `indices` may have run `__index__` code that resized a bytearray: bytes past
    // its new end are left out.
    let items = with_data(v, |d| {
        if step == 1 {
            let lo = (start as usize).min(d.len());
            return d[lo..(lo + n).min(d.len())].to_vec();
        }
        (0..n).filter_map(|i| d.get((start + i as i64 * step) as usize).copied()).collect()
    });
    Ok(items.unwrap_or_default())
}

fn bytes_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    if let Some(s) = a[1].downcast::<crate::slice::SliceObj>() {
        let v = slice_of(vm, a[0], s)?;
        return Ok(new_like(vm, a[0], v));
    }
    let is_array = a[0].is::<ByteArrayObj>();
    if !crate::number::has_index(vm, a[1]) {
        let what = if is_array { "bytearray" } else { "byte" };
        let m = format!("{what} indices must be integers or slices, not {}", vm.type_name(a[1]));
        return Err(vm.type_error(m));
    }
    let len = byte_len(a[0]);
    let i = crate::list::seq_index_with(vm, a[1], len, if is_array { "bytearray" } else { "byte" }, if is_array { None } else { Some("index out of range") })?;
    match byte_at(a[0], i) {
        Some(b) => Ok(Value::small(b as i64)),
        None => Err(vm.index_error(if is_array { "bytearray index out of range" } else { "index out of range" })),
    }
}

fn bytes_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(crate::iter::new_bytes_iter(vm, a[0]))
}

fn bytes_richcmp(vm: &mut Vm, args: Args, op: compiler::bytecode::CmpOp) -> PyResult {
    let a = args.exact(vm, "cmp", 2, 2)?;
    // bytes and bytearray operands are compared in place; bytearray also compares
    // with any other buffer (copied), bytes does not (CPython's bytes_richcompare).
    let ord = match with_data(a[0], |x| with_data(a[1], |y| x.cmp(y))).expect("bytes receiver") {
        Some(ord) => ord,
        None if a[0].is::<BytesObj>() => return Ok(vm.not_implemented),
        None => {
            let Some(y) = buffer_bytes(a[1]) else { return Ok(vm.not_implemented) };
            with_data(a[0], |x| x.cmp(y.as_slice())).expect("bytes receiver")
        }
    };
    Ok(vm.bool(crate::ops::cmp_ord(ord, op)))
}
macro_rules! bytes_cmp {
    ($($fname:ident: $op:ident;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult { bytes_richcmp(vm, args, compiler::bytecode::CmpOp::$op) } )*
    };
}
bytes_cmp! { bytes_lt: Lt; bytes_le: Le; bytes_eq: Eq; bytes_ne: Ne; bytes_gt: Gt; bytes_ge: Ge; }

fn bytes_hash(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__hash__", 1, 1)?;
    let h = with_data(args.vals[0], crate::hash::hash_bytes).expect("bytes receiver");
    Ok(crate::int::from_i64(vm, h))
}

fn bytes_add(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__add__", 2, 2)?;
    let Some(y) = buffer_bytes(a[1]) else { return Ok(vm.not_implemented) };
    let mut d = data_of(&args);
    d.extend_from_slice(&y);
    Ok(new_like(vm, a[0], d))
}

fn bytes_mul(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__mul__", 2, 2)?;
    let Some(n) = crate::list::repeat_count(vm, a[1])? else { return Ok(vm.not_implemented) };
    let d = data_of(&args);
    let too_long = if a[0].is::<ByteArrayObj>() { None } else { Some("repeated bytes are too long") };
    let r = crate::memory::repeat(vm, &d, n, too_long)?;
    Ok(new_like(vm, a[0], r))
}

fn bytes_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    let d = data_of(&args);
    if crate::number::has_index(vm, a[1]) {
        let b = byte_value(vm, a[1])?;
        return Ok(vm.bool(d.contains(&b)));
    }
    let sub = buffer_arg(vm, a[1])?;
    Ok(vm.bool(crate::bytes_methods::find(&d, &sub, 0, d.len()).is_some()))
}

fn bytes_getnewargs(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__getnewargs__", 1, 1)?;
    let b = new_bytes(vm, data_of(&args));
    Ok(crate::tuple::new_tuple(vm, vec![b]))
}

fn bytes_bytes(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__bytes__", 1, 1)?;
    if vm.type_of(a[0]) == vm.t.bytes {
        return Ok(a[0]);
    }
    Ok(new_bytes(vm, data_of(&args)))
}

/// `ba[i] = v`, `ba[a:b] = iterable`.
fn bytearray_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setitem__", 3, 3)?;
    let ba = ba_obj(a[0]);
    if let Some(s) = a[1].downcast::<crate::slice::SliceObj>() {
        let src = assigned_bytes(vm, a[2])?;
        assign_slice(vm, ba, s, src)?;
        return Ok(vm.none);
    }
    if !crate::number::has_index(vm, a[1]) {
        let m = format!("bytearray indices must be integers or slices, not {}", vm.type_name(a[1]));
        return Err(vm.type_error(m));
    }
    let len = ba.data.borrow().len();
    let i = crate::list::seq_index(vm, a[1], len, "bytearray")?;
    let b = byte_value(vm, a[2])?;
    // The value's __index__ may have resized the bytearray.
    match ba.data.borrow_mut().get_mut(i) {
        Some(x) => *x = b,
        None => return Err(vm.index_error("bytearray index out of range")),
    }
    Ok(vm.none)
}

/// The right side of a bytearray slice assignment.
fn assigned_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if v == vm.none || crate::int::is_int(vm, v) || crate::str::as_str(v).is_some() {
        let m = format!("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return Err(vm.type_error(m));
    }
    bytes_from_object(vm, v)
}

fn assign_slice(vm: &mut Vm, ba: &ByteArrayObj, s: &crate::slice::SliceObj, src: Vec<u8>) -> PyResult<()> {
    let len = ba.data.borrow().len();
    let (start, stop, step, n) = crate::slice::indices(vm, s, len)?;
    if step == 1 {
        let stop = stop.max(start) as usize;
        ba.data.borrow_mut().splice(start as usize..stop, src);
        return Ok(());
    }
    if src.len() != n {
        let m = format!("attempt to assign bytes of size {} to extended slice of size {n}", src.len());
        return Err(vm.value_error(m));
    }
    let mut d = ba.data.borrow_mut();
    for (k, b) in src.into_iter().enumerate() {
        d[(start + k as i64 * step) as usize] = b;
    }
    Ok(())
}

fn bytearray_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__delitem__", 2, 2)?;
    let ba = ba_obj(a[0]);
    let len = ba.data.borrow().len();
    if let Some(s) = a[1].downcast::<crate::slice::SliceObj>() {
        let (start, _, step, n) = crate::slice::indices(vm, s, len)?;
        let mut drop: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
        drop.sort_unstable();
        let mut d = ba.data.borrow_mut();
        let mut k = 0;
        let mut idx = 0;
        d.retain(|_| {
            let keep = drop.get(k) != Some(&idx);
            if !keep {
                k += 1;
            }
            idx += 1;
            keep
        });
        return Ok(vm.none);
    }
    if !crate::number::has_index(vm, a[1]) {
        let m = format!("bytearray indices must be integers or slices, not {}", vm.type_name(a[1]));
        return Err(vm.type_error(m));
    }
    let i = crate::list::seq_index(vm, a[1], len, "bytearray")?;
    ba.data.borrow_mut().remove(i);
    Ok(vm.none)
}

fn bytearray_append(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::str_methods::margs(vm, &args, "bytearray.append", 1, 1)?;
    let b = byte_value(vm, a[1])?;
    let ba = ba_obj(a[0]);
    ba.data.borrow_mut().push(b);
    Ok(vm.none)
}

fn bytearray_extend(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::str_methods::margs(vm, &args, "bytearray.extend", 1, 1)?;
    if let Some(src) = buffer_bytes(a[1]) {
        ba_obj(a[0]).data.borrow_mut().extend(src);
        return Ok(vm.none);
    }
    // As CPython's bytearray_extend: one iterator, a length hint (whose errors
    // propagate), then each item as a byte.
    let it = crate::ops::iter(vm, a[1]).map_err(|e| {
        if crate::exceptions::matches(vm, e, vm.e.type_error) {
            let m = format!("can't extend bytearray with {}", vm.type_name(a[1]));
            vm.type_error(m)
        } else {
            e
        }
    })?;
    let hint = crate::iter::length_hint(vm, a[1], 32)?;
    let mut src = Vec::with_capacity(hint.min(1 << 16));
    while let Some(x) = crate::ops::next(vm, it)? {
        src.push(byte_value(vm, x)?);
    }
    ba_obj(a[0]).data.borrow_mut().extend(src);
    Ok(vm.none)
}

fn bytearray_iadd(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iadd__", 2, 2)?;
    let Some(src) = buffer_bytes(a[1]) else {
        let m = format!("can't concat {} to bytearray", vm.type_name(a[1]));
        return Err(vm.type_error(m));
    };
    let ba = ba_obj(a[0]);
    ba.data.borrow_mut().extend(src);
    Ok(a[0])
}

fn bytearray_imul(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__imul__", 2, 2)?;
    let Some(n) = crate::list::repeat_count(vm, a[1])? else { return Ok(vm.not_implemented) };
    let ba = ba_obj(a[0]);
    let d = ba.data.borrow().clone();
    let d = crate::memory::repeat(vm, &d, n, None)?;
    *ba.data.borrow_mut() = d;
    Ok(a[0])
}

fn bytearray_pop(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::str_methods::margs(vm, &args, "pop", 0, 1)?;
    let ba = ba_obj(a[0]);
    let len = ba.data.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = match a.get(1) {
        Some(i) => crate::number::index_i64(vm, *i)?,
        None => -1,
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("pop index out of range"));
    }
    let b = ba.data.borrow_mut().remove(j as usize);
    Ok(Value::small(b as i64))
}

fn bytearray_insert(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::str_methods::margs(vm, &args, "insert", 2, 2)?;
    let i = crate::number::index_i64(vm, a[1])?;
    let b = byte_value(vm, a[2])?;
    let ba = ba_obj(a[0]);
    let len = ba.data.borrow().len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    ba.data.borrow_mut().insert(j as usize, b);
    Ok(vm.none)
}

fn bytearray_remove(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::str_methods::margs(vm, &args, "bytearray.remove", 1, 1)?;
    let b = byte_value(vm, a[1])?;
    let ba = ba_obj(a[0]);
    let pos = ba.data.borrow().iter().position(|x| *x == b);
    let Some(i) = pos else { return Err(vm.value_error("value not found in bytearray")) };
    ba.data.borrow_mut().remove(i);
    Ok(vm.none)
}

fn bytearray_clear(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::str_methods::margs(vm, &args, "bytearray.clear", 0, 0)?;
    let ba = ba_obj(a[0]);
    ba.data.borrow_mut().clear();
    Ok(vm.none)
}

fn bytearray_copy(vm: &mut Vm, args: Args) -> PyResult {
    crate::str_methods::margs(vm, &args, "bytearray.copy", 0, 0)?;
    Ok(new_bytearray(vm, data_of(&args)))
}

fn bytearray_reverse(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::str_methods::margs(vm, &args, "bytearray.reverse", 0, 0)?;
    ba_obj(a[0]).data.borrow_mut().reverse();
    Ok(vm.none)
}

fn bytearray_alloc(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::str_methods::margs(vm, &args, "bytearray.__alloc__", 0, 0)?;
    let n = ba_obj(a[0]).data.borrow().capacity().max(byte_len(a[0]) + 1);
    Ok(crate::int::from_usize(vm, n))
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_method, add_static, set_attr_raw};
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__repr__", bytes_repr),
        ("__len__", bytes_len),
        ("__getitem__", bytes_getitem),
        ("__iter__", bytes_iter),
        ("__lt__", bytes_lt),
        ("__le__", bytes_le),
        ("__eq__", bytes_eq),
        ("__ne__", bytes_ne),
        ("__gt__", bytes_gt),
        ("__ge__", bytes_ge),
        ("__add__", bytes_add),
        ("__mul__", bytes_mul),
        ("__rmul__", bytes_mul),
        ("__contains__", bytes_contains),
    ];
    for t in [vm.t.bytes, vm.t.bytearray] {
        add_static(vm, t, "__new__", bytes_new);
        for (n, f) in methods {
            add_method(vm, t, n, *f);
        }
    }
    let b = vm.t.bytes;
    add_method(vm, b, "__hash__", bytes_hash);
    add_method(vm, b, "__getnewargs__", bytes_getnewargs);
    add_method(vm, b, "__bytes__", bytes_bytes);
    let ba_methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__init__", bytearray_init),
        ("__setitem__", bytearray_setitem),
        ("__delitem__", bytearray_delitem),
        ("__iadd__", bytearray_iadd),
        ("__imul__", bytearray_imul),
        ("__alloc__", bytearray_alloc),
        ("append", bytearray_append),
        ("extend", bytearray_extend),
        ("pop", bytearray_pop),
        ("insert", bytearray_insert),
        ("remove", bytearray_remove),
        ("clear", bytearray_clear),
        ("copy", bytearray_copy),
        ("reverse", bytearray_reverse),
    ];
    let t = vm.t.bytearray;
    for (n, f) in ba_methods {
        add_method(vm, t, n, *f);
    }
    let none = vm.none;
    set_attr_raw(vm, t, "__hash__", none).unwrap();
    crate::bytes_methods::init(vm);
    crate::memoryview::init_type(vm);
}
