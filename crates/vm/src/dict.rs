//! `dict`: the compact, insertion-ordered hash table (CPython 3.6+'s design): a
//! sparse index table of `i32` pointing into a dense entry vector.
//!
//! Invariants: `indices.len()` is a power of two with at least one EMPTY slot;
//! a deleted entry keeps its place in `entries` with a NULL key until the next
//! resize; `used` counts live entries. No `RefCell` borrow of the table is held while
//! Python code runs (`__eq__`, `__hash__`): lookups drop the borrow around the call
//! and restart if the table changed meanwhile.

use crate::gc::{Trace, Tracer};
use crate::object::PyResult;
use crate::payload;
use crate::str::StrObj;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const MIN_SIZE: usize = 8;

#[derive(Copy, Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// The sparse index table. A table of `MIN_SIZE` slots (at most 5 entries: most
/// instance dicts, keyword dicts and small literals) keeps it inline as bytes, so
/// such a dict owns one Rust-heap block (its entries) instead of two: one malloc
/// and one free fewer per short-lived dict.
enum Indices {
    Small([i8; MIN_SIZE]),
    Large(Box<[i32]>),
}

impl Default for Indices {
    fn default() -> Self {
        Indices::Large(Box::new([]))
    }
}

impl Indices {
    fn new(size: usize) -> Indices {
        if size == MIN_SIZE {
            Indices::Small([EMPTY as i8; MIN_SIZE])
        } else {
            Indices::Large(vec![EMPTY; size].into_boxed_slice())
        }
    }

    #[inline]
    fn len(&self) -> usize {
        match self {
            Indices::Small(a) => a.len(),
            Indices::Large(b) => b.len(),
        }
    }

    #[inline]
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    fn get(&self, slot: usize) -> i32 {
        match self {
            Indices::Small(a) => a[slot] as i32,
            Indices::Large(b) => b[slot],
        }
    }

    /// `ix` is EMPTY, DUMMY or an entry index (below `MIN_SIZE` in a small table).
    #[inline]
    fn set(&mut self, slot: usize, ix: i32) {
        match self {
            Indices::Small(a) => a[slot] = ix as i8,
            Indices::Large(b) => b[slot] = ix,
        }
    }
}

#[derive(Default)]
pub struct Table {
    indices: Indices,
    pub entries: Vec<Entry>,
    pub used: usize,
    /// Names the set of keys: a fresh number from a global counter whenever a key is
    /// added or removed (0 for a table that never had keys), so equal versions mean
    /// equal key sets even across dicts. Inline caches use it to remember that a
    /// name is absent (a global shadowing a builtin).
    pub keys_version: u64,
    /// An instance `__dict__`: its key sets are shared shapes (see `shape_after`).
    pub shaped: bool,
}

/// The `dict` type object's bits (set by `types::init`): inline caches, which have
/// no `&Vm`, tell exact dicts from subclass instances with it.
static EXACT_TYPE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

pub fn set_exact_type(ty: Value) {
    EXACT_TYPE.store(ty.raw(), std::sync::atomic::Ordering::Relaxed);
}

/// Whether `d` is an instance of exactly `dict` (not of a subclass).
pub fn is_exact(d: Value) -> bool {
    d.header().is_some_and(|h| h.ty.get().raw() == EXACT_TYPE.load(std::sync::atomic::Ordering::Relaxed))
}

static NEXT_KEYS_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn fresh_keys_version() -> u64 {
    NEXT_KEYS_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Instance dicts past this many keys get fresh versions (no shape is shared).
const MAX_SHAPE_KEYS: usize = 48;

/// Mixes a (keys version, key address) pair for the shape transition table.
#[derive(Default)]
struct ShapeHasher(u64);
impl std::hash::Hasher for ShapeHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("shape keys hash as u64s")
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(26) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

thread_local! {
    /// Shape transitions: (keys version, str key) -> keys version after appending
    /// that key. Keys are compared by identity: an entry whose key has died can
    /// only be reached again by a new object at the same address, and then no dict
    /// of the old shape is alive to disagree.
    static SHAPES: RefCell<std::collections::HashMap<(u64, u64), u64, std::hash::BuildHasherDefault<ShapeHasher>>> =
        RefCell::new(Default::default());
}

/// The keys version of a dict of shape `from` after appending `key`: the same
/// number for every instance dict that receives the same names in the same order,
/// so a version names a hidden class (key set and entry positions) and inline
/// caches keyed by it serve all instances of that shape.
fn shape_after(from: u64, key: Value) -> u64 {
    SHAPES.with(|m| *m.borrow_mut().entry((from, key.raw())).or_insert_with(fresh_keys_version))
}

pub struct DictObj {
    pub table: RefCell<Table>,
    /// Bumped on every mutation: iterators detect changes, caches key on it.
    pub version: Cell<u64>,
    /// A subtype's extra field (defaultdict's `default_factory`); NULL otherwise.
    pub extra: Cell<Value>,
}

impl Trace for DictObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.extra.get());
        if let Ok(tb) = self.table.try_borrow() {
            for e in &tb.entries {
                t.value(e.key);
                t.value(e.value);
            }
        } else {
            t.poisoned_borrow = true;
        }
    }
}
payload!(DictObj, "dict");

impl DictObj {
    pub fn new() -> DictObj {
        DictObj { table: RefCell::new(Table::default()), version: Cell::new(0), extra: Cell::new(Value::NULL) }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn bump(&self) {
        self.version.set(self.version.get().wrapping_add(1));
    }

    /// Live (key, value) pairs in order, copied out.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table.borrow().entries.iter().filter(|e| !e.key.is_null()).map(|e| (e.key, e.value)).collect()
    }

    /// The live entry at or after dense position `pos`, and the next position.
    pub fn entry_from(&self, mut pos: usize) -> Option<(usize, Value, Value)> {
        let t = self.table.borrow();
        while pos < t.entries.len() {
            let e = t.entries[pos];
            if !e.key.is_null() {
                return Some((pos + 1, e.key, e.value));
            }
            pos += 1;
        }
        None
    }

    pub fn clear(&self) {
        let mut t = self.table.borrow_mut();
        let shaped = t.shaped;
        *t = Table { shaped, ..Table::default() };
        drop(t);
        self.bump();
    }
}

impl Default for DictObj {
    fn default() -> Self {
        DictObj::new()
    }
}

pub fn new_dict(vm: &mut Vm) -> Value {
    let ty = vm.t.dict;
    vm.alloc(ty, DictObj::new())
}

/// A new instance `__dict__`, whose key sets are shared shapes.
pub fn new_instance_dict(vm: &mut Vm) -> Value {
    let d = DictObj::new();
    d.table.borrow_mut().shaped = true;
    let ty = vm.t.dict;
    vm.alloc(ty, d)
}

pub fn dobj(d: Value) -> &'static DictObj {
    d.downcast::<DictObj>().expect("not a dict")
}

/// Equality that needs no Python code: identity, and exact ints and strs.
fn fast_eq(a: Value, b: Value) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    if let (Some(x), Some(y)) = (a.downcast::<StrObj>(), b.downcast::<StrObj>()) {
        return Some(x.text_eq(y));
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    None
}

impl Table {
    fn probe(&self, hash: i64) -> impl Iterator<Item = usize> + '_ {
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut first = true;
        std::iter::from_fn(move || {
            if !first {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
            first = false;
            Some(i)
        })
    }

    /// Slot search by identity and `fast_eq` only; `Err(entry)` names the first entry
    /// whose equality needs Python code.
    fn find_fast(&self, key: Value, hash: i64, skip_below: usize) -> Result<Option<usize>, usize> {
        if self.indices.is_empty() {
            return Ok(None);
        }
        for (n, slot) in self.probe(hash).enumerate() {
            let ix = self.indices.get(slot);
            if ix == EMPTY {
                return Ok(None);
            }
            if ix >= 0 && n >= skip_below {
                let e = &self.entries[ix as usize];
                if e.key == key {
                    return Ok(Some(ix as usize));
                }
                if e.hash == hash {
                    match fast_eq(e.key, key) {
                        Some(true) => return Ok(Some(ix as usize)),
                        Some(false) => {}
                        None => return Err(n),
                    }
                }
            }
        }
        unreachable!("the index table always has an empty slot")
    }

    fn free_slot(&self, hash: i64) -> usize {
        self.probe(hash).find(|s| self.indices.get(*s) < 0).expect("free slot")
    }

    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size * 2 < min_used * 3 {
            size *= 2;
        }
        self.entries.retain(|e| !e.key.is_null());
        self.keys_version = fresh_keys_version();
        self.indices = Indices::new(size);
        if self.entries.capacity() == 0 {
            // A fresh table: one allocation of the likely size (growing from empty
            // goes through `Vec`'s generic growth path).
            self.entries = Vec::with_capacity(min_used.max(4));
        }
        for (ix, e) in self.entries.iter().enumerate() {
            let s = self.free_slot(e.hash);
            self.indices.set(s, ix as i32);
        }
    }

    fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        // Positions follow insertion order only while no entry has been deleted.
        let shared_shape = self.shaped && self.entries.len() == self.used && self.used < MAX_SHAPE_KEYS && key.is::<StrObj>();
        let from = self.keys_version;
        self.push_entry(hash, key, value);
        self.keys_version = if shared_shape { shape_after(from, key) } else { fresh_keys_version() };
    }

    /// Adds an entry for a key known to be absent; the caller sets `keys_version`.
    fn push_entry(&mut self, hash: i64, key: Value, value: Value) {
        if self.indices.is_empty() || (self.entries.len() + 1) * 3 > self.indices.len() * 2 {
            self.resize(self.used + 1);
        }
        let s = self.free_slot(hash);
        self.indices.set(s, self.entries.len() as i32);
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
    }

    fn remove_at(&mut self, ix: usize) -> Entry {
        let e = self.entries[ix];
        let slot = self.probe(e.hash).find(|s| self.indices.get(*s) == ix as i32).expect("indexed entry");
        self.indices.set(slot, DUMMY);
        self.entries[ix].key = Value::NULL;
        self.entries[ix].value = Value::NULL;
        self.used -= 1;
        self.keys_version = fresh_keys_version();
        e
    }
}

/// The dense index of `key`'s entry, calling `__eq__` where needed.
pub fn find(vm: &mut Vm, d: &DictObj, key: Value, hash: i64) -> PyResult<Option<usize>> {
    let mut skip = 0;
    loop {
        let (cand, version) = {
            let t = d.table.borrow();
            match t.find_fast(key, hash, skip) {
                Ok(r) => return Ok(r),
                Err(n) => {
                    let slot = t.probe(hash).nth(n).unwrap();
                    (t.entries[t.indices.get(slot) as usize].key, n)
                }
            }
        };
        let before = d.version.get();
        let eq = crate::ops::eq(vm, cand, key)?;
        if d.version.get() != before {
            skip = 0;
            continue;
        }
        if eq {
            let t = d.table.borrow();
            let slot = t.probe(hash).nth(version).unwrap();
            return Ok(Some(t.indices.get(slot) as usize));
        }
        skip = version + 1;
    }
}

pub fn get_item(vm: &mut Vm, d: Value, key: Value) -> PyResult<Option<Value>> {
    let h = crate::hash::hash(vm, key)?;
    get_item_hashed(vm, d, key, h)
}

pub fn get_item_hashed(vm: &mut Vm, d: Value, key: Value, h: i64) -> PyResult<Option<Value>> {
    let o = dobj(d);
    Ok(find(vm, o, key, h)?.map(|ix| o.table.borrow().entries[ix].value))
}

/// Lookup of a str key without running Python code (namespaces, kwargs). Keys that
/// are not exact strs never match.
pub fn get_str(d: Value, key: Value) -> Option<Value> {
    let s = key.downcast::<StrObj>()?;
    let h = s.hash();
    let t = dobj(d).table.borrow();
    if t.indices.is_empty() {
        return None;
    }
    for slot in t.probe(h) {
        let ix = t.indices.get(slot);
        if ix == EMPTY {
            return None;
        }
        if ix >= 0 {
            let e = &t.entries[ix as usize];
            if e.key == key {
                return Some(e.value);
            }
            if e.hash == h {
                if let Some(k) = e.key.downcast::<StrObj>() {
                    if k.text_eq(s) {
                        return Some(e.value);
                    }
                }
            }
        }
    }
    None
}

/// The dense index of the entry whose key is `key` itself (an interned name), for
/// inline caches; equal but distinct str keys are not found.
pub fn index_of_name(d: Value, key: Value) -> Option<usize> {
    let s = key.downcast::<StrObj>()?;
    let t = dobj(d).table.borrow();
    let found = t.find_fast(key, s.hash(), 0).ok().flatten()?;
    (t.entries[found].key == key).then_some(found)
}

/// The value at dense index `hint` if that entry's key is `key` itself: an inline
/// cache's check that its remembered position still holds the name.
#[inline]
pub fn value_at_hint(d: Value, hint: usize, key: Value) -> Option<Value> {
    let t = dobj(d).table.borrow();
    match t.entries.get(hint) {
        Some(e) if e.key == key => Some(e.value),
        _ => None,
    }
}

#[inline]
pub fn keys_version(d: Value) -> u64 {
    dobj(d).table.borrow().keys_version
}

/// The value at dense index `ix` of dict `d` (NULL: none) if its keys version is
/// `shape`: an inline cache's check that an instance dict has the shape it saw.
#[inline]
pub fn value_if_shape(d: Value, shape: u64, ix: usize) -> Option<Value> {
    let t = d.downcast::<DictObj>()?.table.borrow();
    if t.keys_version != shape {
        return None;
    }
    t.entries.get(ix).map(|e| e.value)
}

/// Stores `value` at dense index `ix` if `d`'s keys version is `shape`.
#[inline]
pub fn store_if_shape(d: Value, shape: u64, ix: usize, value: Value) -> bool {
    let Some(o) = d.downcast::<DictObj>() else { return false };
    let mut t = o.table.borrow_mut();
    if t.keys_version != shape {
        return false;
    }
    match t.entries.get_mut(ix) {
        Some(e) => {
            e.value = value;
            drop(t);
            o.bump();
            true
        }
        None => false,
    }
}

/// Appends the str `key` (absent from `d`, which has shape `shape`), as an inline
/// cache that saw this store before knows it becomes shape `to` at index `ix`.
pub fn append_if_shape(d: Value, shape: u64, ix: usize, key: Value, value: Value, to: u64) -> bool {
    let Some(o) = d.downcast::<DictObj>() else { return false };
    let Some(s) = key.downcast::<StrObj>() else { return false };
    let mut t = o.table.borrow_mut();
    if t.keys_version != shape || t.entries.len() != ix {
        return false;
    }
    t.push_entry(s.hash(), key, value);
    t.keys_version = to;
    drop(t);
    o.bump();
    true
}

/// The shape an instance dict of shape `from` takes when `key` is appended, if
/// some dict took that step already.
pub fn shape_transition(from: u64, key: Value) -> Option<u64> {
    SHAPES.with(|m| m.borrow().get(&(from, key.raw())).copied())
}

pub fn get_item_str(vm: &mut Vm, d: Value, key: &str) -> PyResult<Option<Value>> {
    let k = vm.intern(key);
    Ok(get_str(d, k))
}

pub fn set_item(vm: &mut Vm, d: Value, key: Value, value: Value) -> PyResult<()> {
    let h = crate::hash::hash(vm, key)?;
    set_item_hashed(vm, d, key, h, value)
}

pub fn set_item_hashed(vm: &mut Vm, d: Value, key: Value, h: i64, value: Value) -> PyResult<()> {
    let o = dobj(d);
    match find(vm, o, key, h)? {
        Some(ix) => o.table.borrow_mut().entries[ix].value = value,
        None => o.table.borrow_mut().insert_new(h, key, value),
    }
    o.bump();
    Ok(())
}

/// `d.setdefault(key, default)` with one lookup: the value, inserting `default`
/// when the key is missing.
pub fn setdefault_hashed(vm: &mut Vm, d: Value, key: Value, h: i64, default: Value) -> PyResult<Value> {
    let o = dobj(d);
    if let Some(ix) = find(vm, o, key, h)? {
        return Ok(o.table.borrow().entries[ix].value);
    }
    o.table.borrow_mut().insert_new(h, key, default);
    o.bump();
    Ok(default)
}

pub fn set_item_str(vm: &mut Vm, d: Value, key: &str, value: Value) -> PyResult<()> {
    let k = vm.intern(key);
    set_item(vm, d, k, value)
}

/// Removes `key`; returns its value, or None if it was missing.
pub fn pop_item(vm: &mut Vm, d: Value, key: Value) -> PyResult<Option<Value>> {
    let h = crate::hash::hash(vm, key)?;
    pop_item_hashed(vm, d, key, h)
}

/// `pop_item` of a key whose hash is `h`.
pub fn pop_item_hashed(vm: &mut Vm, d: Value, key: Value, h: i64) -> PyResult<Option<Value>> {
    let o = dobj(d);
    match find(vm, o, key, h)? {
        Some(ix) => {
            let e = o.table.borrow_mut().remove_at(ix);
            o.bump();
            Ok(Some(e.value))
        }
        None => Ok(None),
    }
}

pub fn del_item_str(vm: &mut Vm, d: Value, key: &str) -> PyResult<bool> {
    let k = vm.intern(key);
    Ok(pop_item(vm, d, k)?.is_some())
}

/// Whether `d` (a dict) iterates as dict does: exact, or a subclass that keeps
/// dict's `__iter__` (CPython's fast paths test `tp_iter == dict_iter`); others,
/// such as OrderedDict, are copied and merged in their own order.
pub fn iterates_as_dict(vm: &mut Vm, d: Value) -> bool {
    let t = vm.type_of(d);
    t == vm.t.dict || {
        let dict_t = vm.t.dict;
        crate::typeobj::lookup_str(vm, t, "__iter__") == crate::typeobj::lookup_str(vm, dict_t, "__iter__")
    }
}

/// A shallow copy of any dict (subclasses included) as an exact dict.
pub fn copy(vm: &mut Vm, d: Value) -> PyResult<Value> {
    let n = new_dict(vm);
    let Some(src) = d.downcast::<DictObj>().filter(|_| iterates_as_dict(vm, d)) else {
        crate::dict_methods::update_from(vm, n, d)?;
        return Ok(n);
    };
    let t = src.table.borrow();
    let mut copy = Table::default();
    copy.resize(t.used.max(1));
    for e in t.entries.iter().filter(|e| !e.key.is_null()) {
        copy.insert_new(e.hash, e.key, e.value);
    }
    drop(t);
    *dobj(n).table.borrow_mut() = copy;
    Ok(n)
}

/// The live entries of `d` as (key, value, stored hash), with a tuple holding
/// every key and value: callers that run Python code (a key's `__eq__`) while
/// walking the copy keep the tuple alive, so a mutation of `d` frees nothing.
pub fn entries_hashed(vm: &mut Vm, d: Value) -> (Vec<(Value, Value, i64)>, Value) {
    let entries: Vec<(Value, Value, i64)> =
        dobj(d).table.borrow().entries.iter().filter(|e| !e.key.is_null()).map(|e| (e.key, e.value, e.hash)).collect();
    let owner = crate::tuple::new_tuple(vm, entries.iter().flat_map(|e| [e.0, e.1]).collect());
    (entries, owner)
}

/// Removes and returns the last entry (dict.popitem).
pub fn pop_last(d: &DictObj) -> Option<(Value, Value)> {
    let mut t = d.table.borrow_mut();
    let ix = t.entries.iter().rposition(|e| !e.key.is_null())?;
    let e = t.remove_at(ix);
    drop(t);
    d.bump();
    Some((e.key, e.value))
}
