//! Exceptions that cannot be raised (from `__del__`, weakref callbacks, gc and
//! atexit callbacks) go to `sys.unraisablehook`, as CPython's
//! `_PyErr_WriteUnraisableMsg` (Python/errors.c): the hook gets an
//! `UnraisableHookArgs` struct sequence; the default hook (`sys.__unraisablehook__`)
//! writes "Exception ignored in: <obj repr>", the traceback and the exception line to
//! `sys.stderr`.

use crate::modules::structseq;
use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

static SPEC: structseq::Spec = structseq::Spec {
    name: "UnraisableHookArgs",
    module: "builtins",
    fields: &["exc_type", "exc_value", "exc_traceback", "err_msg", "object"],
    n_seq: 5,
    copy_if_none: &[],
};

crate::structseq_getters! {
    g_exc_type => "exc_type", g_exc_value => "exc_value", g_exc_traceback => "exc_traceback",
    g_err_msg => "err_msg", g_object => "object",
}

thread_local! {
    static ARGS_TYPE: Cell<Value> = const { Cell::new(Value::NULL) };
}

/// Reports `e` to `sys.unraisablehook`. `err_msg` (e.g. "Exception ignored in atexit
/// callback") replaces the default "Exception ignored in" line head; `obj` is the
/// object the error happened in (NULL for none).
pub fn write_unraisable(vm: &mut Vm, e: crate::object::PyErr, err_msg: Option<&str>, obj: Value) {
    let exc = e.0;
    let msg = match err_msg {
        Some(m) => crate::str::alloc_str(vm, m),
        None => vm.none,
    };
    let obj = if obj.is_null() { vm.none } else { obj };
    let Ok(hook_args) = make_args(vm, exc, msg, obj) else { return };
    let d = crate::module::module_dict(vm.sys);
    let hook = crate::dict::get_item_str(vm, d, "unraisablehook").ok().flatten();
    let hook = match hook {
        Some(h) if h != vm.none => h,
        _ => {
            let _ = write_default(vm, hook_args);
            return;
        }
    };
    if let Err(err) = crate::call::call(vm, hook, &[hook_args]) {
        // The hook failed: its own error goes to the default hook.
        let m = crate::str::alloc_str(vm, "Exception ignored in sys.unraisablehook");
        if let Ok(a) = make_args(vm, err.0, m, hook) {
            let _ = write_default(vm, a);
        }
    }
}

fn make_args(vm: &mut Vm, exc: Value, msg: Value, obj: Value) -> PyResult {
    let ty = vm.type_of(exc);
    let tb = crate::exceptions::traceback_of(vm, exc);
    let t = ARGS_TYPE.with(|c| c.get());
    structseq::new(vm, t, &[ty, exc, tb, msg, obj])
}

/// `sys.__unraisablehook__(unraisable)`.
fn default_hook(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "sys.unraisablehook", 1, 1)?;
    let t = ARGS_TYPE.with(|c| c.get());
    if vm.type_of(a[0]) != t {
        return Err(vm.type_error("sys.unraisablehook argument type must be UnraisableHookArgs"));
    }
    write_default(vm, a[0])?;
    Ok(vm.none)
}

/// The default report, written to `sys.stderr` (nothing when it is None or missing).
fn write_default(vm: &mut Vm, hook_args: Value) -> PyResult<()> {
    let f: Vec<Value> = crate::tuple::items(hook_args).to_vec();
    let _pin = crate::gc::pin(hook_args);
    let (ty, value, tb, msg, obj) = (f[0], f[1], f[2], f[3], f[4]);
    let d = crate::module::module_dict(vm.sys);
    let Some(file) = crate::dict::get_item_str(vm, d, "stderr")?.filter(|f| *f != vm.none) else { return Ok(()) };
    let mut out = String::new();
    if obj != vm.none {
        if msg != vm.none {
            out.push_str(&crate::ops::str_string(vm, msg)?);
            out.push_str(": ");
        } else {
            out.push_str("Exception ignored in: ");
        }
        match crate::ops::repr_string(vm, obj) {
            Ok(r) => out.push_str(&r),
            Err(_) => out.push_str("<object repr() failed>"),
        }
        out.push('\n');
    } else if msg != vm.none {
        out.push_str(&crate::ops::str_string(vm, msg)?);
        out.push_str(":\n");
    }
    if tb.is::<crate::exceptions::TracebackObj>() {
        out.push_str(&crate::exc_print::format_traceback(vm, tb));
    }
    if ty != vm.none && crate::typeobj::is_type(ty) {
        out.push_str(&exception_line(vm, ty, value));
    }
    crate::sys::write_to(vm, file, &out)?;
    crate::call::call_method(vm, file, "flush", &[])?;
    Ok(())
}

/// `module.Qualname: str(value)`, builtins and `__main__` classes unqualified; the
/// colon stays even when `str(value)` is empty.
fn exception_line(vm: &mut Vm, ty: Value, value: Value) -> String {
    let mut line = match crate::attr::getattr_str(vm, ty, "__module__").ok().and_then(|m| crate::str::as_str(m).map(str::to_string)) {
        Some(m) if m == "builtins" || m == "__main__" => String::new(),
        Some(m) => format!("{m}."),
        None => "<unknown>".to_string(),
    };
    line.push_str(&crate::typeobj::tobj(ty).qualname.borrow());
    if value != vm.none {
        line.push_str(": ");
        match crate::ops::str_string(vm, value) {
            Ok(s) => line.push_str(&s),
            Err(_) => line.push_str("<exception str() failed>"),
        }
    }
    line.push('\n');
    line
}

/// `sys.unraisablehook`, `sys.__unraisablehook__` and the `UnraisableHookArgs` type.
pub fn init(vm: &mut Vm, sys_dict: Value) -> PyResult<()> {
    let getters: &[crate::function::Getter] = &[g_exc_type, g_exc_value, g_exc_traceback, g_err_msg, g_object];
    let t = structseq::make_type(vm, &SPEC, getters)?;
    ARGS_TYPE.with(|c| c.set(t));
    let sys = vm.sys;
    let hook = crate::function::new_native(vm, "unraisablehook", default_hook, crate::function::NativeKind::Function, sys);
    crate::dict::set_item_str(vm, sys_dict, "unraisablehook", hook)?;
    crate::dict::set_item_str(vm, sys_dict, "__unraisablehook__", hook)
}
