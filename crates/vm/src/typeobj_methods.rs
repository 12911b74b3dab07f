//! The Python-visible methods and attributes of `type` (`typeobj.rs` has the
//! machinery): `type(...)`, `__name__`, `__mro__`, `mro()`, `__subclasses__`,
//! `__instancecheck__`, class creation hooks (`__set_name__`, `__init_subclass__`).

use crate::dict;
use crate::object::{Args, PyResult};
use crate::typeobj::{self, tflag, tobj};
use crate::value::Value;
use crate::vm::Vm;

/// `type.__new__(meta, name, bases, ns, **kw)`.
fn type_new(vm: &mut Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let meta = pos[0];
    if pos.len() == 2 && !args.has_kw() && meta == vm.t.type_ {
        return Ok(vm.type_of(pos[1]));
    }
    if pos.len() != 4 {
        return Err(vm.type_error("type.__new__() takes exactly 3 arguments (".to_string() + &(pos.len() - 1).to_string() + " given)"));
    }
    crate::str_methods::str_arg(vm, pos[1], "type.__new__() argument 1")?;
    let name = checked_type_name(vm, pos[1])?;
    if !crate::tuple::is_tuple(pos[2]) {
        return Err({ let __arg = format!("type.__new__() argument 2 must be tuple, not {}", vm.type_name(pos[2])); vm.type_error(__arg) });
    }
    if !pos[3].is::<dict::DictObj>() {
        return Err({ let __arg = format!("type.__new__() argument 3 must be dict, not {}", vm.type_name(pos[3])); vm.type_error(__arg) });
    }
    if let Some(doc) = dict::get_item_str(vm, pos[3], "__doc__")? {
        utf8_encodable(vm, doc)?;
    }
    let bases = crate::tuple::items(pos[2]).to_vec();
    check_no_mro_entries(vm, &bases)?;
    let winner = crate::builtins::calculate_meta(vm, meta, &bases)?;
    if winner != meta {
        // A more derived metaclass with its own `__new__` creates the class.
        let new = typeobj::lookup_str(vm, winner, "__new__").expect("type.__new__");
        let type_new = typeobj::lookup_str(vm, vm.t.type_, "__new__");
        if Some(new) != type_new {
            return crate::call::call_with_self(vm, new, winner, args.shift());
        }
    }
    let cls = typeobj::new_class(vm, winner, &name, &bases, pos[3])?;
    set_names(vm, cls)?;
    init_subclass(vm, cls, args)?;
    compute_abstract(vm, cls)?;
    Ok(cls)
}

/// A class name must encode to UTF-8 and hold no NUL (CPython keeps it as a C string).
fn checked_type_name(vm: &mut Vm, name: Value) -> PyResult<String> {
    utf8_encodable(vm, name)?;
    let s = crate::str::as_str(name).unwrap_or("").to_string();
    if s.contains('\0') {
        return Err(vm.value_error("type name must not contain null characters"));
    }
    Ok(s)
}

/// UnicodeEncodeError, as `str.encode()` words it, for a str with a lone surrogate.
fn utf8_encodable(vm: &mut Vm, v: Value) -> PyResult<()> {
    if crate::str::has_surrogates(v) {
        crate::call::call_method(vm, v, "encode", &[])?;
    }
    Ok(())
}

/// `type(name, bases, ns)` leaves `__mro_entries__` to `types.new_class`.
fn check_no_mro_entries(vm: &mut Vm, bases: &[Value]) -> PyResult<()> {
    for &b in bases {
        if !typeobj::is_type(b) {
            let t = vm.type_of(b);
            if typeobj::lookup_str(vm, t, "__mro_entries__").is_some() {
                return Err(vm.type_error("type() doesn't support MRO entry resolution; use types.new_class()"));
            }
        }
    }
    Ok(())
}

/// Calls `__set_name__(cls, name)` on every attribute that defines it.
fn set_names(vm: &mut Vm, cls: Value) -> PyResult<()> {
    let items = dict::dobj(tobj(cls).dict).items();
    let holder = crate::list::new_list(vm, items.iter().map(|(_, v)| *v).collect());
    for (k, v) in items {
        if let Some(r) = crate::call::call_special(vm, v, "__set_name__", &[cls, k]).transpose() {
            r.map_err(|e| set_name_error(vm, e, v, k, cls))?;
        }
    }
    std::hint::black_box(holder);
    Ok(())
}

/// 3.11 wraps a failing `__set_name__` in a RuntimeError caused by the error.
fn set_name_error(vm: &mut Vm, e: crate::object::PyErr, attr: Value, name: Value, cls: Value) -> crate::object::PyErr {
    let m = format!(
        "Error calling __set_name__ on '{}' instance '{}' in '{}'",
        vm.type_name(attr),
        crate::str::as_str(name).unwrap_or("?"),
        typeobj::type_name(cls)
    );
    let r = vm.runtime_error(m);
    crate::exceptions::set_context(vm, r.0, e.0);
    crate::exceptions::set_cause(vm, r.0, e.0);
    r
}

/// `super(cls, cls).__init_subclass__(**kw)`.
fn init_subclass(vm: &mut Vm, cls: Value, args: Args) -> PyResult<()> {
    let mro = tobj(cls).mro.borrow().clone();
    let name = vm.intern("__init_subclass__");
    for t in mro.iter().skip(1) {
        if let Some(f) = dict::get_str(tobj(*t).dict, name) {
            let bound = crate::attr::descr_get(vm, f, Value::NULL, cls)?;
            let bound = if bound == f && f.is::<crate::function::FunctionObj>() {
                crate::function::new_bound_method(vm, f, cls)
            } else {
                bound
            };
            let kwvals: Vec<Value> = args.kw().map(|(_, v)| v).collect();
            crate::call::call_args(vm, bound, Args::with_kw(&kwvals, args.kwnames))?;
            return Ok(());
        }
    }
    Ok(())
}

/// `__abstractmethods__`: names still abstract after inheritance (as abc does;
/// kept in the type so instantiation can refuse).
fn compute_abstract(vm: &mut Vm, cls: Value) -> PyResult<()> {
    let d = tobj(cls).dict;
    if dict::get_item_str(vm, d, "__abstractmethods__")?.is_some() {
        let v = dict::get_item_str(vm, d, "__abstractmethods__")?.unwrap();
        let nonempty = crate::ops::truthy(vm, v)?;
        let t = tobj(cls);
        t.flags.set(if nonempty { t.flags.get() | tflag::ABSTRACT } else { t.flags.get() & !tflag::ABSTRACT });
    }
    Ok(())
}

fn type_init(vm: &mut Vm, args: Args) -> PyResult {
    let n = args.pos().len();
    if n != 2 && n != 4 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(vm.none)
}

fn type_call(vm: &mut Vm, args: Args) -> PyResult {
    typeobj::call_type(vm, args.vals[0], args.shift())
}

fn type_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let t = a[0];
    let q = tobj(t).qualname.borrow().clone();
    let m = dict::get_item_str(vm, tobj(t).dict, "__module__")?.and_then(|m| crate::str::as_str(m).map(str::to_string));
    let s = match m {
        Some(m) if m != "builtins" => format!("<class '{m}.{q}'>"),
        _ => format!("<class '{q}'>"),
    };
    Ok(crate::str::new_str(vm, s))
}

fn type_getattribute(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getattribute__", 2, 2)?;
    let n = crate::attr::interned_name(vm, a[1])?;
    crate::attr::generic_getattr(vm, a[0], n)
}

fn type_setattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setattr__", 3, 3)?;
    crate::attr::generic_setattr(vm, a[0], a[1], a[2])?;
    Ok(vm.none)
}

fn type_delattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__delattr__", 2, 2)?;
    crate::attr::generic_setattr(vm, a[0], a[1], Value::NULL)?;
    Ok(vm.none)
}

/// `type.mro()`: the C3 linearization of the bases (computed, as CPython's
/// mro_implementation: a metaclass's mro() calls it while `__mro__` is not set yet).
fn type_mro(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "mro", 1, 1)?;
    let bases = tobj(a[0]).bases.borrow().clone();
    let items = typeobj::compute_mro(vm, a[0], &bases)?;
    Ok(crate::list::new_list(vm, items))
}

fn type_subclasses(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__subclasses__", 1, 1)?;
    let items = tobj(a[0]).subclasses.borrow().clone();
    Ok(crate::list::new_list(vm, items))
}

fn type_instancecheck(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__instancecheck__", 2, 2)?;
    let r = crate::builtins::object_isinstance(vm, a[1], a[0])?;
    Ok(vm.bool(r))
}

fn type_subclasscheck(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__subclasscheck__", 2, 2)?;
    let r = crate::builtins::recursive_issubclass(vm, a[1], a[0])?;
    Ok(vm.bool(r))
}

fn type_prepare(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(dict::new_dict(vm))
}

fn type_dir(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__dir__", 1, 1)?;
    let names = crate::set::new_set(vm);
    let mro = tobj(a[0]).mro.borrow().clone();
    for t in mro {
        crate::set::update(vm, names, tobj(t).dict)?;
    }
    crate::list::from_iterable(vm, names)
}

fn type_or(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__or__", 2, 2)?;
    crate::generic_alias::new_union(vm, a[0], a[1])
}

fn type_ror(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__ror__", 2, 2)?;
    crate::generic_alias::new_union(vm, a[1], a[0])
}

fn get_name(vm: &mut Vm, v: Value) -> PyResult {
    // A builtin type's name may carry its module ("weakref.ReferenceType", as
    // CPython's tp_name, which messages quote); __name__ is the part after the dot.
    let n = if typeobj::has_flag(v, typeobj::tflag::HEAPTYPE) { typeobj::type_name(v) } else { typeobj::short_name(v) };
    Ok(crate::str::new_str(vm, n))
}
fn set_name(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    check_special(vm, v, n, "__name__")?;
    if crate::str::as_str(n).is_none() {
        let m = format!("can only assign string to {}.__name__, not '{}'", typeobj::type_name(v), vm.type_name(n));
        return Err(vm.type_error(m));
    }
    let s = checked_type_name(vm, n)?;
    *tobj(v).name.borrow_mut() = s;
    Ok(())
}
fn get_qualname(vm: &mut Vm, v: Value) -> PyResult {
    let n = tobj(v).qualname.borrow().clone();
    Ok(crate::str::new_str(vm, n))
}
fn set_qualname(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    check_special(vm, v, n, "__qualname__")?;
    let s = crate::str::as_str(n).ok_or_else(|| { let __arg = format!("can only assign string to {}.__qualname__, not '{}'", typeobj::type_name(v), vm.type_name(n)); vm.type_error(__arg) })?;
    *tobj(v).qualname.borrow_mut() = s.to_string();
    Ok(())
}
fn check_heap(vm: &mut Vm, v: Value, what: &str) -> PyResult<()> {
    if !typeobj::has_flag(v, tflag::HEAPTYPE) {
        return Err(vm.type_error(format!("cannot set '{what}' attribute of immutable type '{}'", typeobj::type_name(v))));
    }
    Ok(())
}

/// `check_heap`, and deleting (`value` NULL) is refused too, as CPython's
/// `check_set_special_type_attr` words it.
fn check_special(vm: &mut Vm, v: Value, value: Value, what: &str) -> PyResult<()> {
    check_heap(vm, v, what)?;
    if value.is_null() {
        return Err(vm.type_error(format!("cannot delete '{what}' attribute of immutable type '{}'", typeobj::type_name(v))));
    }
    Ok(())
}
fn get_bases(vm: &mut Vm, v: Value) -> PyResult {
    let b = tobj(v).bases.borrow().clone();
    Ok(crate::tuple::new_tuple(vm, b))
}
fn get_base(vm: &mut Vm, v: Value) -> PyResult {
    let b = tobj(v).base.get();
    Ok(if b.is_null() { vm.none } else { b })
}
fn get_mro(vm: &mut Vm, v: Value) -> PyResult {
    let m = tobj(v).mro.borrow().clone();
    Ok(crate::tuple::new_tuple(vm, m))
}
fn get_dict(vm: &mut Vm, v: Value) -> PyResult {
    let d = tobj(v).dict;
    Ok(crate::module::new_mappingproxy(vm, d))
}
/// `type.__module__`: a class's `__module__` entry; for a builtin type the
/// module its dotted name gives, else builtins (`type`'s own entry is this
/// descriptor).
fn get_module(vm: &mut Vm, v: Value) -> PyResult {
    let d = tobj(v).dict;
    let entry = dict::get_item_str(vm, d, "__module__")?;
    if typeobj::has_flag(v, tflag::HEAPTYPE) {
        return entry.ok_or_else(|| vm.attribute_error("__module__"));
    }
    if let Some(m) = entry.filter(|m| crate::str::as_str(*m).is_some()) {
        return Ok(m);
    }
    let name = typeobj::type_name(v);
    match name.rsplit_once('.') {
        Some((module, _)) => Ok(crate::str::new_str(vm, module.to_string())),
        None => Ok(vm.intern("builtins")),
    }
}
fn set_module(vm: &mut Vm, v: Value, m: Value) -> PyResult<()> {
    check_special(vm, v, m, "__module__")?;
    dict::set_item_str(vm, tobj(v).dict, "__module__", m)?;
    typeobj::modified(vm, v);
    Ok(())
}
fn get_doc(vm: &mut Vm, v: Value) -> PyResult {
    let d = tobj(v).dict;
    let doc = dict::get_item_str(vm, d, "__doc__")?.unwrap_or(vm.none);
    if doc != vm.none && !doc.is::<crate::str::StrObj>() {
        let t = vm.type_of(doc);
        if let Some(g) = typeobj::lookup_str(vm, t, "__get__") {
            return crate::call::call_method_descr(vm, g, doc, Args::new(&[vm.none, v]));
        }
    }
    Ok(doc)
}
fn set_doc(vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
    check_special(vm, v, d, "__doc__")?;
    dict::set_item_str(vm, tobj(v).dict, "__doc__", d)?;
    typeobj::modified(vm, v);
    Ok(())
}
fn get_abstract(vm: &mut Vm, v: Value) -> PyResult {
    let d = tobj(v).dict;
    match dict::get_item_str(vm, d, "__abstractmethods__")? {
        Some(x) if v != vm.t.type_ => Ok(x),
        _ => Err(vm.attribute_error("__abstractmethods__")),
    }
}
fn set_abstract(vm: &mut Vm, v: Value, x: Value) -> PyResult<()> {
    let d = tobj(v).dict;
    if x.is_null() {
        dict::del_item_str(vm, d, "__abstractmethods__")?;
    } else {
        dict::set_item_str(vm, d, "__abstractmethods__", x)?;
    }
    let abstract_ = !x.is_null() && crate::ops::truthy(vm, x)?;
    let t = tobj(v);
    t.flags.set(if abstract_ { t.flags.get() | tflag::ABSTRACT } else { t.flags.get() & !tflag::ABSTRACT });
    typeobj::modified(vm, v);
    Ok(())
}
fn get_annotations(vm: &mut Vm, v: Value) -> PyResult {
    let d = tobj(v).dict;
    match dict::get_item_str(vm, d, "__annotations__")? {
        Some(a) => Ok(a),
        None => {
            if !typeobj::has_flag(v, tflag::HEAPTYPE) {
                return Err(vm.attribute_error(format!("type object '{}' has no attribute '__annotations__'", typeobj::type_name(v))));
            }
            let a = dict::new_dict(vm);
            dict::set_item_str(vm, d, "__annotations__", a)?;
            Ok(a)
        }
    }
}
fn set_annotations(vm: &mut Vm, v: Value, a: Value) -> PyResult<()> {
    check_heap(vm, v, "__annotations__")?;
    let d = tobj(v).dict;
    if a.is_null() {
        if !dict::del_item_str(vm, d, "__annotations__")? {
            let t = vm.e.attribute_error;
            return Err(vm.new_exc(t, "__annotations__"));
        }
    } else {
        dict::set_item_str(vm, d, "__annotations__", a)?;
    }
    typeobj::modified(vm, v);
    Ok(())
}

/// The pattern-matching kind of a type (`tflag::SEQUENCE`, `tflag::MAPPING` or 0):
/// its own, else that of the first class of its MRO that has one (CPython copies
/// it from the MRO when the class is made). list, tuple, range and memoryview are
/// sequences, dict and mappingproxy mappings.
pub fn collection_flag(vm: &Vm, t: Value) -> u32 {
    let mask = tflag::SEQUENCE | tflag::MAPPING;
    let mro = tobj(t).mro.borrow().clone();
    for c in std::iter::once(t).chain(mro) {
        if !typeobj::is_type(c) {
            continue;
        }
        if [vm.t.list, vm.t.tuple, vm.t.range, vm.t.memoryview].contains(&c) {
            return tflag::SEQUENCE;
        }
        if c == vm.t.dict || c == vm.t.mappingproxy {
            return tflag::MAPPING;
        }
        let own = tobj(c).flags.get() & mask;
        if own != 0 {
            return own;
        }
    }
    0
}

/// `__flags__`: CPython's `tp_flags` bits that follow from the type's state here
/// (`inspect.isabstract` tests Py_TPFLAGS_IS_ABSTRACT). Builtin types report
/// IMMUTABLETYPE and a version tag, classes HEAPTYPE and GC support; the
/// `*_SUBCLASS` bits follow the MRO.
fn get_flags(vm: &mut Vm, v: Value) -> PyResult {
    let t = tobj(v);
    let own = t.flags.get();
    let mut f: i64 = 1 << 12; // READY
    if own & tflag::HEAPTYPE != 0 {
        f |= 1 << 9 | 1 << 14; // HEAPTYPE, HAVE_GC
        if own & tflag::HAS_DICT != 0 && !typeobj::is_subtype(v, vm.e.base_exception) {
            f |= 1 << 4; // MANAGED_DICT
        }
    } else {
        f |= 1 << 8 | 1 << 19; // IMMUTABLETYPE, HAVE_VERSION_TAG
    }
    if own & tflag::BASETYPE != 0 {
        f |= 1 << 10;
    }
    if own & tflag::ABSTRACT != 0 {
        f |= 1 << 20;
    }
    f |= match collection_flag(vm, v) {
        tflag::SEQUENCE => 1 << 5,
        tflag::MAPPING => 1 << 6,
        _ => 0,
    };
    let subclass_bits = [
        (vm.t.int, 24), (vm.t.list, 25), (vm.t.tuple, 26), (vm.t.bytes, 27),
        (vm.t.str, 28), (vm.t.dict, 29), (vm.e.base_exception, 30), (vm.t.type_, 31),
    ];
    for (base, bit) in subclass_bits {
        if typeobj::is_subtype(v, base) {
            f |= 1 << bit;
        }
    }
    Ok(crate::int::from_i64(vm, f))
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_getset, add_getter, add_method, add_static};
    let t = vm.t.type_;
    add_static(vm, t, "__new__", type_new);
    add_method(vm, t, "__init__", type_init);
    add_method(vm, t, "__call__", type_call);
    add_method(vm, t, "__repr__", type_repr);
    add_method(vm, t, "__getattribute__", type_getattribute);
    add_method(vm, t, "__setattr__", type_setattr);
    add_method(vm, t, "__delattr__", type_delattr);
    add_method(vm, t, "mro", type_mro);
    add_method(vm, t, "__subclasses__", type_subclasses);
    add_method(vm, t, "__instancecheck__", type_instancecheck);
    add_method(vm, t, "__subclasscheck__", type_subclasscheck);
    add_method(vm, t, "__dir__", type_dir);
    add_method(vm, t, "__or__", type_or);
    add_method(vm, t, "__ror__", type_ror);
    let p = crate::function::new_native(vm, "__prepare__", type_prepare, crate::function::NativeKind::ClassMethod, t);
    typeobj::set_attr_raw(vm, t, "__prepare__", p).unwrap();
    add_getset(vm, t, "__name__", get_name, set_name);
    add_getset(vm, t, "__qualname__", get_qualname, set_qualname);
    add_getset(vm, t, "__module__", get_module, set_module);
    add_getset(vm, t, "__doc__", get_doc, set_doc);
    add_getter(vm, t, "__text_signature__", crate::signatures::type_signature);
    add_getset(vm, t, "__abstractmethods__", get_abstract, set_abstract);
    add_getset(vm, t, "__annotations__", get_annotations, set_annotations);
    add_getset(vm, t, "__bases__", get_bases, crate::typeobj_bases::set_bases);
    add_getter(vm, t, "__flags__", get_flags);
    add_getter(vm, t, "__base__", get_base);
    add_getter(vm, t, "__mro__", get_mro);
    add_getter(vm, t, "__dict__", get_dict);
    let d = tobj(t).dict;
    for (field, name) in [("ga", "__getattribute__"), ("sa", "__setattr__"), ("da", "__delattr__")] {
        let k = vm.intern(name);
        let v = dict::get_str(d, k).unwrap();
        match field {
            "ga" => vm.t.type_getattribute = v,
            "sa" => vm.t.type_setattr = v,
            _ => vm.t.type_delattr = v,
        }
    }
}
