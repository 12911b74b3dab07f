//! `repr(float)`, the float presentation types and `float.hex`/`float.fromhex`.
//!
//! Mirrors CPython's `PyOS_double_to_string` / `format_float_short`: digits
//! come from a correctly rounded conversion (shortest round-trip digits for
//! repr, `n` significant digits for 'e'/'g', `n` digits after the point for
//! 'f'), then are laid out with the same padding rules. repr switches to
//! exponent form when the decimal exponent is < -4 or >= 16.

use crate::{Error, Result};
use num_bigint::BigUint;
use num_traits::{ToPrimitive, Zero};

/// Options of [`double_to_string`] (CPython's `Py_DTSF_*` flags).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtsFlags {
    /// Always add a sign (`Py_DTSF_SIGN`).
    pub sign: bool,
    /// Add ".0" when the result looks like an integer (`Py_DTSF_ADD_DOT_0`).
    pub add_dot_0: bool,
    /// Alternate form '#' (`Py_DTSF_ALT`).
    pub alt: bool,
    /// Drop the sign of a result that rounds to zero (`Py_DTSF_NO_NEG_0`, 'z').
    pub no_neg_0: bool,
}

/// `repr(x)` / `str(x)` of a Python float.
pub fn float_repr(x: f64) -> String {
    double_to_string(x, 'r', 0, DtsFlags { add_dot_0: true, ..DtsFlags::default() })
}

enum Mode {
    Shortest,
    Significant(usize),
    Fixed(usize),
}

/// A double's exact decimal expansion has at most 767 significant digits and
/// 1074 after the point: asking for more only adds zeros, which `digits` trims
/// (and Rust's formatter rejects precisions above 65535).
const EXACT_DIGITS: usize = 1100;

/// Decimal digits of finite `x >= 0` without leading/trailing zeros, and the
/// position of the decimal point (value = 0.DIGITS * 10**decpt), as dtoa gives.
fn digits(x: f64, mode: Mode) -> (String, i64) {
    if x == 0.0 {
        return ("0".into(), 1);
    }
    match mode {
        Mode::Shortest | Mode::Significant(_) => {
            let s = match mode {
                Mode::Significant(n) => format!("{:.*e}", n.clamp(1, EXACT_DIGITS) - 1, x),
                _ => format!("{:e}", x),
            };
            let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let exp: i64 = exp.parse().unwrap_or(0);
            let d: String = mant.chars().filter(|c| *c != '.').collect();
            let d = d.trim_end_matches('0');
            if d.is_empty() {
                ("0".into(), 1)
            } else if matches!(mode, Mode::Shortest) {
                shortest_tie_to_even(x, d, exp + 1)
            } else {
                (d.to_string(), exp + 1)
            }
        }
        Mode::Fixed(n) => {
            let s = format!("{:.*}", n.min(EXACT_DIGITS), x);
            let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
            let all = format!("{}{}", int, frac);
            let lead = all.len() - all.trim_start_matches('0').len();
            let d = all.trim_start_matches('0').trim_end_matches('0');
            if d.is_empty() {
                return ("0".into(), 1);
            }
            (d.to_string(), int.len() as i64 - lead as i64)
        }
    }
}

/// When `x` lies exactly halfway between two shortest round-trip digit strings,
/// dtoa (and so CPython) takes the one with an even last digit; Rust's shortest
/// formatting rounds such ties up. `d`/`decpt` are Rust's shortest digits.
fn shortest_tie_to_even(x: f64, d: &str, decpt: i64) -> (String, i64) {
    let n = d.len();
    let s = format!("{:.*e}", n, x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let long: String = mant.chars().filter(|c| *c != '.').collect();
    if !long.ends_with('5') || !is_exact_decimal(x, &long, exp.parse::<i64>().unwrap_or(0) + 1) {
        return (d.to_string(), decpt);
    }
    let long_decpt = exp.parse::<i64>().unwrap_or(0) + 1;
    let mut low: Vec<u8> = long.as_bytes()[..n].to_vec();
    let mut new_decpt = long_decpt;
    if (low[n - 1] - b'0') % 2 == 1 {
        // Round the last digit up to the even neighbour, carrying.
        let mut i = n;
        loop {
            if i == 0 {
                low.insert(0, b'1');
                new_decpt += 1;
                break;
            }
            i -= 1;
            if low[i] == b'9' {
                low[i] = b'0';
            } else {
                low[i] += 1;
                break;
            }
        }
    }
    let cand = String::from_utf8(low).unwrap_or_default();
    let cand = cand.trim_end_matches('0');
    if cand.is_empty() || format!("0.{cand}e{new_decpt}").parse::<f64>().ok() != Some(x) {
        return (d.to_string(), decpt);
    }
    (cand.to_string(), new_decpt)
}

/// Is finite `x > 0` exactly 0.DIGITS * 10**decpt?
fn is_exact_decimal(x: f64, digits: &str, decpt: i64) -> bool {
    let Ok(n) = digits.parse::<BigUint>() else { return false };
    let bits = x.to_bits();
    let raw = ((bits >> 52) & 0x7ff) as i64;
    let (m, e) = if raw == 0 { (bits & ((1 << 52) - 1), -1074) } else { ((bits & ((1 << 52) - 1)) | (1 << 52), raw - 1075) };
    let q = decpt - digits.len() as i64;
    let ten = BigUint::from(10u32);
    let mut lhs = BigUint::from(m);
    let mut rhs = n;
    if e >= 0 {
        lhs <<= e as usize;
    } else {
        rhs <<= (-e) as usize;
    }
    if q >= 0 {
        rhs *= ten.pow(q as u32);
    } else {
        lhs *= ten.pow((-q) as u32);
    }
    lhs == rhs
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)`.
///
/// `code` is one of 'e' 'E' 'f' 'F' 'g' 'G' 'r' ('r' ignores `precision`).
/// Any other code is treated as 'r'.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtsFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if !x.is_finite() {
        if x.is_sign_negative() && x.is_infinite() {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        let s = if x.is_nan() { "nan" } else { "inf" };
        out.push_str(&if upper { s.to_ascii_uppercase() } else { s.to_string() });
        return out;
    }
    let (code, precision, mode) = match code {
        'e' => ('e', precision + 1, Mode::Significant(precision + 1)),
        'f' => ('f', precision, Mode::Fixed(precision)),
        'g' => ('g', precision.max(1), Mode::Significant(precision.max(1))),
        _ => ('r', 0, Mode::Shortest),
    };
    let (digits, mut decpt) = digits(x.abs(), mode);
    let digits = digits.as_bytes();
    let digits_len = digits.len() as i64;
    let mut negative = x.is_sign_negative();
    if flags.no_neg_0 && negative && digits == b"0" {
        negative = false;
    }
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    let precision = precision as i64;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    let push = |out: &mut String, d: &[u8]| out.extend(d.iter().map(|&b| b as char));
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        push(&mut out, &digits[..decpt as usize]);
        out.push('.');
        push(&mut out, &digits[decpt as usize..]);
    } else {
        push(&mut out, digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// Formats `x` for one float presentation type, without width/fill/grouping:
/// 'e' 'E' 'f' 'F' 'g' 'G' '%' 'n' (as 'g', C locale), or `None` for the empty
/// type (repr without precision; otherwise like 'g' but with at least one
/// digit after the point). A missing precision means 6. `sign` is '+', ' ' or
/// '-' (the default). This is `format(x, spec)` for specs without width.
pub fn format_float(
    x: f64,
    ty: Option<char>,
    precision: Option<usize>,
    alternate: bool,
    no_neg_0: bool,
    sign: char,
) -> String {
    let mut flags = DtsFlags { alt: alternate, no_neg_0, ..DtsFlags::default() };
    let (s, pct) = float_body(x, ty, precision, &mut flags);
    let mut s = s + if pct { "%" } else { "" };
    if sign != '-' && !s.starts_with('-') {
        s.insert(0, if sign == '+' { '+' } else { ' ' });
    }
    s
}

/// The digits part of `format(x, spec)` as CPython computes it before padding
/// (may start with '-'); the bool says a '%' must be appended.
pub(crate) fn float_body(x: f64, ty: Option<char>, precision: Option<usize>, flags: &mut DtsFlags) -> (String, bool) {
    let mut x = x;
    let mut default_precision = 6;
    let mut ty = match ty {
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            'r'
        }
        Some('n') => 'g',
        Some(c) => c,
    };
    let mut pct = false;
    if ty == '%' {
        ty = 'f';
        x *= 100.0;
        pct = true;
    }
    let precision = match precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    (double_to_string(x, ty, precision, *flags), pct)
}

/// `float.hex(x)`.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{}0x{}.{:013x}p{}{}", sign, lead, mant, if exp < 0 { '-' } else { '+' }, exp.abs())
}

fn invalid_hex() -> Error {
    Error::value("invalid hexadecimal floating-point string")
}

/// Parses the "inf"/"infinity"/"nan" spellings (any case, optional sign) at
/// the start of `s`; returns the value and the number of bytes used.
pub(crate) fn parse_inf_or_nan(s: &str) -> Option<(f64, usize)> {
    let (neg, rest, n) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..], 1),
        Some(b'+') => (false, &s[1..], 1),
        _ => (false, s, 0),
    };
    let starts = |p: &str| rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let (v, len) = if starts("infinity") {
        (f64::INFINITY, 8)
    } else if starts("inf") {
        (f64::INFINITY, 3)
    } else if starts("nan") {
        (f64::NAN, 3)
    } else {
        return None;
    };
    Some((if neg { -v } else { v }, n + len))
}

/// `float.fromhex(s)`: `[sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits]`,
/// surrounding ASCII whitespace allowed, correctly rounded (half to even).
pub fn float_fromhex(s: &str) -> Result<f64> {
    let ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c');
    let s = s.trim_matches(ws);
    if let Some((v, n)) = parse_inf_or_nan(s) {
        return if n == s.len() { Ok(v) } else { Err(invalid_hex()) };
    }
    let b = s.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    if b.len() >= i + 2 && b[i] == b'0' && (b[i + 1] | 0x20) == b'x' {
        i += 2;
    }
    let mut mant = BigUint::zero();
    let mut ndigits = 0usize;
    let mut nfrac: i64 = 0;
    let mut seen_point = false;
    while i < b.len() {
        let c = b[i];
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            mant = (mant << 4u32) + BigUint::from(d);
            ndigits += 1;
            if seen_point {
                nfrac += 1;
            }
        } else {
            break;
        }
        i += 1;
    }
    if ndigits == 0 {
        return Err(invalid_hex());
    }
    let mut exp: i64 = 0;
    if i < b.len() && (b[i] | 0x20) == b'p' {
        i += 1;
        let eneg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            exp = (exp * 10 + (b[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(invalid_hex());
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(invalid_hex());
    }
    let v = scale_to_f64(mant, exp - 4 * nfrac)?;
    Ok(if negative { -v } else { v })
}

/// Rounds `m * 2**e` to the nearest double (ties to even).
fn scale_to_f64(m: BigUint, e: i64) -> Result<f64> {
    if m.is_zero() {
        return Ok(0.0);
    }
    let bits = m.bits() as i64;
    let top = bits - 1 + e;
    if top >= 1024 {
        return Err(Error::overflow("hexadecimal value too large to represent as a float"));
    }
    let keep = if top >= -1022 { 53 } else { top + 1075 };
    if keep < 0 {
        return Ok(0.0);
    }
    let shift = bits - keep;
    let (m, e) = if shift > 0 {
        let shift = shift as u64;
        let q = &m >> shift;
        let rem = &m - (&q << shift);
        let half = BigUint::from(1u8) << (shift - 1);
        let odd = q.bit(0);
        let q = if rem > half || (rem == half && odd) { q + 1u8 } else { q };
        (q, e + shift as i64)
    } else {
        (m, e)
    };
    let m = m.to_u64().unwrap_or(0);
    if m != 0 && 64 - m.leading_zeros() as i64 - 1 + e >= 1024 {
        return Err(Error::overflow("hexadecimal value too large to represent as a float"));
    }
    Ok(ldexp(m as f64, e))
}

/// `x * 2**e` in steps that stay exact while the final result is representable.
pub(crate) fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 0 && x.is_finite() && x != 0.0 {
        let step = e.min(1000);
        x *= f64::from_bits(((1023 + step) as u64) << 52);
        e -= step;
    }
    while e < 0 && x != 0.0 {
        let step = e.max(-1000);
        x *= f64::from_bits(((1023 + step) as u64) << 52);
        e -= step;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_basics() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e-4, "0.0001"),
            (1e-5, "1e-05"),
            (0.00012, "0.00012"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (2.0f64.powi(53), "9007199254740992.0"),
            (123456789.0, "123456789.0"),
            (1e22, "1e+22"),
            (2.0 / 3.0, "0.6666666666666666"),
            (-1.5e-7, "-1.5e-07"),
            (1e100, "1e+100"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "{:e}", x);
        }
    }

    #[test]
    fn presentation_types() {
        let f = |x, ty, p, alt| format_float(x, ty, p, alt, false, '-');
        assert_eq!(f(2.5, Some('f'), Some(0), false), "2");
        assert_eq!(f(0.5, Some('f'), Some(0), false), "0");
        assert_eq!(f(1.5, Some('f'), Some(0), false), "2");
        assert_eq!(f(1.0, Some('f'), Some(0), true), "1.");
        assert_eq!(f(1e22, Some('f'), Some(0), false), "10000000000000000000000");
        assert_eq!(f(0.1, Some('f'), Some(30), false), "0.100000000000000005551115123126");
        assert_eq!(f(5e-324, Some('e'), Some(3), false), "4.941e-324");
        assert_eq!(f(1e300 * 10.0, Some('e'), None, false), "1.000000e+301");
        assert_eq!(f(123.0, None, Some(2), false), "1.2e+02");
        assert_eq!(f(1e16, None, Some(3), false), "1e+16");
        assert_eq!(f(100.0, None, Some(3), false), "1e+02");
        assert_eq!(f(10.0, None, Some(3), false), "10.0");
        assert_eq!(f(99.9, None, Some(3), false), "99.9");
        assert_eq!(f(1000.0, None, Some(3), false), "1e+03");
        assert_eq!(f(1.0, Some('%'), None, false), "100.000000%");
        assert_eq!(f(1.0, Some('g'), Some(0), false), "1");
        assert_eq!(f(1.0, Some('g'), None, true), "1.00000");
        assert_eq!(f(f64::INFINITY, Some('F'), None, false), "INF");
        assert_eq!(f(f64::NAN, Some('E'), None, false), "NAN");
        assert_eq!(f(1234.5, Some('n'), None, false), "1234.5");
        assert_eq!(f(1e-5, Some('G'), None, false), "1E-05");
        assert_eq!(format_float(f64::NAN, None, None, false, false, '+'), "+nan");
        assert_eq!(format_float(-0.0001, Some('f'), Some(1), false, true, '-'), "0.0");
        assert_eq!(format_float(-0.0001, Some('f'), Some(1), false, false, '-'), "-0.0");
        assert_eq!(format_float(-0.0, Some('e'), Some(1), false, true, '+'), "+0.0e+00");
        assert_eq!(format_float(1.0, Some('e'), Some(1), false, false, ' '), " 1.0e+00");
    }

    #[test]
    fn hex() {
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_hex(f64::INFINITY), "inf");
        assert_eq!(float_hex(1e300), "0x1.7e43c8800759cp+996");
        let ok: &[(&str, f64)] = &[
            ("0x1p-1074", 5e-324),
            ("0x1p-1075", 0.0),
            ("0x1.8p-1075", 5e-324),
            ("0x1.00000000000008p0", 1.0),
            ("0x1.00000000000018p0", 1.0000000000000004),
            (" 0x1 ", 1.0),
            ("1", 1.0),
            ("0x.8", 0.5),
            ("0x1.", 1.0),
            ("-inf", f64::NEG_INFINITY),
            ("0X1P+2", 4.0),
            ("infinity", f64::INFINITY),
            ("1.5p1", 2.625),
            ("0x1e", 30.0),
            ("1e5", 485.0),
            ("-0x0p0", -0.0),
            ("0x1p-99999999999999999999999", 0.0),
            ("0x0p99999999999999999999999", 0.0),
            ("0x1.fffffffffffffp1023", f64::MAX),
        ];
        for &(s, want) in ok {
            let got = float_fromhex(s).unwrap();
            assert_eq!(got.to_bits(), want.to_bits(), "{}", s);
        }
        assert!(float_fromhex("nan").unwrap().is_nan());
        for s in ["x1", "0x1_0", "0x", "0xp1", "0x1p", "", " ", "0x1.2.3", "inf x", "0x1p+"] {
            let e = float_fromhex(s).unwrap_err();
            assert_eq!(e.msg, "invalid hexadecimal floating-point string", "{}", s);
        }
        for s in ["0x1.fffffffffffff8p1023", "0x1p1024", "0x1p99999999999999999999"] {
            let e = float_fromhex(s).unwrap_err();
            assert_eq!(e.kind, crate::ErrorKind::OverflowError);
            assert_eq!(e.msg, "hexadecimal value too large to represent as a float");
        }
    }
}
