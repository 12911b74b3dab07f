//! Inline caches: each attribute or global instruction of a code object remembers
//! where its last lookup found the name, keyed by what makes that answer still
//! true (CPython 3.11's specialising interpreter, PEP 659, without rewriting the
//! instruction). A hit skips the MRO walk and the descriptor checks; a miss runs
//! the one generic implementation (`attr::getattr`, `attr::setattr`, the global
//! lookup) and refills the cache. Caches never decide semantics, they only
//! remember a lookup whose inputs are unchanged:
//! - a type's `version` is globally unique and changes with its namespace or MRO
//!   (or a base's), so an equal version means the same type in the same state;
//! - a dict position (`hint`) is trusted only if its entry's key is still the
//!   very same interned name, and the value is read from the dict itself;
//! - a dict's `keys_version` names its key set, so an equal version proves a name
//!   is still absent (a builtin not shadowed by a global).

use crate::attr;
use crate::dict;
use crate::function::{FunctionObj, InstanceObj, Member, NativeFunction, Property, NO_CACHE};
use crate::gc::{Trace, Tracer};
use crate::object::PyResult;
use crate::typeobj::{self, tflag};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

/// What a cache remembers.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Kind {
    Empty,
    /// The attribute lives in the instance dict at `hint`.
    InstanceDict,
    /// `obj.name = v` appends `name` to an instance dict of shape `shape`, at
    /// `hint`, giving shape `to` (the dict is created first for `NO_DICT`).
    AddKey,
    /// A `__slots__` member: `hint` is the slot index.
    Slot,
    /// A plain class attribute (no `__get__`), not shadowed by the instance: `value`.
    ClassValue,
    /// A Python function on the class, bound to the instance on access.
    BoundFunction,
    /// A method (Python function or builtin method descriptor) for `LoadMethod`,
    /// called with the instance as first argument, not bound.
    Method,
    /// `super(...).m` for `LoadMethod`, the super bound to an instance: `value` is
    /// the method found after class `shape` (the raw `Value`) in the MRO of the
    /// instance's type, whose version is `version`.
    SuperMethod,
    /// A property: its getter is called.
    Property,
    /// An attribute of the type `obj` itself (a class attribute read through the
    /// class) whose value needs no binding.
    TypeAttr,
    /// A classmethod read through its class (`Cls.m`): `value` is its function,
    /// bound to the class.
    TypeClassMethod,
    /// A classmethod read through an instance: `value` bound to the instance's type.
    ClassMethod,
    /// `obj.__class__` through `object`'s descriptor: the type of `obj`.
    ClassOf,
    /// A global at `hint` in the globals dict.
    Global,
    /// A builtin at `hint` in the builtins dict, absent from the globals whose key
    /// set was `aux`.
    Builtin,
}

/// The shape of an object without an instance dict.
const NO_DICT: u64 = u64::MAX;

/// A remembered lookup.
#[derive(Copy, Clone, PartialEq)]
pub struct Entry {
    kind: Kind,
    /// A dict position (instance, globals or builtins dict) or a slot index.
    hint: u32,
    /// The type version the entry was made for (attributes).
    version: u64,
    /// The instance dict's shape (keys version, or `NO_DICT`) the entry was made
    /// for: the kinds that read the dict or rely on a name's absence from it.
    shape: u64,
    /// `AddKey`'s shape after the store.
    to: u64,
    /// The type attribute found (kinds that need it), or NULL.
    value: Value,
}

impl Entry {
    const EMPTY: Entry = Entry { kind: Kind::Empty, hint: 0, version: 0, shape: 0, to: 0, value: Value::NULL };

    fn new(kind: Kind, version: u64, hint: usize, value: Value) -> Entry {
        match u32::try_from(hint) {
            Ok(hint) => Entry { kind, hint, version, shape: 0, to: 0, value },
            Err(_) => Entry::EMPTY,
        }
    }

    fn with_shape(self, shape: u64) -> Entry {
        Entry { shape, ..self }
    }
}

impl Default for Entry {
    fn default() -> Self {
        Entry::EMPTY
    }
}

/// One instruction's cache: two entries, the latest first (a site that sees
/// more types falls back to the per-interpreter second-level table below before
/// doing a full lookup).
#[derive(Default)]
pub struct InlineCache {
    entry: Cell<Entry>,
    older: Cell<Entry>,
    /// More type versions for which `entry`'s answer holds unchanged: the
    /// subclasses a base-class method sees, whose instances share a shape (0: none).
    also: [Cell<u64>; ALSO],
    /// The globals' keys version for `Kind::Builtin`.
    aux: Cell<u64>,
}

/// How many more type versions a cache's latest entry may serve.
const ALSO: usize = 3;

impl Trace for InlineCache {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.entry.get().value);
        t.value(self.older.get().value);
    }
}

impl InlineCache {
    /// Makes `e` the latest entry, keeping the previous one as the older.
    fn push(&self, e: Entry) {
        let latest = self.entry.get();
        if latest.kind != Kind::Empty {
            self.older.set(latest);
        }
        self.entry.set(e);
        for a in &self.also {
            a.set(0);
        }
    }

    /// Records `e`, just found for this site: a type version more for the latest
    /// entry when the answer is the same (entries differ only in their version),
    /// else the new latest entry.
    fn learn(&self, e: Entry) {
        let latest = self.entry.get();
        if latest.kind != Kind::Empty && (Entry { version: e.version, ..latest }) == e {
            if let Some(free) = self.also.iter().find(|a| a.get() == 0) {
                free.set(e.version);
            } else {
                // Round robin: the oldest extra version goes.
                self.also[0].set(self.also[1].get());
                self.also[1].set(self.also[2].get());
                self.also[2].set(e.version);
            }
            return;
        }
        self.push(e);
    }

    /// Whether the latest entry's answer holds for type version `v` through the
    /// `also` versions (its own version is checked first by the callers).
    #[inline(always)]
    fn also_covers(&self, v: u64) -> bool {
        self.also[0].get() == v || self.also[1].get() == v || self.also[2].get() == v
    }

    /// The latest entry, made for version `v` when it covers `v` (else as it is).
    #[inline]
    fn entry_for(&self, v: u64) -> Entry {
        let e = self.entry.get();
        if v != 0 && self.also_covers(v) {
            Entry { version: v, ..e }
        } else {
            e
        }
    }
}

/// Slots of the second-level attribute cache (a power of two).
pub const L2_SIZE: usize = 1024;

/// The second-level cache: entries for (type version, name, load kind), shared by
/// every instruction, so a site that sees several types (a base-class method run
/// on instances of each subclass) still avoids the full lookup.
pub struct L2 {
    slots: Vec<(u64, Entry)>,
}

impl L2 {
    pub fn new() -> L2 {
        L2 { slots: vec![(0, Entry::EMPTY); L2_SIZE] }
    }

    fn slot(version: u64, key: u64) -> usize {
        let h = version.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ key.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        (h >> 54) as usize & (L2_SIZE - 1)
    }

    fn get(&self, version: u64, key: u64) -> Option<Entry> {
        let (k, e) = self.slots[Self::slot(version, key)];
        (k == key && e.version == version && e.kind != Kind::Empty).then_some(e)
    }

    fn put(&mut self, key: u64, e: Entry) {
        self.slots[Self::slot(e.version, key)] = (key, e);
    }

    pub fn trace(&self, t: &mut Tracer) {
        for (_, e) in &self.slots {
            t.value(e.value);
        }
    }
}

impl Default for L2 {
    fn default() -> Self {
        L2::new()
    }
}

/// The second-level key of a load or store of `name`.
fn l2_key(name: Value, op: u64) -> u64 {
    name.raw() | op
}
const OP_ATTR: u64 = 1;
const OP_METHOD: u64 = 2;
const OP_STORE: u64 = 3;

/// One instruction as the interpreter runs it: the compiler's instruction plus
/// what the dispatch loop would otherwise look up per execution (its cache's
/// index).
#[derive(Copy, Clone)]
pub struct Ins {
    pub op: compiler::bytecode::Op,
    /// Index in the code object's `caches`, or `NO_CACHE`.
    pub cache: u16,
    pub arg: u32,
}

/// The interpreter's instructions and the cache table of a code object: one cache
/// per attribute or global instruction (the rest need none); past `NO_CACHE - 1`
/// of them, the last cache is shared (a cache only remembers, so sharing is safe).
pub fn quicken(instrs: &[compiler::bytecode::Instr]) -> (Box<[Ins]>, Box<[InlineCache]>) {
    use compiler::bytecode::Op;
    let last = NO_CACHE as usize - 1;
    let mut n: usize = 0;
    let ins = instrs
        .iter()
        .map(|i| {
            let cache = match i.op {
                Op::LoadAttr | Op::LoadMethod | Op::StoreAttr | Op::LoadGlobal => {
                    n += 1;
                    (n - 1).min(last) as u16
                }
                _ => NO_CACHE,
            };
            Ins { op: i.op.quickened(i.arg).unwrap_or(i.op), cache, arg: i.arg }
        })
        .collect::<Box<[Ins]>>();
    // Superinstructions: the pair's second instruction stays as it is, for jumps to
    // it (and for the first to fall back on when the pair cannot run in one go).
    let mut ins = ins;
    for i in 1..ins.len() {
        if let Some(op) = ins[i - 1].op.fused_with(ins[i].op) {
            ins[i - 1].op = op;
        }
    }
    (ins, (0..n.min(last + 1)).map(|_| InlineCache::default()).collect())
}

fn type_version(ty: Value) -> u64 {
    typeobj::tobj(ty).version.get()
}

/// The instance dict of `obj`, NULL when it has none.
#[inline]
fn instance_dict(obj: Value) -> Value {
    match obj.header() {
        Some(h) => h.dict(),
        None => Value::NULL,
    }
}

/// The shape of `obj`'s instance dict: which names it holds and where.
#[inline]
fn shape_of(obj: Value) -> u64 {
    dict_shape(instance_dict(obj))
}

/// A class attribute that `__get__` would return unchanged: not a descriptor.
fn plain_class_value(vm: &Vm, d: Value) -> bool {
    if d.is_small_int() {
        return true;
    }
    let t = vm.type_of(d);
    if typeobj::has_flag(t, tflag::HEAPTYPE) {
        return false;
    }
    !(d.is::<FunctionObj>()
        || d.is::<NativeFunction>()
        || d.is::<Property>()
        || d.is::<Member>()
        || d.is::<crate::function::GetSet>()
        || d.is::<crate::function::MethodWrapper>())
}

// ---- attribute loads -------------------------------------------------------

/// `obj.name` (`LoadAttr`): an instance-dict hit inline, the rest out of line.
#[inline(always)]
pub fn load_attr(vm: &mut Vm, c: &InlineCache, obj: Value, name: Value) -> PyResult {
    if let Some(x) = cached_attr(c, obj) {
        return Ok(x);
    }
    // An attribute of a class read through the class (`Cls.CONSTANT`).
    let e = c.entry.get();
    if e.kind == Kind::TypeAttr && obj.header().is_some() && is_class_at(vm, obj, e.version) {
        return Ok(e.value);
    }
    load_attr_slow(vm, c, obj, name)
}

/// `obj.name` when the cache's entries find it in the object or its class
/// without running anything: None sends the caller to `load_attr`.
#[inline(always)]
pub fn cached_attr(c: &InlineCache, obj: Value) -> Option<Value> {
    let h = obj.header()?;
    let v = type_version(h.ty.get());
    let e = c.entry.get();
    if v == e.version || c.also_covers(v) {
        if let Some(x) = stored_value(e, obj, h) {
            return Some(x);
        }
    }
    // A site that alternates between two kinds of objects (two subclasses
    // whose instances differ in shape) hits its older entry.
    let o = c.older.get();
    if v == o.version {
        return stored_value(o, obj, h);
    }
    None
}

/// The value entry `e` finds in `obj` itself (its instance dict or a slot) or its
/// class (a plain value), if it is of such a kind and applies; the caller has
/// checked the type version.
#[inline(always)]
fn stored_value(e: Entry, obj: Value, h: &crate::gc::Header) -> Option<Value> {
    match e.kind {
        Kind::InstanceDict => dict::value_if_shape(h.dict(), e.shape, e.hint as usize),
        Kind::Slot => slot_value(obj, e.hint as usize),
        // The shape proves the instance dict does not shadow the class's value.
        Kind::ClassValue if dict_shape(h.dict()) == e.shape => Some(e.value),
        _ => None,
    }
}

#[inline(never)]
fn load_attr_slow(vm: &mut Vm, c: &InlineCache, obj: Value, name: Value) -> PyResult {
    let sv = subject_version(vm, obj);
    if let Some(v) = use_load(vm, c.entry_for(sv), obj)? {
        return Ok(v);
    }
    if let Some(v) = use_load(vm, c.older.get(), obj)? {
        return Ok(v);
    }
    let key = l2_key(name, load_op(vm, obj, OP_ATTR));
    if let Some(e) = vm.attr_l2.get(sv, key) {
        if let Some(v) = use_load(vm, e, obj)? {
            c.learn(e);
            return Ok(v);
        }
    }
    let v = attr::getattr(vm, obj, name)?;
    let e = describe_load(vm, obj, name, false);
    remember(vm, c, key, e);
    Ok(v)
}

/// `LoadMethod`: `(method, obj)` for a method to call with `obj` prepended, or
/// `(NULL, attribute)`. A method hit inline, the rest out of line.
#[inline(always)]
pub fn load_method(vm: &mut Vm, c: &InlineCache, obj: Value, name: Value) -> PyResult<(Value, Value)> {
    match cached_method(c, obj) {
        Some(m) => Ok((m, obj)),
        None => load_method_slow(vm, c, obj, name),
    }
}

/// The method `obj.name(...)` calls with `obj` prepended, when the cache's entries
/// find it; None sends the caller to `load_method`.
#[inline(always)]
pub fn cached_method(c: &InlineCache, obj: Value) -> Option<Value> {
    let h = obj.header()?;
    let shape = dict_shape(h.dict());
    let v = type_version(h.ty.get());
    let e = c.entry.get();
    if e.kind == Kind::Method && shape == e.shape && (v == e.version || c.also_covers(v)) {
        return Some(e.value);
    }
    // Two receiver kinds alternating (see `load_attr`).
    let o = c.older.get();
    if o.kind == Kind::Method && shape == o.shape && v == o.version {
        return Some(o.value);
    }
    None
}

#[inline(never)]
fn load_method_slow(vm: &mut Vm, c: &InlineCache, obj: Value, name: Value) -> PyResult<(Value, Value)> {
    let sv = subject_version(vm, obj);
    if let Some(r) = use_method(vm, c.entry_for(sv), obj)? {
        return Ok(r);
    }
    if let Some(r) = use_method(vm, c.older.get(), obj)? {
        return Ok(r);
    }
    let key = l2_key(name, load_op(vm, obj, OP_METHOD));
    if let Some(e) = vm.attr_l2.get(sv, key) {
        if let Some(r) = use_method(vm, e, obj)? {
            c.learn(e);
            return Ok(r);
        }
    }
    let r = attr::load_method(vm, obj, name)?;
    let e = describe_load(vm, obj, name, true);
    remember(vm, c, key, e);
    Ok(r)
}

/// The shape of instance dict `d` (NULL: none).
#[inline(always)]
fn dict_shape(d: Value) -> u64 {
    if d.is_null() {
        NO_DICT
    } else {
        dict::keys_version(d)
    }
}

/// Loads on a class object, and through a super object, are keyed apart from
/// loads on instances.
fn load_op(vm: &Vm, obj: Value, op: u64) -> u64 {
    if typeobj::is_type(obj) {
        op | 4
    } else if crate::super_type::instance_parts(vm, obj).is_some() {
        op | 8
    } else {
        op
    }
}

/// The version an entry for `obj` is keyed by: the class's own for a class, the
/// instance's type's for a super object bound to an instance, else its type's.
fn subject_version(vm: &Vm, obj: Value) -> u64 {
    if let Some(t) = obj.downcast::<typeobj::TypeObj>() {
        return t.version.get();
    }
    if let Some((_, _, obj_type)) = crate::super_type::instance_parts(vm, obj) {
        return type_version(obj_type);
    }
    type_version(vm.type_of(obj))
}

fn remember(vm: &mut Vm, c: &InlineCache, key: u64, e: Entry) {
    if e.kind != Kind::Empty {
        c.learn(e);
        vm.attr_l2.put(key, e);
    }
}

fn use_method(vm: &mut Vm, e: Entry, obj: Value) -> PyResult<Option<(Value, Value)>> {
    match e.kind {
        Kind::Method => {
            let hit = type_version(vm.type_of(obj)) == e.version && shape_of(obj) == e.shape;
            return Ok(hit.then_some((e.value, obj)));
        }
        Kind::TypeClassMethod => return Ok(is_class_at(vm, obj, e.version).then_some((e.value, obj))),
        Kind::SuperMethod => {
            let hit = crate::super_type::instance_parts(vm, obj).filter(|&(ty, _, obj_type)| ty.raw() == e.shape && type_version(obj_type) == e.version);
            return Ok(hit.map(|(_, inst, _)| (e.value, inst)));
        }
        Kind::ClassMethod => {
            let ty = vm.type_of(obj);
            let hit = type_version(ty) == e.version && shape_of(obj) == e.shape;
            return Ok(hit.then_some((e.value, ty)));
        }
        _ => {}
    }
    Ok(use_load(vm, e, obj)?.map(|v| (Value::NULL, v)))
}

/// The value of `obj.name` if entry `e` (made for `name`) applies to `obj`.
fn use_load(vm: &mut Vm, e: Entry, obj: Value) -> PyResult<Option<Value>> {
    if e.kind == Kind::Empty {
        return Ok(None);
    }
    let ty = vm.type_of(obj);
    match e.kind {
        Kind::TypeAttr => return Ok(is_class_at(vm, obj, e.version).then_some(e.value)),
        Kind::TypeClassMethod if is_class_at(vm, obj, e.version) => return Ok(Some(crate::function::new_bound_method(vm, e.value, obj))),
        Kind::TypeClassMethod => return Ok(None),
        _ => {}
    }
    if type_version(ty) != e.version {
        return Ok(None);
    }
    Ok(match e.kind {
        Kind::InstanceDict => dict::value_if_shape(instance_dict(obj), e.shape, e.hint as usize),
        Kind::Slot => slot_value(obj, e.hint as usize),
        Kind::ClassValue if shape_of(obj) == e.shape => Some(e.value),
        Kind::BoundFunction if shape_of(obj) == e.shape => Some(crate::function::new_bound_method(vm, e.value, obj)),
        Kind::ClassMethod if shape_of(obj) == e.shape => Some(crate::function::new_bound_method(vm, e.value, ty)),
        Kind::ClassOf => Some(ty),
        Kind::Property => {
            let p = e.value.downcast::<Property>().expect("cached property");
            let g = p.fget.get();
            if g.is_null() || g == vm.none {
                None
            } else {
                Some(crate::call::call(vm, g, &[obj])?)
            }
        }
        _ => None,
    })
}

/// Is `obj` a class of metatype `type` at version `version`?
fn is_class_at(vm: &Vm, obj: Value, version: u64) -> bool {
    vm.type_of(obj) == vm.t.type_ && obj.downcast::<typeobj::TypeObj>().is_some_and(|t| t.version.get() == version)
}

/// The function of `d` if it is an exact `classmethod`.
fn classmethod_func(vm: &Vm, d: Value) -> Option<Value> {
    if vm.type_of(d) != vm.t.classmethod {
        return None;
    }
    d.downcast::<crate::function::MethodWrapper>().map(|w| w.func.get()).filter(|f| !f.is_null())
}

/// Stores into `__slots__` member `index` of a plain instance.
#[inline]
fn store_slot(obj: Value, index: usize, value: Value) -> bool {
    let Some(i) = obj.downcast::<InstanceObj>() else { return false };
    match i.slots.borrow_mut().get_mut(index) {
        Some(s) => {
            *s = value;
            true
        }
        None => false,
    }
}

#[inline]
fn slot_value(obj: Value, index: usize) -> Option<Value> {
    let i = obj.downcast::<InstanceObj>()?;
    let v = i.slots.borrow().get(index).copied()?;
    (!v.is_null()).then_some(v)
}

/// How `obj.name` is found now (for `LoadMethod` when `method`), as an entry;
/// `Entry::EMPTY` when no fast path applies.
fn describe_load(vm: &mut Vm, obj: Value, name: Value, method: bool) -> Entry {
    let ty = vm.type_of(obj);
    if typeobj::is_type(obj) {
        return describe_type_attr(vm, obj, ty, name);
    }
    if let Some((start, _, obj_type)) = crate::super_type::instance_parts(vm, obj) {
        return match crate::super_type::find_method(vm, obj, name) {
            Some((m, _)) if method => Entry::new(Kind::SuperMethod, type_version(obj_type), 0, m).with_shape(start.raw()),
            _ => Entry::EMPTY,
        };
    }
    // Modules look up hits with `object.__getattribute__` too (their own hook only
    // adds the PEP 562 `__getattr__` fallback on misses).
    let ga = typeobj::getattribute_of(vm, ty);
    if ga != vm.t.object_getattribute && ty != vm.t.module {
        return Entry::EMPTY;
    }
    let version = type_version(ty);
    let found = typeobj::lookup(vm, ty, name);
    if let Some(d) = found {
        if let Some(m) = d.downcast::<Member>() {
            return if obj.is::<InstanceObj>() { Entry::new(Kind::Slot, version, m.index, Value::NULL) } else { Entry::EMPTY };
        }
        if d.is::<Property>() && vm.type_of(d) == vm.t.property {
            return Entry::new(Kind::Property, version, 0, d);
        }
        let class_attr = vm.intern_static("__class__");
        if name == class_attr && typeobj::lookup(vm, vm.t.object, class_attr) == Some(d) {
            return Entry::new(Kind::ClassOf, version, 0, Value::NULL);
        }
        if attr::is_data_descriptor(vm, d) {
            return Entry::EMPTY;
        }
    }
    let shape = shape_of(obj);
    if let Some(ix) = dict_index(obj, name) {
        return Entry::new(Kind::InstanceDict, version, ix, Value::NULL).with_shape(shape);
    }
    let Some(d) = found else { return Entry::EMPTY };
    let e = if method && attr::is_plain_method(d) {
        Entry::new(Kind::Method, version, 0, d)
    } else if d.is::<FunctionObj>() {
        Entry::new(Kind::BoundFunction, version, 0, d)
    } else if plain_class_value(vm, d) {
        Entry::new(Kind::ClassValue, version, 0, d)
    } else if let Some(f) = classmethod_func(vm, d) {
        Entry::new(Kind::ClassMethod, version, 0, f)
    } else {
        Entry::EMPTY
    };
    e.with_shape(shape)
}

fn dict_index(obj: Value, name: Value) -> Option<usize> {
    let d = instance_dict(obj);
    if d.is_null() {
        return None;
    }
    dict::index_of_name(d, name)
}

/// `Class.name` where the value needs no binding (a plain value, a function, or a
/// staticmethod's function), for classes whose metatype is `type`.
fn describe_type_attr(vm: &mut Vm, cls: Value, meta: Value, name: Value) -> Entry {
    if meta != vm.t.type_ || typeobj::lookup(vm, meta, name).is_some() {
        return Entry::EMPTY;
    }
    let Some(d) = typeobj::lookup(vm, cls, name) else { return Entry::EMPTY };
    if let Some(f) = classmethod_func(vm, d) {
        return Entry::new(Kind::TypeClassMethod, type_version(cls), 0, f);
    }
    let value = if d.is::<FunctionObj>() || plain_class_value(vm, d) {
        d
    } else if vm.type_of(d) == vm.t.staticmethod {
        match d.downcast::<crate::function::MethodWrapper>() {
            Some(w) => w.func.get(),
            None => return Entry::EMPTY,
        }
    } else {
        return Entry::EMPTY;
    };
    Entry::new(Kind::TypeAttr, type_version(cls), 0, value)
}

// ---- attribute stores ----------------------------------------------------------

/// `obj.name = value` (`StoreAttr`): a store into an instance dict of a known shape
/// inline, the rest out of line.
#[inline(always)]
pub fn store_attr(vm: &mut Vm, c: &InlineCache, obj: Value, name: Value, value: Value) -> PyResult<()> {
    if let Some(h) = obj.header() {
        let e = c.entry.get();
        let v = type_version(h.ty.get());
        if v == e.version || c.also_covers(v) {
            let done = match e.kind {
                Kind::InstanceDict => dict::store_if_shape(h.dict(), e.shape, e.hint as usize, value),
                Kind::Slot => store_slot(obj, e.hint as usize, value),
                _ => false,
            };
            if done {
                return Ok(());
            }
        }
    }
    store_attr_slow(vm, c, obj, name, value)
}

#[inline(never)]
fn store_attr_slow(vm: &mut Vm, c: &InlineCache, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let tv = type_version(vm.type_of(obj));
    if use_store(vm, c.entry_for(tv), obj, name, value) || use_store(vm, c.older.get(), obj, name, value) {
        return Ok(());
    }
    let key = l2_key(name, OP_STORE);
    if !typeobj::is_type(obj) {
        if let Some(e) = vm.attr_l2.get(tv, key) {
            if use_store(vm, e, obj, name, value) {
                c.learn(e);
                return Ok(());
            }
        }
    }
    let before = shape_of(obj);
    attr::setattr(vm, obj, name, value)?;
    let e = describe_store(vm, obj, name, before);
    remember(vm, c, key, e);
    Ok(())
}

/// Stores `value` as entry `e` says, if it applies to `obj`.
fn use_store(vm: &mut Vm, e: Entry, obj: Value, name: Value, value: Value) -> bool {
    if e.kind == Kind::Empty || type_version(vm.type_of(obj)) != e.version {
        return false;
    }
    match e.kind {
        Kind::InstanceDict => dict::store_if_shape(instance_dict(obj), e.shape, e.hint as usize, value),
        Kind::AddKey => add_key(vm, e, obj, name, value),
        Kind::Slot => store_slot(obj, e.hint as usize, value),
        _ => false,
    }
}

/// `AddKey`: appends `name` to `obj`'s instance dict (made first if it has none).
fn add_key(vm: &mut Vm, e: Entry, obj: Value, name: Value, value: Value) -> bool {
    let Some(h) = obj.header() else { return false };
    let mut d = h.dict();
    if e.shape != shape_of(obj) {
        return false;
    }
    if d.is_null() {
        d = dict::new_instance_dict(vm);
        h.set_dict(d);
    }
    dict::append_if_shape(d, dict::keys_version(d), e.hint as usize, name, value, e.to)
}

/// Where `obj.name = v` just stored, when that went through `object.__setattr__`
/// into the instance dict (whose shape was `before`) or a slot.
fn describe_store(vm: &mut Vm, obj: Value, name: Value, before: u64) -> Entry {
    if typeobj::is_type(obj) {
        return Entry::EMPTY;
    }
    let ty = vm.type_of(obj);
    let sa = vm.n.setattr;
    if typeobj::lookup(vm, ty, sa) != Some(vm.t.object_setattr) {
        return Entry::EMPTY;
    }
    let version = type_version(ty);
    if let Some(d) = typeobj::lookup(vm, ty, name) {
        if let Some(m) = d.downcast::<Member>() {
            return if obj.is::<InstanceObj>() { Entry::new(Kind::Slot, version, m.index, Value::NULL) } else { Entry::EMPTY };
        }
        if attr::is_data_descriptor(vm, d) {
            return Entry::EMPTY;
        }
    }
    let Some(ix) = dict_index(obj, name) else { return Entry::EMPTY };
    let after = shape_of(obj);
    // A store that appended the name along a shared shape step is an `AddKey`
    // (a new dict starts as the empty shape 0).
    let from = if before == NO_DICT { 0 } else { before };
    if after != before && dict::shape_transition(from, name) == Some(after) {
        let e = Entry::new(Kind::AddKey, version, ix, Value::NULL).with_shape(before);
        return Entry { to: after, ..e };
    }
    Entry::new(Kind::InstanceDict, version, ix, Value::NULL).with_shape(after)
}

// ---- globals ---------------------------------------------------------------------

/// `LoadGlobal`: the globals dict, then the builtins dict; None if neither has it.
#[inline(always)]
pub fn load_global(c: &InlineCache, globals: Value, builtins: Value, name: Value) -> Option<Value> {
    let e = c.entry.get();
    match e.kind {
        Kind::Global => {
            if let Some(v) = dict::value_at_hint(globals, e.hint as usize, name) {
                return Some(v);
            }
        }
        Kind::Builtin if dict::keys_version(globals) == c.aux.get() => {
            if let Some(v) = dict::value_at_hint(builtins, e.hint as usize, name) {
                return Some(v);
            }
        }
        _ => {}
    }
    c.entry.set(Entry::EMPTY);
    if !dict::is_exact(globals) {
        return None; // `__getitem__` decides (crate::globals::load_global)
    }
    if let Some(v) = dict::get_str(globals, name) {
        if let Some(ix) = dict::index_of_name(globals, name) {
            c.entry.set(Entry::new(Kind::Global, 0, ix, Value::NULL));
        }
        return Some(v);
    }
    if !dict::is_exact(builtins) {
        return None; // `__getitem__` decides (crate::globals::load_global)
    }
    let v = dict::get_str(builtins, name);
    if v.is_some() {
        if let Some(ix) = dict::index_of_name(builtins, name) {
            c.entry.set(Entry::new(Kind::Builtin, 0, ix, Value::NULL));
            c.aux.set(dict::keys_version(globals));
        }
    }
    v
}
