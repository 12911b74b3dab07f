//! UTF-7 (RFC 2152) as CPython encodes and decodes it: the same set of
//! directly encoded characters, the same shift-sequence rules and error
//! reasons (the codec calls itself 'utf7' in errors). A lone surrogate in
//! the decoded UTF-16 stream becomes U+FFFD (our str cannot hold it).

use super::DecodeCtx;
use crate::object::PyResult;
use crate::vm::Vm;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// RFC 2152's classes of ASCII: 0 direct, 1 optional direct, 2 whitespace, 3 encoded.
const CATEGORY: [u8; 128] = [
    3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 2, 3, 3, //
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, //
    2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 3, 0, 0, 0, 0, //
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, //
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, //
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1, 1, 1, //
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, //
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 3, 3, //
];

fn is_base64(b: u32) -> bool {
    b < 128 && (b as u8).is_ascii_alphanumeric() || b == u32::from(b'+') || b == u32::from(b'/')
}

fn from_base64(b: u8) -> u32 {
    B64.iter().position(|x| *x == b).unwrap_or(0) as u32
}

/// Characters CPython writes as themselves (optional direct and whitespace included).
fn encode_direct(c: u32) -> bool {
    c > 0 && c < 128 && CATEGORY[c as usize] != 3
}

pub fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let (mut in_shift, mut bits, mut buf) = (false, 0u32, 0u64);
    let emit = |out: &mut Vec<u8>, unit: u32, bits: &mut u32, buf: &mut u64| {
        *bits += 16;
        *buf = (*buf << 16) | u64::from(unit);
        while *bits >= 6 {
            out.push(B64[((*buf >> (*bits - 6)) & 0x3f) as usize]);
            *bits -= 6;
        }
    };
    for c in text.chars() {
        let cp = c as u32;
        if in_shift && encode_direct(cp) {
            if bits > 0 {
                out.push(B64[((buf << (6 - bits)) & 0x3f) as usize]);
                bits = 0;
                buf = 0;
            }
            in_shift = false;
            // A base64 char or '-' right after the sequence needs the explicit end.
            if is_base64(cp) || c == '-' {
                out.push(b'-');
            }
            out.push(cp as u8);
            continue;
        }
        if !in_shift {
            if c == '+' {
                out.extend(b"+-");
                continue;
            }
            if encode_direct(cp) {
                out.push(cp as u8);
                continue;
            }
            out.push(b'+');
            in_shift = true;
        }
        let mut units = [0u16; 2];
        for u in c.encode_utf16(&mut units) {
            emit(&mut out, u32::from(*u), &mut bits, &mut buf);
        }
    }
    if bits > 0 {
        out.push(B64[((buf << (6 - bits)) & 0x3f) as usize]);
    }
    if in_shift {
        out.push(b'-');
    }
    out
}

/// Decodes UTF-7; with `final_` false an unfinished shift sequence is left
/// unconsumed (and its output withheld). Returns the text and bytes consumed.
pub fn decode(vm: &mut Vm, cx: &mut DecodeCtx, final_: bool) -> PyResult<(String, usize)> {
    let data = cx.data;
    let mut out = String::with_capacity(data.len());
    let (mut in_shift, mut bits, mut buf, mut surrogate) = (false, 0u32, 0u64, 0u32);
    let (mut shift_start, mut shift_out) = (0usize, 0usize);
    let mut s = 0;
    loop {
        while s < data.len() {
            let ch = data[s];
            if in_shift {
                if is_base64(u32::from(ch)) {
                    buf = (buf << 6) | u64::from(from_base64(ch));
                    bits += 6;
                    s += 1;
                    if bits >= 16 {
                        let unit = ((buf >> (bits - 16)) & 0xffff) as u32;
                        bits -= 16;
                        buf &= (1u64 << bits) - 1;
                        push_unit(&mut out, &mut surrogate, unit);
                    }
                    continue;
                }
                in_shift = false;
                let reason = if bits > 6 {
                    Some("partial character in shift sequence")
                } else if buf != 0 {
                    Some("non-zero padding bits in shift sequence")
                } else {
                    None
                };
                if let Some(reason) = reason {
                    s = cx.fault(vm, shift_start, s + 1, reason, &mut out)?;
                    continue;
                }
                if surrogate != 0 {
                    out.push('\u{fffd}');
                    surrogate = 0;
                }
                if ch == b'-' {
                    s += 1;
                }
            } else if ch == b'+' {
                shift_start = s;
                s += 1;
                if data.get(s) == Some(&b'-') {
                    s += 1;
                    out.push('+');
                } else if s < data.len() && !is_base64(u32::from(data[s])) {
                    s += 1;
                    s = cx.fault(vm, shift_start, s, "ill-formed sequence", &mut out)?;
                } else {
                    in_shift = true;
                    surrogate = 0;
                    shift_out = out.len();
                    bits = 0;
                    buf = 0;
                }
            } else if ch < 128 {
                out.push(ch as char);
                s += 1;
            } else {
                s = cx.fault(vm, s, s + 1, "unexpected special character", &mut out)?;
            }
        }
        if !in_shift {
            return Ok((out, s));
        }
        if !final_ {
            out.truncate(shift_out);
            return Ok((out, shift_start));
        }
        in_shift = false;
        if surrogate != 0 || bits >= 6 || (bits > 0 && buf != 0) {
            s = cx.fault(vm, shift_start, data.len(), "unterminated shift sequence", &mut out)?;
            if s < data.len() {
                continue;
            }
        }
        return Ok((out, s));
    }
}

/// One UTF-16 unit of a shift sequence, pairing surrogates.
fn push_unit(out: &mut String, surrogate: &mut u32, unit: u32) {
    if *surrogate != 0 {
        if (0xdc00..0xe000).contains(&unit) {
            out.push(char::from_u32(0x10000 + ((*surrogate - 0xd800) << 10) + (unit - 0xdc00)).unwrap_or('\u{fffd}'));
            *surrogate = 0;
            return;
        }
        out.push('\u{fffd}');
        *surrogate = 0;
    }
    if (0xd800..0xdc00).contains(&unit) {
        *surrogate = unit;
    } else {
        out.push(char::from_u32(unit).unwrap_or('\u{fffd}'));
    }
}
