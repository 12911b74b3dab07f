//! `complex`: pairs of doubles with CPython's arithmetic and repr.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::BinOp;

pub struct ComplexObj {
    pub re: f64,
    pub im: f64,
}
impl Trace for ComplexObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(ComplexObj, "complex", leaf);

pub fn new_complex(vm: &mut Vm, re: f64, im: f64) -> Value {
    let t = vm.t.complex;
    vm.alloc(t, ComplexObj { re, im })
}

/// A complex operand: complex, float or int.
fn operand(vm: &mut Vm, v: Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = v.downcast::<ComplexObj>() {
        return Ok(Some((c.re, c.im)));
    }
    if let Some(f) = crate::float::as_f64(v) {
        return Ok(Some((f, 0.0)));
    }
    if crate::int::is_int(vm, v) {
        let b = crate::int::to_bigint(vm, v).unwrap();
        return Ok(Some((crate::number::bigint_to_f64(vm, &b)?, 0.0)));
    }
    Ok(None)
}

/// Why a complex power failed (CPython's errno after `complex_pow`).
pub enum PowError {
    /// EDOM: "0.0 to a negative or complex power".
    ZeroDivision,
    /// ERANGE: "complex exponentiation".
    Overflow,
}

pub type C = (f64, f64);

fn c_prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`: Smith's algorithm; None for division by zero.
fn c_quot(a: C, b: C) -> Option<C> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // One of b's parts is a NaN.
        Some((f64::NAN, f64::NAN))
    }
}

/// x**n for n >= 0 by repeated squaring (`c_powu`).
fn c_powu(x: C, n: u64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask = 1u64;
    while mask <= n {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `_Py_c_pow`: polar form; None where C sets EDOM (0 to a negative or complex
/// power).
fn c_pow(a: C, b: C) -> Option<C> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    if phase.is_infinite() {
        // cos/sin of an infinity set errno to EDOM, which CPython reports as
        // a ZeroDivisionError.
        return None;
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// `a ** b` as CPython's `complex_pow`: small integral exponents by repeated
/// multiplication (exact for Gaussian integers), others in polar form.
pub fn pow(a: C, b: C) -> Result<C, PowError> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            Some(c_powu(a, n as u64))
        } else {
            c_quot((1.0, 0.0), c_powu(a, n.unsigned_abs()))
        }
    } else {
        c_pow(a, b)
    };
    match r {
        None => Err(PowError::ZeroDivision),
        Some(r) if r.0.is_infinite() || r.1.is_infinite() => Err(PowError::Overflow),
        Some(r) => Ok(r),
    }
}

/// The exception for a failed complex power.
pub fn pow_error(vm: &mut Vm, e: PowError) -> crate::object::PyErr {
    match e {
        PowError::ZeroDivision => vm.zero_division("0.0 to a negative or complex power"),
        PowError::Overflow => vm.overflow_error("complex exponentiation"),
    }
}

pub fn binary(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (operand(vm, a)?, operand(vm, b)?) else { return Ok(None) };
    let r = match op {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Subtract => (x.0 - y.0, x.1 - y.1),
        BinOp::Multiply => c_prod(x, y),
        BinOp::TrueDivide => match c_quot(x, y) {
            Some(r) => r,
            None => return Err(vm.zero_division("complex division by zero")),
        },
        BinOp::Power => pow(x, y).map_err(|e| pow_error(vm, e))?,
        _ => return Ok(None),
    };
    Ok(Some(new_complex(vm, r.0, r.1)))
}

fn cobj(v: Value) -> &'static ComplexObj {
    v.downcast::<ComplexObj>().expect("complex")
}

/// `complex(real=0, imag=0)`, as CPython's `complex_new`: complex parts of
/// either argument combine as real + imag*1j.
fn complex_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [real, imag] = args.shift().bind(vm, "complex", ["real", "imag"], 0, 0)?;
    if !real.is_null() && imag.is_null() && cls == vm.t.complex && vm.type_of(real) == vm.t.complex {
        return Ok(real);
    }
    if let Some(s) = crate::str::as_str(real) {
        if !imag.is_null() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let (re, im) = parse(s).ok_or_else(|| vm.value_error("complex() arg is a malformed string"))?;
        return Ok(vm.alloc(cls, ComplexObj { re, im }));
    }
    if !imag.is_null() && crate::str::as_str(imag).is_some() {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let mut r = if real.is_null() { Value::small(0) } else { real };
    if !real.is_null() {
        if let Some(c) = crate::call::call_special(vm, real, "__complex__", &[])? {
            if !c.is::<ComplexObj>() {
                let m = format!("__complex__ returned non-complex (type {})", vm.type_name(c));
                return Err(vm.type_error(m));
            }
            if vm.type_of(c) != vm.t.complex {
                let m = format!(
                    "__complex__ returned non-complex (type {}).  The ability to return an instance of a strict subclass of complex is deprecated, and may be removed in a future version of Python.",
                    vm.type_name(c)
                );
                let w = vm.e.deprecation_warning;
                crate::modules::warnings::warn_str(vm, w, &m, 1)?;
            }
            r = c;
        }
    }
    if !is_number(vm, r) {
        let m = format!("complex() first argument must be a string or a number, not '{}'", vm.type_name(r));
        return Err(vm.type_error(m));
    }
    if !imag.is_null() && !is_number(vm, imag) {
        let m = format!("complex() second argument must be a number, not '{}'", vm.type_name(imag));
        return Err(vm.type_error(m));
    }
    let (mut cr, cr_complex) = match r.downcast::<ComplexObj>() {
        Some(c) => ((c.re, c.im), true),
        None => ((crate::float::to_float(vm, r)?, 0.0), false),
    };
    let (mut ci, ci_complex) = if imag.is_null() {
        ((cr.1, 0.0), false)
    } else {
        match imag.downcast::<ComplexObj>() {
            Some(c) => ((c.re, c.im), true),
            None => ((crate::float::to_float(vm, imag)?, 0.0), false),
        }
    };
    if ci_complex {
        cr.0 -= ci.1;
    }
    if cr_complex && !imag.is_null() {
        ci.0 += cr.1;
    }
    Ok(vm.alloc(cls, ComplexObj { re: cr.0, im: ci.0 }))
}

/// Can `v` be a part of a complex: a complex, or a type with `__float__` or `__index__`?
fn is_number(vm: &mut Vm, v: Value) -> bool {
    if v.is::<ComplexObj>() || crate::float::as_f64(v).is_some() || crate::int::is_int(vm, v) {
        return true;
    }
    let t = vm.type_of(v);
    crate::typeobj::lookup_str(vm, t, "__float__").is_some() || crate::typeobj::lookup_str(vm, t, "__index__").is_some()
}

fn parse(s: &str) -> Option<(f64, f64)> {
    let t = s.trim();
    let t = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')).unwrap_or(t).trim();
    let num = |x: &str| format::parse::parse_float(x).ok();
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        let split = body.char_indices().skip(1).filter(|(i, c)| (*c == '+' || *c == '-') && !matches!(body.as_bytes()[i - 1], b'e' | b'E')).map(|(i, _)| i).last();
        return match split {
            Some(i) => Some((num(&body[..i])?, num_or_sign(&body[i..])?)),
            None => Some((0.0, num_or_sign(body)?)),
        };
    }
    Some((num(t)?, 0.0))
}

fn num_or_sign(x: &str) -> Option<f64> {
    match x {
        "" | "+" => Some(1.0),
        "-" => Some(-1.0),
        _ => format::parse::parse_float(x).ok(),
    }
}

fn complex_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let c = cobj(a[0]);
    Ok(crate::str::new_str(vm, format::spec::complex_repr(c.re, c.im)))
}

fn complex_format(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__format__", 2, 2)?;
    let c = cobj(a[0]);
    let spec = crate::str_methods::str_arg(vm, a[1], "format() argument 2")?;
    crate::memory::check_format_width(vm, spec)?;
    let s = format::spec::format_complex_spec(c.re, c.im, spec, "complex").map_err(|e| crate::number::fmt_err(vm, e))?;
    Ok(crate::str_format::number_formatted(vm, s, a[1]))
}

fn complex_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let c = cobj(a[0]);
    let hr = crate::hash::hash_f64(c.re).unwrap_or(0) as u64;
    let hi = crate::hash::hash_f64(c.im).unwrap_or(0) as u64;
    let mut h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    if h == -1 {
        h = -2;
    }
    Ok(crate::int::from_i64(vm, h))
}

fn complex_eq(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__eq__", 2, 2)?;
    let c = cobj(a[0]);
    if a[1].is::<ComplexObj>() || crate::float::as_f64(a[1]).is_some() {
        let o = operand(vm, a[1])?.unwrap();
        return Ok(vm.bool(c.re == o.0 && c.im == o.1));
    }
    if crate::int::is_int(vm, a[1]) {
        if c.im != 0.0 {
            return Ok(vm.false_);
        }
        let f = crate::float::new_float(vm, c.re);
        return crate::ops::compare(vm, f, a[1], compiler::bytecode::CmpOp::Eq);
    }
    Ok(vm.not_implemented)
}

fn complex_ne(vm: &mut Vm, args: Args) -> PyResult {
    let r = complex_eq(vm, args)?;
    if r == vm.not_implemented {
        return Ok(r);
    }
    Ok({ let __arg = r == vm.false_; vm.bool(__arg) })
}

fn complex_abs(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__abs__", 1, 1)?;
    let c = cobj(a[0]);
    let r = c.re.hypot(c.im);
    if r.is_infinite() && c.re.is_finite() && c.im.is_finite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(crate::float::new_float(vm, r))
}

fn complex_neg(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__neg__", 1, 1)?;
    let c = cobj(a[0]);
    Ok(new_complex(vm, -c.re, -c.im))
}

fn complex_pos(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__pos__", 1, 1)?;
    let c = cobj(a[0]);
    Ok(new_complex(vm, c.re, c.im))
}

fn complex_bool(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__bool__", 1, 1)?;
    let c = cobj(a[0]);
    Ok(vm.bool(c.re != 0.0 || c.im != 0.0))
}

fn complex_conjugate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "conjugate", 1, 1)?;
    let c = cobj(a[0]);
    Ok(new_complex(vm, c.re, -c.im))
}

/// `complex.__complex__()`: the value as an exact complex.
fn complex_complex(vm: &mut Vm, args: Args) -> PyResult {
    args.shift().exact(vm, "complex.__complex__", 0, 0)?;
    let z = args.vals[0];
    if vm.type_of(z) == vm.t.complex {
        return Ok(z);
    }
    let c = cobj(z);
    Ok(new_complex(vm, c.re, c.im))
}

/// `__getnewargs__`: `(real, imag)`, what pickling a complex passes to `__new__`.
fn complex_getnewargs(vm: &mut Vm, args: Args) -> PyResult {
    args.shift().exact(vm, "complex.__getnewargs__", 0, 0)?;
    let c = cobj(args.vals[0]);
    let re = crate::float::new_float(vm, c.re);
    let im = crate::float::new_float(vm, c.im);
    Ok(crate::tuple::new_tuple(vm, vec![re, im]))
}

fn get_real(vm: &mut Vm, v: Value) -> PyResult {
    Ok(crate::float::new_float(vm, cobj(v).re))
}
fn get_imag(vm: &mut Vm, v: Value) -> PyResult {
    Ok(crate::float::new_float(vm, cobj(v).im))
}

crate::number::binop_methods! {
    complex_add, complex_radd: Add;
    complex_sub, complex_rsub: Subtract;
    complex_mul, complex_rmul: Multiply;
    complex_truediv, complex_rtruediv: TrueDivide;
}

/// `__pow__`/`__rpow__`: a modulus is a ValueError for complex numbers.
fn complex_pow_args(vm: &mut Vm, args: Args, name: &str, reflected: bool) -> PyResult {
    let a = args.exact(vm, name, 2, 3)?;
    if a.len() == 3 && a[2] != vm.none {
        return Err(vm.value_error("complex modulo"));
    }
    let (x, y) = if reflected { (a[1], a[0]) } else { (a[0], a[1]) };
    Ok(binary(vm, x, y, BinOp::Power)?.unwrap_or(vm.not_implemented))
}

fn complex_pow(vm: &mut Vm, args: Args) -> PyResult {
    complex_pow_args(vm, args, "__pow__", false)
}

fn complex_rpow(vm: &mut Vm, args: Args) -> PyResult {
    complex_pow_args(vm, args, "__rpow__", true)
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_getter, add_method, add_static};
    let t = vm.t.complex;
    add_static(vm, t, "__new__", complex_new);
    add_method(vm, t, "__repr__", complex_repr);
    add_method(vm, t, "__format__", complex_format);
    add_method(vm, t, "__hash__", complex_hash);
    add_method(vm, t, "__eq__", complex_eq);
    add_method(vm, t, "__ne__", complex_ne);
    add_method(vm, t, "__abs__", complex_abs);
    add_method(vm, t, "__neg__", complex_neg);
    add_method(vm, t, "__pos__", complex_pos);
    add_method(vm, t, "__bool__", complex_bool);
    add_method(vm, t, "conjugate", complex_conjugate);
    add_method(vm, t, "__complex__", complex_complex);
    add_method(vm, t, "__getnewargs__", complex_getnewargs);
    add_getter(vm, t, "real", get_real);
    add_getter(vm, t, "imag", get_imag);
    add_method(vm, t, "__pow__", complex_pow);
    add_method(vm, t, "__rpow__", complex_rpow);
    add_dunders(vm, t);
}
