//! The `atexit` module: functions to call when the interpreter exits. The
//! callbacks live in a list of `(func, args, kwargs)` tuples; `unregister` leaves
//! a None in the slot (CPython's NULL), so `_ncallbacks` counts it, as there.

use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

thread_local! {
    static CALLBACKS: Cell<Value> = const { Cell::new(Value::NULL) };
}

fn callbacks(vm: &mut Vm) -> Value {
    let l = CALLBACKS.with(|c| c.get());
    if !l.is_null() {
        return l;
    }
    let l = crate::list::new_list(vm, vec![]);
    vm.extra_roots.push(l);
    CALLBACKS.with(|c| c.set(l));
    l
}

fn register(vm: &mut Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(&func) = pos.first() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !crate::builtins::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let rest = crate::tuple::new_tuple(vm, pos[1..].to_vec());
    let _p1 = crate::gc::pin(rest);
    let kw = crate::dict::new_dict(vm);
    let _p2 = crate::gc::pin(kw);
    for (k, v) in args.kw() {
        crate::dict::set_item(vm, kw, k, v)?;
    }
    let entry = crate::tuple::new_tuple(vm, vec![func, rest, kw]);
    let l = callbacks(vm);
    crate::list::lobj(l).items.borrow_mut().push(entry);
    Ok(func)
}

fn unregister(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "unregister", 1, 1)?;
    let l = callbacks(vm);
    let mut i = 0;
    loop {
        let entry = crate::list::lobj(l).items.borrow().get(i).copied();
        let Some(entry) = entry else { break };
        if entry != vm.none {
            let f = crate::tuple::items(entry)[0];
            if crate::ops::eq(vm, a[0], f)? {
                let none = vm.none;
                if let Some(slot) = crate::list::lobj(l).items.borrow_mut().get_mut(i) {
                    *slot = none;
                }
            }
        }
        i += 1;
    }
    Ok(vm.none)
}

/// Calls the callbacks, last registered first, reporting exceptions as
/// unraisable; then forgets them all. Callbacks registered meanwhile are not called.
pub fn run_exitfuncs(vm: &mut Vm) {
    let l = CALLBACKS.with(|c| c.get());
    if l.is_null() {
        return;
    }
    let n = crate::list::lobj(l).items.borrow().len();
    for i in (0..n).rev() {
        let entry = crate::list::lobj(l).items.borrow().get(i).copied();
        let Some(entry) = entry else { continue };
        if entry == vm.none {
            continue;
        }
        let _pin = crate::gc::pin(entry);
        let [f, rest, kw] = [0, 1, 2].map(|j| crate::tuple::items(entry)[j]);
        // Every value in `vals`/`names` is held by the pinned entry.
        let mut vals = crate::tuple::items(rest).to_vec();
        let mut names = Vec::new();
        for (k, v) in crate::dict::dobj(kw).items() {
            names.push(k);
            vals.push(v);
        }
        if let Err(e) = crate::call::call_args(vm, f, Args::with_kw(&vals, &names)) {
            report(vm, e, f);
        }
    }
    crate::list::lobj(l).items.borrow_mut().clear();
}

fn report(vm: &mut Vm, e: PyErr, f: Value) {
    crate::unraisable::write_unraisable(vm, e, Some("Exception ignored in atexit callback"), f);
}

fn run_exitfuncs_fn(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "atexit._run_exitfuncs", 0, 0)?;
    run_exitfuncs(vm);
    Ok(vm.none)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "atexit._clear", 0, 0)?;
    let l = callbacks(vm);
    crate::list::lobj(l).items.borrow_mut().clear();
    Ok(vm.none)
}

fn ncallbacks(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "atexit._ncallbacks", 0, 0)?;
    let l = callbacks(vm);
    let n = crate::list::lobj(l).items.borrow().len();
    Ok(Value::small(n as i64))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    callbacks(vm);
    super::add_functions(
        vm,
        m,
        &[
            ("register", register),
            ("unregister", unregister),
            ("_run_exitfuncs", run_exitfuncs_fn),
            ("_clear", clear),
            ("_ncallbacks", ncallbacks),
        ],
    )
}
