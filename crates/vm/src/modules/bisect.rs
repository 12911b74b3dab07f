//! The `_bisect` module, following CPython's Modules/_bisectmodule.c:
//! binary search and insertion on any sequence, with the optional `key`
//! function of 3.10+. Items are fetched with `a[mid]` and compared with `<`,
//! in CPython's order.

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::CmpOp;

/// The bound arguments: (a, x, lo, hi) with hi resolved to len(a).
fn bind_args(vm: &mut Vm, args: Args, fname: &str) -> PyResult<(Value, Value, i64, i64, Value)> {
    let [a, x, lo, hi, key] = args.bind(vm, fname, ["a", "x", "lo", "hi", "key"], 2, 0)?;
    if args.pos().len() > 4 {
        let m = format!("{fname}() takes at most 4 positional arguments ({} given)", args.pos().len());
        return Err(vm.type_error(m));
    }
    let lo = if lo.is_null() { 0 } else { crate::number::index_i64(vm, lo)? };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = if hi.is_null() || hi == vm.none {
        let n = crate::ops::len(vm, a)?;
        n as i64
    } else {
        crate::number::index_i64(vm, hi)?
    };
    let key = if key.is_null() { vm.none } else { key };
    Ok((a, x, lo, hi, key))
}

/// The insertion point of `x`: after equal items (`right`) or before them.
fn search(vm: &mut Vm, a: Value, x: Value, mut lo: i64, mut hi: i64, key: Value, right: bool) -> PyResult<i64> {
    while lo < hi {
        // (lo + hi) / 2 without overflow, as CPython's unsigned arithmetic.
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let idx = crate::int::from_i64(vm, mid);
        let mut item = crate::ops::getitem(vm, a, idx)?;
        if key != vm.none {
            item = crate::call::call(vm, key, &[item])?;
        }
        let lt = if right {
            let r = crate::ops::compare(vm, x, item, CmpOp::Lt)?;
            crate::ops::truthy(vm, r)?
        } else {
            let r = crate::ops::compare(vm, item, x, CmpOp::Lt)?;
            !crate::ops::truthy(vm, r)?
        };
        if lt {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_right(vm: &mut Vm, args: Args) -> PyResult {
    let (a, x, lo, hi, key) = bind_args(vm, args, "bisect_right")?;
    let i = search(vm, a, x, lo, hi, key, true)?;
    Ok(crate::int::from_i64(vm, i))
}

fn bisect_left(vm: &mut Vm, args: Args) -> PyResult {
    let (a, x, lo, hi, key) = bind_args(vm, args, "bisect_left")?;
    let i = search(vm, a, x, lo, hi, key, false)?;
    Ok(crate::int::from_i64(vm, i))
}

fn insort(vm: &mut Vm, args: Args, fname: &str, right: bool) -> PyResult {
    let (a, x, lo, hi, key) = bind_args(vm, args, fname)?;
    let kx = if key == vm.none { x } else { crate::call::call(vm, key, &[x])? };
    let i = search(vm, a, kx, lo, hi, key, right)?;
    let iv = crate::int::from_i64(vm, i);
    if vm.type_of(a) == vm.t.list {
        let len = crate::list::lobj(a).items.borrow().len() as i64;
        let at = i.clamp(0, len) as usize;
        crate::list::lobj(a).items.borrow_mut().insert(at, x);
    } else {
        crate::call::call_method(vm, a, "insert", &[iv, x])?;
    }
    Ok(vm.none)
}

fn insort_right(vm: &mut Vm, args: Args) -> PyResult {
    insort(vm, args, "insort_right", true)
}

fn insort_left(vm: &mut Vm, args: Args) -> PyResult {
    insort(vm, args, "insort_left", false)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(
        vm,
        m,
        &[("bisect_right", bisect_right), ("bisect_left", bisect_left), ("insort_right", insort_right), ("insort_left", insort_left)],
    )
}
