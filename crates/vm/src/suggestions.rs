//! "Did you mean" suggestions for uncaught NameError and AttributeError, as
//! CPython 3.11's Python/suggestions.c computes them: the closest candidate name by
//! a Levenshtein distance where a case change costs 1 and any other edit 2.

use crate::exceptions::{is_instance_of, TracebackObj};
use crate::frame::FrameObj;
use crate::function::CodeObj;
use crate::value::Value;
use crate::vm::Vm;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// The suggested name for exception `e`, if any (errors while looking are ignored).
pub fn offer(vm: &mut Vm, e: Value) -> Option<String> {
    if is_instance_of(vm, e, vm.e.attribute_error) {
        return for_attribute_error(vm, e);
    }
    if is_instance_of(vm, e, vm.e.name_error) {
        return for_name_error(vm, e);
    }
    None
}

fn exc_attr(vm: &mut Vm, e: Value, name: &str) -> Option<Value> {
    crate::attr::getattr_str(vm, e, name).ok().filter(|v| *v != vm.none)
}

fn for_attribute_error(vm: &mut Vm, e: Value) -> Option<String> {
    let name = exc_attr(vm, e, "name")?;
    let obj = exc_attr(vm, e, "obj")?;
    let dir = crate::call::call_method(vm, obj, "__dir__", &[]).ok()?;
    let names = crate::list::from_iterable(vm, dir).ok()?;
    let items = crate::list::lobj(names).items.borrow().clone();
    // dir() order: sorted (ties go to the first candidate).
    let mut sorted = strs(&items);
    sorted.sort_unstable();
    let r = best_match(&sorted, crate::str::as_str(name)?);
    std::hint::black_box(names);
    r
}

/// NameError: the innermost frame's local names, then its globals, then builtins.
fn for_name_error(vm: &mut Vm, e: Value) -> Option<String> {
    let name = crate::str::as_str(exc_attr(vm, e, "name")?)?;
    let mut tb = crate::exceptions::traceback_of(vm, e).downcast::<TracebackObj>()?;
    while let Some(next) = tb.next.get().downcast::<TracebackObj>() {
        tb = next;
    }
    let frame = tb.frame.downcast::<FrameObj>()?;
    let locals = match frame.locals.get() {
        l if l.is::<crate::dict::DictObj>() => dict_keys(l),
        _ => frame.code.downcast::<CodeObj>().map(|c| c.varnames.to_vec()).unwrap_or_default(),
    };
    for candidates in [locals, dict_keys(frame.globals), dict_keys(frame.builtins)] {
        if let Some(s) = best_match(&strs(&candidates), name) {
            return Some(s);
        }
    }
    None
}

fn dict_keys(d: Value) -> Vec<Value> {
    match d.downcast::<crate::dict::DictObj>() {
        Some(d) => d.items().into_iter().map(|(k, _)| k).collect(),
        None => Vec::new(),
    }
}

fn strs(items: &[Value]) -> Vec<&'static str> {
    items.iter().filter_map(|v| crate::str::as_str(*v)).collect()
}

/// CPython's `calculate_suggestions`.
fn best_match(candidates: &[&str], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        // No more than 1/3 of the involved characters should need changing, and
        // only matches better than the best so far count.
        let mut max = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max);
        if d <= max && best.map_or(true, |(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.to_string())
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance of `a` and `b` (UTF-8 bytes), or `max + 1` once it exceeds
/// `max`.
fn levenshtein<'s>(mut a: &'s [u8], mut b: &'s [u8], max: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max {
        return max + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max {
            return max + 1;
        }
    }
    result
}
