//! The `gc` module: explicit collections and the collector's switches.

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;

fn collect(vm: &mut Vm, args: Args) -> PyResult {
    let [generation] = args.bind(vm, "collect", ["generation"], 0, 0)?;
    if !generation.is_null() {
        let g = crate::number::index_i64(vm, generation)?;
        if !(0..=2).contains(&g) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    vm.collect();
    let freed = vm.take_freed_count();
    vm.run_finalizers();
    Ok(crate::int::from_usize(vm, freed))
}

fn enable(vm: &mut Vm, _args: Args) -> PyResult {
    vm.heap.enabled = true;
    Ok(vm.none)
}

fn disable(vm: &mut Vm, _args: Args) -> PyResult {
    vm.heap.enabled = false;
    Ok(vm.none)
}

fn isenabled(vm: &mut Vm, _args: Args) -> PyResult {
    Ok({ let __arg = vm.heap.enabled; vm.bool(__arg) })
}

fn get_count(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(crate::tuple::new_tuple(vm, vec![Value::small(0), Value::small(0), Value::small(0)]))
}

fn get_threshold(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(crate::tuple::new_tuple(vm, vec![Value::small(700), Value::small(10), Value::small(10)]))
}

fn set_threshold(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "set_threshold", 1, 3)?;
    Ok(vm.none)
}

fn is_tracked(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "is_tracked", 1, 1)?;
    let atomic = a[0].is_small_int() || a[0].is::<crate::str::StrObj>() || a[0].is::<crate::float::FloatObj>() || a[0].is::<crate::int::IntObj>() || a[0] == vm.none;
    Ok(vm.bool(!atomic))
}

fn is_finalized(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "is_finalized", 1, 1)?;
    let f = a[0].header().is_some_and(|h| h.has_flag(crate::gc::flag::FINALIZED));
    Ok(vm.bool(f))
}

fn noop(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.none)
}

fn get_stats(vm: &mut Vm, _args: Args) -> PyResult {
    let l = crate::list::new_list(vm, vec![]);
    let collections = crate::int::from_i64(vm, vm.heap.collections as i64);
    for _ in 0..3 {
        let d = crate::dict::new_dict(vm);
        crate::dict::set_item_str(vm, d, "collections", collections)?;
        crate::dict::set_item_str(vm, d, "collected", Value::small(0))?;
        crate::dict::set_item_str(vm, d, "uncollectable", Value::small(0))?;
        crate::list::lobj(l).items.borrow_mut().push(d);
    }
    Ok(l)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(vm, m, &[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("is_tracked", is_tracked),
        ("is_finalized", is_finalized),
        ("freeze", noop),
        ("unfreeze", noop),
        ("get_stats", get_stats),
    ])?;
    let garbage = crate::list::new_list(vm, vec![]);
    super::set_attr(vm, m, "garbage", garbage)?;
    let callbacks = crate::list::new_list(vm, vec![]);
    super::set_attr(vm, m, "callbacks", callbacks)?;
    for (n, v) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
        super::set_attr(vm, m, n, Value::small(v))?;
    }
    Ok(())
}
