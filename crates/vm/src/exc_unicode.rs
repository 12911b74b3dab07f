//! UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError: their
//! argument parsing, attributes (`encoding`, `object`, `start`, `end`,
//! `reason`) and messages, as CPython's exceptions.c builds them.

use crate::object::{Args, PyErr, PyResult};
use crate::typeobj;
use crate::value::Value;
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Encode,
    Decode,
    Translate,
}

fn kind_of(vm: &Vm, ty: Value) -> Option<Kind> {
    if typeobj::is_subtype(ty, vm.e.unicode_encode_error) {
        Some(Kind::Encode)
    } else if typeobj::is_subtype(ty, vm.e.unicode_decode_error) {
        Some(Kind::Decode)
    } else if typeobj::is_subtype(ty, vm.e.unicode_translate_error) {
        Some(Kind::Translate)
    } else {
        None
    }
}

/// A Unicode error of class `cls` for `object[start..end]` (characters of a
/// str, bytes of a bytes object).
pub fn new_unicode_error(vm: &mut Vm, cls: Value, encoding: &str, object: Value, start: usize, end: usize, reason: &str) -> PyErr {
    let enc = crate::str::alloc_str(vm, encoding);
    let s = crate::int::from_usize(vm, start);
    let e = crate::int::from_usize(vm, end);
    let r = crate::str::alloc_str(vm, reason);
    PyErr(crate::exceptions::new_exception(vm, cls, &[enc, object, s, e, r]))
}

/// A UnicodeDecodeError for `data[start..end]`.
pub fn decode_error(vm: &mut Vm, encoding: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let object = crate::bytes::new_bytes(vm, data.to_vec());
    let t = vm.e.unicode_decode_error;
    new_unicode_error(vm, t, encoding, object, start, end, reason)
}

/// `__init__` of the three classes (CPython's "UOnnU" / "UnnU" formats):
/// sets the attributes, or TypeError for other arguments. Other Unicode
/// errors (plain UnicodeError) take any arguments.
pub fn init_attrs(vm: &mut Vm, e: Value, args: &[Value]) -> PyResult<()> {
    let ty = vm.type_of(e);
    let Some(kind) = kind_of(vm, ty) else { return Ok(()) };
    let names: &[&str] = if kind == Kind::Translate {
        &["object", "start", "end", "reason"]
    } else {
        &["encoding", "object", "start", "end", "reason"]
    };
    if args.len() != names.len() {
        let m = format!("function takes exactly {} arguments ({} given)", names.len(), args.len());
        return Err(vm.type_error(m));
    }
    if kind == Kind::Translate {
        let none = vm.none;
        crate::exceptions::set_field(vm, e, "encoding", none);
    }
    for (i, (name, v)) in names.iter().zip(args).enumerate() {
        let v = check_arg(vm, kind, name, i + 1, *v)?;
        crate::exceptions::set_field(vm, e, name, v);
    }
    Ok(())
}

fn check_arg(vm: &mut Vm, kind: Kind, name: &str, pos: usize, v: Value) -> PyResult {
    let ok = match name {
        "start" | "end" => return crate::number::index(vm, v),
        "object" if kind == Kind::Decode => match crate::bytes::buffer_bytes(v) {
            Some(b) => return Ok(crate::bytes::new_bytes(vm, b)),
            None => false,
        },
        _ => crate::str::as_str(v).is_some(),
    };
    if ok {
        return Ok(v);
    }
    let m = if name == "object" && kind == Kind::Decode {
        format!("a bytes-like object is required, not '{}'", vm.type_name(v))
    } else {
        format!("argument {pos} must be str, not {}", vm.type_name(v))
    };
    Err(vm.type_error(m))
}

fn attr(vm: &mut Vm, e: Value, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(crate::exceptions::field(vm, e, name)).filter(|v| !v.is_null()))
}

/// `str()` of the three classes; "" when `__init__` never ran.
fn unicode_error_str(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__str__", 1, 1)?;
    let e = a[0];
    let ty = vm.type_of(e);
    let (Some(kind), Some(object)) = (kind_of(vm, ty), attr(vm, e, "object")?) else {
        return Ok(vm.empty_str);
    };
    let reason = match attr(vm, e, "reason")? {
        Some(r) => crate::ops::str_string(vm, r)?,
        None => String::new(),
    };
    let encoding = match attr(vm, e, "encoding")? {
        Some(x) => crate::ops::str_string(vm, x)?,
        None => String::new(),
    };
    let start = position(vm, e, "start")?;
    let end = position(vm, e, "end")?;
    let single = single_item(kind, object, start, end);
    let s = match (kind, single) {
        (Kind::Encode, Some(c)) => format!("'{encoding}' codec can't encode character '{}' in position {start}: {reason}", crate::codecs::escape_code_point(c)),
        (Kind::Encode, None) => format!("'{encoding}' codec can't encode characters in position {start}-{}: {reason}", end - 1),
        (Kind::Decode, Some(b)) => format!("'{encoding}' codec can't decode byte 0x{b:02x} in position {start}: {reason}"),
        (Kind::Decode, None) => format!("'{encoding}' codec can't decode bytes in position {start}-{}: {reason}", end - 1),
        (Kind::Translate, Some(c)) => format!("can't translate character '{}' in position {start}: {reason}", crate::codecs::escape_code_point(c)),
        (Kind::Translate, None) => format!("can't translate characters in position {start}-{}: {reason}", end - 1),
    };
    Ok(crate::str::new_str(vm, s))
}

fn position(vm: &mut Vm, e: Value, name: &str) -> PyResult<i64> {
    match attr(vm, e, name)? {
        Some(v) => crate::number::index_i64(vm, v),
        None => Ok(0),
    }
}

/// The one offending character (or byte) when `end == start + 1` is in range.
fn single_item(kind: Kind, object: Value, start: i64, end: i64) -> Option<u32> {
    if end != start + 1 || start < 0 {
        return None;
    }
    if kind == Kind::Decode {
        return crate::bytes::as_bytes(object)?.get(start as usize).map(|b| u32::from(*b));
    }
    let so = object.downcast::<crate::str::StrObj>()?;
    ((start as usize) < so.len()).then(|| so.code_point_at(start as usize))
}

pub fn init(vm: &mut Vm) {
    for ty in [vm.e.unicode_encode_error, vm.e.unicode_decode_error, vm.e.unicode_translate_error] {
        typeobj::add_method(vm, ty, "__str__", unicode_error_str);
    }
}
