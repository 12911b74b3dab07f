//! `repr(str)`, `ascii(str)` and `repr(bytes)` as CPython 3.11 writes them.
//!
//! Quotes are single unless the text contains a single quote and no double
//! quote. Backslash and the chosen quote are escaped, \t \n \r use their
//! short escapes, other characters below ' ' and \x7f use \xNN; non-ASCII
//! characters that are not printable (`str.isprintable`) use \xNN, \uXXXX or
//! \UXXXXXXXX. `ascii()` escapes every non-ASCII character that way.

pub use crate::text::is_printable;

fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn push_escaped(out: &mut String, c: char) {
    let n = c as u32;
    let s = if n < 0x100 {
        format!("\\x{:02x}", n)
    } else if n < 0x10000 {
        format!("\\u{:04x}", n)
    } else {
        format!("\\U{:08x}", n)
    };
    out.push_str(&s);
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = pick_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        push_repr_char(&mut out, c, quote, ascii_only);
    }
    out.push(quote);
    out
}

fn push_repr_char(out: &mut String, c: char, quote: char, ascii_only: bool) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if c < ' ' || c == '\x7f' => push_escaped(out, c),
        c if c.is_ascii() => out.push(c),
        c if ascii_only || !is_printable(c) => push_escaped(out, c),
        c => out.push(c),
    }
}

/// `repr(s)` (or `ascii(s)`) of a str given as code points: lone surrogates
/// (which `char` cannot hold) are written `\udXXX`.
pub fn str_repr_code_points(cps: &[u32], ascii_only: bool) -> String {
    let quote = pick_quote(cps.contains(&u32::from('\'')), cps.contains(&u32::from('"')));
    let mut out = String::with_capacity(cps.len() + 2);
    out.push(quote);
    for &cp in cps {
        match char::from_u32(cp) {
            Some(c) => push_repr_char(&mut out, c, quote, ascii_only),
            None => out.push_str(&format!("\\u{cp:04x}")),
        }
    }
    out.push(quote);
    out
}

/// `repr(s)` for a Python `str`.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// `ascii(s)` for a Python `str`: like repr with all non-ASCII escaped.
pub fn ascii_repr(s: &str) -> String {
    repr_impl(s, true)
}

/// `repr(b)` for `bytes`: `b'...'` with \xNN for bytes outside ' '..'~'.
pub fn bytes_repr(b: &[u8]) -> String {
    format!("b{}", bytes_repr_body(b))
}

/// The quoted part of a bytes repr, shared by `bytearray(b'...')`.
pub fn bytes_repr_body(b: &[u8]) -> String {
    let quote = pick_quote(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::with_capacity(b.len() + 2);
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            b' '..=b'~' => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote);
    out
}

/// The first `n` characters of `s` (CPython's `%.200R` style truncation).
pub fn truncate_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes() {
        assert_eq!(bytes_repr(b""), "b''");
        assert_eq!(bytes_repr(b"'"), "b\"'\"");
        assert_eq!(bytes_repr(b"\""), "b'\"'");
        assert_eq!(bytes_repr(b"'\""), "b'\\'\"'");
        assert_eq!(bytes_repr(b"\x00\x7f\x80\xff\\\t\n\r a~"), "b'\\x00\\x7f\\x80\\xff\\\\\\t\\n\\r a~'");
        let all: Vec<u8> = (0..=255u8).step_by(7).collect();
        assert_eq!(
            bytes_repr(&all),
            "b'\\x00\\x07\\x0e\\x15\\x1c#*18?FMT[bipw~\\x85\\x8c\\x93\\x9a\\xa1\\xa8\\xaf\\xb6\\xbd\\xc4\\xcb\\xd2\\xd9\\xe0\\xe7\\xee\\xf5\\xfc'"
        );
    }

    #[test]
    fn strs() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(str_repr("\u{7f}\u{a0}\u{ad}é\u{2028}\u{e000}\u{1f600}\u{e0001}"), "'\\x7f\\xa0\\xadé\\u2028\\ue000\u{1f600}\\U000e0001'");
        assert_eq!(ascii_repr("é\u{20ac}\u{1f600}"), "'\\xe9\\u20ac\\U0001f600'");
        assert_eq!(truncate_chars("héllo", 2), "hé");
    }
}
