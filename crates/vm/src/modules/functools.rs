//! The `_functools` module: `reduce`, as CPython's Modules/_functoolsmodule.c
//! (same argument checks and messages). `partial`, `cmp_to_key` and the LRU
//! cache wrapper come from functools.py, which falls back to its pure-Python
//! versions when they are missing here.

use crate::object::{Args, PyResult};
use crate::ops;
use crate::value::Value;
use crate::vm::Vm;

fn reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "reduce", 2, 3)?;
    let (func, seq) = (a[0], a[1]);
    let mut result = a.get(2).copied().unwrap_or(Value::NULL);
    let it = match ops::iter(vm, seq) {
        Ok(it) => it,
        Err(e) if crate::exceptions::matches(vm, e, vm.e.type_error) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"));
        }
        Err(e) => return Err(e),
    };
    while let Some(v) = ops::next(vm, it)? {
        result = if result.is_null() { v } else { crate::call::call(vm, func, &[result, v])? };
    }
    if result.is_null() {
        return Err(vm.type_error("reduce() of empty iterable with no initial value"));
    }
    Ok(result)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(vm, m, &[("reduce", reduce)])
}
