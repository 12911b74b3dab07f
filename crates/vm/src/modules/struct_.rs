//! The `_struct` module, following CPython's Modules/_struct.c on a 64-bit
//! little-endian Linux build: `Struct`, the module-level `pack`/`unpack`
//! family, `iter_unpack`'s iterator and `struct.error`.
//!
//! A format parses into a list of codes (one per format character, with its
//! repeat count and offset). Native mode (`@`) uses C sizes and alignment;
//! `=`, `<`, `>` and `!` use standard sizes without alignment. CPython swaps
//! its native pack routines into the little-endian table when the sizes
//! match, so `<`/`=` report range errors in the native wording ("short format
//! requires ...") for b, B, h, H, i and I, while `>` words most of them
//! "'h' format requires ...": `range_error` reproduces both.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyErr, PyResult};
use crate::payload;
use crate::typeobj::{add_getter, add_method, add_static, new_static_type, set_attr_raw, tflag};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::cell::{Cell, RefCell};

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Order {
    /// `@`: native sizes, alignment and byte order.
    Native,
    /// `<` and `=` (the native order of this build).
    Little,
    /// `>` and `!`.
    Big,
}

#[derive(Copy, Clone, Debug)]
struct Code {
    ch: u8,
    offset: usize,
    /// Item size; for `s` and `p` the whole field's size.
    size: usize,
    /// How many items of this code (1 for `s` and `p`).
    repeat: usize,
}

pub struct StructObj {
    /// The format as a str (NULL before `__init__`).
    format: Cell<Value>,
    codes: RefCell<Vec<Code>>,
    order: Cell<Order>,
    size: Cell<usize>,
    /// Number of values packed or unpacked.
    len: Cell<usize>,
}

impl Trace for StructObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.format.get());
    }
}
payload!(StructObj, "Struct");

pub struct UnpackIter {
    st: Value,
    /// The buffer's bytes (a copy, as the exported buffer would not change size).
    data: Vec<u8>,
    pos: Cell<usize>,
}

impl Trace for UnpackIter {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.st);
    }
}
payload!(UnpackIter, "unpack_iterator");

thread_local! {
    /// Struct, unpack_iterator, error; the format cache (a dict).
    static TYPES: Cell<[Value; 4]> = const { Cell::new([Value::NULL; 4]) };
}

fn types() -> [Value; 4] {
    TYPES.with(|c| c.get())
}

fn struct_error(vm: &mut Vm, msg: impl AsRef<str>) -> PyErr {
    let e = types()[2];
    vm.new_exc(e, msg)
}

/// (size, alignment) of a format character, or None if it is not valid in this mode.
fn entry(order: Order, c: u8) -> Option<(usize, usize)> {
    let native = order == Order::Native;
    let size = match c {
        b'x' | b'b' | b'B' | b'c' | b's' | b'p' | b'?' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    let align = if native && !matches!(c, b's' | b'p' | b'x') { size } else { 1 };
    Some((size, align))
}

/// Parses a format into (order, codes, total size, number of values).
fn parse_format(vm: &mut Vm, fmt: &[u8]) -> PyResult<(Order, Vec<Code>, usize, usize)> {
    // The C code reads a NUL-terminated string.
    let fmt = match fmt.iter().position(|&b| b == 0) {
        Some(i) => &fmt[..i],
        None => fmt,
    };
    let (order, body) = match fmt.first() {
        Some(b'@') => (Order::Native, &fmt[1..]),
        Some(b'<') | Some(b'=') => (Order::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, &fmt[1..]),
        _ => (Order::Native, fmt),
    };
    let too_long = |vm: &mut Vm| struct_error(vm, "total struct size too long");
    let mut codes = Vec::new();
    let (mut size, mut len) = (0usize, 0usize);
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut num = 1usize;
        if c.is_ascii_digit() {
            num = (c - b'0') as usize;
            loop {
                let Some(&d) = body.get(i) else {
                    return Err(struct_error(vm, "repeat count given without format specifier"));
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                num = match num.checked_mul(10).and_then(|n| n.checked_add((d - b'0') as usize)) {
                    Some(n) if n <= isize::MAX as usize => n,
                    _ => return Err(too_long(vm)),
                };
            }
        }
        let Some((isize_, align)) = entry(order, c) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        if align > 1 {
            size = match size.checked_add(align - 1) {
                Some(s) => s / align * align,
                None => return Err(too_long(vm)),
            };
        }
        match c {
            b's' | b'p' => {
                len += 1;
                codes.push(Code { ch: c, offset: size, size: num, repeat: 1 });
            }
            b'x' => {}
            _ => {
                len += num;
                if num > 0 {
                    codes.push(Code { ch: c, offset: size, size: isize_, repeat: num });
                }
            }
        }
        size = match num.checked_mul(isize_).and_then(|n| n.checked_add(size)) {
            Some(s) if s <= isize::MAX as usize => s,
            _ => return Err(too_long(vm)),
        };
    }
    Ok((order, codes, size, len))
}

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static StructObj> {
    match v.downcast::<StructObj>() {
        Some(s) if !s.format.get().is_null() => Ok(s),
        Some(_) => Err(vm.value_error("Struct object is not initialized")),
        None => {
            let m = format!("descriptor requires a '_struct.Struct' object but received a '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

/// Sets up `s` from a format (str or bytes).
fn init_from(vm: &mut Vm, s: &StructObj, fmt: Value) -> PyResult<()> {
    let (bytes, fstr) = if let Some(t) = crate::str::as_str(fmt) {
        if !t.is_ascii() {
            let enc = crate::str::alloc_str(vm, "ascii");
            crate::call::call_method(vm, fmt, "encode", &[enc])?;
        }
        (t.as_bytes().to_vec(), fmt)
    } else if let Some(b) = fmt.downcast::<crate::bytes::BytesObj>() {
        let text = String::from_utf8_lossy(&b.data).into_owned();
        (b.data.to_vec(), crate::str::new_str(vm, text))
    } else {
        let m = format!("Struct() argument 1 must be a str or bytes object, not {}", super::array::short_name(vm, fmt));
        return Err(vm.type_error(m));
    };
    if bytes.contains(&0) {
        return Err(struct_error(vm, "embedded null character"));
    }
    let (order, codes, size, len) = parse_format(vm, &bytes)?;
    s.format.set(fstr);
    *s.codes.borrow_mut() = codes;
    s.order.set(order);
    s.size.set(size);
    s.len.set(len);
    Ok(())
}

fn new_struct_obj(vm: &mut Vm, cls: Value) -> Value {
    vm.alloc(cls, StructObj { format: Cell::new(Value::NULL), codes: RefCell::new(Vec::new()), order: Cell::new(Order::Native), size: Cell::new(0), len: Cell::new(0) })
}

fn struct_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    Ok(new_struct_obj(vm, cls))
}

fn struct_init(vm: &mut Vm, args: Args) -> PyResult {
    let [self_, fmt] = args.bind(vm, "Struct", ["self", "format"], 2, 0)?;
    let Some(s) = self_.downcast::<StructObj>() else {
        return Err(vm.type_error("descriptor '__init__' requires a '_struct.Struct' object"));
    };
    init_from(vm, s, fmt)?;
    Ok(vm.none)
}

/// The Struct for a module-level call's format argument (cached, as CPython does).
fn cached_struct(vm: &mut Vm, fmt: Value) -> PyResult {
    let cache = types()[3];
    let hashable = crate::str::as_str(fmt).is_some() || fmt.is::<crate::bytes::BytesObj>();
    if hashable {
        if let Some(s) = crate::dict::get_item(vm, cache, fmt)? {
            return Ok(s);
        }
    }
    let s = new_struct_obj(vm, types()[0]);
    let obj = s.downcast::<StructObj>().expect("Struct");
    init_from(vm, obj, fmt)?;
    if hashable {
        // CPython empties the cache once it holds 100 formats.
        if crate::dict::dobj(cache).len() >= 100 {
            crate::dict::dobj(cache).clear();
        }
        crate::dict::set_item(vm, cache, fmt, s)?;
    }
    Ok(s)
}

// ---- packing ----

/// An int argument for an integer code (`get_pylong`).
fn get_int(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(b) = crate::int::to_bigint(vm, v) {
        return Ok(b);
    }
    if crate::number::has_index(vm, v) {
        return crate::number::index_bigint(vm, v);
    }
    Err(struct_error(vm, "required argument is not an integer"))
}

/// `PyFloat_AsDouble`, with any failure reported as CPython's struct does.
fn get_double(vm: &mut Vm, v: Value) -> PyResult<f64> {
    crate::float::as_double(vm, v).map_err(|_| struct_error(vm, "required argument is not a float"))
}

enum PackErr {
    /// A Python exception to raise as is.
    Py(PyErr),
    /// An OverflowError CPython's pack loop turns into "int too large to convert"
    /// when the argument is an int.
    Overflow(String),
}

impl From<PyErr> for PackErr {
    fn from(e: PyErr) -> PackErr {
        PackErr::Py(e)
    }
}

/// The struct.error for a value out of a code's range, worded as the routine
/// CPython uses for that code and byte order.
fn range_error(vm: &mut Vm, c: u8, order: Order, size: usize) -> PyErr {
    let native_routine = order != Order::Big || matches!(c, b'b' | b'B');
    let msg = match c {
        b'b' => "byte format requires -128 <= number <= 127".to_string(),
        b'B' => "ubyte format requires 0 <= number <= 255".to_string(),
        b'h' if native_routine => "short format requires -32768 <= number <= 32767".to_string(),
        b'H' if native_routine => "ushort format requires 0 <= number <= 65535".to_string(),
        _ => {
            let bits = size * 8;
            if c.is_ascii_uppercase() {
                format!("'{}' format requires 0 <= number <= {}", c as char, (1u128 << bits) - 1)
            } else {
                let largest = (1i128 << (bits - 1)) - 1;
                format!("'{}' format requires {} <= number <= {}", c as char, -largest - 1, largest)
            }
        }
    };
    struct_error(vm, msg)
}

/// Packs an integer code's value into `out` (of the code's size).
fn pack_int(vm: &mut Vm, c: u8, order: Order, v: Value, out: &mut [u8]) -> Result<(), PackErr> {
    let b = get_int(vm, v)?;
    let size = out.len();
    let unsigned = c.is_ascii_uppercase() || c == b'P';
    let x: i128 = if order == Order::Big && size == 8 {
        // bp_longlong/bp_ulonglong convert with _PyLong_AsByteArray.
        let ok = if unsigned { b.to_u64().map(i128::from) } else { b.to_i64().map(i128::from) };
        match ok {
            Some(x) => x,
            None => return Err(PackErr::Overflow("int too large to convert".into())),
        }
    } else if c == b'P' {
        // PyLong_AsVoidPtr: negative values as a C long, others as unsigned long.
        let ok = if b.is_negative() { b.to_i64().map(i128::from) } else { b.to_u64().map(i128::from) };
        match ok {
            Some(x) => x,
            None => return Err(PackErr::Overflow("Python int too large to convert to C unsigned long".into())),
        }
    } else {
        // get_long / get_ulong: the C long range, then the code's own range.
        // The native routines (also used by `<`) fetch B and H as a signed long.
        let via_ulong = unsigned && (size >= 4 || (order == Order::Big && c != b'B'));
        let ok = if via_ulong { b.to_u64().map(i128::from) } else { b.to_i64().map(i128::from) };
        let Some(x) = ok else {
            return Err(struct_error(vm, "argument out of range").into());
        };
        let bits = size * 8;
        let fits = if unsigned { x >= 0 && (bits >= 64 || x < (1i128 << bits)) } else { bits >= 64 || (x >= -(1i128 << (bits - 1)) && x < (1i128 << (bits - 1))) };
        if !fits {
            return Err(range_error(vm, c, order, size).into());
        }
        x
    };
    let le = (x as u128).to_le_bytes();
    for (i, byte) in out.iter_mut().enumerate() {
        let j = if order == Order::Big { size - 1 - i } else { i };
        *byte = le[j];
    }
    Ok(())
}

fn put_bytes(order: Order, le: &[u8], out: &mut [u8]) {
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = if order == Order::Big { le[le.len() - 1 - i] } else { le[i] };
    }
}

/// PyFloat_Pack2: IEEE half precision, rounding half to even.
fn pack_half(x: f64) -> Option<u16> {
    let (sign, e, bits): (u16, i32, u32);
    if x == 0.0 {
        return Some(if x.is_sign_negative() { 0x8000 } else { 0 });
    } else if x.is_infinite() {
        return Some(if x < 0.0 { 0xfc00 } else { 0x7c00 });
    } else if x.is_nan() {
        return Some(if x.is_sign_negative() { 0xfe00 } else { 0x7e00 });
    } else {
        sign = (x < 0.0) as u16;
        let ax = x.abs();
        // frexp: ax = f * 2**e with f in [0.5, 1), then normalized to [1, 2).
        let (mut f, mut ex) = frexp(ax);
        f *= 2.0;
        ex -= 1;
        if ex >= 16 {
            return None;
        } else if ex < -25 {
            f = 0.0;
            ex = 0;
        } else if ex < -14 {
            f = ldexp(f, 14 + ex);
            ex = 0;
        } else {
            ex += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        let mut b = f as u32;
        let frac = f - b as f64;
        if frac > 0.5 || (frac == 0.5 && b % 2 == 1) {
            b += 1;
            if b == 1024 {
                b = 0;
                ex += 1;
                if ex == 31 {
                    return None;
                }
            }
        }
        e = ex;
        bits = b;
    }
    Some((bits as u16) | ((e as u16) << 10) | (sign << 15))
}

fn unpack_half(h: u16) -> f64 {
    let sign = h >> 15;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let x = if e == 0x1f {
        if f == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else if e == 0 {
        ldexp(f / 1024.0, -14)
    } else {
        ldexp(1.0 + f / 1024.0, e - 15)
    };
    if sign == 1 {
        -x
    } else {
        x
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (f, e) = frexp(x * 2f64.powi(64));
        return (f, e - 64);
    }
    let f = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (f, exp - 1022)
}

fn ldexp(x: f64, e: i32) -> f64 {
    // Two steps keep intermediate powers of two representable.
    let half = e / 2;
    x * 2f64.powi(half) * 2f64.powi(e - half)
}

fn pack_one(vm: &mut Vm, c: u8, order: Order, v: Value, out: &mut [u8]) -> Result<(), PackErr> {
    match c {
        b'c' => match v.downcast::<crate::bytes::BytesObj>() {
            Some(b) if b.data.len() == 1 => out[0] = b.data[0],
            _ => return Err(struct_error(vm, "char format requires a bytes object of length 1").into()),
        },
        b'?' => out[0] = crate::ops::truthy(vm, v)? as u8,
        b'e' => {
            let x = get_double(vm, v)?;
            let Some(h) = pack_half(x) else {
                return Err(PackErr::Overflow("float too large to pack with e format".into()));
            };
            put_bytes(order, &h.to_le_bytes(), out);
        }
        b'f' => {
            let x = get_double(vm, v)?;
            let y = x as f32;
            if order != Order::Native && y.is_infinite() && !x.is_infinite() {
                return Err(PackErr::Overflow("float too large to pack with f format".into()));
            }
            put_bytes(order, &y.to_le_bytes(), out);
        }
        b'd' => {
            let x = get_double(vm, v)?;
            put_bytes(order, &x.to_le_bytes(), out);
        }
        _ => pack_int(vm, c, order, v, out)?,
    }
    Ok(())
}

/// Packs `vals` (exactly `s.len` of them) into a new byte vector of `s.size`.
fn pack_values(vm: &mut Vm, s: &StructObj, vals: &[Value]) -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; s.size.get()];
    let codes = s.codes.borrow().clone();
    let order = s.order.get();
    let mut i = 0;
    for code in codes {
        let mut off = code.offset;
        for _ in 0..code.repeat {
            let v = vals[i];
            i += 1;
            match code.ch {
                b's' | b'p' => {
                    let data = if let Some(b) = v.downcast::<crate::bytes::BytesObj>() {
                        b.data.to_vec()
                    } else if let Some(b) = v.downcast::<crate::bytes::ByteArrayObj>() {
                        b.data.borrow().clone()
                    } else {
                        let m = format!("argument for '{}' must be a bytes object", code.ch as char);
                        return Err(struct_error(vm, m));
                    };
                    let field = &mut buf[off..off + code.size];
                    if code.ch == b's' {
                        let n = data.len().min(code.size);
                        field[..n].copy_from_slice(&data[..n]);
                    } else if code.size > 0 {
                        let n = data.len().min(code.size - 1);
                        field[1..1 + n].copy_from_slice(&data[..n]);
                        field[0] = n.min(255) as u8;
                    }
                }
                c => {
                    if let Err(e) = pack_one(vm, c, order, v, &mut buf[off..off + code.size]) {
                        return Err(match e {
                            PackErr::Py(e) => e,
                            PackErr::Overflow(m) => {
                                if crate::int::is_int(vm, v) {
                                    struct_error(vm, "int too large to convert")
                                } else {
                                    vm.overflow_error(m)
                                }
                            }
                        });
                    }
                }
            }
            off += code.size;
        }
    }
    Ok(buf)
}

// ---- unpacking ----

fn unpack_one(vm: &mut Vm, c: u8, order: Order, d: &[u8]) -> Value {
    let mut le = [0u8; 8];
    for (i, b) in le.iter_mut().take(d.len()).enumerate() {
        *b = if order == Order::Big { d[d.len() - 1 - i] } else { d[i] };
    }
    let raw = u64::from_le_bytes(le);
    match c {
        b'c' => crate::bytes::new_bytes(vm, d.to_vec()),
        b'?' => vm.bool(d.iter().any(|&b| b != 0)),
        b'e' => crate::float::new_float(vm, unpack_half(raw as u16)),
        b'f' => crate::float::new_float(vm, f32::from_bits(raw as u32) as f64),
        b'd' => crate::float::new_float(vm, f64::from_bits(raw)),
        _ => {
            let bits = d.len() * 8;
            let unsigned = c.is_ascii_uppercase() || c == b'P';
            if unsigned {
                if raw > i64::MAX as u64 {
                    return crate::int::from_bigint(vm, BigInt::from(raw));
                }
                crate::int::from_i64(vm, raw as i64)
            } else {
                // Sign-extend from the field's width.
                let shift = 64 - bits;
                crate::int::from_i64(vm, ((raw << shift) as i64) >> shift)
            }
        }
    }
}

/// Unpacks `data` (exactly `s.size` bytes) into a tuple.
fn unpack_values(vm: &mut Vm, s: &StructObj, data: &[u8]) -> PyResult {
    let codes = s.codes.borrow().clone();
    let order = s.order.get();
    let buf = crate::list::ValueBuf::new(vm);
    for code in codes {
        let mut off = code.offset;
        for _ in 0..code.repeat {
            let field = &data[off..off + code.size];
            let v = match code.ch {
                b's' => crate::bytes::new_bytes(vm, field.to_vec()),
                b'p' => {
                    let n = match field.first() {
                        Some(&n) => (n as usize).min(code.size - 1),
                        None => 0,
                    };
                    crate::bytes::new_bytes(vm, field.get(1..1 + n).unwrap_or(&[]).to_vec())
                }
                c => unpack_one(vm, c, order, field),
            };
            buf.push(v);
            off += code.size;
        }
    }
    Ok(buf.into_tuple(vm))
}

/// The bytes of a buffer argument ("a bytes-like object is required, not 'str'").
fn read_buffer(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match crate::bytes::buffer_bytes(v) {
        Some(b) => Ok(b),
        None => {
            let m = format!("a bytes-like object is required, not '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

// ---- the operations, shared by methods and module functions ----

fn do_pack(vm: &mut Vm, st: Value, vals: &[Value]) -> PyResult {
    let s = this(vm, st)?;
    if vals.len() != s.len.get() {
        let m = format!("pack expected {} items for packing (got {})", s.len.get(), vals.len());
        return Err(struct_error(vm, m));
    }
    let b = pack_values(vm, s, vals)?;
    Ok(crate::bytes::new_bytes(vm, b))
}

fn do_pack_into(vm: &mut Vm, st: Value, vals: &[Value]) -> PyResult {
    let s = this(vm, st)?;
    let size = s.size.get() as i64;
    if vals.len() != s.len.get() + 2 {
        let m = match vals.len() {
            0 => "pack_into expected buffer argument".to_string(),
            1 => "pack_into expected offset argument".to_string(),
            n => format!("pack_into expected {} items for packing (got {})", s.len.get(), n - 2),
        };
        return Err(struct_error(vm, m));
    }
    let target = vals[0];
    let buf_len = writable_len(vm, target)? as i64;
    let ie = vm.e.index_error;
    let mut offset = crate::number::as_ssize(vm, vals[1], ie)?;
    if offset < 0 {
        if offset + size > 0 {
            let m = format!("no space to pack {size} bytes at offset {offset}");
            return Err(struct_error(vm, m));
        }
        if offset + buf_len < 0 {
            let m = format!("offset {offset} out of range for {buf_len}-byte buffer");
            return Err(struct_error(vm, m));
        }
        offset += buf_len;
    }
    if buf_len - offset < size {
        let m = format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {buf_len})",
            i128::from(size) + i128::from(offset)
        );
        return Err(struct_error(vm, m));
    }
    let data = pack_values(vm, s, &vals[2..])?;
    write_at(vm, target, offset as usize, &data)?;
    Ok(vm.none)
}

/// The byte length of a writable buffer (bytearray, writable memoryview, array).
fn writable_len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    if let Some(b) = v.downcast::<crate::bytes::ByteArrayObj>() {
        return Ok(b.data.borrow().len());
    }
    if let Some(n) = super::array::byte_len(v) {
        return Ok(n);
    }
    if v.is::<crate::memoryview::MemoryViewObj>() {
        let name_ = vm.intern_static("readonly");

        let ro = crate::attr::getattr(vm, v, name_)?;
        if !crate::ops::truthy(vm, ro)? {
            let name_ = vm.intern_static("nbytes");

            let nb = crate::attr::getattr(vm, v, name_)?;
            return crate::number::index_i64(vm, nb).map(|n| n as usize);
        }
    }
    let m = format!("argument must be read-write bytes-like object, not {}", vm.type_name(v));
    Err(vm.type_error(m))
}

/// Writes `data` at byte `offset` of a writable buffer.
fn write_at(vm: &mut Vm, target: Value, offset: usize, data: &[u8]) -> PyResult<()> {
    if let Some(b) = target.downcast::<crate::bytes::ByteArrayObj>() {
        b.data.borrow_mut()[offset..offset + data.len()].copy_from_slice(data);
        return Ok(());
    }
    if super::array::write_bytes(target, offset, data) {
        return Ok(());
    }
    // A memoryview: assign through a byte-format cast of it.
    let fmt = crate::str::alloc_str(vm, "B");
    let view = crate::call::call_method(vm, target, "cast", &[fmt])?;
    let start = crate::int::from_usize(vm, offset);
    let stop = crate::int::from_usize(vm, offset + data.len());
    let sl = crate::slice::new_slice(vm, start, stop, vm.none);
    let b = crate::bytes::new_bytes(vm, data.to_vec());
    crate::ops::setitem(vm, view, sl, b)?;
    Ok(())
}

fn do_unpack(vm: &mut Vm, st: Value, buffer: Value) -> PyResult {
    let s = this(vm, st)?;
    let data = read_buffer(vm, buffer)?;
    if data.len() != s.size.get() {
        let m = format!("unpack requires a buffer of {} bytes", s.size.get());
        return Err(struct_error(vm, m));
    }
    unpack_values(vm, s, &data)
}

fn do_unpack_from(vm: &mut Vm, st: Value, buffer: Value, offset: Value) -> PyResult {
    let s = this(vm, st)?;
    let data = read_buffer(vm, buffer)?;
    let mut off = if offset.is_null() { 0 } else { crate::number::index_i64(vm, offset)? };
    let len = data.len() as i64;
    let size = s.size.get() as i64;
    if off < 0 {
        if off + size > 0 {
            let m = format!("not enough data to unpack {size} bytes at offset {off}");
            return Err(struct_error(vm, m));
        }
        if off + len < 0 {
            let m = format!("offset {off} out of range for {len}-byte buffer");
            return Err(struct_error(vm, m));
        }
        off += len;
    }
    if len - off < size {
        let m = format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {off} (actual buffer size is {len})",
            i128::from(size) + i128::from(off)
        );
        return Err(struct_error(vm, m));
    }
    let off = off as usize;
    unpack_values(vm, s, &data[off..off + size as usize])
}

fn do_iter_unpack(vm: &mut Vm, st: Value, buffer: Value) -> PyResult {
    let s = this(vm, st)?;
    if s.size.get() == 0 {
        return Err(struct_error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    let data = read_buffer(vm, buffer)?;
    if data.len() % s.size.get() != 0 {
        let m = format!("iterative unpacking requires a buffer of a multiple of {} bytes", s.size.get());
        return Err(struct_error(vm, m));
    }
    let t = types()[1];
    Ok(vm.alloc(t, UnpackIter { st, data, pos: Cell::new(0) }))
}

// ---- Struct methods ----

fn s_pack(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "pack")?;
    do_pack(vm, args.vals[0], &args.vals[1..])
}

fn s_pack_into(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "pack_into")?;
    do_pack_into(vm, args.vals[0], &args.vals[1..])
}

fn s_unpack(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "Struct.unpack", 1, 1)?;
    do_unpack(vm, a[0], a[1])
}

fn s_unpack_from(vm: &mut Vm, args: Args) -> PyResult {
    let [st, buffer, offset] = args.bind(vm, "unpack_from", ["self", "buffer", "offset"], 2, 1)?;
    do_unpack_from(vm, st, buffer, offset)
}

fn s_iter_unpack(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "Struct.iter_unpack", 1, 1)?;
    do_iter_unpack(vm, a[0], a[1])
}

fn s_format(vm: &mut Vm, v: Value) -> PyResult {
    let s = this(vm, v)?;
    Ok(s.format.get())
}

fn s_size(vm: &mut Vm, v: Value) -> PyResult {
    let s = this(vm, v)?;
    Ok(crate::int::from_usize(vm, s.size.get()))
}

fn s_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "Struct.__sizeof__", 0, 0)?;
    let s = this(vm, a[0])?;
    // CPython: the object plus one formatcode per code and a terminator.
    let n = 56 + 32 * (s.codes.borrow().len() + 1);
    Ok(crate::int::from_usize(vm, n))
}

// ---- module functions ----

fn need_format<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<(Value, &'a [Value])> {
    match args.vals.split_first() {
        Some((f, rest)) => Ok((*f, rest)),
        None => Err(vm.type_error("missing format argument")),
    }
}

fn m_pack(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "pack")?;
    let (f, rest) = need_format(vm, &args)?;
    let st = cached_struct(vm, f)?;
    do_pack(vm, st, rest)
}

fn m_pack_into(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "pack_into")?;
    let (f, rest) = need_format(vm, &args)?;
    let st = cached_struct(vm, f)?;
    do_pack_into(vm, st, rest)
}

fn m_unpack(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "unpack", 2, 2)?;
    let st = cached_struct(vm, a[0])?;
    do_unpack(vm, st, a[1])
}

fn m_unpack_from(vm: &mut Vm, args: Args) -> PyResult {
    let [f, buffer, offset] = args.bind(vm, "unpack_from", ["format", "buffer", "offset"], 2, 1)?;
    let st = cached_struct(vm, f)?;
    do_unpack_from(vm, st, buffer, offset)
}

fn m_iter_unpack(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "iter_unpack", 2, 2)?;
    let st = cached_struct(vm, a[0])?;
    do_iter_unpack(vm, st, a[1])
}

fn m_calcsize(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_struct.calcsize", 1, 1)?;
    let st = cached_struct(vm, a[0])?;
    let s = this(vm, st)?;
    Ok(crate::int::from_usize(vm, s.size.get()))
}

fn m_clearcache(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "_clearcache", 0, 0)?;
    let cache = types()[3];
    crate::dict::dobj(cache).clear();
    Ok(vm.none)
}

// ---- unpack_iterator ----

fn it_next(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__next__", 1, 1)?;
    let Some(it) = args.vals[0].downcast::<UnpackIter>() else {
        return Err(vm.type_error("descriptor '__next__' requires a '_struct.unpack_iterator' object"));
    };
    let s = this(vm, it.st)?;
    let size = s.size.get();
    let pos = it.pos.get();
    if pos + size > it.data.len() || size == 0 {
        return Err(vm.stop_iteration(Value::NULL));
    }
    it.pos.set(pos + size);
    unpack_values(vm, s, &it.data[pos..pos + size])
}

fn it_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(a[0])
}

fn it_length_hint(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__length_hint__", 1, 1)?;
    let Some(it) = a[0].downcast::<UnpackIter>() else {
        return Err(vm.type_error("descriptor '__length_hint__' requires a '_struct.unpack_iterator' object"));
    };
    let size = this(vm, it.st)?.size.get().max(1);
    let n = (it.data.len() - it.pos.get()) / size;
    Ok(crate::int::from_usize(vm, n))
}

fn it_new(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.type_error("cannot create '_struct.unpack_iterator' instances"))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let obj = vm.t.object;
    let st = new_static_type(vm, "_struct.Struct", obj, tflag::BASETYPE | tflag::WEAKREFABLE);
    super::array::short_qualname(st);
    let modname = vm.intern("_struct");
    set_attr_raw(vm, st, "__module__", modname)?;
    add_static(vm, st, "__new__", struct_new);
    add_method(vm, st, "__init__", struct_init);
    add_method(vm, st, "pack", s_pack);
    add_method(vm, st, "pack_into", s_pack_into);
    add_method(vm, st, "unpack", s_unpack);
    add_method(vm, st, "unpack_from", s_unpack_from);
    add_method(vm, st, "iter_unpack", s_iter_unpack);
    add_method(vm, st, "__sizeof__", s_sizeof);
    add_getter(vm, st, "format", s_format);
    add_getter(vm, st, "size", s_size);

    let it = new_static_type(vm, "_struct.unpack_iterator", obj, 0);
    super::array::short_qualname(it);
    set_attr_raw(vm, it, "__module__", modname)?;
    add_static(vm, it, "__new__", it_new);
    add_method(vm, it, "__iter__", it_iter);
    add_method(vm, it, "__next__", it_next);
    add_method(vm, it, "__length_hint__", it_length_hint);

    // struct.error is a plain heap class, as PyErr_NewException makes it.
    let ns = crate::dict::new_dict(vm);
    let smod = crate::str::alloc_str(vm, "struct");
    crate::dict::set_item_str(vm, ns, "__module__", smod)?;
    let exc = vm.e.exception;
    let tt = vm.t.type_;
    let err = crate::typeobj::new_class(vm, tt, "error", &[exc], ns)?;

    let cache = crate::dict::new_dict(vm);
    TYPES.with(|c| c.set([st, it, err, cache]));
    vm.extra_roots.extend([st, it, err, cache]);
    super::set_attr(vm, m, "Struct", st)?;
    super::set_attr(vm, m, "error", err)?;
    super::add_functions(
        vm,
        m,
        &[
            ("pack", m_pack),
            ("pack_into", m_pack_into),
            ("unpack", m_unpack),
            ("unpack_from", m_unpack_from),
            ("iter_unpack", m_iter_unpack),
            ("calcsize", m_calcsize),
            ("_clearcache", m_clearcache),
        ],
    )?;
    Ok(())
}
