//! `sys.set_asyncgen_hooks` / `sys.get_asyncgen_hooks` (PEP 525) and their use by
//! async generators, as CPython's `async_gen_init_hooks` and `_PyGen_Finalize`:
//! the first `__anext__`/`asend`/`athrow`/`aclose` of an async generator calls the
//! `firstiter` hook with it and remembers the `finalizer` hook current then; an
//! unfinished async generator found unreachable is handed to that finalizer
//! (asyncio schedules its `aclose()`) instead of being closed in place.

use crate::generator::{GenKind, GenObj};
use crate::modules::structseq;
use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

static SPEC: structseq::Spec = structseq::Spec {
    name: "asyncgen_hooks",
    module: "builtins",
    fields: &["firstiter", "finalizer"],
    n_seq: 2,
    copy_if_none: &[],
};

crate::structseq_getters! { g_firstiter => "firstiter", g_finalizer => "finalizer" }

const FIRSTITER: usize = 0;
const FINALIZER: usize = 1;

thread_local! {
    /// `[firstiter, finalizer]` (NULL when unset), a list rooted by `vm.extra_roots`.
    static HOOKS: Cell<Value> = const { Cell::new(Value::NULL) };
    static HOOKS_TYPE: Cell<Value> = const { Cell::new(Value::NULL) };
}

fn hook(slot: usize) -> Value {
    let l = HOOKS.with(|c| c.get());
    if l.is_null() {
        return Value::NULL;
    }
    crate::list::lobj(l).items.borrow()[slot]
}

fn set_hook(slot: usize, v: Value) {
    let l = HOOKS.with(|c| c.get());
    crate::list::lobj(l).items.borrow_mut()[slot] = v;
}

/// `sys.set_asyncgen_hooks(firstiter=<unchanged>, finalizer=<unchanged>)`: None
/// unsets a hook. As CPython, the finalizer is set before firstiter is checked.
fn set_asyncgen_hooks(vm: &mut Vm, args: Args) -> PyResult {
    // PyArg_ParseTupleAndKeywords' messages, which name no function.
    if args.vals.len() > 2 {
        let kw = if args.pos().is_empty() { "keyword " } else { "" };
        let m = format!("function takes at most 2 {kw}arguments ({} given)", args.vals.len());
        return Err(vm.type_error(m));
    }
    for (k, _) in args.kw() {
        let key = crate::str::as_str(k).unwrap_or("");
        if key != "firstiter" && key != "finalizer" {
            let m = format!("'{key}' is an invalid keyword argument for this function");
            return Err(vm.type_error(m));
        }
    }
    let [firstiter, finalizer] = args.bind(vm, "set_asyncgen_hooks", ["firstiter", "finalizer"], 0, 0)?;
    for (slot, v, what) in [(FINALIZER, finalizer, "finalizer"), (FIRSTITER, firstiter, "firstiter")] {
        if v.is_null() {
            continue;
        }
        if v == vm.none {
            set_hook(slot, Value::NULL);
        } else if crate::builtins::is_callable(vm, v) {
            set_hook(slot, v);
        } else {
            let m = format!("callable {what} expected, got {}", vm.type_name(v));
            return Err(vm.type_error(m));
        }
    }
    Ok(vm.none)
}

/// `sys.get_asyncgen_hooks()`: an `asyncgen_hooks(firstiter, finalizer)` struct sequence.
fn get_asyncgen_hooks(vm: &mut Vm, args: Args) -> PyResult {
    if !args.vals.is_empty() {
        let m = format!("sys.get_asyncgen_hooks() takes no arguments ({} given)", args.vals.len());
        return Err(vm.type_error(m));
    }
    let or_none = |vm: &Vm, v: Value| if v.is_null() { vm.none } else { v };
    let vals = [or_none(vm, hook(FIRSTITER)), or_none(vm, hook(FINALIZER))];
    let t = HOOKS_TYPE.with(|c| c.get());
    structseq::new(vm, t, &vals)
}

/// Runs once per async generator, before its first `__anext__`, `asend`, `athrow`
/// or `aclose`: remembers the current finalizer and calls `firstiter(gen)`.
pub fn init_hooks(vm: &mut Vm, gen: Value) -> PyResult<()> {
    let Some(g) = gen.downcast::<GenObj>() else { return Ok(()) };
    if g.hooks_inited.replace(true) {
        return Ok(());
    }
    let finalizer = hook(FINALIZER);
    if !finalizer.is_null() {
        g.finalizer.set(finalizer);
        vm.heap.set_has_del(gen);
    }
    let firstiter = hook(FIRSTITER);
    if !firstiter.is_null() {
        crate::call::call(vm, firstiter, &[gen])?;
    }
    Ok(())
}

/// Finalizing an unreachable async generator: if it has a finalizer and is not
/// finished, calls `finalizer(gen)` (errors are unraisable) and returns true.
pub fn finalize(vm: &mut Vm, gen: Value) -> bool {
    let Some(g) = gen.downcast::<GenObj>() else { return false };
    let finalizer = g.finalizer.get();
    if g.kind != GenKind::AsyncGenerator || finalizer.is_null() || g.state.borrow().is_none() {
        return false;
    }
    if let Err(e) = crate::call::call(vm, finalizer, &[gen]) {
        crate::unraisable::write_unraisable(vm, e, None, gen);
    }
    true
}

/// Adds the two functions and the `asyncgen_hooks` type to `sys`.
pub fn init(vm: &mut Vm, sys_dict: Value) -> PyResult<()> {
    let t = structseq::make_type(vm, &SPEC, &[g_firstiter, g_finalizer])?;
    HOOKS_TYPE.with(|c| c.set(t));
    let l = crate::list::new_list(vm, vec![Value::NULL, Value::NULL]);
    vm.extra_roots.push(l);
    HOOKS.with(|c| c.set(l));
    let sys = vm.sys;
    let fns: [(&str, crate::object::NativeFn); 2] =
        [("set_asyncgen_hooks", set_asyncgen_hooks), ("get_asyncgen_hooks", get_asyncgen_hooks)];
    for (name, f) in fns {
        let v = crate::function::new_native(vm, name, f, crate::function::NativeKind::Function, sys);
        crate::dict::set_item_str(vm, sys_dict, name, v)?;
    }
    Ok(())
}
