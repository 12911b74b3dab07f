//! `None`, `NotImplemented` and `Ellipsis`: the objects and their types.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::vm::Vm;

pub struct Singleton;
impl Trace for Singleton {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(Singleton, "singleton");

fn none_repr(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.intern("None"))
}
fn none_bool(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.false_)
}
fn none_new(vm: &mut Vm, args: Args) -> PyResult {
    args.shift().exact(vm, "NoneType", 0, 0)?;
    Ok(vm.none)
}
fn ni_repr(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.intern("NotImplemented"))
}
fn ni_new(vm: &mut Vm, args: Args) -> PyResult {
    args.shift().exact(vm, "NotImplementedType", 0, 0)?;
    Ok(vm.not_implemented)
}
/// True, with the DeprecationWarning of 3.9+: NotImplemented in a boolean
/// context is almost always a forgotten comparison fallback.
fn ni_bool(vm: &mut Vm, _args: Args) -> PyResult {
    let cat = vm.e.deprecation_warning;
    crate::modules::warnings::warn_str(vm, cat, "NotImplemented should not be used in a boolean context", 1)?;
    Ok(vm.true_)
}
fn ellipsis_repr(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.intern("Ellipsis"))
}
fn ellipsis_new(vm: &mut Vm, args: Args) -> PyResult {
    args.shift().exact(vm, "ellipsis", 0, 0)?;
    Ok(vm.ellipsis)
}

/// Pickled by name: `Ellipsis` and `NotImplemented` are builtins.
fn singleton_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    Ok(if a[0] == vm.ellipsis { vm.intern("Ellipsis") } else { vm.intern("NotImplemented") })
}

pub fn init_types(vm: &mut Vm) {
    use crate::typeobj::{add_method, add_static};
    let n = vm.t.none_type;
    add_static(vm, n, "__new__", none_new);
    add_method(vm, n, "__repr__", none_repr);
    add_method(vm, n, "__bool__", none_bool);
    let t = vm.t.not_implemented_type;
    add_static(vm, t, "__new__", ni_new);
    add_method(vm, t, "__repr__", ni_repr);
    add_method(vm, t, "__bool__", ni_bool);
    let e = vm.t.ellipsis_type;
    add_static(vm, e, "__new__", ellipsis_new);
    add_method(vm, e, "__repr__", ellipsis_repr);
    add_method(vm, e, "__reduce__", singleton_reduce);
    add_method(vm, t, "__reduce__", singleton_reduce);
}
