//! Lone surrogates in string literals (`'\ud800'`): the parser replaces a
//! `\uXXXX`/`\UXXXXXXXX` escape naming a surrogate with U+FFFD, so a literal
//! whose value holds U+FFFD is read again from the source to find which of
//! them were such escapes. The exact text is then a `Constant::SurrogateStr`
//! (generalized UTF-8: each surrogate in 3 bytes, as the VM's str stores it).

use ruff_python_ast::{self as ast};
use ruff_text_size::Ranged;

/// The exact value of a string literal (implicit concatenation included) as
/// generalized UTF-8 when it holds a lone surrogate; None otherwise (or when the
/// source does not account for the parsed value, which then stands).
pub(crate) fn exact_literal(source: &str, lit: &ast::ExprStringLiteral) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut any = false;
    for part in lit.value.iter() {
        let text = source.get(part.range().start().to_usize()..part.range().end().to_usize())?;
        let value: &str = &part.value;
        let found = if value.contains('\u{fffd}') { surrogate_escapes(text)? } else { Vec::new() };
        any |= apply(value, &found, &mut out)?;
    }
    any.then_some(out)
}

/// The exact value of one string literal part (source `text`, prefix and
/// quotes included, parsed as `value`) as generalized UTF-8.
pub(crate) fn exact_string_part(text: &str, value: &str) -> Vec<u8> {
    if value.contains('\u{fffd}') {
        let mut out = Vec::with_capacity(value.len());
        if let Some(true) = surrogate_escapes(text).and_then(|found| apply(value, &found, &mut out)) {
            return out;
        }
    }
    value.as_bytes().to_vec()
}

/// The exact value of an f-string's literal element as generalized UTF-8:
/// `value` as parsed, with each U+FFFD that a surrogate escape of `text` (its
/// source, braces doubled) stands for replaced by the surrogate. `raw`: an
/// `rf''` string (no escapes).
pub(crate) fn exact_fstring_literal(text: &str, value: &str, raw: bool) -> Vec<u8> {
    if !raw && value.contains('\u{fffd}') {
        let body: Vec<char> = text.chars().collect();
        let mut out = Vec::with_capacity(value.len());
        if let Some(true) = body_escapes(&body, true).and_then(|found| apply(value, &found, &mut out)) {
            return out;
        }
    }
    value.as_bytes().to_vec()
}

/// Appends `value` to `out` with the U+FFFD at each `(code point index,
/// surrogate)` of `found` replaced by the surrogate; whether there was one.
/// None when `found` does not match `value`.
fn apply(value: &str, found: &[(usize, u32)], out: &mut Vec<u8>) -> Option<bool> {
    let mut next = found.iter().peekable();
    for (i, c) in value.chars().enumerate() {
        match next.peek() {
            Some(&&(at, cp)) if at == i => {
                if c != '\u{fffd}' {
                    return None;
                }
                next.next();
                out.extend_from_slice(&[0xed, 0xa0 | ((cp >> 6) & 0x1f) as u8, 0x80 | (cp & 0x3f) as u8]);
            }
            _ => out.extend_from_slice(c.encode_utf8(&mut [0u8; 4]).as_bytes()),
        }
    }
    match next.next() {
        Some(_) => None,
        None => Some(!found.is_empty()),
    }
}

/// The surrogate escapes of one literal's source text (prefix and quotes
/// included): `(index of the code point in the value, surrogate)`. None when the
/// text cannot be followed (the caller then keeps the parsed value).
fn surrogate_escapes(text: &str) -> Option<Vec<(usize, u32)>> {
    let prefix = text.find(['\'', '"'])?;
    if text[..prefix].contains(['r', 'R']) {
        return Some(Vec::new());
    }
    let rest = &text[prefix..];
    let q = rest.as_bytes()[0];
    let ql = if rest.len() >= 6 && rest.as_bytes()[1] == q && rest.as_bytes()[2] == q { 3 } else { 1 };
    let body: Vec<char> = rest.get(ql..rest.len().checked_sub(ql)?)?.chars().collect();
    body_escapes(&body, false)
}

/// The surrogate escapes of a literal's body (between the quotes); in an
/// f-string (`fstring`) a doubled brace is one character of the value.
fn body_escapes(body: &[char], fstring: bool) -> Option<Vec<(usize, u32)>> {
    let mut found = Vec::new();
    let (mut i, mut n) = (0, 0);
    let hex = |from: usize, len: usize| -> Option<u32> {
        let s: String = body.get(from..from + len)?.iter().collect();
        u32::from_str_radix(&s, 16).ok()
    };
    while i < body.len() {
        if body[i] != '\\' {
            // A CRLF inside a triple-quoted literal is one newline in the value,
            // as a doubled brace in an f-string is one brace.
            let pair = (body[i] == '\r' && body.get(i + 1) == Some(&'\n'))
                || (fstring && matches!(body[i], '{' | '}') && body.get(i + 1) == Some(&body[i]));
            i += if pair { 2 } else { 1 };
            n += 1;
            continue;
        }
        let Some(&e) = body.get(i + 1) else { return None };
        i += 2;
        match e {
            '\n' => continue,
            '\r' => {
                if body.get(i) == Some(&'\n') {
                    i += 1;
                }
                continue;
            }
            '0'..='7' => {
                let stop = i + 2;
                while i < stop && i < body.len() && matches!(body[i], '0'..='7') {
                    i += 1;
                }
            }
            'x' => i += 2,
            'u' | 'U' => {
                let len = if e == 'u' { 4 } else { 8 };
                let cp = hex(i, len)?;
                if (0xd800..0xe000).contains(&cp) {
                    found.push((n, cp));
                }
                i += len;
            }
            'N' => {
                let close = body[i..].iter().position(|c| *c == '}')?;
                i += close + 1;
            }
            '\\' | '\'' | '"' | 'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' => {}
            _ => n += 1,
        }
        n += 1;
    }
    Some(found)
}
