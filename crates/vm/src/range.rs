//! `range`: an immutable arithmetic sequence. Bounds are kept as Python ints; the
//! iterator and indexing use i64 when everything fits (the common case).

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

pub struct RangeObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
impl Trace for RangeObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.start);
        t.value(self.stop);
        t.value(self.step);
    }
}
payload!(RangeObj, "range");

fn robj(v: Value) -> &'static RangeObj {
    v.downcast::<RangeObj>().expect("range")
}

fn big(vm: &Vm, v: Value) -> BigInt {
    crate::int::to_bigint(vm, v).expect("int")
}

/// `length` for small-int bounds (None if it does not fit in the machine
/// arithmetic: the caller takes the BigInt way).
fn small_length(start: i64, stop: i64, step: i64) -> Option<usize> {
    let n = if step > 0 && start < stop {
        (stop.checked_sub(start)? - 1) / step + 1
    } else if step < 0 && start > stop {
        (start.checked_sub(stop)? - 1) / step.checked_neg()? + 1
    } else {
        0
    };
    usize::try_from(n).ok()
}

/// The length of range(start, stop, step).
pub fn length(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start - 1u32).div_floor(step) + 1u32
    } else if step.is_negative() && start > stop {
        (start - stop - 1u32).div_floor(&(-step)) + 1u32
    } else {
        BigInt::zero()
    }
}

fn range_new(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "range")?;
    let a = &args.vals[1..];
    if a.is_empty() {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    if a.len() > 3 {
        return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", a.len())));
    }
    let mut vals = [Value::small(0), Value::small(0), Value::small(1)];
    if a.len() == 1 {
        vals[1] = crate::number::index(vm, a[0])?;
    } else {
        for (i, v) in a.iter().enumerate() {
            vals[i] = crate::number::index(vm, *v)?;
        }
    }
    if big(vm, vals[2]).is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    let t = vm.t.range;
    Ok(vm.alloc(t, RangeObj { start: vals[0], stop: vals[1], step: vals[2] }))
}

/// `iter(range)`.
pub fn iter(vm: &mut Vm, r: Value) -> Value {
    let o = robj(r);
    if let (Some(start), Some(stop), Some(step)) = (o.start.as_small(), o.stop.as_small(), o.step.as_small()) {
        if let Some(n) = small_length(start, stop, step) {
            return crate::iter::new_range_iter(vm, start, step, n);
        }
    }
    let (start, stop, step) = (big(vm, o.start), big(vm, o.stop), big(vm, o.step));
    let n = length(&start, &stop, &step);
    match (start.to_i64(), step.to_i64(), n.to_usize()) {
        (Some(s), Some(st), Some(n)) => crate::iter::new_range_iter(vm, s, st, n),
        _ => {
            // Huge ranges iterate through the generic sequence protocol.
            crate::iter::new_seq_iter(vm, r)
        }
    }
}

/// `range.__reduce__`: `(range, (start, stop, step))`.
fn range_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    let o = robj(a[0]);
    let bounds = crate::tuple::new_tuple(vm, vec![o.start, o.stop, o.step]);
    let t = vm.type_of(a[0]);
    Ok(crate::tuple::new_tuple(vm, vec![t, bounds]))
}

fn range_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(iter(vm, a[0]))
}

fn range_len(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__len__", 1, 1)?;
    let o = robj(a[0]);
    let n = length(&big(vm, o.start), &big(vm, o.stop), &big(vm, o.step));
    if n.to_i64().is_none() {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    Ok(crate::int::from_bigint(vm, n))
}

fn range_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    let o = robj(a[0]);
    let (start, stop, step) = (big(vm, o.start), big(vm, o.stop), big(vm, o.step));
    let n = length(&start, &stop, &step);
    if let Some(s) = a[1].downcast::<crate::slice::SliceObj>() {
        // CPython's compute_slice: the items at the slice's bounds, any size.
        let (i0, i1, st) = crate::slice::big_indices(vm, s, &n)?;
        let new_start = &start + &step * i0;
        let new_stop = &start + &step * i1;
        let new_step = &step * st;
        let vals = [new_start, new_stop, new_step].map(|b| crate::int::from_bigint(vm, b));
        let t = vm.t.range;
        return Ok(vm.alloc(t, RangeObj { start: vals[0], stop: vals[1], step: vals[2] }));
    }
    if !crate::number::has_index(vm, a[1]) {
        return Err({ let __arg = format!("range indices must be integers or slices, not {}", vm.type_name(a[1])); vm.type_error(__arg) });
    }
    let mut i = crate::number::index_bigint(vm, a[1])?;
    if i.is_negative() {
        i += &n;
    }
    if i.is_negative() || i >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(crate::int::from_bigint(vm, start + step * i))
}

fn range_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    let o = robj(a[0]);
    if vm.type_of(a[1]) == vm.t.int || a[1].is_small_int() || vm.type_of(a[1]) == vm.t.bool {
        let x = big(vm, a[1]);
        let (start, stop, step) = (big(vm, o.start), big(vm, o.stop), big(vm, o.step));
        let inside = if step.is_positive() { start <= x && x < stop } else { stop < x && x <= start };
        return Ok(vm.bool(inside && (&x - &start).mod_floor(&step).is_zero()));
    }
    let it = iter(vm, a[0]);
    while let Some(v) = crate::ops::next(vm, it)? {
        if crate::ops::eq(vm, v, a[1])? {
            return Ok(vm.true_);
        }
    }
    Ok(vm.false_)
}

fn range_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let o = robj(a[0]);
    let s = crate::int::to_decimal(vm, o.start)?;
    let e = crate::int::to_decimal(vm, o.stop)?;
    let r = if big(vm, o.step) == BigInt::from(1) {
        format!("range({s}, {e})")
    } else {
        let st = crate::int::to_decimal(vm, o.step)?;
        format!("range({s}, {e}, {st})")
    };
    Ok(crate::str::new_str(vm, r))
}

fn range_eq(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__eq__", 2, 2)?;
    let Some(y) = a[1].downcast::<RangeObj>() else { return Ok(vm.not_implemented) };
    let x = robj(a[0]);
    let (s1, e1, t1) = (big(vm, x.start), big(vm, x.stop), big(vm, x.step));
    let (s2, e2, t2) = (big(vm, y.start), big(vm, y.stop), big(vm, y.step));
    let (n1, n2) = (length(&s1, &e1, &t1), length(&s2, &e2, &t2));
    let eq = n1 == n2 && (n1.is_zero() || (s1 == s2 && (n1 == BigInt::from(1) || t1 == t2)));
    Ok(vm.bool(eq))
}

fn range_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let x = robj(a[0]);
    let (s, e, t) = (big(vm, x.start), big(vm, x.stop), big(vm, x.step));
    let n = length(&s, &e, &t);
    let nv = crate::int::from_bigint(vm, n.clone());
    let items = if n.is_zero() {
        vec![nv, vm.none, vm.none]
    } else if n == BigInt::from(1) {
        vec![nv, x.start, vm.none]
    } else {
        vec![nv, x.start, x.step]
    };
    let h = crate::tuple::hash_items(vm, &items)?;
    Ok(crate::int::from_i64(vm, h))
}

fn range_reversed(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reversed__", 1, 1)?;
    let o = robj(a[0]);
    if let (Some(start), Some(stop), Some(step)) = (o.start.as_small(), o.stop.as_small(), o.step.as_small()) {
        if let Some(n) = small_length(start, stop, step) {
            // The last item, stepping back; an empty range needs no valid start.
            let last = if n == 0 { Some(start) } else { (n as i64 - 1).checked_mul(step).and_then(|d| start.checked_add(d)) };
            if let (Some(l), Some(back)) = (last, step.checked_neg()) {
                return Ok(crate::iter::new_range_iter(vm, l, back, n));
            }
        }
    }
    let (start, stop, step) = (big(vm, o.start), big(vm, o.stop), big(vm, o.step));
    let n = length(&start, &stop, &step);
    let last = &start + &step * (&n - 1u32);
    match (last.to_i64(), (-&step).to_i64(), n.to_usize()) {
        (Some(l), Some(st), Some(n)) => Ok(crate::iter::new_range_iter(vm, l, st, n)),
        // Beyond machine integers: the items of the reversed range, in order.
        _ => {
            let first = if n.is_zero() { start.clone() } else { last };
            let bounds = [first.clone(), &first - &step * &n, -step].map(|b| crate::int::from_bigint(vm, b));
            let t = vm.t.range;
            let r = vm.alloc(t, RangeObj { start: bounds[0], stop: bounds[1], step: bounds[2] });
            Ok(iter(vm, r))
        }
    }
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "index", 2, 2)?;
    let o = robj(a[0]);
    if !crate::int::is_int(vm, a[1]) {
        // Found by equality (CPython's _PySequence_IterSearch): the first equal element.
        let (start, step) = (big(vm, o.start), big(vm, o.step));
        let n = length(&start, &big(vm, o.stop), &step);
        let mut i = BigInt::from(0);
        while i < n {
            let e = crate::int::from_bigint(vm, &start + &i * &step);
            if crate::ops::eq(vm, e, a[1])? {
                return Ok(crate::int::from_bigint(vm, i));
            }
            i += 1;
        }
        return Err(vm.value_error("sequence.index(x): x not in sequence"));
    }
    let c = range_contains(vm, Args::new(a))?;
    if c != vm.true_ {
        let r = crate::ops::repr_string(vm, a[1])?;
        return Err(vm.value_error(format!("{r} is not in range")));
    }
    let i = (big(vm, a[1]) - big(vm, o.start)) / big(vm, o.step);
    Ok(crate::int::from_bigint(vm, i))
}

/// `range.count(x)`: 0 or 1 for an int; anything else is compared with every item
/// (it may equal several).
fn range_count(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "count", 2, 2)?;
    if vm.type_of(a[1]) == vm.t.int || a[1].is_small_int() || vm.type_of(a[1]) == vm.t.bool {
        let c = range_contains(vm, Args::new(a))?;
        return Ok(Value::small((c == vm.true_) as i64));
    }
    let it = iter(vm, a[0]);
    let _pin = crate::gc::pin(it);
    let mut n = 0i64;
    while let Some(v) = crate::ops::next(vm, it)? {
        n += crate::ops::eq(vm, v, a[1])? as i64;
    }
    Ok(crate::int::from_i64(vm, n))
}

/// `bool(range)`: whether it has items, for any length (no `len()` overflow).
fn range_bool(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__bool__", 1, 1)?;
    let o = robj(a[0]);
    let n = length(&big(vm, o.start), &big(vm, o.stop), &big(vm, o.step));
    Ok(vm.bool(!n.is_zero()))
}

fn get_start(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(robj(v).start)
}
fn get_stop(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(robj(v).stop)
}
fn get_step(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(robj(v).step)
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_getter, add_method, add_static};
    let t = vm.t.range;
    add_static(vm, t, "__new__", range_new);
    add_method(vm, t, "__iter__", range_iter);
    add_method(vm, t, "__len__", range_len);
    add_method(vm, t, "__bool__", range_bool);
    add_method(vm, t, "__getitem__", range_getitem);
    add_method(vm, t, "__contains__", range_contains);
    add_method(vm, t, "__repr__", range_repr);
    add_method(vm, t, "__eq__", range_eq);
    add_method(vm, t, "__hash__", range_hash);
    add_method(vm, t, "__reversed__", range_reversed);
    add_method(vm, t, "index", range_index);
    add_method(vm, t, "count", range_count);
    add_method(vm, t, "__reduce__", range_reduce);
    add_getter(vm, t, "start", get_start);
    add_getter(vm, t, "stop", get_stop);
    add_getter(vm, t, "step", get_step);
}
