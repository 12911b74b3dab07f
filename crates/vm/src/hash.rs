//! `hash()`: the one implementation of Python hashing, matching CPython's values:
//! SipHash-1-3 over the PEP 393 representation for str, over the bytes for bytes,
//! numeric hashes modulo the Mersenne prime 2**61 - 1 so that `hash(1) == hash(1.0)`.

use crate::object::PyResult;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::hash::Hasher;
use std::sync::OnceLock;

pub const MODULUS: u64 = (1 << 61) - 1;
pub const INF: i64 = 314159;
pub const BITS: u32 = 61;

static KEY: OnceLock<[u8; 16]> = OnceLock::new();

/// Sets the SipHash key from PYTHONHASHSEED as CPython does (0: zero key; N: CPython's
/// LCG stream; unset or "random": random bytes).
pub fn init_hash_key(vm: &mut Vm) {
    let mut secret = [0u8; 24];
    match vm.config.hash_seed {
        Some(0) => {}
        Some(seed) => {
            let mut x = seed as u32;
            for b in secret.iter_mut() {
                x = x.wrapping_mul(214013).wrapping_add(2531011);
                *b = ((x >> 16) & 0xff) as u8;
            }
        }
        None => {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0) as u64;
            let mut x = t ^ (std::process::id() as u64) << 32;
            for b in secret.iter_mut() {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *b = x as u8;
            }
        }
    }
    let mut key = [0u8; 16];
    key.copy_from_slice(&secret[..16]);
    vm.hash_key = key;
    let _ = KEY.set(key);
}

fn siphash13(data: &[u8]) -> i64 {
    let key = KEY.get().copied().unwrap_or([0; 16]);
    let k0 = u64::from_le_bytes(key[..8].try_into().unwrap());
    let k1 = u64::from_le_bytes(key[8..].try_into().unwrap());
    let mut h = siphasher::sip::SipHasher13::new_with_keys(k0, k1);
    h.write(data);
    h.finish() as i64
}

fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's str hash: SipHash-1-3 of the 1, 2 or 4 bytes per code point form.
pub fn hash_str(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    hash_units(s.chars().map(|c| c as u32))
}

/// The hash of a str given as code points (lone surrogates included).
pub fn hash_code_points(cps: &[u32]) -> i64 {
    if cps.is_empty() {
        return 0;
    }
    hash_units(cps.iter().copied())
}

/// CPython hashes the str's storage: 1, 2 or 4 bytes per code point, by the largest.
fn hash_units(cps: impl Iterator<Item = u32> + Clone) -> i64 {
    let max = cps.clone().max().unwrap_or(0);
    let h = if max < 0x100 {
        let bytes: Vec<u8> = cps.map(|c| c as u8).collect();
        siphash13(&bytes)
    } else if max < 0x10000 {
        let bytes: Vec<u8> = cps.flat_map(|c| (c as u16).to_le_bytes()).collect();
        siphash13(&bytes)
    } else {
        let bytes: Vec<u8> = cps.flat_map(|c| c.to_le_bytes()).collect();
        siphash13(&bytes)
    };
    fix(h)
}

pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    fix(siphash13(b))
}

pub fn hash_i64(i: i64) -> i64 {
    let m = MODULUS as i128;
    let r = (i as i128).rem_euclid(m) as i64;
    let r = if i < 0 { -(((-(i as i128)) % m) as i64) } else { r };
    fix(r)
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    if let Some(i) = b.to_i64() {
        return hash_i64(i);
    }
    let m = BigInt::from(MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap();
    fix(if b.is_negative() { -r } else { r })
}

/// CPython's `_Py_HashDouble` (for a finite or infinite value; NaN hashes by identity
/// and is handled by the caller).
pub fn hash_f64(v: f64) -> Option<i64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { INF } else { -INF });
    }
    let (mut m, mut e) = frexp(v);
    let sign = if m < 0.0 {
        m = -m;
        -1i64
    } else {
        1
    };
    let mut x: u64 = 0;
    while !m.is_zero() {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % BITS as i32 } else { BITS as i32 - 1 - ((-1 - e) % BITS as i32) };
    x = ((x << e) & MODULUS) | (x >> (BITS as i32 - e));
    Some(fix(x as i64 * sign))
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// Hash of an object's identity (`object.__hash__`): the address rotated by 4 bits.
pub fn hash_pointer(v: Value) -> i64 {
    let a = v.id();
    fix(a.rotate_right(4) as i64)
}

/// `hash(v)`.
pub fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small() {
        return Ok(hash_i64(i));
    }
    if let Some(h) = v.as_inline_float().and_then(hash_f64) {
        return Ok(h);
    }
    if let Some(s) = v.downcast::<crate::str::StrObj>() {
        if vm.type_of(v) == vm.t.str {
            return Ok(s.hash());
        }
    }
    // Exact bytes (dict keys in tokenisers, tuples of bytes) without a method call.
    if let Some(b) = v.downcast::<crate::bytes::BytesObj>() {
        if vm.type_of(v) == vm.t.bytes {
            return Ok(hash_bytes(&b.data));
        }
    }
    crate::ops::hash_slow(vm, v)
}
