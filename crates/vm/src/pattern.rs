//! The runtime side of `match` statements (CPython 3.11's MATCH_* opcodes).

use crate::dict;
use crate::object::{Args, PyResult};
use crate::typeobj;
use crate::value::Value;
use crate::vm::Vm;

/// `MatchMapping`: an instance of a mapping type (CPython's Py_TPFLAGS_MAPPING: dict,
/// mappingproxy, collections.abc.Mapping's subclasses and registered classes).
pub fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    let t = vm.type_of(v);
    crate::typeobj_methods::collection_flag(vm, t) == typeobj::tflag::MAPPING
}

/// `MatchSequence`: an instance of a sequence type (Py_TPFLAGS_SEQUENCE: list, tuple,
/// range, memoryview, array, deque, collections.abc.Sequence's subclasses and
/// registered classes; never str, bytes or bytearray).
pub fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    let t = vm.type_of(v);
    crate::typeobj_methods::collection_flag(vm, t) == typeobj::tflag::SEQUENCE
}

/// `MatchKeys`: the values for `keys` in `subject`, or None if one is missing.
pub fn match_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult {
    let ks = crate::tuple::items(keys).to_vec();
    if ks.is_empty() {
        return Ok(vm.empty_tuple);
    }
    let get = crate::attr::getattr_str(vm, subject, "get")?;
    let dummy = crate::object_type::new_instance(vm, vm.t.object);
    let out = crate::list::new_list(vm, vec![]);
    let seen = crate::set::new_set(vm);
    for k in ks {
        if crate::set::contains(vm, seen, k)? {
            let r = crate::ops::repr_string(vm, k)?;
            return Err(vm.value_error(format!("mapping pattern checks duplicate key ({r})")));
        }
        crate::set::add(vm, seen, k)?;
        let v = crate::call::call(vm, get, &[k, dummy])?;
        if v == dummy {
            return Ok(vm.none);
        }
        crate::list::lobj(out).items.borrow_mut().push(v);
    }
    Ok(crate::list::list_to_tuple(vm, out))
}

/// `MatchClass`: the attributes for a class pattern, or None if it fails.
pub fn match_class(vm: &mut Vm, subject: Value, cls: Value, names: Value, npos: usize) -> PyResult {
    if !typeobj::is_type(cls) {
        return Err(vm.type_error("called match pattern must be a class"));
    }
    if !crate::builtins::isinstance(vm, subject, cls)? {
        return Ok(vm.none);
    }
    let out = crate::list::new_list(vm, vec![]);
    let seen = crate::list::new_list(vm, vec![]);
    let push = |vm: &mut Vm, name: Value| -> PyResult<bool> {
        if crate::list::lobj(seen).items.borrow().contains(&name) || {
            let l = crate::list::lobj(seen).items.borrow().clone();
            let mut dup = false;
            for x in l {
                if crate::ops::eq(vm, x, name)? {
                    dup = true;
                }
            }
            dup
        } {
            let n = crate::str::as_str(name).unwrap_or("?");
            return Err(vm.type_error(format!("{}() got multiple sub-patterns for attribute '{n}'", typeobj::type_name(cls))));
        }
        crate::list::lobj(seen).items.borrow_mut().push(name);
        let n = vm.intern_value(name);
        match crate::attr::getattr_opt(vm, subject, n)? {
            Some(v) => {
                crate::list::lobj(out).items.borrow_mut().push(v);
                Ok(true)
            }
            None => Ok(false),
        }
    };
    if npos > 0 {
        let self_match = [vm.t.bool, vm.t.bytearray, vm.t.bytes, vm.t.dict, vm.t.float, vm.t.frozenset, vm.t.int, vm.t.list, vm.t.set, vm.t.str, vm.t.tuple]
            .iter()
            .any(|t| typeobj::is_subtype(cls, *t));
        let ma = { let __n = vm.intern("__match_args__"); crate::attr::getattr_opt(vm, cls, __n) }?;
        match ma {
            Some(ma) => {
                if !crate::tuple::is_tuple(ma) {
                    return Err({ let __arg = format!("{}.__match_args__ must be a tuple (got {})", typeobj::type_name(cls), vm.type_name(ma)); vm.type_error(__arg) });
                }
                let items = crate::tuple::items(ma).to_vec();
                if npos > items.len() {
                    return Err(vm.type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({npos} given)",
                        typeobj::type_name(cls),
                        items.len(),
                        if items.len() == 1 { "" } else { "s" }
                    )));
                }
                for name in &items[..npos] {
                    if crate::str::as_str(*name).is_none() {
                        return Err({ let __arg = format!("__match_args__ elements must be strings (got {})", vm.type_name(*name)); vm.type_error(__arg) });
                    }
                    if !push(vm, *name)? {
                        return Ok(vm.none);
                    }
                }
            }
            None if self_match => {
                if npos > 1 {
                    return Err(vm.type_error(format!("{}() accepts 1 positional sub-pattern ({npos} given)", typeobj::type_name(cls))));
                }
                crate::list::lobj(out).items.borrow_mut().push(subject);
            }
            None => {
                return Err(vm.type_error(format!("{}() accepts 0 positional sub-patterns ({npos} given)", typeobj::type_name(cls))));
            }
        }
    }
    for name in crate::tuple::items(names).to_vec() {
        if !push(vm, name)? {
            return Ok(vm.none);
        }
    }
    Ok(crate::list::list_to_tuple(vm, out))
}

/// `CopyDictWithoutKeys`: `{**rest}` of a mapping pattern.
pub fn copy_dict_without_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult {
    let d = dict::new_dict(vm);
    crate::dict_methods::update_from(vm, d, subject)?;
    for k in crate::tuple::items(keys).to_vec() {
        dict::pop_item(vm, d, k)?;
    }
    Ok(d)
}

#[allow(dead_code)]
fn unused(_: Args) {}
