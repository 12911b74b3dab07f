//! `set` and `frozenset`.
//!
//! For now a set stores its elements as the keys of a dict table (insertion order);
//! CPython's own set table, whose iteration order programs observe, is to replace
//! it (docs/compat.md).

use crate::dict::{self, DictObj};
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::ops;
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::CmpOp;

pub struct SetObj {
    pub table: Value,
    hash: std::cell::Cell<i64>,
}
impl Trace for SetObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.table)
    }
}
payload!(SetObj, "set");

pub fn new_set(vm: &mut Vm) -> Value {
    let t = vm.t.set;
    new_set_of_type(vm, t)
}

pub fn new_set_of_type(vm: &mut Vm, ty: Value) -> Value {
    let table = dict::new_dict(vm);
    vm.alloc(ty, SetObj { table, hash: std::cell::Cell::new(-1) })
}

pub fn sobj(s: Value) -> &'static SetObj {
    s.downcast::<SetObj>().expect("set")
}

pub fn is_anyset(v: Value) -> bool {
    v.is::<SetObj>()
}

pub fn table(s: Value) -> &'static DictObj {
    dict::dobj(sobj(s).table)
}

/// The elements, in iteration order.
pub fn elements(s: Value) -> Vec<Value> {
    table(s).items().into_iter().map(|(k, _)| k).collect()
}

pub fn add(vm: &mut Vm, s: Value, v: Value) -> PyResult<()> {
    let none = vm.none;
    dict::set_item(vm, sobj(s).table, v, none)
}

pub fn contains(vm: &mut Vm, s: Value, v: Value) -> PyResult<bool> {
    match dict::get_item(vm, sobj(s).table, v) {
        Ok(r) => Ok(r.is_some()),
        Err(e) if is_anyset(v) && crate::exceptions::matches(vm, e, vm.e.type_error) => {
            let f = frozen_copy(vm, v)?;
            Ok(dict::get_item(vm, sobj(s).table, f)?.is_some())
        }
        Err(e) => Err(e),
    }
}

fn frozen_copy(vm: &mut Vm, s: Value) -> PyResult {
    let t = vm.t.frozenset;
    let f = new_set_of_type(vm, t);
    update(vm, f, s)?;
    Ok(f)
}

pub fn update(vm: &mut Vm, s: Value, src: Value) -> PyResult<()> {
    if is_anyset(src) {
        for v in elements(src) {
            add(vm, s, v)?;
        }
        return Ok(());
    }
    let it = ops::iter(vm, src)?;
    while let Some(v) = ops::next(vm, it)? {
        add(vm, s, v)?;
    }
    Ok(())
}

pub fn from_iterable(vm: &mut Vm, src: Value) -> PyResult {
    let s = new_set(vm);
    update(vm, s, src)?;
    Ok(s)
}

fn result_like(vm: &mut Vm, like: Value) -> Value {
    let t = if crate::typeobj::is_subtype(vm.type_of(like), vm.t.frozenset) { vm.t.frozenset } else { vm.t.set };
    new_set_of_type(vm, t)
}

fn set_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    if crate::typeobj::is_subtype(cls, vm.t.frozenset) {
        let a = args.shift().exact(vm, "frozenset", 0, 1)?;
        if cls == vm.t.frozenset {
            if let Some(src) = a.first() {
                if vm.type_of(*src) == vm.t.frozenset {
                    return Ok(*src);
                }
            }
        }
        let s = new_set_of_type(vm, cls);
        if let Some(src) = a.first() {
            update(vm, s, *src)?;
        }
        return Ok(s);
    }
    Ok(new_set_of_type(vm, cls))
}

fn set_init(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "set", 1, 2)?;
    if vm.type_of(a[0]) != vm.t.frozenset && !crate::typeobj::is_subtype(vm.type_of(a[0]), vm.t.frozenset) {
        table(a[0]).clear();
        if let Some(src) = a.get(1) {
            update(vm, a[0], *src)?;
        }
    }
    Ok(vm.none)
}

fn set_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let s = a[0];
    let els = elements(s);
    let is_frozen = crate::typeobj::is_subtype(vm.type_of(s), vm.t.frozenset);
    let name = vm.type_name(s);
    if els.is_empty() {
        return Ok(crate::str::new_str(vm, format!("{name}()")));
    }
    let inner = crate::list::repr_items(vm, s, &els, "{", "}")?;
    let r = if vm.type_of(s) == vm.t.set {
        inner
    } else if is_frozen || name != "set" {
        format!("{name}({inner})")
    } else {
        inner
    };
    Ok(crate::str::new_str(vm, r))
}

fn set_len(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__len__", 1, 1)?;
    Ok(crate::int::from_usize(vm, table(a[0]).len()))
}

fn set_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    Ok({ let __arg = contains(vm, a[0], a[1])?; vm.bool(__arg) })
}

fn set_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(crate::iter::new_set_iter(vm, a[0]))
}

fn set_add(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "add", 2, 2)?;
    add(vm, a[0], a[1])?;
    Ok(vm.none)
}

fn set_discard(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "discard", 2, 2)?;
    dict::pop_item(vm, sobj(a[0]).table, a[1])?;
    Ok(vm.none)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "remove", 2, 2)?;
    match dict::pop_item(vm, sobj(a[0]).table, a[1])? {
        Some(_) => Ok(vm.none),
        None => Err(vm.key_error(a[1])),
    }
}

fn set_pop(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "pop", 1, 1)?;
    let first = elements(a[0]).first().copied();
    match first {
        Some(v) => {
            dict::pop_item(vm, sobj(a[0]).table, v)?;
            Ok(v)
        }
        None => Err({ let __arg = vm.intern("pop from an empty set"); vm.key_error(__arg) }),
    }
}

fn set_clear(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "clear", 1, 1)?;
    table(a[0]).clear();
    Ok(vm.none)
}

fn set_copy(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "copy", 1, 1)?;
    if vm.type_of(a[0]) == vm.t.frozenset {
        return Ok(a[0]);
    }
    let s = result_like(vm, a[0]);
    update(vm, s, a[0])?;
    Ok(s)
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.pos();
    args.no_kw(vm, "update")?;
    for src in &a[1..] {
        update(vm, a[0], *src)?;
    }
    Ok(vm.none)
}

/// The elements of `other` as a set (for the set algebra methods).
fn as_set(vm: &mut Vm, other: Value) -> PyResult {
    if is_anyset(other) {
        return Ok(other);
    }
    from_iterable(vm, other)
}

fn union(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.pos();
    let s = result_like(vm, a[0]);
    update(vm, s, a[0])?;
    for o in &a[1..] {
        update(vm, s, *o)?;
    }
    Ok(s)
}

fn intersection(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.pos();
    let mut cur = a[0];
    for o in &a[1..] {
        let other = as_set(vm, *o)?;
        let s = result_like(vm, a[0]);
        for v in elements(cur) {
            if contains(vm, other, v)? {
                add(vm, s, v)?;
            }
        }
        cur = s;
    }
    if cur == a[0] {
        let s = result_like(vm, a[0]);
        update(vm, s, a[0])?;
        return Ok(s);
    }
    Ok(cur)
}

fn difference(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.pos();
    let s = result_like(vm, a[0]);
    update(vm, s, a[0])?;
    for o in &a[1..] {
        let other = as_set(vm, *o)?;
        for v in elements(other) {
            dict::pop_item(vm, sobj(s).table, v)?;
        }
    }
    Ok(s)
}

fn symmetric_difference(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "symmetric_difference", 2, 2)?;
    let other = as_set(vm, a[1])?;
    let s = result_like(vm, a[0]);
    for v in elements(a[0]) {
        if !contains(vm, other, v)? {
            add(vm, s, v)?;
        }
    }
    for v in elements(other) {
        if !contains(vm, a[0], v)? {
            add(vm, s, v)?;
        }
    }
    Ok(s)
}

fn replace_contents(vm: &mut Vm, target: Value, src: Value) -> PyResult<()> {
    let els = elements(src);
    table(target).clear();
    for v in els {
        add(vm, target, v)?;
    }
    std::hint::black_box(src);
    Ok(())
}

fn intersection_update(vm: &mut Vm, args: Args) -> PyResult {
    let r = intersection(vm, args)?;
    replace_contents(vm, args.vals[0], r)?;
    Ok(vm.none)
}

fn difference_update(vm: &mut Vm, args: Args) -> PyResult {
    let r = difference(vm, args)?;
    replace_contents(vm, args.vals[0], r)?;
    Ok(vm.none)
}

fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult {
    let r = symmetric_difference(vm, args)?;
    replace_contents(vm, args.vals[0], r)?;
    Ok(vm.none)
}

fn is_subset(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if table(a).len() > table(b).len() {
        return Ok(false);
    }
    for v in elements(a) {
        if !contains(vm, b, v)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issubset(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "issubset", 2, 2)?;
    let o = as_set(vm, a[1])?;
    Ok({ let __arg = is_subset(vm, a[0], o)?; vm.bool(__arg) })
}

fn issuperset(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "issuperset", 2, 2)?;
    let o = as_set(vm, a[1])?;
    Ok({ let __arg = is_subset(vm, o, a[0])?; vm.bool(__arg) })
}

fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "isdisjoint", 2, 2)?;
    let o = as_set(vm, a[1])?;
    for v in elements(o) {
        if contains(vm, a[0], v)? {
            return Ok(vm.false_);
        }
    }
    Ok(vm.true_)
}

fn binop(vm: &mut Vm, args: Args, f: fn(&mut Vm, Args) -> PyResult) -> PyResult {
    let a = args.exact(vm, "op", 2, 2)?;
    if !is_anyset(a[1]) {
        return Ok(vm.not_implemented);
    }
    f(vm, args)
}

fn set_or(vm: &mut Vm, args: Args) -> PyResult {
    binop(vm, args, union)
}
fn set_and(vm: &mut Vm, args: Args) -> PyResult {
    binop(vm, args, intersection)
}
fn set_sub(vm: &mut Vm, args: Args) -> PyResult {
    binop(vm, args, difference)
}
fn set_xor(vm: &mut Vm, args: Args) -> PyResult {
    binop(vm, args, symmetric_difference)
}
fn set_ior(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__ior__", 2, 2)?;
    if !is_anyset(a[1]) {
        return Ok(vm.not_implemented);
    }
    update(vm, a[0], a[1])?;
    Ok(a[0])
}
fn set_iand(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iand__", 2, 2)?;
    if !is_anyset(a[1]) {
        return Ok(vm.not_implemented);
    }
    intersection_update(vm, args)?;
    Ok(a[0])
}
fn set_isub(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__isub__", 2, 2)?;
    if !is_anyset(a[1]) {
        return Ok(vm.not_implemented);
    }
    difference_update(vm, args)?;
    Ok(a[0])
}
fn set_ixor(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__ixor__", 2, 2)?;
    if !is_anyset(a[1]) {
        return Ok(vm.not_implemented);
    }
    symmetric_difference_update(vm, args)?;
    Ok(a[0])
}

fn set_richcmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let a = args.exact(vm, "cmp", 2, 2)?;
    if !is_anyset(a[1]) {
        return Ok(vm.not_implemented);
    }
    let (x, y) = (a[0], a[1]);
    let (lx, ly) = (table(x).len(), table(y).len());
    let r = match op {
        CmpOp::Eq => lx == ly && is_subset(vm, x, y)?,
        CmpOp::Ne => !(lx == ly && is_subset(vm, x, y)?),
        CmpOp::Le => is_subset(vm, x, y)?,
        CmpOp::Lt => lx < ly && is_subset(vm, x, y)?,
        CmpOp::Ge => is_subset(vm, y, x)?,
        CmpOp::Gt => lx > ly && is_subset(vm, y, x)?,
    };
    Ok(vm.bool(r))
}
macro_rules! set_cmp {
    ($($fname:ident: $op:ident;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult { set_richcmp(vm, args, CmpOp::$op) } )*
    };
}
set_cmp! { set_lt: Lt; set_le: Le; set_eq: Eq; set_ne: Ne; set_gt: Gt; set_ge: Ge; }

fn frozenset_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let so = sobj(a[0]);
    if so.hash.get() != -1 {
        return Ok(crate::int::from_i64(vm, so.hash.get()));
    }
    // CPython's frozenset hash: xor of shuffled element hashes, then mixed.
    let mut hash: u64 = 0;
    for v in elements(a[0]) {
        let h = crate::hash::hash(vm, v)? as u64;
        hash ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    }
    let n = table(a[0]).len() as u64;
    hash ^= (n.wrapping_add(1)).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let mut h = hash as i64;
    if h == -1 {
        h = 590923713;
    }
    so.hash.set(h);
    Ok(crate::int::from_i64(vm, h))
}

fn set_class_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__class_getitem__", 2, 2)?;
    crate::generic_alias::new_generic_alias(vm, a[0], a[1])
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_classmethod, add_method, add_static, set_attr_raw};
    let common: &[(&'static str, crate::object::NativeFn)] = &[
        ("__repr__", set_repr),
        ("__len__", set_len),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
        ("copy", set_copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("__or__", set_or),
        ("__ror__", set_or),
        ("__and__", set_and),
        ("__rand__", set_and),
        ("__sub__", set_sub),
        ("__xor__", set_xor),
        ("__rxor__", set_xor),
        ("__lt__", set_lt),
        ("__le__", set_le),
        ("__eq__", set_eq),
        ("__ne__", set_ne),
        ("__gt__", set_gt),
        ("__ge__", set_ge),
    ];
    for t in [vm.t.set, vm.t.frozenset] {
        add_static(vm, t, "__new__", set_new);
        for (n, f) in common {
            add_method(vm, t, n, *f);
        }
        add_classmethod(vm, t, "__class_getitem__", set_class_getitem);
    }
    let t = vm.t.set;
    add_method(vm, t, "__init__", set_init);
    add_method(vm, t, "add", set_add);
    add_method(vm, t, "discard", set_discard);
    add_method(vm, t, "remove", set_remove);
    add_method(vm, t, "pop", set_pop);
    add_method(vm, t, "clear", set_clear);
    add_method(vm, t, "update", set_update);
    add_method(vm, t, "intersection_update", intersection_update);
    add_method(vm, t, "difference_update", difference_update);
    add_method(vm, t, "symmetric_difference_update", symmetric_difference_update);
    add_method(vm, t, "__ior__", set_ior);
    add_method(vm, t, "__iand__", set_iand);
    add_method(vm, t, "__isub__", set_isub);
    add_method(vm, t, "__ixor__", set_ixor);
    let none = vm.none;
    set_attr_raw(vm, t, "__hash__", none).unwrap();
    add_method(vm, vm.t.frozenset, "__hash__", frozenset_hash);
}
