//! The `math` module, following CPython 3.11's `mathmodule.c`: the C library
//! computes the elementary functions (Rust's `f64` methods call the same libm),
//! while the special-value rules, the error choice (ValueError "math domain
//! error" / OverflowError "math range error") and the functions CPython
//! implements itself (gamma, lgamma, fsum, hypot, remainder, ...) are done here
//! with the same algorithms, so results agree to the last bit.

use crate::float::as_double;
use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::f64::consts::PI;

/// C library functions that Rust's std does not expose, or implements itself
/// differently from the C library (asinh/acosh/atanh, and cbrt, for which the
/// compiler's builtins would shadow libm's `cbrt`: glibc's `cbrtf64` alias is the
/// same function as CPython's).
mod c {
    extern "C" {
        #[link_name = "cbrtf64"]
        pub fn cbrt(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
    }
}

fn erf(x: f64) -> f64 {
    // SAFETY: a pure libm function of one double; no pointers or global state we rely on.
    unsafe { c::erf(x) }
}
fn erfc(x: f64) -> f64 {
    // SAFETY: a pure libm function of one double.
    unsafe { c::erfc(x) }
}
fn cbrt(x: f64) -> f64 {
    // SAFETY: a pure libm function of one double.
    unsafe { c::cbrt(x) }
}
fn asinh(x: f64) -> f64 {
    // SAFETY: a pure libm function of one double.
    unsafe { c::asinh(x) }
}
fn acosh(x: f64) -> f64 {
    // SAFETY: a pure libm function of one double.
    unsafe { c::acosh(x) }
}
fn atanh(x: f64) -> f64 {
    // SAFETY: a pure libm function of one double.
    unsafe { c::atanh(x) }
}

fn domain_error(vm: &mut Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range_error(vm: &mut Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// What a C math function reports through `errno`.
#[derive(Clone, Copy, PartialEq)]
enum Errno {
    Ok,
    Dom,
    Range,
}

/// CPython's `is_error`: EDOM is a ValueError; ERANGE an OverflowError unless
/// the result is small (an underflow, which is not an error).
fn check_errno(vm: &mut Vm, r: f64, e: Errno) -> PyResult {
    match e {
        Errno::Dom => Err(domain_error(vm)),
        Errno::Range if r.abs() >= 1.5 => Err(range_error(vm)),
        _ => Ok(crate::float::new_float(vm, r)),
    }
}

/// `math_1`: a NaN from a non-NaN is a domain error; an infinity from a finite
/// argument is an overflow (if the function can overflow) or a singularity.
fn math_1(vm: &mut Vm, args: Args, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let a = args.exact(vm, name, 1, 1)?;
    let x = as_double(vm, a[0])?;
    one_result(vm, x, f(x), can_overflow)
}

fn one_result(vm: &mut Vm, x: f64, r: f64, can_overflow: bool) -> PyResult {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error(vm) } else { domain_error(vm) });
    }
    Ok(crate::float::new_float(vm, r))
}

/// `math_2`: two float arguments; NaN from non-NaNs is a domain error, an
/// infinity from finite arguments an overflow.
fn math_2(vm: &mut Vm, args: Args, name: &str, f: fn(f64, f64) -> f64) -> PyResult {
    let a = args.exact(vm, name, 2, 2)?;
    let x = as_double(vm, a[0])?;
    let y = as_double(vm, a[1])?;
    let r = f(x, y);
    let e = if r.is_nan() && !x.is_nan() && !y.is_nan() {
        Errno::Dom
    } else if r.is_infinite() && x.is_finite() && y.is_finite() {
        Errno::Range
    } else {
        Errno::Ok
    };
    check_errno(vm, r, e)
}

macro_rules! func1 {
    ($($name:ident: $py:expr, $f:expr, $ovf:expr;)*) => {
        $( fn $name(vm: &mut Vm, args: Args) -> PyResult { math_1(vm, args, $py, $f, $ovf) } )*
    };
}

func1! {
    m_acos: "math.acos", f64::acos, false;
    m_acosh: "math.acosh", acosh, false;
    m_asin: "math.asin", f64::asin, false;
    m_asinh: "math.asinh", asinh, false;
    m_atan: "math.atan", f64::atan, false;
    m_atanh: "math.atanh", atanh, false;
    m_cbrt: "math.cbrt", cbrt, false;
    m_cos: "math.cos", f64::cos, false;
    m_cosh: "math.cosh", f64::cosh, true;
    m_exp: "math.exp", f64::exp, true;
    m_exp2: "math.exp2", f64::exp2, true;
    m_expm1: "math.expm1", f64::exp_m1, true;
    m_fabs: "math.fabs", f64::abs, false;
    m_log1p: "math.log1p", log1p, false;
    m_sin: "math.sin", f64::sin, false;
    m_sinh: "math.sinh", f64::sinh, true;
    m_sqrt: "math.sqrt", f64::sqrt, false;
    m_tan: "math.tan", f64::tan, false;
    m_tanh: "math.tanh", f64::tanh, false;
}

/// `_Py_log1p`: keeps the sign of a zero.
fn log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        x.ln_1p()
    }
}

/// Functions whose own code reports errors through an errno (`math_1a`).
fn math_1a(vm: &mut Vm, args: Args, name: &str, f: fn(f64) -> (f64, Errno)) -> PyResult {
    let a = args.exact(vm, name, 1, 1)?;
    let x = as_double(vm, a[0])?;
    let (r, e) = f(x);
    check_errno(vm, r, e)
}

fn m_erf(vm: &mut Vm, args: Args) -> PyResult {
    math_1a(vm, args, "math.erf", |x| (erf(x), Errno::Ok))
}
fn m_erfc(vm: &mut Vm, args: Args) -> PyResult {
    math_1a(vm, args, "math.erfc", |x| (erfc(x), Errno::Ok))
}
fn m_gamma(vm: &mut Vm, args: Args) -> PyResult {
    math_1a(vm, args, "math.gamma", tgamma)
}
fn m_lgamma(vm: &mut Vm, args: Args) -> PyResult {
    math_1a(vm, args, "math.lgamma", lgamma)
}

// ---- gamma and lgamma: Lanczos approximation (N=13, g=6.0246...) as CPython.

const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// The denominator x*(x+1)*...*(x+11) as a polynomial.
const LANCZOS_DEN: [f64; 13] = [
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0,
    32670.0, 1925.0, 66.0, 1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
    6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
    121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
];
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

/// The Lanczos sum as a rational function; in 1/x for large x to avoid overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi*x), accurate for finite x near integers (reflection formula).
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

fn tgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::Ok);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Dom);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Dom);
        }
        if x <= 23.0 {
            return (GAMMA_INTEGRAL[x as usize - 1], Errno::Ok);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, if r.is_infinite() { Errno::Range } else { Errno::Ok });
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Errno::Ok);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, used for a first-order correction.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (r, if r.is_infinite() { Errno::Range } else { Errno::Ok })
}

fn lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        return (if x.is_nan() { x } else { f64::INFINITY }, Errno::Ok);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Dom);
        }
        return (0.0, Errno::Ok);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-absx.ln(), Errno::Ok);
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    (r, if r.is_infinite() { Errno::Range } else { Errno::Ok })
}

// ---- two-argument functions

fn atan2(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() { (0.25 * PI).copysign(y) } else { (0.75 * PI).copysign(y) };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() { 0.0f64.copysign(y) } else { PI.copysign(y) };
    }
    y.atan2(x)
}

/// IEEE 754 remainder: x - n*y with n the nearest integer (ties to even); exact.
fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        // Compare m with absy - m rather than 0.5*absy, which may be inexact.
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn m_atan2(vm: &mut Vm, args: Args) -> PyResult {
    math_2(vm, args, "atan2", atan2)
}
fn m_copysign(vm: &mut Vm, args: Args) -> PyResult {
    math_2(vm, args, "copysign", f64::copysign)
}
fn m_remainder(vm: &mut Vm, args: Args) -> PyResult {
    math_2(vm, args, "remainder", remainder)
}

fn two_doubles(vm: &mut Vm, args: Args, name: &str) -> PyResult<(f64, f64)> {
    let a = args.exact(vm, name, 2, 2)?;
    let x = as_double(vm, a[0])?;
    let y = as_double(vm, a[1])?;
    Ok((x, y))
}

fn m_fmod(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_doubles(vm, args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(crate::float::new_float(vm, x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(crate::float::new_float(vm, r))
}

fn m_pow(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_doubles(vm, args, "pow")?;
    let (r, e) = pow(x, y);
    check_errno(vm, r, e)
}

/// `math.pow`: C99 Annex F special values handled directly, the rest by libm.
fn pow(x: f64, y: f64) -> (f64, Errno) {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return (r, Errno::Ok);
    }
    let r = x.powf(y);
    let e = if r.is_nan() {
        Errno::Dom
    } else if r.is_infinite() {
        if x == 0.0 {
            Errno::Dom
        } else {
            Errno::Range
        }
    } else {
        Errno::Ok
    };
    (r, e)
}

// ---- logarithms

fn log_of(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            return x.ln();
        }
        return if x == 0.0 { f64::NEG_INFINITY } else { f64::NAN };
    }
    if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn log2_of(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            return x.log2();
        }
        return if x == 0.0 { f64::NEG_INFINITY } else { f64::NAN };
    }
    if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn log10_of(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            return x.log10();
        }
        return if x == 0.0 { f64::NEG_INFINITY } else { f64::NAN };
    }
    if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

/// `_PyLong_Frexp`: a positive int as m * 2**e with 0.5 <= m < 1, m rounded
/// half-even to 53 bits.
fn bigint_frexp(n: &BigInt) -> (f64, i64) {
    let bits = n.bits() as i64;
    if bits <= 53 {
        let m = n.to_u64().unwrap_or(0) as f64;
        return (m / 2f64.powi(bits as i32), bits);
    }
    let shift = (bits - 53) as usize;
    let mut q: BigInt = n >> shift;
    let rem: BigInt = n - (&q << shift);
    let half = BigInt::one() << (shift - 1);
    if rem > half || (rem == half && q.is_odd()) {
        q += 1;
    }
    let m = q.to_u64().unwrap_or(0) as f64 / 2f64.powi(53);
    if m >= 1.0 {
        return (0.5, bits + 1);
    }
    (m, bits)
}

/// `loghelper`: ints (however large) directly, anything else as a float.
fn log_helper(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if crate::int::is_int(vm, v) {
        let b = crate::int::to_bigint(vm, v).unwrap_or_default();
        if !b.is_positive() {
            return Err(domain_error(vm));
        }
        return Ok(match format::parse::int_to_float(&b) {
            Ok(x) => f(x),
            Err(_) => {
                let (x, e) = bigint_frexp(&b);
                f(x) + f(2.0) * e as f64
            }
        });
    }
    let x = as_double(vm, v)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() || r.is_infinite() && x.is_finite() {
        return Err(domain_error(vm));
    }
    Ok(r)
}

fn m_log(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "math.log")?;
    let a = args.vals;
    if a.is_empty() || a.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_helper(vm, a[0], log_of)?;
    if a.len() == 1 {
        return Ok(crate::float::new_float(vm, num));
    }
    let den = log_helper(vm, a[1], log_of)?;
    if den == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(crate::float::new_float(vm, num / den))
}

fn m_log2(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "math.log2", 1, 1)?;
    let r = log_helper(vm, a[0], log2_of)?;
    Ok(crate::float::new_float(vm, r))
}

fn m_log10(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "math.log10", 1, 1)?;
    let r = log_helper(vm, a[0], log10_of)?;
    Ok(crate::float::new_float(vm, r))
}

// ---- rounding to integers

fn m_floor(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "math.floor", 1, 1)?;
    let x = a[0];
    if vm.type_of(x) != vm.t.float {
        if let Some(r) = crate::call::call_special(vm, x, "__floor__", &[])? {
            return Ok(r);
        }
    }
    let f = as_double(vm, x)?;
    crate::float::float_to_int(vm, f.floor())
}

fn m_ceil(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "math.ceil", 1, 1)?;
    let x = a[0];
    if vm.type_of(x) != vm.t.float {
        if let Some(r) = crate::call::call_special(vm, x, "__ceil__", &[])? {
            return Ok(r);
        }
    }
    let f = as_double(vm, x)?;
    crate::float::float_to_int(vm, f.ceil())
}

fn m_trunc(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "math.trunc", 1, 1)?;
    let x = a[0];
    if vm.type_of(x) == vm.t.float {
        return crate::float::float_to_int(vm, crate::float::value(x));
    }
    match crate::call::call_special(vm, x, "__trunc__", &[])? {
        Some(r) => Ok(r),
        None => {
            let m = format!("type {} doesn't define __trunc__ method", vm.type_name(x));
            Err(vm.type_error(m))
        }
    }
}

// ---- float decomposition

fn m_frexp(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "math.frexp", 1, 1)?;
    let x = as_double(vm, a[0])?;
    let (m, e) = frexp(x);
    let m = crate::float::new_float(vm, m);
    let e = crate::int::from_i64(vm, e as i64);
    Ok(crate::tuple::new_tuple(vm, vec![m, e]))
}

/// C `frexp`: x = m * 2**e with 0.5 <= |m| < 1; specials and zeros give (x, 0).
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let raw = ((bits >> 52) & 0x7ff) as i32;
    if raw == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, raw - 1022)
}

/// C `ldexp`: x * 2**n with a single rounding.
pub fn ldexp(x: f64, n: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, e) = frexp(x);
    let target = e as i64 + n.clamp(-100_000, 100_000);
    if target > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if target >= -1021 {
        // Normal result: exact.
        return (m * 2.0) * pow2(target - 1);
    }
    if target < -1074 {
        return 0.0f64.copysign(x);
    }
    // Subnormal result: one multiplication by a (subnormal) power of two rounds once.
    m * pow2(target)
}

/// 2**e for -1074 <= e <= 1023, exactly.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

fn m_ldexp(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "ldexp", 2, 2)?;
    let x = as_double(vm, a[0])?;
    if !crate::int::is_int(vm, a[1]) {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    let b = crate::int::to_bigint(vm, a[1]).unwrap_or_default();
    let n = b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX });
    let r = ldexp(x, n);
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(vm));
    }
    Ok(crate::float::new_float(vm, r))
}

fn m_modf(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "math.modf", 1, 1)?;
    let x = as_double(vm, a[0])?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    let f = crate::float::new_float(vm, frac);
    let i = crate::float::new_float(vm, int);
    Ok(crate::tuple::new_tuple(vm, vec![f, i]))
}

/// C `nextafter`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn m_nextafter(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_doubles(vm, args, "nextafter")?;
    Ok(crate::float::new_float(vm, nextafter(x, y)))
}

fn m_ulp(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "math.ulp", 1, 1)?;
    let x = as_double(vm, a[0])?;
    let r = if x.is_nan() {
        x
    } else {
        let x = x.abs();
        if x.is_infinite() {
            x
        } else {
            let x2 = nextafter(x, f64::INFINITY);
            if x2.is_infinite() {
                x - nextafter(x, f64::NEG_INFINITY)
            } else {
                x2 - x
            }
        }
    };
    Ok(crate::float::new_float(vm, r))
}

fn m_degrees(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "math.degrees", 1, 1)?;
    let x = as_double(vm, a[0])?;
    Ok(crate::float::new_float(vm, x * (180.0 / PI)))
}

fn m_radians(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "math.radians", 1, 1)?;
    let x = as_double(vm, a[0])?;
    Ok(crate::float::new_float(vm, x * (PI / 180.0)))
}

fn float_pred(vm: &mut Vm, args: Args, name: &str, p: fn(f64) -> bool) -> PyResult {
    let a = args.exact(vm, name, 1, 1)?;
    let x = as_double(vm, a[0])?;
    Ok(vm.bool(p(x)))
}
fn m_isfinite(vm: &mut Vm, args: Args) -> PyResult {
    float_pred(vm, args, "math.isfinite", f64::is_finite)
}
fn m_isinf(vm: &mut Vm, args: Args) -> PyResult {
    float_pred(vm, args, "math.isinf", f64::is_infinite)
}
fn m_isnan(vm: &mut Vm, args: Args) -> PyResult {
    float_pred(vm, args, "math.isnan", f64::is_nan)
}

/// Argument Clinic's message for an unknown keyword argument.
fn check_keywords(vm: &mut Vm, args: &Args, fname: &str, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in args.kw() {
        let key = crate::str::as_str(k).unwrap_or("");
        if !allowed.contains(&key) {
            let m = format!("'{key}' is an invalid keyword argument for {fname}()");
            return Err(vm.type_error(m));
        }
    }
    Ok(())
}

fn m_isclose(vm: &mut Vm, args: Args) -> PyResult {
    check_keywords(vm, &args, "isclose", &["a", "b", "rel_tol", "abs_tol"])?;
    if args.pos().len() > 2 {
        let m = format!("isclose() takes exactly 2 positional arguments ({} given)", args.pos().len());
        return Err(vm.type_error(m));
    }
    let [a, b, rel, abs] = args.bind(vm, "isclose", ["a", "b", "rel_tol", "abs_tol"], 2, 0)?;
    let a = as_double(vm, a)?;
    let b = as_double(vm, b)?;
    let rel_tol = if rel.is_null() { 1e-9 } else { as_double(vm, rel)? };
    let abs_tol = if abs.is_null() { 0.0 } else { as_double(vm, abs)? };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(vm.true_);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(vm.false_);
    }
    let diff = (b - a).abs();
    let close = diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol;
    Ok(vm.bool(close))
}

// ---- sums and norms

/// `ASSIGN_DOUBLE`: exact ints convert directly (OverflowError if too big).
fn item_double(vm: &mut Vm, v: Value) -> PyResult<f64> {
    as_double(vm, v)
}

/// `math.fsum`: Shewchuk's exact partial sums, correctly rounded at the end.
fn m_fsum(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "math.fsum", 1, 1)?;
    let it = crate::ops::iter(vm, a[0])?;
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = crate::ops::next(vm, it)? {
        let mut x = item_double(vm, item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // From an inf/nan summand, or from intermediate overflow.
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(crate::float::new_float(vm, special_sum));
    }
    Ok(crate::float::new_float(vm, sum_exact(&p)))
}

/// Adds the non-overlapping partials from the top, rounding half-even across
/// partials.
fn sum_exact(p: &[f64]) -> f64 {
    let mut n = p.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = p[n];
    let mut lo = 0.0;
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = p[n];
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        let yr = x - hi;
        if y == yr {
            hi = x;
        }
    }
    hi
}

/// CPython's `vector_norm`: scaled, with Veltkamp-Dekker squaring, compensated
/// summation and a differential correction of the square root. `vec` holds
/// absolute values; `max` is the largest.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = ldexp(1.0, -max_e as i64);
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            let x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
            let x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let t = h * T27;
        let hi = t - (t - h);
        let lo = h - hi;
        let x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        let x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        let x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // Tiny max: ldexp(1, -max_e) would overflow, so divide by max instead.
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

fn m_hypot(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "math.hypot")?;
    let mut coords = Vec::with_capacity(args.vals.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for &v in args.vals {
        let x = item_double(vm, v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(crate::float::new_float(vm, vector_norm(&coords, max, found_nan)))
}

fn m_dist(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "dist", 2, 2)?;
    let p = if crate::tuple::is_tuple(a[0]) { a[0] } else { crate::tuple::from_iterable(vm, a[0])? };
    let q = if crate::tuple::is_tuple(a[1]) { a[1] } else { crate::tuple::from_iterable(vm, a[1])? };
    let (ps, qs) = (crate::tuple::items(p), crate::tuple::items(q));
    if ps.len() != qs.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(ps.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for i in 0..ps.len() {
        let px = item_double(vm, ps[i])?;
        let qx = item_double(vm, qs[i])?;
        let x = (px - qx).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    std::hint::black_box((p, q));
    Ok(crate::float::new_float(vm, vector_norm(&diffs, max, found_nan)))
}

fn m_prod(vm: &mut Vm, args: Args) -> PyResult {
    let npos = args.pos().len();
    if npos != 1 {
        let m = format!("prod() takes exactly 1 positional argument ({npos} given)");
        return Err(vm.type_error(m));
    }
    check_keywords(vm, &args, "prod", &["start"])?;
    let [iterable, start] = args.bind(vm, "prod", ["iterable", "start"], 1, 1)?;
    let mut result = if start.is_null() { Value::small(1) } else { start };
    let it = crate::ops::iter(vm, iterable)?;
    while let Some(item) = crate::ops::next(vm, it)? {
        result = crate::ops::binary_op(vm, result, item, compiler::bytecode::BinOp::Multiply)?;
    }
    Ok(result)
}

// ---- integer functions

fn m_gcd(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "math.gcd")?;
    let mut res = BigInt::zero();
    for &v in args.vals {
        let b = crate::number::index_bigint(vm, v)?;
        if !res.is_one() {
            res = res.gcd(&b);
        }
    }
    Ok(crate::int::from_bigint(vm, res.abs()))
}

fn m_lcm(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "math.lcm")?;
    let mut res = BigInt::one();
    for &v in args.vals {
        let b = crate::number::index_bigint(vm, v)?;
        if !res.is_zero() {
            res = if b.is_zero() { BigInt::zero() } else { res.lcm(&b) };
        }
    }
    Ok(crate::int::from_bigint(vm, res.abs()))
}

fn m_isqrt(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "math.isqrt", 1, 1)?;
    let n = crate::number::index_bigint(vm, a[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(crate::int::from_bigint(vm, n.sqrt()))
}

/// The product lo * (lo+1) * ... * hi by binary splitting (fast big multiplies).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut acc = BigInt::from(lo);
        for k in lo + 1..=hi {
            acc *= k;
        }
        return acc;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

/// The product (n-k+1) * ... * n for a big n.
fn big_falling(n: &BigInt, k: u64) -> BigInt {
    if k == 0 {
        return BigInt::one();
    }
    if k == 1 {
        return n.clone();
    }
    let j = k / 2;
    big_falling(n, j) * big_falling(&(n - j), k - j)
}

fn factorial_of(vm: &mut Vm, v: Value) -> PyResult {
    let n = crate::number::index_bigint(vm, v)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    if n > 1 << 24 {
        return Err(vm.memory_error());
    }
    Ok(crate::int::from_bigint(vm, range_product(1, n as u64)))
}

fn m_factorial(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "math.factorial", 1, 1)?;
    factorial_of(vm, a[0])
}

fn nonneg(vm: &mut Vm, v: Value, what: &str) -> PyResult<BigInt> {
    let b = crate::number::index_bigint(vm, v)?;
    if b.is_negative() {
        let m = format!("{what} must be a non-negative integer");
        return Err(vm.value_error(m));
    }
    Ok(b)
}

fn m_perm(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "perm", 1, 2)?;
    if a.len() == 1 || a[1] == vm.none {
        return factorial_of(vm, a[0]);
    }
    let n = nonneg(vm, a[0], "n")?;
    let k = nonneg(vm, a[1], "k")?;
    if n < k {
        return Ok(Value::small(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.overflow_error("k must not exceed 9223372036854775807"));
    };
    if k > 1 << 24 {
        return Err(vm.memory_error());
    }
    Ok(crate::int::from_bigint(vm, big_falling(&n, k)))
}

fn m_comb(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "comb", 2, 2)?;
    let n = nonneg(vm, a[0], "n")?;
    let k = nonneg(vm, a[1], "k")?;
    if k > n {
        return Ok(Value::small(0));
    }
    let k = k.clone().min(&n - &k);
    let Some(k) = k.to_i64() else {
        return Err(vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    if k > 1 << 24 {
        return Err(vm.memory_error());
    }
    let k = k as u64;
    let r = big_falling(&n, k) / range_product(1, k);
    Ok(crate::int::from_bigint(vm, r))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let doc = crate::str::alloc_str(vm, "This module provides access to the mathematical functions\ndefined by the C standard.");
    super::set_attr(vm, m, "__doc__", doc)?;
    for (name, v) in [
        ("pi", PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let f = crate::float::new_float(vm, v);
        super::set_attr(vm, m, name, f)?;
    }
    super::add_functions(vm, m, &[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("ceil", m_ceil),
        ("comb", m_comb),
        ("copysign", m_copysign),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("degrees", m_degrees),
        ("dist", m_dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("fabs", m_fabs),
        ("factorial", m_factorial),
        ("floor", m_floor),
        ("fmod", m_fmod),
        ("frexp", m_frexp),
        ("fsum", m_fsum),
        ("gamma", m_gamma),
        ("gcd", m_gcd),
        ("hypot", m_hypot),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isqrt", m_isqrt),
        ("lcm", m_lcm),
        ("ldexp", m_ldexp),
        ("lgamma", m_lgamma),
        ("log", m_log),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("log2", m_log2),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("perm", m_perm),
        ("pow", m_pow),
        ("prod", m_prod),
        ("radians", m_radians),
        ("remainder", m_remainder),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("trunc", m_trunc),
        ("ulp", m_ulp),
    ])
}
