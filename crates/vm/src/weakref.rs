//! Weak references: `weakref.ref` (and `_weakref`). A weak reference does not keep
//! its target alive; the collector clears it when the target dies and queues its
//! callback, which runs at the next safe point (a loop back-edge or call exit).

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

pub struct WeakRefObj {
    /// Not traced: NULL once the target died.
    pub target: Cell<Value>,
    pub callback: Cell<Value>,
    pub hash: Cell<i64>,
}
impl Trace for WeakRefObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.callback.get())
    }
}
payload!(WeakRefObj, "weakref");

fn wobj(v: Value) -> &'static WeakRefObj {
    v.downcast::<WeakRefObj>().unwrap()
}

fn can_weakref(vm: &Vm, v: Value) -> bool {
    if v.is_small_int() {
        return false;
    }
    let t = vm.type_of(v);
    crate::typeobj::has_flag(t, crate::typeobj::tflag::WEAKREFABLE)
        || crate::typeobj::is_type(v)
        || v.is::<crate::function::FunctionObj>()
        || v.is::<crate::set::SetObj>()
        || v.is::<crate::generator::GenObj>()
        || v.is::<crate::module::ModuleObj>()
        || v.is::<crate::function::BoundMethod>()
        || v.is::<crate::function::CodeObj>()
}

fn ref_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let a = args.shift().exact(vm, "__new__", 1, 2)?;
    if !can_weakref(vm, a[0]) {
        return Err({ let __arg = format!("cannot create weak reference to '{}' object", vm.type_name(a[0])); vm.type_error(__arg) });
    }
    let cb = match a.get(1) {
        Some(c) if *c != vm.none => *c,
        _ => Value::NULL,
    };
    let r = vm.alloc(cls, WeakRefObj { target: Cell::new(a[0]), callback: Cell::new(cb), hash: Cell::new(-1) });
    vm.weakrefs.push(r);
    Ok(r)
}

fn ref_init(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.none)
}

fn ref_call(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "weakref", 1, 1)?;
    let t = wobj(a[0]).target.get();
    Ok(if t.is_null() { vm.none } else { t })
}

fn ref_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let t = wobj(a[0]).target.get();
    let s = if t.is_null() {
        format!("<weakref at {:#x}; dead>", a[0].id())
    } else {
        format!("<weakref at {:#x}; to '{}' at {:#x}>", a[0].id(), vm.type_name(t), t.id())
    };
    Ok(crate::str::new_str(vm, s))
}

fn ref_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let w = wobj(a[0]);
    if w.hash.get() == -1 {
        let t = w.target.get();
        if t.is_null() {
            return Err(vm.type_error("weak object has gone away"));
        }
        let h = crate::hash::hash(vm, t)?;
        w.hash.set(h);
    }
    Ok(crate::int::from_i64(vm, w.hash.get()))
}

fn ref_eq(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__eq__", 2, 2)?;
    let Some(y) = a[1].downcast::<WeakRefObj>() else { return Ok(vm.not_implemented) };
    let (t1, t2) = (wobj(a[0]).target.get(), y.target.get());
    if t1.is_null() || t2.is_null() {
        return Ok(vm.bool(a[0] == a[1]));
    }
    let r = crate::ops::eq(vm, t1, t2)?;
    Ok(vm.bool(r))
}

fn ref_callback(vm: &mut Vm, v: Value) -> PyResult {
    let c = wobj(v).callback.get();
    Ok(if c.is_null() { vm.none } else { c })
}

/// Called by the collector after marking and before sweeping: clears weak
/// references to dead objects and queues their callbacks (which it keeps alive).
pub fn clear_dead(vm_weakrefs: &mut Vec<Value>, is_live: &dyn Fn(Value) -> bool, t: &mut Tracer, queued: &mut Vec<(Value, Value)>) {
    vm_weakrefs.retain(|w| is_live(*w));
    for w in vm_weakrefs.iter() {
        let o = wobj(*w);
        let target = o.target.get();
        if !target.is_null() && !is_live(target) {
            o.target.set(Value::NULL);
            let cb = o.callback.get();
            if !cb.is_null() {
                t.value(cb);
                queued.push((cb, *w));
            }
        }
    }
}

/// Runs queued weakref callbacks (outside the collector).
pub fn run_callbacks(vm: &mut Vm) {
    while let Some((cb, w)) = vm.weakref_callbacks.pop() {
        if let Err(e) = crate::call::call(vm, cb, &[w]) {
            crate::exceptions::write_unraisable(vm, e, "Exception ignored in", cb);
        }
    }
}

/// `obj.__weakref__`: the first live weak reference to `obj`, or None.
fn get_weakref(vm: &mut Vm, obj: Value) -> PyResult {
    let first = vm.weakrefs.iter().copied().find(|w| wobj(*w).target.get() == obj);
    Ok(first.unwrap_or(vm.none))
}

/// The `__weakref__` attribute classes get when their instances support weak
/// references.
pub fn weakref_descriptor(vm: &mut Vm, owner: Value) -> Value {
    crate::function::new_getset(vm, "__weakref__", owner, get_weakref, None)
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_getter, add_method, add_static};
    let t = vm.t.weakref;
    add_static(vm, t, "__new__", ref_new);
    add_method(vm, t, "__init__", ref_init);
    add_method(vm, t, "__call__", ref_call);
    add_method(vm, t, "__repr__", ref_repr);
    add_method(vm, t, "__hash__", ref_hash);
    add_method(vm, t, "__eq__", ref_eq);
    add_getter(vm, t, "__callback__", ref_callback);
}
