//! `Value`: one machine word per Python value.
//!
//! Bits, low end first:
//! - `...1`: a small int, the value shifted left by one (63-bit two's complement).
//! - `...000` and non-zero: a pointer to a heap object (`gc::Header` first).
//! - `0`: NULL, "no value": an unbound local, an empty cell, a missing optional
//!   argument. NULL never reaches Python code.
//!
//! Everything that is not a small int is a heap object, even `None`, `True` and
//! `False`, so `type(x)` is one load for any pointer. Floats are boxed for now; NaN-
//! boxing is to be measured on nbody/float/spectral_norm before it is adopted.

use crate::gc::{Header, ObjRef};

#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

/// Small ints hold 63 bits.
pub const SMALL_MAX: i64 = (1 << 62) - 1;
pub const SMALL_MIN: i64 = -(1 << 62);

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

    /// Identity, as `is` compares it and `id()` reports it.
    #[inline]
    pub fn id(self) -> u64 {
        self.0
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(i) = self.as_small() {
            write!(f, "Value(int {i})")
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
