//! The `_tracemalloc` module, without tracing: Ferropy's heap does not record
//! where each object was allocated, so tracing is never on. Reading functions
//! answer as CPython's do while tracing is off; `start()` raises RuntimeError
//! rather than pretend to trace (docs/compat.md).

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;

fn is_tracing(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "is_tracing", 0, 0)?;
    Ok(vm.false_)
}

fn start(vm: &mut Vm, args: Args) -> PyResult {
    let [nframe] = args.bind(vm, "start", ["nframe"], 0, 0)?;
    if !nframe.is_null() {
        let n = crate::number::index_i64(vm, nframe)?;
        if !(1..=65535).contains(&n) {
            return Err(vm.value_error("the number of frames must be in range [1; 65535]"));
        }
    }
    Err(vm.runtime_error("tracemalloc is not supported by Ferropy: allocations cannot be traced"))
}

/// `stop()`, `clear_traces()`, `reset_peak()`: nothing is traced, nothing to do.
fn nothing(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.none)
}

fn get_traceback_limit(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "get_traceback_limit", 0, 0)?;
    Ok(Value::small(1))
}

fn get_traced_memory(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "get_traced_memory", 0, 0)?;
    Ok(crate::tuple::new_tuple(vm, vec![Value::small(0), Value::small(0)]))
}

fn get_tracemalloc_memory(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "get_tracemalloc_memory", 0, 0)?;
    Ok(Value::small(0))
}

fn get_traces(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "_get_traces", 0, 0)?;
    Ok(crate::list::new_list(vm, vec![]))
}

fn get_object_traceback(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "_get_object_traceback", 1, 1)?;
    Ok(vm.none)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(
        vm,
        m,
        &[
            ("is_tracing", is_tracing),
            ("start", start),
            ("stop", nothing),
            ("clear_traces", nothing),
            ("reset_peak", nothing),
            ("get_traceback_limit", get_traceback_limit),
            ("get_traced_memory", get_traced_memory),
            ("get_tracemalloc_memory", get_tracemalloc_memory),
            ("_get_traces", get_traces),
            ("_get_object_traceback", get_object_traceback),
        ],
    )
}
