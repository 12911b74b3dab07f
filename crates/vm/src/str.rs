//! `str`: immutable text with code-point semantics.
//!
//! Stored as UTF-8 with the number of code points cached; ASCII strings (the common
//! case) index in O(1), others walk the UTF-8 (a per-string index for long non-ASCII
//! strings is planned; see docs/architecture.md). Lone surrogates cannot be
//! represented yet (docs/compat.md). The hash is computed once and cached.

use crate::gc::{Trace, Tracer};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

pub struct StrObj {
    s: Box<str>,
    nchars: usize,
    hash: Cell<i64>,
    /// This object is the canonical interned copy of its text.
    interned: Cell<bool>,
}

impl Trace for StrObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(StrObj, "str", leaf);

impl StrObj {
    pub fn new(s: &str) -> StrObj {
        StrObj { nchars: s.chars().count(), s: s.into(), hash: Cell::new(-1), interned: Cell::new(false) }
    }

    pub fn from_string(s: String) -> StrObj {
        StrObj { nchars: s.chars().count(), s: s.into_boxed_str(), hash: Cell::new(-1), interned: Cell::new(false) }
    }

    pub fn is_interned(&self) -> bool {
        self.interned.get()
    }

    pub fn mark_interned(&self) {
        self.interned.set(true)
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Length in code points.
    #[inline]
    pub fn len(&self) -> usize {
        self.nchars
    }

    pub fn is_empty(&self) -> bool {
        self.nchars == 0
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = crate::hash::hash_str(&self.s);
        self.hash.set(h);
        h
    }

    /// The code point at index `i` (0 <= i < len).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.s.as_bytes()[i] as char
        } else {
            self.s.chars().nth(i).expect("index in range")
        }
    }

    /// Byte offset of code point index `i` (i <= len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }

    /// The substring of code points `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let a = self.byte_offset(start);
        let b = if self.is_ascii() { end } else { a + self.s[a..].char_indices().nth(end - start).map(|(b, _)| b).unwrap_or(self.s.len() - a) };
        &self.s[a..b]
    }
}

/// The text of a str value (any str subclass included).
#[inline]
pub fn as_str(v: Value) -> Option<&'static str> {
    v.downcast::<StrObj>().map(|s| s.as_str())
}

/// A new exact str.
pub fn alloc_str(vm: &mut Vm, s: &str) -> Value {
    if s.is_empty() && !vm.empty_str.is_null() {
        return vm.empty_str;
    }
    let ty = vm.t.str;
    vm.alloc(ty, StrObj::new(s))
}

pub fn new_str(vm: &mut Vm, s: String) -> Value {
    if s.is_empty() && !vm.empty_str.is_null() {
        return vm.empty_str;
    }
    let ty = vm.t.str;
    vm.alloc(ty, StrObj::from_string(s))
}

/// A one-character str (ASCII ones come from the intern table).
pub fn char_str(vm: &mut Vm, c: char) -> Value {
    if c.is_ascii() {
        let mut b = [0u8; 4];
        vm.intern(c.encode_utf8(&mut b))
    } else {
        new_str(vm, c.to_string())
    }
}
