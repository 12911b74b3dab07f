//! `module` objects (their namespace is the header dict) and `mappingproxy`.

use crate::dict;
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;

pub struct ModuleObj;
impl Trace for ModuleObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(ModuleObj, "module", dict);

/// A new module named `name` with the standard attributes set.
pub fn new_module(vm: &mut Vm, name: &str) -> PyResult {
    let t = vm.t.module;
    let m = vm.alloc(t, ModuleObj);
    let d = dict::new_dict(vm);
    m.header().unwrap().set_dict(d);
    init_dict(vm, d, name)?;
    Ok(m)
}

fn init_dict(vm: &mut Vm, d: Value, name: &str) -> PyResult<()> {
    let n = crate::str::alloc_str(vm, name);
    dict::set_item_str(vm, d, "__name__", n)?;
    let none = vm.none;
    for k in ["__doc__", "__package__", "__loader__", "__spec__"] {
        dict::set_item_str(vm, d, k, none)?;
    }
    Ok(())
}

pub fn module_dict(m: Value) -> Value {
    m.header().unwrap().dict()
}

/// The module's `__name__` for messages ("?" if unset).
pub fn module_name(vm: &mut Vm, m: Value) -> String {
    let d = module_dict(m);
    match dict::get_item_str(vm, d, "__name__") {
        Ok(Some(n)) => crate::str::as_str(n).unwrap_or("?").to_string(),
        _ => "?".to_string(),
    }
}

fn module_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let m = vm.alloc(cls, ModuleObj);
    let d = dict::new_dict(vm);
    m.header().unwrap().set_dict(d);
    Ok(m)
}

fn module_init(vm: &mut Vm, args: Args) -> PyResult {
    let [m, name, doc] = args.bind(vm, "module", ["self", "name", "doc"], 2, 1)?;
    let name_s = crate::str_methods::str_arg(vm, name, "module.__init__() argument 'name'")?.to_string();
    let d = module_dict(m);
    init_dict(vm, d, &name_s)?;
    if !doc.is_null() {
        dict::set_item_str(vm, d, "__doc__", doc)?;
    }
    Ok(vm.none)
}

/// `repr(module)`, as importlib's `_module_repr` in 3.11: the loader's
/// `module_repr()`, else from `__spec__`, else from `__name__`, `__file__` and
/// `__loader__`.
fn module_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let m = a[0];
    let loader = attr_or_none(vm, m, "__loader__")?;
    let module_repr = vm.intern("module_repr");
    if let Some(f) = crate::attr::getattr_opt(vm, loader, module_repr)? {
        match crate::call::call(vm, f, &[m]) {
            Ok(r) => return Ok(r),
            Err(e) if crate::exceptions::matches(vm, e, vm.e.exception) => {}
            Err(e) => return Err(e),
        }
    }
    let spec = attr_or_none(vm, m, "__spec__")?;
    if spec != vm.none {
        let s = repr_from_spec(vm, spec)?;
        return Ok(crate::str::new_str(vm, s));
    }
    let (name_key, file_key) = (vm.intern("__name__"), vm.intern("__file__"));
    let name = match crate::attr::getattr_opt(vm, m, name_key)? {
        Some(n) => crate::ops::repr_string(vm, n)?,
        None => "'?'".to_string(),
    };
    let s = match crate::attr::getattr_opt(vm, m, file_key)? {
        Some(f) => format!("<module {name} from {}>", crate::ops::repr_string(vm, f)?),
        None if loader == vm.none => format!("<module {name}>"),
        None => format!("<module {name} ({})>", crate::ops::repr_string(vm, loader)?),
    };
    Ok(crate::str::new_str(vm, s))
}

fn attr_or_none(vm: &mut Vm, v: Value, name: &'static str) -> PyResult {
    let n = vm.intern(name);
    Ok(crate::attr::getattr_opt(vm, v, n)?.unwrap_or(vm.none))
}

/// `_module_repr_from_spec`.
fn repr_from_spec(vm: &mut Vm, spec: Value) -> PyResult<String> {
    let spec_name = crate::attr::getattr_str(vm, spec, "name")?;
    let name = if spec_name == vm.none { "'?'".to_string() } else { crate::ops::repr_string(vm, spec_name)? };
    let origin = crate::attr::getattr_str(vm, spec, "origin")?;
    if origin == vm.none {
        let loader = crate::attr::getattr_str(vm, spec, "loader")?;
        if loader == vm.none {
            return Ok(format!("<module {name}>"));
        }
        return Ok(format!("<module {name} ({})>", crate::ops::repr_string(vm, loader)?));
    }
    let has_location = crate::attr::getattr_str(vm, spec, "has_location")?;
    if crate::ops::truthy(vm, has_location)? {
        Ok(format!("<module {name} from {}>", crate::ops::repr_string(vm, origin)?))
    } else {
        let n = crate::ops::repr_string(vm, spec_name)?;
        Ok(format!("<module {n} ({})>", crate::ops::str_string(vm, origin)?))
    }
}

/// Module attribute lookup with PEP 562's module-level `__getattr__`.
fn module_getattribute(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getattribute__", 2, 2)?;
    match crate::attr::generic_getattr(vm, a[0], a[1]) {
        Err(e) if crate::exceptions::matches(vm, e, vm.e.attribute_error) => {
            let d = module_dict(a[0]);
            if let Some(g) = dict::get_item_str(vm, d, "__getattr__")? {
                return crate::call::call(vm, g, &[a[1]]);
            }
            Err(e)
        }
        r => r,
    }
}

fn module_dir(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__dir__", 1, 1)?;
    // `__dict__` as an attribute: a subclass may shadow it.
    let d = crate::attr::getattr_str(vm, a[0], "__dict__")?;
    if !d.is::<dict::DictObj>() {
        return Err(vm.type_error("<module>.__dict__ is not a dictionary"));
    }
    if let Some(f) = dict::get_item_str(vm, d, "__dir__")? {
        return crate::call::call(vm, f, &[]);
    }
    let keys: Vec<Value> = dict::dobj(d).items().into_iter().map(|(k, _)| k).collect();
    Ok(crate::list::new_list(vm, keys))
}

fn module_dict_get(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(module_dict(v))
}

/// `module.__annotations__`: the module dict's entry, created empty on first use.
fn module_annotations_get(vm: &mut Vm, v: Value) -> PyResult {
    let d = module_dict(v);
    if let Some(a) = dict::get_item_str(vm, d, "__annotations__")? {
        return Ok(a);
    }
    let a = dict::new_dict(vm);
    dict::set_item_str(vm, d, "__annotations__", a)?;
    Ok(a)
}

fn module_annotations_set(vm: &mut Vm, v: Value, value: Value) -> PyResult<()> {
    let d = module_dict(v);
    if !value.is_null() {
        return dict::set_item_str(vm, d, "__annotations__", value);
    }
    if dict::del_item_str(vm, d, "__annotations__")? {
        Ok(())
    } else {
        Err(vm.attribute_error("__annotations__"))
    }
}

/// A read-only view of a mapping (`type.__dict__`).
pub struct MappingProxy {
    pub mapping: Value,
}
impl Trace for MappingProxy {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.mapping)
    }
}
payload!(MappingProxy, "mappingproxy");

pub fn new_mappingproxy(vm: &mut Vm, m: Value) -> Value {
    let t = vm.t.mappingproxy;
    vm.alloc(t, MappingProxy { mapping: m })
}

/// `mappingproxy(mapping)`: a read-only view of a mapping (not of a list or tuple).
fn mp_new(vm: &mut Vm, args: Args) -> PyResult {
    let [_, m] = args.bind(vm, "mappingproxy", ["cls", "mapping"], 2, 1)?;
    let ty = vm.type_of(m);
    let is_mapping = !m.is::<crate::list::ListObj>()
        && !crate::tuple::is_tuple(m)
        && crate::typeobj::lookup_str(vm, ty, "__getitem__").is_some();
    if !is_mapping {
        let msg = format!("mappingproxy() argument must be a mapping, not {}", vm.type_name(m));
        return Err(vm.type_error(msg));
    }
    Ok(new_mappingproxy(vm, m))
}

fn mp(args: &Args) -> Value {
    args.vals[0].downcast::<MappingProxy>().unwrap().mapping
}
fn mp_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    crate::ops::getitem(vm, mp(&args), a[1])
}
fn mp_len(vm: &mut Vm, args: Args) -> PyResult {
    let n = crate::ops::len(vm, mp(&args))?;
    Ok(crate::int::from_usize(vm, n))
}
fn mp_iter(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::iter(vm, mp(&args))
}
fn mp_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    let r = crate::ops::contains(vm, mp(&args), a[1])?;
    Ok(vm.bool(r))
}
fn mp_forward(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let m = mp(&args);
    let f = crate::attr::getattr_str(vm, m, name)?;
    crate::call::call_args(vm, f, args.shift())
}
fn mp_keys(vm: &mut Vm, args: Args) -> PyResult {
    mp_forward(vm, args, "keys")
}
fn mp_values(vm: &mut Vm, args: Args) -> PyResult {
    mp_forward(vm, args, "values")
}
fn mp_items(vm: &mut Vm, args: Args) -> PyResult {
    mp_forward(vm, args, "items")
}
fn mp_get(vm: &mut Vm, args: Args) -> PyResult {
    mp_forward(vm, args, "get")
}
fn mp_copy(vm: &mut Vm, args: Args) -> PyResult {
    mp_forward(vm, args, "copy")
}
fn mp_str(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::str(vm, mp(&args))
}
fn mp_repr(vm: &mut Vm, args: Args) -> PyResult {
    let r = crate::ops::repr_string(vm, mp(&args))?;
    Ok(crate::str::new_str(vm, format!("mappingproxy({r})")))
}

/// Comparisons are the mapping's own (CPython's `mappingproxy_richcompare`).
fn mp_richcmp(vm: &mut Vm, args: Args, op: compiler::bytecode::CmpOp) -> PyResult {
    let a = args.exact(vm, "comparison", 2, 2)?;
    crate::ops::compare(vm, mp(&args), a[1], op)
}
crate::int::cmp_methods! { mp_richcmp:
    mp_lt: Lt; mp_le: Le; mp_eq: Eq; mp_ne: Ne; mp_gt: Gt; mp_ge: Ge;
}

/// The mapping of a mappingproxy operand, any other value as it is.
fn unwrap_proxy(v: Value) -> Value {
    v.downcast::<MappingProxy>().map_or(v, |p| p.mapping)
}

/// `proxy | other` and `other | proxy`: the mappings' own `|`.
fn mp_or(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__or__", 2, 2)?;
    crate::ops::binary_op(vm, mp(&args), unwrap_proxy(a[1]), compiler::bytecode::BinOp::Or)
}
fn mp_ror(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__ror__", 2, 2)?;
    crate::ops::binary_op(vm, unwrap_proxy(a[1]), mp(&args), compiler::bytecode::BinOp::Or)
}
fn mp_ior(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__ior__", 2, 2)?;
    let m = format!("'|=' is not supported by {}; use '|' instead", vm.type_name(args.vals[0]));
    Err(vm.type_error(m))
}
fn mp_reversed(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__reversed__", 1, 1)?;
    mp_forward(vm, args, "__reversed__")
}
pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_getter, add_method, add_static};
    let t = vm.t.module;
    add_static(vm, t, "__new__", module_new);
    add_method(vm, t, "__init__", module_init);
    add_method(vm, t, "__repr__", module_repr);
    add_method(vm, t, "__getattribute__", module_getattribute);
    add_method(vm, t, "__dir__", module_dir);
    add_getter(vm, t, "__dict__", module_dict_get);
    crate::typeobj::add_getset(vm, t, "__annotations__", module_annotations_get, module_annotations_set);
    let p = vm.t.mappingproxy;
    add_static(vm, p, "__new__", mp_new);
    add_method(vm, p, "__getitem__", mp_getitem);
    add_method(vm, p, "__len__", mp_len);
    add_method(vm, p, "__iter__", mp_iter);
    add_method(vm, p, "__contains__", mp_contains);
    add_method(vm, p, "keys", mp_keys);
    add_method(vm, p, "values", mp_values);
    add_method(vm, p, "items", mp_items);
    add_method(vm, p, "get", mp_get);
    add_method(vm, p, "copy", mp_copy);
    add_method(vm, p, "__repr__", mp_repr);
    add_method(vm, p, "__str__", mp_str);
    let methods: [(&'static str, crate::object::NativeFn); 10] = [
        ("__lt__", mp_lt), ("__le__", mp_le), ("__eq__", mp_eq), ("__ne__", mp_ne), ("__gt__", mp_gt), ("__ge__", mp_ge),
        ("__or__", mp_or), ("__ror__", mp_ror), ("__ior__", mp_ior), ("__reversed__", mp_reversed),
    ];
    for (n, f) in methods {
        add_method(vm, p, n, f);
    }
    crate::typeobj::add_classmethod(vm, p, "__class_getitem__", crate::generic_alias::class_getitem);
    let none = vm.none;
    crate::typeobj::set_attr_raw(vm, p, "__hash__", none).unwrap();
}
