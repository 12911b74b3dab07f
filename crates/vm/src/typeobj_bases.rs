//! Assigning `cls.__bases__` (CPython's `type_set_bases`): the new bases are
//! checked (a non-empty tuple of classes, no inheritance cycle, an acceptable
//! `__base__` whose instance layout matches the old one), then the MRO of the class
//! and of all its subclasses is recomputed (all restored if one fails), the
//! subclass lists follow, and the attribute caches are invalidated.

use crate::object::PyResult;
use crate::typeobj::{self, tflag, tobj};
use crate::value::Value;
use crate::vm::Vm;

/// The `__bases__` setter of `type`.
pub fn set_bases(vm: &mut Vm, ty: Value, new: Value) -> PyResult<()> {
    let name = typeobj::type_name(ty);
    if !typeobj::has_flag(ty, tflag::HEAPTYPE) {
        return Err(vm.type_error(format!("cannot set '__bases__' attribute of immutable type '{name}'")));
    }
    if new.is_null() {
        return Err(vm.type_error(format!("cannot delete '__bases__' attribute of immutable type '{name}'")));
    }
    if !crate::tuple::is_tuple(new) {
        let m = format!("can only assign tuple to {name}.__bases__, not {}", vm.type_name(new));
        return Err(vm.type_error(m));
    }
    let bases = crate::tuple::items(new).to_vec();
    if bases.is_empty() {
        return Err(vm.type_error(format!("can only assign non-empty tuple to {name}.__bases__, not ()")));
    }
    for &b in &bases {
        if !typeobj::is_type(b) {
            let m = format!("{name}.__bases__ must be tuple of classes, not '{}'", vm.type_name(b));
            return Err(vm.type_error(m));
        }
        if typeobj::is_subtype(b, ty) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    if let Some(&b) = bases.iter().find(|b| !typeobj::has_flag(**b, tflag::BASETYPE)) {
        return Err(vm.type_error(format!("type '{}' is not an acceptable base type", typeobj::type_name(b))));
    }
    let new_base = typeobj::best_base(vm, &bases)?;
    let t = tobj(ty);
    let old_base = t.base.get();
    check_compatible(vm, old_base, new_base)?;
    let old_bases = t.bases.replace(bases.clone());
    t.base.set(new_base);
    let old_solid = t.solid_base.get();
    if old_solid != ty {
        t.solid_base.set(tobj(new_base).solid_base.get());
    }
    let mut undo = Vec::new();
    if let Err(e) = remake_mros(vm, ty, &mut undo) {
        for (cls, mro) in undo.into_iter().rev() {
            *tobj(cls).mro.borrow_mut() = mro;
        }
        *t.bases.borrow_mut() = old_bases;
        t.base.set(old_base);
        t.solid_base.set(old_solid);
        return Err(e);
    }
    // A metaclass `mro()` may have assigned `__bases__` again meanwhile; that
    // assignment has updated the subclass lists (CPython's reentrancy check).
    if *t.bases.borrow() == bases {
        for b in old_bases {
            tobj(b).subclasses.borrow_mut().retain(|s| *s != ty);
        }
        for b in bases {
            tobj(b).subclasses.borrow_mut().push(ty);
        }
    }
    std::hint::black_box(new);
    typeobj::modified(vm, ty);
    Ok(())
}

/// CPython's `compatible_for_assignment(old_base, new_base, "__bases__")`.
fn check_compatible(vm: &mut Vm, old: Value, new: Value) -> PyResult<()> {
    let (on, nn) = (typeobj::type_name(old), typeobj::type_name(new));
    if is_collected(vm, old) != is_collected(vm, new) {
        return Err(vm.type_error(format!("__bases__ assignment: '{nn}' deallocator differs from '{on}'")));
    }
    if !crate::object_type::same_layout(new, old) {
        return Err(vm.type_error(format!("__bases__ assignment: '{nn}' object layout differs from '{on}'")));
    }
    Ok(())
}

/// Whether CPython's instances of `ty` are freed by the cyclic collector (its
/// `tp_free`): classes, containers and exceptions are, plain builtins are not.
fn is_collected(vm: &Vm, ty: Value) -> bool {
    if typeobj::has_flag(ty, tflag::HEAPTYPE) {
        return true;
    }
    let gc_types = [vm.t.tuple, vm.t.list, vm.t.dict, vm.t.set, vm.t.frozenset, vm.t.type_, vm.e.base_exception];
    gc_types.iter().any(|g| typeobj::is_subtype(ty, *g))
}

/// CPython's `mro_hierarchy`: new MROs for `ty` and its subclasses, each class's
/// old MRO noted in `undo` before it is replaced.
fn remake_mros(vm: &mut Vm, ty: Value, undo: &mut Vec<(Value, Vec<Value>)>) -> PyResult<()> {
    let mro = typeobj::mro_from_bases(vm, ty)?;
    let old = tobj(ty).mro.replace(mro);
    undo.push((ty, old));
    let subs = tobj(ty).subclasses.borrow().clone();
    // Subclass lists a reentrant assignment left cyclic must not recurse forever.
    vm.enter_recursion("")?;
    let r = subs.into_iter().try_for_each(|s| remake_mros(vm, s, undo));
    vm.leave_recursion();
    r
}
