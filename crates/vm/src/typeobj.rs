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
}

pub struct TypeObj {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub bases: RefCell<Vec<Value>>,
    pub mro: RefCell<Vec<Value>>,
    /// The nearest builtin ancestor whose instance layout this type's instances use.
    pub solid_base: Cell<Value>,
    /// The namespace: a dict.
    pub dict: Value,
    pub flags: Cell<u32>,
    pub version: Cell<u64>,
    /// Direct subclasses, to propagate version changes.
    pub subclasses: RefCell<Vec<Value>>,
    /// Names of `__slots__` members; instances store them in their slot array.
    pub slot_count: Cell<usize>,
}

impl Trace for TypeObj {
    fn trace(&self, t: &mut Tracer) {
        self.bases.trace(t);
        self.mro.trace(t);
        self.solid_base.trace(t);
        self.dict.trace(t);
        self.subclasses.trace(t);
    }
}
payload!(TypeObj, "type");

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

pub fn has_flag(ty: Value, f: u32) -> bool {
    tobj(ty).flags.get() & f != 0
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
            solid_base: Cell::new(Value::NULL),
            dict: d,
            flags: Cell::new(flags),
            version: Cell::new(version),
            subclasses: RefCell::new(vec![]),
            slot_count: Cell::new(0),
        },
    );
    let o = tobj(t);
    let mut mro = vec![t];
    if !base.is_null() {
        mro.extend(tobj(base).mro.borrow().iter().copied());
        o.solid_base.set(base);
        tobj(base).subclasses.borrow_mut().push(t);
    } else {
        o.solid_base.set(t);
    }
    *o.mro.borrow_mut() = mro;
    t
}

/// `_PyType_Lookup`: the first definition of `name` (an interned str) along the MRO.
pub fn lookup(vm: &mut Vm, ty: Value, name: Value) -> Option<Value> {
    let t = tobj(ty);
    let key = (ty.id(), name.id());
    let version = t.version.get();
    if let Some(e) = vm.method_cache.get(&key) {
        if e.version == version {
            return if e.value.is_null() { None } else { Some(e.value) };
        }
    }
    let found = lookup_uncached(ty, name);
    vm.method_cache.insert(key, CacheEntry { version, value: found.unwrap_or(Value::NULL) });
    found
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

/// `lookup` by a Rust string (interns it).
pub fn lookup_str(vm: &mut Vm, ty: Value, name: &str) -> Option<Value> {
    let n = vm.intern(name);
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

/// The C3 MRO of a new class with `bases`; TypeError as CPython when impossible.
pub fn compute_mro(vm: &mut Vm, ty: Value, bases: &[Value]) -> PyResult<Vec<Value>> {
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

/// The most derived solid base of `bases`; TypeError "multiple bases have instance
/// lay-out conflict" when two of them have different builtin layouts.
fn best_solid_base(vm: &mut Vm, bases: &[Value]) -> PyResult<Value> {
    let mut best = vm.t.object;
    for &b in bases {
        let sb = tobj(b).solid_base.get();
        if is_subtype(sb, best) {
            best = sb;
        } else if !is_subtype(best, sb) {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
    }
    Ok(best)
}

/// `type.__new__(meta, name, bases, ns)`: a new class.
pub fn new_class(vm: &mut Vm, meta: Value, name: &str, bases: &[Value], ns: Value) -> PyResult<Value> {
    for &b in bases {
        if !is_type(b) {
            return Err({ let __arg = format!(
                "type.__new__() argument 2 must be tuple of types, not {}", vm.type_name(b)
            ); vm.type_error(__arg) });
        }
        if tobj(b).flags.get() & tflag::BASETYPE == 0 {
            return Err(vm.type_error(format!("type '{}' is not an acceptable base type", type_name(b))));
        }
    }
    let object = vm.t.object;
    let bases: Vec<Value> = if bases.is_empty() { vec![object] } else { bases.to_vec() };
    let solid = best_solid_base(vm, &bases)?;
    let d = dict::copy(vm, ns)?;
    let version = vm.next_type_version;
    vm.next_type_version += 1;
    let mut flags = tflag::HEAPTYPE | tflag::BASETYPE | tflag::WEAKREFABLE;
    for &b in &bases {
        flags |= tobj(b).flags.get() & tflag::EXCEPTION;
    }
    let qualname = match dict::get_item_str(vm, d, "__qualname__")? {
        Some(q) => {
            let s = crate::str::as_str(q).map(str::to_string).ok_or_else(|| {
                let tn = vm.type_name(q);
                vm.type_error(format!("type __qualname__ must be a str, not {tn}"))
            })?;
            dict::del_item_str(vm, d, "__qualname__")?;
            s
        }
        None => name.to_string(),
    };
    let ty = vm.alloc(
        meta,
        TypeObj {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(qualname),
            bases: RefCell::new(bases.clone()),
            mro: RefCell::new(vec![]),
            solid_base: Cell::new(solid),
            dict: d,
            flags: Cell::new(flags),
            version: Cell::new(version),
            subclasses: RefCell::new(vec![]),
            slot_count: Cell::new(0),
        },
    );
    let mro = compute_mro(vm, ty, &bases)?;
    *tobj(ty).mro.borrow_mut() = mro;
    setup_slots(vm, ty, d, &bases)?;
    for &b in &bases {
        tobj(b).subclasses.borrow_mut().push(ty);
    }
    if dict::get_item_str(vm, d, "__module__")?.is_none() {
        if let Some(f) = vm.frames.last() {
            let g = f.globals;
            if let Some(m) = dict::get_item_str(vm, g, "__name__")? {
                dict::set_item_str(vm, d, "__module__", m)?;
            }
        }
    }
    if dict::get_item_str(vm, d, "__doc__")?.is_none() {
        let none = vm.none;
        dict::set_item_str(vm, d, "__doc__", none)?;
    }
    wrap_implicit_classmethods(vm, d)?;
    if let Some(cell) = dict::get_item_str(vm, d, "__classcell__")? {
        if let Some(c) = cell.downcast::<crate::function::CellObj>() {
            c.value.set(ty);
        } else {
            return Err({ let __arg = format!(
                "__classcell__ must be a nonlocal cell, not {}", vm.type_name(cell)
            ); vm.type_error(__arg) });
        }
        dict::del_item_str(vm, d, "__classcell__")?;
    }
    if has_flag(ty, tflag::HAS_DICT) && lookup_str(vm, ty, "__dict__").is_none() {
        let dd = crate::object_type::dict_descriptor(vm);
        dict::set_item_str(vm, d, "__dict__", dd)?;
        modified(vm, ty);
    }
    Ok(ty)
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

/// Handles `__slots__`: member descriptors for each slot, and whether instances get
/// a `__dict__`.
fn setup_slots(vm: &mut Vm, ty: Value, d: Value, bases: &[Value]) -> PyResult<()> {
    let t = tobj(ty);
    let inherited_slots: usize = bases.iter().map(|b| tobj(*b).slot_count.get()).max().unwrap_or(0);
    let base_has_dict = bases.iter().any(|b| has_flag(*b, tflag::HAS_DICT));
    let Some(slots) = dict::get_item_str(vm, d, "__slots__")? else {
        t.flags.set(t.flags.get() | tflag::HAS_DICT);
        t.slot_count.set(inherited_slots);
        return Ok(());
    };
    let holder = if crate::str::as_str(slots).is_some() {
        crate::list::new_list(vm, vec![slots])
    } else {
        crate::list::from_iterable(vm, slots)?
    };
    let names = crate::list::lobj(holder).items.borrow().clone();
    let mut index = inherited_slots;
    let mut has_dict = base_has_dict;
    for n in names {
        let Some(s) = crate::str::as_str(n) else {
            return Err({ let __arg = format!("__slots__ items must be strings, not '{}'", vm.type_name(n)); vm.type_error(__arg) });
        };
        if s == "__dict__" {
            has_dict = true;
            continue;
        }
        if s == "__weakref__" {
            continue;
        }
        if dict::get_item_str(vm, d, s)?.is_some() {
            return Err(vm.value_error(format!("'{s}' in __slots__ conflicts with class variable")));
        }
        let name = vm.intern(s);
        let m = crate::function::new_member(vm, name, ty, index);
        dict::set_item(vm, d, name, m)?;
        index += 1;
    }
    t.slot_count.set(index);
    std::hint::black_box(holder);
    if has_dict {
        t.flags.set(t.flags.get() | tflag::HAS_DICT);
    } else {
        t.flags.set(t.flags.get() & !tflag::HAS_DICT);
    }
    Ok(())
}

/// Calls `obj.__del__()` once, reporting errors as unraisable (as CPython does).
pub fn call_del(vm: &mut Vm, obj: Value) {
    let ty = vm.type_of(obj);
    if let Some(del) = lookup_str(vm, ty, "__del__") {
        if let Err(e) = crate::call::call(vm, del, &[obj]) {
            crate::exceptions::write_unraisable(vm, e, "Exception ignored in", del);
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
    let new = lookup_str(vm, ty, "__new__").expect("object.__new__ exists");
    let obj = crate::call::call_with_self(vm, new, ty, args)?;
    if !is_instance(vm, obj, ty) {
        return Ok(obj);
    }
    let oty = vm.type_of(obj);
    let init = lookup_str(vm, oty, "__init__").expect("object.__init__ exists");
    let r = crate::call::call_method_descr(vm, init, obj, args)?;
    if r != vm.none {
        return Err({ let __arg = format!("__init__() should return None, not '{}'", vm.type_name(r)); vm.type_error(__arg) });
    }
    Ok(obj)
}
