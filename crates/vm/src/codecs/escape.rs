//! The escape codecs: 'unicode_escape' (Python string-literal escapes over
//! Latin-1), 'raw_unicode_escape' (only `\u`/`\U`), and the bytes escapes of
//! `escape_encode`/`escape_decode` (bytes literals), as CPython's
//! unicodeobject.c and bytesobject.c implement them.

use super::DecodeCtx;
use crate::object::PyResult;
use crate::vm::Vm;

/// `'unicode_escape'` encoding: printable ASCII as is (quotes included),
/// `\t \n \r \\`, other Latin-1 as `\xNN`, the rest as `\uNNNN`/`\UNNNNNNNN`.
pub fn unicode_escape_encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let cp = c as u32;
        match c {
            '\\' => out.extend(b"\\\\"),
            '\t' => out.extend(b"\\t"),
            '\n' => out.extend(b"\\n"),
            '\r' => out.extend(b"\\r"),
            ' '..='~' => out.push(cp as u8),
            _ => out.extend(super::escape_code_point(cp).bytes()),
        }
    }
    out
}

/// `'raw_unicode_escape'` encoding: Latin-1 as is, the rest as `\uNNNN`/`\UNNNNNNNN`.
pub fn raw_unicode_escape_encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let cp = c as u32;
        if cp < 0x100 {
            out.push(cp as u8);
        } else {
            out.extend(super::escape_code_point(cp).bytes());
        }
    }
    out
}

/// The value of `count` hex digits at `data[i..]`: Ok(value), or Err(position
/// of the first non-digit, or data.len() when the input ends first).
fn hex_digits(data: &[u8], i: usize, count: usize) -> Result<u32, usize> {
    let mut v = 0u32;
    for k in i..i + count {
        let Some(&b) = data.get(k) else { return Err(data.len()) };
        let Some(d) = (b as char).to_digit(16) else { return Err(k) };
        v = (v << 4) | d;
    }
    Ok(v)
}

/// The character named `name` (`\N{...}`), case-insensitively.
fn named_char(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    unicode_names2::character(&name.to_ascii_uppercase())
}

/// How one escape sequence starting at a backslash ended.
enum Escape {
    /// Text to append and the position after the escape.
    Text(char, usize),
    /// The escape adds nothing (backslash-newline).
    Nothing(usize),
    /// Not an escape: the backslash and the next char are kept (`\q`).
    Kept(char, usize),
    /// An octal escape above 0o377 (deprecated): its value and end.
    BigOctal(char, usize),
    /// Malformed: the reason and the end of the bad range.
    Bad(&'static str, usize),
    /// The input ended inside the escape.
    Incomplete(&'static str),
    /// A `\uXXXX`-style escape naming a lone surrogate, and its end.
    Surrogate(u32, usize),
}

/// The escape sequence at `data[i]` (a backslash) of 'unicode_escape'.
fn unicode_escape_at(data: &[u8], i: usize) -> Escape {
    let Some(&c) = data.get(i + 1) else { return Escape::Incomplete("\\ at end of string") };
    let simple = |ch: char| Escape::Text(ch, i + 2);
    match c {
        b'\n' => Escape::Nothing(i + 2),
        b'\\' => simple('\\'),
        b'\'' => simple('\''),
        b'"' => simple('"'),
        b'b' => simple('\x08'),
        b'f' => simple('\x0c'),
        b't' => simple('\t'),
        b'n' => simple('\n'),
        b'r' => simple('\r'),
        b'v' => simple('\x0b'),
        b'a' => simple('\x07'),
        b'0'..=b'7' => {
            let mut v = u32::from(c - b'0');
            let mut j = i + 2;
            while j < i + 4 && j < data.len() && (b'0'..=b'7').contains(&data[j]) {
                v = (v << 3) + u32::from(data[j] - b'0');
                j += 1;
            }
            let ch = char::from_u32(v).unwrap_or('\u{fffd}');
            if v > 0o377 {
                Escape::BigOctal(ch, j)
            } else {
                Escape::Text(ch, j)
            }
        }
        b'x' | b'u' | b'U' => {
            let (count, msg) = match c {
                b'x' => (2, "truncated \\xXX escape"),
                b'u' => (4, "truncated \\uXXXX escape"),
                _ => (8, "truncated \\UXXXXXXXX escape"),
            };
            match hex_digits(data, i + 2, count) {
                Ok(v) => match char::from_u32(v) {
                    Some(ch) => Escape::Text(ch, i + 2 + count),
                    None if v < 0x110000 => Escape::Surrogate(v, i + 2 + count),
                    None => Escape::Bad("illegal Unicode character", i + 2 + count),
                },
                Err(end) if end == data.len() => Escape::Incomplete(msg),
                Err(end) => Escape::Bad(msg, end),
            }
        }
        b'N' => {
            let msg = "malformed \\N character escape";
            match data.get(i + 2) {
                None => Escape::Incomplete(msg),
                Some(b'{') => match data[i + 3..].iter().position(|b| *b == b'}') {
                    None => Escape::Incomplete(msg),
                    Some(0) => Escape::Bad(msg, i + 3),
                    Some(n) => match named_char(&data[i + 3..i + 3 + n]) {
                        Some(ch) => Escape::Text(ch, i + 4 + n),
                        None => Escape::Bad("unknown Unicode character name", i + 4 + n),
                    },
                },
                Some(_) => Escape::Bad(msg, i + 2),
            }
        }
        _ => Escape::Kept(c as char, i + 2),
    }
}

/// The escape sequence at `data[i]` (a backslash) of 'raw_unicode_escape'.
fn raw_escape_at(data: &[u8], i: usize, final_: bool) -> Escape {
    let Some(&c) = data.get(i + 1) else {
        return if final_ { Escape::Text('\\', i + 1) } else { Escape::Incomplete("\\ at end of string") };
    };
    let (count, msg) = match c {
        b'u' => (4, "truncated \\uXXXX escape"),
        b'U' => (8, "truncated \\UXXXXXXXX escape"),
        _ => return Escape::Kept(c as char, i + 2),
    };
    match hex_digits(data, i + 2, count) {
        Ok(v) => match char::from_u32(v) {
            Some(ch) => Escape::Text(ch, i + 2 + count),
            None if v > 0x10ffff => Escape::Bad("\\Uxxxxxxxx out of range", i + 2 + count),
            None => Escape::Surrogate(v, i + 2 + count),
        },
        Err(end) if end == data.len() => Escape::Incomplete(msg),
        Err(end) => Escape::Bad(msg, end),
    }
}

/// The DeprecationWarning message for the first invalid escape at `data[i]` (a backslash).
fn invalid_escape_warning(data: &[u8], i: usize) -> String {
    match data.get(i + 1) {
        Some(b'0'..=b'7') => format!("invalid octal escape sequence '\\{}'", String::from_utf8_lossy(&data[i + 1..(i + 4).min(data.len())])),
        Some(c) => format!("invalid escape sequence '\\{}'", *c as char),
        None => String::new(),
    }
}

/// Decodes 'unicode_escape' (`raw` false) or 'raw_unicode_escape': other
/// bytes are Latin-1. With `final_` false an escape cut by the end of the
/// input is left unconsumed. Returns the text, the bytes consumed and the
/// DeprecationWarning the first invalid escape deserves.
pub fn decode(vm: &mut Vm, cx: &mut DecodeCtx, raw: bool, final_: bool) -> PyResult<(String, usize, Option<String>)> {
    let data = cx.data;
    let mut out = String::with_capacity(data.len());
    let mut warning = None;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b as char);
            i += 1;
            continue;
        }
        let esc = if raw { raw_escape_at(data, i, final_) } else { unicode_escape_at(data, i) };
        i = match esc {
            Escape::Text(ch, next) => {
                out.push(ch);
                next
            }
            Escape::Nothing(next) => next,
            Escape::Surrogate(cp, next) => {
                cx.push_surrogate(&mut out, cp);
                next
            }
            Escape::Kept(ch, next) => {
                if !raw && warning.is_none() {
                    warning = Some(invalid_escape_warning(data, i));
                }
                out.push('\\');
                out.push(ch);
                next
            }
            Escape::BigOctal(ch, next) => {
                if warning.is_none() {
                    warning = Some(invalid_escape_warning(data, i));
                }
                out.push(ch);
                next
            }
            Escape::Incomplete(_) if !final_ => return Ok((out, i, warning)),
            Escape::Incomplete(msg) => cx.fault(vm, i, data.len(), msg, &mut out)?,
            Escape::Bad(msg, end) => cx.fault(vm, i, end, msg, &mut out)?,
        };
    }
    Ok((out, i, warning))
}

/// `escape_encode`: the body of a bytes literal's repr (quotes not added,
/// `'` escaped).
pub fn bytes_escape_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for &b in data {
        match b {
            b'\\' => out.extend(b"\\\\"),
            b'\'' => out.extend(b"\\'"),
            b'\t' => out.extend(b"\\t"),
            b'\n' => out.extend(b"\\n"),
            b'\r' => out.extend(b"\\r"),
            b' '..=b'~' => out.push(b),
            _ => out.extend(format!("\\x{b:02x}").bytes()),
        }
    }
    out
}

/// `escape_decode`: bytes-literal escapes, and the DeprecationWarning the
/// first invalid escape deserves. Err(message) for CPython's ValueErrors (bad
/// `\x` under 'strict', unknown handler, trailing backslash).
pub fn bytes_escape_decode(data: &[u8], errors: &str) -> Result<(Vec<u8>, Option<String>), String> {
    let mut out = Vec::with_capacity(data.len());
    let mut warning = None;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        i += 1;
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let Some(&c) = data.get(i) else { return Err("Trailing \\ in string".to_string()) };
        i += 1;
        match c {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(c),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut v = u32::from(c - b'0');
                let stop = i + 2;
                while i < stop && i < data.len() && (b'0'..=b'7').contains(&data[i]) {
                    v = (v << 3) + u32::from(data[i] - b'0');
                    i += 1;
                }
                if v > 0o377 && warning.is_none() {
                    warning = Some(invalid_escape_warning(data, stop - 4));
                }
                out.push(v as u8);
            }
            b'x' => match hex_digits(data, i, 2) {
                Ok(v) => {
                    out.push(v as u8);
                    i += 2;
                }
                Err(_) => {
                    match errors {
                        "strict" => return Err(format!("invalid \\x escape at position {}", i - 2)),
                        "replace" => out.push(b'?'),
                        "ignore" => {}
                        other => return Err(format!("decoding error; unknown error handling code: {other}")),
                    }
                    if data.get(i).is_some_and(|d| d.is_ascii_hexdigit()) {
                        i += 1;
                    }
                }
            },
            _ => {
                if warning.is_none() {
                    warning = Some(invalid_escape_warning(data, i - 2));
                }
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok((out, warning))
}
