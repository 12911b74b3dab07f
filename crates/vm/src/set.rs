//! `set` and `frozenset`: CPython's set table (Objects/setobject.c), so iteration
//! order, `repr` and `set.pop` match CPython.
//!
//! The table is an open-addressed array of (hash, key) entries whose size is a power
//! of two (at least 8). A lookup starts at `hash & mask`, scans up to LINEAR_PROBES
//! following entries when they fit before the end of the table, then jumps with
//! the perturbed recurrence `i = i*5 + 1 + (perturb >>= 5)`. A removed key leaves a
//! dummy entry (reused by a later add) until the next resize; the table grows when
//! `fill` (active + dummy) reaches 3/5 of its mask.
//!
//! No `RefCell` borrow of the table is held while Python code runs (`__eq__`,
//! `__hash__`); a lookup restarts if the table was replaced meanwhile or the entry it
//! compared changed. The set methods visible from Python are in `set_methods.rs`.

use crate::gc::{Trace, Tracer};
use crate::object::PyResult;
use crate::ops;
use crate::payload;
use crate::str::StrObj;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// One table entry: unused (NULL key, hash 0), dummy (NULL key, hash -1) or active.
#[derive(Copy, Clone)]
struct Entry {
    hash: i64,
    key: Value,
}

impl Entry {
    const UNUSED: Entry = Entry { hash: 0, key: Value::NULL };
    const DUMMY: Entry = Entry { hash: -1, key: Value::NULL };

    fn is_unused(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }

    fn is_dummy(&self) -> bool {
        self.key.is_null() && self.hash == -1
    }
}

pub struct Table {
    entries: Vec<Entry>,
    /// Active plus dummy entries.
    fill: usize,
    /// Active entries.
    used: usize,
}

impl Table {
    fn with_size(size: usize) -> Table {
        Table { entries: vec![Entry::UNUSED; size], fill: 0, used: 0 }
    }

    fn mask(&self) -> usize {
        self.entries.len() - 1
    }

    /// Stores a key known to be absent into a table without dummies (resizes).
    fn insert_clean(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let pos = Probe::new(hash, mask).find(|p| self.entries[*p].key.is_null()).expect("free entry");
        self.entries[pos] = Entry { hash, key };
    }

    /// The active entries, with their positions, in table order.
    fn active(&self) -> impl Iterator<Item = (usize, Entry)> + '_ {
        self.entries.iter().copied().enumerate().filter(|(_, e)| !e.key.is_null())
    }
}

/// The positions a lookup of `hash` visits, in order.
struct Probe {
    i: usize,
    j: usize,
    probes: usize,
    perturb: u64,
    mask: usize,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Probe {
        let i = (hash as u64 as usize) & mask;
        Probe { i, j: 0, probes: Self::linear(i, mask), perturb: hash as u64, mask }
    }

    /// Linear probing only while the run stays inside the table.
    fn linear(i: usize, mask: usize) -> usize {
        if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        }
    }
}

impl Iterator for Probe {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.j > self.probes {
            self.perturb >>= PERTURB_SHIFT;
            self.i = self.i.wrapping_mul(5).wrapping_add(1).wrapping_add(self.perturb as usize) & self.mask;
            self.j = 0;
            self.probes = Self::linear(self.i, self.mask);
        }
        self.j += 1;
        Some(self.i + self.j - 1)
    }
}

pub struct SetObj {
    table: RefCell<Table>,
    /// Bumped whenever `table` is replaced (resize, clear, swap): a lookup that
    /// ran Python code restarts when it changed.
    generation: Cell<u64>,
    /// Where `set.pop` resumes its scan.
    finger: Cell<usize>,
    pub(crate) hash: Cell<i64>,
}

impl Trace for SetObj {
    fn trace(&self, t: &mut Tracer) {
        if let Ok(tb) = self.table.try_borrow() {
            for e in &tb.entries {
                t.value(e.key);
            }
        } else {
            t.poisoned_borrow = true;
        }
    }
}
payload!(SetObj, "set");

impl SetObj {
    fn new() -> SetObj {
        SetObj { table: RefCell::new(Table::with_size(MIN_SIZE)), generation: Cell::new(0), finger: Cell::new(0), hash: Cell::new(-1) }
    }

    fn replace_table(&self, t: Table) {
        *self.table.borrow_mut() = t;
        self.generation.set(self.generation.get().wrapping_add(1));
    }

    /// Rebuilds the table with the smallest size above `min_used`, dropping dummies.
    fn resize(&self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let mut new = Table::with_size(size);
        {
            let old = self.table.borrow();
            for (_, e) in old.active() {
                new.insert_clean(e.hash, e.key);
            }
            new.used = old.used;
            new.fill = old.used;
        }
        self.replace_table(new);
    }

    fn grow(&self) {
        let used = self.table.borrow().used;
        self.resize(if used > 50000 { used * 2 } else { used * 4 });
    }
}

pub fn new_set(vm: &mut Vm) -> Value {
    let t = vm.t.set;
    new_set_of_type(vm, t)
}

pub fn new_set_of_type(vm: &mut Vm, ty: Value) -> Value {
    vm.alloc(ty, SetObj::new())
}

pub fn sobj(s: Value) -> &'static SetObj {
    s.downcast::<SetObj>().expect("set")
}

pub fn is_anyset(v: Value) -> bool {
    v.is::<SetObj>()
}

pub fn len(s: Value) -> usize {
    sobj(s).table.borrow().used
}

/// Active plus dummy entries.
pub fn fill(s: Value) -> usize {
    sobj(s).table.borrow().fill
}

/// The elements, in iteration order.
pub fn elements(s: Value) -> Vec<Value> {
    sobj(s).table.borrow().active().map(|(_, e)| e.key).collect()
}

/// The elements with their hashes, in iteration order.
///
/// The tuple returned with them holds the keys: a caller whose loop runs Python
/// code (a key's `__eq__` may clear the set) keeps it alive while it walks the copy.
pub fn entries(vm: &mut Vm, s: Value) -> (Vec<(Value, i64)>, Value) {
    let pairs: Vec<(Value, i64)> = sobj(s).table.borrow().active().map(|(_, e)| (e.key, e.hash)).collect();
    let owner = crate::tuple::new_tuple(vm, pairs.iter().map(|p| p.0).collect());
    (pairs, owner)
}

/// The active element at or after table position `pos`, and the next position
/// (set iterators).
pub fn entry_from(s: Value, pos: usize) -> Option<(usize, Value)> {
    let t = sobj(s).table.borrow();
    (pos..t.entries.len()).find(|p| !t.entries[*p].key.is_null()).map(|p| (p + 1, t.entries[p].key))
}

/// Equality decided without Python code: identity, exact strs, small ints.
fn fast_eq(vm: &Vm, a: Value, b: Value) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    if vm.type_of(a) == vm.t.str && vm.type_of(b) == vm.t.str {
        let (x, y) = (a.downcast::<StrObj>()?, b.downcast::<StrObj>()?);
        return Some(x.text_eq(y));
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    None
}

/// Where a lookup ended: the key's entry, or the unused entry ending the probe
/// run and the last dummy seen before it (where CPython stores a new key).
enum Slot {
    Active(usize),
    Absent { unused: usize, dummy: Option<usize> },
}

/// One scan step: the outcome, or an entry whose equality needs Python code.
enum Scan {
    Done(Slot),
    Compare(usize, Value),
}

fn scan(vm: &Vm, t: &Table, probe: &mut Probe, dummy: &mut Option<usize>, key: Value, hash: i64) -> Scan {
    for pos in probe.by_ref() {
        let e = t.entries[pos];
        if e.is_unused() {
            return Scan::Done(Slot::Absent { unused: pos, dummy: *dummy });
        }
        if e.hash == hash {
            match fast_eq(vm, e.key, key) {
                Some(true) => return Scan::Done(Slot::Active(pos)),
                Some(false) => {}
                None => return Scan::Compare(pos, e.key),
            }
        } else if e.is_dummy() {
            *dummy = Some(pos);
        }
    }
    unreachable!("a set table always has unused entries")
}

/// Finds `key` (with hash `hash`) in the table, calling `__eq__` where needed.
fn find(vm: &mut Vm, so: &SetObj, key: Value, hash: i64) -> PyResult<Slot> {
    'restart: loop {
        let generation = so.generation.get();
        let mut probe = Probe::new(hash, so.table.borrow().mask());
        let mut dummy = None;
        loop {
            let step = scan(vm, &so.table.borrow(), &mut probe, &mut dummy, key, hash);
            let (pos, cand) = match step {
                Scan::Done(slot) => return Ok(slot),
                Scan::Compare(pos, cand) => (pos, cand),
            };
            let eq = ops::eq(vm, cand, key)?;
            if so.generation.get() != generation || so.table.borrow().entries[pos].key != cand {
                continue 'restart;
            }
            if eq {
                return Ok(Slot::Active(pos));
            }
        }
    }
}

/// Adds `key` whose hash is known (`set_add_entry`).
fn add_hashed(vm: &mut Vm, s: Value, key: Value, hash: i64) -> PyResult<()> {
    let so = sobj(s);
    let (unused, dummy) = match find(vm, so, key, hash)? {
        Slot::Active(_) => return Ok(()),
        Slot::Absent { unused, dummy } => (unused, dummy),
    };
    let mut t = so.table.borrow_mut();
    t.used += 1;
    if let Some(d) = dummy {
        t.entries[d] = Entry { hash, key };
        return Ok(());
    }
    t.entries[unused] = Entry { hash, key };
    t.fill += 1;
    let full = t.fill * 5 >= t.mask() * 3;
    drop(t);
    if full {
        so.grow();
    }
    Ok(())
}

pub fn add(vm: &mut Vm, s: Value, v: Value) -> PyResult<()> {
    let h = crate::hash::hash(vm, v)?;
    add_hashed(vm, s, v, h)
}

fn contains_hashed(vm: &mut Vm, s: Value, key: Value, hash: i64) -> PyResult<bool> {
    Ok(matches!(find(vm, sobj(s), key, hash)?, Slot::Active(_)))
}

/// `key in s` without the set-to-frozenset retry.
pub fn contains_key(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let h = crate::hash::hash(vm, key)?;
    contains_hashed(vm, s, key, h)
}

/// `key in s`: an unhashable `set` key is looked up as a frozenset.
pub fn contains(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    match crate::hash::hash(vm, key) {
        Ok(h) => contains_hashed(vm, s, key, h),
        Err(e) if is_mutable_set(vm, key) && crate::exceptions::matches(vm, e, vm.e.type_error) => {
            let f = frozen_copy(vm, key)?;
            contains_key(vm, s, f)
        }
        Err(e) => Err(e),
    }
}

/// A `set` (or subclass) instance, as opposed to a frozenset.
pub fn is_mutable_set(vm: &Vm, v: Value) -> bool {
    is_anyset(v) && crate::typeobj::is_subtype(vm.type_of(v), vm.t.set)
}

pub fn frozen_copy(vm: &mut Vm, s: Value) -> PyResult {
    let t = vm.t.frozenset;
    let f = new_set_of_type(vm, t);
    update(vm, f, s)?;
    Ok(f)
}

/// Removes `key` with known hash; whether it was present (`set_discard_entry`).
fn discard_hashed(vm: &mut Vm, s: Value, key: Value, hash: i64) -> PyResult<bool> {
    let so = sobj(s);
    match find(vm, so, key, hash)? {
        Slot::Active(pos) => {
            let mut t = so.table.borrow_mut();
            t.entries[pos] = Entry::DUMMY;
            t.used -= 1;
            Ok(true)
        }
        Slot::Absent { .. } => Ok(false),
    }
}

pub fn discard_key(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let h = crate::hash::hash(vm, key)?;
    discard_hashed(vm, s, key, h)
}

/// `set.pop`: the next active entry from the finger, wrapping around.
pub fn pop(s: Value) -> Option<Value> {
    let so = sobj(s);
    let mut t = so.table.borrow_mut();
    if t.used == 0 {
        return None;
    }
    let mask = t.mask();
    let mut pos = so.finger.get() & mask;
    while t.entries[pos].key.is_null() {
        pos = if pos == mask { 0 } else { pos + 1 };
    }
    let key = t.entries[pos].key;
    t.entries[pos] = Entry::DUMMY;
    t.used -= 1;
    so.finger.set(pos + 1);
    Some(key)
}

pub fn clear(s: Value) {
    sobj(s).replace_table(Table::with_size(MIN_SIZE));
}

/// Exchanges the contents of two sets (`set_swap_bodies`).
pub fn swap_bodies(vm: &Vm, a: Value, b: Value) {
    let (x, y) = (sobj(a), sobj(b));
    let tx = std::mem::replace(&mut *x.table.borrow_mut(), Table::with_size(MIN_SIZE));
    let ty = std::mem::replace(&mut *y.table.borrow_mut(), tx);
    x.replace_table(ty);
    y.generation.set(y.generation.get().wrapping_add(1));
    let frozen = |v: Value| crate::typeobj::is_subtype(vm.type_of(v), vm.t.frozenset);
    if frozen(a) && frozen(b) {
        let h = x.hash.get();
        x.hash.set(y.hash.get());
        y.hash.set(h);
    } else {
        x.hash.set(-1);
        y.hash.set(-1);
    }
}

/// Adds every element of the set `other` (`set_merge`).
fn merge(vm: &mut Vm, s: Value, other: Value) -> PyResult<()> {
    let (so, oo) = (sobj(s), sobj(other));
    let other_used = oo.table.borrow().used;
    if s == other || other_used == 0 {
        return Ok(());
    }
    let (fill, used, mask) = {
        let t = so.table.borrow();
        (t.fill, t.used, t.mask())
    };
    if (fill + other_used) * 5 >= mask * 3 {
        so.resize((used + other_used) * 2);
    }
    if so.table.borrow().fill == 0 {
        merge_into_empty(so, oo);
        return Ok(());
    }
    let (pairs, owner) = entries(vm, other);
    for (k, h) in pairs {
        add_hashed(vm, s, k, h)?;
    }
    std::hint::black_box(owner);
    Ok(())
}

/// Copies another set's entries into an empty table: position by position when the
/// sizes agree and the source has no dummies, else by clean insertion.
fn merge_into_empty(so: &SetObj, oo: &SetObj) {
    let src = oo.table.borrow();
    let mut t = so.table.borrow_mut();
    if t.entries.len() == src.entries.len() && src.fill == src.used {
        for (pos, e) in src.active() {
            t.entries[pos] = e;
        }
    } else {
        for (_, e) in src.active() {
            t.insert_clean(e.hash, e.key);
        }
    }
    t.fill = src.used;
    t.used = src.used;
}

/// Adds the keys of an exact dict with their stored hashes.
fn update_from_dict(vm: &mut Vm, s: Value, d: Value) -> PyResult<()> {
    // The keys stay alive in `owner` should an `__eq__` mutate the dict.
    let (pairs, owner) = crate::dict::entries_hashed(vm, d);
    let so = sobj(s);
    let (fill, used, mask) = {
        let t = so.table.borrow();
        (t.fill, t.used, t.mask())
    };
    if (fill + pairs.len()) * 5 >= mask * 3 {
        so.resize((used + pairs.len()) * 2);
    }
    for (k, _, h) in pairs {
        add_hashed(vm, s, k, h)?;
    }
    std::hint::black_box(owner);
    Ok(())
}

/// Adds every element of `src` (`set_update_internal`).
pub fn update(vm: &mut Vm, s: Value, src: Value) -> PyResult<()> {
    if is_anyset(src) {
        return merge(vm, s, src);
    }
    if vm.type_of(src) == vm.t.dict {
        return update_from_dict(vm, s, src);
    }
    let it = ops::iter(vm, src)?;
    // A generator's items are taken in its frame while no key can run Python code
    // when hashed or compared (`quiet_key`).
    let mut quiet = len(s) == 0;
    crate::generator::for_each(vm, it, &mut |vm, v, in_frame| {
        quiet = quiet && quiet_key(vm, v, 2);
        if in_frame && !quiet {
            return Ok(false);
        }
        add(vm, s, v)?;
        Ok(true)
    })
}

/// Whether hashing `v` and comparing it with keys of the same kind runs no Python
/// code: exact ints, floats, strs, None, bools, and tuples of those (nested up
/// to `depth`).
fn quiet_key(vm: &Vm, v: Value, depth: u32) -> bool {
    if v.as_small().is_some() || v == vm.none || v == vm.true_ || v == vm.false_ {
        return true;
    }
    let t = vm.type_of(v);
    if t == vm.t.int || t == vm.t.float || t == vm.t.str {
        return true;
    }
    t == vm.t.tuple && depth > 0 && crate::tuple::items(v).iter().all(|&x| quiet_key(vm, x, depth - 1))
}

pub fn from_iterable(vm: &mut Vm, src: Value) -> PyResult {
    let s = new_set(vm);
    update(vm, s, src)?;
    Ok(s)
}

/// Removes every element of `other` from `s` (`set_difference_update_internal`).
pub fn difference_update(vm: &mut Vm, s: Value, other: Value) -> PyResult<()> {
    if s == other {
        clear(s);
        return Ok(());
    }
    if is_anyset(other) {
        let other = if len(other) >> 3 > len(s) { intersection(vm, s, other)? } else { other };
        let (pairs, owner) = entries(vm, other);
        for (k, h) in pairs {
            discard_hashed(vm, s, k, h)?;
        }
        std::hint::black_box(owner);
    } else {
        let it = ops::iter(vm, other)?;
        while let Some(v) = ops::next(vm, it)? {
            discard_key(vm, s, v)?;
        }
    }
    let so = sobj(s);
    let (dummies, mask) = {
        let t = so.table.borrow();
        (t.fill - t.used, t.mask())
    };
    if dummies > mask / 4 {
        so.grow();
    }
    Ok(())
}

/// A new empty set of `like`'s base type: set for sets, frozenset for frozensets.
pub fn new_like(vm: &mut Vm, like: Value) -> Value {
    let t = if is_mutable_set(vm, like) { vm.t.set } else { vm.t.frozenset };
    new_set_of_type(vm, t)
}

/// A copy of `s` as its base type (`make_new_set_basetype(type(s), s)`).
pub fn copy_as_base(vm: &mut Vm, s: Value) -> PyResult {
    let r = new_like(vm, s);
    update(vm, r, s)?;
    Ok(r)
}

/// `s & other` (`set_intersection`).
pub fn intersection(vm: &mut Vm, s: Value, other: Value) -> PyResult {
    if s == other {
        return copy_as_base(vm, s);
    }
    let result = new_like(vm, s);
    if is_anyset(other) {
        let (big, small) = if len(other) > len(s) { (other, s) } else { (s, other) };
        let (pairs, owner) = entries(vm, small);
        for (k, h) in pairs {
            if contains_hashed(vm, big, k, h)? {
                add_hashed(vm, result, k, h)?;
            }
        }
        std::hint::black_box(owner);
        return Ok(result);
    }
    let it = ops::iter(vm, other)?;
    while let Some(k) = ops::next(vm, it)? {
        let h = crate::hash::hash(vm, k)?;
        if contains_hashed(vm, s, k, h)? {
            add_hashed(vm, result, k, h)?;
            if len(result) >= len(s) {
                break;
            }
        }
    }
    Ok(result)
}

/// `s - other` (`set_difference`).
pub fn difference(vm: &mut Vm, s: Value, other: Value) -> PyResult {
    let is_dict = vm.type_of(other) == vm.t.dict;
    let other_len = if is_anyset(other) {
        len(other)
    } else if is_dict {
        crate::dict::dobj(other).len()
    } else {
        usize::MAX
    };
    if other_len == usize::MAX || len(s) >> 2 > other_len {
        let r = copy_as_base(vm, s)?;
        difference_update(vm, r, other)?;
        return Ok(r);
    }
    let result = new_like(vm, s);
    let (pairs, owner) = entries(vm, s);
    for (k, h) in pairs {
        let present = if is_dict { crate::dict::get_item_hashed(vm, other, k, h)?.is_some() } else { contains_hashed(vm, other, k, h)? };
        if !present {
            add_hashed(vm, result, k, h)?;
        }
    }
    std::hint::black_box(owner);
    Ok(result)
}

/// `s ^= other` (`set_symmetric_difference_update`).
pub fn symmetric_difference_update(vm: &mut Vm, s: Value, other: Value) -> PyResult<()> {
    if s == other {
        clear(s);
        return Ok(());
    }
    let other = if is_anyset(other) || vm.type_of(other) == vm.t.dict {
        other
    } else {
        let o = new_like(vm, s);
        update(vm, o, other)?;
        o
    };
    let (pairs, owner) = if is_anyset(other) {
        entries(vm, other)
    } else {
        let (items, owner) = crate::dict::entries_hashed(vm, other);
        (items.into_iter().map(|(k, _, h)| (k, h)).collect(), owner)
    };
    for (k, h) in pairs {
        if !discard_hashed(vm, s, k, h)? {
            add_hashed(vm, s, k, h)?;
        }
    }
    std::hint::black_box((owner, other));
    Ok(())
}

/// `s ^ other` (`set_symmetric_difference`): built from `other`, then `s` applied.
pub fn symmetric_difference(vm: &mut Vm, s: Value, other: Value) -> PyResult {
    let r = new_like(vm, s);
    update(vm, r, other)?;
    symmetric_difference_update(vm, r, s)?;
    Ok(r)
}

/// Whether every element of `s` is in the set `other`.
pub fn is_subset_of_set(vm: &mut Vm, s: Value, other: Value) -> PyResult<bool> {
    if len(s) > len(other) {
        return Ok(false);
    }
    let (pairs, owner) = entries(vm, s);
    for (k, h) in pairs {
        if !contains_hashed(vm, other, k, h)? {
            return Ok(false);
        }
    }
    std::hint::black_box(owner);
    Ok(true)
}

/// The hash of a frozenset (`frozenset_hash`): order-independent mix of the
/// element hashes stored in the table.
pub fn frozenset_hash(s: Value) -> i64 {
    let so = sobj(s);
    if so.hash.get() != -1 {
        return so.hash.get();
    }
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let mut hash: u64 = 0;
    let n = {
        let t = so.table.borrow();
        for (_, e) in t.active() {
            hash ^= shuffle(e.hash as u64);
        }
        t.used as u64
    };
    hash ^= n.wrapping_add(1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = if hash as i64 == -1 { 590923713 } else { hash as i64 };
    so.hash.set(h);
    h
}
