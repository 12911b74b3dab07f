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

fn lookup_map(c: char, table: &[(u32, [u32; 3])], out: &mut String) -> bool {
    match table.binary_search_by_key(&(c as u32), |e| e.0) {
        Ok(i) => {
            out.extend(table[i].1.iter().filter(|&&m| m != 0).filter_map(|&m| char::from_u32(m)));
            true
        }
        Err(_) => false,
    }
}

fn push_mapped(c: char, table: &[(u32, [u32; 3])], out: &mut String) {
    if !lookup_map(c, table, out) {
        out.push(c);
    }
}

/// Full uppercase mapping of one character (e.g. 'ß' -> "SS").
pub fn char_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push_mapped(c, t::TO_UPPER, out);
    }
}

/// The simple (one code point) lowercase mapping CPython's `Py_UNICODE_TOLOWER`
/// gives: the first code point of the full mapping (e.g. U+0130 -> 'i').
pub fn simple_lower(c: u32) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    first_mapped(c, t::TO_LOWER)
}

/// The simple uppercase mapping of `Py_UNICODE_TOUPPER` (e.g. 'ß' -> 'S').
pub fn simple_upper(c: u32) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_uppercase() as u32;
    }
    first_mapped(c, t::TO_UPPER)
}

fn first_mapped(c: u32, table: &[(u32, [u32; 3])]) -> u32 {
    match table.binary_search_by_key(&c, |e| e.0) {
        Ok(i) => table[i].1[0],
        Err(_) => c,
    }
}

/// Full titlecase mapping of one character (e.g. 'ß' -> "Ss", 'ǆ' -> "ǅ").
pub fn char_title(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push_mapped(c, t::TO_TITLE, out);
    }
}

/// Lowercase of `chars[i]` with the final-sigma rule for 'Σ'.
fn lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == '\u{3a3}' {
        out.push(if is_final_sigma(chars, i) { '\u{3c2}' } else { '\u{3c3}' });
    } else {
        push_mapped(c, t::TO_LOWER, out);
    }
}

/// Σ becomes ς when preceded by a cased letter and not followed by one
/// (skipping case-ignorable characters both ways).
fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    if !before.is_some_and(|&c| is_cased(c)) {
        return false;
    }
    let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
    !after.is_some_and(|&c| is_cased(c))
}

/// `str.upper()`.
pub fn upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| char_upper(c, &mut out));
    out
}

/// `str.lower()`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    (0..chars.len()).for_each(|i| lower_at(&chars, i, &mut out));
    out
}

/// `str.casefold()`.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            push_mapped(c, t::CASEFOLD, &mut out);
        }
    }
    out
}

/// `str.swapcase()`: uppercase chars lowered, lowercase chars uppered.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            lower_at(&chars, i, &mut out);
        } else if is_lower(c) {
            char_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.title()`: titlecase after an uncased char, lowercase after a cased one.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            lower_at(&chars, i, &mut out);
        } else {
            char_title(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `str.capitalize()` (3.8+): first char titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    if let Some(&c) = chars.first() {
        char_title(c, &mut out);
    }
    (1..chars.len()).for_each(|i| lower_at(&chars, i, &mut out));
    out
}

/// `str.isidentifier()`.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    it.next().is_some_and(is_xid_start) && it.all(is_xid_continue)
}

/// `str.islower()`: some cased chars, none upper- or titlecase.
pub fn str_islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

/// `str.isupper()`: some cased chars, none lower- or titlecase.
pub fn str_isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_titlecase(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

/// `str.istitle()`.
pub fn str_istitle(s: &str) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// `str.isX()` for a per-char predicate: non-empty and every char matches
/// (`isspace`, `isalpha`, `isalnum`, `isdecimal`, `isdigit`, `isnumeric`).
pub fn str_all(s: &str, pred: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// `str.isprintable()` (true for the empty string).
pub fn str_isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}

/// `str.expandtabs(tabsize)`; the column restarts after \n and \r.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let n = tabsize - col % tabsize;
                out.extend(std::iter::repeat_n(' ', n as usize));
                col += n;
            }
        } else {
            out.push(c);
            col += 1;
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    out
}

/// Line boundaries of `str.splitlines`: \n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029 (and \r\n).
pub fn is_linebreak(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `str.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && it.peek().map(|p| p.1) == Some('\n') {
            it.next();
            end += 1;
        }
        out.push(&s[start..if keepends { end } else { i }]);
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// `str.split()` / `str.split(None, maxsplit)`; `maxsplit` < 0 means no limit.
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut left = maxsplit;
    loop {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() {
            break;
        }
        if left == 0 {
            out.push(rest);
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = &rest[end..];
        left -= 1;
    }
    out
}

/// `str.rsplit()` / `str.rsplit(None, maxsplit)`, results in string order.
pub fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut left = maxsplit;
    loop {
        rest = rest.trim_end_matches(is_space);
        if rest.is_empty() {
            break;
        }
        if left == 0 {
            out.push(rest);
            break;
        }
        let start = rest.rfind(is_space).map_or(0, |i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
        out.push(&rest[start..]);
        rest = &rest[..start];
        left -= 1;
    }
    out.reverse();
    out
}

/// `str.split(sep, maxsplit)` with an explicit separator (ValueError "empty separator").
pub fn split_sep<'a>(s: &'a str, sep: &str, maxsplit: i64) -> crate::Result<Vec<&'a str>> {
    if sep.is_empty() {
        return Err(crate::Error::value("empty separator"));
    }
    Ok(if maxsplit < 0 { s.split(sep).collect() } else { s.splitn(maxsplit as usize + 1, sep).collect() })
}

/// `str.rsplit(sep, maxsplit)` with an explicit separator, results in string order.
pub fn rsplit_sep<'a>(s: &'a str, sep: &str, maxsplit: i64) -> crate::Result<Vec<&'a str>> {
    if sep.is_empty() {
        return Err(crate::Error::value("empty separator"));
    }
    let mut v: Vec<&str> = if maxsplit < 0 { s.rsplit(sep).collect() } else { s.rsplitn(maxsplit as usize + 1, sep).collect() };
    v.reverse();
    Ok(v)
}

/// `str.strip()` / `lstrip()` / `rstrip()`: `chars` None strips whitespace
/// (`str.isspace`), otherwise any of the given characters.
pub fn strip<'a>(s: &'a str, chars: Option<&str>, left: bool, right: bool) -> &'a str {
    let pred = |c: char| chars.map_or_else(|| is_space(c), |set| set.contains(c));
    let s = if left { s.trim_start_matches(pred) } else { s };
    if right {
        s.trim_end_matches(pred)
    } else {
        s
    }
}

fn padded(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// The fill characters before and after a text of `len` characters padded to
/// `width` by `str.center` (`align` '^': odd padding goes left when `width` is
/// odd), `str.ljust` ('<') or `str.rjust` ('>').
pub fn pad_margins(len: usize, width: usize, align: char) -> (usize, usize) {
    let marg = width.saturating_sub(len);
    match align {
        '^' => {
            let left = marg / 2 + (marg & width & 1);
            (left, marg - left)
        }
        '<' => (0, marg),
        _ => (marg, 0),
    }
}

fn pad_to(s: &str, width: usize, fill: char, align: char) -> String {
    let (left, right) = pad_margins(s.chars().count(), width, align);
    padded(s, left, right, fill)
}

/// `str.center(width, fill)`.
pub fn center(s: &str, width: usize, fill: char) -> String {
    pad_to(s, width, fill, '^')
}

/// `str.ljust(width, fill)`.
pub fn ljust(s: &str, width: usize, fill: char) -> String {
    pad_to(s, width, fill, '<')
}

/// `str.rjust(width, fill)`.
pub fn rjust(s: &str, width: usize, fill: char) -> String {
    pad_to(s, width, fill, '>')
}

/// `str.zfill(width)`: zeros after a leading sign.
pub fn zfill(s: &str, width: usize) -> String {
    let fill = width.saturating_sub(s.chars().count());
    if fill == 0 {
        return s.to_string();
    }
    match s.strip_prefix(['+', '-']) {
        Some(rest) => format!("{}{}{}", &s[..1], "0".repeat(fill), rest),
        None => padded(s, fill, 0, '0'),
    }
}
