//! `super`: attribute lookup along the MRO after a given class.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj;
use crate::value::Value;
use crate::vm::Vm;

pub struct SuperObj {
    pub ty: std::cell::Cell<Value>,
    pub obj: std::cell::Cell<Value>,
    pub obj_type: std::cell::Cell<Value>,
}
impl Trace for SuperObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.ty.get());
        t.value(self.obj.get());
        t.value(self.obj_type.get());
    }
}
payload!(SuperObj, "super");

fn sobj(v: Value) -> &'static SuperObj {
    v.downcast::<SuperObj>().unwrap()
}

fn super_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let n = Value::NULL;
    Ok(vm.alloc(cls, SuperObj { ty: std::cell::Cell::new(n), obj: std::cell::Cell::new(n), obj_type: std::cell::Cell::new(n) }))
}

/// The type `obj` is checked against for `super(ty, obj)`.
fn check_obj(vm: &mut Vm, ty: Value, obj: Value) -> PyResult<Value> {
    if typeobj::is_type(obj) && typeobj::is_subtype(obj, ty) {
        return Ok(obj);
    }
    if typeobj::is_instance(vm, obj, ty) {
        return Ok(vm.type_of(obj));
    }
    Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"))
}

fn super_init(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "super", 1, 3)?;
    let s = sobj(a[0]);
    let (ty, obj) = match a.len() {
        1 => zero_arg(vm)?,
        2 => (a[1], Value::NULL),
        _ => (a[1], a[2]),
    };
    if !typeobj::is_type(ty) {
        return Err({ let __arg = format!("super() argument 1 must be a type, not {}", vm.type_name(ty)); vm.type_error(__arg) });
    }
    let obj = if obj == vm.none { Value::NULL } else { obj };
    let obj_type = if obj.is_null() { Value::NULL } else { check_obj(vm, ty, obj)? };
    s.ty.set(ty);
    s.obj.set(obj);
    s.obj_type.set(obj_type);
    Ok(vm.none)
}

/// `super()` in a method: `__class__` from the cell, self from the first argument.
fn zero_arg(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(f) = vm.frames.last().cloned() else {
        return Err(vm.runtime_error("super(): no current frame"));
    };
    let co = f.code_obj();
    if co.code.argcount == 0 && co.code.flags & compiler::code::flags::VARARGS == 0 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let mut first = vm.stack.get(f.base);
    // The first argument may live in a cell if an inner function captures it.
    if let Some(i) = co.code.cell2arg.iter().position(|c| *c == Some(0)) {
        let c = vm.stack.get(f.base + co.varnames.len() + i);
        if let Some(cell) = c.downcast::<crate::function::CellObj>() {
            first = cell.value.get();
        }
    }
    if first.is_null() {
        return Err(vm.runtime_error("super(): arg[0] deleted"));
    }
    let class_name = vm.intern("__class__");
    let ncell = co.code.cellvars.len();
    for (j, n) in co.cell_names.iter().enumerate() {
        if *n == class_name && j >= ncell {
            let c = vm.stack.get(f.base + co.varnames.len() + j);
            let v = c.downcast::<crate::function::CellObj>().map(|c| c.value.get()).unwrap_or(Value::NULL);
            if v.is_null() {
                return Err(vm.runtime_error("super(): empty __class__ cell"));
            }
            if !typeobj::is_type(v) {
                return Err(vm.runtime_error("super(): __class__ is not a type"));
            }
            return Ok((v, first));
        }
    }
    Err(vm.runtime_error("super(): __class__ cell not found"))
}

fn super_getattribute(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getattribute__", 2, 2)?;
    let s = sobj(a[0]);
    let name = crate::attr::interned_name(vm, a[1])?;
    if let Some(v) = find(vm, s, name) {
        let start = s.obj_type.get();
        let obj = if s.obj.get() == start { Value::NULL } else { s.obj.get() };
        return crate::attr::descr_get(vm, v, obj, start);
    }
    crate::attr::generic_getattr(vm, a[0], name)
}

/// What `super(ty, obj).name` finds along the MRO of `obj`'s type after `ty`
/// (before binding), if anything: `__class__` is the super object's own.
fn find(vm: &mut Vm, s: &SuperObj, name: Value) -> Option<Value> {
    let start = s.obj_type.get();
    if start.is_null() || name == vm.intern_static("__class__") {
        return None;
    }
    // Borrowed, not copied: the dict probes below neither allocate nor run Python
    // code (as `typeobj::lookup`'s MRO walk).
    let mro = typeobj::tobj(start).mro.borrow();
    let i = mro.iter().position(|t| *t == s.ty.get())?;
    mro[i + 1..].iter().find_map(|t| crate::dict::get_str(typeobj::tobj(*t).dict, name))
}

/// `(ty, obj, type of obj)` of an exact super object bound to an instance (not to a
/// class, not unbound): the case whose method loads the inline caches remember.
pub fn instance_parts(vm: &Vm, v: Value) -> Option<(Value, Value, Value)> {
    if vm.type_of(v) != vm.t.super_ {
        return None;
    }
    let s = v.downcast::<SuperObj>()?;
    let (obj, obj_type) = (s.obj.get(), s.obj_type.get());
    (!obj_type.is_null() && obj != obj_type).then(|| (s.ty.get(), obj, obj_type))
}

/// `super(...).name` as `LoadMethod` may call it, for a super bound to an instance:
/// the function or method descriptor found and the instance to call it with first,
/// if binding would wrap them in a bound method.
pub fn find_method(vm: &mut Vm, v: Value, name: Value) -> Option<(Value, Value)> {
    let (_, obj, _) = instance_parts(vm, v)?;
    let d = find(vm, sobj(v), name)?;
    crate::attr::is_plain_method(d).then_some((d, obj))
}

fn super_get(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__get__", 2, 3)?;
    let s = sobj(a[0]);
    if a[1] == vm.none || !s.obj.get().is_null() {
        return Ok(a[0]);
    }
    let t = vm.t.super_;
    let ns = crate::call::call(vm, t, &[s.ty.get(), a[1]])?;
    Ok(ns)
}

fn super_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let s = sobj(a[0]);
    let tn = typeobj::type_name(s.ty.get());
    let r = if s.obj_type.get().is_null() {
        format!("<super: <class '{tn}'>, NULL>")
    } else {
        format!("<super: <class '{tn}'>, <{} object>>", typeobj::type_name(s.obj_type.get()))
    };
    Ok(crate::str::new_str(vm, r))
}

fn get_thisclass(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(sobj(v).ty.get())
}
fn get_self(vm: &mut Vm, v: Value) -> PyResult {
    let o = sobj(v).obj.get();
    Ok(if o.is_null() { vm.none } else { o })
}
fn get_self_class(vm: &mut Vm, v: Value) -> PyResult {
    let o = sobj(v).obj_type.get();
    Ok(if o.is_null() { vm.none } else { o })
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_getter, add_method, add_static};
    let t = vm.t.super_;
    add_static(vm, t, "__new__", super_new);
    add_method(vm, t, "__init__", super_init);
    add_method(vm, t, "__getattribute__", super_getattribute);
    add_method(vm, t, "__get__", super_get);
    add_method(vm, t, "__repr__", super_repr);
    add_getter(vm, t, "__thisclass__", get_thisclass);
    add_getter(vm, t, "__self__", get_self);
    add_getter(vm, t, "__self_class__", get_self_class);
}
