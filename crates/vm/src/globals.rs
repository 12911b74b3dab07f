//! The slow path of `LoadGlobal` (CPython's `LOAD_GLOBAL` when globals or builtins
//! is not an exact dict): both are read through `__getitem__`, so a dict subclass
//! used as globals sees its `__missing__` (or `__getitem__`) for every name it
//! lacks, builtins included.

use crate::dict;
use crate::object::PyResult;
use crate::value::Value;
use crate::vm::Vm;

/// `name` from `globals`, then from `builtins`, after the inline cache's exact-dict
/// lookup found nothing; NameError if neither mapping has it.
pub fn load_global(vm: &mut Vm, globals: Value, builtins: Value, name: Value) -> PyResult {
    if !(dict::is_exact(globals) && dict::is_exact(builtins)) {
        for ns in [globals, builtins] {
            if let Some(v) = getitem_opt(vm, ns, name)? {
                return Ok(v);
            }
        }
    }
    Err(crate::interp::name_not_defined(vm, name))
}

/// `ns[name]`, None on KeyError.
fn getitem_opt(vm: &mut Vm, ns: Value, name: Value) -> PyResult<Option<Value>> {
    match crate::ops::getitem(vm, ns, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if crate::exceptions::matches(vm, e, vm.e.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The builtins namespace running code uses (CPython's `PyEval_GetBuiltins`): the
/// current frame's, or the `builtins` module's dict outside any frame.
pub fn current_builtins(vm: &Vm) -> Value {
    vm.frames.last().map_or(vm.builtins_dict, |f| f.builtins)
}

/// The builtins of a function made for `globals` (CPython's
/// `_PyEval_BuiltinsFromGlobals`): `globals['__builtins__']` (a module stands for
/// its dict), else the current builtins; `globals` is left as it is.
pub fn builtins_of(vm: &mut Vm, globals: Value) -> PyResult {
    Ok(match builtins_entry(vm, globals)? {
        Some(b) => b,
        None => current_builtins(vm),
    })
}

/// `globals['__builtins__']` (a module stands for its dict); None when missing.
/// Any other object is taken as it is, as CPython does: names are then looked up
/// in it with `__getitem__` (`builtin`), and a non-mapping fails there.
pub fn builtins_entry(vm: &mut Vm, globals: Value) -> PyResult<Option<Value>> {
    Ok(match dict::get_item_str(vm, globals, "__builtins__")? {
        Some(b) if b.is::<crate::module::ModuleObj>() => Some(crate::module::module_dict(b)),
        other => other,
    })
}

/// `name` from a frame's builtins: directly from an exact dict, else through
/// `__getitem__` (KeyError meaning absent), as CPython's LOAD_NAME and
/// LOAD_BUILD_CLASS read them.
pub fn builtin(vm: &mut Vm, builtins: Value, name: Value) -> PyResult<Option<Value>> {
    if dict::is_exact(builtins) {
        return Ok(dict::get_str(builtins, name));
    }
    getitem_opt(vm, builtins, name)
}
