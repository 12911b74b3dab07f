//! `bytes` and `bytearray`, and the codecs str.encode/bytes.decode need.

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
payload!(BytesObj, "bytes");

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

/// The bytes of a bytes-like object, or of an iterable of ints (bytes(x)).
pub fn bytes_from_object(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b);
    }
    if crate::str::as_str(v).is_some() {
        return Err(vm.type_error("cannot convert 'str' object to bytes"));
    }
    let l = crate::list::from_iterable(vm, v).map_err(|e| {
        if crate::exceptions::matches(vm, e, vm.e.type_error) {
            { let __arg = format!("cannot convert '{}' object to bytes", vm.type_name(v)); vm.type_error(__arg) }
        } else {
            e
        }
    })?;
    let items = crate::list::lobj(l).items.borrow().clone();
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        let i = crate::number::index_i64(vm, x)?;
        if !(0..256).contains(&i) {
            return Err(vm.value_error("bytes must be in range(0, 256)"));
        }
        out.push(i as u8);
    }
    Ok(out)
}

fn codec_name(vm: &mut Vm, encoding: Value, fname: &str) -> PyResult<String> {
    if encoding.is_null() {
        return Ok("utf-8".into());
    }
    let s = crate::str_methods::str_arg(vm, encoding, &format!("{fname}() argument 'encoding'"))?;
    Ok(s.to_ascii_lowercase().replace('_', "-"))
}

/// `str.encode(encoding, errors)`.
pub fn encode_str(vm: &mut Vm, s: Value, encoding: Value, errors: Value) -> PyResult {
    let text = crate::str::as_str(s).expect("str");
    let enc = codec_name(vm, encoding, "encode")?;
    let strict = errors.is_null() || crate::str::as_str(errors) == Some("strict");
    let data = match enc.as_str() {
        "utf-8" | "utf8" => text.as_bytes().to_vec(),
        "ascii" | "us-ascii" | "latin-1" | "latin1" | "iso-8859-1" => {
            let limit = if enc.contains("ascii") { 0x80 } else { 0x100 };
            let mut out = Vec::new();
            for (i, c) in text.chars().enumerate() {
                if (c as u32) < limit {
                    out.push(c as u32 as u8);
                } else if strict {
                    let codec = if limit == 0x80 { "ascii" } else { "latin-1" };
                    let t = vm.e.unicode_encode_error;
                    return Err(vm.new_exc(t, format!(
                        "'{codec}' codec can't encode character '{}' in position {i}: ordinal not in range({limit})",
                        format::repr::str_repr(&c.to_string()).trim_matches('\'')
                    )));
                } else {
                    out.push(b'?');
                }
            }
            out
        }
        _ => {
            let t = vm.e.lookup_error;
            return Err(vm.new_exc(t, format!("unknown encoding: {enc}")));
        }
    };
    Ok(new_bytes(vm, data))
}

/// `bytes.decode(encoding, errors)` and `str(b, encoding)`.
pub fn decode_value(vm: &mut Vm, b: Value, encoding: Value, errors: Value) -> PyResult {
    let Some(data) = as_bytes(b) else {
        return Err({ let __arg = format!("decoding to str: need a bytes-like object, {} found", vm.type_name(b)); vm.type_error(__arg) });
    };
    let enc = codec_name(vm, encoding, "decode")?;
    let strict = errors.is_null() || crate::str::as_str(errors) == Some("strict");
    let s = match enc.as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(&data) {
            Ok(s) => s.to_string(),
            Err(e) if strict => {
                let pos = e.valid_up_to();
                let t = vm.e.unicode_decode_error;
                return Err(vm.new_exc(t, format!(
                    "'utf-8' codec can't decode byte 0x{:02x} in position {pos}: invalid start byte",
                    data[pos]
                )));
            }
            Err(_) => String::from_utf8_lossy(&data).into_owned(),
        },
        "ascii" | "us-ascii" => {
            if let Some(pos) = data.iter().position(|b| *b >= 0x80) {
                if strict {
                    let t = vm.e.unicode_decode_error;
                    return Err(vm.new_exc(t, format!(
                        "'ascii' codec can't decode byte 0x{:02x} in position {pos}: ordinal not in range(128)",
                        data[pos]
                    )));
                }
            }
            data.iter().map(|b| if *b < 0x80 { *b as char } else { '\u{fffd}' }).collect()
        }
        "latin-1" | "latin1" | "iso-8859-1" => data.iter().map(|b| *b as char).collect(),
        _ => {
            let t = vm.e.lookup_error;
            return Err(vm.new_exc(t, format!("unknown encoding: {enc}")));
        }
    };
    Ok(crate::str::new_str(vm, s))
}

fn bytes_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [src, encoding, errors] = args.shift().bind(vm, "bytes", ["source", "encoding", "errors"], 0, 0)?;
    let data = if src.is_null() {
        vec![]
    } else if crate::str::as_str(src).is_some() {
        if encoding.is_null() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        let b = encode_str(vm, src, encoding, errors)?;
        as_bytes(b).unwrap()
    } else if let Some(n) = src.as_small() {
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        vec![0; n as usize]
    } else {
        bytes_from_object(vm, src)?
    };
    let t = if crate::typeobj::is_subtype(cls, vm.t.bytearray) { None } else { Some(cls) };
    match t {
        Some(c) => Ok(vm.alloc(c, BytesObj { data: data.into_boxed_slice() })),
        None => Ok(vm.alloc(cls, ByteArrayObj { data: RefCell::new(data) })),
    }
}

fn data_of(args: &Args) -> Vec<u8> {
    as_bytes(args.vals[0]).expect("bytes receiver")
}

fn bytes_repr(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__repr__", 1, 1)?;
    let d = data_of(&args);
    let r = format::repr::bytes_repr(&d);
    let r = if args.vals[0].is::<ByteArrayObj>() { format!("{}({r})", vm.type_name(args.vals[0])) } else { r };
    Ok(crate::str::new_str(vm, r))
}

fn bytes_len(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__len__", 1, 1)?;
    Ok(crate::int::from_usize(vm, data_of(&args).len()))
}

fn bytes_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    let d = data_of(&args);
    if let Some(s) = a[1].downcast::<crate::slice::SliceObj>() {
        let (start, _, step, n) = crate::slice::indices(vm, s, d.len())?;
        let v: Vec<u8> = (0..n).map(|i| d[(start + i as i64 * step) as usize]).collect();
        return Ok(if a[0].is::<ByteArrayObj>() { new_bytearray(vm, v) } else { new_bytes(vm, v) });
    }
    let what = if a[0].is::<ByteArrayObj>() { "bytearray" } else { "index" };
    let i = crate::list::seq_index(vm, a[1], d.len(), what)?;
    Ok(Value::small(d[i] as i64))
}

fn bytes_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(crate::iter::new_bytes_iter(vm, a[0]))
}

fn bytes_richcmp(vm: &mut Vm, args: Args, op: compiler::bytecode::CmpOp) -> PyResult {
    let a = args.exact(vm, "cmp", 2, 2)?;
    let Some(y) = as_bytes(a[1]) else { return Ok(vm.not_implemented) };
    Ok(vm.bool(crate::ops::cmp_ord(data_of(&args).as_slice().cmp(y.as_slice()), op)))
}
macro_rules! bytes_cmp {
    ($($fname:ident: $op:ident;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult { bytes_richcmp(vm, args, compiler::bytecode::CmpOp::$op) } )*
    };
}
bytes_cmp! { bytes_lt: Lt; bytes_le: Le; bytes_eq: Eq; bytes_ne: Ne; bytes_gt: Gt; bytes_ge: Ge; }

fn bytes_hash(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__hash__", 1, 1)?;
    Ok(crate::int::from_i64(vm, crate::hash::hash_bytes(&data_of(&args))))
}

fn bytes_add(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__add__", 2, 2)?;
    let Some(y) = as_bytes(a[1]) else {
        return Err({ let __arg = format!("can't concat {} to {}", vm.type_name(a[1]), vm.type_name(a[0])); vm.type_error(__arg) });
    };
    let mut d = data_of(&args);
    d.extend_from_slice(&y);
    Ok(if a[0].is::<ByteArrayObj>() { new_bytearray(vm, d) } else { new_bytes(vm, d) })
}

fn bytes_decode(vm: &mut Vm, args: Args) -> PyResult {
    let [b, encoding, errors] = args.bind(vm, "decode", ["self", "encoding", "errors"], 1, 1)?;
    decode_value(vm, b, encoding, errors)
}

fn bytes_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    let d = data_of(&args);
    if let Some(i) = a[1].as_small() {
        return Ok(vm.bool(d.contains(&(i as u8)) && (0..256).contains(&i)));
    }
    let Some(sub) = as_bytes(a[1]) else {
        return Err({ let __arg = format!("a bytes-like object is required, not '{}'", vm.type_name(a[1])); vm.type_error(__arg) });
    };
    Ok(vm.bool(sub.is_empty() || d.windows(sub.len()).any(|w| w == sub.as_slice())))
}

fn bytearray_append(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "append", 2, 2)?;
    let i = crate::number::index_i64(vm, a[1])?;
    if !(0..256).contains(&i) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    a[0].downcast::<ByteArrayObj>().unwrap().data.borrow_mut().push(i as u8);
    Ok(vm.none)
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
        ("__contains__", bytes_contains),
        ("decode", bytes_decode),
    ];
    for t in [vm.t.bytes, vm.t.bytearray] {
        add_static(vm, t, "__new__", bytes_new);
        for (n, f) in methods {
            add_method(vm, t, n, *f);
        }
    }
    add_method(vm, vm.t.bytes, "__hash__", bytes_hash);
    add_method(vm, vm.t.bytearray, "append", bytearray_append);
    let none = vm.none;
    set_attr_raw(vm, vm.t.bytearray, "__hash__", none).unwrap();
}
