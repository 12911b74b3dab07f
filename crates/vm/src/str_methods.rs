//! The methods of `str` (the representation is in `str.rs`; the Unicode rules
//! come from the `format` crate).

use crate::object::{Args, PyResult};
use crate::ops;
use crate::str::{as_str, new_str, StrObj};
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::CmpOp;

/// The text of `args.vals[0]` (the receiver of a str method).
pub fn recv(args: &Args) -> &'static str {
    as_str(args.vals[0]).expect("str receiver")
}

/// The str receiver of a method.
pub fn recv_obj(args: &Args) -> &'static StrObj {
    args.vals[0].downcast::<StrObj>().expect("str receiver")
}

/// A list of the strs that `parts`, slices of `so.as_str()`, stand for.
fn slices_to_list(vm: &mut Vm, so: &StrObj, parts: Vec<&str>) -> Value {
    let l = crate::list::new_list(vm, vec![]);
    for p in parts {
        let v = crate::str::slice_value(vm, so, p);
        crate::list::lobj(l).items.borrow_mut().push(v);
    }
    l
}

/// The text of a str argument, or TypeError "<what> must be str, not X".
pub fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'static str> {
    match as_str(v) {
        Some(s) => Ok(s),
        None => Err({ let __arg = format!("{what} must be str, not {}", vm.type_name(v)); vm.type_error(__arg) }),
    }
}

/// The text of a str argument, or TypeError "<prefix> X" (X the type name).
fn str_or(vm: &mut Vm, v: Value, prefix: &str) -> PyResult<&'static str> {
    match as_str(v) {
        Some(s) => Ok(s),
        None => Err({ let __arg = format!("{prefix} {}", vm.type_name(v)); vm.type_error(__arg) }),
    }
}

/// A method's arguments after self, `min..=max` of them, positional only
/// (CPython's argument-clinic wording for the wrong count).
pub fn method_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
    args.no_kw(vm, name)?;
    let a = &args.vals[1..];
    if a.len() < min || a.len() > max {
        return Err(vm.type_error(crate::object::count_message(name, min, max, a.len())));
    }
    Ok(a)
}

/// Checks a method's positional argument count (self excluded) with CPython's
/// message for `name`; returns all the values, self first.
pub fn margs<'a>(vm: &mut Vm, args: &Args<'a>, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
    args.no_kw(vm, name)?;
    let n = args.vals.len() - 1;
    if n < min || n > max {
        return Err(vm.type_error(crate::object::count_message(name, min, max, n)));
    }
    Ok(args.vals)
}

/// For methods taking keywords: "split() takes at most 2 arguments (5 given)".
pub fn kw_max(vm: &mut Vm, args: &Args, name: &str, max: usize) -> PyResult<()> {
    let n = args.pos().len().saturating_sub(1);
    if n > max {
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{name}() takes at most {max} argument{s} ({n} given)")));
    }
    Ok(())
}

/// The `(sub[, start[, end]])` arguments of find/count/startswith...: the
/// arguments after self and the bounds adjusted as CPython's ADJUST_INDICES
/// (start may exceed end or len: the search then finds nothing).
pub fn finds_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str, len: usize) -> PyResult<(Value, i64, i64)> {
    args.no_kw(vm, name)?;
    let a = &args.vals[1..];
    if a.is_empty() {
        return Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if a.len() > 3 {
        return Err(vm.type_error(format!("{name}() takes at most 3 arguments ({} given)", a.len())));
    }
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            Some(v) if *v != vm.none => {
                if !crate::number::has_index(vm, *v) {
                    return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
                }
                crate::number::index_clamped(vm, *v)
            }
            _ => Ok(default),
        }
    };
    let len = len as i64;
    let mut start = bound(vm, a.get(1), 0)?;
    let mut end = bound(vm, a.get(2), i64::MAX)?;
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    Ok((a[0], start, end))
}

fn str_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [obj, encoding, errors] = args.shift().bind(vm, "str", ["object", "encoding", "errors"], 0, 0)?;
    let s = if obj.is_null() {
        vm.empty_str
    } else if encoding.is_null() && errors.is_null() {
        ops::str(vm, obj)?
    } else {
        crate::codecs::decode_value(vm, obj, encoding, errors, "str")?
    };
    if cls == vm.t.str {
        return Ok(s);
    }
    let text = StrObj::copy_of(s.downcast::<StrObj>().unwrap());
    Ok(vm.alloc(cls, text))
}

fn str_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let r = match a[0].downcast::<StrObj>().and_then(|s| s.surrogates()) {
        Some(b) => format::repr::str_repr_code_points(&crate::str::code_points(b).collect::<Vec<u32>>(), false),
        None => format::repr::str_repr(recv(&args)),
    };
    Ok(new_str(vm, r))
}

fn str_str(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__str__", 1, 1)?;
    if vm.type_of(a[0]) == vm.t.str {
        return Ok(a[0]);
    }
    let ty = vm.t.str;
    Ok(vm.alloc(ty, StrObj::copy_of(a[0].downcast::<StrObj>().unwrap())))
}

fn str_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let h = a[0].downcast::<StrObj>().unwrap().hash();
    Ok(crate::int::from_i64(vm, h))
}

fn str_richcmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let a = args.exact(vm, "cmp", 2, 2)?;
    let Some(y) = a[1].downcast::<StrObj>() else { return Ok(vm.not_implemented) };
    let x = a[0].downcast::<StrObj>().unwrap();
    Ok(vm.bool(ops::cmp_ord(x.text_cmp(y), op)))
}
macro_rules! str_cmp {
    ($($fname:ident: $op:ident;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult { str_richcmp(vm, args, CmpOp::$op) } )*
    };
}
str_cmp! { str_lt: Lt; str_le: Le; str_eq: Eq; str_ne: Ne; str_gt: Gt; str_ge: Ge; }

fn str_len(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__len__", 1, 1)?;
    Ok(crate::int::from_usize(vm, a[0].downcast::<StrObj>().unwrap().len()))
}

fn str_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    let so = a[0].downcast::<StrObj>().unwrap();
    if let Some(sl) = a[1].downcast::<crate::slice::SliceObj>() {
        let (start, stop, step, n) = crate::slice::indices(vm, sl, so.len())?;
        if so.surrogates().is_some() {
            if step == 1 {
                let sub = so.slice_wtf8(start as usize, stop.max(start) as usize).to_vec();
                return Ok(crate::str::new_str_wtf8(vm, sub));
            }
            let cps = so.code_points();
            let picked: Vec<u32> = (0..n).map(|i| cps[(start + i as i64 * step) as usize]).collect();
            return Ok(crate::str::from_code_points(vm, &picked));
        }
        if step == 1 {
            let stop = stop.max(start) as usize;
            let sub = so.slice(start as usize, stop).to_string();
            return Ok(new_str(vm, sub));
        }
        let chars: Vec<char> = so.as_str().chars().collect();
        let s: String = (0..n).map(|i| chars[(start + i as i64 * step) as usize]).collect();
        return Ok(new_str(vm, s));
    }
    if !crate::number::has_index(vm, a[1]) {
        return Err({ let __arg = format!("string indices must be integers, not '{}'", vm.type_name(a[1])); vm.type_error(__arg) });
    }
    let i = crate::list::seq_index(vm, a[1], so.len(), "string")?;
    Ok(crate::str::char_value_at(vm, so, i))
}

fn str_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    let Some(sub) = as_str(a[1]) else {
        return Err({ let __arg = format!("'in <string>' requires string as left operand, not {}", vm.type_name(a[1])); vm.type_error(__arg) });
    };
    if crate::str::has_surrogates(a[0]) || crate::str::has_surrogates(a[1]) {
        let (hay, needle) = (crate::str::as_wtf8(a[0]).unwrap(), crate::str::as_wtf8(a[1]).unwrap());
        return Ok(vm.bool(bytes_find(hay, needle, false).is_some()));
    }
    Ok(vm.bool(recv(&args).contains(sub)))
}

fn str_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(crate::iter::new_str_iter(vm, a[0]))
}

fn str_add(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__add__", 2, 2)?;
    let Some(y) = as_str(a[1]) else { return Ok(vm.not_implemented) };
    if crate::str::has_surrogates(a[0]) || crate::str::has_surrogates(a[1]) {
        let b = [crate::str::as_wtf8(a[0]).unwrap(), crate::str::as_wtf8(a[1]).unwrap()].concat();
        return Ok(crate::str::new_str_wtf8(vm, b));
    }
    let mut s = String::with_capacity(recv(&args).len() + y.len());
    s.push_str(recv(&args));
    s.push_str(y);
    Ok(new_str(vm, s))
}

fn str_mul(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__mul__", 2, 2)?;
    let Some(n) = crate::list::repeat_count(vm, a[1])? else { return Ok(vm.not_implemented) };
    let so = a[0].downcast::<crate::str::StrObj>().expect("str receiver");
    if so.len() == 0 || n == 0 {
        return Ok(vm.empty_str);
    }
    if n == 1 && vm.type_of(a[0]) == vm.t.str {
        return Ok(a[0]);
    }
    // CPython counts characters: OverflowError past PY_SSIZE_T_MAX of them, then
    // MemoryError if the storage cannot be had.
    if so.len().checked_mul(n).is_none_or(|t| t > crate::memory::MAX_SIZE) {
        return Err(vm.overflow_error("repeated string is too long"));
    }
    let bytes = so.wtf8();
    let r = crate::memory::repeat(vm, bytes, n, None)?;
    if so.surrogates().is_some() {
        return Ok(crate::str::new_str_wtf8(vm, r));
    }
    // Repeating whole UTF-8 strings gives valid UTF-8.
    let s = String::from_utf8(r).expect("repeated UTF-8");
    Ok(new_str(vm, s))
}

fn str_format_spec(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__format__", 2, 2)?;
    let spec = str_arg(vm, a[1], "format() argument 2")?;
    if spec.is_empty() {
        return ops::str(vm, a[0]);
    }
    let tn = vm.type_name(a[0]);
    crate::memory::check_format_width(vm, spec)?;
    let so = a[0].downcast::<StrObj>().expect("str receiver");
    let lay = format::spec::Spec::parse(spec, &tn)
        .and_then(|sp| format::spec::str_layout(so.len(), &sp, &tn))
        .map_err(|e| crate::number::fmt_err(vm, e))?;
    let fill = crate::str_format::spec_fill(a[1], lay.fill);
    let mut b = crate::str::StrBuilder::with_capacity(so.as_str().len() + lay.before + lay.after);
    b.push_code_point_n(fill, lay.before);
    b.push_prefix(so, lay.keep);
    b.push_code_point_n(fill, lay.after);
    Ok(b.finish(vm))
}

fn str_join(vm: &mut Vm, args: Args) -> PyResult {
    let a = margs(vm, &args, "str.join", 1, 1)?;
    let l = match crate::list::from_iterable(vm, a[1]) {
        Ok(l) => l,
        Err(e) if crate::exceptions::matches(vm, e, vm.e.type_error) && crate::iter::fast_iter(vm, a[1]).is_none() && !has_iter(vm, a[1]) => {
            return Err(vm.type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    let items = crate::list::lobj(l).items.borrow().clone();
    let sep = recv(&args);
    // One exact str is its own join.
    if let [only] = items[..] {
        if vm.type_of(only) == vm.t.str {
            return Ok(only);
        }
    }
    if crate::str::has_surrogates(a[0]) || items.iter().any(|v| crate::str::has_surrogates(*v)) {
        return join_wtf8(vm, a[0], &items, l);
    }
    let mut out = String::new();
    for (i, v) in items.iter().enumerate() {
        let Some(s) = as_str(*v) else {
            return Err({ let __arg = format!("sequence item {i}: expected str instance, {} found", vm.type_name(*v)); vm.type_error(__arg) });
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s);
    }
    std::hint::black_box(l);
    Ok(new_str(vm, out))
}

/// `str.join` when a lone surrogate is involved (items all strs, kept alive by `l`).
fn join_wtf8(vm: &mut Vm, sep: Value, items: &[Value], l: Value) -> PyResult {
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let Some(s) = crate::str::as_wtf8(*v) else {
            return Err({ let __arg = format!("sequence item {i}: expected str instance, {} found", vm.type_name(*v)); vm.type_error(__arg) });
        };
        if i > 0 {
            out.extend_from_slice(crate::str::as_wtf8(sep).unwrap_or_default());
        }
        out.extend_from_slice(s);
    }
    std::hint::black_box(l);
    Ok(crate::str::new_str_wtf8(vm, out))
}

/// Byte offset of `needle` in `hay` (generalized UTF-8 both: matches fall on code-point
/// boundaries), first or last.
fn bytes_find(hay: &[u8], needle: &[u8], rev: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let mut hits = (0..=hay.len() - needle.len()).filter(|&i| hay[i..].starts_with(needle));
    if rev {
        hits.last()
    } else {
        hits.next()
    }
}

/// Code points in generalized UTF-8 `b` (bytes that do not continue a sequence).
fn cp_count(b: &[u8]) -> usize {
    b.iter().filter(|x| (**x as i8) >= -0x40).count()
}

/// Non-overlapping occurrences of non-empty `needle` in `hay`, as byte offsets.
fn bytes_matches(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(f) = bytes_find(&hay[i..], needle, false) {
        out.push(i + f);
        i += f + needle.len();
    }
    out
}

/// Does `v`'s type define `__iter__` or `__getitem__` (so a TypeError came from elsewhere)?
fn has_iter(vm: &mut Vm, v: Value) -> bool {
    let t = vm.type_of(v);
    crate::typeobj::lookup_str(vm, t, "__iter__").is_some() || crate::typeobj::lookup_str(vm, t, "__getitem__").is_some()
}

fn maxsplit_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_null() {
        Ok(-1)
    } else {
        crate::number::index_i64(vm, v)
    }
}

fn split_impl(vm: &mut Vm, args: Args, right: bool) -> PyResult {
    kw_max(vm, &args, if right { "rsplit" } else { "split" }, 2)?;
    let [_, sep, maxsplit] = args.bind(vm, if right { "rsplit" } else { "split" }, ["self", "sep", "maxsplit"], 1, 1)?;
    let s = recv(&args);
    let max = maxsplit_arg(vm, maxsplit)?;
    let parts: Vec<&str> = if sep.is_null() || sep == vm.none {
        if right {
            format::text::rsplit_whitespace(s, max)
        } else {
            format::text::split_whitespace(s, max)
        }
    } else {
        let sep_str = str_or(vm, sep, "must be str or None, not")?;
        if !sep_str.is_empty() && (crate::str::has_surrogates(args.vals[0]) || crate::str::has_surrogates(sep)) {
            return split_wtf8(vm, args.vals[0], sep, max, right);
        }
        let sep = sep_str;
        let r = if right { format::text::rsplit_sep(s, sep, max) } else { format::text::split_sep(s, sep, max) };
        r.map_err(|e| crate::number::fmt_err(vm, e))?
    };
    Ok(slices_to_list(vm, recv_obj(&args), parts))
}

/// `str.split(sep)`/`rsplit(sep)` when a lone surrogate is involved.
fn split_wtf8(vm: &mut Vm, s: Value, sep: Value, max: i64, right: bool) -> PyResult {
    let (hay, sep) = (crate::str::as_wtf8(s).unwrap(), crate::str::as_wtf8(sep).unwrap());
    let mut cuts = bytes_matches(hay, sep);
    if max >= 0 && cuts.len() > max as usize {
        let keep = max as usize;
        if right {
            cuts.drain(..cuts.len() - keep);
        } else {
            cuts.truncate(keep);
        }
    }
    let l = crate::list::new_list(vm, vec![]);
    let mut prev = 0;
    for c in cuts.into_iter().chain(std::iter::once(hay.len())) {
        let v = crate::str::new_str_wtf8(vm, hay[prev..c].to_vec());
        crate::list::lobj(l).items.borrow_mut().push(v);
        prev = c + sep.len();
    }
    Ok(l)
}

fn str_split(vm: &mut Vm, args: Args) -> PyResult {
    split_impl(vm, args, false)
}

fn str_rsplit(vm: &mut Vm, args: Args) -> PyResult {
    split_impl(vm, args, true)
}

fn strip_impl(vm: &mut Vm, args: Args, left: bool, right: bool, name: &str) -> PyResult {
    let a = margs(vm, &args, name, 0, 1)?;
    let so = recv_obj(&args);
    let chars = match a.get(1) {
        Some(c) if *c != vm.none => match c.downcast::<StrObj>() {
            Some(cs) => Some(cs),
            None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
        _ => None,
    };
    if let Some(cs) = chars.filter(|cs| so.surrogates().is_some() || cs.surrogates().is_some()) {
        // Code point by code point: U+FFFD and each surrogate are distinct.
        let set = cs.code_points();
        let cps = so.code_points();
        let mut start = 0;
        let mut end = cps.len();
        while left && start < end && set.contains(&cps[start]) {
            start += 1;
        }
        while right && end > start && set.contains(&cps[end - 1]) {
            end -= 1;
        }
        return Ok(crate::str::new_str_wtf8(vm, so.slice_wtf8(start, end).to_vec()));
    }
    let r = format::text::strip(so.as_str(), chars.map(|c| c.as_str()), left, right);
    Ok(crate::str::slice_value(vm, so, r))
}

fn str_strip(vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(vm, args, true, true, "strip")
}
fn str_lstrip(vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(vm, args, true, false, "lstrip")
}
fn str_rstrip(vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(vm, args, false, true, "rstrip")
}

fn affix_impl(vm: &mut Vm, args: Args, ends: bool) -> PyResult {
    let name = if ends { "endswith" } else { "startswith" };
    let so = args.vals[0].downcast::<StrObj>().unwrap();
    let (prefix, start, end) = finds_args(vm, &args, name, so.len())?;
    let sub = if start <= end { so.slice(start as usize, end as usize) } else { "" };
    // CPython's tailmatch: nothing matches when start > end, not even "".
    let sub_exact = if start <= end { so.slice_wtf8(start as usize, end as usize) } else { b"" };
    let test = |p: &str, pv: Value| {
        start <= end
            && if so.surrogates().is_some() || crate::str::has_surrogates(pv) {
                let p = crate::str::as_wtf8(pv).unwrap_or_default();
                if ends { sub_exact.ends_with(p) } else { sub_exact.starts_with(p) }
            } else if ends {
                sub.ends_with(p)
            } else {
                sub.starts_with(p)
            }
    };
    if crate::tuple::is_tuple(prefix) {
        for p in crate::tuple::items(prefix) {
            let ps = str_or(vm, *p, &format!("tuple for {name} must only contain str, not"))?;
            if test(ps, *p) {
                return Ok(vm.true_);
            }
        }
        return Ok(vm.false_);
    }
    let Some(p) = as_str(prefix) else {
        return Err({ let __arg = format!("{name} first arg must be str or a tuple of str, not {}", vm.type_name(prefix)); vm.type_error(__arg) });
    };
    Ok(vm.bool(test(p, prefix)))
}

fn str_startswith(vm: &mut Vm, args: Args) -> PyResult {
    affix_impl(vm, args, false)
}
fn str_endswith(vm: &mut Vm, args: Args) -> PyResult {
    affix_impl(vm, args, true)
}

macro_rules! str_transform {
    ($($fname:ident: $name:expr, $f:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: Args) -> PyResult {
                margs(vm, &args, concat!("str.", $name), 0, 0)?;
                let r: String = $f(recv(&args));
                Ok(crate::str::restore_surrogates(vm, recv_obj(&args), r))
            }
        )*
    };
}
str_transform! {
    str_upper: "upper", format::text::upper;
    str_lower: "lower", format::text::lower;
    str_casefold: "casefold", format::text::casefold;
    str_swapcase: "swapcase", format::text::swapcase;
    str_title: "title", format::text::title;
    str_capitalize: "capitalize", format::text::capitalize;
}

macro_rules! str_predicate {
    ($($fname:ident: $name:expr, $f:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: Args) -> PyResult {
                margs(vm, &args, concat!("str.", $name), 0, 0)?;
                let s = recv(&args);
                let r: bool = $f(s);
                Ok(vm.bool(r))
            }
        )*
    };
}
str_predicate! {
    str_isdigit: "isdigit", |s: &str| !s.is_empty() && s.chars().all(format::text::is_digit);
    str_isdecimal: "isdecimal", |s: &str| !s.is_empty() && s.chars().all(format::text::is_decimal);
    str_isnumeric: "isnumeric", |s: &str| !s.is_empty() && s.chars().all(format::text::is_numeric);
    str_isalpha: "isalpha", |s: &str| !s.is_empty() && s.chars().all(format::text::is_alpha);
    str_isalnum: "isalnum", |s: &str| !s.is_empty() && s.chars().all(format::text::is_alnum);
    str_isspace: "isspace", |s: &str| !s.is_empty() && s.chars().all(format::text::is_space);
    str_isascii: "isascii", |s: &str| s.is_ascii();
    str_islower: "islower", format::text::str_islower;
    str_isupper: "isupper", format::text::str_isupper;
    str_istitle: "istitle", format::text::str_istitle;
    str_isidentifier: "isidentifier", format::text::is_identifier;
}

/// `str.isprintable()`: a lone surrogate (category Cs) is not printable.
fn str_isprintable(vm: &mut Vm, args: Args) -> PyResult {
    margs(vm, &args, "str.isprintable", 0, 0)?;
    let so = recv_obj(&args);
    Ok(vm.bool(so.surrogates().is_none() && format::text::str_isprintable(so.as_str())))
}

fn str_replace(vm: &mut Vm, args: Args) -> PyResult {
    let a = margs(vm, &args, "replace", 2, 3)?;
    let old = str_arg(vm, a[1], "replace() argument 1")?;
    let new = str_arg(vm, a[2], "replace() argument 2")?;
    let count = match a.get(3) {
        Some(c) => crate::number::index_i64(vm, *c)?,
        None => -1,
    };
    // The receiver, old or new holding a lone surrogate needs the WTF-8 path.
    if a[..3].iter().any(|v| crate::str::has_surrogates(*v)) {
        return replace_wtf8(vm, a, count);
    }
    let s = recv(&args);
    let r = if count < 0 {
        s.replace(old, new)
    } else if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in s.chars() {
            if (n as i64) < count {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if (n as i64) < count {
            out.push_str(new);
        }
        out
    } else {
        s.replacen(old, new, count as usize)
    };
    Ok(new_str(vm, r))
}

/// `str.replace` when a lone surrogate is involved.
fn replace_wtf8(vm: &mut Vm, a: &[Value], count: i64) -> PyResult {
    let [s, old, new] = [a[0], a[1], a[2]].map(|v| crate::str::as_wtf8(v).unwrap_or_default());
    let limit = if count < 0 { usize::MAX } else { count as usize };
    let cuts: Vec<(usize, usize)> = if old.is_empty() {
        // Before every code point and at the end.
        (0..=s.len()).filter(|&i| i == s.len() || (s[i] as i8) >= -0x40).map(|i| (i, i)).take(limit).collect()
    } else {
        bytes_matches(s, old).into_iter().take(limit).map(|i| (i, i + old.len())).collect()
    };
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0;
    for (x, y) in cuts {
        out.extend_from_slice(&s[prev..x]);
        out.extend_from_slice(new);
        prev = y;
    }
    out.extend_from_slice(&s[prev..]);
    Ok(crate::str::new_str_wtf8(vm, out))
}

/// Code-point index of `sub` in `s[start:end]` (forward or backward).
fn find_impl(vm: &mut Vm, args: &Args, name: &str, rev: bool) -> PyResult<Option<usize>> {
    let so = args.vals[0].downcast::<StrObj>().unwrap();
    let (sub, start, stop) = finds_args(vm, args, name, so.len())?;
    let subv = sub;
    let sub = str_or(vm, sub, "must be str, not")?;
    if stop - start < sub.chars().count() as i64 {
        return Ok(None);
    }
    let (start, stop) = (start as usize, stop as usize);
    if so.surrogates().is_some() || crate::str::has_surrogates(subv) {
        let hay = so.slice_wtf8(start, stop);
        let found = bytes_find(hay, crate::str::as_wtf8(subv).unwrap_or_default(), rev);
        return Ok(found.map(|b| start + cp_count(&hay[..b])));
    }
    let hay = so.slice(start, stop);
    let found = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(found.map(|b| start + hay[..b].chars().count()))
}

fn str_find(vm: &mut Vm, args: Args) -> PyResult {
    let r = find_impl(vm, &args, "find", false)?;
    Ok(crate::int::from_i64(vm, r.map(|i| i as i64).unwrap_or(-1)))
}
fn str_rfind(vm: &mut Vm, args: Args) -> PyResult {
    let r = find_impl(vm, &args, "rfind", true)?;
    Ok(crate::int::from_i64(vm, r.map(|i| i as i64).unwrap_or(-1)))
}
fn str_index(vm: &mut Vm, args: Args) -> PyResult {
    match find_impl(vm, &args, "index", false)? {
        Some(i) => Ok(crate::int::from_usize(vm, i)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn str_rindex(vm: &mut Vm, args: Args) -> PyResult {
    match find_impl(vm, &args, "rindex", true)? {
        Some(i) => Ok(crate::int::from_usize(vm, i)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_count(vm: &mut Vm, args: Args) -> PyResult {
    let so = args.vals[0].downcast::<StrObj>().unwrap();
    let (sub, start, stop) = finds_args(vm, &args, "count", so.len())?;
    let subv = sub;
    let sub = str_or(vm, sub, "must be str, not")?;
    if stop - start < sub.chars().count() as i64 {
        return Ok(Value::small(0));
    }
    if !sub.is_empty() && (so.surrogates().is_some() || crate::str::has_surrogates(subv)) {
        let hay = so.slice_wtf8(start as usize, stop as usize);
        let n = bytes_matches(hay, crate::str::as_wtf8(subv).unwrap_or_default()).len();
        return Ok(crate::int::from_usize(vm, n));
    }
    let hay = so.slice(start as usize, stop as usize);
    let n = if sub.is_empty() { hay.chars().count() + 1 } else { hay.matches(sub).count() };
    Ok(crate::int::from_usize(vm, n))
}

/// `center` ('^'), `ljust` ('<') and `rjust` ('>').
fn pad_impl(vm: &mut Vm, args: Args, name: &str, align: char) -> PyResult {
    let a = margs(vm, &args, name, 1, 2)?;
    let w = crate::number::index_i64(vm, a[1])?.max(0) as usize;
    let fill = match a.get(2) {
        Some(f) => {
            str_arg(vm, *f, &format!("{name}() argument 2"))?;
            match f.downcast::<StrObj>().filter(|fs| fs.len() == 1) {
                Some(fs) => fs.code_point_at(0),
                None => return Err(vm.type_error("The fill character must be exactly one character long")),
            }
        }
        None => u32::from(b' '),
    };
    let fill_len = char::from_u32(fill).map_or(3, char::len_utf8);
    check_padded_size(vm, a[0], w, fill_len)?;
    let so = recv_obj(&args);
    if w <= so.len() && vm.type_of(a[0]) == vm.t.str {
        return Ok(a[0]);
    }
    let (left, right) = format::text::pad_margins(so.len(), w, align);
    let mut b = crate::str::StrBuilder::with_capacity(so.as_str().len() + (left + right) * fill_len);
    b.push_code_point_n(fill, left);
    b.push_obj(so);
    b.push_code_point_n(fill, right);
    Ok(b.finish(vm))
}

/// MemoryError when `s` padded to `width` characters (with a fill character of
/// `fill_len` UTF-8 bytes) cannot be allocated, as CPython's PyUnicode_New failing.
fn check_padded_size(vm: &mut Vm, s: Value, width: usize, fill_len: usize) -> PyResult<()> {
    let so = s.downcast::<crate::str::StrObj>().expect("str receiver");
    if width <= so.len() {
        return Ok(());
    }
    match ((width - so.len()).checked_mul(fill_len)).and_then(|p| p.checked_add(so.as_str().len())) {
        Some(bytes) => crate::memory::check_size(vm, bytes),
        None => Err(vm.memory_error()),
    }
}

fn str_center(vm: &mut Vm, args: Args) -> PyResult {
    pad_impl(vm, args, "center", '^')
}
fn str_ljust(vm: &mut Vm, args: Args) -> PyResult {
    pad_impl(vm, args, "ljust", '<')
}
fn str_rjust(vm: &mut Vm, args: Args) -> PyResult {
    pad_impl(vm, args, "rjust", '>')
}

fn str_zfill(vm: &mut Vm, args: Args) -> PyResult {
    let a = margs(vm, &args, "str.zfill", 1, 1)?;
    let w = crate::number::index_i64(vm, a[1])?.max(0) as usize;
    check_padded_size(vm, a[0], w, 1)?;
    let r = format::text::zfill(recv(&args), w);
    Ok(crate::str::restore_surrogates(vm, recv_obj(&args), r))
}

fn str_encode(vm: &mut Vm, args: Args) -> PyResult {
    kw_max(vm, &args, "encode", 2)?;
    let [s, encoding, errors] = args.bind(vm, "encode", ["self", "encoding", "errors"], 1, 1)?;
    crate::codecs::encode_str(vm, s, encoding, errors, "encode")
}

fn str_getnewargs(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__getnewargs__", 1, 1)?;
    let s = crate::str::new_str_wtf8(vm, recv_obj(&args).wtf8().to_vec());
    Ok(crate::tuple::new_tuple(vm, vec![s]))
}

fn str_splitlines(vm: &mut Vm, args: Args) -> PyResult {
    kw_max(vm, &args, "splitlines", 1)?;
    let [_, keepends] = args.bind(vm, "splitlines", ["self", "keepends"], 1, 1)?;
    let keep = !keepends.is_null() && ops::truthy(vm, keepends)?;
    let parts = format::text::splitlines(recv(&args), keep);
    Ok(slices_to_list(vm, recv_obj(&args), parts))
}

fn str_expandtabs(vm: &mut Vm, args: Args) -> PyResult {
    kw_max(vm, &args, "expandtabs", 1)?;
    let [_, tabsize] = args.bind(vm, "expandtabs", ["self", "tabsize"], 1, 1)?;
    let t = if tabsize.is_null() { 8 } else { crate::number::index_c_int(vm, tabsize)? as i64 };
    let r = format::text::expandtabs(recv(&args), t);
    Ok(crate::str::restore_surrogates(vm, recv_obj(&args), r))
}

fn partition_impl(vm: &mut Vm, args: Args, right: bool) -> PyResult {
    let a = margs(vm, &args, if right { "str.rpartition" } else { "str.partition" }, 1, 1)?;
    let sep = str_or(vm, a[1], "must be str, not")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    // The exact texts (generalized UTF-8 finds a surrogate only as itself).
    let (s, sep) = (crate::str::as_wtf8(a[0]).expect("str"), crate::str::as_wtf8(a[1]).expect("str"));
    let found = match (recv_obj(&args).surrogates(), crate::str::has_surrogates(a[1])) {
        (None, false) => {
            let (s, sep) = (recv(&args), as_str(a[1]).expect("str"));
            if right { s.rfind(sep) } else { s.find(sep) }
        }
        _ => bytes_find(s, sep, right),
    };
    let (x, y, z) = match found {
        Some(i) => (&s[..i], sep, &s[i + sep.len()..]),
        None if right => (&[][..], &[][..], s),
        None => (s, &[][..], &[][..]),
    };
    let buf = crate::list::ValueBuf::new(vm);
    for p in [x, y, z] {
        let v = crate::str::new_str_wtf8(vm, p.to_vec());
        buf.push(v);
    }
    Ok(buf.into_tuple(vm))
}

fn str_partition(vm: &mut Vm, args: Args) -> PyResult {
    partition_impl(vm, args, false)
}
fn str_rpartition(vm: &mut Vm, args: Args) -> PyResult {
    partition_impl(vm, args, true)
}

fn str_removeprefix(vm: &mut Vm, args: Args) -> PyResult {
    let a = margs(vm, &args, "str.removeprefix", 1, 1)?;
    str_arg(vm, a[1], "removeprefix() argument")?;
    let (s, p) = (crate::str::as_wtf8(a[0]).expect("str"), crate::str::as_wtf8(a[1]).expect("str"));
    Ok(crate::str::new_str_wtf8(vm, s.strip_prefix(p).unwrap_or(s).to_vec()))
}

fn str_removesuffix(vm: &mut Vm, args: Args) -> PyResult {
    let a = margs(vm, &args, "str.removesuffix", 1, 1)?;
    str_arg(vm, a[1], "removesuffix() argument")?;
    let (s, p) = (crate::str::as_wtf8(a[0]).expect("str"), crate::str::as_wtf8(a[1]).expect("str"));
    Ok(crate::str::new_str_wtf8(vm, s.strip_suffix(p).unwrap_or(s).to_vec()))
}

/// CPython's compact str layout: a 48-byte header (ASCII) or 72 (other), then the
/// characters at 1, 2 or 4 bytes each plus a terminating NUL.
fn str_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__sizeof__", 1, 1)?;
    let s = crate::str::as_str(a[0]).unwrap_or("");
    let n = s.chars().count();
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let size = match max {
        0..=0x7f => 48 + n + 1,
        0x80..=0xff => 72 + n + 1,
        0x100..=0xffff => 72 + 2 * (n + 1),
        _ => 72 + 4 * (n + 1),
    };
    Ok(crate::int::from_usize(vm, size))
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_method, add_static};
    let t = vm.t.str;
    add_static(vm, t, "__new__", str_new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__repr__", str_repr),
        ("__str__", str_str),
        ("__hash__", str_hash),
        ("__lt__", str_lt),
        ("__le__", str_le),
        ("__eq__", str_eq),
        ("__ne__", str_ne),
        ("__gt__", str_gt),
        ("__ge__", str_ge),
        ("__len__", str_len),
        ("__getitem__", str_getitem),
        ("__contains__", str_contains),
        ("__iter__", str_iter),
        ("__add__", str_add),
        ("__mul__", str_mul),
        ("__rmul__", str_mul),
        ("__format__", str_format_spec),
        ("__getnewargs__", str_getnewargs),
        ("__sizeof__", str_sizeof),
        ("join", str_join),
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("splitlines", str_splitlines),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("upper", str_upper),
        ("lower", str_lower),
        ("casefold", str_casefold),
        ("swapcase", str_swapcase),
        ("title", str_title),
        ("capitalize", str_capitalize),
        ("isdigit", str_isdigit),
        ("isdecimal", str_isdecimal),
        ("isnumeric", str_isnumeric),
        ("isalpha", str_isalpha),
        ("isalnum", str_isalnum),
        ("isspace", str_isspace),
        ("isascii", str_isascii),
        ("islower", str_islower),
        ("isupper", str_isupper),
        ("istitle", str_istitle),
        ("isidentifier", str_isidentifier),
        ("isprintable", str_isprintable),
        ("replace", str_replace),
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("center", str_center),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("zfill", str_zfill),
        ("encode", str_encode),
        ("expandtabs", str_expandtabs),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    crate::str_format::init(vm);
}
