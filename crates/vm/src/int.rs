//! `int` and `bool`: arbitrary precision integers.
//!
//! An int is a tagged small int (`Value::small`) whenever it fits in 63 bits and its
//! type is exactly `int`; otherwise an `IntObj` holding a `BigInt` (big values,
//! `bool`'s two objects, instances of int subclasses). Arithmetic runs on `i64` with
//! overflow checks and falls back to `BigInt`.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyErr, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::BinOp;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub struct IntObj {
    pub v: BigInt,
}
impl Trace for IntObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(IntObj, "int", leaf);

impl IntObj {
    pub fn from_i64(i: i64) -> IntObj {
        IntObj { v: BigInt::from(i) }
    }
}

/// An exact int value for `i`.
pub fn from_i64(vm: &mut Vm, i: i64) -> Value {
    match Value::try_small(i) {
        Some(v) => v,
        None => {
            let t = vm.t.int;
            vm.alloc(t, IntObj::from_i64(i))
        }
    }
}

pub fn from_usize(vm: &mut Vm, n: usize) -> Value {
    from_i64(vm, n as i64)
}

pub fn from_bigint(vm: &mut Vm, b: BigInt) -> Value {
    if let Some(i) = b.to_i64() {
        if let Some(v) = Value::try_small(i) {
            return v;
        }
    }
    let t = vm.t.int;
    vm.alloc(t, IntObj { v: b })
}

/// Is `v` an int (bool and subclasses included)?
#[inline]
pub fn is_int(_vm: &Vm, v: Value) -> bool {
    v.is_small_int() || v.is::<IntObj>()
}

/// The value of an int as i64, if it is an int that fits.
#[inline]
pub fn as_i64(v: Value) -> Option<i64> {
    if let Some(i) = v.as_small() {
        return Some(i);
    }
    v.downcast::<IntObj>().and_then(|o| o.v.to_i64())
}

/// The value of an int as BigInt.
pub fn to_bigint(_vm: &Vm, v: Value) -> Option<BigInt> {
    if let Some(i) = v.as_small() {
        return Some(BigInt::from(i));
    }
    v.downcast::<IntObj>().map(|o| o.v.clone())
}

enum Num {
    Small(i64),
    Big(BigInt),
}

fn num(v: Value) -> Option<Num> {
    if let Some(i) = v.as_small() {
        return Some(Num::Small(i));
    }
    let o = v.downcast::<IntObj>()?;
    Some(match o.v.to_i64() {
        Some(i) => Num::Small(i),
        None => Num::Big(o.v.clone()),
    })
}

fn big(n: Num) -> BigInt {
    match n {
        Num::Small(i) => BigInt::from(i),
        Num::Big(b) => b,
    }
}

/// `a OP b` for two ints; None (NotImplemented) when either is not an int.
pub fn binary(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (num(a), num(b)) else {
        return Ok(None);
    };
    if let (Num::Small(i), Num::Small(j)) = (&x, &y) {
        if let Some(r) = small_binary(vm, *i, *j, op)? {
            return Ok(Some(r));
        }
    }
    big_binary(vm, big(x), big(y), op)
}

fn small_binary(vm: &mut Vm, i: i64, j: i64, op: BinOp) -> PyResult<Option<Value>> {
    let r = match op {
        BinOp::Add => i.checked_add(j),
        BinOp::Subtract => i.checked_sub(j),
        BinOp::Multiply => i.checked_mul(j),
        BinOp::FloorDivide => {
            if j == 0 {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            i.checked_div_euclid(j).map(|_| Integer::div_floor(&i, &j))
        }
        BinOp::Remainder => {
            if j == 0 {
                return Err(vm.zero_division("integer modulo by zero"));
            }
            i.checked_rem(j).map(|_| i.mod_floor(&j))
        }
        BinOp::And => Some(i & j),
        BinOp::Or => Some(i | j),
        BinOp::Xor => Some(i ^ j),
        BinOp::Lshift if (0..64).contains(&j) => {
            let r = (i as i128) << j;
            if r >= i64::MIN as i128 && r <= i64::MAX as i128 {
                Some(r as i64)
            } else {
                None
            }
        }
        BinOp::Rshift if j >= 0 => Some(if j >= 64 { if i < 0 { -1 } else { 0 } } else { i >> j }),
        _ => None,
    };
    Ok(r.map(|r| from_i64(vm, r)))
}

fn big_binary(vm: &mut Vm, x: BigInt, y: BigInt, op: BinOp) -> PyResult<Option<Value>> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Subtract => x - y,
        BinOp::Multiply => x * y,
        BinOp::FloorDivide => {
            if y.is_zero() {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            x.div_floor(&y)
        }
        BinOp::Remainder => {
            if y.is_zero() {
                return Err(vm.zero_division("integer modulo by zero"));
            }
            x.mod_floor(&y)
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::Lshift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(Some(Value::small(0)));
            }
            // CPython counts the shift in 30-bit digits: a digit count beyond
            // its maximum object size is an OverflowError, anything else too
            // big to allocate a MemoryError.
            let digits = (&y / 30u32).to_i64().filter(|d| *d <= (i64::MAX - 24) / 4 - (x.bits() as i64 / 30 + 1));
            if digits.is_none() {
                return Err(vm.overflow_error("too many digits in integer"));
            }
            let s = y.to_usize().unwrap_or(usize::MAX);
            if s > 1 << 36 {
                return Err(vm.memory_error());
            }
            x << s
        }
        BinOp::Rshift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) => {
                    let r: BigInt = &x >> s;
                    r
                }
                None => BigInt::from(if x.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::TrueDivide => return true_divide(vm, &x, &y).map(Some),
        BinOp::Power => return power(vm, x, y, None).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(from_bigint(vm, r)))
}

/// `a / b` for ints, correctly rounded.
pub fn true_divide(vm: &mut Vm, x: &BigInt, y: &BigInt) -> PyResult {
    if y.is_zero() {
        return Err(vm.zero_division("division by zero"));
    }
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
            return Ok(crate::float::new_float(vm, a as f64 / b as f64));
        }
    }
    match crate::number::big_ratio_to_f64(x, y) {
        Some(f) => Ok(crate::float::new_float(vm, f)),
        None => Err(vm.overflow_error("integer division result too large for a float")),
    }
}

/// `pow(x, y[, m])` for ints.
pub fn power(vm: &mut Vm, x: BigInt, y: BigInt, m: Option<BigInt>) -> PyResult {
    if let Some(m) = m {
        if m.is_zero() {
            return Err(vm.value_error("pow() 3rd argument cannot be 0"));
        }
        let (base, exp) = if y.is_negative() {
            let inv = mod_inverse(&x, &m).ok_or_else(|| vm.value_error("base is not invertible for the given modulus"))?;
            (inv, -y)
        } else {
            (x, y)
        };
        let mabs = m.abs();
        let mut r = base.mod_floor(&mabs).modpow(&exp, &mabs);
        if m.is_negative() && !r.is_zero() {
            r += &m;
        }
        return Ok(from_bigint(vm, r));
    }
    if y.is_negative() {
        let fx = crate::number::bigint_to_f64(vm, &x)?;
        let fy = crate::number::bigint_to_f64(vm, &y)?;
        if fx == 0.0 {
            return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
        }
        return Ok(crate::float::new_float(vm, fx.powf(fy)));
    }
    let e = match y.to_u32() {
        Some(e) => e,
        None => {
            if x.is_zero() || x.is_one() {
                return Ok(from_bigint(vm, x));
            }
            if x == BigInt::from(-1) {
                return Ok(from_i64(vm, if y.is_even() { 1 } else { -1 }));
            }
            return Err(vm.memory_error());
        }
    };
    if x.bits() as u128 * e as u128 > 1 << 34 {
        return Err(vm.memory_error());
    }
    Ok(from_bigint(vm, num_traits::pow(x, e as usize)))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let g = a.mod_floor(&m).extended_gcd(&m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(&m))
}

/// The decimal string of an int, honouring `sys.set_int_max_str_digits`.
pub fn to_decimal(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(i) = v.as_small() {
        return Ok(i.to_string());
    }
    let b = to_bigint(vm, v).expect("int");
    format::parse::int_to_decimal_string(&b, vm.int_max_str_digits).map_err(|e| crate::number::fmt_err(vm, e))
}

fn int_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let s = to_decimal(vm, a[0])?;
    Ok(crate::str::new_str(vm, s))
}

fn bool_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let s = if a[0] == vm.true_ { "True" } else { "False" };
    Ok(vm.intern(s))
}

/// `int(x=0, base=10)`.
fn int_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [x, base] = args.shift().bind(vm, "int", ["x", "base"], 0, 1)?;
    let v = if x.is_null() {
        if !base.is_null() {
            return Err(vm.type_error("int() missing string argument"));
        }
        Value::small(0)
    } else if base.is_null() {
        crate::number::to_int(vm, x)?
    } else {
        // Out-of-range bases of any size get the ValueError (PyNumber_AsSsize_t clips).
        let b = crate::number::index_bigint(vm, base)?.to_i64().unwrap_or(-1);
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        match crate::number::parse_int_str_or_bytes(vm, x, b as u32)? {
            Some(v) => v,
            None => return Err(vm.type_error("int() can't convert non-string with explicit base")),
        }
    };
    if cls == vm.t.int {
        return Ok(v);
    }
    let b = to_bigint(vm, v).expect("int");
    std::hint::black_box(v);
    Ok(vm.alloc(cls, IntObj { v: b }))
}

fn bool_new(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.shift().exact(vm, "bool", 0, 1)?;
    match a.first() {
        None => Ok(vm.false_),
        Some(x) => {
            let b = crate::ops::truthy(vm, *x)?;
            Ok(vm.bool(b))
        }
    }
}

fn int_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let b = to_bigint(vm, a[0]).expect("int");
    Ok(from_i64(vm, crate::hash::hash_bigint(&b)))
}

fn int_format(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__format__", 2, 2)?;
    let spec = crate::str::as_str(a[1]).ok_or_else(|| vm.type_error("format() argument 2 must be str"))?;
    if a[0] == vm.true_ || a[0] == vm.false_ {
        if spec.is_empty() {
            return crate::ops::str(vm, a[0]);
        }
    }
    let b = to_bigint(vm, a[0]).expect("int");
    let tn = vm.type_name(a[0]);
    crate::memory::check_format_width(vm, spec)?;
    let s = format::spec::format_int_spec(&b, spec, &tn).map_err(|e| crate::number::fmt_err(vm, e))?;
    Ok(crate::str_format::number_formatted(vm, s, a[1]))
}

fn int_index(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__index__", 1, 1)?;
    exact_int(vm, a[0])
}

/// The exact-int value of an int (bool and subclasses become plain ints).
pub fn exact_int(vm: &mut Vm, v: Value) -> PyResult {
    if v.is_small_int() || vm.type_of(v) == vm.t.int {
        return Ok(v);
    }
    let b = to_bigint(vm, v).expect("int");
    Ok(from_bigint(vm, b))
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "bit_length", 1, 1)?;
    let b = to_bigint(vm, a[0]).expect("int");
    Ok(from_i64(vm, b.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "bit_count", 1, 1)?;
    let b = to_bigint(vm, a[0]).expect("int");
    let n: u64 = b.magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum();
    Ok(from_i64(vm, n as i64))
}

fn int_bool(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__bool__", 1, 1)?;
    let b = to_bigint(vm, a[0]).expect("int");
    Ok(vm.bool(!b.is_zero()))
}

fn int_float(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__float__", 1, 1)?;
    let b = to_bigint(vm, a[0]).expect("int");
    let f = crate::number::bigint_to_f64(vm, &b)?;
    Ok(crate::float::new_float(vm, f))
}

fn int_conjugate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "conjugate", 1, 1)?;
    exact_int(vm, a[0])
}

fn int_self(vm: &mut Vm, v: Value) -> PyResult {
    exact_int(vm, v)
}

fn int_zero(_vm: &mut Vm, _v: Value) -> PyResult {
    Ok(Value::small(0))
}

fn int_one(_vm: &mut Vm, _v: Value) -> PyResult {
    Ok(Value::small(1))
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "as_integer_ratio", 1, 1)?;
    let v = exact_int(vm, a[0])?;
    Ok(crate::tuple::new_tuple(vm, vec![v, Value::small(1)]))
}

fn int_to_bytes(vm: &mut Vm, args: Args) -> PyResult {
    let [s, length, byteorder, signed] = args.bind(vm, "to_bytes", ["self", "length", "byteorder", "signed"], 1, 1)?;
    let length = if length.is_null() { 1 } else { crate::number::index_i64(vm, length)? };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder_is_little(vm, byteorder)?;
    let signed = !signed.is_null() && crate::ops::truthy(vm, signed)?;
    let b = to_bigint(vm, s).expect("int");
    if !signed && b.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { b.to_signed_bytes_le() } else { b.to_bytes_le().1 };
    if b.is_zero() {
        bytes.clear();
    }
    let fill = if signed && b.is_negative() { 0xff } else { 0 };
    if bytes.len() > length as usize {
        // to_signed_bytes_le may carry one redundant sign byte; it is not an overflow.
        return Err(vm.overflow_error("int too big to convert"));
    }
    bytes.resize(length as usize, fill);
    if !little {
        bytes.reverse();
    }
    Ok(crate::bytes::new_bytes(vm, bytes))
}

fn byteorder_is_little(vm: &mut Vm, v: Value) -> PyResult<bool> {
    match if v.is_null() { Some("big") } else { crate::str::as_str(v) } {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        None => Err({ let __arg = format!("to_bytes() argument 'byteorder' must be str, not {}", vm.type_name(v)); vm.type_error(__arg) }),
    }
}

fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult {
    let [cls, bytes, byteorder, signed] = args.bind(vm, "from_bytes", ["cls", "bytes", "byteorder", "signed"], 2, 1)?;
    let little = byteorder_is_little(vm, byteorder)?;
    let signed = !signed.is_null() && crate::ops::truthy(vm, signed)?;
    let mut data = crate::bytes::object_bytes(vm, bytes)?;
    if !little {
        data.reverse();
    }
    let b = if signed { BigInt::from_signed_bytes_le(&data) } else { BigInt::from_bytes_le(Sign::Plus, &data) };
    let v = from_bigint(vm, b);
    if cls == vm.t.int {
        return Ok(v);
    }
    crate::call::call(vm, cls, &[v])
}


crate::number::binop_methods! {
    int_add, int_radd: Add;
    int_sub, int_rsub: Subtract;
    int_mul, int_rmul: Multiply;
    int_floordiv, int_rfloordiv: FloorDivide;
    int_mod, int_rmod: Remainder;
    int_truediv, int_rtruediv: TrueDivide;
    int_and, int_rand: And;
    int_or, int_ror: Or;
    int_xor, int_rxor: Xor;
    int_lshift, int_rlshift: Lshift;
    int_rshift, int_rrshift: Rshift;
}

fn int_pow(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__pow__", 2, 3)?;
    pow_impl(vm, a[0], a[1], a.get(2).copied())
}

fn int_rpow(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__rpow__", 2, 3)?;
    pow_impl(vm, a[1], a[0], a.get(2).copied())
}

fn pow_impl(vm: &mut Vm, x: Value, y: Value, m: Option<Value>) -> PyResult {
    let (Some(bx), Some(by)) = (to_bigint(vm, x), to_bigint(vm, y)) else {
        return Ok(vm.not_implemented);
    };
    let m = match m {
        Some(m) if m != vm.none => match to_bigint(vm, m) {
            Some(b) => Some(b),
            None => return Ok(vm.not_implemented),
        },
        _ => None,
    };
    if m.is_some() && by.is_negative() {
        // handled in power() via the modular inverse
    }
    power(vm, bx, by, m)
}

fn int_divmod(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__divmod__", 2, 2)?;
    divmod_impl(vm, a[0], a[1])
}

fn int_rdivmod(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__rdivmod__", 2, 2)?;
    divmod_impl(vm, a[1], a[0])
}

fn divmod_impl(vm: &mut Vm, x: Value, y: Value) -> PyResult {
    let Some(q) = binary(vm, x, y, BinOp::FloorDivide)? else {
        return Ok(vm.not_implemented);
    };
    let r = binary(vm, x, y, BinOp::Remainder)?.expect("ints");
    Ok(crate::tuple::new_tuple(vm, vec![q, r]))
}

/// `-x`, `+x`, `~x`, `abs(x)` for ints.
pub fn unary(vm: &mut Vm, v: Value, op: &str) -> PyResult<Option<Value>> {
    let Some(n) = num(v) else { return Ok(None) };
    if let Num::Small(i) = n {
        let r = match op {
            "-" => i.checked_neg(),
            "+" => Some(i),
            "~" => Some(!i),
            "abs" => i.checked_abs(),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(Some(from_i64(vm, r)));
        }
    }
    let b = big(num(v).unwrap());
    let r = match op {
        "-" => -b,
        "+" => b,
        "~" => !b,
        "abs" => b.abs(),
        _ => return Ok(None),
    };
    Ok(Some(from_bigint(vm, r)))
}

macro_rules! int_unary {
    ($($fname:ident: $op:expr, $py:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: Args) -> PyResult {
                let a = args.exact(vm, $py, 1, 1)?;
                Ok(unary(vm, a[0], $op)?.unwrap_or(vm.not_implemented))
            }
        )*
    };
}
int_unary! {
    int_neg: "-", "__neg__";
    int_pos: "+", "__pos__";
    int_invert: "~", "__invert__";
    int_abs: "abs", "__abs__";
}

fn int_richcmp(vm: &mut Vm, args: Args, op: compiler::bytecode::CmpOp) -> PyResult {
    let a = args.exact(vm, "cmp", 2, 2)?;
    // int's comparisons know only ints; float.__eq__ etc. handle mixed pairs.
    if !is_int(vm, a[1]) {
        return Ok(vm.not_implemented);
    }
    match crate::number::compare_numbers(vm, a[0], a[1])? {
        Some(o) => Ok(vm.bool(crate::ops::cmp_ord(o, op))),
        None => Ok(vm.not_implemented),
    }
}

/// The six rich-comparison methods of a type, each calling `$cmp(vm, args, op)`.
macro_rules! cmp_methods {
    ($cmp:ident: $($fname:ident: $op:ident;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: Args) -> PyResult {
                $cmp(vm, args, compiler::bytecode::CmpOp::$op)
            }
        )*
    };
}
pub(crate) use cmp_methods;
cmp_methods! { int_richcmp:
    int_lt: Lt; int_le: Le; int_eq: Eq; int_ne: Ne; int_gt: Gt; int_ge: Ge;
}

fn int_round(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__round__", 1, 2)?;
    let v = exact_int(vm, a[0])?;
    let nd = match a.get(1) {
        Some(n) if *n != vm.none => crate::number::index_bigint(vm, *n)?,
        _ => return Ok(v),
    };
    if !nd.is_negative() {
        return Ok(v);
    }
    let b = to_bigint(vm, v).expect("int");
    let p = match (-nd).to_u32() {
        Some(p) => num_traits::pow(BigInt::from(10), p as usize),
        None => return Ok(Value::small(0)),
    };
    let (q, r) = b.div_mod_floor(&p);
    let twice = &r * 2;
    let q = if twice > p || (twice == p && q.is_odd()) { q + 1 } else { q };
    Ok(from_bigint(vm, q * p))
}

fn int_trunc(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__trunc__", 1, 1)?;
    exact_int(vm, a[0])
}

fn int_getnewargs(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getnewargs__", 1, 1)?;
    let v = exact_int(vm, a[0])?;
    Ok(crate::tuple::new_tuple(vm, vec![v]))
}

fn int_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__sizeof__", 1, 1)?;
    let b = to_bigint(vm, a[0]).expect("int");
    let digits = ((b.bits() + 29) / 30).max(1);
    Ok(from_i64(vm, 24 + 4 * digits as i64))
}

fn bool_binop(vm: &mut Vm, args: Args, op: BinOp) -> PyResult {
    let a = args.exact(vm, "op", 2, 2)?;
    let is_bool = |v: Value| v == vm.true_ || v == vm.false_;
    if is_bool(a[0]) && is_bool(a[1]) {
        let (x, y) = (a[0] == vm.true_, a[1] == vm.true_);
        let r = match op {
            BinOp::And => x & y,
            BinOp::Or => x | y,
            _ => x ^ y,
        };
        return Ok(vm.bool(r));
    }
    Ok(binary(vm, a[0], a[1], op)?.unwrap_or(vm.not_implemented))
}

fn bool_and(vm: &mut Vm, args: Args) -> PyResult {
    bool_binop(vm, args, BinOp::And)
}
fn bool_or(vm: &mut Vm, args: Args) -> PyResult {
    bool_binop(vm, args, BinOp::Or)
}
fn bool_xor(vm: &mut Vm, args: Args) -> PyResult {
    bool_binop(vm, args, BinOp::Xor)
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_classmethod, add_getter, add_method, add_static};
    let t = vm.t.int;
    add_static(vm, t, "__new__", int_new);
    add_method(vm, t, "__repr__", int_repr);
    add_method(vm, t, "__hash__", int_hash);
    add_method(vm, t, "__format__", int_format);
    add_method(vm, t, "__index__", int_index);
    add_method(vm, t, "__int__", int_index);
    add_method(vm, t, "__float__", int_float);
    add_method(vm, t, "__bool__", int_bool);
    add_method(vm, t, "__pow__", int_pow);
    add_method(vm, t, "__rpow__", int_rpow);
    add_method(vm, t, "__divmod__", int_divmod);
    add_method(vm, t, "__rdivmod__", int_rdivmod);
    add_method(vm, t, "__neg__", int_neg);
    add_method(vm, t, "__pos__", int_pos);
    add_method(vm, t, "__invert__", int_invert);
    add_method(vm, t, "__abs__", int_abs);
    add_method(vm, t, "__round__", int_round);
    add_method(vm, t, "__trunc__", int_trunc);
    add_method(vm, t, "__floor__", int_trunc);
    add_method(vm, t, "__ceil__", int_trunc);
    add_method(vm, t, "__getnewargs__", int_getnewargs);
    add_method(vm, t, "__sizeof__", int_sizeof);
    add_method(vm, t, "__lt__", int_lt);
    add_method(vm, t, "__le__", int_le);
    add_method(vm, t, "__eq__", int_eq);
    add_method(vm, t, "__ne__", int_ne);
    add_method(vm, t, "__gt__", int_gt);
    add_method(vm, t, "__ge__", int_ge);
    add_method(vm, t, "bit_length", int_bit_length);
    add_method(vm, t, "bit_count", int_bit_count);
    add_method(vm, t, "conjugate", int_conjugate);
    add_method(vm, t, "as_integer_ratio", int_as_integer_ratio);
    add_method(vm, t, "to_bytes", int_to_bytes);
    add_classmethod(vm, t, "from_bytes", int_from_bytes);
    add_getter(vm, t, "real", int_self);
    add_getter(vm, t, "imag", int_zero);
    add_getter(vm, t, "numerator", int_self);
    add_getter(vm, t, "denominator", int_one);
    add_dunders(vm, t);
    let b = vm.t.bool;
    add_static(vm, b, "__new__", bool_new);
    add_method(vm, b, "__repr__", bool_repr);
    add_method(vm, b, "__and__", bool_and);
    add_method(vm, b, "__rand__", bool_and);
    add_method(vm, b, "__or__", bool_or);
    add_method(vm, b, "__ror__", bool_or);
    add_method(vm, b, "__xor__", bool_xor);
    add_method(vm, b, "__rxor__", bool_xor);
}

/// Used by error paths that need the exception without a VM borrow conflict.
pub fn overflow(vm: &mut Vm, msg: &str) -> PyErr {
    vm.overflow_error(msg)
}
