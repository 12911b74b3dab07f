//! `type`: type objects, the C3 MRO, attribute lookup along the MRO with a
//! version-keyed method cache, class creation and instantiation.
//!
//! Invariant: a type's `version` changes whenever its namespace or MRO changes, and
//! the change propagates to every subclass, so a cache entry (or, later, a JIT guard)
//! keyed by (type, version) is never stale.

use crate::dict;
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::{CacheEntry, Vm};
use std::cell::{Cell, RefCell};

pub mod tflag {
    /// Defined by a class statement: attributes may be set.
    pub const HEAPTYPE: u32 = 1;
    /// May be subclassed.
    pub const BASETYPE: u32 = 2;
    /// Instances may carry a `__dict__`.
    pub const HAS_DICT: u32 = 4;
    /// Abstract methods remain (`__abstractmethods__` non-empty).
    pub const ABSTRACT: u32 = 8;
    /// Subclass of BaseException.
    pub const EXCEPTION: u32 = 16;
    /// Instances may be weakly referenced.
    pub const WEAKREFABLE: u32 = 32;
    /// Instances hold a variable number of items inline (CPython's `tp_itemsize != 0`:
    /// int, tuple, bytes, type): subclasses cannot add slots.
    pub const VARSIZE: u32 = 64;
    /// CPython's Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING as `__flags__` shows them
    /// (set by `_abc` from `__abc_tpflags__` and `register()`, and on the builtin
    /// sequence and mapping types); a class without one takes its MRO's first.
    pub const SEQUENCE: u32 = 128;
    pub const MAPPING: u32 = 256;
    /// A builtin type whose instances bind through the type's `__get__` when
    /// found on a class, as functions do (functools' LRU cache wrapper).
    pub const NATIVE_GET: u32 = 512;
}

pub struct TypeObj {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub bases: RefCell<Vec<Value>>,
    pub mro: RefCell<Vec<Value>>,
    /// `__base__` (CPython's `tp_base`): the base whose instance layout this type
    /// extends; NULL for `object`.
    pub base: Cell<Value>,
    /// CPython's `solid_base`: the nearest ancestor (or the type itself) that defines
    /// the instance layout: a builtin type, or a class that added `__slots__`.
    pub solid_base: Cell<Value>,
    /// The namespace: a dict.
    pub dict: Value,
    pub flags: Cell<u32>,
    pub version: Cell<u64>,
    /// Direct subclasses, to propagate version changes.
    pub subclasses: RefCell<Vec<Value>>,
    /// Names of `__slots__` members; instances store them in their slot array.
    pub slot_count: Cell<usize>,
    /// `(version, __getattribute__)` as last looked up: attribute access checks it
    /// on every call, so it is kept on the type rather than in the method cache.
    pub getattribute: Cell<(u64, Value)>,
    /// What a call of the type looks up on every instance it makes, as last looked
    /// up (see `construct_of`).
    pub construct: Cell<Construct>,
}

/// The MRO lookups made for each instance of a type, cached on the type per
/// version: `__new__`, `__init__`, whether instances have a `__del__`, and whether
/// their `==`/`!=` are `object`'s.
#[derive(Clone, Copy)]
pub struct Construct {
    pub version: u64,
    /// NULL while nothing is cached.
    pub new: Value,
    pub init: Value,
    pub has_del: bool,
    /// `__eq__` and `__ne__` are `object`'s: instances are equal only to themselves.
    pub identity_eq: bool,
}

impl Construct {
    const NONE: Construct = Construct { version: 0, new: Value::NULL, init: Value::NULL, has_del: false, identity_eq: false };
}

impl Trace for TypeObj {
    fn trace(&self, t: &mut Tracer) {
        self.bases.trace(t);
        self.mro.trace(t);
        self.base.trace(t);
        self.solid_base.trace(t);
        self.dict.trace(t);
        // `subclasses` is weak (CPython's `tp_subclasses` holds weak references): the
        // collector prunes the dead ones (`prune_subclasses`).
        t.value(self.getattribute.get().1);
        let c = self.construct.get();
        t.value(c.new);
        t.value(c.init);
    }
}
payload!(TypeObj, "type");

/// After the collector marked what lives: forgets the dead types in `types` (every
/// type made) and drops the dead ones from each live type's subclasses.
pub fn prune_subclasses(types: &mut Vec<Value>, live: &dyn Fn(Value) -> bool) {
    types.retain(|&t| live(t));
    for &t in types.iter() {
        tobj(t).subclasses.borrow_mut().retain(|&s| live(s));
    }
}

/// The type object behind a value known to be a type.
pub fn tobj(ty: Value) -> &'static TypeObj {
    ty.downcast::<TypeObj>().expect("not a type object")
}

pub fn is_type(v: Value) -> bool {
    v.is::<TypeObj>()
}

pub fn type_name(ty: Value) -> String {
    match ty.downcast::<TypeObj>() {
        Some(t) => t.name.borrow().clone(),
        None => "?".into(),
    }
}

/// The type's name without the module a builtin type's name carries
/// ("zlib.error" -> "error"; CPython's `_PyType_Name`), as exception reprs show it.
pub fn short_name(ty: Value) -> String {
    let n = type_name(ty);
    match n.rfind('.') {
        Some(i) => n[i + 1..].to_string(),
        None => n,
    }
}

pub fn has_flag(ty: Value, f: u32) -> bool {
    tobj(ty).flags.get() & f != 0
}

/// Gives builtin type `ty` a `__doc__` of None unless it has one: CPython's static
/// types all have one in their namespace, so that their instances never find
/// `object.__doc__` instead. (Ferropy has no builtin docstrings yet, as CPython
/// built without them.)
pub fn set_builtin_doc(vm: &mut Vm, ty: Value) {
    let d = tobj(ty).dict;
    let key = vm.intern("__doc__");
    if dict::get_str(d, key).is_none() {
        let none = vm.none;
        dict::set_item_str(vm, d, "__doc__", none).expect("str keys");
    }
}

/// Allocates a builtin type (not yet with its MRO computed when `bases` is empty and
/// the type is `object`).
pub fn new_static_type(vm: &mut Vm, name: &str, base: Value, flags: u32) -> Value {
    let d = dict::new_dict(vm);
    let version = vm.next_type_version;
    vm.next_type_version += 1;
    let metatype = vm.t.type_;
    let t = vm.alloc(
        metatype,
        TypeObj {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(name.to_string()),
            bases: RefCell::new(if base.is_null() { vec![] } else { vec![base] }),
            mro: RefCell::new(vec![]),
            base: Cell::new(base),
            solid_base: Cell::new(Value::NULL),
            dict: d,
            flags: Cell::new(flags),
            version: Cell::new(version),
            subclasses: RefCell::new(vec![]),
            slot_count: Cell::new(0),
            getattribute: Cell::new((0, Value::NULL)),
            construct: Cell::new(Construct::NONE),
        },
    );
    vm.types.push(t);
    if vm.booted {
        // A builtin type made later, by a module: its `__doc__` comes first.
        set_builtin_doc(vm, t);
    }
    let o = tobj(t);
    let mut mro = vec![t];
    // A builtin derived from another builtin but `object` shares its layout (bool, the
    // exception classes); the others define their own.
    if !base.is_null() && tobj(base).base.get().is_null() {
        o.solid_base.set(t);
    } else if !base.is_null() {
        o.solid_base.set(tobj(base).solid_base.get());
    } else {
        o.solid_base.set(t);
    }
    if !base.is_null() {
        mro.extend(tobj(base).mro.borrow().iter().copied());
        tobj(base).subclasses.borrow_mut().push(t);
    }
    *o.mro.borrow_mut() = mro;
    t
}

/// Adds a read-only attribute: setting or deleting it raises AttributeError
/// "readonly attribute", as for CPython's read-only members.
pub fn add_readonly(vm: &mut Vm, ty: Value, name: &'static str, get: crate::function::Getter) {
    add_getset(vm, ty, name, get, readonly_set);
}

pub fn readonly_set(vm: &mut Vm, _: Value, _: Value) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

/// `_PyType_Lookup`: the first definition of `name` (an interned str) along the MRO.
pub fn lookup(vm: &mut Vm, ty: Value, name: Value) -> Option<Value> {
    let version = tobj(ty).version.get();
    let slot = cache_slot(ty, name);
    let e = vm.method_cache[slot];
    if e.type_id == ty.id() && e.name_id == name.id() && e.version == version {
        return if e.value.is_null() { None } else { Some(e.value) };
    }
    let found = lookup_uncached(ty, name);
    vm.method_cache[slot] = CacheEntry { type_id: ty.id(), name_id: name.id(), version, value: found.unwrap_or(Value::NULL) };
    found
}

fn cache_slot(ty: Value, name: Value) -> usize {
    let h = (ty.id() >> 4) ^ (name.id() >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 12)) as usize & (crate::vm::METHOD_CACHE_SIZE - 1)
}

fn lookup_uncached(ty: Value, name: Value) -> Option<Value> {
    let mro = tobj(ty).mro.borrow();
    for &base in mro.iter() {
        if let Some(v) = dict::get_str(tobj(base).dict, name) {
            return Some(v);
        }
    }
    None
}

/// The type's `__getattribute__` (cached on the type per version).
pub fn getattribute_of(vm: &mut Vm, ty: Value) -> Value {
    let t = tobj(ty);
    let (v, ga) = t.getattribute.get();
    if v == t.version.get() && !ga.is_null() {
        return ga;
    }
    let n = vm.n.getattribute;
    let ga = lookup(vm, ty, n).expect("object.__getattribute__");
    t.getattribute.set((t.version.get(), ga));
    ga
}

/// The type's `__new__`, `__init__` and `__del__` presence (cached on the type per
/// version): instance creation needs them for every object it makes.
#[inline]
pub fn construct_of(vm: &mut Vm, ty: Value) -> Construct {
    let t = tobj(ty);
    let c = t.construct.get();
    if c.version == t.version.get() && !c.new.is_null() {
        return c;
    }
    construct_lookup(vm, ty)
}

#[inline(never)]
fn construct_lookup(vm: &mut Vm, ty: Value) -> Construct {
    let t = tobj(ty);
    let object = vm.t.object;
    let c = Construct {
        version: t.version.get(),
        new: lookup_str(vm, ty, "__new__").unwrap_or(Value::NULL),
        init: lookup_str(vm, ty, "__init__").unwrap_or(Value::NULL),
        has_del: lookup_str(vm, ty, "__del__").is_some(),
        identity_eq: ["__eq__", "__ne__"].iter().all(|n| lookup_str(vm, ty, n) == lookup_str(vm, object, n)),
    };
    t.construct.set(c);
    c
}

/// Whether `base.__new__` refuses keyword arguments for `cls`: builtins such as
/// tuple and float leave them to a subclass that defines its own `__init__`.
pub fn new_rejects_kw(vm: &mut Vm, cls: Value, base: Value) -> bool {
    cls == base || lookup_str(vm, cls, "__init__") == lookup_str(vm, base, "__init__")
}

/// `lookup` by a Rust string (interns it).
pub fn lookup_str(vm: &mut Vm, ty: Value, name: &'static str) -> Option<Value> {
    let n = vm.intern_static(name);
    lookup(vm, ty, n)
}

/// Marks `ty` and all its subclasses as changed.
pub fn modified(vm: &mut Vm, ty: Value) {
    let t = tobj(ty);
    t.version.set(vm.next_type_version);
    vm.next_type_version += 1;
    let subs = t.subclasses.borrow().clone();
    for s in subs {
        modified(vm, s);
    }
}

/// `issubclass` along the MRO (no `__subclasscheck__`).
pub fn is_subtype(a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    match a.downcast::<TypeObj>() {
        Some(t) => t.mro.borrow().iter().any(|m| *m == b),
        None => false,
    }
}

/// `isinstance` by the type's MRO (no `__instancecheck__`).
pub fn is_instance(vm: &Vm, v: Value, ty: Value) -> bool {
    is_subtype(vm.type_of(v), ty)
}

/// Sets an attribute in a builtin type's namespace while the VM starts.
pub fn set_attr_raw(vm: &mut Vm, ty: Value, name: &str, v: Value) -> PyResult<()> {
    let k = vm.intern(name);
    dict::set_item(vm, tobj(ty).dict, k, v)?;
    modified(vm, ty);
    Ok(())
}

/// Adds a native method to a builtin type.
pub fn add_method(vm: &mut Vm, ty: Value, name: &'static str, f: crate::object::NativeFn) {
    let m = crate::function::new_native(vm, name, f, crate::function::NativeKind::Method, ty);
    set_attr_raw(vm, ty, name, m).expect("type setup");
}

/// Adds a native classmethod to a builtin type.
pub fn add_classmethod(vm: &mut Vm, ty: Value, name: &'static str, f: crate::object::NativeFn) {
    let m = crate::function::new_native(vm, name, f, crate::function::NativeKind::ClassMethod, ty);
    set_attr_raw(vm, ty, name, m).expect("type setup");
}

/// Adds a native staticmethod (such as `__new__`) to a builtin type.
pub fn add_static(vm: &mut Vm, ty: Value, name: &'static str, f: crate::object::NativeFn) {
    let m = crate::function::new_native(vm, name, f, crate::function::NativeKind::Static, ty);
    set_attr_raw(vm, ty, name, m).expect("type setup");
}

/// Adds a read-only computed attribute (a getset descriptor) to a builtin type.
pub fn add_getter(vm: &mut Vm, ty: Value, name: &'static str, get: crate::function::Getter) {
    let d = crate::function::new_getset(vm, name, ty, get, None);
    set_attr_raw(vm, ty, name, d).expect("type setup");
}

/// Adds a computed attribute with a setter to a builtin type.
pub fn add_getset(vm: &mut Vm, ty: Value, name: &'static str, get: crate::function::Getter, set: crate::function::Setter) {
    let d = crate::function::new_getset(vm, name, ty, get, Some(set));
    set_attr_raw(vm, ty, name, d).expect("type setup");
}

// ---- C3 linearization ---------------------------------------------------------------

fn check_duplicate_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<()> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].contains(b) {
            return Err(vm.type_error(format!("duplicate base class {}", type_name(*b))));
        }
    }
    Ok(())
}

/// The MRO of a class whose metaclass is not `type`: its metaclass's `mro()`,
/// checked as CPython's mro_invoke/mro_check check it.
fn metaclass_mro(vm: &mut Vm, ty: Value) -> PyResult<Vec<Value>> {
    let meta = vm.type_of(ty);
    let f = lookup_str(vm, meta, "mro").expect("type.mro");
    let r = crate::call::call_method_descr(vm, f, ty, Args::new(&[]))?;
    let t = crate::tuple::from_iterable(vm, r)?;
    let items = crate::tuple::items(t).to_vec();
    if items.is_empty() {
        return Err(vm.type_error("type MRO must not be empty"));
    }
    let solid_mro = tobj(tobj(ty).solid_base.get()).mro.borrow().clone();
    for &b in &items {
        if !is_type(b) {
            let m = format!("mro() returned a non-class ('{}')", vm.type_name(b));
            return Err(vm.type_error(m));
        }
        if !solid_mro.contains(&tobj(b).solid_base.get()) {
            let m = format!("mro() returned base with unsuitable layout ('{}')", type_name(b));
            return Err(vm.type_error(m));
        }
    }
    std::hint::black_box(t);
    Ok(items)
}

/// The MRO `ty` gets from its `__bases__`: C3, or its metaclass's `mro()`.
pub fn mro_from_bases(vm: &mut Vm, ty: Value) -> PyResult<Vec<Value>> {
    if vm.type_of(ty) == vm.t.type_ {
        let bases = tobj(ty).bases.borrow().clone();
        compute_mro(vm, ty, &bases)
    } else {
        metaclass_mro(vm, ty)
    }
}

/// The C3 MRO of a new class with `bases`; TypeError as CPython when impossible.
pub fn compute_mro(vm: &mut Vm, ty: Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    check_duplicate_bases(vm, bases)?;
    let mut seqs: Vec<Vec<Value>> = bases.iter().map(|b| tobj(*b).mro.borrow().clone()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![ty];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let head = seqs
            .iter()
            .map(|s| s[0])
            .find(|c| !seqs.iter().any(|s| s[1..].contains(c)));
        let Some(head) = head else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = type_name(s[0]);
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        out.push(head);
        for s in seqs.iter_mut() {
            if s[0] == head {
                s.remove(0);
            }
        }
    }
}

/// CPython's `best_base`: the base whose solid base extends every other base's
/// (`__base__`); TypeError "multiple bases have instance lay-out conflict" otherwise.
pub(crate) fn best_base(vm: &mut Vm, bases: &[Value]) -> PyResult<Value> {
    let mut winner = bases[0];
    for &b in &bases[1..] {
        let (sw, sb) = (tobj(winner).solid_base.get(), tobj(b).solid_base.get());
        if is_subtype(sw, sb) {
            continue;
        }
        if !is_subtype(sb, sw) {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
        winner = b;
    }
    Ok(winner)
}

/// The builtin type whose representation the instances of `ty` use (`object` for
/// plain classes, with or without `__slots__`).
pub fn builtin_layout(ty: Value) -> Value {
    let mut s = tobj(ty).solid_base.get();
    while has_flag(s, tflag::HEAPTYPE) {
        s = tobj(tobj(s).base.get()).solid_base.get();
    }
    s
}

fn check_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<()> {
    for &b in bases {
        if !is_type(b) {
            let m = format!("type.__new__() argument 2 must be tuple of types, not {}", vm.type_name(b));
            return Err(vm.type_error(m));
        }
        if tobj(b).flags.get() & tflag::BASETYPE == 0 {
            return Err(vm.type_error(format!("type '{}' is not an acceptable base type", type_name(b))));
        }
    }
    Ok(())
}

/// Removes `__qualname__` from a new class's namespace: the class's qualified name.
fn take_qualname(vm: &mut Vm, d: Value, name: &str) -> PyResult<String> {
    let Some(q) = dict::get_item_str(vm, d, "__qualname__")? else { return Ok(name.to_string()) };
    let Some(s) = crate::str::as_str(q).map(str::to_string) else {
        let m = format!("type __qualname__ must be a str, not {}", vm.type_name(q));
        return Err(vm.type_error(m));
    };
    dict::del_item_str(vm, d, "__qualname__")?;
    Ok(s)
}

/// `type.__new__(meta, name, bases, ns)`: a new class.
pub fn new_class(vm: &mut Vm, meta: Value, name: &str, bases: &[Value], ns: Value) -> PyResult<Value> {
    check_bases(vm, bases)?;
    let object = vm.t.object;
    let bases: Vec<Value> = if bases.is_empty() { vec![object] } else { bases.to_vec() };
    let base = best_base(vm, &bases)?;
    let d = dict::copy(vm, ns)?;
    let qualname = take_qualname(vm, d, name)?;
    let version = vm.next_type_version;
    vm.next_type_version += 1;
    let mut flags = tflag::HEAPTYPE | tflag::BASETYPE;
    for &b in &bases {
        flags |= tobj(b).flags.get() & tflag::EXCEPTION;
    }
    let ty = vm.alloc(
        meta,
        TypeObj {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(qualname),
            bases: RefCell::new(bases.clone()),
            mro: RefCell::new(vec![]),
            base: Cell::new(base),
            solid_base: Cell::new(tobj(base).solid_base.get()),
            dict: d,
            flags: Cell::new(flags),
            version: Cell::new(version),
            subclasses: RefCell::new(vec![]),
            slot_count: Cell::new(tobj(base).slot_count.get()),
            getattribute: Cell::new((0, Value::NULL)),
            construct: Cell::new(Construct::NONE),
        },
    );
    vm.types.push(ty);
    // The namespace is complete (and the `__class__` cell set) before the
    // MRO is computed: a metaclass's mro() may already call the methods
    // (CPython's type_new_set_attrs runs before PyType_Ready).
    set_module(vm, d)?;
    wrap_implicit_classmethods(vm, d)?;
    set_classcell(vm, ty, d)?;
    let mro = mro_from_bases(vm, ty)?;
    *tobj(ty).mro.borrow_mut() = mro;
    setup_slots(vm, ty, d, &bases)?;
    set_doc(vm, d)?;
    for &b in &bases {
        tobj(b).subclasses.borrow_mut().push(ty);
    }
    hash_none_if_eq(vm, d)?;
    modified(vm, ty);
    Ok(ty)
}

/// The `__module__` default: the calling frame's module.
fn set_module(vm: &mut Vm, d: Value) -> PyResult<()> {
    if dict::get_item_str(vm, d, "__module__")?.is_none() {
        if let Some(f) = vm.frames.last() {
            let g = f.globals;
            if let Some(m) = dict::get_item_str(vm, g, "__name__")? {
                dict::set_item_str(vm, d, "__module__", m)?;
            }
        }
    }
    Ok(())
}

/// `__doc__` defaults to None (after the `__dict__`/`__weakref__` descriptors,
/// in the namespace's order, as CPython's type_ready adds it).
fn set_doc(vm: &mut Vm, d: Value) -> PyResult<()> {
    if dict::get_item_str(vm, d, "__doc__")?.is_none() {
        let none = vm.none;
        dict::set_item_str(vm, d, "__doc__", none)?;
    }
    Ok(())
}

/// Fills the `__class__` cell of the methods using `super()` or `__class__`.
fn set_classcell(vm: &mut Vm, ty: Value, d: Value) -> PyResult<()> {
    let Some(cell) = dict::get_item_str(vm, d, "__classcell__")? else { return Ok(()) };
    let Some(c) = cell.downcast::<crate::function::CellObj>() else {
        let m = format!("__classcell__ must be a nonlocal cell, not {}", vm.type_name(cell));
        return Err(vm.type_error(m));
    };
    c.value.set(ty);
    dict::del_item_str(vm, d, "__classcell__")?;
    Ok(())
}

/// Sets `d[key] = v` unless the class body defined `key` itself.
fn set_default(vm: &mut Vm, d: Value, key: &str, v: Value) -> PyResult<()> {
    if dict::get_item_str(vm, d, key)?.is_none() {
        dict::set_item_str(vm, d, key, v)?;
    }
    Ok(())
}

/// A class that defines `__eq__` but not `__hash__` is unhashable: its namespace
/// gets `__hash__ = None` (CPython's `type_ready_set_hash` / `overrides_hash`).
fn hash_none_if_eq(vm: &mut Vm, d: Value) -> PyResult<()> {
    if dict::get_item_str(vm, d, "__eq__")?.is_some() && dict::get_item_str(vm, d, "__hash__")?.is_none() {
        let none = vm.none;
        dict::set_item_str(vm, d, "__hash__", none)?;
    }
    Ok(())
}

/// `__init_subclass__` and `__class_getitem__` are implicit classmethods, `__new__`
/// an implicit staticmethod, when defined as plain functions.
fn wrap_implicit_classmethods(vm: &mut Vm, d: Value) -> PyResult<()> {
    for (name, cm) in [("__init_subclass__", true), ("__class_getitem__", true), ("__new__", false)] {
        if let Some(f) = dict::get_item_str(vm, d, name)? {
            if f.is::<crate::function::FunctionObj>() {
                let w = if cm {
                    crate::function::new_classmethod(vm, f)
                } else {
                    crate::function::new_staticmethod(vm, f)
                };
                dict::set_item_str(vm, d, name, w)?;
            }
        }
    }
    Ok(())
}

/// The instance layout a class asks for (CPython's `type_new_slots`): member
/// descriptors for its `__slots__`, and whether instances get a `__dict__` and weak
/// references.
fn setup_slots(vm: &mut Vm, ty: Value, d: Value, bases: &[Value]) -> PyResult<()> {
    let base = tobj(ty).base.get();
    let varsize = has_flag(builtin_layout(base), tflag::VARSIZE);
    let base_dict = has_flag(base, tflag::HAS_DICT);
    let base_weak = has_flag(base, tflag::WEAKREFABLE);
    let (mut add_dict, mut add_weak) = (!base_dict, !base_weak && !varsize);
    if let Some(slots) = dict::get_item_str(vm, d, "__slots__")? {
        let holder = if crate::str::as_str(slots).is_some() {
            crate::list::new_list(vm, vec![slots])
        } else {
            crate::list::from_iterable(vm, slots)?
        };
        let names = crate::list::lobj(holder).items.borrow().clone();
        if !names.is_empty() && varsize {
            let m = format!("nonempty __slots__ not supported for subtype of '{}'", type_name(base));
            return Err(vm.type_error(m));
        }
        let members = slot_members(vm, &names, &mut add_dict, &mut add_weak, base_dict, base_weak || varsize)?;
        std::hint::black_box(holder);
        add_members(vm, ty, d, members)?;
    }
    // Secondary bases may provide a `__dict__` or weak references too.
    let has_dict = base_dict || add_dict || bases.iter().any(|b| has_flag(*b, tflag::HAS_DICT));
    let weak = base_weak || add_weak || bases.iter().any(|b| has_flag(*b, tflag::WEAKREFABLE));
    let t = tobj(ty);
    let mut flags = t.flags.get() & !(tflag::HAS_DICT | tflag::WEAKREFABLE);
    if has_dict {
        flags |= tflag::HAS_DICT;
    }
    if weak {
        flags |= tflag::WEAKREFABLE;
    }
    t.flags.set(flags);
    // A metaclass's instances are classes: `type.__dict__` (their namespace)
    // must stay visible, as in CPython where type has a dict already.
    let is_meta = is_subtype(base, vm.t.type_);
    if has_dict && !base_dict && !is_meta {
        let dd = crate::object_type::dict_descriptor(vm, ty);
        set_default(vm, d, "__dict__", dd)?;
    }
    if weak && !base_weak {
        let wd = crate::weakref::weakref_descriptor(vm, ty);
        set_default(vm, d, "__weakref__", wd)?;
    }
    Ok(())
}

/// Validates the names in `__slots__`, noting `__dict__` and `__weakref__`; the
/// other names, in the order members are laid out (sorted, as CPython does).
fn slot_members(
    vm: &mut Vm,
    names: &[Value],
    add_dict: &mut bool,
    add_weak: &mut bool,
    base_dict: bool,
    no_weak: bool,
) -> PyResult<Vec<String>> {
    let (mut want_dict, mut want_weak) = (false, false);
    let mut members = Vec::new();
    for &n in names {
        let Some(s) = crate::str::as_str(n) else {
            let m = format!("__slots__ items must be strings, not '{}'", vm.type_name(n));
            return Err(vm.type_error(m));
        };
        if !format::text::is_identifier(s) {
            return Err(vm.type_error("__slots__ must be identifiers"));
        }
        if s == "__dict__" {
            if base_dict || want_dict {
                return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
            }
            want_dict = true;
        } else if s == "__weakref__" {
            if no_weak || want_weak {
                return Err(vm.type_error("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0"));
            }
            want_weak = true;
        } else {
            members.push(s.to_string());
        }
    }
    *add_dict = want_dict;
    *add_weak = want_weak;
    members.sort();
    Ok(members)
}

/// A member descriptor per slot name (private names mangled), each with the next
/// index of the instances' slot array.
fn add_members(vm: &mut Vm, ty: Value, d: Value, members: Vec<String>) -> PyResult<()> {
    let cls_name = type_name(ty);
    let members: Vec<String> = members.iter().map(|s| compiler::symtable::mangle(Some(&cls_name), s)).collect();
    for s in &members {
        if dict::get_item_str(vm, d, s)?.is_some() {
            return Err(vm.value_error(format!("'{s}' in __slots__ conflicts with class variable")));
        }
    }
    if !members.is_empty() {
        tobj(ty).solid_base.set(ty);
    }
    for s in members {
        let name = vm.intern(&s);
        let index = tobj(ty).slot_count.get();
        let m = crate::function::new_member(vm, name, ty, index);
        dict::set_item(vm, d, name, m)?;
        tobj(ty).slot_count.set(index + 1);
    }
    Ok(())
}

/// Calls `obj.__del__()` once, reporting errors as unraisable (as CPython does).
pub fn call_del(vm: &mut Vm, obj: Value) {
    if obj.is::<crate::generator::GenObj>() {
        if crate::asyncgen_hooks::finalize(vm, obj) {
            return;
        }
        return crate::generator::finalize(vm, obj);
    }
    let ty = vm.type_of(obj);
    if let Some(del) = lookup_str(vm, ty, "__del__") {
        if let Err(e) = crate::call::call(vm, del, &[obj]) {
            crate::unraisable::write_unraisable(vm, e, None, del);
        }
    }
}

/// `type(x)` / `type(name, bases, dict)` / `Meta(...)`: calling a type object.
pub fn call_type(vm: &mut Vm, ty: Value, args: Args) -> PyResult {
    if ty == vm.t.type_ {
        let pos = args.pos();
        if pos.len() == 1 && !args.has_kw() {
            return Ok(vm.type_of(pos[0]));
        }
        if pos.len() != 3 {
            return Err(vm.type_error("type() takes 1 or 3 arguments"));
        }
    }
    let new = construct_of(vm, ty).new;
    if new.is_null() {
        let m = format!("cannot create '{}' instances", type_name(ty));
        return Err(vm.type_error(m));
    }
    let obj = crate::call::call_with_self(vm, new, ty, args)?;
    if !is_instance(vm, obj, ty) {
        return Ok(obj);
    }
    let oty = vm.type_of(obj);
    let oc = construct_of(vm, oty);
    // An instance of a class derived from a builtin type (list, dict, ...) was
    // allocated by the builtin's __new__, which does not look for __del__ as
    // object.__new__ does (object_type::new_instance).
    if oc.has_del && has_flag(oty, tflag::HEAPTYPE) && !obj.is::<crate::function::InstanceObj>() {
        vm.heap.set_has_del(obj);
    }
    let init = oc.init;
    // `object.__init__` needs no call: only its argument check.
    let object = vm.t.object;
    if construct_of(vm, object).init == init {
        crate::object_type::check_object_init(vm, oty, !args.vals.is_empty())?;
        return Ok(obj);
    }
    let r = crate::call::call_method_descr(vm, init, obj, args)?;
    if r != vm.none {
        return Err({ let __arg = format!("__init__() should return None, not '{}'", vm.type_name(r)); vm.type_error(__arg) });
    }
    Ok(obj)
}
