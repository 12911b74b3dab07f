//! `types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | str`).

use std::cell::Cell;

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;

pub struct AliasObj {
    /// NULL for a union.
    pub origin: Value,
    pub args: Value,
    /// `*tuple[int]`: an alias unpacked by `*`.
    starred: bool,
    /// `__parameters__`, computed on first use (NULL before).
    parameters: Cell<Value>,
}
impl Trace for AliasObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.origin);
        t.value(self.args);
        t.value(self.parameters.get());
    }
}

impl AliasObj {
    fn new(origin: Value, args: Value, starred: bool) -> AliasObj {
        AliasObj { origin, args, starred, parameters: Cell::new(Value::NULL) }
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
    Ok(vm.alloc(cls, AliasObj::new(origin, a, false)))
}

/// `cls[item]` for the builtin generic classes (`__class_getitem__`).
pub fn class_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__class_getitem__", 2, 2)?;
    new_generic_alias(vm, a[0], a[1])
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
    // Members are distinct by identity; generic aliases by equality too.
    let mut dedup: Vec<Value> = Vec::new();
    for v in items {
        let mut dup = false;
        for d in &dedup {
            dup = *d == v || (v.is::<AliasObj>() && d.is::<AliasObj>() && crate::ops::eq(vm, *d, v)?);
            if dup {
                break;
            }
        }
        if !dup {
            dedup.push(v);
        }
    }
    if dedup.len() == 1 {
        return Ok(dedup[0]);
    }
    let t = crate::tuple::new_tuple(vm, dedup);
    let ty = vm.t.union_type;
    Ok(vm.alloc(ty, AliasObj::new(Value::NULL, t, false)))
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

/// How an alias shows one of its arguments (`ga_repr_item`): `...`, another
/// alias as its repr, a class or function as its qualified name.
fn item_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v == vm.t.none_type || v == vm.none {
        return Ok("None".into());
    }
    if v == vm.ellipsis {
        return Ok("...".into());
    }
    if has_attr(vm, v, "__origin__")? && has_attr(vm, v, "__args__")? {
        return crate::ops::repr_string(vm, v);
    }
    let (q, m) = (vm.intern("__qualname__"), vm.intern("__module__"));
    let qualname = crate::attr::getattr_opt(vm, v, q)?;
    let module = crate::attr::getattr_opt(vm, v, m)?;
    match (qualname, module) {
        (Some(q), Some(m)) => {
            let q = crate::ops::str_string(vm, q)?;
            if crate::str::as_str(m) == Some("builtins") {
                Ok(q)
            } else {
                Ok(format!("{}.{q}", crate::ops::str_string(vm, m)?))
            }
        }
        _ => crate::ops::repr_string(vm, v),
    }
}

fn has_attr(vm: &mut Vm, v: Value, name: &'static str) -> PyResult<bool> {
    let n = vm.intern(name);
    Ok(crate::attr::getattr_opt(vm, v, n)?.is_some())
}

fn alias_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let g = this(vm, a[0])?;
    let items = crate::tuple::items(g.args).to_vec();
    let mut parts = Vec::with_capacity(items.len());
    for x in items {
        parts.push(item_repr(vm, x)?);
    }
    let s = if g.origin.is_null() {
        parts.join(" | ")
    } else {
        let o = item_repr(vm, g.origin)?;
        let star = if g.starred { "*" } else { "" };
        if parts.is_empty() { format!("{star}{o}[()]") } else { format!("{star}{o}[{}]", parts.join(", ")) }
    };
    Ok(crate::str::new_str(vm, s))
}

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static AliasObj> {
    match v.downcast::<AliasObj>() {
        Some(g) => Ok(g),
        None => Err(vm.type_error("descriptor requires a 'types.GenericAlias' object")),
    }
}

/// `alias(...)`: the origin called, the result told its `__orig_class__` when
/// it takes attributes.
fn alias_call(vm: &mut Vm, args: Args) -> PyResult {
    let g = this(vm, args.vals[0])?;
    let obj = crate::call::call_args(vm, g.origin, args.shift())?;
    if let Err(e) = crate::attr::setattr_str(vm, obj, "__orig_class__", args.vals[0]) {
        if !crate::exceptions::matches(vm, e, vm.e.attribute_error) && !crate::exceptions::matches(vm, e, vm.e.type_error) {
            return Err(e);
        }
    }
    Ok(obj)
}

/// The names a GenericAlias answers itself; any other attribute is its origin's.
const OWN_ATTRS: [&str; 11] = [
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
];

fn alias_getattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getattribute__", 2, 2)?;
    let g = this(vm, a[0])?;
    let n = crate::str::as_str(a[1]).unwrap_or("");
    match n {
        // A union has no origin: the generic lookup below raises.
        "__origin__" if !g.origin.is_null() => return Ok(g.origin),
        "__args__" => return Ok(g.args),
        "__parameters__" => return parameters(vm, g),
        "__unpacked__" if !g.origin.is_null() => return Ok(vm.bool(g.starred)),
        "__typing_unpacked_tuple_args__" if !g.origin.is_null() => {
            return Ok(if g.starred && g.origin == vm.t.tuple { g.args } else { vm.none });
        }
        _ => {}
    }
    if g.origin.is_null() || OWN_ATTRS.contains(&n) || crate::str::as_str(a[1]).is_none() {
        return crate::attr::generic_getattr(vm, a[0], a[1]);
    }
    crate::attr::getattr(vm, g.origin, a[1])
}

/// `__parameters__`: the type variables among the arguments and their own
/// parameters, each once (`_Py_make_parameters`).
fn parameters(vm: &mut Vm, g: &AliasObj) -> PyResult {
    let p = g.parameters.get();
    if !p.is_null() {
        return Ok(p);
    }
    // `found` only answers identity questions: `rooted` keeps its values alive
    // (an argument's `__parameters__` may be a fresh tuple).
    let rooted = crate::list::ValueBuf::new(vm);
    let mut found: Vec<Value> = Vec::new();
    for t in crate::tuple::items(g.args).to_vec() {
        if crate::typeobj::is_type(t) {
            continue;
        }
        if has_attr(vm, t, "__typing_subst__")? {
            if !found.contains(&t) {
                found.push(t);
                rooted.push(t);
            }
            continue;
        }
        let pn = vm.intern("__parameters__");
        if let Some(sub) = crate::attr::getattr_opt(vm, t, pn)? {
            if crate::tuple::is_tuple(sub) {
                for x in crate::tuple::items(sub) {
                    if !found.contains(x) {
                        found.push(*x);
                        rooted.push(*x);
                    }
                }
            }
        }
    }
    let t = rooted.into_tuple(vm);
    g.parameters.set(t);
    Ok(t)
}

/// A subscript as a tuple of its items: `x` itself if a tuple, else `(x,)`.
fn subscript_tuple(vm: &mut Vm, x: Value) -> Value {
    if crate::tuple::is_tuple(x) {
        x
    } else {
        crate::tuple::new_tuple(vm, vec![x])
    }
}

/// A subscript's items with each unpacked `*tuple[...]` (of fixed length)
/// replaced by its arguments (`_unpack_args`), as a tuple.
fn unpack_args(vm: &mut Vm, item: Value) -> PyResult {
    let out = crate::list::ValueBuf::new(vm);
    let item = subscript_tuple(vm, item);
    for x in crate::tuple::items(item).to_vec() {
        if !crate::typeobj::is_type(x) {
            let n = vm.intern("__typing_unpacked_tuple_args__");
            if let Some(sub) = crate::attr::getattr_opt(vm, x, n)? {
                let items = if crate::tuple::is_tuple(sub) { crate::tuple::items(sub) } else { &[] };
                if crate::tuple::is_tuple(sub) && items.last() != Some(&vm.ellipsis) {
                    for y in items {
                        out.push(*y);
                    }
                    continue;
                }
            }
        }
        out.push(x);
    }
    Ok(out.into_tuple(vm))
}

/// `alias[item]`: the arguments with each parameter replaced by its item
/// (`_Py_subs_parameters`), as a tuple.
fn substitute(vm: &mut Vm, this: Value, g: &AliasObj, item: Value) -> PyResult {
    let params_t = parameters(vm, g)?;
    let params = crate::tuple::items(params_t).to_vec();
    if params.is_empty() {
        let r = crate::ops::repr_string(vm, this)?;
        return Err(vm.type_error(format!("{r} is not a generic class")));
    }
    // `items` is always a tuple the stack holds (pinned below), so its values
    // survive the calls that follow.
    let mut items = unpack_args(vm, item)?;
    let mut _pin = crate::gc::pin(items);
    for p in &params {
        let n = vm.intern("__typing_prepare_subst__");
        if let Some(prepare) = crate::attr::getattr_opt(vm, *p, n)? {
            let r = crate::call::call(vm, prepare, &[this, items])?;
            items = subscript_tuple(vm, r);
            _pin = crate::gc::pin(items);
        }
    }
    let n_items = crate::tuple::items(items).len();
    if n_items != params.len() {
        let r = crate::ops::repr_string(vm, this)?;
        let how = if n_items > params.len() { "many" } else { "few" };
        return Err(vm.type_error(format!("Too {how} arguments for {r}; actual {n_items}, expected {}", params.len())));
    }
    let out = crate::list::ValueBuf::new(vm);
    for arg in crate::tuple::items(g.args).to_vec() {
        if crate::typeobj::is_type(arg) {
            out.push(arg);
            continue;
        }
        let unpack = {
            let n = vm.intern("__typing_is_unpacked_typevartuple__");
            match crate::attr::getattr_opt(vm, arg, n)? {
                Some(v) => crate::ops::truthy(vm, v)?,
                None => false,
            }
        };
        let n = vm.intern("__typing_subst__");
        let new = match crate::attr::getattr_opt(vm, arg, n)? {
            Some(subst) => {
                let i = params.iter().position(|p| *p == arg).unwrap_or(0);
                let it = crate::tuple::items(items)[i];
                crate::call::call(vm, subst, &[it])?
            }
            None => subs_tvars(vm, arg, &params, items)?,
        };
        if unpack && crate::tuple::is_tuple(new) {
            for x in crate::tuple::items(new) {
                out.push(*x);
            }
        } else {
            out.push(new);
        }
    }
    Ok(out.into_tuple(vm))
}

/// An argument that has parameters of its own (`dict[str, T]` inside another
/// alias), subscripted with their substitutions (`subs_tvars`); `items` is the
/// tuple of substitutions, one per parameter.
fn subs_tvars(vm: &mut Vm, obj: Value, params: &[Value], items: Value) -> PyResult {
    let n = vm.intern("__parameters__");
    let Some(sub) = crate::attr::getattr_opt(vm, obj, n)? else { return Ok(obj) };
    if !crate::tuple::is_tuple(sub) || crate::tuple::items(sub).is_empty() {
        return Ok(obj);
    }
    let _pin = crate::gc::pin(sub);
    let mut args = Vec::new();
    for p in crate::tuple::items(sub).to_vec() {
        match params.iter().position(|x| *x == p) {
            Some(i) => {
                let (param, arg) = (params[i], crate::tuple::items(items)[i]);
                // A TypeVarTuple (iterable) takes a tuple's items.
                let pt = vm.type_of(param);
                if crate::typeobj::lookup_str(vm, pt, "__iter__").is_some() && crate::tuple::is_tuple(arg) {
                    args.extend_from_slice(crate::tuple::items(arg));
                } else {
                    args.push(arg);
                }
            }
            None => args.push(p),
        }
    }
    // No allocation happened since `args` was filled from rooted tuples.
    let t = crate::tuple::new_tuple(vm, args);
    crate::ops::getitem(vm, obj, t)
}

fn alias_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    let g = this(vm, a[0])?;
    let t = substitute(vm, a[0], g, a[1])?;
    let _pin = crate::gc::pin(t);
    if g.origin.is_null() {
        // A union's substitutions are joined with `|` again.
        let members = crate::tuple::items(t).to_vec();
        let Some((&first, rest)) = members.split_first() else { return Ok(vm.none) };
        let mut r = first;
        for x in rest {
            r = crate::ops::binary_op(vm, r, *x, compiler::bytecode::BinOp::Or)?;
        }
        return Ok(r);
    }
    let ty = vm.t.generic_alias;
    Ok(vm.alloc(ty, AliasObj::new(g.origin, t, g.starred)))
}

/// `iter(alias)`: yields the alias unpacked (`*tuple[int]`), once.
pub struct AliasIter {
    /// The alias; NULL once consumed.
    obj: Cell<Value>,
}
impl Trace for AliasIter {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.obj.get());
    }
}
payload!(AliasIter, "generic_alias_iterator");

fn alias_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    this(vm, a[0])?;
    let ty = vm.t.generic_alias_iterator;
    Ok(vm.alloc(ty, AliasIter { obj: Cell::new(a[0]) }))
}

fn this_iter(vm: &mut Vm, v: Value) -> PyResult<&'static AliasIter> {
    crate::modules::receiver::<AliasIter>(vm, v, "__next__", "generic_alias_iterator")
}

fn alias_iter_next(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__next__", 1, 1)?;
    let it = this_iter(vm, a[0])?;
    let obj = it.obj.replace(Value::NULL);
    let Some(g) = obj.downcast::<AliasObj>() else { return Err(vm.stop_iteration(Value::NULL)) };
    let ty = vm.t.generic_alias;
    Ok(vm.alloc(ty, AliasObj::new(g.origin, g.args, true)))
}

fn alias_iter_self(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(a[0])
}

/// `(iter, (alias,))`, or `(iter, ((),))` once consumed.
fn alias_iter_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    let iter = crate::attr::getattr_str(vm, vm.builtins, "iter")?;
    let it = this_iter(vm, a[0])?;
    let obj = it.obj.get();
    let arg = if obj.is_null() { vm.empty_tuple } else { obj };
    let t = crate::tuple::new_tuple(vm, vec![arg]);
    Ok(crate::tuple::new_tuple(vm, vec![iter, t]))
}

fn alias_eq(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__eq__", 2, 2)?;
    let x = this(vm, a[0])?;
    let Some(y) = a[1].downcast::<AliasObj>() else { return Ok(vm.not_implemented) };
    if x.origin.is_null() != y.origin.is_null() {
        return Ok(vm.not_implemented);
    }
    if x.origin.is_null() {
        // Unions are equal when they hold the same members, in any order.
        let (xs, ys) = (member_set(vm, x)?, member_set(vm, y)?);
        let same = crate::ops::eq(vm, xs, ys)?;
        return Ok(vm.bool(same));
    }
    if x.starred != y.starred || !crate::ops::eq(vm, x.origin, y.origin)? {
        return Ok(vm.false_);
    }
    let r = crate::ops::eq(vm, x.args, y.args)?;
    Ok(vm.bool(r))
}

/// A union's members as a frozenset.
fn member_set(vm: &mut Vm, g: &AliasObj) -> PyResult {
    let ft = vm.t.frozenset;
    let fs = crate::set::new_set_of_type(vm, ft);
    crate::set::update(vm, fs, g.args)?;
    Ok(fs)
}

fn alias_ne(vm: &mut Vm, args: Args) -> PyResult {
    let r = alias_eq(vm, args)?;
    if r == vm.not_implemented {
        return Ok(r);
    }
    Ok(vm.bool(r != vm.true_))
}

fn alias_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let g = this(vm, a[0])?;
    let h = if g.origin.is_null() {
        // Order-independent, as equality is: the frozenset of the members.
        let fs = member_set(vm, g)?;
        crate::hash::hash(vm, fs)?
    } else {
        crate::hash::hash(vm, g.args)? ^ crate::hash::hash(vm, g.origin)?
    };
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
    let g = this(vm, a[0])?;
    Ok(crate::tuple::new_tuple(vm, vec![g.origin]))
}

/// `alias.__reduce__()`: `(GenericAlias, (origin, args))`, or for an unpacked
/// alias `(next, (iter(alias),))`.
fn alias_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    let g = this(vm, a[0])?;
    if g.starred {
        let ty = vm.t.generic_alias;
        let plain = vm.alloc(ty, AliasObj::new(g.origin, g.args, false));
        let it = crate::ops::iter(vm, plain)?;
        let next = crate::attr::getattr_str(vm, vm.builtins, "next")?;
        let t = crate::tuple::new_tuple(vm, vec![it]);
        return Ok(crate::tuple::new_tuple(vm, vec![next, t]));
    }
    let ty = vm.type_of(a[0]);
    let t = crate::tuple::new_tuple(vm, vec![g.origin, g.args]);
    Ok(crate::tuple::new_tuple(vm, vec![ty, t]))
}

/// `dir(alias)`: its origin's names and its own.
fn alias_dir(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__dir__", 1, 1)?;
    let g = this(vm, a[0])?;
    let dir = crate::attr::getattr_str(vm, vm.builtins, "dir")?;
    let l = crate::call::call(vm, dir, &[g.origin])?;
    for n in OWN_ATTRS {
        let s = vm.intern(n);
        if !crate::ops::contains(vm, l, s)? {
            crate::list::lobj(l).items.borrow_mut().push(s);
        }
    }
    Ok(l)
}

fn alias_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    if args.has_kw() {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    let pos = &args.pos()[1..];
    let &[origin, items] = pos else {
        return Err(vm.type_error(format!("GenericAlias expected 2 arguments, got {}", pos.len())));
    };
    alloc_alias(vm, cls, origin, items)
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
        let methods: [(&'static str, crate::object::NativeFn); 8] = [
            ("__repr__", alias_repr),
            ("__getattribute__", alias_getattr),
            ("__eq__", alias_eq),
            ("__ne__", alias_ne),
            ("__hash__", alias_hash),
            ("__or__", alias_or),
            ("__ror__", alias_ror),
            ("__getitem__", alias_getitem),
        ];
        for (n, f) in methods {
            add_method(vm, t, n, f);
        }
    }
    let g = vm.t.generic_alias;
    add_static(vm, g, "__new__", alias_new);
    let methods: [(&'static str, crate::object::NativeFn); 7] = [
        ("__call__", alias_call),
        ("__mro_entries__", alias_mro_entries),
        ("__instancecheck__", alias_instancecheck),
        ("__subclasscheck__", alias_subclasscheck),
        ("__iter__", alias_iter),
        ("__reduce__", alias_reduce),
        ("__dir__", alias_dir),
    ];
    for (n, f) in methods {
        add_method(vm, g, n, f);
    }
    let it = vm.t.generic_alias_iterator;
    add_method(vm, it, "__iter__", alias_iter_self);
    add_method(vm, it, "__next__", alias_iter_next);
    add_method(vm, it, "__reduce__", alias_iter_reduce);
}
