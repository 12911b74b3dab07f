//! `str`: immutable text with code-point semantics.
//!
//! Stored as UTF-8 with the number of code points cached; ASCII strings (the common
//! case) index in O(1), others walk the UTF-8 (a per-string index for long non-ASCII
//! strings is planned; see docs/architecture.md). The hash is computed once and cached.
//!
//! Lone surrogates (U+D800..U+DFFF, which UTF-8 cannot hold): a str holding one keeps
//! its exact text in `wide` as generalized UTF-8 (each surrogate encoded on its own in
//! 3 bytes `ED A0..BF 80..BF`, never combined into a pair), and `s` holds a rendering
//! with each surrogate replaced by U+FFFD, also 3 bytes: code-point indices and byte
//! offsets of `s` and `wide` agree, so the many `as_str()` users keep working (seeing
//! U+FFFD) and only operations where the difference is observable look at `wide`.
//! Surrogate-free strings (`wide` None) pay one null check in equality and hashing.

use crate::gc::{Trace, Tracer};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;
use std::cmp::Ordering;

pub struct StrObj {
    s: Box<str>,
    /// The exact text as generalized UTF-8, only when it holds a lone surrogate.
    wide: Option<Box<Box<[u8]>>>,
    nchars: usize,
    hash: Cell<i64>,
    /// This object is the canonical interned copy of its text.
    interned: Cell<bool>,
}

impl Trace for StrObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(StrObj, "str", leaf);

/// The 3-byte generalized UTF-8 sequence of a surrogate starts at `b[i]`.
#[inline]
fn surrogate_at(b: &[u8], i: usize) -> bool {
    b[i] == 0xed && i + 2 < b.len() && b[i + 1] >= 0xa0
}

/// Appends code point `cp` (any value below 0x110000, surrogates included) to
/// generalized UTF-8 `out`; larger values are ignored.
pub fn push_code_point(out: &mut Vec<u8>, cp: u32) {
    match char::from_u32(cp) {
        Some(c) => {
            let mut b = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
        }
        None if (0xd800..0xe000).contains(&cp) => {
            out.extend_from_slice(&[0xed, 0xa0 | ((cp >> 6) & 0x1f) as u8, 0x80 | (cp & 0x3f) as u8]);
        }
        None => {}
    }
}

/// The code points of generalized UTF-8 `b` (as built by this module).
pub fn code_points(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let c = *b.get(i)?;
        let (n, init) = match c {
            0..=0x7f => (1, u32::from(c)),
            0xc0..=0xdf => (2, u32::from(c & 0x1f)),
            0xe0..=0xef => (3, u32::from(c & 0x0f)),
            _ => (4, u32::from(c & 0x07)),
        };
        let end = (i + n).min(b.len());
        let cp = b[i + 1..end].iter().fold(init, |acc, x| (acc << 6) | u32::from(x & 0x3f));
        i = end;
        Some(cp)
    })
}

/// The valid UTF-8 rendering of generalized UTF-8 `b`: each surrogate becomes U+FFFD
/// (any other invalid byte too, which our builders never produce).
fn lossy(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len());
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if surrogate_at(b, i) {
            out.push_str(&String::from_utf8_lossy(&b[start..i]));
            out.push('\u{fffd}');
            i += 3;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&String::from_utf8_lossy(&b[start..]));
    out
}

/// Whether generalized UTF-8 `b` holds a surrogate.
pub fn has_surrogate(b: &[u8]) -> bool {
    (0..b.len()).any(|i| surrogate_at(b, i))
}

impl StrObj {
    pub fn new(s: &str) -> StrObj {
        StrObj { nchars: s.chars().count(), s: s.into(), wide: None, hash: Cell::new(-1), interned: Cell::new(false) }
    }

    pub fn from_string(s: String) -> StrObj {
        StrObj { nchars: s.chars().count(), s: s.into_boxed_str(), wide: None, hash: Cell::new(-1), interned: Cell::new(false) }
    }

    /// A str from generalized UTF-8 (surrogates allowed).
    pub fn from_wtf8(b: Vec<u8>) -> StrObj {
        if !has_surrogate(&b) {
            return match String::from_utf8(b) {
                Ok(s) => StrObj::from_string(s),
                Err(e) => StrObj::from_string(String::from_utf8_lossy(e.as_bytes()).into_owned()),
            };
        }
        let mut o = StrObj::from_string(lossy(&b));
        o.wide = Some(Box::new(b.into_boxed_slice()));
        o
    }

    /// A str from its U+FFFD rendering `s` and exact text `wide` (as [`StrBuilder`] holds them).
    fn from_parts(s: String, wide: Vec<u8>) -> StrObj {
        let mut o = StrObj::from_string(s);
        if has_surrogate(&wide) {
            o.wide = Some(Box::new(wide.into_boxed_slice()));
        }
        o
    }

    /// A copy of `other`'s text (surrogates included).
    pub fn copy_of(other: &StrObj) -> StrObj {
        match other.surrogates() {
            Some(b) => StrObj::from_wtf8(b.to_vec()),
            None => StrObj::new(other.as_str()),
        }
    }

    pub fn is_interned(&self) -> bool {
        self.interned.get()
    }

    pub fn mark_interned(&self) {
        self.interned.set(true)
    }

    /// The text; a lone surrogate shows as U+FFFD (see the module comment).
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// The exact text as generalized UTF-8 when it holds a lone surrogate.
    #[inline]
    pub fn surrogates(&self) -> Option<&[u8]> {
        self.wide.as_deref().map(|b| &b[..])
    }

    /// The exact text as generalized UTF-8 (UTF-8 when surrogate-free).
    #[inline]
    pub fn wtf8(&self) -> &[u8] {
        match &self.wide {
            Some(b) => b,
            None => self.s.as_bytes(),
        }
    }

    /// Same text (code point by code point).
    #[inline]
    pub fn text_eq(&self, other: &StrObj) -> bool {
        self.s == other.s && (self.wide.is_none() && other.wide.is_none() || self.wtf8() == other.wtf8())
    }

    /// Code-point order (generalized UTF-8 sorts as its code points do).
    #[inline]
    pub fn text_cmp(&self, other: &StrObj) -> Ordering {
        if self.wide.is_none() && other.wide.is_none() {
            return self.s.cmp(&other.s);
        }
        self.wtf8().cmp(other.wtf8())
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
        let h = match self.surrogates() {
            None => crate::hash::hash_str(&self.s),
            Some(b) => crate::hash::hash_code_points(&code_points(b).collect::<Vec<u32>>()),
        };
        self.hash.set(h);
        h
    }

    /// The code point at index `i` (0 <= i < len); a lone surrogate shows as U+FFFD.
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.s.as_bytes()[i] as char
        } else {
            self.s.chars().nth(i).expect("index in range")
        }
    }

    /// The code point at index `i` (0 <= i < len), surrogates included.
    pub fn code_point_at(&self, i: usize) -> u32 {
        let c = self.char_at(i);
        match self.surrogates() {
            Some(b) if c == '\u{fffd}' => code_points(&b[self.byte_offset(i)..]).next().unwrap_or(0xfffd),
            _ => c as u32,
        }
    }

    /// All code points, surrogates included.
    pub fn code_points(&self) -> Vec<u32> {
        code_points(self.wtf8()).collect()
    }

    /// Byte offset of code point index `i` (i <= len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }

    /// The byte range of code points `start..end`.
    fn byte_range(&self, start: usize, end: usize) -> (usize, usize) {
        let a = self.byte_offset(start);
        let b = if self.is_ascii() { end } else { a + self.s[a..].char_indices().nth(end - start).map(|(b, _)| b).unwrap_or(self.s.len() - a) };
        (a, b)
    }

    /// The substring of code points `start..end` (surrogates shown as U+FFFD).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let (a, b) = self.byte_range(start, end);
        &self.s[a..b]
    }

    /// The exact text (generalized UTF-8) that `sub`, a slice of `self.as_str()`,
    /// renders: the same byte range of `wtf8()`.
    pub fn wtf8_of<'a>(&'a self, sub: &'a str) -> &'a [u8] {
        if sub.is_empty() {
            return &[];
        }
        let start = (sub.as_ptr() as usize).wrapping_sub(self.s.as_ptr() as usize);
        debug_assert!(start + sub.len() <= self.s.len(), "wtf8_of: not a slice of this str");
        self.wtf8().get(start..start + sub.len()).unwrap_or(sub.as_bytes())
    }

    /// The substring of code points `start..end` as generalized UTF-8.
    pub fn slice_wtf8(&self, start: usize, end: usize) -> &[u8] {
        let (a, b) = self.byte_range(start, end);
        &self.wtf8()[a..b]
    }
}

/// The text of a str value (any str subclass included); a lone surrogate shows as U+FFFD.
#[inline]
pub fn as_str(v: Value) -> Option<&'static str> {
    v.downcast::<StrObj>().map(|s| s.as_str())
}

/// The exact text of a str value as generalized UTF-8.
pub fn as_wtf8(v: Value) -> Option<&'static [u8]> {
    v.downcast::<StrObj>().map(|s| s.wtf8())
}

/// Whether `a` and `b` are strs with the same text.
pub fn text_eq(a: Value, b: Value) -> bool {
    match (a.downcast::<StrObj>(), b.downcast::<StrObj>()) {
        (Some(x), Some(y)) => x.text_eq(y),
        _ => false,
    }
}

/// Whether `v` is a str holding a lone surrogate.
pub fn has_surrogates(v: Value) -> bool {
    v.downcast::<StrObj>().is_some_and(|s| s.surrogates().is_some())
}

/// The text of str `v` for an error report: each lone surrogate written as a
/// `\ud800`-style escape, as the standard error stream's 'backslashreplace'
/// handler writes them.
pub fn report_text(v: Value) -> String {
    let Some(so) = v.downcast::<StrObj>() else { return String::new() };
    let Some(b) = so.surrogates() else { return so.as_str().to_string() };
    let mut out = String::with_capacity(b.len());
    for cp in code_points(b) {
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None => out.push_str(&format!("\\u{cp:04x}")),
        }
    }
    out
}

/// Builds a str piece by piece, lone surrogates included. `s` gets the U+FFFD
/// rendering; once a surrogate arrives `wide` holds the exact text (until then
/// the two are the same bytes, so it starts as a copy of `s`). Surrogate-free
/// pieces cost one branch over pushing to a `String`.
#[derive(Default)]
pub struct StrBuilder {
    s: String,
    wide: Option<Vec<u8>>,
}

impl StrBuilder {
    pub fn with_capacity(n: usize) -> StrBuilder {
        StrBuilder { s: String::with_capacity(n), wide: None }
    }

    /// The exact buffer, made on the first surrogate.
    fn wide(&mut self) -> &mut Vec<u8> {
        let s = &self.s;
        self.wide.get_or_insert_with(|| s.as_bytes().to_vec())
    }

    /// Appends surrogate-free text.
    pub fn push_str(&mut self, t: &str) {
        self.s.push_str(t);
        if let Some(w) = &mut self.wide {
            w.extend_from_slice(t.as_bytes());
        }
    }

    /// Appends code point `cp` (< 0x110000, surrogates included) `n` times.
    pub fn push_code_point_n(&mut self, cp: u32, n: usize) {
        if n == 0 {
            return;
        }
        match char::from_u32(cp) {
            Some(c) => {
                self.s.extend(std::iter::repeat_n(c, n));
                if let Some(w) = &mut self.wide {
                    let mut b = [0u8; 4];
                    let t = c.encode_utf8(&mut b).as_bytes();
                    for _ in 0..n {
                        w.extend_from_slice(t);
                    }
                }
            }
            None => {
                let w = self.wide();
                for _ in 0..n {
                    push_code_point(w, cp);
                }
                for _ in 0..n {
                    self.s.push('\u{fffd}');
                }
            }
        }
    }

    /// Appends generalized UTF-8 `b` (as `StrObj::wtf8` gives) whose U+FFFD
    /// rendering is `lossy_view` (the same bytes when it holds no surrogate).
    fn push_rendered(&mut self, lossy_view: &str, b: &[u8]) {
        if self.wide.is_none() && lossy_view.as_bytes() == b {
            self.s.push_str(lossy_view);
            return;
        }
        self.wide().extend_from_slice(b);
        self.s.push_str(lossy_view);
    }

    /// Appends the text of `so`.
    pub fn push_obj(&mut self, so: &StrObj) {
        match so.surrogates() {
            None => self.push_str(so.as_str()),
            Some(b) => self.push_rendered(so.as_str(), b),
        }
    }

    /// Appends the text of str value `v` (nothing for a non-str).
    pub fn push_value(&mut self, v: Value) {
        if let Some(so) = v.downcast::<StrObj>() {
            self.push_obj(so);
        }
    }

    /// Appends the text `sub` stands for, `sub` being a slice of `so.as_str()`.
    pub fn push_slice_of(&mut self, so: &StrObj, sub: &str) {
        match so.surrogates() {
            None => self.push_str(sub),
            Some(_) => self.push_rendered(sub, so.wtf8_of(sub)),
        }
    }

    /// Appends the first `n` code points of `so`.
    pub fn push_prefix(&mut self, so: &StrObj, n: usize) {
        let end = so.byte_offset(n.min(so.len()));
        self.push_slice_of(so, &so.as_str()[..end]);
    }

    pub fn finish(self, vm: &mut Vm) -> Value {
        match self.wide {
            None => new_str(vm, self.s),
            Some(w) => {
                let ty = vm.t.str;
                vm.alloc(ty, StrObj::from_parts(self.s, w))
            }
        }
    }
}

/// A str of `text` in which each U+FFFD stands for the code point `next()`
/// gives (in order).
pub fn fill_fffd(vm: &mut Vm, text: &str, mut next: impl FnMut() -> u32) -> Value {
    let mut b = StrBuilder::with_capacity(text.len());
    for piece in text.split_inclusive('\u{fffd}') {
        match piece.strip_suffix('\u{fffd}') {
            Some(before) => {
                b.push_str(before);
                b.push_code_point_n(next(), 1);
            }
            None => b.push_str(piece),
        }
    }
    b.finish(vm)
}

/// The str of `out`, made from the U+FFFD rendering of `so` by a function that
/// keeps each U+FFFD as one U+FFFD, in order, and makes no other (case mapping,
/// `expandtabs`, `zfill`: a lone surrogate has the properties of U+FFFD there):
/// the k-th U+FFFD of `out` stands for the k-th U+FFFD or surrogate of `so`.
pub fn restore_surrogates(vm: &mut Vm, so: &StrObj, out: String) -> Value {
    match so.surrogates() {
        None => new_str(vm, out),
        Some(_) => new_str_wtf8(vm, restore_wtf8(so, &out)),
    }
}

/// The exact text (generalized UTF-8) of `out` as [`restore_surrogates`] finds it.
pub fn restore_wtf8(so: &StrObj, out: &str) -> Vec<u8> {
    let mut sources = code_points(so.wtf8()).filter(|&cp| cp == 0xfffd || (0xd800..0xe000).contains(&cp));
    let mut b = Vec::with_capacity(out.len());
    for c in out.chars() {
        match c {
            '\u{fffd}' => push_code_point(&mut b, sources.next().unwrap_or(0xfffd)),
            c => b.extend_from_slice(c.encode_utf8(&mut [0u8; 4]).as_bytes()),
        }
    }
    b
}

/// The concatenation of str values (an f-string's parts).
pub fn concat(vm: &mut Vm, parts: impl Iterator<Item = Value> + Clone) -> Value {
    let n = parts.clone().map(|v| as_str(v).map_or(0, str::len)).sum();
    let mut b = StrBuilder::with_capacity(n);
    for v in parts {
        b.push_value(v);
    }
    b.finish(vm)
}

/// A new str holding the text `sub` stands for, `sub` being a slice of `so.as_str()`.
pub fn slice_value(vm: &mut Vm, so: &StrObj, sub: &str) -> Value {
    match so.surrogates() {
        None => alloc_str(vm, sub),
        Some(_) => new_str_wtf8(vm, so.wtf8_of(sub).to_vec()),
    }
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

/// A new exact str from generalized UTF-8 (lone surrogates allowed).
pub fn new_str_wtf8(vm: &mut Vm, b: Vec<u8>) -> Value {
    if b.is_empty() && !vm.empty_str.is_null() {
        return vm.empty_str;
    }
    let ty = vm.t.str;
    vm.alloc(ty, StrObj::from_wtf8(b))
}

/// A new exact str from valid UTF-8 `text` in which each `(byte offset, surrogate)`
/// marks a U+FFFD standing for that lone surrogate (how decoders build their output).
pub fn from_marked(vm: &mut Vm, text: String, surrogates: &[(usize, u32)]) -> Value {
    if surrogates.is_empty() {
        return new_str(vm, text);
    }
    let mut b = text.into_bytes();
    for &(at, cp) in surrogates {
        if b.get(at..at + 3) == Some("\u{fffd}".as_bytes()) {
            let mut enc = Vec::with_capacity(3);
            push_code_point(&mut enc, cp);
            b[at..at + 3].copy_from_slice(&enc);
        }
    }
    new_str_wtf8(vm, b)
}

/// A new exact str from code points (lone surrogates allowed; all below 0x110000).
pub fn from_code_points(vm: &mut Vm, cps: &[u32]) -> Value {
    let mut b = Vec::with_capacity(cps.len());
    for &cp in cps {
        push_code_point(&mut b, cp);
    }
    new_str_wtf8(vm, b)
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

/// A one-character str for code point `cp` (< 0x110000, surrogates included).
pub fn code_point_str(vm: &mut Vm, cp: u32) -> Value {
    match char::from_u32(cp) {
        Some(c) => char_str(vm, c),
        None => from_code_points(vm, &[cp]),
    }
}

/// The str at index `i` of `so` (surrogates included).
pub fn char_value_at(vm: &mut Vm, so: &StrObj, i: usize) -> Value {
    if so.surrogates().is_none() {
        return char_str(vm, so.char_at(i));
    }
    let cp = so.code_point_at(i);
    code_point_str(vm, cp)
}

/// Bytes from the OS as a str: UTF-8 with undecodable bytes as U+DC80..U+DCFF
/// (the file system encoding with 'surrogateescape', as `os.fsdecode`).
pub fn fs_decode(vm: &mut Vm, b: &[u8]) -> Value {
    if let Ok(s) = std::str::from_utf8(b) {
        return alloc_str(vm, s);
    }
    let mut out = Vec::with_capacity(b.len() + 8);
    for chunk in b.utf8_chunks() {
        out.extend_from_slice(chunk.valid().as_bytes());
        for &x in chunk.invalid() {
            push_code_point(&mut out, 0xdc00 + u32::from(x));
        }
    }
    new_str_wtf8(vm, out)
}

