//! Numeric helpers shared by int, float, complex and the operators: the fast paths
//! for exact builtin numbers, `__index__` conversion, exact int/float comparison.

use crate::float::{as_f64, is_float};
use crate::int;
use crate::object::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::{BinOp, CmpOp};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// A `format` crate error as the Python exception it names.
pub fn fmt_err(vm: &mut Vm, e: format::Error) -> PyErr {
    match e.kind {
        format::ErrorKind::ValueError => vm.value_error(e.msg),
        format::ErrorKind::OverflowError => vm.overflow_error(e.msg),
        format::ErrorKind::TypeError => vm.type_error(e.msg),
    }
}

/// `fmt_err` for a failure to parse str `x`, whose message ends in the text's
/// repr: the format crate saw a lone surrogate as U+FFFD, so the repr is redone
/// from the str itself.
pub fn parse_err(vm: &mut Vm, x: Value, e: format::Error) -> PyErr {
    if !crate::str::has_surrogates(x) || e.kind != format::ErrorKind::ValueError {
        return fmt_err(vm, e);
    }
    let Some((head, _)) = e.msg.split_once(": ") else { return fmt_err(vm, e) };
    let repr = match crate::ops::repr(vm, x) {
        Ok(r) => crate::str::as_str(r).unwrap_or("").to_string(),
        Err(err) => return err,
    };
    let m = format!("{head}: {}", format::repr::truncate_chars(&repr, 200));
    vm.value_error(m)
}

fn is_exact_num(vm: &Vm, v: Value) -> bool {
    if v.is_small_int() {
        return true;
    }
    let t = vm.type_of(v);
    t == vm.t.int || t == vm.t.float
}

/// `x OP y` on small ints for the operators whose result needs no rounding
/// rules; None on overflow or for the other operators.
#[inline(always)]
fn small_int_op(x: i64, y: i64, op: BinOp) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Subtract => x.checked_sub(y),
        BinOp::Multiply => x.checked_mul(y),
        BinOp::And => Some(x & y),
        BinOp::Or => Some(x | y),
        BinOp::Xor => Some(x ^ y),
        BinOp::FloorDivide => floor_div(x, y),
        BinOp::Remainder => floor_mod(x, y),
        BinOp::Rshift if y >= 0 => Some(x >> y.min(63)),
        BinOp::Lshift if (0..63).contains(&y) => {
            let r = x << y;
            (r >> y == x).then_some(r)
        }
        _ => None,
    }
}

/// `x // y` rounding toward negative infinity as Python does; None for a zero
/// divisor (the error path raises) or an overflow.
fn floor_div(x: i64, y: i64) -> Option<i64> {
    let q = x.checked_div(y)?;
    Some(if x % y != 0 && ((x < 0) != (y < 0)) { q - 1 } else { q })
}

/// `x % y` with the sign of the divisor as Python does; None for a zero divisor.
fn floor_mod(x: i64, y: i64) -> Option<i64> {
    let r = x.checked_rem(y)?;
    Some(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r })
}

/// `x CMP y` on floats.
#[inline(always)]
fn float_cmp(x: f64, y: f64, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

/// `a OP b` when both operands and the result are unboxed (small ints, inline
/// floats): no allocation, no error, no call. None sends the caller to `fast_binary`.
#[inline(always)]
pub fn unboxed_binary(a: Value, b: Value, op: BinOp) -> Option<Value> {
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        return small_int_op(x, y, op).and_then(Value::try_small);
    }
    let (x, y) = inline_float_operands(a, b)?;
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Subtract => x - y,
        BinOp::Multiply => x * y,
        BinOp::TrueDivide if y != 0.0 => x / y,
        _ => return None,
    };
    Value::try_float(r)
}

/// `a OP b` for exact ints and floats without special-method dispatch; None when
/// the operands are not both exact builtin numbers.
pub fn fast_binary(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        if let Some(r) = small_int_op(x, y, op).and_then(Value::try_small) {
            return Ok(Some(r));
        }
        return int::binary(vm, a, b, op);
    }
    if let Some((x, y)) = inline_float_operands(a, b) {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Subtract => x - y,
            BinOp::Multiply => x * y,
            BinOp::TrueDivide if y != 0.0 => x / y,
            _ => return crate::float::binary(vm, a, b, op),
        };
        return Ok(Some(crate::float::new_float(vm, r)));
    }
    if !is_exact_num(vm, a) || !is_exact_num(vm, b) {
        return Ok(None);
    }
    if is_float(a) || is_float(b) {
        if let (Some(x), Some(y)) = (as_f64(a), as_f64(b)) {
            let r = match op {
                BinOp::Add => x + y,
                BinOp::Subtract => x - y,
                BinOp::Multiply => x * y,
                BinOp::TrueDivide if y != 0.0 => x / y,
                _ => return crate::float::binary(vm, a, b, op),
            };
            return Ok(Some(crate::float::new_float(vm, r)));
        }
        return crate::float::binary(vm, a, b, op);
    }
    if op == BinOp::Power {
        return Ok(None);
    }
    int::binary(vm, a, b, op)
}

/// Both operands as doubles when one is an inline float and the other an inline
/// float or a small int (both exact types, so no special method can intervene).
/// A small int converts with round-half-even as CPython's `PyLong_AsDouble`.
#[inline]
fn inline_float_operands(a: Value, b: Value) -> Option<(f64, f64)> {
    let num = |v: Value| v.as_inline_float().or_else(|| v.as_small().map(|i| i as f64));
    if !a.is_inline_float() && !b.is_inline_float() {
        return None;
    }
    Some((num(a)?, num(b)?))
}

/// The value of an exact float (inline or boxed), not of a subclass instance whose
/// methods may be overridden, or of a small int a double holds exactly.
#[inline]
fn exact_f64(vm: &Vm, v: Value) -> Option<f64> {
    if let Some(f) = v.as_inline_float() {
        return Some(f);
    }
    if let Some(i) = v.as_small() {
        // Exactly representable, so comparing as doubles is exact.
        return (i.unsigned_abs() <= 1 << 53).then_some(i as f64);
    }
    let f = v.downcast::<crate::float::FloatObj>()?;
    (vm.type_of(v) == vm.t.float).then_some(f.v)
}

/// `a CMP b` for small ints and inline floats: no type lookup, no call.
#[inline(always)]
pub fn unboxed_compare(a: Value, b: Value, op: CmpOp) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        return Some(crate::ops::cmp_ord(x.cmp(&y), op));
    }
    let (x, y) = (a.as_inline_float()?, b.as_inline_float()?);
    Some(float_cmp(x, y, op))
}

/// `a CMP b` for small ints and exact floats.
#[inline]
pub fn fast_compare(vm: &Vm, a: Value, b: Value, op: CmpOp) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        return Some(crate::ops::cmp_ord(x.cmp(&y), op));
    }
    let (x, y) = (exact_f64(vm, a)?, exact_f64(vm, b)?);
    Some(float_cmp(x, y, op))
}

/// `-v`, `+v`, `~v` for exact numbers.
pub fn fast_unary(vm: &mut Vm, v: Value, sym: &str) -> PyResult<Option<Value>> {
    if v.is_small_int() {
        return int::unary(vm, v, sym);
    }
    if vm.type_of(v) == vm.t.float {
        let x = crate::float::value(v);
        return Ok(match sym {
            "-" => Some(crate::float::new_float(vm, -x)),
            "+" => Some(v),
            _ => None,
        });
    }
    Ok(None)
}

/// Exact comparison of two real numbers (ints and floats, any mix); None if either
/// is not one. NaN compares as unordered (the callers handle it first).
pub fn compare_numbers(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<Ordering>> {
    let fa = as_f64(a);
    let fb = as_f64(b);
    let ia = if fa.is_none() { int::to_bigint(vm, a) } else { None };
    let ib = if fb.is_none() { int::to_bigint(vm, b) } else { None };
    Ok(match (fa, fb, ia, ib) {
        (Some(x), Some(y), _, _) => x.partial_cmp(&y),
        (None, None, Some(x), Some(y)) => Some(x.cmp(&y)),
        (Some(x), None, _, Some(y)) => cmp_float_int(x, &y),
        (None, Some(y), Some(x), _) => cmp_float_int(y, &x).map(Ordering::reverse),
        _ => None,
    })
}

fn cmp_float_int(x: f64, i: &BigInt) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    let fl = x.floor();
    let bi = f64_to_bigint(fl);
    Some(match bi.cmp(i) {
        Ordering::Equal if x > fl => Ordering::Greater,
        o => o,
    })
}

/// The exact integer value of a finite, integral float.
pub fn f64_to_bigint(x: f64) -> BigInt {
    if x.abs() < 9.0e18 {
        return BigInt::from(x as i64);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let m = BigInt::from(mant);
    let v = if exp >= 0 { m << exp as usize } else { m >> (-exp) as usize };
    if x < 0.0 {
        -v
    } else {
        v
    }
}

/// `float.as_integer_ratio()` of a finite float.
pub fn f64_ratio(x: f64) -> (BigInt, BigInt) {
    if x == 0.0 {
        return (BigInt::zero(), BigInt::from(1));
    }
    let bits = x.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let (mant, exp) = if raw_exp == 0 {
        (bits & ((1 << 52) - 1), -1074)
    } else {
        ((bits & ((1 << 52) - 1)) | (1 << 52), raw_exp - 1075)
    };
    let tz = mant.trailing_zeros() as i64;
    let mant = mant >> tz;
    let exp = exp + tz;
    let mut n = BigInt::from(mant);
    if x < 0.0 {
        n = -n;
    }
    if exp >= 0 {
        (n << exp as usize, BigInt::from(1))
    } else {
        (n, BigInt::from(1) << (-exp) as usize)
    }
}

pub fn bigint_to_f64(vm: &mut Vm, b: &BigInt) -> PyResult<f64> {
    if let Some(i) = b.to_i64() {
        if i.unsigned_abs() < (1 << 53) {
            return Ok(i as f64);
        }
    }
    format::parse::int_to_float(b).map_err(|e| fmt_err(vm, e))
}

/// `x / y` for big ints, correctly rounded (None on overflow).
pub fn big_ratio_to_f64(x: &BigInt, y: &BigInt) -> Option<f64> {
    let neg = x.is_negative() != y.is_negative();
    let (a, b) = (x.abs(), y.abs());
    if a.is_zero() {
        return Some(if neg { -0.0 } else { 0.0 });
    }
    // Scale so the quotient has 55 significant bits, then round once.
    let shift = a.bits() as i64 - b.bits() as i64 - 55;
    let (n, d) = if shift >= 0 { (a.clone(), &b << shift as usize) } else { (&a << (-shift) as usize, b.clone()) };
    let (q, r) = (&n / &d, &n % &d);
    let mut q = q.to_u64()?;
    if !r.is_zero() {
        q |= 1;
    }
    let f = ldexp(q as f64, shift);
    if f.is_infinite() {
        return None;
    }
    Some(if neg { -f } else { f })
}

fn ldexp(x: f64, e: i64) -> f64 {
    let mut x = x;
    let mut e = e;
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// Does `v` support `__index__`?
pub fn has_index(vm: &mut Vm, v: Value) -> bool {
    if int::is_int(vm, v) {
        return true;
    }
    let t = vm.type_of(v);
    crate::typeobj::lookup_str(vm, t, "__index__").is_some()
}

/// `operator.index(v)` as a BigInt.
pub fn index_bigint(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(b) = int::to_bigint(vm, v) {
        return Ok(b);
    }
    match crate::call::call_special(vm, v, "__index__", &[])? {
        Some(r) => match int::to_bigint(vm, r) {
            Some(b) => {
                warn_int_subclass(vm, "__index__", r)?;
                Ok(b)
            }
            None => Err({ let __arg = format!("__index__ returned non-int (type {})", vm.type_name(r)); vm.type_error(__arg) }),
        },
        None => Err({ let __arg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)); vm.type_error(__arg) }),
    }
}

/// The DeprecationWarning for `__index__`/`__int__` returning an instance of a
/// strict subclass of int (CPython's `_PyNumber_Index`, `PyNumber_Long`).
fn warn_int_subclass(vm: &mut Vm, name: &str, r: Value) -> PyResult<()> {
    if r.is_small_int() || vm.type_of(r) == vm.t.int {
        return Ok(());
    }
    let m = format!(
        "{name} returned non-int (type {}).  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.",
        vm.type_name(r)
    );
    let cat = vm.e.deprecation_warning;
    crate::modules::warnings::warn_str(vm, cat, &m, 1)
}

/// `operator.index(v)` as an exact int value.
pub fn index(vm: &mut Vm, v: Value) -> PyResult {
    if v.is_small_int() {
        return Ok(v);
    }
    let b = index_bigint(vm, v)?;
    Ok(int::from_bigint(vm, b))
}

/// `__index__` as i64; OverflowError "Python int too large to convert to C ssize_t".
pub fn index_i64(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small() {
        return Ok(i);
    }
    let b = index_bigint(vm, v)?;
    b.to_i64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// `PyNumber_AsSsize_t(v, exc)`: `__index__` as i64, raising `exc` ("cannot fit
/// 'T' into an index-sized integer", naming `v`'s type) when it does not fit.
pub fn as_ssize(vm: &mut Vm, v: Value, exc: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small() {
        return Ok(i);
    }
    let b = index_bigint(vm, v)?;
    match b.to_i64() {
        Some(i) => Ok(i),
        None => {
            let m = format!("cannot fit '{}' into an index-sized integer", vm.type_name(v));
            Err(vm.new_exc(exc, m))
        }
    }
}

/// `__index__` as a C int (i32); OverflowError "Python int too large to convert to C
/// int" otherwise, as CPython's `_PyLong_AsInt`.
pub fn index_c_int(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let b = index_bigint(vm, v)?;
    b.to_i32().ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}

/// Like `index_i64` but clamped to the i64 range (slice indices).
pub fn index_clamped(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small() {
        return Ok(i);
    }
    let b = index_bigint(vm, v)?;
    Ok(b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }))
}

/// `int(x)` for one argument, in CPython's order (`PyNumber_Long`): `__int__`,
/// `__index__`, `__trunc__`, then the text of a str or bytes-like object.
pub fn to_int(vm: &mut Vm, x: Value) -> PyResult {
    if x.is_small_int() {
        return Ok(x);
    }
    // Exact builtins first: their `__int__` is the conversion itself.
    let ty = vm.type_of(x);
    if ty == vm.t.int {
        return int::exact_int(vm, x);
    }
    if x.as_inline_float().is_some() || ty == vm.t.float {
        return crate::float::float_to_int(vm, as_f64(x).unwrap_or(0.0));
    }
    if ty != vm.t.str {
        if let Some(r) = int_from_dunders(vm, x)? {
            return Ok(r);
        }
    }
    parse_int_text(vm, x)
}

/// `x.__int__()`, `x.__index__()` or (deprecated) `x.__trunc__()`, whichever
/// `x`'s type defines first; None if none.
fn int_from_dunders(vm: &mut Vm, x: Value) -> PyResult<Option<Value>> {
    for name in ["__int__", "__index__"] {
        if let Some(r) = crate::call::call_special(vm, x, name, &[])? {
            if !int::is_int(vm, r) {
                let m = format!("{name} returned non-int (type {})", vm.type_name(r));
                return Err(vm.type_error(m));
            }
            warn_int_subclass(vm, name, r)?;
            return int::exact_int(vm, r).map(Some);
        }
    }
    let Some(trunc) = crate::attr::lookup_special(vm, x, "__trunc__")? else {
        return Ok(None);
    };
    let cat = vm.e.deprecation_warning;
    crate::modules::warnings::warn_str(vm, cat, "The delegation of int() to __trunc__ is deprecated.", 1)?;
    let r = crate::call::call(vm, trunc, &[])?;
    if int::is_int(vm, r) {
        return int::exact_int(vm, r).map(Some);
    }
    if !has_index(vm, r) {
        let m = format!("__trunc__ returned non-Integral (type {})", vm.type_name(r));
        return Err(vm.type_error(m));
    }
    index(vm, r).map(Some)
}

/// `int(s)` of a str or bytes-like object, in base 10.
fn parse_int_text(vm: &mut Vm, x: Value) -> PyResult {
    if let Some(r) = parse_int_str_or_bytes(vm, x, 10)? {
        return Ok(r);
    }
    if let Some(b) = crate::bytes::buffer_bytes(x) {
        return parse_int_bytes(vm, &b, 10);
    }
    let m = format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", vm.type_name(x));
    Err(vm.type_error(m))
}

/// `int(x, base)` of a str, bytes or bytearray `x`; None for other types.
pub fn parse_int_str_or_bytes(vm: &mut Vm, x: Value, base: u32) -> PyResult<Option<Value>> {
    if let Some(s) = crate::str::as_str(x) {
        let r = format::parse::parse_int_limited(s, base, vm.int_max_str_digits).map_err(|e| parse_err(vm, x, e))?;
        return Ok(Some(int::from_bigint(vm, r)));
    }
    match crate::bytes::as_bytes(x) {
        Some(b) => parse_int_bytes(vm, &b, base).map(Some),
        None => Ok(None),
    }
}

/// `int(b, base)` of bytes: as of their text, the error showing the bytes' repr.
fn parse_int_bytes(vm: &mut Vm, b: &[u8], base: u32) -> PyResult {
    let s = String::from_utf8_lossy(b).into_owned();
    let r = format::parse::parse_int_limited(&s, base, vm.int_max_str_digits).map_err(|e| {
        if e.kind == format::ErrorKind::ValueError && e.msg.starts_with("invalid literal") {
            vm.value_error(format!("invalid literal for int() with base {base}: {}", format::repr::bytes_repr(b)))
        } else {
            fmt_err(vm, e)
        }
    })?;
    Ok(int::from_bigint(vm, r))
}

/// `round(x, ndigits)` for floats, as CPython's `double_round`: the decimal
/// value correctly rounded (half-even on exact ties) to `ndigits` places, then
/// converted back to the nearest float. None if that overflows.
pub fn round_f64(x: f64, ndigits: i64) -> Option<f64> {
    // Beyond these bounds the result is x itself, or a zero (CPython's NDIGITS_MAX/MIN).
    if ndigits > 323 || !x.is_finite() || x == 0.0 {
        return Some(x);
    }
    if ndigits < -308 {
        return Some(0.0f64.copysign(x));
    }
    let (num, den) = f64_ratio(x.abs());
    let ten = BigInt::from(10);
    let r = if ndigits >= 0 {
        let p = num_traits::pow(ten, ndigits as usize);
        let q = div_round_half_even(&(num * &p), &den);
        big_ratio_to_f64(&q, &p)?
    } else {
        let p = num_traits::pow(ten, (-ndigits) as usize);
        let q = div_round_half_even(&num, &(den * &p));
        format::parse::int_to_float(&(q * p)).ok()?
    };
    if r.is_infinite() {
        return None;
    }
    Some(r.copysign(x))
}

/// n / d rounded to the nearest integer, ties to even (n, d > 0).
fn div_round_half_even(n: &BigInt, d: &BigInt) -> BigInt {
    use num_integer::Integer;
    let (q, r) = n.div_rem(d);
    let twice: BigInt = r * 2;
    if twice > *d || (twice == *d && q.is_odd()) {
        q + 1
    } else {
        q
    }
}

/// Sign of a BigInt as -1, 0, 1.
pub fn sign(b: &BigInt) -> i32 {
    match b.sign() {
        Sign::Minus => -1,
        Sign::NoSign => 0,
        Sign::Plus => 1,
    }
}

/// Defines the `__op__`/`__rop__` methods of a numeric type from the module's
/// `binary(vm, a, b, op) -> PyResult<Option<Value>>` (None meaning NotImplemented),
/// and `add_dunders(vm, ty)` to register them: one definition for int, float, complex.
macro_rules! binop_methods {
    ($($fname:ident, $rname:ident: $op:ident;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: Args) -> PyResult {
                let a = args.exact(vm, "op", 2, 2)?;
                Ok(binary(vm, a[0], a[1], BinOp::$op)?.unwrap_or(vm.not_implemented))
            }
            fn $rname(vm: &mut Vm, args: Args) -> PyResult {
                let a = args.exact(vm, "op", 2, 2)?;
                Ok(binary(vm, a[1], a[0], BinOp::$op)?.unwrap_or(vm.not_implemented))
            }
        )*
        fn add_dunders(vm: &mut Vm, t: Value) {
            $(
                let (n, r, _) = crate::ops::binop_dunders(BinOp::$op);
                crate::typeobj::add_method(vm, t, n, $fname);
                crate::typeobj::add_method(vm, t, r, $rname);
            )*
        }
    };
}
pub(crate) use binop_methods;
