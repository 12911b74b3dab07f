//! Codecs: the ones written in Rust (UTF-8, UTF-16, UTF-32, UTF-7, ASCII,
//! Latin-1, charmap, the escape codecs), the error-handler protocol they all
//! share, and `str.encode`/`bytes.decode`, which use the Rust codecs directly
//! for the common names and the codec registry (`_codecs`,
//! modules/codecs_mod.rs) for every other encoding.
//!
//! Error handlers: a codec that meets unencodable characters or undecodable
//! bytes asks `EncodeCtx::fault`/`DecodeCtx::fault` how to go on. The names
//! CPython's codecs know inline ('strict', 'ignore', 'replace',
//! 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape',
//! 'surrogatepass') are answered here without building an exception; any
//! other name is looked up in the error registry and called with a
//! UnicodeEncodeError/UnicodeDecodeError, and its `(replacement, position)`
//! answer is checked as CPython checks it.
//!
//! Lone surrogates: decoders write valid UTF-8 `String`s; a surrogate they
//! produce ('surrogateescape', 'surrogatepass', `\ud800` escapes) is written as
//! U+FFFD and recorded in the `DecodeCtx`, which makes the str with the exact
//! text (`DecodeCtx::finish`). Encoders see the code points of the str
//! (`EncodeCtx`), where a surrogate is unencodable by every codec here.

pub mod charmap;
pub mod escape;
pub mod utf7;

use crate::object::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// (byte order: -1 little, 1 big, 0 BOM then little)
    Utf16(i32),
    Utf32(i32),
}

/// CPython's `_Py_normalize_encoding`: ASCII letters lowered, every run of
/// characters other than ASCII letters, digits and '.' becomes one '_'
/// (none at the ends).
pub fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

/// The Rust codec for a normalized encoding name (the aliases of
/// encodings/aliases.py for these codecs).
fn builtin_codec(norm: &str) -> Option<Codec> {
    Some(match norm {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "iso646_us" | "cp367" | "csascii" | "ibm367" | "iso_646.irv_1991" | "iso_ir_6" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" | "ibm819" | "csisolatin1" | "iso_8859_1_1987" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(0),
        "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Codec::Utf16(-1),
        "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Codec::Utf16(1),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(0),
        "utf_32_le" | "utf_32le" => Codec::Utf32(-1),
        "utf_32_be" | "utf_32be" => Codec::Utf32(1),
        _ => return None,
    })
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

/// What the built-in handler `name` puts in place of unencodable `chars`
/// (None: the handler does not replace characters when encoding).
pub(crate) fn builtin_encode_replacement(name: &str, chars: &[u32]) -> Option<String> {
    let mut s = String::new();
    for &cp in chars {
        match name {
            "ignore" => {}
            "replace" => s.push('?'),
            "backslashreplace" => s.push_str(&escape_code_point(cp)),
            "xmlcharrefreplace" => s.push_str(&format!("&#{cp};")),
            "namereplace" => match char::from_u32(cp).and_then(unicode_names2::name) {
                Some(n) => s.push_str(&format!("\\N{{{n}}}")),
                None => s.push_str(&escape_code_point(cp)),
            },
            _ => return None,
        }
    }
    Some(s)
}

/// What the built-in handler `name` puts in place of undecodable `bytes`.
pub(crate) fn builtin_decode_replacement(name: &str, bytes: &[u8]) -> Option<String> {
    match name {
        "ignore" => Some(String::new()),
        "replace" => Some("\u{fffd}".to_string()),
        "backslashreplace" => Some(bytes.iter().map(|b| format!("\\x{b:02x}")).collect()),
        _ => None,
    }
}

/// How codec `norm` (a normalized name) writes one surrogate for 'surrogatepass':
/// (bytes, big-endian); UTF-8 takes 3 bytes. None: the handler cannot help.
fn surrogate_form(norm: &str) -> Option<(usize, bool)> {
    Some(match norm {
        "utf_8" | "utf8" => (3, false),
        "utf_16" | "utf_16_le" => (2, false),
        "utf_16_be" => (2, true),
        "utf_32" | "utf_32_le" => (4, false),
        "utf_32_be" => (4, true),
        _ => return None,
    })
}

/// A handler's answer when encoding: bytes to copy, or text the codec encodes.
pub enum Replacement {
    Bytes(Vec<u8>),
    Text(String),
}

/// A position returned by an error handler, made absolute and checked.
fn handler_position(vm: &mut Vm, pos: Value, len: usize) -> PyResult<usize> {
    let p = crate::number::index_i64(vm, pos)?;
    let abs = if p < 0 { p + len as i64 } else { p };
    if abs < 0 || abs > len as i64 {
        let m = format!("position {p} from error handler out of bounds");
        return Err(vm.index_error(m));
    }
    Ok(abs as usize)
}

/// Calls the registered handler `errors` with `exc`; returns its replacement and position.
fn call_handler(vm: &mut Vm, errors: &str, exc: Value, len: usize, encoding_side: bool) -> PyResult<(Value, usize)> {
    let handler = crate::modules::codecs_mod::lookup_error(vm, errors)?;
    let r = crate::call::call(vm, handler, &[exc])?;
    let ok = crate::tuple::is_tuple(r) && crate::tuple::items(r).len() == 2 && {
        let rep = crate::tuple::items(r)[0];
        let pos_ok = crate::number::has_index(vm, crate::tuple::items(r)[1]);
        let rep_ok = crate::str::as_str(rep).is_some() || (encoding_side && rep.is::<crate::bytes::BytesObj>());
        pos_ok && rep_ok
    };
    if !ok {
        let m = if encoding_side { "encoding error handler must return (str/bytes, int) tuple" } else { "decoding error handler must return (str, int) tuple" };
        return Err(vm.type_error(m));
    }
    let pos = handler_position(vm, crate::tuple::items(r)[1], len)?;
    Ok((crate::tuple::items(r)[0], pos))
}

/// The state of one encoding: the str being encoded (as chars, for the
/// positions error handlers see) and the error handler.
pub struct EncodeCtx<'a> {
    pub encoding: &'a str,
    pub errors: &'a str,
    pub obj: Value,
    /// The chars, a lone surrogate shown as U+FFFD.
    pub chars: Vec<char>,
    /// The code points, only when the str holds a lone surrogate.
    exact: Option<Vec<u32>>,
}

impl<'a> EncodeCtx<'a> {
    pub fn new(encoding: &'a str, errors: &'a str, obj: Value) -> EncodeCtx<'a> {
        let chars = crate::str::as_str(obj).unwrap_or("").chars().collect();
        let exact = obj.downcast::<crate::str::StrObj>().and_then(|s| s.surrogates()).map(|b| crate::str::code_points(b).collect());
        EncodeCtx { encoding, errors, obj, chars, exact }
    }

    /// Code point `i` (surrogates included).
    fn code_point(&self, i: usize) -> u32 {
        match &self.exact {
            Some(cps) => cps[i],
            None => self.chars[i] as u32,
        }
    }

    fn is_surrogate(&self, i: usize) -> bool {
        self.exact.as_ref().is_some_and(|cps| (0xd800..0xe000).contains(&cps[i]))
    }

    /// The bytes 'surrogateescape' (U+DC80..U+DCFF back to bytes) or
    /// 'surrogatepass' (surrogates in this codec's form) give for `start..end`,
    /// None when some character there is not theirs to handle.
    pub(crate) fn surrogate_bytes(&self, start: usize, end: usize) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let enc = normalize_encoding(self.encoding);
        for i in start..end {
            let cp = self.code_point(i);
            if self.errors == "surrogateescape" {
                if !(0xdc80..0xdd00).contains(&cp) {
                    return None;
                }
                out.push((cp - 0xdc00) as u8);
                continue;
            }
            if !(0xd800..0xe000).contains(&cp) {
                return None;
            }
            match surrogate_form(&enc)? {
                (3, _) => crate::str::push_code_point(&mut out, cp),
                (width, big) => push_unit(&mut out, cp, width, big),
            }
        }
        Some(out)
    }

    pub fn error(&self, vm: &mut Vm, start: usize, end: usize, reason: &str) -> PyErr {
        let t = vm.e.unicode_encode_error;
        crate::exc_unicode::new_unicode_error(vm, t, self.encoding, self.obj, start, end, reason)
    }

    /// The error handler's answer for the unencodable `chars[start..end]`.
    pub fn fault(&self, vm: &mut Vm, start: usize, end: usize, reason: &str) -> PyResult<(Replacement, usize)> {
        match self.errors {
            "strict" => return Err(self.error(vm, start, end, reason)),
            "surrogateescape" | "surrogatepass" => {
                return match self.surrogate_bytes(start, end) {
                    Some(b) => Ok((Replacement::Bytes(b), end)),
                    None => Err(self.error(vm, start, end, reason)),
                }
            }
            "ignore" | "replace" | "backslashreplace" | "xmlcharrefreplace" => {
                let cps: Vec<u32> = (start..end).map(|i| self.code_point(i)).collect();
                let s = builtin_encode_replacement(self.errors, &cps).unwrap_or_default();
                return Ok((Replacement::Text(s), end));
            }
            _ => {}
        }
        let exc = self.error(vm, start, end, reason).0;
        let (rep, pos) = call_handler(vm, self.errors, exc, self.chars.len(), true)?;
        Ok(match crate::str::as_str(rep) {
            Some(s) => (Replacement::Text(s.to_string()), pos),
            None => (Replacement::Bytes(crate::bytes::as_bytes(rep).unwrap_or_default()), pos),
        })
    }

    /// Encodes every char with `one` (false: unencodable), asking the error
    /// handler about each run of unencodable chars; text replacements are
    /// encoded with `one` too, and raise the original error if they cannot be.
    pub fn encode_with(&self, vm: &mut Vm, reason: &str, one: &mut dyn FnMut(&mut Vm, char, &mut Vec<u8>) -> PyResult<bool>) -> PyResult<Vec<u8>> {
        let n = self.chars.len();
        let mut out = Vec::with_capacity(n);
        let mut i = 0;
        let mut scratch = Vec::new();
        while i < n {
            if !self.is_surrogate(i) && one(vm, self.chars[i], &mut out)? {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < n && (self.is_surrogate(end) || !one(vm, self.chars[end], &mut scratch)?) {
                end += 1;
            }
            scratch.clear();
            let (rep, pos) = self.fault(vm, i, end, reason)?;
            match rep {
                Replacement::Bytes(b) => out.extend(b),
                Replacement::Text(t) => {
                    for c in t.chars() {
                        if !one(vm, c, &mut out)? {
                            return Err(self.error(vm, i, end, reason));
                        }
                    }
                }
            }
            i = pos;
        }
        Ok(out)
    }
}

/// The state of one decoding: the input, the handler, and the bytes object
/// error handlers are shown (made when first needed).
pub struct DecodeCtx<'a> {
    pub encoding: &'a str,
    pub errors: &'a str,
    pub data: &'a [u8],
    obj: Value,
    /// The lone surrogates written to the output as U+FFFD: (byte offset, code point).
    surrogates: Vec<(usize, u32)>,
}

impl<'a> DecodeCtx<'a> {
    pub fn new(encoding: &'a str, errors: &'a str, data: &'a [u8]) -> DecodeCtx<'a> {
        DecodeCtx { encoding, errors, data, obj: Value::NULL, surrogates: Vec::new() }
    }

    /// Appends lone surrogate `cp` to the output `out` (see the module comment).
    pub fn push_surrogate(&mut self, out: &mut String, cp: u32) {
        self.surrogates.push((out.len(), cp));
        out.push('\u{fffd}');
    }

    /// Appends the text of str `v` (lone surrogates included) to `out`.
    fn push_value(&mut self, out: &mut String, v: Value) {
        match v.downcast::<crate::str::StrObj>() {
            Some(so) if so.surrogates().is_some() => {
                for cp in so.code_points() {
                    match char::from_u32(cp) {
                        Some(c) => out.push(c),
                        None => self.push_surrogate(out, cp),
                    }
                }
            }
            _ => out.push_str(crate::str::as_str(v).unwrap_or("")),
        }
    }

    /// The output `out` of this decoding as a str (its recorded surrogates put back).
    pub fn finish(&self, vm: &mut Vm, out: String) -> Value {
        crate::str::from_marked(vm, out, &self.surrogates)
    }

    /// What 'surrogateescape' (bytes 0x80..0xff of `start..end`) or 'surrogatepass'
    /// (one surrogate in this codec's form at `start`) decode to, and where to go on.
    pub(crate) fn surrogate_text(&self, start: usize, end: usize) -> Option<(Vec<u32>, usize)> {
        let data = self.data;
        if self.errors == "surrogateescape" {
            let bytes = data.get(start..end)?;
            if bytes.is_empty() || bytes.iter().any(|b| *b < 0x80) {
                return None;
            }
            return Some((bytes.iter().map(|b| 0xdc00 + u32::from(*b)).collect(), end));
        }
        let (width, big) = surrogate_form(&normalize_encoding(self.encoding))?;
        let b = data.get(start..start + width)?;
        let cp = if width == 3 {
            if b[0] & 0xf0 != 0xe0 || b[1] & 0xc0 != 0x80 || b[2] & 0xc0 != 0x80 {
                return None;
            }
            (u32::from(b[0] & 0x0f) << 12) | (u32::from(b[1] & 0x3f) << 6) | u32::from(b[2] & 0x3f)
        } else if big {
            b.iter().fold(0u32, |acc, x| (acc << 8) | u32::from(*x))
        } else {
            b.iter().rev().fold(0u32, |acc, x| (acc << 8) | u32::from(*x))
        };
        (0xd800..0xe000).contains(&cp).then(|| (vec![cp], start + width))
    }

    fn object(&mut self, vm: &mut Vm) -> Value {
        if self.obj.is_null() {
            self.obj = crate::bytes::new_bytes(vm, self.data.to_vec());
        }
        self.obj
    }

    pub fn error(&mut self, vm: &mut Vm, start: usize, end: usize, reason: &str) -> PyErr {
        let obj = self.object(vm);
        let t = vm.e.unicode_decode_error;
        crate::exc_unicode::new_unicode_error(vm, t, self.encoding, obj, start, end, reason)
    }

    /// Lets the error handler deal with the undecodable `data[start..end]`:
    /// appends its replacement to `out` and returns where to go on.
    pub fn fault(&mut self, vm: &mut Vm, start: usize, end: usize, reason: &str, out: &mut String) -> PyResult<usize> {
        match self.errors {
            "strict" => return Err(self.error(vm, start, end, reason)),
            "surrogateescape" | "surrogatepass" => {
                let Some((cps, next)) = self.surrogate_text(start, end) else {
                    return Err(self.error(vm, start, end, reason));
                };
                for cp in cps {
                    self.push_surrogate(out, cp);
                }
                return Ok(next);
            }
            "ignore" | "replace" | "backslashreplace" => {
                out.push_str(&builtin_decode_replacement(self.errors, &self.data[start..end]).unwrap_or_default());
                return Ok(end);
            }
            _ => {}
        }
        let exc = self.error(vm, start, end, reason).0;
        let (rep, pos) = call_handler(vm, self.errors, exc, self.data.len(), false)?;
        self.push_value(out, rep);
        Ok(pos)
    }
}

/// ASCII (limit 0x80, codec name "ascii") or Latin-1 (0x100, "latin-1") for the str `s`.
pub fn encode_limited(vm: &mut Vm, s: Value, encoding: &str, errors: &str, limit: u32) -> PyResult<Vec<u8>> {
    let text = crate::str::as_str(s).unwrap_or("");
    if text.is_ascii() {
        return Ok(text.as_bytes().to_vec());
    }
    let cx = EncodeCtx::new(encoding, errors, s);
    let reason = format!("ordinal not in range({limit})");
    cx.encode_with(vm, &reason, &mut |_, c, out| {
        let ok = (c as u32) < limit;
        if ok {
            out.push(c as u32 as u8);
        }
        Ok(ok)
    })
}

fn push_unit(out: &mut Vec<u8>, unit: u32, width: usize, big: bool) {
    let b = unit.to_le_bytes();
    if big {
        out.extend(b[..width].iter().rev());
    } else {
        out.extend(&b[..width]);
    }
}

/// UTF-8 for the str `s` (a lone surrogate is an error for the handler).
pub fn encode_utf8(vm: &mut Vm, s: Value, errors: &str) -> PyResult<Vec<u8>> {
    if !crate::str::has_surrogates(s) {
        return Ok(crate::str::as_str(s).unwrap_or("").as_bytes().to_vec());
    }
    let cx = EncodeCtx::new("utf-8", errors, s);
    cx.encode_with(vm, "surrogates not allowed", &mut |_, c, out| {
        out.extend_from_slice(c.encode_utf8(&mut [0u8; 4]).as_bytes());
        Ok(true)
    })
}

/// UTF-16 (width 2) or UTF-32 (width 4) for the str `s`, byte order as `encode_wide`.
pub fn encode_wide_str(vm: &mut Vm, s: Value, errors: &str, width: usize, byteorder: i32) -> PyResult<Vec<u8>> {
    if !crate::str::has_surrogates(s) {
        return Ok(encode_wide(crate::str::as_str(s).unwrap_or(""), width, byteorder));
    }
    let name = match (width, byteorder) {
        (2, 0) => "utf-16",
        (2, b) if b < 0 => "utf-16-le",
        (2, _) => "utf-16-be",
        (_, 0) => "utf-32",
        (_, b) if b < 0 => "utf-32-le",
        _ => "utf-32-be",
    };
    let big = byteorder > 0;
    let cx = EncodeCtx::new(name, errors, s);
    let mut out = Vec::new();
    if byteorder == 0 {
        push_unit(&mut out, 0xfeff, width, false);
    }
    let body = cx.encode_with(vm, "surrogates not allowed", &mut |_, c, out| {
        let mut units = [0u16; 2];
        if width == 2 {
            for u in c.encode_utf16(&mut units) {
                push_unit(out, u32::from(*u), 2, big);
            }
        } else {
            push_unit(out, c as u32, 4, big);
        }
        Ok(true)
    })?;
    out.extend(body);
    Ok(out)
}

/// UTF-16 (width 2) or UTF-32 (width 4); byte order 0 writes a BOM and then
/// little-endian units. For surrogate-free text (see `encode_wide_str`).
pub fn encode_wide(text: &str, width: usize, byteorder: i32) -> Vec<u8> {
    let big = byteorder > 0;
    let mut out = Vec::with_capacity(text.len() * width + width);
    if byteorder == 0 {
        push_unit(&mut out, 0xfeff, width, false);
    }
    if width == 2 {
        for u in text.encode_utf16() {
            push_unit(&mut out, u32::from(u), 2, big);
        }
    } else {
        for c in text.chars() {
            push_unit(&mut out, c as u32, 4, big);
        }
    }
    out
}

/// A byte that can begin a multi-byte UTF-8 sequence.
fn is_utf8_start(b: u8) -> bool {
    (0xc2..=0xf4).contains(&b)
}

/// UTF-8; with `final_` false an incomplete sequence at the end is left
/// unconsumed. Returns the text and the bytes consumed.
pub fn decode_utf8(vm: &mut Vm, cx: &mut DecodeCtx, final_: bool) -> PyResult<(String, usize)> {
    let data = cx.data;
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                out.push_str(s);
                pos = data.len();
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&data[pos..pos + good]).unwrap_or(""));
                let start = pos + good;
                let (end, reason) = match e.error_len() {
                    None if !final_ => return Ok((out, start)),
                    None => (data.len(), "unexpected end of data"),
                    Some(n) if is_utf8_start(data[start]) => (start + n, "invalid continuation byte"),
                    Some(n) => (start + n, "invalid start byte"),
                };
                pos = cx.fault(vm, start, end, reason, &mut out)?;
            }
        }
    }
    Ok((out, pos))
}

/// ASCII (Latin-1 cannot fail: see `decode_latin1`).
pub fn decode_ascii(vm: &mut Vm, cx: &mut DecodeCtx) -> PyResult<String> {
    let data = cx.data;
    if data.is_ascii() {
        return Ok(String::from_utf8_lossy(data).into_owned());
    }
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i] < 0x80 {
            out.push(data[i] as char);
            i += 1;
        } else {
            i = cx.fault(vm, i, i + 1, "ordinal not in range(128)", &mut out)?;
        }
    }
    Ok(out)
}

pub fn decode_latin1(data: &[u8]) -> String {
    data.iter().map(|b| *b as char).collect()
}

/// UTF-16 (width 2) or UTF-32 (width 4). `byteorder` is -1 (little), 1 (big)
/// or 0: a BOM decides and is skipped (left 0, and little-endian used,
/// without one); it is updated as `utf_16_ex_decode` reports it. Returns the
/// text and the bytes consumed (with `final_` false an incomplete unit or
/// surrogate pair at the end is left).
pub fn decode_wide(vm: &mut Vm, cx: &mut DecodeCtx, width: usize, byteorder: &mut i32, final_: bool) -> PyResult<(String, usize)> {
    let data = cx.data;
    let unit = |i: usize, big: bool| -> u32 {
        let b = &data[i..i + width];
        if big {
            b.iter().fold(0u32, |acc, x| (acc << 8) | u32::from(*x))
        } else {
            b.iter().rev().fold(0u32, |acc, x| (acc << 8) | u32::from(*x))
        }
    };
    let mut i = 0;
    if *byteorder == 0 && data.len() >= width {
        if unit(0, false) == 0xfeff {
            *byteorder = -1;
            i = width;
        } else if unit(0, true) == 0xfeff {
            *byteorder = 1;
            i = width;
        }
    }
    let big = *byteorder > 0;
    cx.encoding = match (width, big) {
        (2, false) => "utf-16-le",
        (2, true) => "utf-16-be",
        (_, false) => "utf-32-le",
        (_, true) => "utf-32-be",
    };
    let mut out = String::with_capacity(data.len() / width);
    while i < data.len() {
        if i + width > data.len() {
            if !final_ {
                break;
            }
            i = cx.fault(vm, i, data.len(), "truncated data", &mut out)?;
            continue;
        }
        let u = unit(i, big);
        if width == 4 {
            match char::from_u32(u) {
                Some(c) => {
                    out.push(c);
                    i += 4;
                }
                None => {
                    let reason = if u > 0x10ffff { "code point not in range(0x110000)" } else { "code point in surrogate code point range(0xd800, 0xe000)" };
                    i = cx.fault(vm, i, i + 4, reason, &mut out)?;
                }
            }
            continue;
        }
        if !(0xd800..0xe000).contains(&u) {
            out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
            i += 2;
        } else if u >= 0xdc00 {
            i = cx.fault(vm, i, i + 2, "illegal encoding", &mut out)?;
        } else if i + 4 > data.len() {
            if !final_ {
                break;
            }
            i = cx.fault(vm, i, data.len(), "unexpected end of data", &mut out)?;
        } else {
            let lo = unit(i + 2, big);
            if (0xdc00..0xe000).contains(&lo) {
                out.push(char::from_u32(0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00)).unwrap_or('\u{fffd}'));
                i += 4;
            } else {
                i = cx.fault(vm, i, i + 2, "illegal UTF-16 surrogate", &mut out)?;
            }
        }
    }
    Ok((out, i))
}

/// The `encoding`/`errors` arguments of str.encode/bytes.decode as strings.
fn codec_names(vm: &mut Vm, encoding: Value, errors: Value, fname: &str) -> PyResult<(&'static str, &'static str)> {
    let enc = if encoding.is_null() { "utf-8" } else { crate::str_methods::str_arg(vm, encoding, &format!("{fname}() argument 'encoding'"))? };
    let errs = if errors.is_null() { "strict" } else { crate::str_methods::str_arg(vm, errors, &format!("{fname}() argument 'errors'"))? };
    Ok((enc, errs))
}

/// The name CPython's built-in codecs give themselves in errors.
fn codec_name(c: Codec) -> &'static str {
    match c {
        Codec::Utf8 => "utf-8",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "latin-1",
        Codec::Utf16(_) => "utf-16",
        Codec::Utf32(_) => "utf-32",
    }
}

/// `str.encode(encoding, errors)` (also `bytes(s, encoding)`).
pub fn encode_str(vm: &mut Vm, s: Value, encoding: Value, errors: Value, fname: &str) -> PyResult {
    let (enc, errs) = codec_names(vm, encoding, errors, fname)?;
    let Some(codec) = builtin_codec(&normalize_encoding(enc)) else {
        return crate::modules::codecs_mod::encode_text(vm, s, enc, errors);
    };
    let data = match codec {
        Codec::Utf8 => encode_utf8(vm, s, errs)?,
        Codec::Ascii => encode_limited(vm, s, "ascii", errs, 0x80)?,
        Codec::Latin1 => encode_limited(vm, s, "latin-1", errs, 0x100)?,
        Codec::Utf16(bo) => encode_wide_str(vm, s, errs, 2, bo)?,
        Codec::Utf32(bo) => encode_wide_str(vm, s, errs, 4, bo)?,
    };
    Ok(crate::bytes::new_bytes(vm, data))
}

/// `bytes.decode(encoding, errors)` and `str(b, encoding, errors)`.
pub fn decode_value(vm: &mut Vm, b: Value, encoding: Value, errors: Value, fname: &str) -> PyResult {
    let Some(data) = crate::bytes::buffer_bytes(b) else {
        let m = format!("decoding to str: need a bytes-like object, {} found", vm.type_name(b));
        return Err(vm.type_error(m));
    };
    let (enc, errs) = codec_names(vm, encoding, errors, fname)?;
    let Some(codec) = builtin_codec(&normalize_encoding(enc)) else {
        return crate::modules::codecs_mod::decode_text(vm, b, enc, errors);
    };
    let mut cx = DecodeCtx::new(codec_name(codec), errs, &data);
    let out = match codec {
        Codec::Utf8 => decode_utf8(vm, &mut cx, true)?.0,
        Codec::Latin1 => decode_latin1(&data),
        Codec::Ascii => decode_ascii(vm, &mut cx)?,
        Codec::Utf16(mut bo) => decode_wide(vm, &mut cx, 2, &mut bo, true)?.0,
        Codec::Utf32(mut bo) => decode_wide(vm, &mut cx, 4, &mut bo, true)?.0,
    };
    Ok(cx.finish(vm, out))
}
