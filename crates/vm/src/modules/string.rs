//! The `_string` module behind `string.Formatter`: `formatter_parser` and
//! `formatter_field_name_split`, following CPython's
//! Objects/stringlib/unicode_format.h (MarkupIterator, FieldNameIterator): the
//! same splitting, the same errors, raised lazily while iterating.
//!
//! Positions are byte offsets: every delimiter the parser looks for is ASCII.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyErr, PyResult};
use crate::payload;
use crate::typeobj::{add_method, new_static_type};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

pub struct FormatIter {
    s: Value,
    pos: Cell<usize>,
    /// A field name iterator (`.attr` / `[key]` parts) rather than a markup one.
    field_names: bool,
}

impl Trace for FormatIter {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.s);
    }
}
payload!(FormatIter, "formatteriterator");

thread_local! {
    static TYPES: Cell<[Value; 2]> = const { Cell::new([Value::NULL; 2]) };
}

/// One step of the markup parser: literal text, then the field that follows it
/// (name, format spec, conversion), if any.
struct Markup<'a> {
    literal: &'a str,
    field: Option<(&'a str, &'a str, Option<char>)>,
}

fn next_markup<'a>(s: &'a str, pos: &mut usize) -> Result<Option<Markup<'a>>, &'static str> {
    let b = s.as_bytes();
    let end = b.len();
    if *pos >= end {
        return Ok(None);
    }
    let start = *pos;
    let mut c = 0u8;
    let mut markup = false;
    while *pos < end {
        c = b[*pos];
        *pos += 1;
        if c == b'{' || c == b'}' {
            markup = true;
            break;
        }
    }
    let at_end = *pos >= end;
    let mut len = *pos - start;
    if c == b'}' && markup && (at_end || b[*pos] != b'}') {
        return Err("Single '}' encountered in format string");
    }
    if at_end && c == b'{' && markup {
        return Err("Single '{' encountered in format string");
    }
    if !at_end && markup {
        if b[*pos] == c {
            *pos += 1;
            markup = false;
        } else {
            len -= 1;
        }
    }
    let literal = &s[start..start + len];
    if !markup {
        return Ok(Some(Markup { literal, field: None }));
    }
    let field = parse_field(s, pos)?;
    Ok(Some(Markup { literal, field: Some(field) }))
}

/// `parse_field`: the field name up to `!`, `:` or `}`, then the conversion and
/// the format spec (which may nest braces).
fn parse_field<'a>(s: &'a str, pos: &mut usize) -> Result<(&'a str, &'a str, Option<char>), &'static str> {
    let b = s.as_bytes();
    let end = b.len();
    let name_start = *pos;
    let mut c = 0u8;
    while *pos < end {
        c = b[*pos];
        *pos += 1;
        match c {
            b'{' => return Err("unexpected '{' in field name"),
            b'[' => {
                while *pos < end && b[*pos] != b']' {
                    *pos += 1;
                }
                continue;
            }
            b'}' | b':' | b'!' => break,
            _ => continue,
        }
    }
    if c != b'}' && c != b':' && c != b'!' {
        return Err("expected '}' before end of string");
    }
    let name = &s[name_start..*pos - 1];
    if c == b'}' {
        return Ok((name, "", None));
    }
    let mut conversion = None;
    if c == b'!' {
        if *pos >= end {
            return Err("end of string while looking for conversion specifier");
        }
        let ch = s[*pos..].chars().next().unwrap_or('\0');
        *pos += ch.len_utf8();
        conversion = Some(ch);
        if *pos < end {
            let c2 = b[*pos];
            *pos += 1;
            if c2 == b'}' {
                return Ok((name, "", conversion));
            }
            if c2 != b':' {
                return Err("expected ':' after conversion specifier");
            }
        }
    }
    let spec_start = *pos;
    let mut count = 1;
    while *pos < end {
        let c = b[*pos];
        *pos += 1;
        if c == b'{' {
            count += 1;
        } else if c == b'}' {
            count -= 1;
            if count == 0 {
                return Ok((name, &s[spec_start..*pos - 1], conversion));
            }
        }
    }
    Err("unmatched '{' in format spec")
}

/// `get_integer`: the value of an all-decimal-digit string; None otherwise.
fn get_integer(vm: &mut Vm, s: &str) -> PyResult<Option<Value>> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    match s.parse::<i64>() {
        Ok(n) => Ok(Some(crate::int::from_i64(vm, n))),
        Err(_) => Err(vm.value_error("Too many decimal digits in format string")),
    }
}

/// A str, or an int when it is all digits.
fn name_or_index(vm: &mut Vm, s: &str) -> PyResult {
    match get_integer(vm, s)? {
        Some(i) => Ok(i),
        None => Ok(crate::str::new_str(vm, s.to_string())),
    }
}

/// One `.attr` or `[key]` part of a field name: (is_attribute, name).
fn next_field_part<'a>(s: &'a str, pos: &mut usize) -> Result<Option<(bool, &'a str)>, &'static str> {
    let b = s.as_bytes();
    let end = b.len();
    if *pos >= end {
        return Ok(None);
    }
    let c = b[*pos];
    *pos += 1;
    let (is_attr, name) = match c {
        b'.' => {
            let start = *pos;
            while *pos < end && b[*pos] != b'[' && b[*pos] != b'.' {
                *pos += 1;
            }
            (true, &s[start..*pos])
        }
        b'[' => {
            let start = *pos;
            while *pos < end && b[*pos] != b']' {
                *pos += 1;
            }
            if *pos >= end {
                return Err("Missing ']' in format string");
            }
            *pos += 1;
            (false, &s[start..*pos - 1])
        }
        _ => return Err("Only '.' or '[' may follow ']' in format field specifier"),
    };
    if name.is_empty() {
        return Err("Empty attribute in format string");
    }
    Ok(Some((is_attr, name)))
}

fn str_arg(vm: &mut Vm, v: Value) -> PyResult<&'static str> {
    match crate::str::as_str(v) {
        Some(s) if v.is::<crate::str::StrObj>() => Ok(s),
        _ => {
            let m = format!("expected str, got {}", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

fn opt_str(vm: &mut Vm, s: Option<&str>) -> Value {
    match s {
        Some(s) => crate::str::new_str(vm, s.to_string()),
        None => vm.none,
    }
}

fn iter_next_value(vm: &mut Vm, it: &FormatIter) -> PyResult<Option<Value>> {
    let s = crate::str::as_str(it.s).unwrap_or("");
    let mut pos = it.pos.get();
    if it.field_names {
        let r = next_field_part(s, &mut pos);
        it.pos.set(pos);
        return match r {
            Err(m) => Err(vm.value_error(m)),
            Ok(None) => Ok(None),
            Ok(Some((is_attr, name))) => {
                let n = if is_attr { crate::str::new_str(vm, name.to_string()) } else { name_or_index(vm, name)? };
                let b = vm.bool(is_attr);
                Ok(Some(crate::tuple::new_tuple(vm, vec![b, n])))
            }
        };
    }
    let r = next_markup(s, &mut pos);
    it.pos.set(pos);
    match r {
        Err(m) => Err(vm.value_error(m)),
        Ok(None) => Ok(None),
        Ok(Some(m)) => {
            let lit = crate::str::new_str(vm, m.literal.to_string());
            let (name, spec, conv) = match m.field {
                Some((n, sp, cv)) => (Some(n), Some(sp), cv.map(|c| c.to_string())),
                None => (None, None, None),
            };
            let name = opt_str(vm, name);
            let spec = opt_str(vm, spec);
            let conv = opt_str(vm, conv.as_deref());
            Ok(Some(crate::tuple::new_tuple(vm, vec![lit, name, spec, conv])))
        }
    }
}

fn fi_next(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__next__", 1, 1)?;
    let Some(it) = args.vals[0].downcast::<FormatIter>() else { return Err(vm.type_error("not a formatter iterator")) };
    match iter_next_value(vm, it)? {
        Some(v) => Ok(v),
        None => Err(PyErr(crate::call::call(vm, vm.e.stop_iteration, &[])?)),
    }
}

fn fi_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(a[0])
}

fn formatter_parser(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "formatter_parser", 1, 1)?;
    str_arg(vm, a[0])?;
    let t = TYPES.with(|c| c.get())[0];
    Ok(vm.alloc(t, FormatIter { s: a[0], pos: Cell::new(0), field_names: false }))
}

fn formatter_field_name_split(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "formatter_field_name_split", 1, 1)?;
    let s = str_arg(vm, a[0])?;
    let first_end = s.find(['.', '[']).unwrap_or(s.len());
    let first = name_or_index(vm, &s[..first_end])?;
    let t = TYPES.with(|c| c.get())[1];
    let it = vm.alloc(t, FormatIter { s: a[0], pos: Cell::new(first_end), field_names: true });
    Ok(crate::tuple::new_tuple(vm, vec![first, it]))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let obj = vm.t.object;
    let mut ts = [Value::NULL; 2];
    for (i, name) in ["formatteriterator", "fieldnameiterator"].iter().enumerate() {
        let t = new_static_type(vm, name, obj, 0);
        add_method(vm, t, "__iter__", fi_iter);
        add_method(vm, t, "__next__", fi_next);
        vm.extra_roots.push(t);
        ts[i] = t;
    }
    TYPES.with(|c| c.set(ts));
    super::add_functions(vm, m, &[("formatter_parser", formatter_parser), ("formatter_field_name_split", formatter_field_name_split)])
}
