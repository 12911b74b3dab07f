//! `Value`: one machine word per Python value.
//!
//! Bits, low end first:
//! - `...1`: a small int, the value shifted left by one (63-bit two's complement).
//! - `...10`: an inline float of type exactly `float` (see below).
//! - `...000` and non-zero: a pointer to a heap object (`gc::Header` first).
//! - `0`: NULL, "no value": an unbound local, an empty cell, a missing optional
//!   argument. NULL never reaches Python code.
//!
//! Everything else is a heap object, even `None`, `True` and `False`, so `type(x)`
//! is one load for any pointer.
//!
//! Inline floats. A double whose biased exponent lies in 0x300..=0x4ff (magnitudes
//! 2**-255 ..< 2**257, about 1.7e-77 to 2.3e77) has 011 or 100 as bits 62..60.
//! Adding 1 << 60 turns those into 100 or 101, so bits 62..61 are exactly `10`;
//! rotating left by 3 brings bits 63..61 (sign, 1, 0) to the bottom: the word ends
//! in `10` and is the tag. Decoding rotates back and subtracts. The mapping is a
//! bijection between in-range doubles and `...10` words, so the two zeros borrow
//! the words of +-2**-255 (`0b010` and `0b110`), and those two values are boxed
//! instead. Every other double (inf, nan, subnormal, huge or tiny) is a boxed
//! `FloatObj`, and so is every instance of a float subclass. Pointers and small
//! ints keep their encodings, so no other code path pays for floats.

use crate::gc::{Header, ObjRef};

#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

/// Small ints hold 63 bits.
pub const SMALL_MAX: i64 = (1 << 62) - 1;
pub const SMALL_MIN: i64 = -(1 << 62);

/// Added to a double's bits to move the inline exponent range onto the tag.
const FLOAT_BIAS: u64 = 1 << 60;

impl Value {
    pub const NULL: Value = Value(0);

    #[inline]
    pub fn is_null(self) -> bool {
        self.0 == 0
    }

    #[inline]
    pub fn raw(self) -> u64 {
        self.0
    }

    /// # Safety
    /// `bits` must come from `Value::raw` of a value still reachable by the GC.
    #[inline]
    pub unsafe fn from_raw(bits: u64) -> Value {
        Value(bits)
    }

    #[inline]
    pub fn is_small_int(self) -> bool {
        self.0 & 1 == 1
    }

    /// A small int if `i` fits in 63 bits.
    #[inline]
    pub fn try_small(i: i64) -> Option<Value> {
        if (SMALL_MIN..=SMALL_MAX).contains(&i) {
            Some(Value(((i << 1) | 1) as u64))
        } else {
            None
        }
    }

    /// The small int `i`; the caller guarantees the range.
    #[inline]
    pub fn small(i: i64) -> Value {
        debug_assert!((SMALL_MIN..=SMALL_MAX).contains(&i));
        Value(((i << 1) | 1) as u64)
    }

    #[inline]
    pub fn as_small(self) -> Option<i64> {
        if self.is_small_int() {
            Some((self.0 as i64) >> 1)
        } else {
            None
        }
    }

    /// The inline encoding of `f`, if it has one (see the module comment).
    #[inline]
    pub fn try_float(f: f64) -> Option<Value> {
        let bits = f.to_bits();
        let shifted = bits.wrapping_add(FLOAT_BIAS);
        if shifted >> 61 & 3 == 2 {
            let w = shifted.rotate_left(3);
            // +-2**-255: their words belong to the zeros.
            if w | 4 != 6 {
                return Some(Value(w));
            }
            None
        } else if bits << 1 == 0 {
            Some(Value(2 | bits >> 61))
        } else {
            None
        }
    }

    #[inline]
    pub fn is_inline_float(self) -> bool {
        self.0 & 3 == 2
    }

    /// The double of an inline float.
    #[inline]
    pub fn as_inline_float(self) -> Option<f64> {
        if !self.is_inline_float() {
            return None;
        }
        let w = self.0;
        let bits = if w | 4 == 6 { (w & 4) << 61 } else { w.rotate_right(3).wrapping_sub(FLOAT_BIAS) };
        Some(f64::from_bits(bits))
    }

    #[inline]
    pub fn is_obj(self) -> bool {
        self.0 != 0 && self.0 & 7 == 0
    }

    #[inline]
    pub fn from_obj(r: ObjRef) -> Value {
        Value(r.addr() as u64)
    }

    /// The heap object, if this is a pointer.
    #[inline]
    pub fn as_obj(self) -> Option<ObjRef> {
        if self.is_obj() {
            // SAFETY: a non-null, aligned Value always points at a live object header
            // (the GC keeps everything reachable from Values alive).
            Some(unsafe { ObjRef::from_addr(self.0 as usize) })
        } else {
            None
        }
    }

    #[inline]
    pub fn header(self) -> Option<&'static Header> {
        self.as_obj().map(|o| o.header())
    }

    /// Identity, as `is` compares it (equal inline floats are identical) and object
    /// reprs print it.
    #[inline]
    pub fn id(self) -> u64 {
        self.0
    }

    /// The number `id()` returns: pointers and small ints halved (below 2**63); an
    /// inline float 2**63 + its word / 4, a range neither reaches, so an id never
    /// names two live objects.
    pub fn id_number(self) -> u128 {
        if self.is_inline_float() {
            (1u128 << 63) + (self.0 >> 2) as u128
        } else {
            (self.0 >> 1) as u128
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(i) = self.as_small() {
            write!(f, "Value(int {i})")
        } else if let Some(x) = self.as_inline_float() {
            write!(f, "Value(float {x:?})")
        } else if self.is_null() {
            write!(f, "Value(NULL)")
        } else {
            write!(f, "Value({:#x})", self.0)
        }
    }
}

impl Default for Value {
    fn default() -> Value {
        Value::NULL
    }
}

#[cfg(test)]
mod tests {
    use super::Value;

    fn roundtrip(f: f64) -> Option<f64> {
        let v = Value::try_float(f)?;
        assert!(!v.is_obj() && !v.is_small_int() && !v.is_null());
        v.as_inline_float()
    }

    #[test]
    fn inline_floats_round_trip() {
        for f in [1.5, -1.5, 0.1, 1e77, -2e-77, 3.141592653589793, 2.0f64.powi(256), f64::from_bits(0x4fff_ffff_ffff_ffff)] {
            assert_eq!(roundtrip(f).map(f64::to_bits), Some(f.to_bits()), "{f:e}");
        }
        assert_eq!(roundtrip(0.0).map(f64::to_bits), Some(0));
        assert_eq!(roundtrip(-0.0).map(f64::to_bits), Some(1 << 63));
        assert_eq!(Value::try_float(0.0).unwrap().raw(), 2);
        assert_eq!(Value::try_float(-0.0).unwrap().raw(), 6);
        let next = f64::from_bits(0x3000_0000_0000_0001);
        assert_eq!(roundtrip(next), Some(next));
    }

    #[test]
    fn out_of_range_floats_stay_boxed() {
        let lowest = f64::from_bits(0x3000_0000_0000_0000); // 2**-255, lends its word to 0.0
        for f in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN, -1e-77, 5e-324, 1e308, 1e-300, 2.0f64.powi(257), lowest, -lowest, 2.0f64.powi(-256)] {
            assert!(Value::try_float(f).is_none(), "{f:e}");
        }
    }

    #[test]
    fn every_tagged_word_decodes_in_range_or_to_a_zero() {
        for w in [2u64, 6, 10, 14, u64::MAX - 1, 1 << 63 | 2, 0x7fc0_0000_0000_0002] {
            let f = Value(w).as_inline_float().unwrap();
            assert_eq!(Value::try_float(f).map(Value::raw), Some(w), "{w:#x}");
        }
    }
}
