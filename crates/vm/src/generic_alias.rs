//! `types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | str`).

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;

pub struct AliasObj {
    pub origin: Value,
    pub args: Value,
}
impl Trace for AliasObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.origin);
        t.value(self.args);
    }
}
payload!(AliasObj, "types.GenericAlias");

fn args_tuple(vm: &mut Vm, args: Value) -> Value {
    if crate::tuple::is_tuple(args) {
        args
    } else {
        crate::tuple::new_tuple(vm, vec![args])
    }
}

pub fn new_generic_alias(vm: &mut Vm, origin: Value, args: Value) -> PyResult {
    let t = vm.t.generic_alias;
    alloc_alias(vm, t, origin, args)
}

/// A `GenericAlias` (or subclass `cls`) instance.
fn alloc_alias(vm: &mut Vm, cls: Value, origin: Value, args: Value) -> PyResult {
    let a = args_tuple(vm, args);
    Ok(vm.alloc(cls, AliasObj { origin, args: a }))
}

/// `a | b` for types: a union (None stands for NoneType).
pub fn new_union(vm: &mut Vm, a: Value, b: Value) -> PyResult {
    let ok = |vm: &Vm, v: Value| v == vm.none || crate::typeobj::is_type(v) || v.is::<AliasObj>();
    if !ok(vm, a) || !ok(vm, b) {
        return Ok(vm.not_implemented);
    }
    let mut items = Vec::new();
    for v in [a, b] {
        let v = if v == vm.none { vm.t.none_type } else { v };
        match union_args(v) {
            Some(t) => items.extend_from_slice(crate::tuple::items(t)),
            None => items.push(v),
        }
    }
    let mut dedup: Vec<Value> = Vec::new();
    for v in items {
        if !dedup.contains(&v) {
            dedup.push(v);
        }
    }
    if dedup.len() == 1 {
        return Ok(dedup[0]);
    }
    let t = crate::tuple::new_tuple(vm, dedup);
    let ty = vm.t.union_type;
    Ok(vm.alloc(ty, AliasObj { origin: Value::NULL, args: t }))
}

/// The members of a union, if `v` is one.
pub fn union_args(v: Value) -> Option<Value> {
    let a = v.downcast::<AliasObj>()?;
    if a.origin.is_null() {
        Some(a.args)
    } else {
        None
    }
}

fn type_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v == vm.t.none_type || v == vm.none {
        return Ok("None".into());
    }
    if v == vm.ellipsis {
        return Ok("...".into());
    }
    if crate::typeobj::is_type(v) {
        let q = crate::typeobj::tobj(v).qualname.borrow().clone();
        let m = crate::typeobj::lookup_str(vm, v, "__module__").and_then(|m| crate::str::as_str(m).map(str::to_string));
        return Ok(match m {
            Some(m) if m != "builtins" => format!("{m}.{q}"),
            _ => q,
        });
    }
    crate::ops::repr_string(vm, v)
}

fn alias_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let g = a[0].downcast::<AliasObj>().unwrap();
    let items = crate::tuple::items(g.args).to_vec();
    let parts: Vec<String> = items.iter().map(|x| type_repr(vm, *x)).collect::<PyResult<_>>()?;
    let s = if g.origin.is_null() {
        parts.join(" | ")
    } else {
        let o = type_repr(vm, g.origin)?;
        if parts.is_empty() { format!("{o}[()]") } else { format!("{o}[{}]", parts.join(", ")) }
    };
    Ok(crate::str::new_str(vm, s))
}

fn alias_call(vm: &mut Vm, args: Args) -> PyResult {
    let g = args.vals[0].downcast::<AliasObj>().unwrap();
    crate::call::call_args(vm, g.origin, args.shift())
}

fn alias_getattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getattribute__", 2, 2)?;
    let g = a[0].downcast::<AliasObj>().unwrap();
    let n = crate::str::as_str(a[1]).unwrap_or("");
    match n {
        // A union (no origin) has none: the lookup below raises.
        "__origin__" if !g.origin.is_null() => return Ok(g.origin),
        "__args__" => return Ok(g.args),
        "__parameters__" => return Ok(vm.empty_tuple),
        _ => {}
    }
    match crate::attr::generic_getattr(vm, a[0], a[1]) {
        Err(e) if !g.origin.is_null() && crate::exceptions::matches(vm, e, vm.e.attribute_error) => crate::attr::getattr(vm, g.origin, a[1]),
        r => r,
    }
}

fn alias_eq(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__eq__", 2, 2)?;
    let Some(y) = a[1].downcast::<AliasObj>() else { return Ok(vm.not_implemented) };
    let x = a[0].downcast::<AliasObj>().unwrap();
    if x.origin != y.origin {
        return Ok(vm.false_);
    }
    let r = crate::ops::eq(vm, x.args, y.args)?;
    Ok(vm.bool(r))
}

fn alias_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let g = a[0].downcast::<AliasObj>().unwrap();
    let h = crate::hash::hash(vm, g.args)? ^ if g.origin.is_null() { 0 } else { crate::hash::hash(vm, g.origin)? };
    Ok(crate::int::from_i64(vm, h))
}

fn alias_or(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__or__", 2, 2)?;
    new_union(vm, a[0], a[1])
}

fn alias_ror(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__ror__", 2, 2)?;
    new_union(vm, a[1], a[0])
}

fn alias_mro_entries(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__mro_entries__", 2, 2)?;
    let g = a[0].downcast::<AliasObj>().unwrap();
    Ok(crate::tuple::new_tuple(vm, vec![g.origin]))
}

fn alias_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let a = args.shift().exact(vm, "GenericAlias", 2, 2)?;
    alloc_alias(vm, cls, a[0], a[1])
}

fn alias_instancecheck(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn alias_subclasscheck(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_method, add_static};
    for t in [vm.t.generic_alias, vm.t.union_type] {
        add_method(vm, t, "__repr__", alias_repr);
        add_method(vm, t, "__getattribute__", alias_getattr);
        add_method(vm, t, "__eq__", alias_eq);
        add_method(vm, t, "__hash__", alias_hash);
        add_method(vm, t, "__or__", alias_or);
        add_method(vm, t, "__ror__", alias_ror);
    }
    let g = vm.t.generic_alias;
    add_static(vm, g, "__new__", alias_new);
    add_method(vm, g, "__call__", alias_call);
    add_method(vm, g, "__mro_entries__", alias_mro_entries);
    add_method(vm, g, "__instancecheck__", alias_instancecheck);
    add_method(vm, g, "__subclasscheck__", alias_subclasscheck);
}
