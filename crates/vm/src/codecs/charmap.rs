//! The charmap codec behind the 8-bit encodings of the `encodings` package
//! (cp1252, cp437, mac_roman...): decoding through a 256-char table or any
//! mapping, encoding through an `EncodingMap` (what `charmap_build` makes of a
//! decoding table) or any mapping, with CPython's checks on mapping values.

use super::{DecodeCtx, EncodeCtx};
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::collections::HashMap;

/// The reverse of a decoding table: code point -> byte.
pub struct EncodingMap {
    map: HashMap<u32, u8>,
    /// What CPython's three-level trie would take (`EncodingMap.size()`).
    size: usize,
}
impl Trace for EncodingMap {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(EncodingMap, "EncodingMap");

thread_local! {
    static MAP_TYPE: std::cell::Cell<Value> = const { std::cell::Cell::new(Value::NULL) };
}

fn map_type(vm: &mut Vm) -> Value {
    let t = MAP_TYPE.with(|c| c.get());
    if !t.is_null() {
        return t;
    }
    let obj = vm.t.object;
    let t = crate::typeobj::new_static_type(vm, "EncodingMap", obj, 0);
    crate::typeobj::add_method(vm, t, "size", map_size);
    vm.extra_roots.push(t);
    MAP_TYPE.with(|c| c.set(t));
    t
}

fn map_size(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "EncodingMap.size", 0, 0)?;
    let n = a[0].downcast::<EncodingMap>().map_or(0, |m| m.size);
    Ok(crate::int::from_usize(vm, n))
}

const UNDEFINED: &str = "character maps to <undefined>";

/// `charmap_build(decoding_table)`: an EncodingMap when the table has CPython's
/// simple shape (256 chars, U+0000 first, no other U+0000, all in the BMP, few
/// enough blocks), else a dict {code point: byte}.
pub fn build(vm: &mut Vm, table: &str) -> PyResult {
    let chars: Vec<char> = table.chars().collect();
    let mut simple = chars.len() == 256 && chars[0] == '\0';
    let (mut level2, mut level3) = (std::collections::HashSet::new(), std::collections::HashSet::new());
    for &c in chars.iter().skip(1) {
        let cp = c as u32;
        if !simple || cp == 0 || cp > 0xffff {
            simple = false;
            break;
        }
        if cp != 0xfffe {
            level2.insert(cp >> 11);
            level3.insert(cp >> 7);
        }
    }
    if simple && level2.len() < 0xff && level3.len() < 0xff {
        let mut map = HashMap::new();
        for (i, &c) in chars.iter().enumerate() {
            if c != '\u{fffe}' {
                map.insert(c as u32, i as u8);
            }
        }
        let size = 63 + 16 * level2.len() + 128 * level3.len();
        let t = map_type(vm);
        return Ok(vm.alloc(t, EncodingMap { map, size }));
    }
    let d = crate::dict::new_dict(vm);
    for (i, &c) in chars.iter().enumerate() {
        let k = crate::int::from_i64(vm, i64::from(c as u32));
        let v = crate::int::from_usize(vm, i);
        crate::dict::set_item(vm, d, k, v)?;
    }
    Ok(d)
}

/// `mapping[key]`, None when it raises LookupError.
fn lookup(vm: &mut Vm, mapping: Value, key: u32) -> PyResult<Option<Value>> {
    let k = crate::int::from_i64(vm, i64::from(key));
    match crate::ops::getitem(vm, mapping, k) {
        Ok(v) if v == vm.none => Ok(None),
        Ok(v) => Ok(Some(v)),
        Err(e) if crate::exceptions::matches(vm, e, vm.e.lookup_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Decodes through a str table (U+FFFE and bytes past its end are undefined)
/// or a mapping from byte values to code points, strings or None.
pub fn decode(vm: &mut Vm, cx: &mut DecodeCtx, mapping: Value) -> PyResult<String> {
    let data = cx.data;
    let mut out = String::with_capacity(data.len());
    let table: Option<Vec<char>> = crate::str::as_str(mapping).map(|t| t.chars().collect());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        let defined = match &table {
            Some(t) => match t.get(b as usize) {
                Some(&c) if c != '\u{fffe}' => {
                    out.push(c);
                    true
                }
                _ => false,
            },
            None => decode_mapped(vm, mapping, b, &mut out)?,
        };
        i = if defined { i + 1 } else { cx.fault(vm, i, i + 1, UNDEFINED, &mut out)? };
    }
    Ok(out)
}

/// One byte through a decoding mapping; false when undefined.
fn decode_mapped(vm: &mut Vm, mapping: Value, b: u8, out: &mut String) -> PyResult<bool> {
    let Some(v) = lookup(vm, mapping, u32::from(b))? else { return Ok(false) };
    if let Some(s) = crate::str::as_str(v) {
        if s == "\u{fffe}" {
            return Ok(false);
        }
        out.push_str(s);
        return Ok(true);
    }
    if !crate::int::is_int(vm, v) {
        return Err(vm.type_error("character mapping must return integer, None or str"));
    }
    let n = crate::number::index_i64(vm, v).unwrap_or(-1);
    if n == 0xfffe {
        return Ok(false);
    }
    match u32::try_from(n).ok().filter(|n| *n < 0x110000) {
        Some(cp) => {
            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
            Ok(true)
        }
        None => Err(vm.type_error("character mapping must be in range(0x110000)")),
    }
}

/// Encodes through an EncodingMap or a mapping from code points to byte
/// values, bytes or None.
pub fn encode(vm: &mut Vm, cx: &EncodeCtx, mapping: Value) -> PyResult<Vec<u8>> {
    if let Some(m) = mapping.downcast::<EncodingMap>() {
        return cx.encode_with(vm, UNDEFINED, &mut |_, c, out| match m.map.get(&(c as u32)) {
            Some(b) => {
                out.push(*b);
                Ok(true)
            }
            None => Ok(false),
        });
    }
    cx.encode_with(vm, UNDEFINED, &mut |vm, c, out| {
        let Some(v) = lookup(vm, mapping, c as u32)? else { return Ok(false) };
        if let Some(b) = v.downcast::<crate::bytes::BytesObj>() {
            out.extend(b.data.iter());
            return Ok(true);
        }
        if !crate::int::is_int(vm, v) {
            let m = format!("character mapping must return integer, bytes or None, not {}", vm.type_name(v));
            return Err(vm.type_error(m));
        }
        match u8::try_from(crate::number::index_i64(vm, v).unwrap_or(-1)) {
            Ok(b) => {
                out.push(b);
                Ok(true)
            }
            Err(_) => Err(vm.type_error("character mapping must be in range(256)")),
        }
    })
}
