//! `__text_signature__` of builtin types, their methods and the functions of the
//! modules written in Rust, as CPython 3.11 has them (`table.rs`, generated from
//! the reference `python3` by `gen_signatures.py`): what `inspect.signature`,
//! `help()` and `rlcompleter` read. CPython derives them from the docstrings,
//! which Ferropy does not have yet.

use crate::object::PyResult;
use crate::typeobj::{self, tflag};
use crate::value::Value;
use crate::vm::Vm;

mod table;

fn sig_value(vm: &mut Vm, sig: Option<&'static str>) -> Value {
    match sig {
        Some(s) => crate::str::new_str(vm, s.to_string()),
        None => vm.none,
    }
}

fn method_sig(tp_name: &str, name: &str) -> Option<&'static str> {
    table::METHODS.iter().find(|(t, n, _)| *t == tp_name && *n == name).map(|e| e.2)
}

/// `__text_signature__` of a builtin function or method: found by the type that
/// defines it (or the first base CPython defines it on) or by its module.
pub fn native_signature(vm: &mut Vm, v: Value) -> PyResult {
    let Some(f) = v.downcast::<crate::function::NativeFunction>() else { return Ok(vm.none) };
    let sig = if typeobj::is_type(f.owner) {
        let mro = typeobj::tobj(f.owner).mro.borrow().clone();
        mro.iter().find_map(|t| method_sig(&typeobj::type_name(*t), f.name))
    } else if f.owner.is::<crate::module::ModuleObj>() {
        let d = crate::module::module_dict(f.owner);
        let module = crate::dict::get_item_str(vm, d, "__name__")?.and_then(crate::str::as_str).unwrap_or("").to_string();
        table::FUNCTIONS.iter().find(|(m, n, _)| *m == module && *n == f.name).map(|e| e.2)
    } else {
        None
    };
    Ok(sig_value(vm, sig))
}

/// `type.__text_signature__`: a builtin type's constructor signature; None for
/// classes (CPython reads one from a class docstring written as "C(...)\n--\n\n",
/// which Ferropy does not).
pub fn type_signature(vm: &mut Vm, t: Value) -> PyResult {
    if typeobj::has_flag(t, tflag::HEAPTYPE) {
        return Ok(vm.none);
    }
    let name = typeobj::type_name(t);
    let sig = table::TYPES.iter().find(|(n, _)| *n == name).map(|e| e.1);
    Ok(sig_value(vm, sig))
}
