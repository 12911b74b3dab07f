//! The `_abc` module behind `abc.ABCMeta` (CPython's Modules/_abc.c). Each ABC keeps
//! an `_abc_data` in `cls._abc_impl`: the registered classes, the positive cache and
//! the negative cache, each a set of weak references (removed from the set by a
//! callback when the class dies), and the invalidation counter value its negative
//! cache was filled at. `register()` bumps the counter, which empties every ABC's
//! negative cache at its next check.
//!
//! Without this module `abc` falls back to `_py_abc`, whose extra frames make
//! `typing`'s caller checks (`_allow_reckless_class_checks`) fail.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::tflag;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

pub struct AbcData {
    registry: Cell<Value>,
    cache: Cell<Value>,
    negative_cache: Cell<Value>,
    negative_version: Cell<u64>,
}
impl Trace for AbcData {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.registry.get());
        t.value(self.cache.get());
        t.value(self.negative_cache.get());
    }
}
payload!(AbcData, "_abc_data");

thread_local! {
    /// The `_abc_data` type, created once (rooted by `vm.extra_roots`).
    static DATA_TYPE: Cell<Value> = const { Cell::new(Value::NULL) };
    /// CPython's `abc_invalidation_counter`.
    static INVALIDATION: Cell<u64> = const { Cell::new(0) };
}

fn counter() -> u64 {
    INVALIDATION.with(|c| c.get())
}

fn new_data(vm: &mut Vm) -> Value {
    let ty = DATA_TYPE.with(|c| c.get());
    let data = AbcData {
        registry: Cell::new(Value::NULL),
        cache: Cell::new(Value::NULL),
        negative_cache: Cell::new(Value::NULL),
        negative_version: Cell::new(counter()),
    };
    vm.alloc(ty, data)
}

fn data_new(vm: &mut Vm, args: Args) -> PyResult {
    args.shift().exact(vm, "_abc_data", 0, 0)?;
    Ok(new_data(vm))
}

/// `cls._abc_impl`, checked to be an `_abc_data`; the caller keeps the returned
/// Value alive while it uses the data.
fn get_impl(vm: &mut Vm, cls: Value) -> PyResult<(Value, &'static AbcData)> {
    let impl_ = crate::attr::getattr_str(vm, cls, "_abc_impl")?;
    match impl_.downcast::<AbcData>() {
        Some(d) => Ok((impl_, d)),
        None => Err(vm.type_error("_abc_impl is set to a wrong type")),
    }
}

/// Is `obj` in the weak set `set` (NULL when never created)? Objects that cannot be
/// weakly referenced are in no weak set.
fn in_weak_set(vm: &mut Vm, set: Value, obj: Value) -> PyResult<bool> {
    if set.is_null() || crate::set::len(set) == 0 {
        return Ok(false);
    }
    let r = match crate::weakref::new_ref(vm, obj, Value::NULL) {
        Ok(r) => r,
        Err(e) if crate::exceptions::matches(vm, e, vm.e.type_error) => return Ok(false),
        Err(e) => return Err(e),
    };
    crate::set::contains(vm, set, r)
}

/// Adds a weak reference to `obj` to the weak set in `cell`, creating the set on
/// first use. The reference's callback (`_destroy`, bound to a weak reference to the
/// set) takes it out of the set when `obj` dies.
fn add_to_weak_set(vm: &mut Vm, cell: &Cell<Value>, obj: Value) -> PyResult<()> {
    let mut set = cell.get();
    if set.is_null() {
        set = crate::set::new_set(vm);
        cell.set(set);
    }
    let set_ref = crate::weakref::new_ref(vm, set, Value::NULL)?;
    let ty = vm.t.builtin_function;
    let kind = crate::function::NativeKind::Function;
    let destroy = vm.alloc(ty, crate::function::NativeFunction { name: "_destroy", func: destroy, kind, owner: Value::NULL, self_: set_ref });
    let r = crate::weakref::new_ref(vm, obj, destroy)?;
    crate::set::add(vm, set, r)
}

/// `_destroy(set_ref, obj_ref)`: the callback removing a dead class's reference.
fn destroy(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_destroy", 2, 2)?;
    let set = a[0].downcast::<crate::weakref::WeakRefObj>().map_or(Value::NULL, |w| w.target.get());
    if !set.is_null() && crate::set::is_anyset(set) {
        crate::set::discard_key(vm, set, a[1])?;
    }
    Ok(vm.none)
}

fn clear_weak_set(cell: &Cell<Value>) {
    let set = cell.get();
    if !set.is_null() {
        crate::set::clear(set);
    }
}

/// `_PyObject_IsAbstract`: a true `__isabstractmethod__`.
fn is_abstract(vm: &mut Vm, v: Value) -> PyResult<bool> {
    let n = vm.intern("__isabstractmethod__");
    match crate::attr::getattr_opt(vm, v, n)? {
        Some(flag) => crate::ops::truthy(vm, flag),
        None => Ok(false),
    }
}

/// Sets `cls.__abstractmethods__`: the abstract names of its namespace, and the names
/// abstract in a base that are still abstract when looked up on `cls`.
fn compute_abstract_methods(vm: &mut Vm, cls: Value) -> PyResult<()> {
    let frozenset = vm.t.frozenset;
    let abstracts = crate::set::new_set_of_type(vm, frozenset);
    let ns = crate::attr::getattr_str(vm, cls, "__dict__")?;
    let items = crate::call::call_method(vm, ns, "items", &[])?;
    // A list of the items: the namespace may change while `__isabstractmethod__` runs.
    let items = crate::list::from_iterable(vm, items)?;
    let _pin = crate::gc::pin(items);
    let n = crate::list::lobj(items).items.borrow().len();
    for i in 0..n {
        let Some(it) = crate::list::lobj(items).items.borrow().get(i).copied() else { break };
        let pair = crate::list::seq_fast(vm, it, "items() returned item which is not a 2-tuple")?;
        let pair = crate::list::lobj(pair).items.borrow().clone();
        if pair.len() != 2 {
            return Err(vm.type_error("items() returned item which size is not 2"));
        }
        let (key, value) = (pair[0], pair[1]);
        if is_abstract(vm, value)? {
            crate::set::add(vm, abstracts, key)?;
        }
    }
    let bases = crate::attr::getattr_str(vm, cls, "__bases__")?;
    if !crate::tuple::is_tuple(bases) {
        return Err(vm.type_error("__bases__ is not tuple"));
    }
    let am = vm.intern("__abstractmethods__");
    for &base in crate::tuple::items(bases) {
        let Some(base_abstracts) = crate::attr::getattr_opt(vm, base, am)? else { continue };
        let it = crate::ops::iter(vm, base_abstracts)?;
        while let Some(key) = crate::ops::next(vm, it)? {
            let Some(value) = crate::attr::getattr_opt(vm, cls, key)? else { continue };
            if is_abstract(vm, value)? {
                crate::set::add(vm, abstracts, key)?;
            }
        }
    }
    crate::attr::setattr(vm, cls, am, abstracts)
}

/// CPython's Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING, as `__abc_tpflags__` spells them.
const TPFLAGS_SEQUENCE: i64 = 1 << 5;
const TPFLAGS_MAPPING: i64 = 1 << 6;

/// `__abc_tpflags__` in a class namespace (collections.abc's Sequence and Mapping)
/// marks the class as a sequence or mapping (`__flags__`); the entry is consumed.
fn take_abc_tpflags(vm: &mut Vm, cls: Value) -> PyResult<()> {
    let d = crate::typeobj::tobj(cls).dict;
    let Some(flags) = crate::dict::get_item_str(vm, d, "__abc_tpflags__")? else { return Ok(()) };
    if vm.type_of(flags) == vm.t.int {
        let Some(val) = crate::int::as_i64(flags) else {
            return Err(vm.overflow_error("Python int too large to convert to C long"));
        };
        let both = TPFLAGS_SEQUENCE | TPFLAGS_MAPPING;
        if val & both == both {
            return Err(vm.type_error("__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING"));
        }
        let t = crate::typeobj::tobj(cls);
        if val & TPFLAGS_SEQUENCE != 0 {
            t.flags.set(t.flags.get() | tflag::SEQUENCE);
        } else if val & TPFLAGS_MAPPING != 0 {
            t.flags.set(t.flags.get() | tflag::MAPPING);
        }
    }
    let key = vm.intern("__abc_tpflags__");
    crate::dict::pop_item(vm, d, key)?;
    Ok(())
}

fn abc_init(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_abc_init", 1, 1)?;
    let cls = a[0];
    compute_abstract_methods(vm, cls)?;
    let data = new_data(vm);
    crate::attr::setattr_str(vm, cls, "_abc_impl", data)?;
    if crate::typeobj::is_type(cls) {
        take_abc_tpflags(vm, cls)?;
    }
    Ok(vm.none)
}

fn abc_register(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_abc_register", 2, 2)?;
    let (cls, sub) = (a[0], a[1]);
    if !crate::typeobj::is_type(sub) {
        return Err(vm.type_error("Can only register classes"));
    }
    if crate::builtins::issubclass(vm, sub, cls)? {
        return Ok(sub); // Already a subclass.
    }
    // Tested after "already a subclass": X.register(X) is a no-op.
    if crate::builtins::issubclass(vm, cls, sub)? {
        return Err(vm.runtime_error("Refusing to create an inheritance cycle"));
    }
    let (impl_, data) = get_impl(vm, cls)?;
    let _pin = crate::gc::pin(impl_);
    add_to_weak_set(vm, &data.registry, sub)?;
    // Invalidates every ABC's negative cache.
    INVALIDATION.with(|c| c.set(c.get() + 1));
    if crate::typeobj::is_type(cls) {
        let flag = crate::typeobj_methods::collection_flag(vm, cls);
        if flag != 0 {
            set_collection_flag_recursive(vm, sub, flag);
        }
    }
    Ok(sub)
}

/// A registered class (and its subclasses) takes the ABC's sequence/mapping kind;
/// builtin types keep theirs.
fn set_collection_flag_recursive(vm: &Vm, child: Value, flag: u32) {
    let t = crate::typeobj::tobj(child);
    if t.flags.get() & tflag::HEAPTYPE == 0 || crate::typeobj_methods::collection_flag(vm, child) == flag {
        return;
    }
    t.flags.set(t.flags.get() & !(tflag::SEQUENCE | tflag::MAPPING) | flag);
    let children = t.subclasses.borrow().clone();
    for c in children {
        if crate::typeobj::is_type(c) {
            set_collection_flag_recursive(vm, c, flag);
        }
    }
}

fn abc_instancecheck(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_abc_instancecheck", 2, 2)?;
    let (cls, instance) = (a[0], a[1]);
    let (impl_, data) = get_impl(vm, cls)?;
    let _pin = crate::gc::pin(impl_);
    let subclass = crate::attr::getattr_str(vm, instance, "__class__")?;
    if in_weak_set(vm, data.cache.get(), subclass)? {
        return Ok(vm.true_);
    }
    let subtype = vm.type_of(instance);
    if subtype == subclass {
        if data.negative_version.get() == counter() && in_weak_set(vm, data.negative_cache.get(), subclass)? {
            return Ok(vm.false_);
        }
        return crate::call::call_method(vm, cls, "__subclasscheck__", &[subclass]);
    }
    let r = crate::call::call_method(vm, cls, "__subclasscheck__", &[subclass])?;
    if crate::ops::truthy(vm, r)? {
        return Ok(r);
    }
    crate::call::call_method(vm, cls, "__subclasscheck__", &[subtype])
}

fn abc_subclasscheck(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_abc_subclasscheck", 2, 2)?;
    let (cls, sub) = (a[0], a[1]);
    if !crate::typeobj::is_type(sub) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    let (impl_, data) = get_impl(vm, cls)?;
    let _pin = crate::gc::pin(impl_);
    let r = subclasscheck(vm, cls, sub, data)?;
    Ok(vm.bool(r))
}

fn subclasscheck(vm: &mut Vm, cls: Value, sub: Value, data: &AbcData) -> PyResult<bool> {
    // 1. The cache.
    if in_weak_set(vm, data.cache.get(), sub)? {
        return Ok(true);
    }
    // 2. The negative cache, emptied first if a registration happened since it filled.
    if data.negative_version.get() < counter() {
        clear_weak_set(&data.negative_cache);
        data.negative_version.set(counter());
    } else if in_weak_set(vm, data.negative_cache.get(), sub)? {
        return Ok(false);
    }
    // 3. The subclass hook.
    let ok = crate::call::call_method(vm, cls, "__subclasshook__", &[sub])?;
    if ok == vm.true_ {
        add_to_weak_set(vm, &data.cache, sub)?;
        return Ok(true);
    }
    if ok == vm.false_ {
        add_to_weak_set(vm, &data.negative_cache, sub)?;
        return Ok(false);
    }
    if ok != vm.not_implemented {
        let e = vm.e.assertion_error;
        return Err(vm.new_exc(e, "__subclasshook__ must return either False, True, or NotImplemented"));
    }
    // 4. A direct subclass.
    if crate::typeobj::tobj(sub).mro.borrow().contains(&cls) {
        add_to_weak_set(vm, &data.cache, sub)?;
        return Ok(true);
    }
    // 5. A subclass of a registered class.
    if in_weak_set(vm, data.registry.get(), sub)? {
        return Ok(true);
    }
    if registry_has_base_of(vm, data, sub)? {
        add_to_weak_set(vm, &data.cache, sub)?;
        return Ok(true);
    }
    // 6. A subclass of a subclass.
    let subclasses = crate::call::call_method(vm, cls, "__subclasses__", &[])?;
    if !subclasses.is::<crate::list::ListObj>() {
        return Err(vm.type_error("__subclasses__() must return a list"));
    }
    let _pin = crate::gc::pin(subclasses);
    let mut i = 0;
    while let Some(scls) = crate::list::lobj(subclasses).items.borrow().get(i).copied() {
        if crate::builtins::issubclass(vm, sub, scls)? {
            add_to_weak_set(vm, &data.cache, sub)?;
            return Ok(true);
        }
        i += 1;
    }
    add_to_weak_set(vm, &data.negative_cache, sub)?;
    Ok(false)
}

/// Is `sub` a subclass of a live registered class? The registry is copied first: a
/// callback may remove entries meanwhile.
fn registry_has_base_of(vm: &mut Vm, data: &AbcData, sub: Value) -> PyResult<bool> {
    let registry = data.registry.get();
    if registry.is_null() || crate::set::len(registry) == 0 {
        return Ok(false);
    }
    let copy = crate::set::elements(registry);
    let snapshot = crate::list::new_list(vm, copy);
    let _pin = crate::gc::pin(snapshot);
    let refs = crate::list::lobj(snapshot).items.borrow().clone();
    for r in refs {
        let Some(w) = r.downcast::<crate::weakref::WeakRefObj>() else {
            return Err(vm.new_exc(vm.e.system_error, "bad argument to internal function"));
        };
        let base = w.target.get();
        if base.is_null() {
            continue;
        }
        if crate::builtins::issubclass(vm, sub, base)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn get_cache_token(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "get_cache_token", 0, 0)?;
    Ok(crate::int::from_bigint(vm, num_bigint::BigInt::from(counter())))
}

/// A new set holding the weak set's references (empty for a never-created one).
fn copy_weak_set(vm: &mut Vm, set: Value) -> PyResult {
    let out = crate::set::new_set(vm);
    if !set.is_null() {
        crate::set::update(vm, out, set)?;
    }
    Ok(out)
}

fn get_dump(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_get_dump", 1, 1)?;
    let (impl_, data) = get_impl(vm, a[0])?;
    let _pin = crate::gc::pin(impl_);
    let buf = crate::list::ValueBuf::new(vm);
    for cell in [&data.registry, &data.cache, &data.negative_cache] {
        let s = copy_weak_set(vm, cell.get())?;
        buf.push(s);
    }
    let v = crate::int::from_bigint(vm, num_bigint::BigInt::from(data.negative_version.get()));
    buf.push(v);
    Ok(buf.into_tuple(vm))
}

fn reset_registry(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_reset_registry", 1, 1)?;
    let (_, data) = get_impl(vm, a[0])?;
    clear_weak_set(&data.registry);
    Ok(vm.none)
}

fn reset_caches(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_reset_caches", 1, 1)?;
    let (_, data) = get_impl(vm, a[0])?;
    clear_weak_set(&data.cache);
    clear_weak_set(&data.negative_cache);
    Ok(vm.none)
}

fn data_type(vm: &mut Vm) -> PyResult<Value> {
    let t = DATA_TYPE.with(|c| c.get());
    if !t.is_null() {
        return Ok(t);
    }
    let obj = vm.t.object;
    let t = crate::typeobj::new_static_type(vm, "_abc_data", obj, 0);
    crate::typeobj::add_static(vm, t, "__new__", data_new);
    let m = vm.intern("_abc");
    crate::typeobj::set_attr_raw(vm, t, "__module__", m)?;
    let doc = crate::str::alloc_str(vm, "Internal state held by ABC machinery.");
    crate::typeobj::set_attr_raw(vm, t, "__doc__", doc)?;
    vm.extra_roots.push(t);
    DATA_TYPE.with(|c| c.set(t));
    Ok(t)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    data_type(vm)?;
    super::add_functions(vm, m, &[
        ("get_cache_token", get_cache_token),
        ("_abc_init", abc_init),
        ("_abc_register", abc_register),
        ("_abc_instancecheck", abc_instancecheck),
        ("_abc_subclasscheck", abc_subclasscheck),
        ("_get_dump", get_dump),
        ("_reset_registry", reset_registry),
        ("_reset_caches", reset_caches),
    ])
}
