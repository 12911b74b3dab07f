//! `str.format`, `str.format_map`, `%`-formatting of str, `str.maketrans` and
//! `str.translate`.
//!
//! `str.format` follows CPython's `unicode_format.h`: the format string is
//! scanned lazily (a later syntax error is only reported once the fields
//! before it were rendered), fields are `{name.attr[key]!conv:spec}` with
//! replacement fields nested one level deep inside the spec.

use crate::object::{Args, PyErr, PyResult};
use crate::ops;
use crate::str::{as_str, new_str, slice_value, StrBuilder, StrObj};
use crate::value::Value;
use crate::vm::Vm;
use format::Error as FmtError;

/// One `{...}` replacement field as written.
struct Field<'a> {
    name: &'a str,
    conversion: Option<char>,
    /// The conversion character as written.
    conversion_text: &'a str,
    spec: &'a str,
    /// The spec contains `{`: it is itself formatted first.
    spec_nested: bool,
}

/// CPython's `MarkupIterator`: yields (literal text, field) pairs.
struct Markup<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Markup<'a> {
    fn byte(&self, i: usize) -> Option<u8> {
        self.s.as_bytes().get(i).copied()
    }

    /// The next literal text and the field following it, if any.
    fn next(&mut self) -> Result<Option<(&'a str, Option<Field<'a>>)>, FmtError> {
        if self.pos >= self.s.len() {
            return Ok(None);
        }
        let start = self.pos;
        let mut brace = None;
        while let Some(c) = self.byte(self.pos) {
            self.pos += 1;
            if c == b'{' || c == b'}' {
                brace = Some(c);
                break;
            }
        }
        let Some(c) = brace else { return Ok(Some((&self.s[start..], None))) };
        let next = self.byte(self.pos);
        if c == b'}' && next != Some(b'}') {
            return Err(FmtError::value("Single '}' encountered in format string"));
        }
        if next.is_none() {
            return Err(FmtError::value("Single '{' encountered in format string"));
        }
        if next == Some(c) {
            // An escaped brace: the literal keeps one of them.
            self.pos += 1;
            return Ok(Some((&self.s[start..self.pos - 1], None)));
        }
        let literal = &self.s[start..self.pos - 1];
        let field = self.parse_field()?;
        Ok(Some((literal, Some(field))))
    }

    /// CPython's `parse_field`, just after the opening `{`.
    fn parse_field(&mut self) -> Result<Field<'a>, FmtError> {
        let name_start = self.pos;
        let mut end_char = None;
        while let Some(c) = self.byte(self.pos) {
            self.pos += 1;
            match c {
                b'{' => return Err(FmtError::value("unexpected '{' in field name")),
                b'[' => {
                    while self.byte(self.pos).is_some_and(|c| c != b']') {
                        self.pos += 1;
                    }
                }
                b'}' | b':' | b'!' => {
                    end_char = Some(c);
                    break;
                }
                _ => {}
            }
        }
        let name = &self.s[name_start..self.pos.saturating_sub(1).max(name_start)];
        let mut field = Field { name, conversion: None, conversion_text: "", spec: "", spec_nested: false };
        match end_char {
            Some(b'}') => Ok(field),
            Some(c) => {
                if c == b'!' && self.parse_conversion(&mut field)? {
                    return Ok(field);
                }
                self.parse_spec(&mut field)?;
                Ok(field)
            }
            None => Err(FmtError::value("expected '}' before end of string")),
        }
    }

    /// After `!`: the conversion character; true when the field ends right after it.
    fn parse_conversion(&mut self, field: &mut Field<'a>) -> Result<bool, FmtError> {
        let Some(conv) = self.s[self.pos..].chars().next() else {
            return Err(FmtError::value("end of string while looking for conversion specifier"));
        };
        field.conversion_text = &self.s[self.pos..self.pos + conv.len_utf8()];
        self.pos += conv.len_utf8();
        field.conversion = Some(conv);
        match self.byte(self.pos) {
            None => Ok(false),
            Some(b'}') => {
                self.pos += 1;
                Ok(true)
            }
            Some(b':') => {
                self.pos += 1;
                Ok(false)
            }
            Some(_) => Err(FmtError::value("expected ':' after conversion specifier")),
        }
    }

    /// The format spec up to the matching `}`.
    fn parse_spec(&mut self, field: &mut Field<'a>) -> Result<(), FmtError> {
        let start = self.pos;
        let mut depth = 1;
        while let Some(c) = self.byte(self.pos) {
            self.pos += 1;
            if c == b'{' {
                field.spec_nested = true;
                depth += 1;
            } else if c == b'}' {
                depth -= 1;
                if depth == 0 {
                    field.spec = &self.s[start..self.pos - 1];
                    return Ok(());
                }
            }
        }
        Err(FmtError::value("unmatched '{' in format spec"))
    }
}

/// Where field values come from: positional arguments (None for format_map)
/// and keyword arguments or a mapping.
struct Sources<'a> {
    /// The format string: the `&str` pieces parsed are slices of its text.
    text: &'static StrObj,
    positional: Option<&'a [Value]>,
    keywords: Keywords<'a>,
    /// Automatic numbering: None until decided, Some(true) for `{}` fields.
    auto: Option<bool>,
    next_auto: usize,
}

enum Keywords<'a> {
    Call(Args<'a>),
    Mapping(Value),
}

/// `get_integer`: the decimal value of a field name part, None if not all digits.
fn field_integer(s: &str) -> Result<Option<usize>, FmtError> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = format::text::decimal_value(c) else { return Ok(None) };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|a| *a <= isize::MAX as usize)
            .ok_or_else(|| FmtError::value("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

impl Sources<'_> {
    /// The index of the first part of a field name, applying auto numbering.
    fn first_index(&mut self, first: &str) -> Result<Option<usize>, FmtError> {
        let idx = field_integer(first)?;
        let empty = first.is_empty();
        if empty || idx.is_some() {
            let auto = *self.auto.get_or_insert(empty);
            if auto && !empty {
                return Err(FmtError::value("cannot switch from automatic field numbering to manual field specification"));
            }
            if !auto && empty {
                return Err(FmtError::value("cannot switch from manual field specification to automatic field numbering"));
            }
        }
        if empty {
            self.next_auto += 1;
            return Ok(Some(self.next_auto - 1));
        }
        Ok(idx)
    }

    /// The str a piece of the format string stands for.
    fn piece(&self, vm: &mut Vm, piece: &str) -> Value {
        slice_value(vm, self.text, piece)
    }

    fn lookup_keyword(&self, vm: &mut Vm, key: &str) -> PyResult {
        match self.keywords {
            Keywords::Call(args) if self.text.surrogates().is_none() => match args.kwarg(key) {
                Some(v) => Ok(v),
                None => {
                    let k = new_str(vm, key.to_string());
                    Err(vm.key_error(k))
                }
            },
            Keywords::Call(args) => {
                let k = self.piece(vm, key);
                let found = args.kw().find(|(n, _)| crate::str::text_eq(*n, k)).map(|(_, v)| v);
                found.ok_or_else(|| vm.key_error(k))
            }
            Keywords::Mapping(m) => {
                let k = self.piece(vm, key);
                ops::getitem(vm, m, k)
            }
        }
    }

    fn lookup_positional(&self, vm: &mut Vm, i: usize) -> PyResult {
        let Some(pos) = self.positional else {
            return Err(vm.value_error("Format string contains positional fields"));
        };
        match pos.get(i) {
            Some(v) => Ok(*v),
            None => Err(vm.index_error(format!("Replacement index {i} out of range for positional args tuple"))),
        }
    }
}

/// `get_field_object`: the value a field name designates.
fn field_value(vm: &mut Vm, src: &mut Sources, name: &str) -> PyResult {
    let split = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(split);
    let idx = src.first_index(first).map_err(|e| crate::number::fmt_err(vm, e))?;
    let mut obj = match idx {
        Some(i) => src.lookup_positional(vm, i)?,
        None => src.lookup_keyword(vm, first)?,
    };
    while !rest.is_empty() {
        let (is_attr, part, after) = next_name_part(rest).map_err(|e| crate::number::fmt_err(vm, e))?;
        rest = after;
        obj = if is_attr {
            let n = src.piece(vm, part);
            crate::attr::getattr(vm, obj, n)?
        } else {
            let key = match field_integer(part).map_err(|e| crate::number::fmt_err(vm, e))? {
                Some(i) => crate::int::from_usize(vm, i),
                None => src.piece(vm, part),
            };
            ops::getitem(vm, obj, key)?
        };
    }
    Ok(obj)
}

/// `FieldNameIterator_next`: (is attribute, name, remaining text).
fn next_name_part(rest: &str) -> Result<(bool, &str, &str), FmtError> {
    let (is_attr, part, after) = match rest.as_bytes()[0] {
        b'.' => {
            let body = &rest[1..];
            let end = body.find(['.', '[']).unwrap_or(body.len());
            (true, &body[..end], &body[end..])
        }
        b'[' => {
            let body = &rest[1..];
            let Some(end) = body.find(']') else {
                return Err(FmtError::value("Missing ']' in format string"));
            };
            (false, &body[..end], &body[end + 1..])
        }
        _ => return Err(FmtError::value("Only '.' or '[' may follow ']' in format field specifier")),
    };
    if part.is_empty() {
        return Err(FmtError::value("Empty attribute in format string"));
    }
    Ok((is_attr, part, after))
}

/// `do_conversion` for `!r`, `!s`, `!a` (`c` is the conversion's code point).
fn convert_field(vm: &mut Vm, v: Value, c: u32) -> PyResult {
    match char::from_u32(c) {
        Some('r') => ops::repr(vm, v),
        Some('s') => ops::str(vm, v),
        Some('a') => ops::ascii(vm, v),
        Some(ch) if c > 32 && c < 127 => Err(vm.value_error(format!("Unknown conversion specifier {ch}"))),
        _ => Err(vm.value_error(format!("Unknown conversion specifier \\x{c:x}"))),
    }
}

/// The fill code point of a format spec str, `fill` being the one parsed from
/// its U+FFFD rendering: a U+FFFD fill may stand for a lone surrogate.
pub fn spec_fill(spec: Value, fill: char) -> u32 {
    match spec.downcast::<StrObj>() {
        Some(so) if fill == '\u{fffd}' && so.surrogates().is_some() => so.code_point_at(0),
        _ => fill as u32,
    }
}

/// The str of `format(number, spec)` rendered as `text`. A valid number spec
/// holds a lone surrogate only as its fill (parsed as U+FFFD), and the number
/// renderers never write U+FFFD themselves: each U+FFFD of `text` is then the fill.
pub fn number_formatted(vm: &mut Vm, text: String, spec: Value) -> Value {
    match spec.downcast::<StrObj>() {
        Some(so) if so.surrogates().is_some() && text.contains('\u{fffd}') => {
            let fill = so.code_point_at(0);
            crate::str::fill_fffd(vm, &text, || fill)
        }
        _ => new_str(vm, text),
    }
}

/// `output_markup`: renders one field into `out`.
fn render_field(vm: &mut Vm, src: &mut Sources, field: &Field, depth: u32, out: &mut StrBuilder) -> PyResult<()> {
    let mut v = field_value(vm, src, field.name)?;
    if let Some(c) = field.conversion {
        let c = if c == '\u{fffd}' { crate::str::code_points(src.text.wtf8_of(field.conversion_text)).next().unwrap_or(0) } else { c as u32 };
        v = convert_field(vm, v, c)?;
    }
    let spec = if field.spec_nested {
        let mut b = StrBuilder::with_capacity(field.spec.len());
        build_string(vm, src, field.spec, depth - 1, &mut b)?;
        b.finish(vm)
    } else {
        src.piece(vm, field.spec)
    };
    let r = ops::format(vm, v, spec)?;
    out.push_value(r);
    Ok(())
}

/// `build_string`: formats `fmt` (a slice of `src.text`) into `out` with at
/// most `depth` levels of nesting.
fn build_string(vm: &mut Vm, src: &mut Sources, fmt: &str, depth: u32, out: &mut StrBuilder) -> PyResult<()> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut markup = Markup { s: fmt, pos: 0 };
    while let Some((literal, field)) = markup.next().map_err(|e| crate::number::fmt_err(vm, e))? {
        out.push_slice_of(src.text, literal);
        if let Some(f) = field {
            render_field(vm, src, &f, depth, out)?;
        }
    }
    Ok(())
}

/// `text.format(...)` / `text.format_map(...)` with values from `src`.
fn format_with(vm: &mut Vm, text: Value, keywords: Keywords, positional: Option<&[Value]>) -> PyResult {
    let so = text.downcast::<StrObj>().expect("str");
    let mut src = Sources { text: so, positional, keywords, auto: None, next_auto: 0 };
    let mut out = StrBuilder::with_capacity(so.as_str().len());
    build_string(vm, &mut src, so.as_str(), 2, &mut out)?;
    Ok(out.finish(vm))
}

fn str_format(vm: &mut Vm, args: Args) -> PyResult {
    let Some(&fmt) = args.vals.first().filter(|v| v.is::<StrObj>()) else {
        return Err(vm.type_error("descriptor 'format' of 'str' object needs an argument"));
    };
    let pos = &args.pos()[1..];
    format_with(vm, fmt, Keywords::Call(args), Some(pos))
}

fn str_format_map(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::str_methods::margs(vm, &args, "str.format_map", 1, 1)?;
    format_with(vm, a[0], Keywords::Mapping(a[1]), None)
}

/// An error while `%`-formatting: a raised exception or a `format` crate error.
pub enum PrintfError {
    Py(PyErr),
    Fmt(FmtError),
}

impl From<FmtError> for PrintfError {
    fn from(e: FmtError) -> Self {
        PrintfError::Fmt(e)
    }
}

impl From<PyErr> for PrintfError {
    fn from(e: PyErr) -> Self {
        PrintfError::Py(e)
    }
}

impl PrintfError {
    pub fn into_py(self, vm: &mut Vm) -> PyErr {
        match self {
            PrintfError::Py(e) => e,
            PrintfError::Fmt(e) => crate::number::fmt_err(vm, e),
        }
    }
}

/// The right operand of `str % x`, as the format crate sees it.
struct StrPrintf<'v> {
    vm: &'v mut Vm,
    /// The format string: the `&str` pieces parsed are slices of its text.
    text: &'static StrObj,
    operand: Value,
    /// `printf_is_mapping(operand)`, computed up front.
    mapping: bool,
}

/// CPython's test for a `%(key)` operand: has `__getitem__`, is not a tuple or str.
pub fn printf_is_mapping(vm: &mut Vm, v: Value) -> bool {
    let t = vm.type_of(v);
    crate::typeobj::lookup_str(vm, t, "__getitem__").is_some() && !crate::tuple::is_tuple(v) && as_str(v).is_none()
}

/// The `*` width/precision argument: an int that fits in an i64.
pub fn printf_star(vm: &mut Vm, v: Value) -> Result<i64, PrintfError> {
    if !crate::int::is_int(vm, v) {
        return Err(format::printf::err_star_wants_int().into());
    }
    Ok(crate::number::index_i64(vm, v)?)
}

/// `%d %i %u %o %x %X` of any value (`mainformatlong`).
pub fn printf_integer(vm: &mut Vm, v: Value, spec: &format::printf::ConvSpec) -> Result<String, PrintfError> {
    let int = if crate::int::is_int(vm, v) {
        v
    } else {
        let t = vm.type_of(v);
        let is_number = ["__index__", "__int__", "__float__"].iter().any(|n| crate::typeobj::lookup_str(vm, t, n).is_some());
        let wrong = |vm: &mut Vm| {
            let tn = vm.type_name(v);
            if matches!(spec.conv, 'o' | 'x' | 'X') {
                format::printf::err_int_required(spec.conv, &tn)
            } else {
                format::printf::err_real_required(spec.conv, &tn)
            }
        };
        if !is_number {
            return Err(wrong(vm).into());
        }
        let r = if matches!(spec.conv, 'o' | 'x' | 'X') { crate::number::index(vm, v) } else { crate::number::to_int(vm, v) };
        match r {
            Ok(i) => i,
            Err(e) if crate::exceptions::matches(vm, e, vm.e.type_error) => return Err(wrong(vm).into()),
            Err(e) => return Err(e.into()),
        }
    };
    let b = crate::int::to_bigint(vm, int).expect("int");
    Ok(format::printf::printf_int(&b, spec, vm.int_max_str_digits)?)
}

/// `%e %f %g` (and upper-case) of any value: `PyFloat_AsDouble`.
pub fn printf_floating(vm: &mut Vm, v: Value, spec: &format::printf::ConvSpec) -> Result<String, PrintfError> {
    let x = match crate::float::as_f64(v) {
        Some(x) => x,
        None => {
            let t = vm.type_of(v);
            let has = |vm: &mut Vm, n: &'static str| crate::typeobj::lookup_str(vm, t, n).is_some();
            if !has(vm, "__float__") && !has(vm, "__index__") {
                let tn = vm.type_name(v);
                return Err(format::printf::err_float_required(&tn).into());
            }
            crate::float::to_float(vm, v)?
        }
    };
    Ok(format::printf::printf_float(x, spec))
}

impl StrPrintf<'_> {
    /// `%c`: an int code point or a one-character str.
    fn char_arg(&mut self, v: Value) -> Result<u32, PrintfError> {
        if let Some(so) = v.downcast::<StrObj>() {
            return match so.len() {
                1 => Ok(so.code_point_at(0)),
                _ => Err(format::printf::err_c_requires().into()),
            };
        }
        // Any integer-like object, through `__index__` (PyLong_AsLongAndOverflow).
        if !crate::number::has_index(self.vm, v) {
            return Err(format::printf::err_c_requires().into());
        }
        let b = crate::number::index_bigint(self.vm, v)?;
        Ok(format::printf::printf_char_from_int(&b)?)
    }
}

/// The number of `%` operands when the right operand is a tuple (str and bytes
/// `%`-formatting alike); None when it is a single operand.
pub(crate) fn printf_tuple_len(operand: Value) -> Option<usize> {
    crate::tuple::is_tuple(operand).then(|| crate::tuple::items(operand).len())
}

/// The `i`th `%` operand: a tuple's item, or the single operand itself.
pub(crate) fn printf_item(operand: Value, i: usize) -> Value {
    if crate::tuple::is_tuple(operand) {
        crate::tuple::items(operand)[i]
    } else {
        operand
    }
}

impl format::printf::PrintfArgs for StrPrintf<'_> {
    type Value = Value;
    type Error = PrintfError;

    fn tuple_len(&self) -> Option<usize> {
        crate::str_format::printf_tuple_len(self.operand)
    }

    fn item(&mut self, i: usize) -> Value {
        crate::str_format::printf_item(self.operand, i)
    }

    fn is_mapping(&self) -> bool {
        self.mapping
    }

    fn lookup(&mut self, key: &str) -> Result<Value, PrintfError> {
        let k = slice_value(self.vm, self.text, key);
        Ok(ops::getitem(self.vm, self.operand, k)?)
    }

    fn star(&mut self, v: Value) -> Result<i64, PrintfError> {
        printf_star(self.vm, v)
    }

    type Out = StrOut;

    fn convert(&mut self, v: Value, spec: &format::printf::ConvSpec, out: &mut StrOut) -> Result<(), PrintfError> {
        let vm = &mut *self.vm;
        crate::memory::check_size(vm, spec.width.unwrap_or(0))?;
        let text = match spec.conv {
            's' => ops::str(vm, v)?,
            'r' => ops::repr(vm, v)?,
            'a' => ops::ascii(vm, v)?,
            'c' => {
                let cp = self.char_arg(v)?;
                let (_, before, after) = format::printf::printf_str_layout(1, spec);
                out.0.push_code_point_n(u32::from(b' '), before);
                out.0.push_code_point_n(cp, 1);
                out.0.push_code_point_n(u32::from(b' '), after);
                return Ok(());
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                out.0.push_str(&printf_integer(vm, v, spec)?);
                return Ok(());
            }
            _ => {
                out.0.push_str(&printf_floating(vm, v, spec)?);
                return Ok(());
            }
        };
        let so = text.downcast::<StrObj>().expect("str");
        let (keep, before, after) = format::printf::printf_str_layout(so.len(), spec);
        out.0.push_code_point_n(u32::from(b' '), before);
        out.0.push_prefix(so, keep);
        out.0.push_code_point_n(u32::from(b' '), after);
        std::hint::black_box(text);
        Ok(())
    }
}

/// The result of `str % x` being built; literal pieces of the format string
/// (slices of `.1`) are copied as the text they stand for.
struct StrOut(StrBuilder, &'static StrObj);

impl format::printf::PrintfOut for StrOut {
    fn push_str(&mut self, s: &str) {
        self.0.push_str(s)
    }

    fn push_literal(&mut self, piece: &str) {
        self.0.push_slice_of(self.1, piece)
    }
}

/// `fmt % operand` for str.
pub fn printf(vm: &mut Vm, fmt: Value, operand: Value) -> PyResult {
    let text = fmt.downcast::<StrObj>().expect("str");
    let mapping = printf_is_mapping(vm, operand);
    let mut out = StrOut(StrBuilder::with_capacity(text.as_str().len()), text);
    let mut p = StrPrintf { vm, text, operand, mapping };
    match format::printf::format_printf(text.as_str(), &mut p, &mut out) {
        Ok(()) => Ok(out.0.finish(vm)),
        Err(e) => Err(e.into_py(vm)),
    }
}

fn str_mod(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__mod__", 2, 2)?;
    printf(vm, a[0], a[1])
}

/// `str.__rmod__(self, other)` is `other % self`, only meaningful for a str `other`.
fn str_rmod(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__rmod__", 2, 2)?;
    match a[1].is::<StrObj>() {
        true => printf(vm, a[1], a[0]),
        false => Ok(vm.not_implemented),
    }
}
/// `str.maketrans(x[, y[, z]])`.
fn str_maketrans(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "maketrans", 1, 3)?;
    let table = crate::dict::new_dict(vm);
    if a.len() == 1 {
        maketrans_from_dict(vm, table, a[0])?;
        return Ok(table);
    }
    let Some(x) = a[0].downcast::<StrObj>() else {
        return Err(vm.type_error("first maketrans argument must be a string if there is a second argument"));
    };
    crate::str_methods::str_arg(vm, a[1], "maketrans() argument 2")?;
    let y = a[1].downcast::<StrObj>().expect("str");
    if x.len() != y.len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (cx, cy) in x.code_points().into_iter().zip(y.code_points()) {
        crate::dict::set_item(vm, table, Value::small(cx as i64), Value::small(cy as i64))?;
    }
    if let Some(z) = a.get(2) {
        crate::str_methods::str_arg(vm, *z, "maketrans() argument 3")?;
        for c in z.downcast::<StrObj>().expect("str").code_points() {
            let none = vm.none;
            crate::dict::set_item(vm, table, Value::small(c as i64), none)?;
        }
    }
    Ok(table)
}

/// The one-argument form: a dict whose str keys become code points.
fn maketrans_from_dict(vm: &mut Vm, table: Value, src: Value) -> PyResult<()> {
    if !crate::typeobj::is_instance(vm, src, vm.t.dict) {
        return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
    }
    let items = crate::dict::dobj(src).items();
    for (k, v) in items {
        let key = if let Some(s) = k.downcast::<StrObj>() {
            match s.len() {
                1 => Value::small(s.code_point_at(0) as i64),
                _ => return Err(vm.value_error("string keys in translate table must be of length 1")),
            }
        } else if crate::int::is_int(vm, k) {
            k
        } else {
            return Err(vm.type_error("keys in translate table must be strings or integers"));
        };
        crate::dict::set_item(vm, table, key, v)?;
    }
    std::hint::black_box(src);
    Ok(())
}

/// `str.translate(table)`: `table[ord(c)]` per character; LookupError keeps it.
fn str_translate(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::str_methods::margs(vm, &args, "str.translate", 1, 1)?;
    let so = crate::str_methods::recv_obj(&args);
    let mut out = StrBuilder::with_capacity(so.as_str().len());
    for c in so.code_points() {
        let r = match ops::getitem(vm, a[1], Value::small(c as i64)) {
            Ok(r) => r,
            Err(e) if crate::exceptions::matches(vm, e, vm.e.lookup_error) => {
                out.push_code_point_n(c, 1);
                continue;
            }
            Err(e) => return Err(e),
        };
        translate_one(vm, r, &mut out)?;
    }
    Ok(out.finish(vm))
}

/// Appends the replacement a translate table gave (None, an int or a str).
fn translate_one(vm: &mut Vm, r: Value, out: &mut StrBuilder) -> PyResult<()> {
    if r == vm.none {
        return Ok(());
    }
    if r.is::<StrObj>() {
        out.push_value(r);
        return Ok(());
    }
    if !crate::int::is_int(vm, r) {
        return Err(vm.type_error("character mapping must return integer, None or str"));
    }
    let i = crate::int::to_bigint(vm, r).expect("int");
    match u32::try_from(&i).ok().filter(|&c| c < 0x110000) {
        Some(c) => {
            out.push_code_point_n(c, 1);
            Ok(())
        }
        None => Err(vm.value_error("character mapping must be in range(0x110000)")),
    }
}

pub fn init(vm: &mut Vm) {
    use crate::typeobj::{add_method, add_static};
    let t = vm.t.str;
    add_method(vm, t, "format", str_format);
    add_method(vm, t, "format_map", str_format_map);
    add_method(vm, t, "__mod__", str_mod);
    add_method(vm, t, "__rmod__", str_rmod);
    add_method(vm, t, "translate", str_translate);
    add_static(vm, t, "maketrans", str_maketrans);
}
