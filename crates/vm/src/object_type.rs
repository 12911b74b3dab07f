//! `object`: the root type's methods (generic attribute access, default repr,
//! identity equality and hashing, `__init_subclass__`, `__class__` assignment).

use crate::function::InstanceObj;
use crate::object::{Args, PyResult};
use crate::typeobj::{self, tflag};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

/// A new instance of a class whose layout is plain `object`.
pub fn new_instance(vm: &mut Vm, cls: Value) -> Value {
    let n = typeobj::tobj(cls).slot_count.get();
    let obj = vm.alloc(cls, InstanceObj { slots: RefCell::new(vec![Value::NULL; n].into_boxed_slice()) });
    if typeobj::construct_of(vm, cls).has_del {
        vm.heap.set_has_del(obj);
    }
    obj
}

fn excess_args(vm: &mut Vm, args: &Args) -> bool {
    let _ = vm;
    args.vals.len() > 1
}

fn object_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    if !typeobj::is_type(cls) {
        return Err({ let __arg = format!("object.__new__(X): X is not a type object ({})", vm.type_name(cls)); vm.type_error(__arg) });
    }
    if excess_args(vm, &args) {
        let (new_overridden, init_overridden) = overrides(vm, cls);
        if new_overridden {
            return Err(vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if !init_overridden {
            return Err(vm.type_error(format!("{}() takes no arguments", typeobj::type_name(cls))));
        }
    }
    if typeobj::has_flag(cls, tflag::ABSTRACT) {
        return Err(abstract_error(vm, cls));
    }
    if typeobj::builtin_layout(cls) != vm.t.object {
        let sb = static_new_base(vm, cls)?;
        return Err(vm.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            typeobj::type_name(cls),
            typeobj::type_name(sb)
        )));
    }
    Ok(new_instance(vm, cls))
}

/// The first class along `__base__` whose `__new__` is not written in Python: the
/// one CPython's "is not safe" error tells to use.
fn static_new_base(vm: &mut Vm, cls: Value) -> PyResult {
    let mut t = cls;
    while typeobj::has_flag(t, tflag::HEAPTYPE) && crate::dict::get_item_str(vm, typeobj::tobj(t).dict, "__new__")?.is_some() {
        t = typeobj::tobj(t).base.get();
    }
    Ok(t)
}

/// `T.__new__(cls)` for a subclass `cls` of `T` is refused when the first builtin
/// class along `cls`'s `__base__` chain has another `__new__` than `T`'s
/// (CPython's `tp_new_wrapper`: `int.__new__(bool)`); `object.__new__` checks
/// its own way (`object_new`).
pub fn check_safe_new(vm: &mut Vm, owner: Value, cls: Value) -> PyResult<()> {
    let mut s = cls;
    while typeobj::has_flag(s, tflag::HEAPTYPE) {
        s = typeobj::tobj(s).base.get();
    }
    if typeobj::lookup_str(vm, s, "__new__") != typeobj::lookup_str(vm, owner, "__new__") {
        let (o, c, b) = (typeobj::type_name(owner), typeobj::type_name(cls), typeobj::type_name(s));
        return Err(vm.type_error(format!("{o}.__new__({c}) is not safe, use {b}.__new__()")));
    }
    Ok(())
}

fn abstract_error(vm: &mut Vm, cls: Value) -> crate::object::PyErr {
    let d = typeobj::tobj(cls).dict;
    let names = crate::dict::get_item_str(vm, d, "__abstractmethods__").ok().flatten();
    let mut ns: Vec<String> = match names {
        Some(n) => crate::set::elements(n).iter().filter_map(|v| crate::str::as_str(*v).map(str::to_string)).collect(),
        None => vec![],
    };
    ns.sort();
    vm.type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        typeobj::type_name(cls),
        if ns.len() == 1 { "" } else { "s" },
        ns.join(", ")
    ))
}

fn object_init(vm: &mut Vm, args: Args) -> PyResult {
    let cls = vm.type_of(args.vals[0]);
    check_object_init(vm, cls, args.vals.len() > 1)?;
    Ok(vm.none)
}

/// Whether `cls` has a `__new__` and an `__init__` other than `object`'s.
fn overrides(vm: &mut Vm, cls: Value) -> (bool, bool) {
    let c = typeobj::construct_of(vm, cls);
    let o = typeobj::construct_of(vm, vm.t.object);
    (c.new != o.new, c.init != o.init)
}

/// `object.__init__`'s one rule: extra arguments are an error unless `cls`
/// overrides `__new__` and not `__init__` (CPython's `object_init`).
pub fn check_object_init(vm: &mut Vm, cls: Value, has_args: bool) -> PyResult<()> {
    if has_args {
        let (new_overridden, init_overridden) = overrides(vm, cls);
        if init_overridden {
            return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if !new_overridden {
            let m = format!("{}.__init__() takes exactly one argument (the instance to initialize)", typeobj::type_name(cls));
            return Err(vm.type_error(m));
        }
    }
    Ok(())
}

/// `object.__repr__`: `<module.Qualname object at 0x...>`.
pub fn default_repr(vm: &mut Vm, v: Value) -> String {
    let ty = vm.type_of(v);
    let q = typeobj::tobj(ty).qualname.borrow().clone();
    let m = typeobj::lookup_str(vm, ty, "__module__").and_then(|m| crate::str::as_str(m).map(str::to_string));
    match m {
        Some(m) if m != "builtins" => format!("<{m}.{q} object at {:#x}>", v.id()),
        _ => format!("<{q} object at {:#x}>", v.id()),
    }
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let s = default_repr(vm, a[0]);
    Ok(crate::str::new_str(vm, s))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__str__", 1, 1)?;
    crate::ops::call_repr(vm, a[0])
}

fn object_eq(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__eq__", 2, 2)?;
    Ok(if a[0] == a[1] { vm.true_ } else { vm.not_implemented })
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__ne__", 2, 2)?;
    let ty = vm.type_of(a[0]);
    let eq = typeobj::lookup_str(vm, ty, "__eq__").expect("object.__eq__");
    let r = crate::ops::call_compare_slot(vm, eq, a[0], a[1])?;
    if r == vm.not_implemented {
        return Ok(r);
    }
    let b = crate::ops::truthy(vm, r)?;
    Ok(vm.bool(!b))
}

fn object_not_implemented(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.not_implemented)
}

fn object_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    Ok(crate::int::from_i64(vm, crate::hash::hash_pointer(a[0])))
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getattribute__", 2, 2)?;
    let n = crate::attr::interned_name(vm, a[1])?;
    crate::attr::generic_getattr(vm, a[0], n)
}

/// CPython's `hackcheck`: `object.__setattr__(cls, ...)` must not bypass
/// `type.__setattr__`.
fn check_not_type(vm: &mut Vm, obj: Value, what: &str) -> PyResult<()> {
    if typeobj::is_type(obj) {
        return Err(vm.type_error(format!("can't apply this {what} to type object")));
    }
    Ok(())
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setattr__", 3, 3)?;
    check_not_type(vm, a[0], "__setattr__")?;
    crate::attr::generic_setattr(vm, a[0], a[1], a[2])?;
    Ok(vm.none)
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__delattr__", 2, 2)?;
    check_not_type(vm, a[0], "__delattr__")?;
    crate::attr::generic_setattr(vm, a[0], a[1], Value::NULL)?;
    Ok(vm.none)
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__format__", 2, 2)?;
    let spec = crate::str_methods::str_arg(vm, a[1], "format() argument 2")?;
    if !spec.is_empty() {
        return Err({ let __arg = format!("unsupported format string passed to {}.__format__", vm.type_name(a[0])); vm.type_error(__arg) });
    }
    crate::ops::str(vm, a[0])
}

fn object_dir(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__dir__", 1, 1)?;
    let names = crate::set::new_set(vm);
    // As CPython: the names in `obj.__dict__` (a bound method's are its
    // function's) and those reachable from `obj.__class__`, both looked up as
    // attributes.
    let n = vm.intern("__dict__");
    if let Some(d) = crate::attr::getattr_opt(vm, a[0], n)? {
        if d.is::<crate::dict::DictObj>() {
            crate::set::update(vm, names, d)?;
        }
    }
    let n = vm.intern("__class__");
    if let Some(cls) = crate::attr::getattr_opt(vm, a[0], n)?.filter(|c| typeobj::is_type(*c)) {
        let mro = typeobj::tobj(cls).mro.borrow().clone();
        for t in mro {
            crate::set::update(vm, names, typeobj::tobj(t).dict)?;
        }
    }
    crate::list::from_iterable(vm, names)
}

fn object_init_subclass(vm: &mut Vm, args: Args) -> PyResult {
    if args.has_kw() {
        let q = typeobj::tobj(args.vals[0]).qualname.borrow().clone();
        return Err(vm.type_error(format!("{q}.__init_subclass__() takes no keyword arguments")));
    }
    Ok(vm.none)
}

fn object_subclasshook(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.not_implemented)
}

fn object_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__sizeof__", 1, 1)?;
    // Exact floats report CPython's size whether inline or boxed.
    let size = if vm.type_of(a[0]) == vm.t.float {
        24
    } else {
        a[0].header().map(|h| h.kind().size).unwrap_or(28)
    };
    Ok(crate::int::from_usize(vm, size))
}

/// `object.__reduce_ex__(protocol)`: an overridden `__reduce__` wins; otherwise
/// `copyreg.__newobj__`-style reduction for protocol 2 and later.
fn object_reduce_ex(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce_ex__", 2, 2)?;
    let proto = crate::number::index_i64(vm, a[1])?;
    let cls = vm.type_of(a[0]);
    let own = typeobj::lookup_str(vm, cls, "__reduce__");
    let base = typeobj::lookup_str(vm, vm.t.object, "__reduce__");
    if own.is_some() && own != base {
        return crate::call::call_method(vm, a[0], "__reduce__", &[]);
    }
    common_reduce(vm, a[0], proto)
}

fn object_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    common_reduce(vm, a[0], 0)
}

fn common_reduce(vm: &mut Vm, obj: Value, proto: i64) -> PyResult {
    if proto >= 2 {
        return reduce_newobj(vm, obj);
    }
    let copyreg = crate::import::import_simple(vm, "copyreg")?;
    let f = crate::attr::getattr_str(vm, copyreg, "_reduce_ex")?;
    let p = crate::int::from_i64(vm, proto);
    crate::call::call(vm, f, &[obj, p])
}

/// CPython's `reduce_newobj`: `(copyreg.__newobj__, (cls, *args), state,
/// listitems, dictitems)`.
fn reduce_newobj(vm: &mut Vm, obj: Value) -> PyResult {
    let cls = vm.type_of(obj);
    let (args, kwargs) = get_new_arguments(vm, obj)?;
    let copyreg = crate::import::import_simple(vm, "copyreg")?;
    let simple = kwargs.is_null() || crate::dict::dobj(kwargs).is_empty();
    let (newobj, newargs) = if simple {
        let f = crate::attr::getattr_str(vm, copyreg, "__newobj__")?;
        let mut items = vec![cls];
        if !args.is_null() {
            items.extend_from_slice(crate::tuple::items(args));
        }
        (f, crate::tuple::new_tuple(vm, items))
    } else {
        let f = crate::attr::getattr_str(vm, copyreg, "__newobj_ex__")?;
        (f, crate::tuple::new_tuple(vm, vec![cls, args, kwargs]))
    };
    let is_list = typeobj::is_instance(vm, obj, vm.t.list);
    let is_dict = typeobj::is_instance(vm, obj, vm.t.dict);
    let state = get_state(vm, obj, args.is_null() && !is_list && !is_dict)?;
    let listitems = if is_list { crate::ops::iter(vm, obj)? } else { vm.none };
    let dictitems = if is_dict {
        let items = crate::call::call_method(vm, obj, "items", &[])?;
        crate::ops::iter(vm, items)?
    } else {
        vm.none
    };
    Ok(crate::tuple::new_tuple(vm, vec![newobj, newargs, state, listitems, dictitems]))
}

/// `__getnewargs_ex__()` or `__getnewargs__()`: (args tuple, kwargs dict), NULL
/// for what is not given.
fn get_new_arguments(vm: &mut Vm, obj: Value) -> PyResult<(Value, Value)> {
    if let Some(r) = crate::call::call_special(vm, obj, "__getnewargs_ex__", &[])? {
        let Some(t) = crate::ops::as_tuple(r) else {
            let m = format!("__getnewargs_ex__ should return a tuple, not '{}'", vm.type_name(r));
            return Err(vm.type_error(m));
        };
        if t.items.len() != 2 {
            let m = format!("__getnewargs_ex__ should return a tuple of length 2, not {}", t.items.len());
            return Err(vm.value_error(m));
        }
        let (args, kwargs) = (t.items[0], t.items[1]);
        if !crate::tuple::is_tuple(args) {
            let m = format!("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'", vm.type_name(args));
            return Err(vm.type_error(m));
        }
        if !kwargs.is::<crate::dict::DictObj>() {
            let m = format!("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'", vm.type_name(kwargs));
            return Err(vm.type_error(m));
        }
        return Ok((args, kwargs));
    }
    match crate::call::call_special(vm, obj, "__getnewargs__", &[])? {
        Some(r) if crate::tuple::is_tuple(r) => Ok((r, Value::NULL)),
        Some(r) => {
            let m = format!("__getnewargs__ should return a tuple, not '{}'", vm.type_name(r));
            Err(vm.type_error(m))
        }
        None => Ok((Value::NULL, Value::NULL)),
    }
}

/// `obj.__getstate__()`, the default one told whether the state must describe the
/// whole object (no constructor arguments will).
fn get_state(vm: &mut Vm, obj: Value, required: bool) -> PyResult {
    let cls = vm.type_of(obj);
    let own = typeobj::lookup_str(vm, cls, "__getstate__");
    let base = typeobj::lookup_str(vm, vm.t.object, "__getstate__");
    if own.is_some() && own != base {
        return crate::call::call_method(vm, obj, "__getstate__", &[]);
    }
    default_state(vm, obj, required)
}

fn object_getstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getstate__", 1, 1)?;
    default_state(vm, a[0], false)
}

/// `object.__getstate__`: the instance `__dict__` (None when empty), paired with a
/// dict of the `__slots__` that are set, if any.
fn default_state(vm: &mut Vm, obj: Value, required: bool) -> PyResult {
    let cls = vm.type_of(obj);
    if required && typeobj::builtin_layout(cls) != vm.t.object {
        let m = format!("cannot pickle '{}' object", vm.type_name(obj));
        return Err(vm.type_error(m));
    }
    let d = obj.header().map_or(Value::NULL, |h| h.dict());
    let mut state = if d.is_null() || crate::dict::dobj(d).is_empty() { vm.none } else { d };
    if typeobj::tobj(cls).slot_count.get() == 0 {
        return Ok(state);
    }
    let copyreg = crate::import::import_simple(vm, "copyreg")?;
    let f = crate::attr::getattr_str(vm, copyreg, "_slotnames")?;
    let names = crate::call::call(vm, f, &[cls])?;
    let slots = crate::dict::new_dict(vm);
    let it = crate::ops::iter(vm, names)?;
    while let Some(n) = crate::ops::next(vm, it)? {
        if let Some(v) = crate::attr::getattr_opt(vm, obj, n)? {
            crate::dict::set_item(vm, slots, n, v)?;
        }
    }
    if !crate::dict::dobj(slots).is_empty() {
        state = crate::tuple::new_tuple(vm, vec![state, slots]);
    }
    Ok(state)
}

fn get_class(vm: &mut Vm, v: Value) -> PyResult {
    Ok(vm.type_of(v))
}

fn set_class(vm: &mut Vm, v: Value, cls: Value) -> PyResult<()> {
    if cls.is_null() {
        return Err(vm.type_error("can't delete __class__ attribute"));
    }
    if !typeobj::is_type(cls) {
        return Err({ let __arg = format!("__class__ must be set to a class, not '{}' object", vm.type_name(cls)); vm.type_error(__arg) });
    }
    let old = vm.type_of(v);
    let modules = typeobj::is_subtype(cls, vm.t.module) && typeobj::is_subtype(old, vm.t.module);
    if !modules && !(typeobj::has_flag(cls, tflag::HEAPTYPE) && typeobj::has_flag(old, tflag::HEAPTYPE)) {
        return Err(vm.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    }
    if !same_layout(cls, old) {
        return Err(vm.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            typeobj::type_name(cls),
            typeobj::type_name(old)
        )));
    }
    v.header().unwrap().ty.set(cls);
    Ok(())
}

/// CPython's `compatible_for_assignment`: instances of `a` and `b` have the same
/// layout (solid base, slots, `__dict__`).
pub(crate) fn same_layout(a: Value, b: Value) -> bool {
    let (ta, tb) = (typeobj::tobj(a), typeobj::tobj(b));
    ta.solid_base.get() == tb.solid_base.get()
        && ta.slot_count.get() == tb.slot_count.get()
        && typeobj::has_flag(a, tflag::HAS_DICT) == typeobj::has_flag(b, tflag::HAS_DICT)
}

fn get_dict(vm: &mut Vm, v: Value) -> PyResult {
    let ty = vm.type_of(v);
    if !typeobj::has_flag(ty, tflag::HAS_DICT) {
        return Err({ let __arg = format!("'{}' object has no attribute '__dict__'", vm.type_name(v)); vm.attribute_error(__arg) });
    }
    crate::func_type::header_dict(vm, v)
}

/// `obj.__dict__ = d`; `del obj.__dict__` drops the dict (a fresh one appears on
/// next use), as CPython's `subtype_setdict` does.
fn set_dict(vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
    if d.is_null() {
        if let Some(h) = v.header() {
            h.set_dict(Value::NULL);
        }
        return Ok(());
    }
    crate::func_type::set_header_dict(vm, v, d)
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_classmethod, add_getset, add_method, add_static};
    let t = vm.t.object;
    add_static(vm, t, "__new__", object_new);
    add_method(vm, t, "__init__", object_init);
    add_method(vm, t, "__repr__", object_repr);
    add_method(vm, t, "__str__", object_str);
    add_method(vm, t, "__eq__", object_eq);
    add_method(vm, t, "__ne__", object_ne);
    for n in ["__lt__", "__le__", "__gt__", "__ge__"] {
        add_method(vm, t, n, object_not_implemented);
    }
    add_method(vm, t, "__hash__", object_hash);
    add_method(vm, t, "__getattribute__", object_getattribute);
    add_method(vm, t, "__setattr__", object_setattr);
    add_method(vm, t, "__delattr__", object_delattr);
    add_method(vm, t, "__format__", object_format);
    add_method(vm, t, "__dir__", object_dir);
    add_method(vm, t, "__sizeof__", object_sizeof);
    add_method(vm, t, "__reduce_ex__", object_reduce_ex);
    add_method(vm, t, "__reduce__", object_reduce);
    let doc = crate::str::alloc_str(
        vm,
        "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n",
    );
    typeobj::set_attr_raw(vm, t, "__doc__", doc).expect("type setup");
    add_method(vm, t, "__getstate__", object_getstate);
    add_classmethod(vm, t, "__init_subclass__", object_init_subclass);
    add_classmethod(vm, t, "__subclasshook__", object_subclasshook);
    add_getset(vm, t, "__class__", get_class, set_class);
    let d = typeobj::tobj(t).dict;
    let ga = vm.intern("__getattribute__");
    vm.t.object_getattribute = crate::dict::get_str(d, ga).unwrap();
    let sa = vm.intern("__setattr__");
    vm.t.object_setattr = crate::dict::get_str(d, sa).unwrap();
    let da = vm.intern("__delattr__");
    vm.t.object_delattr = crate::dict::get_str(d, da).unwrap();
    let _ = get_dict;
}

/// Installs `__dict__` on classes whose instances have one (class creation).
pub fn dict_descriptor(vm: &mut Vm, owner: Value) -> Value {
    crate::function::new_getset(vm, "__dict__", owner, get_dict, Some(set_dict))
}
