//! The `unicodedata` module: the Unicode 14.0.0 character database of CPython 3.11
//! (properties from `tables.rs`, generated from python3 itself), character names
//! from the `unicode_names2` crate and normalization from `unicode-normalization`,
//! both limited to the characters Unicode 14.0.0 assigns (the crates carry a newer
//! version). `ucd_3_2_0` is the same interface over the 3.2.0 database, which IDNA
//! and `stringprep` use.

mod tables;

use crate::object::{count_message, Args, PyResult};
use crate::payload;
use crate::gc::{Trace, Tracer};
use crate::value::Value;
use crate::vm::Vm;
use unicode_normalization::UnicodeNormalization;

/// The properties of one code point (indices into tables' name lists; 255: none).
pub(super) struct Record {
    category: u8,
    bidi: u8,
    combining: u8,
    eaw: u8,
    mirrored: u8,
    decimal: u8,
    digit: u8,
}

#[derive(Clone, Copy, PartialEq)]
enum Db {
    Current,
    /// Unicode 3.2.0 (`ucd_3_2_0`).
    Old,
}

/// A `unicodedata.UCD` object: the database of one Unicode version.
pub struct UcdObj {
    db: Db,
}

impl Trace for UcdObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(UcdObj, "unicodedata.UCD", leaf);

const NONE: u8 = 255;

fn record(db: Db, cp: u32) -> &'static Record {
    let (shift, index1, index2): (u32, &[u16], &[u16]) = match db {
        Db::Current => (tables::SHIFT, &tables::INDEX1, &tables::INDEX2),
        Db::Old => (tables::OLD_SHIFT, &tables::OLD_INDEX1, &tables::OLD_INDEX2),
    };
    let block = usize::from(index1.get((cp >> shift) as usize).copied().unwrap_or(0));
    let i = (block << shift) + (cp & ((1 << shift) - 1)) as usize;
    &tables::RECORDS[usize::from(index2.get(i).copied().unwrap_or(0))]
}

/// Whether `db` assigns code point `cp` (CPython treats unassigned ones as having no
/// name, decomposition or normalization).
fn assigned(db: Db, cp: u32) -> bool {
    record(db, cp).category != 0
}

fn decomposition(db: Db, cp: u32) -> &'static str {
    if db == Db::Old && !assigned(db, cp) {
        return "";
    }
    match tables::DECOMPOSITION.binary_search_by_key(&cp, |e| e.0) {
        Ok(i) => tables::DECOMPOSITION[i].1,
        Err(_) => "",
    }
}

fn numeric(db: Db, cp: u32) -> Option<f64> {
    let table: &[(u32, f64)] = if db == Db::Old { &tables::OLD_NUMERIC } else { &tables::NUMERIC };
    table.binary_search_by_key(&cp, |e| e.0).ok().map(|i| table[i].1)
}

/// The name of `cp`, None when `db` gives it none.
fn char_name(db: Db, cp: u32) -> Option<String> {
    if !assigned(db, cp) {
        return None;
    }
    Some(unicode_names2::name(char::from_u32(cp)?)?.to_string())
}

/// The character (or named sequence) called `name`, as CPython's `_getcode` finds
/// it: case-insensitive except for the derived Hangul and CJK names, which it
/// recognizes whatever the database; the crate also finds aliases, less those added
/// after Unicode 14.0.0; the 3.2.0 database has no aliases or named sequences.
fn lookup_name(db: Db, name: &str) -> Option<String> {
    let upper = name.to_ascii_uppercase();
    let derived = upper.starts_with("HANGUL SYLLABLE ") || upper.starts_with("CJK UNIFIED IDEOGRAPH-");
    if derived && upper != name {
        return None;
    }
    if let Some(c) = unicode_names2::character(name) {
        let cp = u32::from(c);
        let found = match db {
            _ if derived => assigned(Db::Current, cp),
            Db::Current => assigned(db, cp) && !tables::NEWER_ALIASES.contains(&upper.as_str()),
            Db::Old => char_name(db, cp).is_some_and(|real| real == upper),
        };
        return found.then(|| c.to_string());
    }
    if db == Db::Old {
        return None;
    }
    tables::NAMED_SEQUENCES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, t)| t.to_string())
}

#[derive(Clone, Copy)]
enum Op {
    Lookup,
    Name,
    Decimal,
    Digit,
    Numeric,
    Category,
    Bidirectional,
    Combining,
    EastAsianWidth,
    Mirrored,
    Decomposition,
    Normalize,
    IsNormalized,
}

impl Op {
    const fn name(self) -> &'static str {
        match self {
            Op::Lookup => "lookup",
            Op::Name => "name",
            Op::Decimal => "decimal",
            Op::Digit => "digit",
            Op::Numeric => "numeric",
            Op::Category => "category",
            Op::Bidirectional => "bidirectional",
            Op::Combining => "combining",
            Op::EastAsianWidth => "east_asian_width",
            Op::Mirrored => "mirrored",
            Op::Decomposition => "decomposition",
            Op::Normalize => "normalize",
            Op::IsNormalized => "is_normalized",
        }
    }

    /// (least, most) positional arguments.
    fn arity(self) -> (usize, usize) {
        match self {
            Op::Name | Op::Decimal | Op::Digit | Op::Numeric => (1, 2),
            Op::Normalize | Op::IsNormalized => (2, 2),
            _ => (1, 1),
        }
    }
}

/// A "unicode character" argument: a str of exactly one code point.
fn char_arg(vm: &mut Vm, op: Op, v: Value) -> PyResult<u32> {
    if let Some(s) = v.downcast::<crate::str::StrObj>() {
        if s.len() == 1 {
            return Ok(s.code_point_at(0));
        }
    }
    let arg = if op.arity().1 == 1 { "argument" } else { "argument 1" };
    let m = format!("{}() {arg} must be a unicode character, not {}", op.name(), vm.type_name(v));
    Err(vm.type_error(m))
}

fn str_arg(vm: &mut Vm, op: Op, v: Value, pos: usize) -> PyResult<&'static crate::str::StrObj> {
    match v.downcast::<crate::str::StrObj>() {
        Some(s) => Ok(s),
        None => {
            let m = format!("{}() argument {pos} must be str, not {}", op.name(), vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

/// `name`, `decimal`, `digit`, `numeric`: the value, else the default, else ValueError.
fn or_default(vm: &mut Vm, v: Option<Value>, default: Option<Value>, msg: &str) -> PyResult {
    match (v, default) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(vm.value_error(msg)),
    }
}

fn lookup(vm: &mut Vm, db: Db, arg: Value) -> PyResult {
    let name = match crate::str::as_str(arg) {
        Some(s) => s.to_string(),
        None => match arg.downcast::<crate::bytes::BytesObj>() {
            Some(b) => String::from_utf8_lossy(&b.data).into_owned(),
            None if crate::bytes::buffer_bytes(arg).is_some() => {
                let m = format!("lookup() argument must be read-only bytes-like object, not {}", vm.type_name(arg));
                return Err(vm.type_error(m));
            }
            None => {
                let m = format!("a bytes-like object is required, not '{}'", vm.type_name(arg));
                return Err(vm.type_error(m));
            }
        },
    };
    if name.len() > 256 {
        let k = crate::str::alloc_str(vm, "name too long");
        return Err(vm.key_error(k));
    }
    match lookup_name(db, &name) {
        Some(text) => Ok(crate::str::new_str(vm, text)),
        None => {
            let k = crate::str::new_str(vm, format!("undefined character name '{name}'"));
            Err(vm.key_error(k))
        }
    }
}

fn normalize(vm: &mut Vm, db: Db, op: Op, args: &[Value]) -> PyResult {
    let form = str_arg(vm, op, args[0], 1)?.as_str();
    let text = str_arg(vm, op, args[1], 2)?;
    let Some(form) = Form::parse(form) else {
        return Err(vm.value_error("invalid normalization form"));
    };
    let cps = text.code_points();
    let out = normalize_code_points(db, form, &cps);
    match op {
        Op::IsNormalized => Ok(vm.bool(out == cps)),
        _ if out == cps => Ok(args[1]),
        _ => Ok(crate::str::from_code_points(vm, &out)),
    }
}

#[derive(Clone, Copy)]
enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

impl Form {
    fn parse(s: &str) -> Option<Form> {
        Some(match s {
            "NFC" => Form::Nfc,
            "NFD" => Form::Nfd,
            "NFKC" => Form::Nfkc,
            "NFKD" => Form::Nfkd,
            _ => return None,
        })
    }
}

/// Normalizes `cps` with `db`'s data. The crate knows a newer Unicode version, so
/// the text is cut at each code point Unicode 14.0 does not assign (and each lone
/// surrogate): those have combining class 0 and no decomposition, so nothing
/// reorders or composes across them and each piece normalizes on its own.
fn normalize_code_points(db: Db, form: Form, cps: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(cps.len());
    let mut piece = String::new();
    let flush = |piece: &mut String, out: &mut Vec<u32>| {
        let chars: Box<dyn Iterator<Item = char>> = match form {
            Form::Nfc => Box::new(piece.nfc()),
            Form::Nfd => Box::new(piece.nfd()),
            Form::Nfkc => Box::new(piece.nfkc()),
            Form::Nfkd => Box::new(piece.nfkd()),
        };
        out.extend(chars.map(u32::from));
        piece.clear();
    };
    for &cp in cps {
        let cp = if db == Db::Old { old_correction(cp) } else { cp };
        match char::from_u32(cp) {
            Some(c) if normalizable(db, cp) => piece.push(c),
            _ => {
                flush(&mut piece, &mut out);
                out.push(cp);
            }
        }
    }
    flush(&mut piece, &mut out);
    out
}

/// Whether `cp` takes part in normalization with `db`: CPython's 3.2.0 database
/// does not decompose what 3.2.0 did not assign, but reorders and composes with the
/// current combining classes.
fn normalizable(db: Db, cp: u32) -> bool {
    assigned(Db::Current, cp) && (db == Db::Current || assigned(db, cp) || decomposition(Db::Current, cp).is_empty())
}

/// The character 3.2.0 decomposes `cp` to where later versions corrected it.
fn old_correction(cp: u32) -> u32 {
    tables::OLD_CORRECTIONS.iter().find(|e| e.0 == cp).map_or(cp, |e| e.1)
}

/// Runs `op` on `args` (self removed) against `db`; `owner` names the callable in
/// argument-count errors ("unicodedata" or "UCD").
fn dispatch(vm: &mut Vm, db: Db, op: Op, args: Args, owner: &str) -> PyResult {
    let (min, max) = op.arity();
    let qual = format!("{owner}.{}", op.name());
    args.no_kw(vm, &qual)?;
    let a = args.vals;
    if a.len() < min || a.len() > max {
        let fname = if max == 1 { qual.as_str() } else { op.name() };
        return Err(vm.type_error(count_message(fname, min, max, a.len())));
    }
    let default = a.get(1).copied();
    match op {
        Op::Lookup => return lookup(vm, db, a[0]),
        Op::Normalize | Op::IsNormalized => return normalize(vm, db, op, a),
        _ => {}
    }
    let cp = char_arg(vm, op, a[0])?;
    let r = record(db, cp);
    match op {
        Op::Name => {
            let v = match char_name(db, cp) {
                Some(n) => Some(crate::str::new_str(vm, n)),
                None => None,
            };
            or_default(vm, v, default, "no such name")
        }
        Op::Decimal => {
            let v = (r.decimal != NONE).then(|| Value::small(i64::from(r.decimal)));
            or_default(vm, v, default, "not a decimal")
        }
        Op::Digit => {
            let v = (r.digit != NONE).then(|| Value::small(i64::from(r.digit)));
            or_default(vm, v, default, "not a digit")
        }
        Op::Numeric => {
            let v = match numeric(db, cp) {
                Some(x) => Some(crate::float::new_float(vm, x)),
                None => None,
            };
            or_default(vm, v, default, "not a numeric character")
        }
        Op::Category => Ok(vm.intern(tables::CATEGORIES[usize::from(r.category)])),
        Op::Bidirectional => Ok(vm.intern(tables::BIDI[usize::from(r.bidi)])),
        Op::EastAsianWidth => Ok(vm.intern(tables::EAW[usize::from(r.eaw)])),
        Op::Combining => Ok(Value::small(i64::from(r.combining))),
        Op::Mirrored => Ok(Value::small(i64::from(r.mirrored))),
        Op::Decomposition => Ok(crate::str::alloc_str(vm, decomposition(db, cp))),
        Op::Lookup | Op::Normalize | Op::IsNormalized => unreachable!("handled above"),
    }
}

fn ucd_db(vm: &mut Vm, v: Value) -> PyResult<Db> {
    match v.downcast::<UcdObj>() {
        Some(u) => Ok(u.db),
        None => {
            let m = format!("descriptor requires a 'unicodedata.UCD' object but received a '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

/// Defines, for each operation, the module function and the `UCD` method.
macro_rules! entry_points {
    ($($op:ident: $module_fn:ident, $method:ident;)*) => {
        $(
            fn $module_fn(vm: &mut Vm, args: Args) -> PyResult {
                dispatch(vm, Db::Current, Op::$op, args, "unicodedata")
            }
            fn $method(vm: &mut Vm, args: Args) -> PyResult {
                let db = ucd_db(vm, args.vals[0])?;
                dispatch(vm, db, Op::$op, args.shift(), "UCD")
            }
        )*
        const FUNCTIONS: &[(&str, crate::object::NativeFn, crate::object::NativeFn)] =
            &[$((Op::$op.name(), $module_fn, $method)),*];
    };
}

entry_points! {
    Lookup: m_lookup, u_lookup;
    Name: m_name, u_name;
    Decimal: m_decimal, u_decimal;
    Digit: m_digit, u_digit;
    Numeric: m_numeric, u_numeric;
    Category: m_category, u_category;
    Bidirectional: m_bidirectional, u_bidirectional;
    Combining: m_combining, u_combining;
    EastAsianWidth: m_east_asian_width, u_east_asian_width;
    Mirrored: m_mirrored, u_mirrored;
    Decomposition: m_decomposition, u_decomposition;
    Normalize: m_normalize, u_normalize;
    IsNormalized: m_is_normalized, u_is_normalized;
}

fn ucd_new(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.type_error("cannot create 'unicodedata.UCD' instances"))
}

fn ucd_version(vm: &mut Vm, v: Value) -> PyResult {
    let db = ucd_db(vm, v)?;
    Ok(crate::str::alloc_str(vm, if db == Db::Old { "3.2.0" } else { "14.0.0" }))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    use crate::typeobj::{add_getter, add_method, add_static, new_static_type, set_attr_raw};
    let obj = vm.t.object;
    let t = new_static_type(vm, "unicodedata.UCD", obj, 0);
    super::array::short_qualname(t);
    vm.extra_roots.push(t);
    let modname = vm.intern("unicodedata");
    set_attr_raw(vm, t, "__module__", modname)?;
    add_static(vm, t, "__new__", ucd_new);
    add_getter(vm, t, "unidata_version", ucd_version);
    for &(name, module_fn, method) in FUNCTIONS {
        add_method(vm, t, name, method);
        super::add_functions(vm, m, &[(name, module_fn)])?;
    }
    super::set_attr(vm, m, "UCD", t)?;
    let old = vm.alloc(t, UcdObj { db: Db::Old });
    super::set_attr(vm, m, "ucd_3_2_0", old)?;
    let version = crate::str::alloc_str(vm, "14.0.0");
    super::set_attr(vm, m, "unidata_version", version)
}
