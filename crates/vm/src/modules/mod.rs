//! Builtin modules written in Rust, registered by name. `import` consults this
//! table before `sys.path`. Each module's `init` fills a new module object.

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;

pub mod abc;
pub mod array;
pub mod ast;
pub mod atexit;
pub mod binascii;
pub mod bisect;
pub mod blake2;
pub mod codecs_mod;
pub mod collections;
pub mod contextvars;
pub mod csv;
pub mod errno;
pub mod faulthandler;
pub mod fcntl;
pub mod functools;
pub mod gc;
pub mod imp;
pub mod importlib;
pub mod io;
pub mod hashes;
pub mod heapq;
pub mod itertools;
pub mod lsprof;
pub mod json;
pub mod marshal;
pub mod operator;
pub mod math;
pub mod posix;
pub mod posixsubprocess;
pub mod pwd;
pub mod pyexpat;
pub mod random;
pub mod resource;
pub mod select;
pub mod signal;
pub mod socket;
pub mod sre;
pub mod stat;
pub mod string;
pub mod struct_;
pub mod structseq;
pub mod syslog;
pub mod termios;
pub mod thread;
pub mod time;
pub mod tracemalloc;
pub mod unicodedata;
pub mod warnings;
pub mod weakref;
pub mod zlib;

pub type ModuleInit = fn(&mut Vm, Value) -> PyResult<()>;

const TABLE: &[(&str, ModuleInit)] = &[
    ("_abc", abc::init),
    ("array", array::init),
    ("_ast", ast::init),
    ("atexit", atexit::init),
    ("_struct", struct_::init),
    ("_random", random::init),
    ("resource", resource::init),
    ("pyexpat", pyexpat::init),
    ("pwd", pwd::init),
    ("grp", pwd::init_grp),
    ("select", select::init),
    ("_signal", signal::init),
    ("_socket", socket::init),
    ("_contextvars", contextvars::init),
    ("_csv", csv::init),
    ("_heapq", heapq::init),
    ("_io", io::init),
    ("_bisect", bisect::init),
    ("binascii", binascii::init),
    ("zlib", zlib::init),
    ("_md5", hashes::init_md5),
    ("_sha1", hashes::init_sha1),
    ("_sha256", hashes::init_sha256),
    ("_sha512", hashes::init_sha512),
    ("_sha3", hashes::init_sha3),
    ("_blake2", blake2::init),
    ("errno", errno::init),
    ("faulthandler", faulthandler::init),
    ("fcntl", fcntl::init),
    ("_codecs", codecs_mod::init),
    ("_collections", collections::init),
    ("_json", json::init),
    ("_functools", functools::init),
    ("_sre", sre::init),
    ("_stat", stat::init),
    ("_string", string::init),
    ("gc", gc::init),
    ("posix", posix::init),
    ("_posixsubprocess", posixsubprocess::init),
    ("itertools", itertools::init),
    ("_lsprof", lsprof::init),
    ("marshal", marshal::init),
    ("_operator", operator::init),
    ("math", math::init),
    ("time", time::init),
    ("unicodedata", unicodedata::init),
    ("_weakref", weakref::init),
    ("_thread", thread::init),
    ("termios", termios::init),
    ("syslog", syslog::init),
    ("_tracemalloc", tracemalloc::init),
    ("_warnings", warnings::init),
    ("_imp", imp::init),
    ("_frozen_importlib", importlib::init_bootstrap),
    ("_frozen_importlib_external", importlib::init_external),
];

pub fn builtin_module(name: &str) -> Option<ModuleInit> {
    TABLE.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

pub fn builtin_names() -> Vec<&'static str> {
    let mut v: Vec<&str> = TABLE.iter().map(|(n, _)| *n).collect();
    v.extend(["builtins", "sys"]);
    v.sort();
    v
}

/// Adds native functions to a module.
pub fn add_functions(vm: &mut Vm, m: Value, fns: &[(&'static str, crate::object::NativeFn)]) -> PyResult<()> {
    let d = crate::module::module_dict(m);
    for (n, f) in fns {
        let v = crate::function::new_native(vm, n, *f, crate::function::NativeKind::Function, m);
        crate::dict::set_item_str(vm, d, n, v)?;
    }
    Ok(())
}

/// A type of a module written in Rust, named `module.name` (`__module__` set, `__qualname__`
/// the short name), rooted for the natives that allocate or raise it after the module goes.
pub fn new_module_type(vm: &mut Vm, dotted: &str, base: Value, flags: u32) -> PyResult<Value> {
    let t = crate::typeobj::new_static_type(vm, dotted, base, flags);
    array::short_qualname(t);
    let module = dotted.rsplit_once('.').map_or(dotted, |(m, _)| m);
    let modname = vm.intern(module);
    crate::typeobj::set_attr_raw(vm, t, "__module__", modname)?;
    vm.extra_roots.push(t);
    Ok(t)
}

/// An exception class of a module written in Rust (`module.Name`, subclassable, with
/// an instance dict, as `PyErr_NewException` makes them).
pub fn new_module_exception(vm: &mut Vm, dotted: &str, base: Value) -> PyResult<Value> {
    use crate::typeobj::tflag;
    new_module_type(vm, dotted, base, tflag::BASETYPE | tflag::EXCEPTION | tflag::HAS_DICT)
}

/// `v` as payload `T`, the receiver of method or attribute `name` of type `tname`;
/// CPython's descriptor TypeError otherwise.
pub fn receiver<T: crate::gc::Payload>(vm: &mut Vm, v: Value, name: &str, tname: &str) -> PyResult<&'static T> {
    match v.downcast::<T>() {
        Some(p) => Ok(p),
        None => {
            let m = format!("descriptor '{name}' for '{tname}' objects doesn't apply to a '{}' object", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

/// Adds integer constants (`name`, value) to a module.
pub fn add_int_constants(vm: &mut Vm, m: Value, constants: &[(&str, i64)]) -> PyResult<()> {
    for (name, v) in constants {
        let v = crate::int::from_i64(vm, *v);
        set_attr(vm, m, name, v)?;
    }
    Ok(())
}

pub fn set_attr(vm: &mut Vm, m: Value, name: &str, v: Value) -> PyResult<()> {
    let d = crate::module::module_dict(m);
    crate::dict::set_item_str(vm, d, name, v)
}

fn ns_init(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos().len() > 1 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let obj = args.vals[0];
    for (k, v) in args.kw() {
        crate::attr::generic_setattr(vm, obj, k, v)?;
    }
    Ok(vm.none)
}

/// `namespace(a=1, b=2)`: the str-named attributes; `namespace(...)` when
/// recursive.
fn ns_repr(vm: &mut Vm, args: Args) -> PyResult {
    let obj = args.vals[0];
    let name = if vm.type_of(obj) == vm.t.simple_namespace { "namespace".to_string() } else { vm.type_name(obj) };
    if vm.repr_active.contains(&obj) {
        return Ok(crate::str::new_str(vm, format!("{name}(...)")));
    }
    vm.repr_active.push(obj);
    let parts = ns_repr_parts(vm, obj);
    vm.repr_active.retain(|x| *x != obj);
    Ok(crate::str::new_str(vm, format!("{name}({})", parts?.join(", "))))
}

fn ns_repr_parts(vm: &mut Vm, obj: Value) -> PyResult<Vec<String>> {
    let d = crate::func_type::header_dict(vm, obj)?;
    let mut parts = Vec::new();
    for (k, v) in crate::dict::dobj(d).items() {
        if let Some(k) = crate::str::as_str(k).filter(|k| !k.is_empty()) {
            parts.push(format!("{k}={}", crate::ops::repr_string(vm, v)?));
        }
    }
    Ok(parts)
}

/// `(type(ns), (), ns.__dict__)`.
fn ns_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    let d = crate::func_type::header_dict(vm, a[0])?;
    let ty = vm.type_of(a[0]);
    let empty = vm.empty_tuple;
    Ok(crate::tuple::new_tuple(vm, vec![ty, empty, d]))
}

fn ns_eq(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__eq__", 2, 2)?;
    if !crate::typeobj::is_instance(vm, a[1], vm.t.simple_namespace) {
        return Ok(vm.not_implemented);
    }
    let d1 = crate::func_type::header_dict(vm, a[0])?;
    let d2 = crate::func_type::header_dict(vm, a[1])?;
    crate::ops::compare(vm, d1, d2, compiler::bytecode::CmpOp::Eq)
}

fn ns_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let o = crate::object_type::new_instance(vm, cls);
    Ok(o)
}

pub fn init(vm: &mut Vm) {
    use crate::typeobj::{add_method, add_static};
    let ns = vm.t.simple_namespace;
    add_static(vm, ns, "__new__", ns_new);
    add_method(vm, ns, "__init__", ns_init);
    add_method(vm, ns, "__repr__", ns_repr);
    add_method(vm, ns, "__eq__", ns_eq);
    add_method(vm, ns, "__reduce__", ns_reduce);
    let dd = crate::object_type::dict_descriptor(vm, ns);
    crate::typeobj::set_attr_raw(vm, ns, "__dict__", dd).unwrap();
    io::init_types(vm);
    let open = vm.io.open;
    let d = vm.builtins_dict;
    crate::dict::set_item_str(vm, d, "open", open).expect("builtins.open");
}
