//! `slice` objects and the index arithmetic of `slice.indices`.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::CmpOp;
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
impl Trace for SliceObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.start);
        t.value(self.stop);
        t.value(self.step);
    }
}
payload!(SliceObj, "slice");

pub fn new_slice(vm: &mut Vm, start: Value, stop: Value, step: Value) -> Value {
    let t = vm.t.slice;
    vm.alloc(t, SliceObj { start, stop, step })
}

/// `slice.indices(len)` plus the number of selected items: (start, stop, step, count).
pub fn indices(vm: &mut Vm, s: &SliceObj, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let none = vm.none;
    let conv = |vm: &mut Vm, v: Value| -> PyResult<Option<i64>> {
        if v == none {
            return Ok(None);
        }
        if let Some(i) = v.as_small() {
            return Ok(Some(i));
        }
        if !crate::number::has_index(vm, v) {
            return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
        }
        crate::number::index_clamped(vm, v).map(Some)
    };
    let step = conv(vm, s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    // CPython clamps the step to -PY_SSIZE_T_MAX so that -step cannot overflow.
    let step = step.max(-i64::MAX);
    let len = len as i64;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(i) if i < 0 => (i.saturating_add(len)).max(lower),
            Some(i) => i.min(upper),
        }
    };
    let start = clamp(conv(vm, s.start)?, if step < 0 { upper } else { lower });
    let stop = clamp(conv(vm, s.stop)?, if step < 0 { lower } else { upper });
    let count = if step == 1 {
        (stop - start).max(0) as usize
    } else if step > 0 {
        if stop > start { ((stop - start - 1) / step + 1) as usize } else { 0 }
    } else if start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

fn sobj(v: Value) -> &'static SliceObj {
    v.downcast::<SliceObj>().expect("slice")
}

fn slice_new(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.shift().exact(vm, "slice", 1, 3)?;
    let none = vm.none;
    let (start, stop, step) = match a.len() {
        1 => (none, a[0], none),
        2 => (a[0], a[1], none),
        _ => (a[0], a[1], a[2]),
    };
    Ok(new_slice(vm, start, stop, step))
}

/// `(slice, (start, stop, step))`: slices pickle and copy.
fn slice_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "slice.__reduce__", 0, 0)?;
    let s = sobj(a[0]);
    let fields = crate::tuple::new_tuple(vm, vec![s.start, s.stop, s.step]);
    let t = vm.t.slice;
    Ok(crate::tuple::new_tuple(vm, vec![t, fields]))
}

fn slice_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let s = sobj(a[0]);
    let r = format!(
        "slice({}, {}, {})",
        crate::ops::repr_string(vm, s.start)?,
        crate::ops::repr_string(vm, s.stop)?,
        crate::ops::repr_string(vm, s.step)?
    );
    Ok(crate::str::new_str(vm, r))
}

/// `(start, stop, step)` of slice `s` over a sequence of `len` items, for ints of
/// any size (CPython's `_PySlice_GetLongIndices`).
pub fn big_indices(vm: &mut Vm, s: &SliceObj, len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let none = vm.none;
    let conv = |vm: &mut Vm, v: Value| -> PyResult<Option<BigInt>> {
        if v == none {
            return Ok(None);
        }
        if !crate::number::has_index(vm, v) {
            return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
        }
        crate::number::index_bigint(vm, v).map(Some)
    };
    let step = conv(vm, s.step)?.unwrap_or_else(|| BigInt::from(1));
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let negative = step.is_negative();
    let (lower, upper) = if negative { (BigInt::from(-1), len - 1) } else { (BigInt::from(0), len.clone()) };
    let clamp = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(i) if i.is_negative() => (i + len).max(lower.clone()),
            Some(i) => i.min(upper.clone()),
        }
    };
    let start = clamp(conv(vm, s.start)?, if negative { &upper } else { &lower });
    let stop = clamp(conv(vm, s.stop)?, if negative { &lower } else { &upper });
    Ok((start, stop, step))
}

fn slice_indices(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "indices", 2, 2)?;
    let len = crate::number::index_bigint(vm, a[1])?;
    if len.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step) = big_indices(vm, sobj(a[0]), &len)?;
    let buf = crate::list::ValueBuf::new(vm);
    for x in [start, stop, step] {
        let v = crate::int::from_bigint(vm, x);
        buf.push(v);
    }
    Ok(buf.into_tuple(vm))
}

/// Slices compare as the tuples `(start, stop, step)`.
fn slice_richcmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let a = args.exact(vm, op.dunder(), 2, 2)?;
    let Some(y) = a[1].downcast::<SliceObj>() else { return Ok(vm.not_implemented) };
    let x = sobj(a[0]);
    let t1 = crate::tuple::new_tuple(vm, vec![x.start, x.stop, x.step]);
    let t2 = crate::tuple::new_tuple(vm, vec![y.start, y.stop, y.step]);
    crate::ops::compare(vm, t1, t2, op)
}

macro_rules! slice_cmp {
    ($($fname:ident: $op:ident;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult { slice_richcmp(vm, args, CmpOp::$op) } )*
    };
}
slice_cmp! { slice_lt: Lt; slice_le: Le; slice_eq: Eq; slice_ne: Ne; slice_gt: Gt; slice_ge: Ge; }

fn get_start(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(sobj(v).start)
}
fn get_stop(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(sobj(v).stop)
}
fn get_step(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(sobj(v).step)
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_getter, add_method, add_static, set_attr_raw};
    let t = vm.t.slice;
    add_static(vm, t, "__new__", slice_new);
    add_method(vm, t, "__repr__", slice_repr);
    for (n, f) in [("__lt__", slice_lt as crate::object::NativeFn), ("__le__", slice_le), ("__eq__", slice_eq), ("__ne__", slice_ne), ("__gt__", slice_gt), ("__ge__", slice_ge)] {
        add_method(vm, t, n, f);
    }
    add_method(vm, t, "indices", slice_indices);
    add_method(vm, t, "__reduce__", slice_reduce);
    add_getter(vm, t, "start", get_start);
    add_getter(vm, t, "stop", get_stop);
    add_getter(vm, t, "step", get_step);
    let none = vm.none;
    set_attr_raw(vm, t, "__hash__", none).unwrap();
    crate::range::init_type(vm);
}
