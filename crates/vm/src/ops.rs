//! The abstract object protocol: one function per Python operation (CPython's
//! `Objects/abstract.c` and `object.c`). Each tries the fast path for exact builtin
//! types first, then dispatches on special methods found on the type, with
//! CPython's reflected-operand rules and error messages.

use crate::call::{call_method_descr, call_special};
use crate::dict::DictObj;
use crate::exceptions;
use crate::list::ListObj;
use crate::object::{Args, PyErr, PyResult};
use crate::str::StrObj;
use crate::tuple::TupleObj;
use crate::typeobj::{self, lookup_str};
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::{BinOp, CmpOp};

/// The special method names of a binary operator: (`__add__`, `__radd__`, `__iadd__`).
pub fn binop_dunders(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op.base() {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::And => ("__and__", "__rand__", "__iand__"),
        BinOp::FloorDivide => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Lshift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::MatrixMultiply => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Multiply => ("__mul__", "__rmul__", "__imul__"),
        BinOp::Remainder => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Or => ("__or__", "__ror__", "__ior__"),
        BinOp::Power => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::Rshift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::Subtract => ("__sub__", "__rsub__", "__isub__"),
        BinOp::TrueDivide => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        _ => unreachable!("base() is a binary operator"),
    }
}

/// `a OP b` and `a OP= b`. Small enough to inline where it is called: the common
/// small-int and inline-float results need no allocation and no call.
#[inline]
pub fn binary_op(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult {
    if let Some(r) = crate::number::unboxed_binary(a, b, op.base()) {
        return Ok(r);
    }
    binary_op_slow(vm, a, b, op)
}

#[inline(never)]
fn binary_op_slow(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult {
    if let Some(r) = crate::number::fast_binary(vm, a, b, op.base())? {
        return Ok(r);
    }
    // Exact lists concatenate without the `__add__` call (`+=` extends in place).
    if op == BinOp::Add && vm.type_of(a) == vm.t.list && vm.type_of(b) == vm.t.list {
        return Ok(crate::list::concat(vm, a, b));
    }
    if op.is_inplace() {
        let (_, _, iname) = binop_dunders(op);
        if let Some(r) = call_special(vm, a, iname, &[b])? {
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    let r = binary_op1(vm, a, b, op.base())?;
    if r != vm.not_implemented {
        return Ok(r);
    }
    Err(binop_type_error(vm, a, b, op))
}

/// CPython's `binary_op1`: `a.__op__(b)`, then `b.__rop__(a)`, the reflected one
/// first when `type(b)` is a proper subclass of `type(a)` that overrides it.
pub fn binary_op1(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult {
    let (name, rname, _) = binop_dunders(op);
    let (ta, tb) = (vm.type_of(a), vm.type_of(b));
    let fa = lookup_str(vm, ta, name);
    let fb = if ta != tb { lookup_str(vm, tb, rname) } else { None };
    let mut fb = fb;
    if let Some(rb) = fb {
        if typeobj::is_subtype(tb, ta) && lookup_str(vm, ta, rname) != Some(rb) {
            let r = call_method_descr(vm, rb, b, Args::new(&[a]))?;
            if r != vm.not_implemented {
                return Ok(r);
            }
            fb = None;
        }
    }
    if let Some(f) = fa {
        let r = call_method_descr(vm, f, a, Args::new(&[b]))?;
        if r != vm.not_implemented {
            return Ok(r);
        }
    }
    if let Some(f) = fb {
        return call_method_descr(vm, f, b, Args::new(&[a]));
    }
    Ok(vm.not_implemented)
}

fn binop_type_error(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyErr {
    let (na, nb) = (vm.type_name(a), vm.type_name(b));
    // Sequences fall back to concatenation (`sq_concat`), which rejects the operand.
    if op.base() == BinOp::Add {
        // The sequence concatenation slot of `a` reports the failure.
        for (ty, tn) in [(vm.t.str, "str"), (vm.t.list, "list"), (vm.t.tuple, "tuple")] {
            if typeobj::is_instance(vm, a, ty) {
                return vm.type_error(format!("can only concatenate {tn} (not \"{nb}\") to {tn}"));
            }
        }
        if typeobj::is_instance(vm, a, vm.t.bytes) || typeobj::is_instance(vm, a, vm.t.bytearray) {
            return vm.type_error(format!("can't concat {nb} to {na}"));
        }
    }
    if op.base() == BinOp::Multiply {
        let is_seq = |vm: &mut Vm, v: Value| [vm.t.str, vm.t.list, vm.t.tuple, vm.t.bytes].iter().any(|t| typeobj::is_instance(vm, v, *t));
        if is_seq(vm, a) && !crate::number::has_index(vm, b) {
            return vm.type_error(format!("can't multiply sequence by non-int of type '{nb}'"));
        }
        if is_seq(vm, b) && !crate::number::has_index(vm, a) {
            return vm.type_error(format!("can't multiply sequence by non-int of type '{na}'"));
        }
    }
    let sym = if op.base() == BinOp::Power {
        if op.is_inplace() { "**=" } else { "** or pow()" }
    } else {
        op.symbol()
    };
    // Python 2's `print >>f, x` (CPython's hint, for the builtin print only).
    let py2_print = op == BinOp::Rshift && vm.type_of(a) == vm.t.builtin_function && a.downcast::<crate::function::NativeFunction>().is_some_and(|f| f.name == "print");
    let hint = if py2_print { ". Did you mean \"print(<message>, file=<output_stream>)\"?" } else { "" };
    vm.type_error(format!("unsupported operand type(s) for {sym}: '{na}' and '{nb}'{hint}"))
}

/// `a CMP b` as a value (`do_richcompare`).
pub fn compare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult {
    if let Some(r) = crate::number::fast_compare(vm, a, b, op) {
        return Ok(vm.bool(r));
    }
    if let (Some(x), Some(y)) = (a.downcast::<StrObj>(), b.downcast::<StrObj>()) {
        if vm.type_of(a) == vm.t.str && vm.type_of(b) == vm.t.str {
            return Ok(vm.bool(cmp_ord(x.text_cmp(y), op)));
        }
    }
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && identity_eq(vm, a) && identity_eq(vm, b) {
        return Ok(vm.bool((a == b) == (op == CmpOp::Eq)));
    }
    vm.enter_recursion(" in comparison")?;
    let r = rich_compare(vm, a, b, op);
    vm.leave_recursion();
    r
}

/// Whether `v`'s `==` and `!=` are `object`'s, which answer by identity alone
/// (`NotImplemented` both ways, then the identity fallback of `rich_compare`).
fn identity_eq(vm: &mut Vm, v: Value) -> bool {
    let ty = vm.type_of(v);
    typeobj::construct_of(vm, ty).identity_eq
}

/// Calls comparison method `f` found on `type(obj)`. As CPython's
/// `slot_tp_richcompare`, an error while binding it (a property that raises)
/// means NotImplemented; errors of the call itself propagate.
pub fn call_compare_slot(vm: &mut Vm, f: Value, obj: Value, other: Value) -> PyResult {
    let plain = f.is::<crate::function::FunctionObj>()
        || f.downcast::<crate::function::NativeFunction>().is_some_and(|n| n.kind == crate::function::NativeKind::Method);
    if plain {
        return call_method_descr(vm, f, obj, Args::new(&[other]));
    }
    let ty = vm.type_of(obj);
    match crate::attr::bind_descriptor(vm, f, obj, ty) {
        Ok(bound) => crate::call::call(vm, bound, &[other]),
        Err(_) => Ok(vm.not_implemented),
    }
}

fn rich_compare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult {
    let (ta, tb) = (vm.type_of(a), vm.type_of(b));
    let swapped = op.swapped();
    let mut checked_reflected = false;
    if ta != tb && typeobj::is_subtype(tb, ta) {
        if let Some(f) = lookup_str(vm, tb, swapped.dunder()) {
            checked_reflected = true;
            let r = call_compare_slot(vm, f, b, a)?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    if let Some(f) = lookup_str(vm, ta, op.dunder()) {
        let r = call_compare_slot(vm, f, a, b)?;
        if r != vm.not_implemented {
            return Ok(r);
        }
    }
    if !checked_reflected {
        if let Some(f) = lookup_str(vm, tb, swapped.dunder()) {
            let r = call_compare_slot(vm, f, b, a)?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(vm.bool(a == b)),
        CmpOp::Ne => Ok(vm.bool(a != b)),
        _ => Err({ let __arg = format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            vm.type_name(a),
            vm.type_name(b)
        ); vm.type_error(__arg) }),
    }
}

pub fn cmp_ord(o: std::cmp::Ordering, op: CmpOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    }
}

/// `a == b` as a Rust bool, identity implying equality (PyObject_RichCompareBool).
pub fn eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    let r = compare(vm, a, b, CmpOp::Eq)?;
    truthy(vm, r)
}

/// `a < b` as a Rust bool (sorting, min/max).
pub fn lt(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let r = compare(vm, a, b, CmpOp::Lt)?;
    truthy(vm, r)
}

/// `bool(v)`.
pub fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if v == vm.true_ {
        return Ok(true);
    }
    if v == vm.false_ || v == vm.none {
        return Ok(false);
    }
    if let Some(i) = v.as_small() {
        return Ok(i != 0);
    }
    let ty = vm.type_of(v);
    if ty == vm.t.str {
        return Ok(!v.downcast::<StrObj>().unwrap().is_empty());
    }
    if ty == vm.t.list {
        return Ok(!v.downcast::<ListObj>().unwrap().items.borrow().is_empty());
    }
    if ty == vm.t.tuple {
        return Ok(!crate::tuple::items(v).is_empty());
    }
    if ty == vm.t.dict {
        return Ok(!v.downcast::<DictObj>().unwrap().is_empty());
    }
    if ty == vm.t.float {
        return Ok(crate::float::value(v) != 0.0);
    }
    if let Some(r) = call_special(vm, v, "__bool__", &[])? {
        if r == vm.true_ {
            return Ok(true);
        }
        if r == vm.false_ {
            return Ok(false);
        }
        return Err({ let __arg = format!("__bool__ should return bool, returned {}", vm.type_name(r)); vm.type_error(__arg) });
    }
    if lookup_str(vm, ty, "__len__").is_some() {
        return Ok(len(vm, v)? != 0);
    }
    Ok(true)
}

/// `PySequence_Check`: supports `__getitem__` and is not a dict.
pub fn sequence_check(vm: &mut Vm, v: Value) -> bool {
    let ty = vm.type_of(v);
    !crate::typeobj::is_subtype(ty, vm.t.dict) && crate::typeobj::lookup_str(vm, ty, "__getitem__").is_some()
}

/// `len(v)`.
pub fn len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let ty = vm.type_of(v);
    if ty == vm.t.list {
        return Ok(v.downcast::<ListObj>().unwrap().items.borrow().len());
    }
    if ty == vm.t.str {
        return Ok(v.downcast::<StrObj>().unwrap().len());
    }
    if ty == vm.t.tuple {
        return Ok(crate::tuple::items(v).len());
    }
    if ty == vm.t.dict {
        return Ok(v.downcast::<DictObj>().unwrap().len());
    }
    if ty == vm.t.set || ty == vm.t.frozenset {
        return Ok(crate::set::len(v));
    }
    match call_special(vm, v, "__len__", &[])? {
        Some(r) => {
            if let Some(n) = r.as_small().and_then(|n| usize::try_from(n).ok()) {
                return Ok(n);
            }
            let i = crate::number::index_bigint(vm, r)?;
            use num_traits::{Signed, ToPrimitive};
            if i.is_negative() {
                return Err(vm.value_error("__len__() should return >= 0"));
            }
            i.to_i64().map(|n| n as usize).ok_or_else(|| vm.overflow_error("cannot fit 'int' into an index-sized integer"))
        }
        None => Err({ let __arg = format!("object of type '{}' has no len()", vm.type_name(v)); vm.type_error(__arg) }),
    }
}

/// The slow part of `hash(v)`: `__hash__` on the type, None meaning unhashable.
pub fn hash_slow(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let ty = vm.type_of(v);
    match lookup_str(vm, ty, "__hash__") {
        Some(h) if h != vm.none => {
            let r = call_method_descr(vm, h, v, Args::new(&[]))?;
            if !crate::int::is_int(vm, r) {
                return Err(vm.type_error("__hash__ method should return an integer"));
            }
            // Values already in the hash range are kept (so `__hash__` returning
            // `hash(y)` hashes like y); others are hashed as ints.
            let b = crate::int::to_bigint(vm, r).expect("int");
            let h = num_traits::ToPrimitive::to_i64(&b).unwrap_or_else(|| crate::hash::hash_bigint(&b));
            Ok(if h == -1 { -2 } else { h })
        }
        _ => Err({ let __arg = format!("unhashable type: '{}'", vm.type_name(v)); vm.type_error(__arg) }),
    }
}

/// `repr(v)` as a str value.
/// `type(v).__repr__(v)` under the recursion guard, the result not checked to be a
/// str (`object.__str__` returns it as is: `str()` checks it).
pub fn call_repr(vm: &mut Vm, v: Value) -> PyResult {
    vm.enter_recursion(" while getting the repr of an object")?;
    let r = call_special(vm, v, "__repr__", &[]);
    vm.leave_recursion();
    Ok(r?.expect("object.__repr__"))
}

pub fn repr(vm: &mut Vm, v: Value) -> PyResult {
    let r = call_repr(vm, v)?;
    if !r.is::<StrObj>() {
        return Err({ let __arg = format!("__repr__ returned non-string (type {})", vm.type_name(r)); vm.type_error(__arg) });
    }
    Ok(r)
}

/// `repr(v)` as a Rust string.
pub fn repr_string(vm: &mut Vm, v: Value) -> PyResult<String> {
    let r = repr(vm, v)?;
    Ok(crate::str::as_str(r).unwrap().to_string())
}

/// `str(v)`.
pub fn str(vm: &mut Vm, v: Value) -> PyResult {
    if vm.type_of(v) == vm.t.str {
        return Ok(v);
    }
    vm.enter_recursion(" while getting the str of an object")?;
    let r = call_special(vm, v, "__str__", &[]);
    vm.leave_recursion();
    let r = r?.expect("object.__str__");
    if !r.is::<StrObj>() {
        return Err({ let __arg = format!("__str__ returned non-string (type {})", vm.type_name(r)); vm.type_error(__arg) });
    }
    Ok(r)
}

pub fn str_string(vm: &mut Vm, v: Value) -> PyResult<String> {
    let r = str(vm, v)?;
    Ok(crate::str::as_str(r).unwrap().to_string())
}

/// `ascii(v)`.
pub fn ascii(vm: &mut Vm, v: Value) -> PyResult {
    let r = repr(vm, v)?;
    // An ASCII repr is the result itself (a str subclass stays one).
    if r.downcast::<StrObj>().is_some_and(|s| s.is_ascii()) {
        return Ok(r);
    }
    let text = str_string(vm, r)?;
    Ok(crate::str::new_str(vm, ascii_escape(&text)))
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: Value, spec: Value) -> PyResult {
    let r = call_special(vm, v, "__format__", &[spec])?.expect("object.__format__");
    if !r.is::<StrObj>() {
        return Err({ let __arg = format!("__format__ must return a str, not {}", vm.type_name(r)); vm.type_error(__arg) });
    }
    Ok(r)
}

/// `c[k]`.
pub fn getitem(vm: &mut Vm, c: Value, k: Value) -> PyResult {
    let ty = vm.type_of(c);
    if ty == vm.t.list {
        if let Some(i) = k.as_small() {
            return crate::list::getitem_index(vm, c, i);
        }
        if let Some(s) = k.downcast::<crate::slice::SliceObj>() {
            return crate::list::get_slice(vm, c, s);
        }
    }
    if ty == vm.t.tuple {
        if let Some(v) = k.as_small().and_then(|i| crate::tuple::item_at(c, i)) {
            return Ok(v);
        }
    }
    if ty == vm.t.dict {
        return match crate::dict::get_item(vm, c, k)? {
            Some(v) => Ok(v),
            None => crate::dict_methods::missing(vm, c, k),
        };
    }
    let gi = vm.n.getitem;
    if let Some(f) = typeobj::lookup(vm, ty, gi) {
        return call_method_descr(vm, f, c, Args::new(&[k]));
    }
    if typeobj::is_type(c) {
        if c == vm.t.type_ {
            return crate::generic_alias::new_generic_alias(vm, c, k);
        }
        let n = vm.intern("__class_getitem__");
        // `__class_getitem__ = None` marks the class as not subscriptable.
        if let Some(f) = crate::attr::getattr_opt(vm, c, n)?.filter(|f| *f != vm.none) {
            return crate::call::call(vm, f, &[k]);
        }
        return Err(vm.type_error(format!("type '{}' is not subscriptable", typeobj::type_name(c))));
    }
    Err({ let __arg = format!("'{}' object is not subscriptable", vm.type_name(c)); vm.type_error(__arg) })
}

/// `c[k] = v`.
pub fn setitem(vm: &mut Vm, c: Value, k: Value, v: Value) -> PyResult<()> {
    let ty = vm.type_of(c);
    if ty == vm.t.dict {
        return crate::dict::set_item(vm, c, k, v);
    }
    if ty == vm.t.list {
        if let Some(i) = k.as_small() {
            return crate::list::setitem_index(vm, c, i, v);
        }
        if let Some(s) = k.downcast::<crate::slice::SliceObj>() {
            return crate::list::set_slice(vm, c, s, v);
        }
    }
    match lookup_str(vm, ty, "__setitem__") {
        Some(f) => call_method_descr(vm, f, c, Args::new(&[k, v])).map(|_| ()),
        None => Err({ let __arg = format!("'{}' object does not support item assignment", vm.type_name(c)); vm.type_error(__arg) }),
    }
}

/// `del c[k]`.
pub fn delitem(vm: &mut Vm, c: Value, k: Value) -> PyResult<()> {
    let ty = vm.type_of(c);
    if ty == vm.t.dict {
        return match crate::dict::pop_item(vm, c, k)? {
            Some(_) => Ok(()),
            None => Err(vm.key_error(k)),
        };
    }
    match lookup_str(vm, ty, "__delitem__") {
        Some(f) => call_method_descr(vm, f, c, Args::new(&[k])).map(|_| ()),
        None => Err({ let __arg = format!("'{}' object doesn't support item deletion", vm.type_name(c)); vm.type_error(__arg) }),
    }
}

/// `m[k]` for a locals/namespace mapping; None when the key is missing.
pub fn mapping_get(vm: &mut Vm, m: Value, k: Value) -> PyResult<Option<Value>> {
    if vm.type_of(m) == vm.t.dict {
        return crate::dict::get_item(vm, m, k);
    }
    match getitem(vm, m, k) {
        Ok(v) => Ok(Some(v)),
        Err(e) if exceptions::matches(vm, e, vm.e.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    let ty = vm.type_of(container);
    if ty == vm.t.dict {
        return Ok(crate::dict::get_item(vm, container, item)?.is_some());
    }
    if let Some(f) = lookup_str(vm, ty, "__contains__") {
        let r = call_method_descr(vm, f, container, Args::new(&[item]))?;
        return truthy(vm, r);
    }
    let it = match iter(vm, container) {
        Ok(it) => it,
        Err(e) if exceptions::matches(vm, e, vm.e.type_error) => {
            return Err({ let __arg = format!("argument of type '{}' is not iterable", vm.type_name(container)); vm.type_error(__arg) })
        }
        Err(e) => return Err(e),
    };
    while let Some(v) = next(vm, it)? {
        if eq(vm, v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `iter(v)`.
pub fn iter(vm: &mut Vm, v: Value) -> PyResult {
    if let Some(it) = crate::iter::fast_iter(vm, v) {
        return Ok(it);
    }
    let ty = vm.type_of(v);
    match lookup_str(vm, ty, "__iter__") {
        Some(f) if f != vm.none => {
            // A subclass of a builtin container that keeps its `__iter__`.
            let base = typeobj::builtin_layout(ty);
            if base != ty && lookup_str(vm, base, "__iter__") == Some(f) {
                if let Some(it) = crate::iter::fast_iter_as(vm, v, base) {
                    return Ok(it);
                }
            }
            let it = call_method_descr(vm, f, v, Args::new(&[]))?;
            let itt = vm.type_of(it);
            if lookup_str(vm, itt, "__next__").is_none() {
                return Err({ let __arg = format!("iter() returned non-iterator of type '{}'", vm.type_name(it)); vm.type_error(__arg) });
            }
            Ok(it)
        }
        Some(_) => Err(not_iterable(vm, v)),
        None => {
            if lookup_str(vm, ty, "__getitem__").is_some() {
                return Ok(crate::iter::new_seq_iter(vm, v));
            }
            Err(not_iterable(vm, v))
        }
    }
}

fn not_iterable(vm: &mut Vm, v: Value) -> PyErr {
    { let __arg = format!("'{}' object is not iterable", vm.type_name(v)); vm.type_error(__arg) }
}

/// `next(it)`: Some(value), or None when the iterator is exhausted.
pub fn next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    if let Some(r) = crate::iter::fast_next(vm, it) {
        return r;
    }
    match call_special(vm, it, "__next__", &[]) {
        Ok(Some(v)) => Ok(Some(v)),
        Ok(None) => Err({ let __arg = format!("'{}' object is not an iterator", vm.type_name(it)); vm.type_error(__arg) }),
        Err(e) if exceptions::is_instance_of(vm, e.0, vm.e.stop_iteration) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `-v`.
pub fn neg(vm: &mut Vm, v: Value) -> PyResult {
    unary(vm, v, "__neg__", "-")
}

/// `+v`.
pub fn pos(vm: &mut Vm, v: Value) -> PyResult {
    unary(vm, v, "__pos__", "+")
}

/// `~v`.
pub fn invert(vm: &mut Vm, v: Value) -> PyResult {
    unary(vm, v, "__invert__", "~")
}

fn unary(vm: &mut Vm, v: Value, name: &'static str, sym: &str) -> PyResult {
    if let Some(r) = crate::number::fast_unary(vm, v, sym)? {
        return Ok(r);
    }
    match call_special(vm, v, name, &[])? {
        Some(r) => Ok(r),
        None => Err({ let __arg = format!("bad operand type for unary {sym}: '{}'", vm.type_name(v)); vm.type_error(__arg) }),
    }
}

/// `UNPACK_SEQUENCE`: `unpack`, with the items pushed on the value stack last
/// first.
pub fn unpack_onto_stack(vm: &mut Vm, v: Value, n: usize) -> PyResult<()> {
    let items = unpack(vm, v, n)?;
    vm.stack.extend_rev(&items);
    Ok(())
}

/// `UNPACK_SEQUENCE`'s common case: an exact tuple or list of exactly
/// `out.len()` items is copied into `out`, last item first, with no call and no
/// allocation; false (nothing written) otherwise.
#[inline(always)]
pub fn unpack_exact(vm: &Vm, v: Value, out: &[std::cell::Cell<Value>]) -> bool {
    let ty = vm.type_of(v);
    let write = |items: &[Value]| {
        if items.len() != out.len() {
            return false;
        }
        for (slot, item) in out.iter().zip(items.iter().rev()) {
            slot.set(*item);
        }
        true
    };
    if ty == vm.t.tuple {
        write(crate::tuple::items(v))
    } else if ty == vm.t.list {
        write(&crate::list::lobj(v).items.borrow())
    } else {
        false
    }
}

pub fn unpack(vm: &mut Vm, v: Value, n: usize) -> PyResult<Vec<Value>> {
    let ty = vm.type_of(v);
    if ty == vm.t.tuple || ty == vm.t.list {
        let items: Vec<Value> = if ty == vm.t.tuple {
            crate::tuple::items(v).to_vec()
        } else {
            crate::list::lobj(v).items.borrow().clone()
        };
        if items.len() == n {
            return Ok(items);
        }
        return Err(if items.len() < n {
            vm.value_error(format!("not enough values to unpack (expected {n}, got {})", items.len()))
        } else {
            vm.value_error(format!("too many values to unpack (expected {n})"))
        });
    }
    let it = match iter(vm, v) {
        Ok(it) => it,
        Err(e) if exceptions::matches(vm, e, vm.e.type_error) && lookup_str(vm, ty, "__iter__").is_none() => {
            return Err({ let __arg = format!("cannot unpack non-iterable {} object", vm.type_name(v)); vm.type_error(__arg) })
        }
        Err(e) => return Err(e),
    };
    let buf = crate::list::new_list(vm, vec![]);
    for got in 0..n {
        match next(vm, it)? {
            Some(x) => crate::list::lobj(buf).items.borrow_mut().push(x),
            None => return Err(vm.value_error(format!("not enough values to unpack (expected {n}, got {got})"))),
        }
    }
    if next(vm, it)?.is_some() {
        return Err(vm.value_error(format!("too many values to unpack (expected {n})")));
    }
    let items = crate::list::lobj(buf).items.borrow().clone();
    std::hint::black_box(buf);
    Ok(items)
}

/// Starred unpacking: all items of `v` in a new list, checked against the counts.
pub fn unpack_ex(vm: &mut Vm, v: Value, before: usize, after: usize) -> PyResult<Value> {
    let ty = vm.type_of(v);
    let l = match crate::list::from_iterable(vm, v) {
        Ok(l) => l,
        Err(e) if exceptions::matches(vm, e, vm.e.type_error) && lookup_str(vm, ty, "__iter__").is_none() && lookup_str(vm, ty, "__getitem__").is_none() => {
            return Err({ let __arg = format!("cannot unpack non-iterable {} object", vm.type_name(v)); vm.type_error(__arg) })
        }
        Err(e) => return Err(e),
    };
    let n = crate::list::lobj(l).items.borrow().len();
    if n < before + after {
        return Err(vm.value_error(format!("not enough values to unpack (expected at least {}, got {n})", before + after)));
    }
    Ok(l)
}

/// The TypeError of `with` / `async with` (`kind` "" or "asynchronous ") on an
/// object lacking the protocol; 3.11 names a missing exit method when the enter
/// method exists.
pub fn not_a_context_manager(vm: &mut Vm, mgr: Value, kind: &str, has_enter: bool, exit: &str) -> PyErr {
    let suffix = if has_enter { format!(" (missed {exit} method)") } else { String::new() };
    let m = format!("'{}' object does not support the {kind}context manager protocol{suffix}", vm.type_name(mgr));
    vm.type_error(m)
}

/// `with mgr:`: the bound `__exit__` and the result of `__enter__()`.
pub fn before_with(vm: &mut Vm, mgr: Value) -> PyResult<(Value, Value)> {
    let ty = vm.type_of(mgr);
    let enter = lookup_str(vm, ty, "__enter__");
    let exit = lookup_str(vm, ty, "__exit__");
    let (Some(enter), Some(exit)) = (enter, exit) else {
        return Err(not_a_context_manager(vm, mgr, "", enter.is_some(), "__exit__"));
    };
    let bound_exit = crate::attr::bind_descriptor(vm, exit, mgr, ty)?;
    let r = call_method_descr(vm, enter, mgr, Args::new(&[]))?;
    Ok((bound_exit, r))
}

/// How call errors name a callable (`_PyObject_FunctionStr`): `module.qualname()`,
/// `qualname()` for builtins, or `str(f)` when it has no `__qualname__`.
pub fn func_name(vm: &mut Vm, f: Value) -> String {
    let q = vm.intern("__qualname__");
    let qualname = match crate::attr::getattr(vm, f, q) {
        Ok(q) => str_string(vm, q),
        Err(e) => Err(e),
    };
    let Ok(qualname) = qualname else {
        return str_string(vm, f).unwrap_or_default();
    };
    let m = vm.intern("__module__");
    let module = match crate::attr::getattr(vm, f, m) {
        Ok(m) if m != vm.none => str_string(vm, m).ok(),
        _ => None,
    };
    match module {
        Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
        _ => format!("{qualname}()"),
    }
}

/// True when `v` can't be iterated at all (no `__iter__`, no `__getitem__`): the
/// condition under which CPython rewrites "not iterable" errors of `*` arguments.
pub fn lacks_iter(vm: &mut Vm, v: Value) -> bool {
    let ty = vm.type_of(v);
    lookup_str(vm, ty, "__iter__").is_none() && lookup_str(vm, ty, "__getitem__").is_none()
}

/// A tuple of a list of values (the values must be rooted by the caller).
pub fn tuple_of(vm: &mut Vm, items: &[Value]) -> Value {
    crate::tuple::new_tuple(vm, items.to_vec())
}

/// Raises `StopIteration` semantics helper for Python-visible `__next__` natives.
pub fn next_or_stop(vm: &mut Vm, r: Option<Value>) -> PyResult {
    match r {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NULL)),
    }
}

/// True if `v`'s type is exactly `ty`.
pub fn is_exact(vm: &Vm, v: Value, ty: Value) -> bool {
    vm.type_of(v) == ty
}

/// Tuple payload re-export for callers matching on tuples.
pub fn as_tuple(v: Value) -> Option<&'static TupleObj> {
    v.downcast::<TupleObj>()
}

/// Escapes the non-ASCII characters of a repr as `ascii()` does.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        match n {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            _ => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}
