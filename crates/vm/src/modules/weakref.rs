//! The `_weakref` module behind the standard library's `weakref`.

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;

fn getweakrefcount(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "getweakrefcount", 1, 1)?;
    let n = vm.weakrefs.count(a[0]);
    Ok(crate::int::from_usize(vm, n))
}

fn getweakrefs(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "getweakrefs", 1, 1)?;
    let v = vm.weakrefs.refs_to(a[0]);
    Ok(crate::list::new_list(vm, v))
}

fn remove_dead_weakref(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_remove_dead_weakref", 2, 2)?;
    if let Some(w) = crate::dict::get_item(vm, a[0], a[1])? {
        if w.downcast::<crate::weakref::WeakRefObj>().is_some_and(|o| o.target.get().is_null()) {
            crate::dict::pop_item(vm, a[0], a[1])?;
        }
    }
    Ok(vm.none)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(vm, m, &[
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
        ("_remove_dead_weakref", remove_dead_weakref),
        ("proxy", crate::weakref::proxy_new),
    ])?;
    let (r, p, cp) = (vm.t.weakref, vm.t.weakproxy, vm.t.weakcallableproxy);
    for (n, t) in [("ref", r), ("ReferenceType", r), ("ProxyType", p), ("CallableProxyType", cp)] {
        super::set_attr(vm, m, n, t)?;
    }
    Ok(())
}
