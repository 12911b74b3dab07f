//! Attribute access: `getattr`, `setattr`, `delattr` and the descriptor protocol
//! (`object.__getattribute__`, `type.__getattribute__`, `__getattr__` fallback).

use crate::dict;
use crate::function::{BoundMethod, FunctionObj, GetSet, InstanceObj, Member, MethodWrapper, NativeFunction, NativeKind, Property};
use crate::object::{Args, PyErr, PyResult};
use crate::typeobj::{self, tflag, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

/// `getattr(obj, name)`; `name` is a str (interned for speed).
pub fn getattr(vm: &mut Vm, obj: Value, name: Value) -> PyResult {
    let ty = vm.type_of(obj);
    let names = vm_names(vm);
    let ga = typeobj::getattribute_of(vm, ty);
    let r = if ga == vm.t.object_getattribute || ga == vm.t.type_getattribute {
        generic_getattr(vm, obj, name)
    } else {
        crate::call::call_method_descr(vm, ga, obj, Args::new(&[name]))
    };
    match r {
        Err(e) if crate::exceptions::matches(vm, e, vm.e.attribute_error) => {
            let r = match typeobj::lookup(vm, ty, names.getattr) {
                Some(g) => crate::call::call_method_descr(vm, g, obj, Args::new(&[name])),
                None => Err(e),
            };
            r.map_err(|e| crate::exceptions::augment_attr_error(vm, e, obj, name))
        }
        r => r,
    }
}

/// `getattr(obj, name, None)`-like: None when the attribute is missing (only an
/// AttributeError is swallowed).
pub fn getattr_opt(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    match getattr(vm, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if crate::exceptions::matches(vm, e, vm.e.attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn getattr_str(vm: &mut Vm, obj: Value, name: &str) -> PyResult {
    let n = vm.intern(name);
    getattr(vm, obj, n)
}

pub struct Names {
    pub getattribute: Value,
    pub getattr: Value,
}

fn vm_names(vm: &mut Vm) -> Names {
    Names { getattribute: vm.n.getattribute, getattr: vm.n.getattr }
}

/// `object.__getattribute__` and `type.__getattribute__`.
pub fn generic_getattr(vm: &mut Vm, obj: Value, name: Value) -> PyResult {
    if typeobj::is_type(obj) {
        return type_getattr(vm, obj, name);
    }
    let ty = vm.type_of(obj);
    let found = typeobj::lookup(vm, ty, name);
    if let Some(d) = found {
        if is_data_descriptor(vm, d) && has_get(vm, d) {
            return descr_get(vm, d, obj, ty);
        }
    }
    if let Some(h) = obj.header() {
        let idict = h.dict();
        if !idict.is_null() {
            if let Some(v) = instance_dict_get(vm, idict, name)? {
                return Ok(v);
            }
        }
    }
    if let Some(d) = found {
        return descr_get(vm, d, obj, ty);
    }
    Err(no_attribute(vm, obj, name))
}

fn instance_dict_get(vm: &mut Vm, d: Value, name: Value) -> PyResult<Option<Value>> {
    match dict::get_str(d, name) {
        Some(v) => Ok(Some(v)),
        None if dict::dobj(d).is_empty() => Ok(None),
        None => dict::get_item(vm, d, name),
    }
}

/// The AttributeError CPython raises for a missing attribute.
pub fn no_attribute(vm: &mut Vm, obj: Value, name: Value) -> PyErr {
    let n = crate::str::as_str(name).unwrap_or("?").to_string();
    let msg = if let Some(m) = obj.downcast::<crate::module::ModuleObj>() {
        let _ = m;
        let d = crate::module::module_dict(obj);
        let named = dict::get_item_str(vm, d, "__name__").ok().flatten().and_then(crate::str::as_str).is_some();
        let mname = crate::module::module_name(vm, obj);
        if !named {
            format!("module has no attribute '{n}'")
        } else if crate::import::spec_initializing(vm, obj) {
            format!("partially initialized module '{mname}' has no attribute '{n}' (most likely due to a circular import)")
        } else {
            format!("module '{mname}' has no attribute '{n}'")
        }
    } else if typeobj::is_type(obj) {
        format!("type object '{}' has no attribute '{n}'", typeobj::type_name(obj))
    } else {
        format!("'{}' object has no attribute '{n}'", vm.type_name(obj))
    };
    let e = vm.attribute_error(msg);
    crate::exceptions::set_attr_error_context(vm, e, obj, name);
    e
}

/// `type.__getattribute__`: metatype data descriptors, then the type's own MRO
/// (descriptors bound with `__get__(None, type)`), then metatype attributes.
fn type_getattr(vm: &mut Vm, ty: Value, name: Value) -> PyResult {
    let meta = vm.type_of(ty);
    let meta_attr = typeobj::lookup(vm, meta, name);
    if let Some(d) = meta_attr {
        if is_data_descriptor(vm, d) && has_get(vm, d) {
            return descr_get(vm, d, ty, meta);
        }
    }
    if let Some(v) = typeobj::lookup(vm, ty, name) {
        return descr_get(vm, v, Value::NULL, ty);
    }
    if let Some(d) = meta_attr {
        return descr_get(vm, d, ty, meta);
    }
    Err(no_attribute(vm, ty, name))
}

/// Does `d` define `__set__` or `__delete__`?
pub fn is_data_descriptor(vm: &mut Vm, d: Value) -> bool {
    if d.is::<Property>() || d.is::<GetSet>() || d.is::<Member>() {
        return true;
    }
    if d.is::<FunctionObj>() || d.is::<NativeFunction>() || d.is_small_int() || d.is::<crate::str::StrObj>() {
        return false;
    }
    if is_builtin_value(vm, d) {
        return false;
    }
    let t = vm.type_of(d);
    typeobj::lookup_str(vm, t, "__set__").is_some() || typeobj::lookup_str(vm, t, "__delete__").is_some()
}

/// Does `d` bind on access (`__get__`)? A data descriptor with only `__set__` is
/// shadowed by the instance dict and returned as itself.
fn has_get(vm: &mut Vm, d: Value) -> bool {
    if is_builtin_value(vm, d) {
        return true;
    }
    let t = vm.type_of(d);
    typeobj::lookup_str(vm, t, "__get__").is_some()
}

/// `d.__get__(obj, ty)` for an attribute found on a type; `obj` is NULL for access
/// through the class.
pub fn descr_get(vm: &mut Vm, d: Value, obj: Value, ty: Value) -> PyResult {
    if d.is_small_int() {
        return Ok(d);
    }
    if let Some(_f) = d.downcast::<FunctionObj>() {
        return Ok(if obj.is_null() { d } else { crate::function::new_bound_method(vm, d, obj) });
    }
    if let Some(n) = d.downcast::<NativeFunction>() {
        return Ok(match n.kind {
            NativeKind::Method if !obj.is_null() && n.self_.is_null() => crate::function::bind_native(vm, n, obj),
            NativeKind::ClassMethod if n.self_.is_null() => crate::function::bind_native(vm, n, ty),
            _ => d,
        });
    }
    if let Some(w) = d.downcast::<MethodWrapper>() {
        let (f, t) = (w.func.get(), vm.type_of(d));
        if t == vm.t.staticmethod {
            return Ok(f);
        } else if t == vm.t.classmethod {
            return crate::func_type::classmethod_bind(vm, f, ty);
        } else if !typeobj::has_flag(t, tflag::HEAPTYPE) {
            return Ok(d);
        }
        // Subclasses (abc.abstractclassmethod) bind through their `__get__` below.
    }
    if let Some(p) = d.downcast::<Property>() {
        if obj.is_null() {
            return Ok(d);
        }
        let g = p.fget.get();
        if g.is_null() || g == vm.none {
            let pname = property_name(vm, p);
            return Err(property_error(vm, pname, obj, "getter"));
        }
        return crate::call::call(vm, g, &[obj]);
    }
    if let Some(gs) = d.downcast::<GetSet>() {
        if obj.is_null() {
            return Ok(d);
        }
        return (gs.get)(vm, obj);
    }
    if let Some(m) = d.downcast::<Member>() {
        if obj.is_null() {
            return Ok(d);
        }
        let v = member_slot(vm, m, obj)?;
        return if v.is_null() {
            Err({ let __arg = format!("'{}' object has no attribute '{}'", vm.type_name(obj), crate::str::as_str(m.name).unwrap_or("?")); vm.attribute_error(__arg) })
        } else {
            Ok(v)
        };
    }
    if d.is::<InstanceObj>() || !is_builtin_value(vm, d) || typeobj::has_flag(vm.type_of(d), tflag::NATIVE_GET) {
        let dt = vm.type_of(d);
        if let Some(get) = typeobj::lookup_str(vm, dt, "__get__") {
            let o = if obj.is_null() { vm.none } else { obj };
            return crate::call::call_method_descr(vm, get, d, Args::new(&[o, ty]));
        }
    }
    Ok(d)
}

/// A value of a builtin type (not a Python-defined class): those never have `__get__`
/// except the descriptor kinds handled above.
fn is_builtin_value(vm: &Vm, v: Value) -> bool {
    let t = vm.type_of(v);
    !typeobj::has_flag(t, tflag::HEAPTYPE)
}

/// "property 'x' of 'C' object has no setter" (the class by qualified name).
fn property_error(vm: &mut Vm, pname: String, obj: Value, what: &str) -> PyErr {
    let ty = vm.type_of(obj);
    let q = typeobj::tobj(ty).qualname.borrow().clone();
    vm.attribute_error(format!("property {pname}of '{q}' object has no {what}"))
}

fn property_name(_vm: &mut Vm, p: &Property) -> String {
    match crate::str::as_str(p.name.get()) {
        Some(n) => format!("'{n}' "),
        None => String::new(),
    }
}

/// The `__slots__` storage of an instance of a class that declares slots: in the
/// payload of plain objects, exceptions and weak references; for the other builtin
/// bases (list, deque, dict...) in a holder the GC keeps beside the object
/// (`Header::side_slots`), made on the first store (`create`).
pub fn slot_storage(vm: &mut Vm, obj: Value, create: bool) -> Option<&'static std::cell::RefCell<Box<[Value]>>> {
    if let Some(i) = obj.downcast::<InstanceObj>() {
        return Some(&i.slots);
    }
    if let Some(e) = obj.downcast::<crate::exceptions::ExceptionObj>() {
        return Some(&e.slots);
    }
    if let Some(w) = obj.downcast::<crate::weakref::WeakRefObj>() {
        return Some(&w.slots);
    }
    let h = obj.header()?;
    let mut holder = h.side_slots();
    if holder.is_null() && create {
        let ty = vm.type_of(obj);
        let object = vm.t.object;
        // Never seen by Python code: only this object's header points to it.
        holder = crate::object_type::new_instance(vm, object);
        let n = typeobj::tobj(ty).slot_count.get();
        *holder.downcast::<InstanceObj>()?.slots.borrow_mut() = vec![Value::NULL; n].into_boxed_slice();
        h.set_side_slots(holder);
    }
    holder.downcast::<InstanceObj>().map(|i| &i.slots)
}

/// The value of slot `m` of `obj` (NULL if unset), or TypeError if `obj` is not an
/// instance of the class that declares it.
fn member_slot(vm: &mut Vm, m: &Member, obj: Value) -> PyResult<Value> {
    if !typeobj::is_instance(vm, obj, m.owner) {
        let msg = format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            crate::str::as_str(m.name).unwrap_or("?"),
            typeobj::type_name(m.owner),
            vm.type_name(obj)
        );
        return Err(vm.type_error(msg));
    }
    Ok(slot_storage(vm, obj, false).and_then(|s| s.borrow().get(m.index).copied()).unwrap_or(Value::NULL))
}

/// Binds an attribute found on `type(obj)` to `obj` (used to call special methods).
pub fn bind_descriptor(vm: &mut Vm, d: Value, obj: Value, ty: Value) -> PyResult {
    descr_get(vm, d, obj, ty)
}

/// `name` looked up on `type(obj)` and bound to `obj`, instance attributes and
/// `__getattr__` ignored (CPython's `_PyObject_LookupSpecial`); None if the type
/// has no such attribute.
pub fn lookup_special(vm: &mut Vm, obj: Value, name: &'static str) -> PyResult<Option<Value>> {
    let ty = vm.type_of(obj);
    match typeobj::lookup_str(vm, ty, name) {
        Some(d) => descr_get(vm, d, obj, ty).map(Some),
        None => Ok(None),
    }
}

/// `setattr(obj, name, value)`; `value` NULL deletes (`delattr`).
pub fn setattr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let ty = vm.type_of(obj);
    let hook = if value.is_null() { "__delattr__" } else { "__setattr__" };
    let sa = typeobj::lookup_str(vm, ty, hook).expect("object.__setattr__");
    if sa != vm.t.object_setattr && sa != vm.t.object_delattr && sa != vm.t.type_setattr && sa != vm.t.type_delattr {
        let args: &[Value] = if value.is_null() { &[name] } else { &[name, value] };
        crate::call::call_method_descr(vm, sa, obj, Args::new(args))?;
        return Ok(());
    }
    generic_setattr(vm, obj, name, value)
}

pub fn setattr_str(vm: &mut Vm, obj: Value, name: &str, value: Value) -> PyResult<()> {
    let n = vm.intern(name);
    setattr(vm, obj, n, value)
}

/// An attribute name passed to a `__getattribute__`/`__setattr__` slot: the interned
/// str, or TypeError for anything else.
pub fn interned_name(vm: &mut Vm, name: Value) -> PyResult<Value> {
    if crate::str::as_str(name).is_none() {
        let m = format!("attribute name must be string, not '{}'", vm.type_name(name));
        return Err(vm.type_error(m));
    }
    Ok(vm.intern_value(name))
}

/// `object.__setattr__` / `object.__delattr__` (and `type.__setattr__`).
pub fn generic_setattr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let name = interned_name(vm, name)?;
    if let Some(t) = obj.downcast::<TypeObj>() {
        return type_setattr(vm, obj, t, name, value);
    }
    let ty = vm.type_of(obj);
    if let Some(d) = typeobj::lookup(vm, ty, name) {
        if is_data_descriptor(vm, d) {
            return descr_set(vm, d, obj, value);
        }
    }
    let Some(idict) = instance_dict_for_set(vm, obj, ty) else {
        return Err(no_settable_attr(vm, obj, ty, name));
    };
    if value.is_null() {
        if dict::pop_item(vm, idict, name)?.is_none() {
            return Err(no_attribute(vm, obj, name));
        }
        Ok(())
    } else {
        dict::set_item(vm, idict, name, value)
    }
}

/// The instance `__dict__` that `obj.name = v` stores into, created on first use;
/// None when instances of `ty` have no `__dict__`.
fn instance_dict_for_set(vm: &mut Vm, obj: Value, ty: Value) -> Option<Value> {
    let h = obj.header()?;
    let d = h.dict();
    // A class without `__dict__` over a builtin layout keeps its slots there.
    if !d.is_null() && !(typeobj::has_flag(ty, tflag::HEAPTYPE) && !typeobj::has_flag(ty, tflag::HAS_DICT)) {
        return Some(d);
    }
    if !typeobj::has_flag(ty, tflag::HAS_DICT) {
        return None;
    }
    let d = dict::new_instance_dict(vm);
    h.set_dict(d);
    Some(d)
}

/// The AttributeError for setting an attribute an object without `__dict__` lacks.
fn no_settable_attr(vm: &mut Vm, obj: Value, ty: Value, name: Value) -> PyErr {
    let n = crate::str::as_str(name).unwrap_or("?");
    let read_only = typeobj::lookup(vm, ty, name).is_some();
    let m = if read_only {
        format!("'{}' object attribute '{n}' is read-only", vm.type_name(obj))
    } else {
        format!("'{}' object has no attribute '{n}'", vm.type_name(obj))
    };
    vm.attribute_error(m)
}

fn type_setattr(vm: &mut Vm, ty: Value, t: &TypeObj, name: Value, value: Value) -> PyResult<()> {
    let meta = vm.type_of(ty);
    if let Some(d) = typeobj::lookup(vm, meta, name) {
        if is_data_descriptor(vm, d) {
            return descr_set(vm, d, ty, value);
        }
    }
    let n = crate::str::as_str(name).unwrap_or("?").to_string();
    if t.flags.get() & tflag::HEAPTYPE == 0 {
        return Err(vm.type_error(format!(
            "cannot set '{n}' attribute of immutable type '{}'",
            t.name.borrow()
        )));
    }
    if value.is_null() {
        if dict::pop_item(vm, t.dict, name)?.is_none() {
            typeobj::modified(vm, ty);
            return Err(vm.attribute_error(format!("type object '{}' has no attribute '{n}'", t.name.borrow())));
        }
    } else {
        dict::set_item(vm, t.dict, name, value)?;
    }
    typeobj::modified(vm, ty);
    Ok(())
}

/// `d.__set__(obj, value)` or, with NULL, `d.__delete__(obj)`.
pub fn descr_set(vm: &mut Vm, d: Value, obj: Value, value: Value) -> PyResult<()> {
    if let Some(p) = d.downcast::<Property>() {
        let (f, what) = if value.is_null() { (p.fdel.get(), "deleter") } else { (p.fset.get(), "setter") };
        if f.is_null() || f == vm.none {
            let pname = property_name(vm, p);
            return Err(property_error(vm, pname, obj, what));
        }
        let args: &[Value] = if value.is_null() { &[obj] } else { &[obj, value] };
        crate::call::call(vm, f, args)?;
        return Ok(());
    }
    if let Some(gs) = d.downcast::<GetSet>() {
        return match gs.set {
            Some(s) => s(vm, obj, value),
            None => Err(vm.attribute_error(format!(
                "attribute '{}' of '{}' objects is not writable",
                gs.name,
                typeobj::type_name(gs.owner)
            ))),
        };
    }
    if let Some(m) = d.downcast::<Member>() {
        let old = member_slot(vm, m, obj)?;
        if value.is_null() && old.is_null() {
            // CPython's member_set names only the slot here.
            let n = crate::str::as_str(m.name).unwrap_or("?").to_string();
            return Err(vm.attribute_error(n));
        }
        let slots = slot_storage(vm, obj, true).expect("an instance of a class with slots");
        let mut slots = slots.borrow_mut();
        if slots.len() <= m.index {
            // A class assigned to `__class__` later declared more slots.
            let mut grown = slots.to_vec();
            grown.resize(m.index + 1, Value::NULL);
            *slots = grown.into_boxed_slice();
        }
        slots[m.index] = value;
        return Ok(());
    }
    let dt = vm.type_of(d);
    let (hook, args): (&str, &[Value]) = if value.is_null() { ("__delete__", &[obj]) } else { ("__set__", &[obj, value]) };
    match typeobj::lookup_str(vm, dt, hook) {
        Some(f) => crate::call::call_method_descr(vm, f, d, Args::new(args)).map(|_| ()),
        None => Err(vm.attribute_error(format!("__{}__", if value.is_null() { "delete" } else { "set" }))),
    }
}

/// `LoadMethod`: the unbound method and `obj` when `name` is a plain method on the
/// type not shadowed by the instance, else NULL and the attribute.
pub fn load_method(vm: &mut Vm, obj: Value, name: Value) -> PyResult<(Value, Value)> {
    let ty = vm.type_of(obj);
    if !typeobj::is_type(obj) {
        let ga = typeobj::getattribute_of(vm, ty);
        if ga == vm.t.object_getattribute {
            if let Some(m) = typeobj::lookup(vm, ty, name) {
                if is_plain_method(m) {
                    let shadowed = obj.header().is_some_and(|h| {
                        let d = h.dict();
                        !d.is_null() && dict::get_str(d, name).is_some()
                    });
                    if !shadowed {
                        return Ok((m, obj));
                    }
                }
            }
        }
    }
    if let Some(r) = crate::super_type::find_method(vm, obj, name) {
        return Ok(r);
    }
    Ok((Value::NULL, getattr(vm, obj, name)?))
}

/// A class attribute that binding to an instance wraps as a bound method called
/// with the instance first: a Python function or a builtin method descriptor.
pub fn is_plain_method(m: Value) -> bool {
    m.is::<FunctionObj>() || m.downcast::<NativeFunction>().is_some_and(|n| n.kind == NativeKind::Method && n.self_.is_null())
}

/// Identity check used by `BoundMethod` equality and repr.
pub fn is_bound_method(v: Value) -> bool {
    v.is::<BoundMethod>()
}
