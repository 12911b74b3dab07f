//! The codecs behind `str.encode` and `bytes.decode`: UTF-8, ASCII, Latin-1,
//! UTF-16 and UTF-32 with the 'strict', 'ignore', 'replace',
//! 'backslashreplace' (and, when encoding, 'xmlcharrefreplace') error
//! handlers, and the UnicodeEncodeError/UnicodeDecodeError objects with their
//! `encoding, object, start, end, reason` attributes and CPython's messages.

use crate::object::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// (bytes per unit, big endian, writes/reads a BOM)
    Utf16(bool, bool),
    Utf32(bool, bool),
}

impl Codec {
    /// The name CPython shows in error messages.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(_, true) => "utf-16",
            Codec::Utf16(false, _) => "utf-16-le",
            Codec::Utf16(true, _) => "utf-16-be",
            Codec::Utf32(_, true) => "utf-32",
            Codec::Utf32(false, _) => "utf-32-le",
            Codec::Utf32(true, _) => "utf-32-be",
        }
    }
}

/// `encodings.normalize_encoding` plus the aliases of the supported codecs.
fn lookup(name: &str) -> Option<Codec> {
    let n: String = name.trim().to_ascii_lowercase().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c }).collect();
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "iso646_us" | "cp367" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(false, true),
        "utf_16_le" | "utf_16le" => Codec::Utf16(false, false),
        "utf_16_be" | "utf_16be" => Codec::Utf16(true, false),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(false, true),
        "utf_32_le" | "utf_32le" => Codec::Utf32(false, false),
        "utf_32_be" | "utf_32be" => Codec::Utf32(true, false),
        _ => return None,
    })
}

/// The codec and error handler named by the `encoding`/`errors` arguments.
fn codec_args(vm: &mut Vm, encoding: Value, errors: Value, fname: &str) -> PyResult<(Codec, &'static str)> {
    let enc = if encoding.is_null() {
        "utf-8"
    } else {
        crate::str_methods::str_arg(vm, encoding, &format!("{fname}() argument 'encoding'"))?
    };
    let errs = if errors.is_null() {
        "strict"
    } else {
        crate::str_methods::str_arg(vm, errors, &format!("{fname}() argument 'errors'"))?
    };
    match lookup(enc) {
        Some(c) => Ok((c, errs)),
        None => {
            let t = vm.e.lookup_error;
            Err(vm.new_exc(t, format!("unknown encoding: {enc}")))
        }
    }
}

/// A UnicodeEncodeError/UnicodeDecodeError (its attributes come from the arguments).
fn unicode_error(vm: &mut Vm, cls: Value, codec: &str, object: Value, start: usize, end: usize, reason: &str) -> PyErr {
    crate::exc_unicode::new_unicode_error(vm, cls, codec, object, start, end, reason)
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    let t = vm.e.lookup_error;
    vm.new_exc(t, format!("unknown error handler name '{errors}'"))
}

/// Encodes `text`; `limit` is the first code point the codec cannot encode
/// (0x80 for ASCII, 0x100 for Latin-1).
fn encode_limited(vm: &mut Vm, s: Value, codec: Codec, limit: u32, errors: &str) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = crate::str::as_str(s).unwrap_or("").chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if (chars[i] as u32) < limit {
            out.push(chars[i] as u32 as u8);
            i += 1;
            continue;
        }
        let end = (i..chars.len()).find(|&j| (chars[j] as u32) < limit).unwrap_or(chars.len());
        let reason = format!("ordinal not in range({limit})");
        encode_error_run(vm, &chars[i..end], errors, &mut out).map_err(|e| match e {
            Some(e) => e,
            None => {
                let t = vm.e.unicode_encode_error;
                unicode_error(vm, t, codec.name(), s, i, end, &reason)
            }
        })?;
        i = end;
    }
    Ok(out)
}

/// Applies a non-strict encode error handler to a run of unencodable chars;
/// `Err(None)` means strict (the caller raises).
fn encode_error_run(vm: &mut Vm, run: &[char], errors: &str, out: &mut Vec<u8>) -> Result<(), Option<PyErr>> {
    for c in run {
        let cp = *c as u32;
        match errors {
            "strict" => return Err(None),
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => out.extend(escape_code_point(cp).bytes()),
            "xmlcharrefreplace" => out.extend(format!("&#{cp};").bytes()),
            other => return Err(Some(unknown_handler(vm, other))),
        }
    }
    Ok(())
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub(crate) fn escape_code_point(cp: u32) -> String {
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

fn encode_wide(text: &str, codec: Codec) -> Vec<u8> {
    let mut out = Vec::new();
    let push = |out: &mut Vec<u8>, unit: u32, width: usize, be: bool| {
        let bytes = unit.to_le_bytes();
        let mut b: Vec<u8> = bytes[..width].to_vec();
        if be {
            b.reverse();
        }
        out.extend(b);
    };
    match codec {
        Codec::Utf16(be, bom) => {
            if bom {
                push(&mut out, 0xfeff, 2, be);
            }
            for u in text.encode_utf16() {
                push(&mut out, u as u32, 2, be);
            }
        }
        Codec::Utf32(be, bom) => {
            if bom {
                push(&mut out, 0xfeff, 4, be);
            }
            for c in text.chars() {
                push(&mut out, c as u32, 4, be);
            }
        }
        _ => unreachable!("wide codecs only"),
    }
    out
}

/// `str.encode(encoding, errors)` (also `bytes(s, encoding)`).
pub fn encode_str(vm: &mut Vm, s: Value, encoding: Value, errors: Value, fname: &str) -> PyResult {
    let (codec, errs) = codec_args(vm, encoding, errors, fname)?;
    let text = crate::str::as_str(s).expect("str");
    let data = match codec {
        Codec::Utf8 => text.as_bytes().to_vec(),
        Codec::Ascii => encode_limited(vm, s, codec, 0x80, errs)?,
        Codec::Latin1 => encode_limited(vm, s, codec, 0x100, errs)?,
        Codec::Utf16(..) | Codec::Utf32(..) => encode_wide(text, codec),
    };
    Ok(crate::bytes::new_bytes(vm, data))
}

/// One decoding failure: the byte range and CPython's reason.
struct DecodeFault {
    start: usize,
    end: usize,
    reason: &'static str,
}

/// Decodes UTF-8 text, calling `fault` for each invalid range.
fn decode_utf8(data: &[u8], out: &mut String, fault: &mut dyn FnMut(DecodeFault, &mut String) -> bool) {
    let mut pos = 0;
    while pos < data.len() {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                out.push_str(s);
                return;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&data[pos..pos + good]).unwrap_or(""));
                let start = pos + good;
                let (end, reason) = match e.error_len() {
                    None => (data.len(), "unexpected end of data"),
                    Some(n) if is_utf8_start(data[start]) => (start + n, "invalid continuation byte"),
                    Some(n) => (start + n, "invalid start byte"),
                };
                if !fault(DecodeFault { start, end, reason }, out) {
                    return;
                }
                pos = end;
            }
        }
    }
}

/// A byte that can begin a multi-byte UTF-8 sequence.
fn is_utf8_start(b: u8) -> bool {
    (0xc2..=0xf4).contains(&b)
}

/// Decodes UTF-16/UTF-32 units; returns the codec with the byte order used
/// (errors name it: 'utf-16-le'...).
fn decode_wide(data: &[u8], codec: Codec, out: &mut String, fault: &mut dyn FnMut(DecodeFault, &mut String) -> bool) -> Codec {
    let (width, mut be, bom) = match codec {
        Codec::Utf16(be, bom) => (2, be, bom),
        Codec::Utf32(be, bom) => (4, be, bom),
        _ => unreachable!("wide codecs only"),
    };
    let unit = |i: usize, be: bool| -> u32 {
        let mut b = data[i..i + width].to_vec();
        if be {
            b.reverse();
        }
        b.iter().rev().fold(0u32, |acc, x| (acc << 8) | *x as u32)
    };
    let mut i = 0;
    if bom && data.len() >= width {
        if unit(0, false) == 0xfeff {
            i = width;
        } else if unit(0, true) == 0xfeff {
            be = true;
            i = width;
        }
    }
    let used = if width == 2 { Codec::Utf16(be, false) } else { Codec::Utf32(be, false) };
    while i < data.len() {
        if i + width > data.len() {
            fault(DecodeFault { start: i, end: data.len(), reason: "truncated data" }, out);
            break;
        }
        let u = unit(i, be);
        if width == 4 {
            match char::from_u32(u) {
                Some(c) => out.push(c),
                None => {
                    let reason = if u > 0x10ffff { "code point not in range(0x110000)" } else { "code point in surrogate code point range(0xd800, 0xe000)" };
                    if !fault(DecodeFault { start: i, end: i + 4, reason }, out) {
                        return used;
                    }
                }
            }
            i += 4;
            continue;
        }
        i = decode_utf16_unit(data, i, u, be, &unit, out, fault);
        if i == usize::MAX {
            return used;
        }
    }
    used
}

/// One UTF-16 unit (and its low surrogate): the next position, usize::MAX to stop.
fn decode_utf16_unit(
    data: &[u8],
    i: usize,
    u: u32,
    be: bool,
    unit: &dyn Fn(usize, bool) -> u32,
    out: &mut String,
    fault: &mut dyn FnMut(DecodeFault, &mut String) -> bool,
) -> usize {
    if !(0xd800..0xe000).contains(&u) {
        out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
        return i + 2;
    }
    if u >= 0xdc00 {
        return if fault(DecodeFault { start: i, end: i + 2, reason: "illegal encoding" }, out) { i + 2 } else { usize::MAX };
    }
    if i + 4 > data.len() {
        let reason = if i + 2 >= data.len() { "unexpected end of data" } else { "truncated data" };
        return if fault(DecodeFault { start: i, end: data.len(), reason }, out) { data.len() } else { usize::MAX };
    }
    let lo = unit(i + 2, be);
    if !(0xdc00..0xe000).contains(&lo) {
        return if fault(DecodeFault { start: i, end: i + 2, reason: "illegal UTF-16 surrogate" }, out) { i + 2 } else { usize::MAX };
    }
    out.push(char::from_u32(0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00)).unwrap_or('\u{fffd}'));
    i + 4
}

/// `bytes.decode(encoding, errors)` and `str(b, encoding, errors)`.
pub fn decode_value(vm: &mut Vm, b: Value, encoding: Value, errors: Value, fname: &str) -> PyResult {
    let Some(data) = crate::bytes::buffer_bytes(b) else {
        let m = format!("decoding to str: need a bytes-like object, {} found", vm.type_name(b));
        return Err(vm.type_error(m));
    };
    let (codec, errs) = codec_args(vm, encoding, errors, fname)?;
    let mut out = String::with_capacity(data.len());
    let mut failure: Option<DecodeFault> = None;
    let mut bad_handler = false;
    let mut fault = |f: DecodeFault, out: &mut String| -> bool {
        match errs {
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => data[f.start..f.end].iter().for_each(|x| out.push_str(&format!("\\x{x:02x}"))),
            "strict" => {
                failure = Some(f);
                return false;
            }
            _ => {
                bad_handler = true;
                return false;
            }
        }
        true
    };
    let mut used = codec;
    match codec {
        Codec::Utf8 => decode_utf8(&data, &mut out, &mut fault),
        Codec::Latin1 => out.extend(data.iter().map(|x| *x as char)),
        Codec::Ascii => decode_ascii(&data, &mut out, &mut fault),
        Codec::Utf16(..) | Codec::Utf32(..) => used = decode_wide(&data, codec, &mut out, &mut fault),
    }
    if bad_handler {
        return Err(unknown_handler(vm, errs));
    }
    if let Some(f) = failure {
        let obj = crate::bytes::new_bytes(vm, data);
        let t = vm.e.unicode_decode_error;
        return Err(unicode_error(vm, t, used.name(), obj, f.start, f.end, f.reason));
    }
    Ok(crate::str::new_str(vm, out))
}

fn decode_ascii(data: &[u8], out: &mut String, fault: &mut dyn FnMut(DecodeFault, &mut String) -> bool) {
    for (i, x) in data.iter().enumerate() {
        if *x < 0x80 {
            out.push(*x as char);
        } else if !fault(DecodeFault { start: i, end: i + 1, reason: "ordinal not in range(128)" }, out) {
            return;
        }
    }
}

