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

fn is_frozen_package(vm: &mut Vm, args: Args) -> PyResult {
    let name = name_arg(vm, &args, "is_frozen_package")?;
    Err(crate::import::import_error(vm, format!("No such frozen object named '{name}'"), &name))
}

fn find_frozen(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "find_frozen", 1, 2)?;
    let _ = a;
    Ok(vm.none)
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
