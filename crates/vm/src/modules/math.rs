//! The `math` module.

use crate::object::PyResult;
use crate::value::Value;
use crate::vm::Vm;

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let pi = crate::float::new_float(vm, std::f64::consts::PI);
    super::set_attr(vm, m, "pi", pi)
}
