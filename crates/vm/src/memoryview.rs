//! `memoryview` over bytes and bytearray: typed, strided views with the
//! native single-character struct formats, `cast`, slicing of 1-D views,
//! item assignment into a bytearray, release and the context manager.
//!
//! The exporter is not locked against resizing (there is no finalizer to drop
//! the export when an unreleased view dies), so every access checks bounds.

use crate::bytes::{ByteArrayObj, BytesObj};
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

pub struct MemoryViewObj {
    /// The exporting bytes or bytearray.
    obj: Value,
    /// Byte offset of the first item in the exporter.
    offset: usize,
    format: &'static str,
    itemsize: usize,
    shape: Vec<usize>,
    /// In bytes, one per dimension.
    strides: Vec<isize>,
    readonly: bool,
    released: Cell<bool>,
    /// The hash once computed (-1 before): kept after `release()`, as CPython's.
    hash: Cell<i64>,
}
impl Trace for MemoryViewObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.obj);
    }
}
payload!(MemoryViewObj, "memoryview");

/// The native formats supported: (code, code with '@', item size).
const FORMATS: &[(&str, &str, usize)] = &[
    ("B", "@B", 1),
    ("b", "@b", 1),
    ("c", "@c", 1),
    ("?", "@?", 1),
    ("h", "@h", 2),
    ("H", "@H", 2),
    ("i", "@i", 4),
    ("I", "@I", 4),
    ("l", "@l", 8),
    ("L", "@L", 8),
    ("q", "@q", 8),
    ("Q", "@Q", 8),
    ("n", "@n", 8),
    ("N", "@N", 8),
    ("f", "@f", 4),
    ("d", "@d", 8),
];

/// (format as written, its code, item size) for a supported format string.
fn format_size(f: &str) -> Option<(&'static str, &'static str, usize)> {
    FORMATS.iter().find_map(|(code, at, size)| {
        if f == *code {
            Some((*code, *code, *size))
        } else if f == *at {
            Some((*at, *code, *size))
        } else {
            None
        }
    })
}

/// The struct code of a format ('@B' -> 'B').
fn code(f: &str) -> &str {
    f.strip_prefix('@').unwrap_or(f)
}

fn is_byte_format(f: &str) -> bool {
    matches!(code(f), "B" | "b" | "c")
}

/// Runs `f` over the exporter's bytes.
fn with_data<R>(obj: Value, f: impl FnOnce(&[u8]) -> R) -> R {
    if let Some(b) = obj.downcast::<BytesObj>() {
        return f(&b.data);
    }
    if let Some(ba) = obj.downcast::<ByteArrayObj>() {
        return f(&ba.data.borrow());
    }
    crate::modules::array::with_bytes(obj, f).expect("memoryview exporter")
}

fn mv(v: Value) -> &'static MemoryViewObj {
    v.downcast::<MemoryViewObj>().expect("memoryview receiver")
}

/// The receiver of a method, checked not to be released.
fn live(vm: &mut Vm, v: Value) -> PyResult<&'static MemoryViewObj> {
    let m = mv(v);
    if m.released.get() {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(m)
}

impl MemoryViewObj {
    fn nitems(&self) -> usize {
        self.shape.iter().product()
    }

    fn nbytes(&self) -> usize {
        self.nitems() * self.itemsize
    }

    fn is_c_contiguous(&self) -> bool {
        let mut expect = self.itemsize as isize;
        for (n, s) in self.shape.iter().zip(&self.strides).rev() {
            if *n > 1 && *s != expect {
                return false;
            }
            expect *= *n as isize;
        }
        true
    }

    /// Byte positions of every item in C order.
    fn positions(&self) -> Vec<usize> {
        let mut out = vec![self.offset as isize];
        for (n, s) in self.shape.iter().zip(&self.strides) {
            out = out.iter().flat_map(|base| (0..*n).map(move |k| base + k as isize * s)).collect();
        }
        out.into_iter().map(|p| p as usize).collect()
    }

    /// The raw bytes of the items in C order (`tobytes`).
    fn bytes(&self) -> Vec<u8> {
        let pos = self.positions();
        with_data(self.obj, |d| {
            let mut out = Vec::with_capacity(pos.len() * self.itemsize);
            for p in pos {
                out.extend_from_slice(d.get(p..p + self.itemsize).unwrap_or(&[]));
            }
            out
        })
    }
}

/// The contents of a memoryview (for `bytes(m)`, `b"" + m`, comparisons...).
pub fn contents(v: Value) -> Option<Vec<u8>> {
    let m = v.downcast::<MemoryViewObj>()?;
    if m.released.get() {
        return None;
    }
    Some(m.bytes())
}

/// A new view over `obj`, which must export a buffer.
pub fn new_view(vm: &mut Vm, obj: Value) -> PyResult {
    if let Some(m) = obj.downcast::<MemoryViewObj>() {
        let m = live(vm, obj).map(|_| m)?;
        let view = MemoryViewObj { obj: m.obj, offset: m.offset, format: m.format, itemsize: m.itemsize, shape: m.shape.clone(), strides: m.strides.clone(), readonly: m.readonly, released: Cell::new(false), hash: Cell::new(-1) };
        let t = vm.t.memoryview;
        return Ok(vm.alloc(t, view));
    }
    if let Some((format, itemsize)) = crate::modules::array::buffer_format(obj) {
        let n = crate::modules::array::byte_len(obj).unwrap_or(0) / itemsize;
        let view = MemoryViewObj { obj, offset: 0, format, itemsize, shape: vec![n], strides: vec![itemsize as isize], readonly: false, released: Cell::new(false), hash: Cell::new(-1) };
        let t = vm.t.memoryview;
        return Ok(vm.alloc(t, view));
    }
    let readonly = obj.is::<BytesObj>();
    if !readonly && !obj.is::<ByteArrayObj>() {
        let m = format!("memoryview: a bytes-like object is required, not '{}'", vm.type_name(obj));
        return Err(vm.type_error(m));
    }
    let len = crate::bytes::byte_len(obj);
    let view = MemoryViewObj { obj, offset: 0, format: "B", itemsize: 1, shape: vec![len], strides: vec![1], readonly, released: Cell::new(false), hash: Cell::new(-1) };
    let t = vm.t.memoryview;
    Ok(vm.alloc(t, view))
}

fn mv_new(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos().len() > 2 {
        return Err(vm.type_error(format!("memoryview() takes at most 1 argument ({} given)", args.pos().len() - 1)));
    }
    let [obj] = args.shift().bind(vm, "memoryview", ["object"], 1, 0)?;
    new_view(vm, obj)
}

/// Unpacks one item.
fn unpack(vm: &mut Vm, format: &str, b: &[u8]) -> Value {
    let format = code(format);
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    let u = u64::from_le_bytes(buf);
    let signed = |bits: u32| ((u << (64 - bits)) as i64) >> (64 - bits);
    match format {
        "B" | "H" | "I" => Value::small(u as i64),
        "b" => Value::small(signed(8)),
        "h" => Value::small(signed(16)),
        "i" => Value::small(signed(32)),
        "l" | "q" | "n" => crate::int::from_i64(vm, u as i64),
        "L" | "Q" | "N" => crate::int::from_bigint(vm, num_bigint::BigInt::from(u)),
        "f" => crate::float::new_float(vm, f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        "d" => crate::float::new_float(vm, f64::from_le_bytes(buf)),
        "?" => vm.bool(u != 0),
        _ => crate::bytes::new_bytes(vm, b.to_vec()),
    }
}

/// Packs one item for assignment (CPython's `pack_single`).
fn pack(vm: &mut Vm, format: &'static str, itemsize: usize, v: Value) -> PyResult<Vec<u8>> {
    let invalid_type = |vm: &mut Vm| vm.type_error(format!("memoryview: invalid type for format '{format}'"));
    let invalid_value = |vm: &mut Vm| vm.value_error(format!("memoryview: invalid value for format '{format}'"));
    let format = code(format);
    match format {
        "c" => match crate::bytes::as_bytes(v) {
            Some(b) if b.len() == 1 => Ok(b),
            Some(_) => Err(invalid_value(vm)),
            None => Err(invalid_type(vm)),
        },
        "f" | "d" => {
            // CPython's `fix_error`: a failed conversion is reported by its kind.
            let x = match crate::float::as_double(vm, v) {
                Ok(x) => x,
                Err(e) if crate::exceptions::matches(vm, e, vm.e.type_error) => return Err(invalid_type(vm)),
                Err(e) if crate::exceptions::matches(vm, e, vm.e.value_error) || crate::exceptions::matches(vm, e, vm.e.overflow_error) => {
                    return Err(invalid_value(vm))
                }
                Err(e) => return Err(e),
            };
            Ok(if format == "f" { (x as f32).to_le_bytes().to_vec() } else { x.to_le_bytes().to_vec() })
        }
        "?" => {
            let t = crate::ops::truthy(vm, v)?;
            Ok(vec![t as u8])
        }
        _ => {
            if !crate::int::is_int(vm, v) && !crate::number::has_index(vm, v) {
                return Err(invalid_type(vm));
            }
            let i = crate::number::index_bigint(vm, v)?;
            let bits = itemsize as u32 * 8;
            let ok = if format.chars().all(|c| c.is_ascii_uppercase()) {
                u64::try_from(&i).is_ok_and(|u| bits == 64 || u < (1u64 << bits))
            } else {
                i64::try_from(&i).is_ok_and(|s| bits == 64 || (s >= -(1i64 << (bits - 1)) && s < (1i64 << (bits - 1))))
            };
            if !ok {
                return Err(invalid_value(vm));
            }
            let u = i64::try_from(&i).map(|s| s as u64).or_else(|_| u64::try_from(&i)).unwrap_or(0);
            Ok(u.to_le_bytes()[..itemsize].to_vec())
        }
    }
}

/// A tuple of slices (`view[a:b, c:d]`).
fn is_multislice(key: Value) -> bool {
    key.downcast::<crate::tuple::TupleObj>().is_some()
        && !crate::tuple::items(key).is_empty()
        && crate::tuple::items(key).iter().all(|k| k.is::<crate::slice::SliceObj>())
}

/// The byte position of 1-D item `idx`.
fn item_position(vm: &mut Vm, m: &MemoryViewObj, idx: Value) -> PyResult<usize> {
    if m.shape.is_empty() {
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    if is_multiindex(vm, idx) {
        let indices = crate::tuple::items(idx);
        if indices.len() < m.shape.len() {
            let t = vm.e.not_implemented_error;
            return Err(vm.new_exc(t, "sub-views are not implemented"));
        }
        if indices.len() > m.shape.len() {
            let msg = format!("cannot index {}-dimension view with {}-element tuple", m.shape.len(), indices.len());
            return Err(vm.type_error(msg));
        }
        let mut p = m.offset as isize;
        for (dim, ix) in indices.iter().enumerate() {
            p += dimension_offset(vm, m, dim, *ix)?;
        }
        return Ok(p as usize);
    }
    if !crate::number::has_index(vm, idx) {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    if m.shape.len() > 1 {
        let ie = vm.e.index_error;
        crate::number::as_ssize(vm, idx, ie)?;
        let t = vm.e.not_implemented_error;
        return Err(vm.new_exc(t, "multi-dimensional sub-views are not implemented"));
    }
    Ok((m.offset as isize + dimension_offset(vm, m, 0, idx)?) as usize)
}

/// A tuple of indices (CPython's `is_multiindex`).
fn is_multiindex(vm: &mut Vm, idx: Value) -> bool {
    idx.is::<crate::tuple::TupleObj>() && crate::tuple::items(idx).iter().all(|v| crate::number::has_index(vm, *v))
}

/// The byte offset of index `idx` along dimension `dim` (`lookup_dimension`).
fn dimension_offset(vm: &mut Vm, m: &MemoryViewObj, dim: usize, idx: Value) -> PyResult<isize> {
    let ie = vm.e.index_error;
    let i = crate::number::as_ssize(vm, idx, ie)?;
    let n = m.shape[dim] as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error(format!("index out of bounds on dimension {}", dim + 1)));
    }
    Ok(j as isize * m.strides[dim])
}

/// A sub-view for a slice along the first dimension.
fn slice_view(vm: &mut Vm, this: Value, s: &crate::slice::SliceObj) -> PyResult {
    let m = mv(this);
    if m.shape.is_empty() {
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    let (start, _, step, n) = crate::slice::indices(vm, s, m.shape[0])?;
    let offset = (m.offset as isize + start as isize * m.strides[0]) as usize;
    let mut shape = m.shape.clone();
    let mut strides = m.strides.clone();
    shape[0] = n;
    strides[0] *= step as isize;
    let view = MemoryViewObj { obj: m.obj, offset, format: m.format, itemsize: m.itemsize, shape, strides, readonly: m.readonly, released: Cell::new(false), hash: Cell::new(-1) };
    let t = vm.t.memoryview;
    Ok(vm.alloc(t, view))
}

fn mv_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    let m = live(vm, a[0])?;
    if let Some(s) = a[1].downcast::<crate::slice::SliceObj>() {
        return slice_view(vm, a[0], s);
    }
    if m.shape.is_empty() {
        if a[1] == vm.ellipsis {
            return Ok(a[0]);
        }
        if a[1].is::<crate::tuple::TupleObj>() && crate::tuple::items(a[1]).is_empty() {
            return match with_data(m.obj, |d| d.get(m.offset..m.offset + m.itemsize).map(|b| b.to_vec())) {
                Some(b) => Ok(unpack(vm, m.format, &b)),
                None => Err(vm.index_error("index out of bounds on dimension 1")),
            };
        }
    }
    if !is_multiindex(vm, a[1]) && is_multislice(a[1]) {
        let t = vm.e.not_implemented_error;
        return Err(vm.new_exc(t, "multi-dimensional slicing is not implemented"));
    }
    let p = item_position(vm, m, a[1])?;
    // An `__index__` may have released the view (CPython's CHECK_RELEASED_AGAIN).
    live(vm, a[0])?;
    let item = with_data(m.obj, |d| d.get(p..p + m.itemsize).map(|b| b.to_vec()));
    match item {
        Some(b) => Ok(unpack(vm, m.format, &b)),
        None => Err(vm.index_error("index out of bounds on dimension 1")),
    }
}

/// Writes `bytes` at byte position `p` of a bytearray exporter.
fn write_at(vm: &mut Vm, m: &MemoryViewObj, p: usize, bytes: &[u8]) -> PyResult<()> {
    let put = |d: &mut [u8]| match d.get_mut(p..p + bytes.len()) {
        Some(dst) => {
            dst.copy_from_slice(bytes);
            true
        }
        None => false,
    };
    let done = match m.obj.downcast::<ByteArrayObj>() {
        Some(ba) => put(&mut ba.data.borrow_mut()),
        None => crate::modules::array::with_bytes_mut(m.obj, put).expect("writable exporter"),
    };
    if done { Ok(()) } else { Err(vm.index_error("index out of bounds on dimension 1")) }
}

fn mv_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setitem__", 3, 3)?;
    let m = live(vm, a[0])?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    if let Some(s) = a[1].downcast::<crate::slice::SliceObj>() {
        let dst = slice_view(vm, a[0], s)?;
        live(vm, a[0])?;
        assign_view(vm, mv(dst), a[2])?;
        return Ok(vm.none);
    }
    if !is_multiindex(vm, a[1]) && is_multislice(a[1]) {
        let t = vm.e.not_implemented_error;
        return Err(vm.new_exc(t, "memoryview slice assignments are currently restricted to ndim = 1"));
    }
    if m.shape.len() > 1 && crate::number::has_index(vm, a[1]) {
        let t = vm.e.not_implemented_error;
        return Err(vm.new_exc(t, "sub-views are not implemented"));
    }
    let p = item_position(vm, m, a[1])?;
    let bytes = pack(vm, m.format, m.itemsize, a[2])?;
    // The index's `__index__` or the value's conversion may have released the view.
    live(vm, a[0])?;
    write_at(vm, m, p, &bytes)?;
    Ok(vm.none)
}

/// `view[a:b] = src`: same structure required.
fn assign_view(vm: &mut Vm, dst: &MemoryViewObj, src: Value) -> PyResult<()> {
    let (src_bytes, src_items, src_format) = match src.downcast::<MemoryViewObj>() {
        Some(s) => (s.bytes(), s.nitems(), s.format),
        None => match (crate::modules::array::buffer_format(src), crate::bytes::as_bytes(src)) {
            (Some((format, itemsize)), _) => {
                let b = crate::modules::array::buffer_bytes(src).unwrap_or_default();
                let n = b.len() / itemsize;
                (b, n, format)
            }
            (None, Some(b)) => {
                let n = b.len();
                (b, n, "B")
            }
            (None, None) => {
                let m = format!("a bytes-like object is required, not '{}'", vm.type_name(src));
                return Err(vm.type_error(m));
            }
        },
    };
    if src_items != dst.nitems() || src_format != dst.format {
        return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
    }
    for (k, p) in dst.positions().into_iter().enumerate() {
        write_at(vm, dst, p, &src_bytes[k * dst.itemsize..(k + 1) * dst.itemsize])?;
    }
    Ok(())
}

fn mv_len(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__len__", 1, 1)?;
    let m = live(vm, a[0])?;
    match m.shape.first() {
        Some(n) => Ok(crate::int::from_usize(vm, *n)),
        None => Err(vm.type_error("0-dim memory has no length")),
    }
}

fn mv_tobytes(vm: &mut Vm, args: Args) -> PyResult {
    let [this, _order] = args.bind(vm, "tobytes", ["self", "order"], 1, 1)?;
    let m = live(vm, this)?;
    Ok(crate::bytes::new_bytes(vm, m.bytes()))
}

/// The items of a view as nested lists (per `shape`).
fn mv_tolist(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::str_methods::margs(vm, &args, "tolist", 0, 0)?;
    let m = live(vm, a[0])?;
    let data = m.bytes();
    let flat = crate::list::new_list(vm, vec![]);
    for chunk in data.chunks(m.itemsize.max(1)) {
        let v = unpack(vm, m.format, chunk);
        crate::list::lobj(flat).items.borrow_mut().push(v);
    }
    if m.shape.is_empty() {
        return Ok(crate::list::lobj(flat).items.borrow().first().copied().unwrap_or(vm.none));
    }
    nest(vm, flat, &m.shape)
}

/// Groups a flat list into nested lists of the given shape.
fn nest(vm: &mut Vm, flat: Value, shape: &[usize]) -> PyResult {
    let mut cur = flat;
    for n in shape[1..].iter().rev() {
        let items = crate::list::lobj(cur).items.borrow().clone();
        let next = crate::list::new_list(vm, vec![]);
        for chunk in items.chunks((*n).max(1)) {
            let l = crate::list::new_list(vm, chunk.to_vec());
            crate::list::lobj(next).items.borrow_mut().push(l);
        }
        std::hint::black_box(cur);
        cur = next;
    }
    Ok(cur)
}

fn mv_cast(vm: &mut Vm, args: Args) -> PyResult {
    let [this, format, shape] = args.bind(vm, "cast", ["self", "format", "shape"], 2, 1)?;
    let m = live(vm, this)?;
    let fs = crate::str_methods::str_arg(vm, format, "memoryview: format argument")?;
    let Some((fmt, _, size)) = format_size(fs) else {
        return Err(vm.value_error("memoryview: destination format must be a native single character format prefixed with an optional '@'"));
    };
    if !m.is_c_contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    if !is_byte_format(m.format) && !is_byte_format(fmt) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.nbytes();
    let new_shape = if shape.is_null() || shape == vm.none {
        if m.shape.len() != 1 && !m.shape.is_empty() && !is_byte_format(fmt) {
            return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
        if nbytes % size != 0 {
            return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
        }
        vec![nbytes / size]
    } else {
        cast_shape(vm, m, shape, size, nbytes)?
    };
    let mut strides = vec![size as isize; new_shape.len()];
    for k in (0..new_shape.len().saturating_sub(1)).rev() {
        strides[k] = strides[k + 1] * new_shape[k + 1] as isize;
    }
    let view = MemoryViewObj { obj: m.obj, offset: m.offset, format: fmt, itemsize: size, shape: new_shape, strides, readonly: m.readonly, released: Cell::new(false), hash: Cell::new(-1) };
    let t = vm.t.memoryview;
    Ok(vm.alloc(t, view))
}

/// The `shape` argument of cast, checked against the buffer size.
fn cast_shape(vm: &mut Vm, m: &MemoryViewObj, shape: Value, size: usize, nbytes: usize) -> PyResult<Vec<usize>> {
    if !crate::tuple::is_tuple(shape) && !shape.is::<crate::list::ListObj>() {
        return Err(vm.type_error("shape must be a list or a tuple"));
    }
    let l = crate::list::from_iterable(vm, shape)?;
    let items = crate::list::lobj(l).items.borrow().clone();
    if m.shape.len() != 1 && items.len() != 1 {
        return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
    }
    let mut out = Vec::new();
    for v in items {
        let n = crate::number::index_i64(vm, v)?;
        if n <= 0 {
            return Err(vm.value_error("memoryview.cast(): elements of shape must be integers > 0"));
        }
        out.push(n as usize);
    }
    if out.iter().product::<usize>() * size != nbytes {
        return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
    }
    Ok(out)
}

fn mv_release(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::str_methods::margs(vm, &args, "release", 0, 0)?;
    mv(a[0]).released.set(true);
    Ok(vm.none)
}

fn mv_enter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__enter__", 1, 1)?;
    live(vm, a[0])?;
    Ok(a[0])
}

fn mv_exit(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__exit__", 1, 4)?;
    mv(a[0]).released.set(true);
    Ok(vm.none)
}

fn mv_hex(vm: &mut Vm, args: Args) -> PyResult {
    let [this, sep, per] = args.bind(vm, "hex", ["self", "sep", "bytes_per_sep"], 1, 1)?;
    let d = live(vm, this)?.bytes();
    crate::bytes_methods::hex_impl(vm, &d, sep, per)
}

/// `m == other`: equal item values in the same shape.
fn mv_eq(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__eq__", 2, 2)?;
    let m = mv(a[0]);
    if a[0] == a[1] {
        return Ok(vm.true_);
    }
    if m.released.get() || a[1].downcast::<MemoryViewObj>().is_some_and(|o| o.released.get()) {
        return Ok(vm.false_);
    }
    let other = match a[1].downcast::<MemoryViewObj>() {
        Some(o) => (o.bytes(), o.format, o.shape.clone()),
        None => match (crate::modules::array::buffer_format(a[1]), crate::bytes::as_bytes(a[1])) {
            // An array compares by its items, as a view of it would.
            (Some((format, itemsize)), _) => {
                let b = crate::modules::array::buffer_bytes(a[1]).unwrap_or_default();
                let n = b.len() / itemsize;
                (b, format, vec![n])
            }
            (None, Some(b)) => {
                let n = b.len();
                (b, "B", vec![n])
            }
            (None, None) => return Ok(vm.not_implemented),
        },
    };
    if other.2 != m.shape {
        return Ok(vm.false_);
    }
    let mine = m.bytes();
    // Same integer format: equal bytes mean equal values (floats compare by value: NaN, -0.0).
    if code(other.1) == code(m.format) && !matches!(code(m.format), "f" | "d") {
        return Ok(vm.bool(mine == other.0));
    }
    let (isz, osz) = (m.itemsize, format_size(other.1).map_or(1, |f| f.2));
    for (x, y) in mine.chunks(isz.max(1)).zip(other.0.chunks(osz.max(1))) {
        let (vx, vy) = (unpack(vm, m.format, x), unpack(vm, other.1, y));
        if !crate::ops::eq(vm, vx, vy)? {
            return Ok(vm.false_);
        }
    }
    Ok(vm.true_)
}

fn mv_ne(vm: &mut Vm, args: Args) -> PyResult {
    let r = mv_eq(vm, args)?;
    if r == vm.not_implemented {
        return Ok(r);
    }
    Ok(vm.bool(r == vm.false_))
}

fn mv_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    if mv(a[0]).hash.get() != -1 {
        return Ok(crate::int::from_i64(vm, mv(a[0]).hash.get()));
    }
    let m = live(vm, a[0])?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !is_byte_format(m.format) {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let h = crate::hash::hash_bytes(&m.bytes());
    m.hash.set(h);
    Ok(crate::int::from_i64(vm, h))
}

fn mv_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let what = if mv(a[0]).released.get() { "released memory" } else { "memory" };
    Ok(crate::str::new_str(vm, format!("<{what} at 0x{:x}>", a[0].id())))
}

fn mv_toreadonly(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::str_methods::margs(vm, &args, "toreadonly", 0, 0)?;
    let m = live(vm, a[0])?;
    let view = MemoryViewObj { obj: m.obj, offset: m.offset, format: m.format, itemsize: m.itemsize, shape: m.shape.clone(), strides: m.strides.clone(), readonly: true, released: Cell::new(false), hash: Cell::new(-1) };
    let t = vm.t.memoryview;
    Ok(vm.alloc(t, view))
}

fn mv_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    let m = live(vm, a[0])?;
    if m.shape.len() != 1 {
        let t = vm.e.not_implemented_error;
        return Err(vm.new_exc(t, "multi-dimensional sub-views are not implemented"));
    }
    Ok(crate::iter::new_seq_iter(vm, a[0]))
}

fn ints_tuple(vm: &mut Vm, xs: Vec<i64>) -> Value {
    let buf = crate::list::ValueBuf::new(vm);
    for x in xs {
        let v = crate::int::from_i64(vm, x);
        buf.push(v);
    }
    buf.into_tuple(vm)
}

macro_rules! mv_getters {
    ($($fname:ident($vm:ident, $m:ident) $body:block)*) => {
        $( fn $fname($vm: &mut Vm, this: Value) -> PyResult { let $m = live($vm, this)?; $body } )*
    };
}
mv_getters! {
    get_obj(vm, m) { let _ = vm; Ok(m.obj) }
    get_nbytes(vm, m) { Ok(crate::int::from_usize(vm, m.nbytes())) }
    get_readonly(vm, m) { Ok(vm.bool(m.readonly)) }
    get_itemsize(vm, m) { Ok(crate::int::from_usize(vm, m.itemsize)) }
    get_format(vm, m) { Ok(vm.intern(m.format)) }
    get_ndim(vm, m) { Ok(crate::int::from_usize(vm, m.shape.len())) }
    get_shape(vm, m) { Ok(ints_tuple(vm, m.shape.iter().map(|x| *x as i64).collect())) }
    get_strides(vm, m) { Ok(ints_tuple(vm, m.strides.iter().map(|x| *x as i64).collect())) }
    get_suboffsets(vm, m) { let _ = m; Ok(crate::tuple::new_tuple(vm, vec![])) }
    get_contiguous(vm, m) { Ok(vm.bool(m.is_c_contiguous())) }
    get_c_contiguous(vm, m) { Ok(vm.bool(m.is_c_contiguous())) }
    get_f_contiguous(vm, m) { Ok(vm.bool(m.shape.len() <= 1 && m.is_c_contiguous())) }
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_getter, add_method, add_static};
    let t = vm.t.memoryview;
    add_static(vm, t, "__new__", mv_new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__getitem__", mv_getitem),
        ("__setitem__", mv_setitem),
        ("__len__", mv_len),
        ("__iter__", mv_iter),
        ("__eq__", mv_eq),
        ("__ne__", mv_ne),
        ("__hash__", mv_hash),
        ("__repr__", mv_repr),
        ("__enter__", mv_enter),
        ("__exit__", mv_exit),
        ("tobytes", mv_tobytes),
        ("tolist", mv_tolist),
        ("cast", mv_cast),
        ("release", mv_release),
        ("hex", mv_hex),
        ("toreadonly", mv_toreadonly),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    let getters: &[(&'static str, crate::function::Getter)] = &[
        ("obj", get_obj),
        ("nbytes", get_nbytes),
        ("readonly", get_readonly),
        ("itemsize", get_itemsize),
        ("format", get_format),
        ("ndim", get_ndim),
        ("shape", get_shape),
        ("strides", get_strides),
        ("suboffsets", get_suboffsets),
        ("contiguous", get_contiguous),
        ("c_contiguous", get_c_contiguous),
        ("f_contiguous", get_f_contiguous),
    ];
    for (n, g) in getters {
        add_getter(vm, t, n, *g);
    }
}
