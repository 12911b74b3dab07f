//! `int(s, base)` and `float(s)` string parsing, and int <-> decimal string
//! conversion under CPython 3.11's `sys.set_int_max_str_digits` limit.
//!
//! As CPython, non-ASCII whitespace becomes ' ' and Unicode decimal digits
//! become ASCII digits first; then only ASCII whitespace (" \t\n\v\f\r") is
//! stripped. Underscores may appear only between digits (and once after a
//! base prefix for ints). Base 0 infers the base from the prefix and rejects
//! non-zero numbers with leading zeros ("010").

use crate::float_repr::ldexp;
use crate::repr::{str_repr, truncate_chars};
use crate::text::{decimal_value, is_space};
use crate::{Error, Result};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{ToPrimitive, Zero};

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// Below this many digits the limit is never checked (CPython's threshold).
const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// Maps Unicode whitespace to ' ' and Unicode decimal digits to ASCII digits;
/// any other non-ASCII character becomes '?' and ends the text
/// (`_PyUnicode_TransformDecimalAndSpaceToASCII`).
fn to_ascii_digits(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if is_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn trim_c_space(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|&c| !is_c_space(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|&c| !is_c_space(c)).map_or(start, |i| i + 1);
    &b[start..end]
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 99,
    }
}

/// `int(s)` with the default digit limit.
pub fn parse_int(s: &str, base: u32) -> Result<BigInt> {
    parse_int_limited(s, base, DEFAULT_MAX_STR_DIGITS)
}

/// `int(s, base)`; `max_str_digits` is `sys.get_int_max_str_digits()` (0: none).
pub fn parse_int_limited(s: &str, base: u32, max_str_digits: usize) -> Result<BigInt> {
    if base == 1 || base > 36 {
        return Err(Error::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        Error::value(format!(
            "invalid literal for int() with base {}: {}",
            base,
            truncate_chars(&str_repr(s), 200)
        ))
    };
    let ascii = to_ascii_digits(s);
    parse_int_ascii(&ascii, base, max_str_digits)?.ok_or_else(invalid)
}

/// `int(b, base)` for `bytes` input (ASCII rules only; the caller builds the
/// "invalid literal" message with the bytes repr when this returns `Ok(None)`).
pub fn parse_int_ascii(b: &[u8], base: u32, max_str_digits: usize) -> Result<Option<BigInt>> {
    let mut b = trim_c_space(b);
    let mut negative = false;
    if let Some((&c, rest)) = b.split_first() {
        if c == b'+' || c == b'-' {
            negative = c == b'-';
            b = rest;
        }
    }
    let second = b.get(1).map(|c| c | 0x20);
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (b.first(), second) {
            (Some(b'0'), Some(b'x')) => 16,
            (Some(b'0'), Some(b'o')) => 8,
            (Some(b'0'), Some(b'b')) => 2,
            (Some(b'0'), _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    let prefix = match base {
        16 => Some(b'x'),
        8 => Some(b'o'),
        2 => Some(b'b'),
        _ => None,
    };
    if b.first() == Some(&b'0') && prefix.is_some() && second == prefix {
        b = &b[2..];
        if b.first() == Some(&b'_') {
            b = &b[1..];
        }
    }
    if b.first() == Some(&b'_') || b.is_empty() {
        return Ok(None);
    }
    let mut digits = Vec::with_capacity(b.len());
    let mut prev = 0u8;
    let mut end = b.len();
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            if prev == b'_' {
                return Ok(None);
            }
        } else if digit_value(c) < base {
            digits.push(c);
        } else {
            end = i;
            break;
        }
        prev = c;
    }
    if prev == b'_' {
        return Ok(None);
    }
    if !base.is_power_of_two() && digits.len() > MAX_STR_DIGITS_THRESHOLD && max_str_digits > 0 && digits.len() > max_str_digits {
        return Err(Error::value(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; \
             use sys.set_int_max_str_digits() to increase the limit",
            max_str_digits,
            digits.len()
        )));
    }
    if end != b.len() {
        return Ok(None);
    }
    let magnitude = BigUint::parse_bytes(&digits, base).unwrap_or_default();
    if error_if_nonzero && !magnitude.is_zero() {
        return Ok(None);
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Ok(Some(BigInt::from_biguint(sign, magnitude)))
}

/// `str(v)` for an int, failing like CPython when it has more than
/// `max_str_digits` decimal digits (0: no limit).
pub fn int_to_decimal_string(v: &BigInt, max_str_digits: usize) -> Result<String> {
    let too_long = || {
        Error::value(format!(
            "Exceeds the limit ({} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit",
            max_str_digits
        ))
    };
    let bits = v.bits();
    if max_str_digits > 0 && bits > 2000 {
        // v >= 2**(bits-1) has more than (bits-1)*log10(2) digits.
        if (bits - 1) as f64 * std::f64::consts::LOG10_2 >= max_str_digits as f64 + 1.0 {
            return Err(too_long());
        }
    }
    let s = v.to_string();
    let n = s.len() - (v.sign() == Sign::Minus) as usize;
    if max_str_digits > 0 && n > MAX_STR_DIGITS_THRESHOLD && n > max_str_digits {
        return Err(too_long());
    }
    Ok(s)
}

/// `float(v)` for an int: correctly rounded (half to even); OverflowError
/// "int too large to convert to float" beyond the float range.
pub fn int_to_float(v: &BigInt) -> Result<f64> {
    let m = v.magnitude();
    let bits = m.bits();
    let x = if bits <= 64 {
        m.to_u64().unwrap_or(0) as f64
    } else {
        // Keep 64 bits plus a sticky bit: enough for one correct rounding.
        let shift = bits - 64;
        let top = m >> shift;
        let sticky = !(m - (&top << shift)).is_zero();
        let top = top.to_u64().unwrap_or(u64::MAX);
        let top = if sticky { top | 1 } else { top };
        ldexp(top as f64, shift as i64)
    };
    if x.is_infinite() {
        return Err(Error::overflow("int too large to convert to float"));
    }
    Ok(if v.sign() == Sign::Minus { -x } else { x })
}

/// `int(x)` for a float: truncates toward zero. OverflowError "cannot convert
/// float infinity to integer", ValueError "cannot convert float NaN to integer".
pub fn float_to_int(x: f64) -> Result<BigInt> {
    if x.is_nan() {
        return Err(Error::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(Error::overflow("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return Ok(BigInt::from(t as i64));
    }
    // |t| >= 2**63: an integer mantissa times a power of two.
    let bits = t.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let m = BigInt::from(mant) << (exp as usize);
    Ok(if t < 0.0 { -m } else { m })
}

/// `float(s)` for a `str`.
pub fn parse_float(s: &str) -> Result<f64> {
    let ascii = to_ascii_digits(s);
    parse_float_ascii(&ascii).ok_or_else(|| Error::value(format!("could not convert string to float: {}", str_repr(s))))
}

/// `float(b)` for ASCII text such as `bytes`; `None` means "could not
/// convert" (the caller formats the message with its own repr).
pub fn parse_float_ascii(b: &[u8]) -> Option<f64> {
    let b = trim_c_space(b);
    if b.is_empty() {
        return None;
    }
    let mut clean = Vec::with_capacity(b.len());
    let mut prev = 0u8;
    for &c in b {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            clean.push(c);
        }
        prev = c;
    }
    if prev == b'_' {
        return None;
    }
    let text = std::str::from_utf8(&clean).ok()?;
    if let Some((v, n)) = crate::float_repr::parse_inf_or_nan(text) {
        return (n == text.len()).then_some(v);
    }
    valid_decimal(&clean).then(|| text.parse::<f64>().ok()).flatten()
}

/// `[sign] (digits ['.' [digits]] | '.' digits) [('e'|'E') [sign] digits]`
fn valid_decimal(b: &[u8]) -> bool {
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let mut n = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}
