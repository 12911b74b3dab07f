//! The format-spec mini-language of `format()` / `str.format` (CPython 3.11).
//!
//! `[[fill]align][sign]['z']['#']['0'][width][grouping]['.' precision][type]`
//! with align in `<>=^`, sign in `+- `, grouping ',' or '_'. Parsing follows
//! `parse_internal_render_format_spec`; rendering follows `format_*_internal`,
//! `calc_number_widths` and `fill_number` of Python/formatter_unicode.c, with
//! the C locale for 'n'. Widths count characters.

use crate::float_repr::{double_to_string, float_body, DtsFlags};
use crate::parse::{int_to_decimal_string, int_to_float, DEFAULT_MAX_STR_DIGITS};
use crate::text::decimal_value;
use crate::{Error, Result};
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// A parsed format spec. Defaults that depend on the object's type (fill,
/// alignment, type) are resolved by the `format_*` functions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// Fill character when given together with an alignment.
    pub fill: Option<char>,
    /// One of `<` `>` `=` `^`.
    pub align: Option<char>,
    /// One of `+` `-` ` `.
    pub sign: Option<char>,
    /// 'z': coerce negative zero to zero (floats only).
    pub no_neg_0: bool,
    /// '#': alternate form.
    pub alternate: bool,
    /// '0' before the width (without an explicit fill).
    pub zero_pad: bool,
    pub width: Option<usize>,
    /// ',' or '_'.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type; `None` when omitted.
    pub ty: Option<char>,
    /// `sys.get_int_max_str_digits()` used for decimal int output (0: no limit).
    pub max_str_digits: usize,
}

impl Default for Spec {
    fn default() -> Self {
        Spec {
            fill: None,
            align: None,
            sign: None,
            no_neg_0: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
            max_str_digits: DEFAULT_MAX_STR_DIGITS,
        }
    }
}

/// Fill, alignment, sign and width after applying a type's defaults.
struct Layout {
    fill: char,
    align: char,
    sign: char,
    width: usize,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads decimal digits (any Unicode decimal digit, as CPython) at `chars[*pos..]`.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>> {
    let mut acc: Option<usize> = None;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let v = acc.unwrap_or(0);
        if v > (i64::MAX as usize - d as usize) / 10 {
            return Err(Error::value("Too many decimal digits in format string"));
        }
        acc = Some(v * 10 + d as usize);
        *pos += 1;
    }
    Ok(acc)
}

impl Spec {
    /// Parses `spec` as written after the ':' of a replacement field.
    /// `type_name` is the type of the formatted object (for error messages).
    pub fn parse(spec: &str, type_name: &str) -> Result<Spec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut s = Spec::default();
        let mut pos = 0;
        let at = |i: usize| chars.get(i).copied();
        if chars.len() >= 2 && is_align(chars[1]) {
            s.fill = Some(chars[0]);
            s.align = Some(chars[1]);
            pos = 2;
        } else if at(0).is_some_and(is_align) {
            s.align = at(0);
            pos = 1;
        }
        if let Some(c) = at(pos).filter(|c| matches!(c, '+' | '-' | ' ')) {
            s.sign = Some(c);
            pos += 1;
        }
        if at(pos) == Some('z') {
            s.no_neg_0 = true;
            pos += 1;
        }
        if at(pos) == Some('#') {
            s.alternate = true;
            pos += 1;
        }
        if s.fill.is_none() && at(pos) == Some('0') {
            s.zero_pad = true;
            pos += 1;
        }
        s.width = get_integer(&chars, &mut pos)?;
        let both = || Error::value("Cannot specify both ',' and '_'.");
        if at(pos) == Some(',') {
            s.grouping = Some(',');
            pos += 1;
        }
        if at(pos) == Some('_') {
            if s.grouping.is_some() {
                return Err(both());
            }
            s.grouping = Some('_');
            pos += 1;
        }
        if at(pos) == Some(',') && s.grouping == Some('_') {
            return Err(both());
        }
        if at(pos) == Some('.') {
            pos += 1;
            s.precision = get_integer(&chars, &mut pos)?;
            if s.precision.is_none() {
                return Err(Error::value("Format specifier missing precision"));
            }
        }
        if chars.len() - pos > 1 {
            return Err(Error::value(format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec, type_name
            )));
        }
        s.ty = at(pos);
        Ok(s)
    }

    /// CPython's check of the grouping option against the (resolved) type.
    /// Returns the group size (3, or 4 for '_' with b/o/x/X).
    fn group_size(&self, ty: char) -> Result<usize> {
        let Some(sep) = self.grouping else { return Ok(0) };
        match ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(3),
            'b' | 'o' | 'x' | 'X' if sep == '_' => Ok(4),
            _ if ty as u32 > 32 && (ty as u32) < 128 => {
                Err(Error::value(format!("Cannot specify '{}' with '{}'.", sep, ty)))
            }
            _ => Err(Error::value(format!("Cannot specify '{}' with '\\x{:x}'.", sep, ty as u32))),
        }
    }

    fn layout(&self, default_align: char) -> Layout {
        let fill = self.fill.unwrap_or(if self.zero_pad { '0' } else { ' ' });
        let align = self.align.unwrap_or(if self.zero_pad && default_align == '>' { '=' } else { default_align });
        Layout { fill, align, sign: self.sign.unwrap_or('-'), width: self.width.unwrap_or(0) }
    }
}

fn unknown_type(ty: char, type_name: &str) -> Error {
    if ty as u32 > 32 && (ty as u32) < 128 {
        Error::value(format!("Unknown format code '{}' for object of type '{}'", ty, type_name))
    } else {
        Error::value(format!("Unknown format code '\\x{:x}' for object of type '{}'", ty as u32, type_name))
    }
}

fn push_n(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// Pads `s` (of `len` characters) to `width` per `align` (`calc_padding`).
fn pad(s: &str, len: usize, width: usize, align: char, fill: char) -> String {
    let total = width.max(len);
    let left = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(s.len() + total - len);
    push_n(&mut out, fill, left);
    out.push_str(s);
    push_n(&mut out, fill, total - len - left);
    out
}

/// `_PyUnicode_InsertThousandsGrouping`: groups ASCII `digits` from the
/// right, padding with zeros up to `min_width` characters.
fn group_digits(digits: &str, min_width: isize, group: usize, sep: char) -> String {
    let d = digits.as_bytes();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width.max(0);
    let mut chunks: Vec<String> = Vec::new();
    let chunk = |len: isize, remaining: &mut isize, chunks: &mut Vec<String>| {
        let n_zeros = (len - *remaining).max(0) as usize;
        let n_chars = (*remaining).min(len).max(0);
        let end = *remaining as usize;
        let start = end - n_chars as usize;
        let mut c = "0".repeat(n_zeros);
        c.push_str(std::str::from_utf8(&d[start..end]).unwrap_or(""));
        chunks.push(c);
        *remaining -= n_chars;
    };
    let mut finished = false;
    if group > 0 {
        loop {
            let len = (group as isize).min(remaining.max(min_width).max(1));
            chunk(len, &mut remaining, &mut chunks);
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                finished = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !finished {
        let len = remaining.max(min_width).max(1);
        chunk(len, &mut remaining, &mut chunks);
    }
    chunks.reverse();
    chunks.join(&sep.to_string())
}

/// Lays out a number (`calc_number_widths` + `fill_number`): `body` is the
/// formatted magnitude without sign and prefix ("1234.5e+10", "ff", "A").
/// `n_digits` leading chars of `body` are grouped; the rest is copied.
fn render_number(
    negative: bool,
    prefix: &str,
    body: &str,
    n_digits: usize,
    group: usize,
    sep: char,
    lay: &Layout,
) -> String {
    let sign = match (negative, lay.sign) {
        (true, _) => Some('-'),
        (false, '+') => Some('+'),
        (false, ' ') => Some(' '),
        _ => None,
    };
    let (digits, rest) = body.split_at(n_digits);
    let rest_len = rest.chars().count();
    let fixed = sign.is_some() as usize + prefix.len() + rest_len;
    let min_width = if lay.fill == '0' && lay.align == '=' { lay.width as isize - fixed as isize } else { 0 };
    let grouped = if digits.is_empty() { String::new() } else { group_digits(digits, min_width, group, sep) };
    let padding = lay.width.saturating_sub(fixed + grouped.len());
    let (left, mid, right) = match lay.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::new();
    push_n(&mut out, lay.fill, left);
    out.extend(sign);
    out.push_str(prefix);
    push_n(&mut out, lay.fill, mid);
    out.push_str(&grouped);
    out.push_str(rest);
    push_n(&mut out, lay.fill, right);
    out
}

/// `format(s, spec)` for a `str` (`type_name` names the object's type).
pub fn format_str(s: &str, spec: &Spec, type_name: &str) -> Result<String> {
    let lay = str_layout(s.chars().count(), spec, type_name)?;
    let s = s.char_indices().nth(lay.keep).map_or(s, |(i, _)| &s[..i]);
    let mut out = String::with_capacity(s.len() + lay.before + lay.after);
    push_n(&mut out, lay.fill, lay.before);
    out.push_str(s);
    push_n(&mut out, lay.fill, lay.after);
    Ok(out)
}

/// Where `format(s, spec)` puts a str of `nchars` characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrLayout {
    /// Characters of the str kept (the precision truncates).
    pub keep: usize,
    /// Fill characters before and after them.
    pub before: usize,
    pub after: usize,
    pub fill: char,
}

/// The layout of `format(s, spec)` for a `str` of `nchars` characters, or the
/// error the spec gives for a str (`type_name` names the object's type).
pub fn str_layout(nchars: usize, spec: &Spec, type_name: &str) -> Result<StrLayout> {
    let ty = spec.ty.unwrap_or('s');
    spec.group_size(ty)?;
    if ty != 's' {
        return Err(unknown_type(ty, type_name));
    }
    match spec.sign {
        Some(' ') => return Err(Error::value("Space not allowed in string format specifier")),
        Some(_) => return Err(Error::value("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_0 {
        return Err(Error::value("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(Error::value("Alternate form (#) not allowed in string format specifier"));
    }
    let lay = spec.layout('<');
    if lay.align == '=' {
        return Err(Error::value("'=' alignment not allowed in string format specifier"));
    }
    let keep = spec.precision.map_or(nchars, |p| p.min(nchars));
    let total = lay.width.max(keep);
    let before = match lay.align {
        '>' => total - keep,
        '^' => (total - keep) / 2,
        _ => 0,
    };
    Ok(StrLayout { keep, before, after: total - keep - before, fill: lay.fill })
}

/// `format(v, spec)` for an `int` (types b c d o x X n, and e E f F g G %
/// via float). `type_name` is used in errors ("int", "bool", ...).
pub fn format_int(v: &BigInt, spec: &Spec, type_name: &str) -> Result<String> {
    let ty = spec.ty.unwrap_or('d');
    let group = spec.group_size(ty)?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float(int_to_float(v)?, spec, type_name),
        _ => return Err(unknown_type(ty, type_name)),
    }
    if spec.precision.is_some() {
        return Err(Error::value("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_0 {
        return Err(Error::value("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let lay = spec.layout('>');
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(Error::value("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(Error::value("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let Some(n) = v.to_i64() else {
            return Err(Error::overflow("Python int too large to convert to C long"));
        };
        let c = u32::try_from(n).ok().and_then(char::from_u32);
        let Some(c) = c else {
            return Err(Error::overflow("%c arg not in range(0x110000)"));
        };
        return Ok(render_number(false, "", &c.to_string(), 0, 0, ',', &lay));
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let magnitude = v.magnitude();
    let mut digits = if base == 10 {
        int_to_decimal_string(&BigInt::from(magnitude.clone()), spec.max_str_digits)?
    } else {
        magnitude.to_str_radix(base)
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if spec.alternate { prefix } else { "" };
    let sep = if ty == 'n' { ',' } else { spec.grouping.unwrap_or(',') };
    let n = digits.len();
    Ok(render_number(v.sign() == Sign::Minus, prefix, &digits, n, group, sep, &lay))
}

/// `format(x, spec)` for a `float` (types e E f F g G n % and none).
pub fn format_float(x: f64, spec: &Spec, type_name: &str) -> Result<String> {
    let ty = spec.ty.unwrap_or('\0');
    let group = spec.group_size(ty)?;
    if !matches!(ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
        return Err(unknown_type(ty, type_name));
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(Error::value("precision too big"));
    }
    let mut flags = DtsFlags { alt: spec.alternate, no_neg_0: spec.no_neg_0, ..DtsFlags::default() };
    let (body, pct) = float_body(x, spec.ty, spec.precision, &mut flags);
    let (negative, body) = match body.strip_prefix('-') {
        Some(b) => (true, b.to_string()),
        None => (false, body),
    };
    let body = if pct { body + "%" } else { body };
    let n_digits = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    let lay = spec.layout('>');
    Ok(render_number(negative, "", &body, n_digits, group, spec.grouping.unwrap_or(','), &lay))
}

/// `format(complex(re, im), spec)` (types e E f F g G n and none).
pub fn format_complex(re: f64, im: f64, spec: &Spec, type_name: &str) -> Result<String> {
    let ty = spec.ty.unwrap_or('\0');
    let group = spec.group_size(ty)?;
    if !matches!(ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
        return Err(unknown_type(ty, type_name));
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(Error::value("precision too big"));
    }
    let lay = spec.layout('>');
    if lay.fill == '0' {
        return Err(Error::value("Zero padding is not allowed in complex format specifier"));
    }
    if lay.align == '=' {
        return Err(Error::value("'=' alignment flag is not allowed in complex format specifier"));
    }
    let mut skip_re = false;
    let mut parens = false;
    if ty == '\0' {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    let sep = spec.grouping.unwrap_or(',');
    let part = |x: f64, sign: char| {
        let mut flags = DtsFlags { alt: spec.alternate, no_neg_0: spec.no_neg_0, ..DtsFlags::default() };
        // The empty type formats like repr (or 'g' with a precision), without ".0".
        let body = match (ty, spec.precision) {
            ('\0', None) => double_to_string(x, 'r', 0, flags),
            ('\0', Some(p)) => double_to_string(x, 'g', p, flags),
            _ => float_body(x, Some(ty), spec.precision, &mut flags).0,
        };
        let (negative, body) = match body.strip_prefix('-') {
            Some(b) => (true, b.to_string()),
            None => (false, body),
        };
        let n_digits = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
        let lay = Layout { fill: ' ', align: '<', sign, width: 0 };
        render_number(negative, "", &body, n_digits, group, sep, &lay)
    };
    let sign = spec.sign.unwrap_or('-');
    let mut s = String::new();
    if parens {
        s.push('(');
    }
    if !skip_re {
        s.push_str(&part(re, sign));
    }
    s.push_str(&part(im, if skip_re { sign } else { '+' }));
    s.push('j');
    if parens {
        s.push(')');
    }
    let len = s.chars().count();
    Ok(pad(&s, len, lay.width, lay.align, lay.fill))
}

/// `repr(complex(re, im))` / `str(...)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    format_complex(re, im, &Spec::default(), "complex").unwrap_or_default()
}

/// Parses `spec` and formats `v` as `format(int, spec)`.
pub fn format_int_spec(v: &BigInt, spec: &str, type_name: &str) -> Result<String> {
    format_int(v, &Spec::parse(spec, type_name)?, type_name)
}

/// Parses `spec` and formats `x` as `format(float, spec)`.
pub fn format_float_spec(x: f64, spec: &str, type_name: &str) -> Result<String> {
    format_float(x, &Spec::parse(spec, type_name)?, type_name)
}

/// Parses `spec` and formats `s` as `format(str, spec)`.
pub fn format_str_spec(s: &str, spec: &str, type_name: &str) -> Result<String> {
    format_str(s, &Spec::parse(spec, type_name)?, type_name)
}

/// Parses `spec` and formats `complex(re, im)` as `format(complex, spec)`.
pub fn format_complex_spec(re: f64, im: f64, spec: &str, type_name: &str) -> Result<String> {
    format_complex(re, im, &Spec::parse(spec, type_name)?, type_name)
}
