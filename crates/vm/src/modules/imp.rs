//! `_imp`: the import system's builtin helpers, as importlib uses them. There is
//! one thread running Python code and no import lock to take; no frozen modules
//! and no extension modules.

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;

fn lock_noop(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "lock", 0, 0)?;
    Ok(vm.none)
}

fn lock_held(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "lock_held", 0, 0)?;
    Ok(vm.false_)
}

fn name_arg(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<String> {
    let a = args.exact(vm, fname, 1, 1)?;
    match crate::str::as_str(a[0]) {
        Some(s) => Ok(s.to_string()),
        None => {
            let m = format!("{fname}() argument must be str, not {}", vm.type_name(a[0]));
            Err(vm.type_error(m))
        }
    }
}

/// 1 for a module built into the interpreter, -1 for `sys` and `builtins`
/// (which cannot be re-initialized), 0 otherwise.
fn is_builtin(vm: &mut Vm, args: Args) -> PyResult {
    let name = name_arg(vm, &args, "is_builtin")?;
    let r = if name == "sys" || name == "builtins" {
        -1
    } else {
        crate::modules::builtin_module(&name).is_some() as i64
    };
    Ok(Value::small(r))
}

fn is_frozen(vm: &mut Vm, args: Args) -> PyResult {
    name_arg(vm, &args, "is_frozen")?;
    Ok(vm.false_)
}

/// The ImportError (not ModuleNotFoundError) of the frozen-module functions.
fn frozen_error(vm: &mut Vm, msg: String, name: &str) -> crate::object::PyErr {
    let t = vm.e.import_error;
    crate::import::import_error_of(vm, t, msg, name)
}

fn is_frozen_package(vm: &mut Vm, args: Args) -> PyResult {
    let name = name_arg(vm, &args, "is_frozen_package")?;
    Err(frozen_error(vm, format!("No such frozen object named '{name}'"), &name))
}

fn find_frozen(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "find_frozen", 1, 2)?;
    let _ = a;
    Ok(vm.none)
}

/// `get_frozen_object(name, data=None, /)`: there are no frozen modules; given
/// `data` (marshalled code, as CPython's frozen tables hold), the code it holds.
fn get_frozen_object(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "get_frozen_object", 1, 2)?;
    let Some(name) = crate::str::as_str(a[0]).map(str::to_string) else {
        let m = format!("get_frozen_object() argument 1 must be str, not {}", vm.type_name(a[0]));
        return Err(vm.type_error(m));
    };
    let data = a.get(1).copied().filter(|d| *d != vm.none);
    let Some(data) = data else {
        return Err(frozen_error(vm, format!("No such frozen object named '{name}'"), &name));
    };
    if !crate::typeobj::is_instance(vm, data, vm.t.bytes) {
        let m = format!("get_frozen_object() argument 2 must be bytes, not {}", vm.type_name(data));
        return Err(vm.type_error(m));
    }
    match super::marshal::loads_value(vm, data) {
        Ok(code) if code.is::<crate::function::CodeObj>() => Ok(code),
        Ok(_) => Err(vm.type_error(format!("frozen object '{name}' is not a code object"))),
        Err(_) => Err(frozen_error(vm, format!("Frozen object named '{name}' is invalid"), &name)),
    }
}

/// `init_frozen(name, /)`: None, there being no frozen module to initialize.
fn init_frozen(vm: &mut Vm, args: Args) -> PyResult {
    name_arg(vm, &args, "init_frozen")?;
    Ok(vm.none)
}

/// `source_hash(key, source)`: the 8-byte SipHash-1-3 of `source` keyed with
/// (`key`, 0), for hash-based pyc files (CPython's `_Py_KeyedHash`).
fn source_hash(vm: &mut Vm, args: Args) -> PyResult {
    use num_traits::ToPrimitive;
    use std::hash::Hasher;
    let [key, source] = args.bind(vm, "source_hash", ["key", "source"], 2, 0)?;
    let key = crate::number::index_bigint(vm, key)?;
    let Some(key) = key.to_i64() else {
        return Err(vm.overflow_error("Python int too large to convert to C long"));
    };
    let Some(bytes) = crate::bytes::buffer_bytes(source) else {
        let m = format!("a bytes-like object is required, not '{}'", vm.type_name(source));
        return Err(vm.type_error(m));
    };
    let mut h = siphasher::sip::SipHasher13::new_with_keys(key as u64, 0);
    h.write(&bytes);
    Ok(crate::bytes::new_bytes(vm, h.finish().to_le_bytes().to_vec()))
}

/// The module a builtin spec names: made (and put in sys.modules) by the import
/// system on first use.
fn create_builtin(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "create_builtin", 1, 1)?;
    let n = vm.intern("name");
    let name = crate::attr::getattr(vm, a[0], n)?;
    let Some(name) = crate::str::as_str(name).map(str::to_string) else {
        return Err(vm.type_error("spec name must be string"));
    };
    if name != "sys" && name != "builtins" && crate::modules::builtin_module(&name).is_none() {
        return Err(crate::import::import_error(vm, format!("no built-in module named {name}"), &name));
    }
    crate::import::import_dotted(vm, &name)
}

/// Builtin modules are initialized when created.
fn exec_builtin(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "exec_builtin", 1, 1)?;
    Ok(Value::small(0))
}

fn extension_suffixes(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "extension_suffixes", 0, 0)?;
    Ok(crate::list::new_list(vm, vec![]))
}

/// Code objects get their file name from the compiler; nothing to fix.
fn fix_co_filename(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "_fix_co_filename", 2, 2)?;
    Ok(vm.none)
}

thread_local! {
    /// `_override_frozen_modules_for_tests`' setting (CPython's
    /// `override_frozen_modules`: > 0 forces frozen modules, < 0 disables them).
    static FROZEN_OVERRIDE: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

/// `_imp._override_frozen_modules_for_tests(override)`: recorded; with no frozen
/// modules here (`_frozen_module_names()` is empty) `find_frozen` finds nothing
/// either way.
fn override_frozen_modules(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_override_frozen_modules_for_tests", 1, 1)?;
    let n = crate::number::index_i64(vm, a[0])?;
    FROZEN_OVERRIDE.with(|c| c.set(n));
    Ok(vm.none)
}

fn frozen_module_names(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "_frozen_module_names", 0, 0)?;
    Ok(crate::tuple::new_tuple(vm, vec![]))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(
        vm,
        m,
        &[
            ("acquire_lock", lock_noop),
            ("release_lock", lock_noop),
            ("lock_held", lock_held),
            ("is_builtin", is_builtin),
            ("is_frozen", is_frozen),
            ("is_frozen_package", is_frozen_package),
            ("find_frozen", find_frozen),
            ("get_frozen_object", get_frozen_object),
            ("init_frozen", init_frozen),
            ("source_hash", source_hash),
            ("create_builtin", create_builtin),
            ("exec_builtin", exec_builtin),
            ("extension_suffixes", extension_suffixes),
            ("_fix_co_filename", fix_co_filename),
            ("_frozen_module_names", frozen_module_names),
            ("_override_frozen_modules_for_tests", override_frozen_modules),
        ],
    )?;
    let mode = vm.intern("default");
    super::set_attr(vm, m, "check_hash_based_pycs", mode)
}
