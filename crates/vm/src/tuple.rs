//! `tuple`: an immutable array of values.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj;
use crate::value::Value;
use crate::vm::Vm;

pub struct TupleObj {
    pub items: Box<[Value]>,
    hash: std::cell::Cell<i64>,
}
impl Trace for TupleObj {
    fn trace(&self, t: &mut Tracer) {
        self.items.trace(t)
    }
}
payload!(TupleObj, "tuple");

/// Allocates a tuple of exact type `tuple` (the empty tuple is shared).
pub fn new_tuple(vm: &mut Vm, items: Vec<Value>) -> Value {
    if items.is_empty() && !vm.empty_tuple.is_null() {
        return vm.empty_tuple;
    }
    alloc_tuple(vm, items)
}

pub fn alloc_tuple(vm: &mut Vm, items: Vec<Value>) -> Value {
    let t = vm.t.tuple;
    alloc_tuple_of_type(vm, t, items)
}

pub fn alloc_tuple_of_type(vm: &mut Vm, ty: Value, items: Vec<Value>) -> Value {
    vm.alloc(ty, TupleObj { items: items.into_boxed_slice(), hash: std::cell::Cell::new(-1) })
}

/// The items of a tuple value. The caller keeps the tuple itself alive while it
/// uses the slice (the slice points into the tuple's own storage).
#[inline]
pub fn items(t: Value) -> &'static [Value] {
    &t.downcast::<TupleObj>().expect("tuple").items
}

/// `t[i]` for an in-range index (negative ones count from the end); None otherwise.
#[inline]
pub fn item_at(t: Value, i: i64) -> Option<Value> {
    let its = items(t);
    let j = if i < 0 { i + its.len() as i64 } else { i };
    usize::try_from(j).ok().and_then(|j| its.get(j).copied())
}

pub fn is_tuple(v: Value) -> bool {
    v.is::<TupleObj>()
}

/// `tuple(iterable)` as an exact tuple.
pub fn from_iterable(vm: &mut Vm, v: Value) -> PyResult {
    if vm.type_of(v) == vm.t.tuple {
        return Ok(v);
    }
    let l = crate::list::from_iterable(vm, v)?;
    Ok(crate::list::list_to_tuple(vm, l))
}

/// CPython 3.11's tuple hash (xxHash-based).
pub fn hash_items(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for v in items {
        let h = crate::hash::hash(vm, *v)? as u64;
        acc = acc.wrapping_add(h.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn tuple_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let t = a[0].downcast::<TupleObj>().unwrap();
    let mut h = t.hash.get();
    if h == -1 {
        h = hash_items(vm, &t.items)?;
        t.hash.set(h);
    }
    Ok(crate::int::from_i64(vm, h))
}

fn tuple_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    // Keywords are left to a subclass's own __init__; without one they are an
    // error (CPython's tuple_new).
    let tuple_t = vm.t.tuple;
    if args.has_kw() && typeobj::new_rejects_kw(vm, cls, tuple_t) {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.len() > 2 {
        let m = format!("tuple expected at most 1 argument, got {}", pos.len() - 1);
        return Err(vm.type_error(m));
    }
    let a = &pos[1..];
    let t = match a.first() {
        Some(it) => from_iterable(vm, *it)?,
        None => vm.empty_tuple,
    };
    if cls == vm.t.tuple {
        return Ok(t);
    }
    let items = items(t).to_vec();
    let r = alloc_tuple_of_type(vm, cls, items);
    std::hint::black_box(t);
    Ok(r)
}

fn tuple_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let its = items(a[0]);
    if its.len() == 1 {
        let r = crate::ops::repr_string(vm, its[0])?;
        return Ok(crate::str::new_str(vm, format!("({r},)")));
    }
    let s = crate::list::repr_items(vm, a[0], its, "(", ")")?;
    Ok(crate::str::new_str(vm, s))
}

fn tuple_len(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__len__", 1, 1)?;
    Ok(crate::int::from_usize(vm, items(a[0]).len()))
}

fn tuple_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    let its = items(a[0]);
    if let Some(s) = a[1].downcast::<crate::slice::SliceObj>() {
        let (start, _stop, step, n) = crate::slice::indices(vm, s, its.len())?;
        let v: Vec<Value> = (0..n).map(|i| its[(start + i as i64 * step) as usize]).collect();
        if step == 1 && n == its.len() && vm.type_of(a[0]) == vm.t.tuple {
            return Ok(a[0]);
        }
        return Ok(new_tuple(vm, v));
    }
    let i = crate::list::seq_index(vm, a[1], its.len(), "tuple")?;
    Ok(its[i])
}

fn tuple_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    for v in items(a[0]) {
        if crate::ops::eq(vm, *v, a[1])? {
            return Ok(vm.true_);
        }
    }
    Ok(vm.false_)
}

fn tuple_add(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__add__", 2, 2)?;
    if !is_tuple(a[1]) {
        return Ok(vm.not_implemented);
    }
    let mut v = items(a[0]).to_vec();
    v.extend_from_slice(items(a[1]));
    Ok(new_tuple(vm, v))
}

fn tuple_mul(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__mul__", 2, 2)?;
    let Some(n) = crate::list::repeat_count(vm, a[1])? else {
        return Ok(vm.not_implemented);
    };
    let its = items(a[0]);
    if n == 1 && vm.type_of(a[0]) == vm.t.tuple {
        return Ok(a[0]);
    }
    let v = crate::memory::repeat(vm, its, n, None)?;
    Ok(new_tuple(vm, v))
}

fn tuple_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(crate::iter::new_tuple_iter(vm, a[0]))
}

fn tuple_richcmp(vm: &mut Vm, args: Args, op: compiler::bytecode::CmpOp) -> PyResult {
    let a = args.exact(vm, "cmp", 2, 2)?;
    if !is_tuple(a[1]) {
        return Ok(vm.not_implemented);
    }
    let item = |t: Value, i: usize| items(t).get(i).copied();
    crate::list::compare_seqs(vm, a[0], a[1], item, |t| items(t).len(), op)
}

macro_rules! tuple_cmp {
    ($($fname:ident: $op:ident;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult { tuple_richcmp(vm, args, compiler::bytecode::CmpOp::$op) } )*
    };
}
tuple_cmp! { tuple_lt: Lt; tuple_le: Le; tuple_eq: Eq; tuple_ne: Ne; tuple_gt: Gt; tuple_ge: Ge; }

fn tuple_index(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "index", 2, 4)?;
    let its = items(a[0]);
    let (start, stop) = crate::list::search_bounds(vm, &a[2..], its.len())?;
    for (i, v) in its.iter().enumerate().take(stop).skip(start) {
        if crate::ops::eq(vm, *v, a[1])? {
            return Ok(crate::int::from_usize(vm, i));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "count", 2, 2)?;
    let mut n = 0;
    for v in items(a[0]) {
        if crate::ops::eq(vm, *v, a[1])? {
            n += 1;
        }
    }
    Ok(crate::int::from_usize(vm, n))
}

fn tuple_getnewargs(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getnewargs__", 1, 1)?;
    let t = new_tuple(vm, items(a[0]).to_vec());
    Ok(new_tuple(vm, vec![t]))
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_classmethod, add_method, add_static};
    let t = vm.t.tuple;
    add_static(vm, t, "__new__", tuple_new);
    add_method(vm, t, "__repr__", tuple_repr);
    add_method(vm, t, "__hash__", tuple_hash);
    add_method(vm, t, "__len__", tuple_len);
    add_method(vm, t, "__getitem__", tuple_getitem);
    add_method(vm, t, "__contains__", tuple_contains);
    add_method(vm, t, "__add__", tuple_add);
    add_method(vm, t, "__mul__", tuple_mul);
    add_method(vm, t, "__rmul__", tuple_mul);
    add_method(vm, t, "__iter__", tuple_iter);
    add_method(vm, t, "__lt__", tuple_lt);
    add_method(vm, t, "__le__", tuple_le);
    add_method(vm, t, "__eq__", tuple_eq);
    add_method(vm, t, "__ne__", tuple_ne);
    add_method(vm, t, "__gt__", tuple_gt);
    add_method(vm, t, "__ge__", tuple_ge);
    add_method(vm, t, "index", tuple_index);
    add_method(vm, t, "count", tuple_count);
    add_method(vm, t, "__getnewargs__", tuple_getnewargs);
    add_classmethod(vm, t, "__class_getitem__", crate::generic_alias::class_getitem);
}
