//! Unicode-aware helpers behind CPython 3.11's `str` methods.
//!
//! Character classes and case mappings come from tables generated from
//! CPython itself (Unicode 14.0): `isspace` is bidi class WS/B/S or category
//! Zs, `isdecimal` is category Nd, `isdigit` adds the digit property,
//! `isnumeric` the numeric property, `isalpha` is categories L*. Case
//! conversion uses the full (special-casing) mappings, with the final-sigma
//! rule in `lower`/`capitalize`/`swapcase`/`title`.

use crate::unicode_tables as t;

fn in_ranges(c: char, table: &[(u32, u32)]) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `str.isspace` for one character: \t \n \x0b \x0c \r \x1c-\x1f, space,
/// \x85, \xa0, \u1680, \u2000-\u200a, \u2028, \u2029, \u202f, \u205f, \u3000.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ');
    }
    in_ranges(c, t::SPACE)
}

/// `str.isprintable` for one character (not Cc Cf Cs Co Cn Zl Zp Zs, space excepted).
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_ranges(c, t::PRINTABLE)
}

/// `str.isalpha` for one character.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(c, t::ALPHA)
}

/// The value of a Unicode decimal digit (category Nd), as `int()` uses it.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let cp = c as u32;
    let i = t::DECIMAL.partition_point(|&(_, hi, _)| hi < cp);
    match t::DECIMAL.get(i) {
        Some(&(lo, _, v)) if lo <= cp => Some(v as u32 + cp - lo),
        _ => None,
    }
}

/// `str.isdecimal` for one character.
pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `str.isdigit` for one character (decimals plus e.g. superscripts).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(c, t::DIGIT)
}

/// `str.isnumeric` for one character (digits plus fractions, Roman numerals, CJK numbers...).
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(c, t::NUMERIC)
}

/// `str.isalnum` for one character: alpha, decimal, digit or numeric.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// `str.islower` property of one character (Lowercase).
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_ranges(c, t::LOWER)
}

/// `str.isupper` property of one character (Uppercase).
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    in_ranges(c, t::UPPER)
}

/// Titlecase letter (category Lt).
pub fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && in_ranges(c, t::TITLE)
}

/// Cased: lowercase, uppercase or titlecase.
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(c, t::CASED)
}

/// Case_Ignorable property (used by the final-sigma rule).
pub fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    in_ranges(c, t::CASE_IGNORABLE)
}

/// May start an identifier: XID_Start or '_'.
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_ranges(c, t::XID_START)
}

/// May continue an identifier: XID_Continue.
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(c, t::XID_CONTINUE)
}
