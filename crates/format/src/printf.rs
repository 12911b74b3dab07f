//! `%`-formatting of `str` (printf style), as CPython 3.11's `PyUnicode_Format`.
//!
//! A conversion is `%[(key)][flags][width][.precision][h|l|L]type` with flags
//! `# 0 - + space`, width/precision digits or `*` (taken from the arguments;
//! a negative `*` width left-justifies, a negative precision counts as 0), and
//! types `d i u o x X e E f F g G c r s a`; `%%` right after `%` is a literal
//! percent. [`format_printf`] drives the whole operation in CPython's order
//! (key lookup, `*` arguments, the value, then the type check) through the
//! [`PrintfArgs`] trait, so errors come out as CPython raises them; the
//! `printf_*` helpers render one value.

use crate::float_repr::{double_to_string, DtsFlags};
use crate::parse::int_to_decimal_string;
use crate::{Error, Result};
use num_bigint::{BigInt, Sign};

/// The `# 0 - + space` flags of one conversion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// '-'
    pub ljust: bool,
    /// '+'
    pub sign: bool,
    /// ' '
    pub blank: bool,
    /// '#'
    pub alt: bool,
    /// '0'
    pub zero: bool,
}

/// A width or precision as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Fixed(usize),
    /// `*`: taken from the next argument.
    Star,
}

/// One piece of a parsed format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text copied as is.
    Literal(&'a str),
    /// `%%`.
    Percent,
    Conversion(RawConversion<'a>),
}

/// A conversion as parsed, before `*` counts are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawConversion<'a> {
    /// `%(key)s`
    pub key: Option<&'a str>,
    pub flags: Flags,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    /// The type character, or the error CPython raises once the `*`
    /// arguments are fetched ("incomplete format", "width too big", ...).
    pub conv: std::result::Result<char, Error>,
    /// Character index of the type character (for "unsupported format character").
    pub index: usize,
}

/// A conversion ready to render: `*` resolved, negative width turned into '-'.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConvSpec {
    pub flags: Flags,
    pub width: Option<usize>,
    pub precision: Option<usize>,
    /// One of `d i u o x X e E f F g G c r s a`.
    pub conv: char,
}

/// Splits a format string into pieces. Only "incomplete format key" is
/// reported here; other syntax errors travel in [`RawConversion::conv`].
pub fn parse_printf(fmt: &str) -> Result<Vec<Piece<'_>>> {
    let mut pieces = Vec::new();
    let idx: Vec<(usize, char)> = fmt.char_indices().collect();
    let byte_at = |i: usize| idx.get(i).map_or(fmt.len(), |p| p.0);
    let mut i = 0;
    while i < idx.len() {
        if idx[i].1 != '%' {
            let start = i;
            while i < idx.len() && idx[i].1 != '%' {
                i += 1;
            }
            pieces.push(Piece::Literal(&fmt[byte_at(start)..byte_at(i)]));
            continue;
        }
        i += 1;
        if idx.get(i).map(|p| p.1) == Some('%') {
            pieces.push(Piece::Percent);
            i += 1;
            continue;
        }
        let (conv, next) = parse_conversion(fmt, &idx, i)?;
        pieces.push(Piece::Conversion(conv));
        i = next;
    }
    Ok(pieces)
}

/// Parses the conversion starting at char index `i` (just after '%').
fn parse_conversion<'a>(fmt: &'a str, idx: &[(usize, char)], mut i: usize) -> Result<(RawConversion<'a>, usize)> {
    let byte_at = |i: usize| idx.get(i).map_or(fmt.len(), |p| p.0);
    let mut key = None;
    let mut ch = '\0';
    if idx.get(i).map(|p| p.1) == Some('(') {
        i += 1;
        let start = i;
        let mut depth = 1;
        while depth > 0 && i < idx.len() {
            ch = idx[i].1;
            depth += (ch == '(') as i32 - (ch == ')') as i32;
            i += 1;
        }
        if depth > 0 {
            return Err(Error::value("incomplete format key"));
        }
        key = Some(&fmt[byte_at(start)..byte_at(i - 1)]);
    }
    let mut cur = Cursor { idx, i, ch, exhausted: false };
    let mut flags = Flags::default();
    while cur.read() {
        match cur.ch {
            '-' => flags.ljust = true,
            '+' => flags.sign = true,
            ' ' => flags.blank = true,
            '#' => flags.alt = true,
            '0' => flags.zero = true,
            _ => break,
        }
    }
    let mut deferred: Option<Error> = None;
    let mut width = None;
    let mut precision = None;
    if !cur.exhausted {
        if cur.ch == '*' {
            width = Some(Count::Star);
            cur.read();
        } else if cur.ch.is_ascii_digit() {
            width = Some(Count::Fixed(cur.number(isize::MAX as usize, "width too big", &mut deferred)));
        }
    }
    if !cur.exhausted && cur.ch == '.' {
        precision = Some(Count::Fixed(0));
        if cur.read() {
            if cur.ch == '*' {
                precision = Some(Count::Star);
                cur.read();
            } else if cur.ch.is_ascii_digit() {
                let p = cur.number(i32::MAX as usize, "precision too big", &mut deferred);
                precision = Some(Count::Fixed(p));
            }
        }
    }
    if !cur.exhausted && matches!(cur.ch, 'h' | 'l' | 'L') {
        cur.read();
    }
    let conv = match deferred {
        Some(e) => Err(e),
        None if cur.exhausted => Err(Error::value("incomplete format")),
        None => Ok(cur.ch),
    };
    let i = cur.i;
    Ok((RawConversion { key, flags, width, precision, conv, index: i.saturating_sub(1) }, i))
}

/// Reads a conversion char by char, as CPython's `fmtcnt`/`fmtpos` loop.
struct Cursor<'b> {
    idx: &'b [(usize, char)],
    i: usize,
    /// The last character read.
    ch: char,
    /// A read was attempted past the end.
    exhausted: bool,
}

impl Cursor<'_> {
    fn read(&mut self) -> bool {
        match self.idx.get(self.i) {
            Some(&(_, c)) => {
                self.ch = c;
                self.i += 1;
                true
            }
            None => {
                self.exhausted = true;
                false
            }
        }
    }

    /// Decimal digits starting with the current char; overflow is deferred.
    fn number(&mut self, limit: usize, msg: &str, deferred: &mut Option<Error>) -> usize {
        let mut v = self.ch.to_digit(10).unwrap_or(0) as usize;
        while self.read() && self.ch.is_ascii_digit() {
            let d = self.ch.to_digit(10).unwrap_or(0) as usize;
            if v > (limit - d) / 10 {
                deferred.get_or_insert_with(|| Error::value(msg));
            }
            v = v.saturating_mul(10).saturating_add(d);
        }
        v
    }
}

/// What [`format_printf`] needs from the VM: access to the right operand of
/// `%` and the rendering of one value.
pub trait PrintfArgs {
    type Value;
    type Error: From<Error>;
    /// `Some(len)` when the operand is a tuple, `None` for a single value.
    fn tuple_len(&self) -> Option<usize>;
    /// The tuple item `i`, or the operand itself when it is not a tuple.
    fn item(&mut self, i: usize) -> Self::Value;
    /// CPython's `PyMapping_Check(args) && !tuple && !str` on the operand.
    fn is_mapping(&self) -> bool;
    /// `operand[key]`.
    fn lookup(&mut self, key: &str) -> std::result::Result<Self::Value, Self::Error>;
    /// The value of a `*` argument; must fail with [`err_star_wants_int`]
    /// for non-ints (and OverflowError when it does not fit).
    fn star(&mut self, v: Self::Value) -> std::result::Result<i64, Self::Error>;
    /// The accepted type characters (bytes formatting adds `b`).
    fn conversions(&self) -> &'static str {
        "diuoxXeEfFgGcrsa"
    }
    /// What the messages call the operation: "string" or "bytes" formatting.
    fn what(&self) -> &'static str {
        "string"
    }
    /// Where the output goes (a `String`, or a builder that keeps text the
    /// `&str` view cannot hold).
    type Out: PrintfOut;
    /// Renders one value into `out` (see the `printf_*` helpers and the `err_*` messages).
    fn convert(&mut self, v: Self::Value, spec: &ConvSpec, out: &mut Self::Out) -> std::result::Result<(), Self::Error>;
}

/// The output of [`format_printf`].
pub trait PrintfOut {
    /// Appends text the formatter made.
    fn push_str(&mut self, s: &str);
    /// Appends `piece`, a slice of the format string (literal text between
    /// conversions), so a builder can copy the original text it stands for.
    fn push_literal(&mut self, piece: &str) {
        self.push_str(piece)
    }
}

impl PrintfOut for String {
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s)
    }
}

enum Source<V> {
    /// The operand: next tuple index (or 0/1 for a single value).
    Operand(usize),
    /// The value looked up by the last `%(key)`, if not yet used.
    Keyed(Option<V>),
}

/// `fmt % args` for `str`, driving `args` in CPython's order; the result is
/// appended to `out`.
pub fn format_printf<A: PrintfArgs>(fmt: &str, args: &mut A, out: &mut A::Out) -> std::result::Result<(), A::Error> {
    let len = args.tuple_len();
    let mapping = args.is_mapping();
    let mut src: Source<A::Value> = Source::Operand(0);
    let next = |args: &mut A, src: &mut Source<A::Value>| -> std::result::Result<A::Value, A::Error> {
        match src {
            Source::Operand(i) if *i < len.unwrap_or(1) => {
                *i += 1;
                Ok(args.item(*i - 1))
            }
            Source::Keyed(v) => v.take().ok_or_else(|| err_not_enough_args().into()),
            _ => Err(err_not_enough_args().into()),
        }
    };
    for piece in parse_printf(fmt)? {
        let raw = match piece {
            Piece::Literal(s) => {
                out.push_literal(s);
                continue;
            }
            Piece::Percent => {
                out.push_str("%");
                continue;
            }
            Piece::Conversion(raw) => raw,
        };
        if let Some(key) = raw.key {
            if !mapping {
                return Err(err_requires_mapping().into());
            }
            src = Source::Keyed(Some(args.lookup(key)?));
        }
        let mut flags = raw.flags;
        let width = match raw.width {
            Some(Count::Star) => {
                let v = next(args, &mut src)?;
                let w = args.star(v)?;
                if w < 0 {
                    flags.ljust = true;
                }
                Some(w.unsigned_abs() as usize)
            }
            Some(Count::Fixed(w)) => Some(w),
            None => None,
        };
        let precision = match raw.precision {
            Some(Count::Star) => {
                let v = next(args, &mut src)?;
                let p = args.star(v)?;
                if p > i32::MAX as i64 || p < i32::MIN as i64 {
                    return Err(Error::overflow("Python int too large to convert to C int").into());
                }
                Some(p.max(0) as usize)
            }
            Some(Count::Fixed(p)) => Some(p),
            None => None,
        };
        let conv = raw.conv?;
        let v = next(args, &mut src)?;
        if !args.conversions().contains(conv) {
            return Err(err_unsupported(conv, raw.index).into());
        }
        args.convert(v, &ConvSpec { flags, width, precision, conv }, out)?;
    }
    if let Source::Operand(i) = src {
        if i < len.unwrap_or(1) && !mapping {
            return Err(err_not_all_converted(args.what()).into());
        }
    }
    Ok(())
}

/// TypeError "not enough arguments for format string".
pub fn err_not_enough_args() -> Error {
    Error::type_error("not enough arguments for format string")
}

/// TypeError "not all arguments converted during string formatting" (or bytes).
pub fn err_not_all_converted(what: &str) -> Error {
    Error::type_error(format!("not all arguments converted during {what} formatting"))
}

/// TypeError "format requires a mapping".
pub fn err_requires_mapping() -> Error {
    Error::type_error("format requires a mapping")
}

/// TypeError "* wants int".
pub fn err_star_wants_int() -> Error {
    Error::type_error("* wants int")
}

/// ValueError "unsupported format character 'y' (0x79) at index 3".
pub fn err_unsupported(conv: char, index: usize) -> Error {
    let shown = if (' '..='~').contains(&conv) || conv == '\x1f' { conv } else { '?' };
    Error::value(format!("unsupported format character '{}' (0x{:x}) at index {}", shown, conv as u32, index))
}

/// TypeError "%c requires int or char".
pub fn err_c_requires() -> Error {
    Error::type_error("%c requires int or char")
}

/// OverflowError "%c arg not in range(0x110000)".
pub fn err_c_range() -> Error {
    Error::overflow("%c arg not in range(0x110000)")
}

/// TypeError for `%x`/`%X`/`%o` (and `%c`-less) non-integers:
/// "%x format: an integer is required, not float".
pub fn err_int_required(conv: char, type_name: &str) -> Error {
    Error::type_error(format!("%{} format: an integer is required, not {}", conv, type_name))
}

/// TypeError for `%d`/`%i`/`%u` and float types given a non-number:
/// "%d format: a real number is required, not str".
pub fn err_real_required(conv: char, type_name: &str) -> Error {
    Error::type_error(format!("%{} format: a real number is required, not {}", conv, type_name))
}

/// Pads a rendered number (`unicode_format_arg_output` for d/i/u/o/x/X/e/f/g:
/// sign handling and '0' fill).
fn output(s: &str, spec: &ConvSpec) -> String {
    let f = spec.flags;
    let fill = if f.zero { '0' } else { ' ' };
    let mut body: Vec<char> = s.chars().collect();
    let mut sign = None;
    match body.first() {
        Some(&c) if c == '-' || c == '+' => {
            sign = Some(c);
            body.remove(0);
        }
        _ if f.sign => sign = Some('+'),
        _ if f.blank => sign = Some(' '),
        _ => {}
    }
    let prefix: Vec<char> = if f.alt && matches!(spec.conv, 'x' | 'X' | 'o') { body.drain(..2).collect() } else { Vec::new() };
    let content = sign.is_some() as usize + prefix.len() + body.len();
    let pad = spec.width.unwrap_or(0).saturating_sub(content);
    let mut out = String::new();
    if fill == '0' && !f.ljust {
        out.extend(sign);
        out.extend(&prefix);
        out.extend(std::iter::repeat_n('0', pad));
    } else {
        if !f.ljust {
            out.extend(std::iter::repeat_n(' ', pad));
        }
        out.extend(sign);
        out.extend(&prefix);
    }
    out.extend(&body);
    if f.ljust {
        out.extend(std::iter::repeat_n(' ', pad));
    }
    out
}

/// `%d %i %u %o %x %X` of an int (`_PyUnicode_FormatLong` + padding).
/// `max_str_digits` limits decimal output as `sys.get_int_max_str_digits()`.
pub fn printf_int(v: &BigInt, spec: &ConvSpec, max_str_digits: usize) -> Result<String> {
    let (base, marker) = match spec.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize - 3) {
        return Err(Error::overflow("precision too large"));
    }
    let mut digits = if base == 10 {
        int_to_decimal_string(&BigInt::from(v.magnitude().clone()), max_str_digits)?
    } else {
        v.magnitude().to_str_radix(base)
    };
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let zeros = spec.precision.unwrap_or(0).saturating_sub(digits.len());
    let mut s = String::new();
    if v.sign() == Sign::Minus {
        s.push('-');
    }
    if spec.flags.alt {
        s.push_str(marker);
    }
    s.extend(std::iter::repeat_n('0', zeros));
    s.push_str(&digits);
    let spec = ConvSpec { flags: Flags { alt: spec.flags.alt && base != 10, ..spec.flags }, ..*spec };
    Ok(output(&s, &spec))
}

/// `%e %E %f %F %g %G` of a float (precision 6 by default, '#' alternate form).
pub fn printf_float(x: f64, spec: &ConvSpec) -> String {
    let flags = DtsFlags { alt: spec.flags.alt, ..DtsFlags::default() };
    let s = double_to_string(x, spec.conv, spec.precision.unwrap_or(6), flags);
    output(&s, spec)
}

/// `%s %r %a` of an already converted text (precision truncates), or `%c`
/// of a one-character text.
pub fn printf_str(s: &str, spec: &ConvSpec) -> String {
    let n = s.chars().count();
    let (keep, before, after) = printf_str_layout(n, spec);
    let s = s.char_indices().nth(keep).map_or(s, |(i, _)| &s[..i]);
    let mut out = String::with_capacity(s.len() + before + after);
    out.extend(std::iter::repeat_n(' ', before));
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', after));
    out
}

/// Where `%s %r %a %c` put a text of `nchars` characters: (characters kept,
/// spaces before, spaces after). The precision truncates all but `%c`.
pub fn printf_str_layout(nchars: usize, spec: &ConvSpec) -> (usize, usize, usize) {
    let keep = match spec.precision {
        Some(p) if spec.conv != 'c' => nchars.min(p),
        _ => nchars,
    };
    let pad = spec.width.unwrap_or(0).saturating_sub(keep);
    if spec.flags.ljust {
        (keep, 0, pad)
    } else {
        (keep, pad, 0)
    }
}

/// The code point for `%c` given an int (`Err` with the OverflowError message
/// when out of range); surrogates included.
pub fn printf_char_from_int(v: &BigInt) -> Result<u32> {
    u32::try_from(v).ok().filter(|&c| c < 0x110000).ok_or_else(err_c_range)
}

/// TypeError for float conversions given a non-number: "must be real number, not str".
pub fn err_float_required(type_name: &str) -> Error {
    Error::type_error(format!("must be real number, not {}", type_name))
}
