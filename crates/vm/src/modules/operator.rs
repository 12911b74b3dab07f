//! The `_operator` module (CPython's Modules/_operator.c): the functions behind
//! `operator`, each the one Python operation it names (`ops::*`), and
//! `_compare_digest` (used by `hmac`). `operator.py` imports what is here over its
//! pure-Python definitions; `itemgetter`, `attrgetter` and `methodcaller` are not
//! here yet, so its Python classes stay.

use crate::object::{count_message, Args, PyResult};
use crate::ops;
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::{BinOp, CmpOp};

/// The `n` positional arguments of `_operator.name`, with its messages.
fn positional<'a>(vm: &mut Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if args.has_kw() {
        return Err(vm.type_error(format!("_operator.{name}() takes no keyword arguments")));
    }
    let got = args.vals.len();
    if got != n {
        let m = if n == 1 { count_message(&format!("_operator.{name}"), 1, 1, got) } else { count_message(name, n, n, got) };
        return Err(vm.type_error(m));
    }
    Ok(args.vals)
}

macro_rules! binary {
    ($($f:ident => $name:literal, $op:expr;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult {
            let a = positional(vm, &args, $name, 2)?;
            ops::binary_op(vm, a[0], a[1], $op)
        })*
        const BINARY: &[(&str, crate::object::NativeFn)] = &[$(($name, $f)),*];
    };
}

binary! {
    op_add => "add", BinOp::Add;
    op_and => "and_", BinOp::And;
    op_floordiv => "floordiv", BinOp::FloorDivide;
    op_lshift => "lshift", BinOp::Lshift;
    op_matmul => "matmul", BinOp::MatrixMultiply;
    op_mod => "mod", BinOp::Remainder;
    op_mul => "mul", BinOp::Multiply;
    op_or => "or_", BinOp::Or;
    op_pow => "pow", BinOp::Power;
    op_rshift => "rshift", BinOp::Rshift;
    op_sub => "sub", BinOp::Subtract;
    op_truediv => "truediv", BinOp::TrueDivide;
    op_xor => "xor", BinOp::Xor;
    op_iadd => "iadd", BinOp::InplaceAdd;
    op_iand => "iand", BinOp::InplaceAnd;
    op_ifloordiv => "ifloordiv", BinOp::InplaceFloorDivide;
    op_ilshift => "ilshift", BinOp::InplaceLshift;
    op_imatmul => "imatmul", BinOp::InplaceMatrixMultiply;
    op_imod => "imod", BinOp::InplaceRemainder;
    op_imul => "imul", BinOp::InplaceMultiply;
    op_ior => "ior", BinOp::InplaceOr;
    op_ipow => "ipow", BinOp::InplacePower;
    op_irshift => "irshift", BinOp::InplaceRshift;
    op_isub => "isub", BinOp::InplaceSubtract;
    op_itruediv => "itruediv", BinOp::InplaceTrueDivide;
    op_ixor => "ixor", BinOp::InplaceXor;
}

macro_rules! comparison {
    ($($f:ident => $name:literal, $op:expr;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult {
            let a = positional(vm, &args, $name, 2)?;
            ops::compare(vm, a[0], a[1], $op)
        })*
        const COMPARISONS: &[(&str, crate::object::NativeFn)] = &[$(($name, $f)),*];
    };
}

comparison! {
    op_lt => "lt", CmpOp::Lt;
    op_le => "le", CmpOp::Le;
    op_eq => "eq", CmpOp::Eq;
    op_ne => "ne", CmpOp::Ne;
    op_gt => "gt", CmpOp::Gt;
    op_ge => "ge", CmpOp::Ge;
}

fn op_not(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "not_", 1)?;
    let t = ops::truthy(vm, a[0])?;
    Ok(vm.bool(!t))
}

fn op_truth(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "truth", 1)?;
    let t = ops::truthy(vm, a[0])?;
    Ok(vm.bool(t))
}

fn op_is(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "is_", 2)?;
    Ok(vm.bool(a[0] == a[1]))
}

fn op_is_not(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "is_not", 2)?;
    Ok(vm.bool(a[0] != a[1]))
}

fn op_index(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "index", 1)?;
    crate::number::index(vm, a[0])
}

fn op_neg(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "neg", 1)?;
    ops::neg(vm, a[0])
}

fn op_pos(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "pos", 1)?;
    ops::pos(vm, a[0])
}

fn op_invert(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "invert", 1)?;
    ops::invert(vm, a[0])
}

fn op_inv(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "inv", 1)?;
    ops::invert(vm, a[0])
}

/// `abs(a)`, the builtin.
fn op_abs(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "abs", 1)?;
    let abs = vm.intern("abs");
    let builtins = vm.builtins;
    let f = crate::attr::getattr(vm, builtins, abs)?;
    crate::call::call(vm, f, &[a[0]])
}

/// Whether `v`'s type concatenates as a builtin sequence does (CPython's
/// `sq_concat` slot).
fn has_sq_concat(vm: &mut Vm, v: Value) -> bool {
    let t = vm.type_of(v);
    let vm_t = &vm.t;
    [vm_t.list, vm_t.tuple, vm_t.str, vm_t.bytes, vm_t.bytearray].iter().any(|b| crate::typeobj::is_subtype(t, *b))
}

/// `PySequence_Concat` / `PySequence_InPlaceConcat`.
fn concat_with(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult {
    if has_sq_concat(vm, a) {
        return ops::binary_op(vm, a, b, op);
    }
    if ops::sequence_check(vm, a) && ops::sequence_check(vm, b) {
        // `__iadd__` first for the in-place form (CPython's `binary_iop1`).
        if op == BinOp::InplaceAdd {
            if let Some(r) = crate::call::call_special(vm, a, "__iadd__", &[b])? {
                if r != vm.not_implemented {
                    return Ok(r);
                }
            }
        }
        let r = ops::binary_op1(vm, a, b, BinOp::Add)?;
        if r != vm.not_implemented {
            return Ok(r);
        }
    }
    let m = format!("'{}' object can't be concatenated", vm.type_name(a));
    Err(vm.type_error(m))
}

fn op_concat(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "concat", 2)?;
    concat_with(vm, a[0], a[1], BinOp::Add)
}

fn op_iconcat(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "iconcat", 2)?;
    concat_with(vm, a[0], a[1], BinOp::InplaceAdd)
}

/// `b in a`.
fn op_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "contains", 2)?;
    let r = ops::contains(vm, a[0], a[1])?;
    Ok(vm.bool(r))
}

/// The positions in iterable `seq` of items that are or equal `v`, up to the first
/// one when `first` (`_PySequence_IterSearch`).
fn search(vm: &mut Vm, seq: Value, v: Value, first: bool) -> PyResult<(i64, bool)> {
    let it = match ops::iter(vm, seq) {
        Ok(it) => it,
        Err(e) if crate::exceptions::matches(vm, e, vm.e.type_error) && ops::lacks_iter(vm, seq) => {
            let m = format!("argument of type '{}' is not iterable", vm.type_name(seq));
            return Err(vm.type_error(m));
        }
        Err(e) => return Err(e),
    };
    let (mut n, mut i) = (0i64, 0i64);
    while let Some(x) = ops::next(vm, it)? {
        if x == v || ops::eq(vm, x, v)? {
            if first {
                return Ok((i, true));
            }
            n += 1;
        }
        i += 1;
    }
    Ok((n, false))
}

fn op_count_of(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "countOf", 2)?;
    let (n, _) = search(vm, a[0], a[1], false)?;
    Ok(crate::int::from_i64(vm, n))
}

fn op_index_of(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "indexOf", 2)?;
    match search(vm, a[0], a[1], true)? {
        (i, true) => Ok(crate::int::from_i64(vm, i)),
        _ => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn op_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "getitem", 2)?;
    ops::getitem(vm, a[0], a[1])
}

fn op_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "setitem", 3)?;
    ops::setitem(vm, a[0], a[1], a[2])?;
    Ok(vm.none)
}

fn op_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "delitem", 2)?;
    ops::delitem(vm, a[0], a[1])?;
    Ok(vm.none)
}

/// `length_hint(obj, default=0, /)`.
fn op_length_hint(vm: &mut Vm, args: Args) -> PyResult {
    if args.has_kw() {
        return Err(vm.type_error("_operator.length_hint() takes no keyword arguments"));
    }
    let a = args.vals;
    if a.is_empty() || a.len() > 2 {
        return Err(vm.type_error(count_message("length_hint", 1, 2, a.len())));
    }
    let default = match a.get(1) {
        Some(&d) => crate::number::index_i64(vm, d)?,
        None => 0,
    };
    // A negative default comes back as is when there is no hint.
    let n = crate::iter::length_hint(vm, a[0], usize::MAX)?;
    let n = if n == usize::MAX { default } else { n as i64 };
    Ok(crate::int::from_i64(vm, n))
}

/// `call(obj, /, *args, **kwargs)`.
fn op_call(vm: &mut Vm, args: Args) -> PyResult {
    let Some(&f) = args.pos().first() else {
        return Err(vm.type_error(count_message("call", 1, usize::MAX, 0)));
    };
    crate::call::call_args(vm, f, Args::with_kw(&args.vals[1..], args.kwnames))
}

/// `_compare_digest(a, b, /)`: equality of two ASCII str or two bytes-like
/// objects in time independent of where they differ.
fn op_compare_digest(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "_compare_digest", 2)?;
    let (x, y) = (a[0], a[1]);
    let (xs, ys) = (crate::str::as_str(x), crate::str::as_str(y));
    let (xb, yb): (Vec<u8>, Vec<u8>) = match (xs, ys) {
        (Some(p), Some(q)) => {
            if !p.is_ascii() || !q.is_ascii() {
                return Err(vm.type_error("comparing strings with non-ASCII characters is not supported"));
            }
            (p.as_bytes().to_vec(), q.as_bytes().to_vec())
        }
        _ => {
            let p = crate::bytes::buffer_bytes(x);
            let q = crate::bytes::buffer_bytes(y);
            match (p, q) {
                (Some(p), Some(q)) => (p.to_vec(), q.to_vec()),
                (None, None) => {
                    let m = format!("unsupported operand types(s) or combination of types: '{}' and '{}'", vm.type_name(x), vm.type_name(y));
                    return Err(vm.type_error(m));
                }
                (p, _) => {
                    let bad = if p.is_none() { x } else { y };
                    let m = format!("a bytes-like object is required, not '{}'", vm.type_name(bad));
                    return Err(vm.type_error(m));
                }
            }
        }
    };
    // Every byte of `yb` is looked at whatever `xb` holds (CPython's
    // `_tscmp`: the time depends on the length of the second argument only).
    let mut diff = (xb.len() != yb.len()) as u8;
    for (i, &c) in yb.iter().enumerate() {
        let l = if xb.len() == yb.len() { xb[i] } else { c };
        diff |= l ^ c;
    }
    Ok(vm.bool(diff == 0))
}

const MODULE_DOC: &str = "Operator interface.

This module exports a set of functions implemented in C corresponding
to the intrinsic operators of Python.  For example, operator.add(x, y)
is equivalent to the expression x+y.  The function names are those
used for special methods; variants without leading and trailing
'__' are also provided for convenience.";

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(vm, m, BINARY)?;
    super::add_functions(vm, m, COMPARISONS)?;
    super::add_functions(
        vm,
        m,
        &[
            ("not_", op_not),
            ("truth", op_truth),
            ("is_", op_is),
            ("is_not", op_is_not),
            ("index", op_index),
            ("neg", op_neg),
            ("pos", op_pos),
            ("invert", op_invert),
            ("inv", op_inv),
            ("abs", op_abs),
            ("concat", op_concat),
            ("iconcat", op_iconcat),
            ("contains", op_contains),
            ("countOf", op_count_of),
            ("indexOf", op_index_of),
            ("getitem", op_getitem),
            ("setitem", op_setitem),
            ("delitem", op_delitem),
            ("length_hint", op_length_hint),
            ("call", op_call),
            ("_compare_digest", op_compare_digest),
        ],
    )?;
    let doc = crate::str::alloc_str(vm, MODULE_DOC);
    super::set_attr(vm, m, "__doc__", doc)?;
    Ok(())
}
