//! The Python-visible methods of `set` and `frozenset` (the table is in `set.rs`).
//! Each follows the CPython function of the same role, so result types and the order
//! elements are inserted in (hence iteration order) match.

use crate::object::{Args, PyResult};
use crate::set::{self, is_anyset, len};
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::CmpOp;

fn set_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    if !crate::typeobj::is_subtype(cls, vm.t.frozenset) {
        if cls == vm.t.set {
            args.no_kw(vm, "set")?;
        }
        return Ok(set::new_set_of_type(vm, cls));
    }
    let frozenset_t = vm.t.frozenset;
    if args.has_kw() && crate::typeobj::new_rejects_kw(vm, cls, frozenset_t) {
        return Err(vm.type_error("frozenset() takes no keyword arguments"));
    }
    let a = &args.pos()[1..];
    if a.len() > 1 {
        return Err(vm.type_error(format!("frozenset expected at most 1 argument, got {}", a.len())));
    }
    if let Some(src) = a.first() {
        if cls == vm.t.frozenset && vm.type_of(*src) == vm.t.frozenset {
            return Ok(*src);
        }
    }
    let s = set::new_set_of_type(vm, cls);
    if let Some(src) = a.first() {
        set::update(vm, s, *src)?;
    }
    Ok(s)
}

fn set_init(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "set")?;
    let a = args.exact(vm, "set", 1, 2)?;
    if !set::is_mutable_set(vm, a[0]) {
        return Ok(vm.none);
    }
    if set::fill(a[0]) > 0 {
        set::clear(a[0]);
    }
    if let Some(src) = a.get(1) {
        set::update(vm, a[0], *src)?;
    }
    Ok(vm.none)
}

fn set_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let s = a[0];
    let name = vm.type_name(s);
    if len(s) == 0 {
        return Ok(crate::str::new_str(vm, format!("{name}()")));
    }
    if vm.repr_active.contains(&s) {
        return Ok(crate::str::new_str(vm, format!("{name}(...)")));
    }
    // The elements are copied into a list first, as CPython does, so they stay
    // alive whatever the element reprs do to the set.
    let items = set::elements(s);
    let l = crate::list::new_list(vm, items.clone());
    let inner = crate::list::repr_items(vm, s, &items, "{", "}")?;
    std::hint::black_box(l);
    let r = if vm.type_of(s) == vm.t.set { inner } else { format!("{name}({inner})") };
    Ok(crate::str::new_str(vm, r))
}

fn set_len(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__len__", 1, 1)?;
    Ok(crate::int::from_usize(vm, len(a[0])))
}

fn set_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    let r = set::contains(vm, a[0], a[1])?;
    Ok(vm.bool(r))
}

fn set_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(crate::iter::new_set_iter(vm, a[0]))
}

fn set_add(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "add", 2, 2)?;
    set::add(vm, a[0], a[1])?;
    Ok(vm.none)
}

/// Removes `key`, retrying an unhashable `set` key as a frozenset.
fn discard(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    match set::discard_key(vm, s, key) {
        Err(e) if set::is_mutable_set(vm, key) && crate::exceptions::matches(vm, e, vm.e.type_error) => {
            let f = set::frozen_copy(vm, key)?;
            set::discard_key(vm, s, f)
        }
        r => r,
    }
}

fn set_discard(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "discard", 2, 2)?;
    discard(vm, a[0], a[1])?;
    Ok(vm.none)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "remove", 2, 2)?;
    if discard(vm, a[0], a[1])? {
        Ok(vm.none)
    } else {
        Err(vm.key_error(a[1]))
    }
}

fn set_pop(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "pop", 1, 1)?;
    match set::pop(a[0]) {
        Some(v) => Ok(v),
        None => {
            let m = vm.intern("pop from an empty set");
            Err(vm.key_error(m))
        }
    }
}

fn set_clear(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "clear", 1, 1)?;
    set::clear(a[0]);
    Ok(vm.none)
}

fn set_copy(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "copy", 1, 1)?;
    if vm.type_of(a[0]) == vm.t.frozenset {
        return Ok(a[0]);
    }
    set::copy_as_base(vm, a[0])
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "update")?;
    let a = args.pos();
    for src in &a[1..] {
        set::update(vm, a[0], *src)?;
    }
    Ok(vm.none)
}

fn union(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "union")?;
    let a = args.pos();
    let r = set::copy_as_base(vm, a[0])?;
    for o in &a[1..] {
        if *o != a[0] {
            set::update(vm, r, *o)?;
        }
    }
    Ok(r)
}

/// `intersection(*others)`: intersected one after the other.
fn intersection_multi(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "intersection")?;
    let a = args.pos();
    if a.len() == 1 {
        return set::copy_as_base(vm, a[0]);
    }
    let mut r = a[0];
    for o in &a[1..] {
        r = set::intersection(vm, r, *o)?;
    }
    Ok(r)
}

fn difference_multi(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "difference")?;
    let a = args.pos();
    if a.len() == 1 {
        return set::copy_as_base(vm, a[0]);
    }
    let r = set::difference(vm, a[0], a[1])?;
    for o in &a[2..] {
        set::difference_update(vm, r, *o)?;
    }
    Ok(r)
}

fn symmetric_difference(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "symmetric_difference", 2, 2)?;
    set::symmetric_difference(vm, a[0], a[1])
}

fn intersection_update(vm: &mut Vm, args: Args) -> PyResult {
    let r = intersection_multi(vm, args)?;
    set::swap_bodies(vm, args.vals[0], r);
    Ok(vm.none)
}

fn difference_update(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "difference_update")?;
    let a = args.pos();
    for o in &a[1..] {
        set::difference_update(vm, a[0], *o)?;
    }
    Ok(vm.none)
}

fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "symmetric_difference_update", 2, 2)?;
    set::symmetric_difference_update(vm, a[0], a[1])?;
    Ok(vm.none)
}

/// `s <= other` for any iterable `other` (`set_issubset`).
fn is_subset(vm: &mut Vm, s: Value, other: Value) -> PyResult<bool> {
    if is_anyset(other) {
        return set::is_subset_of_set(vm, s, other);
    }
    let common = set::intersection(vm, s, other)?;
    Ok(len(common) == len(s))
}

/// `s >= other` for any iterable `other` (`set_issuperset`).
fn is_superset(vm: &mut Vm, s: Value, other: Value) -> PyResult<bool> {
    if is_anyset(other) {
        return set::is_subset_of_set(vm, other, s);
    }
    let it = crate::ops::iter(vm, other)?;
    while let Some(v) = crate::ops::next(vm, it)? {
        if !set::contains_key(vm, s, v)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issubset(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "issubset", 2, 2)?;
    let r = is_subset(vm, a[0], a[1])?;
    Ok(vm.bool(r))
}

fn issuperset(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "issuperset", 2, 2)?;
    let r = is_superset(vm, a[0], a[1])?;
    Ok(vm.bool(r))
}

fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "isdisjoint", 2, 2)?;
    let (mut s, mut other) = (a[0], a[1]);
    if s == other {
        return Ok(vm.bool(len(s) == 0));
    }
    let exact = |vm: &Vm, v: Value| vm.type_of(v) == vm.t.set || vm.type_of(v) == vm.t.frozenset;
    if exact(vm, other) && len(other) > len(s) {
        std::mem::swap(&mut s, &mut other);
    }
    let it = crate::ops::iter(vm, other)?;
    while let Some(v) = crate::ops::next(vm, it)? {
        if set::contains_key(vm, s, v)? {
            return Ok(vm.false_);
        }
    }
    Ok(vm.true_)
}

/// A binary operator: NotImplemented unless both operands are sets. `reflected`
/// methods (`__rand__`...) compute `other op self`.
fn operands(vm: &mut Vm, args: Args, reflected: bool) -> PyResult<Option<(Value, Value)>> {
    let a = args.exact(vm, "op", 2, 2)?;
    if !is_anyset(a[0]) || !is_anyset(a[1]) {
        return Ok(None);
    }
    Ok(Some(if reflected { (a[1], a[0]) } else { (a[0], a[1]) }))
}

fn or(vm: &mut Vm, x: Value, y: Value) -> PyResult {
    let r = set::copy_as_base(vm, x)?;
    if x != y {
        set::update(vm, r, y)?;
    }
    Ok(r)
}

macro_rules! set_binops {
    ($($fname:ident: $f:path, $reflected:expr;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult {
            match operands(vm, args, $reflected)? {
                Some((x, y)) => $f(vm, x, y),
                None => Ok(vm.not_implemented),
            }
        } )*
    };
}
set_binops! {
    set_or: or, false; set_ror: or, true;
    set_and: set::intersection, false; set_rand: set::intersection, true;
    set_sub: set::difference, false; set_rsub: set::difference, true;
    set_xor: set::symmetric_difference, false; set_rxor: set::symmetric_difference, true;
}

fn set_ior(vm: &mut Vm, args: Args) -> PyResult {
    let Some((x, y)) = operands(vm, args, false)? else { return Ok(vm.not_implemented) };
    set::update(vm, x, y)?;
    Ok(x)
}

fn set_iand(vm: &mut Vm, args: Args) -> PyResult {
    let Some((x, y)) = operands(vm, args, false)? else { return Ok(vm.not_implemented) };
    let r = set::intersection(vm, x, y)?;
    set::swap_bodies(vm, x, r);
    Ok(x)
}

fn set_isub(vm: &mut Vm, args: Args) -> PyResult {
    let Some((x, y)) = operands(vm, args, false)? else { return Ok(vm.not_implemented) };
    set::difference_update(vm, x, y)?;
    Ok(x)
}

fn set_ixor(vm: &mut Vm, args: Args) -> PyResult {
    let Some((x, y)) = operands(vm, args, false)? else { return Ok(vm.not_implemented) };
    set::symmetric_difference_update(vm, x, y)?;
    Ok(x)
}

fn set_richcmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let Some((x, y)) = operands(vm, args, false)? else { return Ok(vm.not_implemented) };
    let (lx, ly) = (len(x), len(y));
    let (hx, hy) = (set::sobj(x).hash.get(), set::sobj(y).hash.get());
    if op == CmpOp::Eq && hx != -1 && hy != -1 && hx != hy {
        return Ok(vm.false_);
    }
    let r = match op {
        CmpOp::Eq => lx == ly && set::is_subset_of_set(vm, x, y)?,
        CmpOp::Ne => !(lx == ly && set::is_subset_of_set(vm, x, y)?),
        CmpOp::Le => set::is_subset_of_set(vm, x, y)?,
        CmpOp::Lt => lx < ly && set::is_subset_of_set(vm, x, y)?,
        CmpOp::Ge => set::is_subset_of_set(vm, y, x)?,
        CmpOp::Gt => lx > ly && set::is_subset_of_set(vm, y, x)?,
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
    let h = set::frozenset_hash(a[0]);
    Ok(crate::int::from_i64(vm, h))
}

fn set_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    let items = set::elements(a[0]);
    let l = crate::list::new_list(vm, items);
    let inner = crate::tuple::new_tuple(vm, vec![l]);
    // The state as `__getstate__` gives it: the instance dict and slots.
    let d = crate::call::call_method(vm, a[0], "__getstate__", &[])?;
    let ty = vm.type_of(a[0]);
    Ok(crate::tuple::new_tuple(vm, vec![ty, inner, d]))
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_classmethod, add_method, add_static, set_attr_raw};
    let common: &[(&'static str, crate::object::NativeFn)] = &[
        ("__repr__", set_repr),
        ("__len__", set_len),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
        ("__reduce__", set_reduce),
        ("copy", set_copy),
        ("union", union),
        ("intersection", intersection_multi),
        ("difference", difference_multi),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("__or__", set_or),
        ("__ror__", set_ror),
        ("__and__", set_and),
        ("__rand__", set_rand),
        ("__sub__", set_sub),
        ("__rsub__", set_rsub),
        ("__xor__", set_xor),
        ("__rxor__", set_rxor),
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
        add_classmethod(vm, t, "__class_getitem__", crate::generic_alias::class_getitem);
    }
    let t = vm.t.set;
    let mutators: &[(&'static str, crate::object::NativeFn)] = &[
        ("__init__", set_init),
        ("add", set_add),
        ("discard", set_discard),
        ("remove", set_remove),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
        ("__ior__", set_ior),
        ("__iand__", set_iand),
        ("__isub__", set_isub),
        ("__ixor__", set_ixor),
    ];
    for (n, f) in mutators {
        add_method(vm, t, n, *f);
    }
    let none = vm.none;
    set_attr_raw(vm, t, "__hash__", none).unwrap();
    add_method(vm, vm.t.frozenset, "__hash__", frozenset_hash);
}
