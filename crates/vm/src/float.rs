//! `float`: IEEE 754 doubles. An exact float is inline in its `Value` when its
//! exponent is in the common range (value.rs), else a boxed `FloatObj`; instances
//! of float subclasses are always boxed. Read floats through `as_f64`/`value`,
//! make them with `new_float`, never through `FloatObj` directly. Text forms come
//! from the `format` crate so that repr, str and format() match CPython digit for
//! digit.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::{BinOp, CmpOp};

pub struct FloatObj {
    pub v: f64,
}
impl Trace for FloatObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(FloatObj, "float", leaf);

/// An exact float: inline when it can be, else boxed.
#[inline]
pub fn new_float(vm: &mut Vm, v: f64) -> Value {
    match Value::try_float(v) {
        Some(f) => f,
        None => new_boxed(vm, v),
    }
}

#[inline(never)]
fn new_boxed(vm: &mut Vm, v: f64) -> Value {
    let t = vm.t.float;
    vm.alloc(t, FloatObj { v })
}

/// The value of a float (the caller knows it is one).
#[inline]
pub fn value(v: Value) -> f64 {
    as_f64(v).expect("float")
}

/// The value of a float or an instance of a float subclass.
#[inline]
pub fn as_f64(v: Value) -> Option<f64> {
    match v.as_inline_float() {
        Some(f) => Some(f),
        None => v.downcast::<FloatObj>().map(|f| f.v),
    }
}

/// Is `v` a float or an instance of a float subclass?
#[inline]
pub fn is_float(v: Value) -> bool {
    v.is_inline_float() || v.is::<FloatObj>()
}

/// A float operand: a float, or an int converted (OverflowError if too big).
fn operand(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    if let Some(f) = as_f64(v) {
        return Ok(Some(f));
    }
    if crate::int::is_int(vm, v) {
        let b = crate::int::to_bigint(vm, v).unwrap();
        return crate::number::bigint_to_f64(vm, &b).map(Some);
    }
    Ok(None)
}

/// `a OP b` where one side is a float and the other a float or an int.
pub fn binary(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (operand(vm, a)?, operand(vm, b)?) else {
        return Ok(None);
    };
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Subtract => x - y,
        BinOp::Multiply => x * y,
        BinOp::TrueDivide => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDivide => {
            if y == 0.0 {
                return Err(vm.zero_division("float floor division by zero"));
            }
            divmod(x, y).0
        }
        BinOp::Remainder => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            divmod(x, y).1
        }
        BinOp::Power => return power(vm, x, y).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(new_float(vm, r)))
}

/// CPython's float_divmod: floor quotient and modulo with the divisor's sign.
pub fn divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `x ** y` for floats, as CPython's `float_pow`: special values sorted out
/// first, negative bases to fractional powers become complex, the rest is libm.
pub fn power(vm: &mut Vm, x: f64, y: f64) -> PyResult {
    let odd = |w: f64| w.is_finite() && w.abs() % 2.0 == 1.0;
    let r = if y == 0.0 {
        1.0
    } else if x.is_nan() {
        x
    } else if y.is_nan() {
        if x == 1.0 {
            1.0
        } else {
            y
        }
    } else if y.is_infinite() {
        let ax = x.abs();
        if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            y.abs()
        } else {
            0.0
        }
    } else if x.is_infinite() {
        match (y > 0.0, odd(y)) {
            (true, true) => x,
            (true, false) => x.abs(),
            (false, true) => 0.0f64.copysign(x),
            (false, false) => 0.0,
        }
    } else if x == 0.0 {
        if y < 0.0 {
            return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
        }
        if odd(y) {
            x
        } else {
            0.0
        }
    } else {
        let mut ax = x;
        let mut negate = false;
        if x < 0.0 {
            if y != y.floor() {
                let c = crate::complex::pow((x, 0.0), (y, 0.0)).map_err(|e| crate::complex::pow_error(vm, e))?;
                return Ok(crate::complex::new_complex(vm, c.0, c.1));
            }
            ax = -x;
            negate = odd(y);
        }
        if ax == 1.0 {
            if negate {
                -1.0
            } else {
                1.0
            }
        } else {
            let r = ax.powf(y);
            if r.is_infinite() {
                return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
            }
            if negate {
                -r
            } else {
                r
            }
        }
    };
    Ok(new_float(vm, r))
}

pub fn repr_f64(v: f64) -> String {
    format::float_repr::float_repr(v)
}

fn float_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let s = repr_f64(value(a[0]));
    Ok(crate::str::new_str(vm, s))
}

/// `PyFloat_AsDouble`: a float, `__float__`, or `__index__`.
pub fn as_double(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = as_f64(v) {
        return Ok(f);
    }
    if let Some(i) = v.as_small() {
        return Ok(i as f64);
    }
    if let Some(r) = crate::call::call_special(vm, v, "__float__", &[])? {
        return match as_f64(r) {
            Some(f) => Ok(f),
            None => {
                let m = format!("{}.__float__ returned non-float (type {})", vm.type_name(v), vm.type_name(r));
                Err(vm.type_error(m))
            }
        };
    }
    if crate::number::has_index(vm, v) {
        let b = crate::number::index_bigint(vm, v)?;
        return crate::number::bigint_to_f64(vm, &b);
    }
    let m = format!("must be real number, not {}", vm.type_name(v));
    Err(vm.type_error(m))
}

/// `float(x)`, in CPython's order: an exact float or str, `__float__`,
/// `__index__`, then the text of a str subclass or any bytes-like object.
pub fn to_float(vm: &mut Vm, x: Value) -> PyResult<f64> {
    if x.as_inline_float().is_some() || vm.type_of(x) == vm.t.float {
        return Ok(as_f64(x).unwrap_or(0.0));
    }
    if vm.type_of(x) == vm.t.str {
        return parse_text(vm, x);
    }
    if let Some(r) = crate::call::call_special(vm, x, "__float__", &[])? {
        return float_result(vm, x, r);
    }
    if crate::number::has_index(vm, x) {
        let b = crate::number::index_bigint(vm, x)?;
        return crate::number::bigint_to_f64(vm, &b);
    }
    parse_text(vm, x)
}

/// The value `x.__float__()` returned as `r`: a float, with a
/// DeprecationWarning for an instance of a float subclass.
fn float_result(vm: &mut Vm, x: Value, r: Value) -> PyResult<f64> {
    let Some(f) = as_f64(r) else {
        let m = format!("{}.__float__ returned non-float (type {})", vm.type_name(x), vm.type_name(r));
        return Err(vm.type_error(m));
    };
    if r.as_inline_float().is_none() && vm.type_of(r) != vm.t.float {
        let m = format!(
            "{}.__float__ returned non-float (type {}).  The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.",
            vm.type_name(x),
            vm.type_name(r)
        );
        let cat = vm.e.deprecation_warning;
        crate::modules::warnings::warn_str(vm, cat, &m, 1)?;
    }
    Ok(f)
}

/// `float(s)` of a str or bytes-like object (`PyFloat_FromString`).
fn parse_text(vm: &mut Vm, x: Value) -> PyResult<f64> {
    if let Some(s) = crate::str::as_str(x) {
        return format::parse::parse_float(s).map_err(|e| crate::number::parse_err(vm, x, e));
    }
    if let Some(b) = crate::bytes::buffer_bytes(x) {
        let s = String::from_utf8_lossy(&b).into_owned();
        // The message shows the object's own repr (a bytearray's, a memoryview's).
        return match format::parse::parse_float(&s) {
            Ok(f) => Ok(f),
            Err(_) => {
                let r = crate::ops::repr_string(vm, x)?;
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    let m = format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x));
    Err(vm.type_error(m))
}

fn float_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let float_t = vm.t.float;
    if args.has_kw() && crate::typeobj::new_rejects_kw(vm, cls, float_t) {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    let a = args.shift().pos();
    if a.len() > 1 {
        let m = format!("float expected at most 1 argument, got {}", a.len());
        return Err(vm.type_error(m));
    }
    let f = match a.first() {
        Some(x) => to_float(vm, *x)?,
        None => 0.0,
    };
    if cls == vm.t.float {
        return Ok(new_float(vm, f));
    }
    Ok(vm.alloc(cls, FloatObj { v: f }))
}

fn float_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let h = match crate::hash::hash_f64(value(a[0])) {
        Some(h) => h,
        None => crate::hash::hash_pointer(a[0]),
    };
    Ok(crate::int::from_i64(vm, h))
}

fn float_format(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__format__", 2, 2)?;
    let spec = crate::str::as_str(a[1]).ok_or_else(|| vm.type_error("format() argument 2 must be str"))?;
    let tn = vm.type_name(a[0]);
    crate::memory::check_format_width(vm, spec)?;
    let s = format::spec::format_float_spec(value(a[0]), spec, &tn).map_err(|e| crate::number::fmt_err(vm, e))?;
    Ok(crate::str_format::number_formatted(vm, s, a[1]))
}

fn float_bool(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__bool__", 1, 1)?;
    Ok(vm.bool(value(a[0]) != 0.0))
}

/// `int(f)`: truncation toward zero.
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(crate::int::from_i64(vm, t as i64));
    }
    let b = num_bigint::BigInt::from(num_traits::FromPrimitive::from_f64(t).unwrap_or(0i64));
    let b = if t.abs() >= 9.0e18 { crate::number::f64_to_bigint(t) } else { b };
    Ok(crate::int::from_bigint(vm, b))
}

fn float_int(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__int__", 1, 1)?;
    float_to_int(vm, value(a[0]))
}

fn float_floor(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__floor__", 1, 1)?;
    float_to_int(vm, value(a[0]).floor())
}

fn float_ceil(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__ceil__", 1, 1)?;
    float_to_int(vm, value(a[0]).ceil())
}

fn float_float(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__float__", 1, 1)?;
    if vm.type_of(a[0]) == vm.t.float {
        return Ok(a[0]);
    }
    Ok(new_float(vm, value(a[0])))
}

fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "is_integer", 1, 1)?;
    let f = value(a[0]);
    Ok(vm.bool(f.is_finite() && f.trunc() == f))
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "as_integer_ratio", 1, 1)?;
    let f = value(a[0]);
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (n, d) = crate::number::f64_ratio(f);
    let n = crate::int::from_bigint(vm, n);
    let d = crate::int::from_bigint(vm, d);
    Ok(crate::tuple::new_tuple(vm, vec![n, d]))
}

fn float_hex(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "hex", 1, 1)?;
    let s = format::float_repr::float_hex(value(a[0]));
    Ok(crate::str::new_str(vm, s))
}

/// `float.__getformat__(typestr)`: the storage format of C doubles and floats,
/// which the test suite checks before relying on IEEE behaviour.
fn float_getformat(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getformat__", 2, 2)?;
    let Some(s) = crate::str::as_str(a[1]) else {
        let m = format!("__getformat__() argument must be str, not {}", vm.arg_type_name(a[1]));
        return Err(vm.type_error(m));
    };
    if s != "double" && s != "float" {
        return Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'"));
    }
    let endian = if cfg!(target_endian = "little") { "little" } else { "big" };
    Ok(crate::str::new_str(vm, format!("IEEE, {endian}-endian")))
}

fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "fromhex", 2, 2)?;
    let s = crate::str::as_str(a[1]).ok_or_else(|| { let __arg = format!("must be str, not {}", vm.type_name(a[1])); vm.type_error(__arg) })?;
    let f = format::float_repr::float_fromhex(s).map_err(|e| crate::number::fmt_err(vm, e))?;
    let v = new_float(vm, f);
    if a[0] == vm.t.float {
        return Ok(v);
    }
    crate::call::call(vm, a[0], &[v])
}

fn float_round(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__round__", 1, 2)?;
    let x = value(a[0]);
    match a.get(1) {
        Some(n) if *n != vm.none => {
            let nd = crate::number::index_clamped(vm, *n)?;
            match crate::number::round_f64(x, nd) {
                Some(r) => Ok(new_float(vm, r)),
                None => Err(vm.overflow_error("rounded value too large to represent")),
            }
        }
        _ => {
            let r = x.round_ties_even();
            float_to_int(vm, r)
        }
    }
}

fn float_unary(vm: &mut Vm, args: Args, op: &str) -> PyResult {
    let a = args.exact(vm, op, 1, 1)?;
    let x = value(a[0]);
    let r = match op {
        "__neg__" => -x,
        "__abs__" => x.abs(),
        _ => x,
    };
    Ok(new_float(vm, r))
}
fn float_neg(vm: &mut Vm, args: Args) -> PyResult {
    float_unary(vm, args, "__neg__")
}
fn float_pos(vm: &mut Vm, args: Args) -> PyResult {
    float_unary(vm, args, "__pos__")
}
fn float_abs(vm: &mut Vm, args: Args) -> PyResult {
    float_unary(vm, args, "__abs__")
}

fn float_richcmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let a = args.exact(vm, "cmp", 2, 2)?;
    let (x, y) = (a[0], a[1]);
    let xf = value(x);
    if xf.is_nan() || as_f64(y).is_some_and(|f| f.is_nan()) {
        if as_f64(y).is_some() || crate::int::is_int(vm, y) {
            return Ok(vm.bool(op == CmpOp::Ne));
        }
    }
    match crate::number::compare_numbers(vm, x, y)? {
        Some(o) => Ok(vm.bool(crate::ops::cmp_ord(o, op))),
        None => Ok(vm.not_implemented),
    }
}

macro_rules! float_cmp {
    ($($fname:ident: $op:ident;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult { float_richcmp(vm, args, CmpOp::$op) } )*
    };
}
float_cmp! { float_lt: Lt; float_le: Le; float_eq: Eq; float_ne: Ne; float_gt: Gt; float_ge: Ge; }

crate::number::binop_methods! {
    float_add, float_radd: Add;
    float_sub, float_rsub: Subtract;
    float_mul, float_rmul: Multiply;
    float_truediv, float_rtruediv: TrueDivide;
    float_floordiv, float_rfloordiv: FloorDivide;
    float_mod, float_rmod: Remainder;
}

fn float_pow(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__pow__", 2, 3)?;
    if a.len() == 3 && a[2] != vm.none {
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    Ok(binary(vm, a[0], a[1], BinOp::Power)?.unwrap_or(vm.not_implemented))
}

fn float_rpow(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__rpow__", 2, 3)?;
    if a.len() == 3 && a[2] != vm.none {
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    Ok(binary(vm, a[1], a[0], BinOp::Power)?.unwrap_or(vm.not_implemented))
}

fn float_divmod(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__divmod__", 2, 2)?;
    divmod_values(vm, a[0], a[1])
}

fn float_rdivmod(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__rdivmod__", 2, 2)?;
    divmod_values(vm, a[1], a[0])
}

fn divmod_values(vm: &mut Vm, a: Value, b: Value) -> PyResult {
    let (Some(x), Some(y)) = (operand(vm, a)?, operand(vm, b)?) else {
        return Ok(vm.not_implemented);
    };
    if y == 0.0 {
        return Err(vm.zero_division("float divmod()"));
    }
    let (q, r) = divmod(x, y);
    let q = new_float(vm, q);
    let r = new_float(vm, r);
    Ok(crate::tuple::new_tuple(vm, vec![q, r]))
}

fn float_self(vm: &mut Vm, v: Value) -> PyResult {
    Ok(new_float(vm, value(v)))
}

fn float_zero(vm: &mut Vm, _v: Value) -> PyResult {
    Ok(new_float(vm, 0.0))
}

fn float_conjugate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "conjugate", 1, 1)?;
    Ok(new_float(vm, value(a[0])))
}

fn float_getnewargs(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getnewargs__", 1, 1)?;
    let f = new_float(vm, value(a[0]));
    Ok(crate::tuple::new_tuple(vm, vec![f]))
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_classmethod, add_getter, add_method, add_static};
    let t = vm.t.float;
    add_static(vm, t, "__new__", float_new);
    add_method(vm, t, "__repr__", float_repr);
    add_method(vm, t, "__hash__", float_hash);
    add_method(vm, t, "__format__", float_format);
    add_method(vm, t, "__bool__", float_bool);
    add_method(vm, t, "__int__", float_int);
    add_method(vm, t, "__trunc__", float_int);
    add_method(vm, t, "__floor__", float_floor);
    add_method(vm, t, "__ceil__", float_ceil);
    add_method(vm, t, "__float__", float_float);
    add_method(vm, t, "__round__", float_round);
    add_method(vm, t, "__neg__", float_neg);
    add_method(vm, t, "__pos__", float_pos);
    add_method(vm, t, "__abs__", float_abs);
    add_method(vm, t, "__pow__", float_pow);
    add_method(vm, t, "__rpow__", float_rpow);
    add_method(vm, t, "__divmod__", float_divmod);
    add_method(vm, t, "__rdivmod__", float_rdivmod);
    add_method(vm, t, "__lt__", float_lt);
    add_method(vm, t, "__le__", float_le);
    add_method(vm, t, "__eq__", float_eq);
    add_method(vm, t, "__ne__", float_ne);
    add_method(vm, t, "__gt__", float_gt);
    add_method(vm, t, "__ge__", float_ge);
    add_method(vm, t, "__getnewargs__", float_getnewargs);
    add_method(vm, t, "is_integer", float_is_integer);
    add_method(vm, t, "as_integer_ratio", float_as_integer_ratio);
    add_method(vm, t, "hex", float_hex);
    add_method(vm, t, "conjugate", float_conjugate);
    add_classmethod(vm, t, "fromhex", float_fromhex);
    add_classmethod(vm, t, "__getformat__", float_getformat);
    add_getter(vm, t, "real", float_self);
    add_getter(vm, t, "imag", float_zero);
    add_dunders(vm, t);
}
