//! The `sys` module and the process-level services other modules use: the standard
//! streams, source lines for tracebacks, `displayhook`, `excepthook`, exit.

use crate::dict;
use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::collections::HashMap;

/// `sys.copyright` (CPython's, which `site` shows through `copyright()`).
const COPYRIGHT: &str = "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

pub const VERSION: &str = "3.11.7 (main, Nov 21 2026, 00:00:00) [Ferropy, Rust]";

fn sys_dict(vm: &Vm) -> Value {
    crate::module::module_dict(vm.sys)
}

/// `sys.<name>`; RuntimeError "lost sys.<name>" if it was deleted.
pub fn sys_attr(vm: &mut Vm, name: &str) -> PyResult {
    let d = sys_dict(vm);
    match dict::get_item_str(vm, d, name)? {
        Some(v) => Ok(v),
        None => Err(vm.runtime_error(format!("lost sys.{name}"))),
    }
}

pub fn stdout(vm: &mut Vm) -> PyResult {
    sys_attr(vm, "stdout")
}

/// Writes text to a file-like object (fast path for our own file objects).
pub fn write_to(vm: &mut Vm, file: Value, s: &str) -> PyResult<()> {
    let text = crate::str::new_str(vm, s.to_string());
    crate::call::call_method(vm, file, "write", &[text])?;
    Ok(())
}

/// Writes to `sys.stderr`, or straight to the process's stderr if that fails.
pub fn write_stderr(vm: &mut Vm, s: &str) {
    let ok = match sys_attr(vm, "stderr") {
        Ok(e) if e != vm.none => write_to(vm, e, s).is_ok() && crate::call::call_method(vm, e, "flush", &[]).is_ok(),
        _ => false,
    };
    if !ok {
        use std::io::Write;
        let _ = std::io::stderr().write_all(s.as_bytes());
    }
}

/// Flushes `sys.stdout` and `sys.stderr` (at exit).
pub fn flush_std(vm: &mut Vm) {
    for n in ["stdout", "stderr"] {
        if let Ok(f) = sys_attr(vm, n) {
            if f != vm.none {
                let _ = crate::call::call_method(vm, f, "flush", &[]);
            }
        }
    }
    // Files never closed: their buffered data still reaches the OS.
    crate::modules::io::flush_all_at_exit();
}

thread_local! {
    static SOURCES: std::cell::RefCell<HashMap<String, Option<Vec<String>>>> = std::cell::RefCell::new(HashMap::new());
}

/// Line `lineno` of `filename` (linecache's job), for tracebacks.
pub fn source_line(_vm: &mut Vm, filename: &str, lineno: u32) -> Option<String> {
    SOURCES.with(|s| {
        let mut m = s.borrow_mut();
        let lines = m.entry(filename.to_string()).or_insert_with(|| {
            if filename.starts_with('<') {
                return None;
            }
            std::fs::read(filename).ok().map(|b| String::from_utf8_lossy(&b).lines().map(str::to_string).collect())
        });
        lines.as_ref()?.get(lineno.checked_sub(1)? as usize).cloned()
    })
}

/// `sys.displayhook`: prints repr(v) and stores it in `builtins._`.
pub fn displayhook(vm: &mut Vm, v: Value) -> PyResult<()> {
    let hook = sys_attr(vm, "displayhook")?;
    crate::call::call(vm, hook, &[v])?;
    Ok(())
}

/// `sys.breakpointhook(*args, **kws)`: calls the hook `$PYTHONBREAKPOINT` names
/// (default `pdb.set_trace`; "0" disables), warning if it cannot be imported.
fn sys_breakpointhook(vm: &mut Vm, args: Args) -> PyResult {
    let env = if vm.config.ignore_environment { None } else { std::env::var("PYTHONBREAKPOINT").ok() };
    let spec = match env.as_deref() {
        None | Some("") => "pdb.set_trace".to_string(),
        Some("0") => return Ok(vm.none),
        Some(s) => s.to_string(),
    };
    let (module, attr) = spec.rsplit_once('.').unwrap_or(("builtins", &spec));
    let hook = match crate::import::import_dotted(vm, module) {
        Ok(m) => match crate::attr::getattr_str(vm, m, attr) {
            Ok(h) => Some(h),
            Err(e) if crate::exceptions::matches(vm, e, vm.e.attribute_error) => None,
            Err(e) => return Err(e),
        },
        Err(e) if crate::exceptions::matches(vm, e, vm.e.import_error) => None,
        Err(e) => return Err(e),
    };
    match hook {
        Some(h) => crate::call::call_args(vm, h, args),
        None => {
            let m = format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{spec}\"");
            let cat = vm.e.runtime_warning;
            crate::modules::warnings::warn_str(vm, cat, &m, 1)?;
            Ok(vm.none)
        }
    }
}

fn sys_displayhook(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "displayhook", 1, 1)?;
    if a[0] == vm.none {
        return Ok(vm.none);
    }
    let bd = vm.builtins_dict;
    let none = vm.none;
    dict::set_item_str(vm, bd, "_", none)?;
    let r = crate::ops::repr_string(vm, a[0])?;
    let out = stdout(vm)?;
    write_to(vm, out, &(r + "\n"))?;
    dict::set_item_str(vm, bd, "_", a[0])?;
    Ok(vm.none)
}

/// Prints an uncaught exception the way `sys.excepthook` does.
pub fn print_exception(vm: &mut Vm, e: Value) {
    let hook = sys_attr(vm, "excepthook").ok();
    let default = vm.extra_roots.first().copied();
    if let Some(h) = hook {
        if Some(h) != default && h != vm.none {
            let ty = vm.type_of(e);
            let tb = crate::exceptions::traceback_of(vm, e);
            if let Err(err) = crate::call::call(vm, h, &[ty, e, tb]) {
                write_stderr(vm, "Error in sys.excepthook:\n");
                let s = crate::exceptions::format_exception(vm, err.0);
                write_stderr(vm, &s);
                write_stderr(vm, "\nOriginal exception was:\n");
            } else {
                return;
            }
        }
    }
    let s = crate::exceptions::format_exception(vm, e);
    write_stderr(vm, &s);
}

fn sys_excepthook(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "excepthook", 3, 3)?;
    let s = crate::exceptions::format_exception(vm, a[1]);
    write_stderr(vm, &s);
    Ok(vm.none)
}

fn sys_exit(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "exit", 0, 1)?;
    let t = vm.e.system_exit;
    // A tuple is the exception's arguments (`PyErr_SetObject`): `exit((42,))` is
    // `SystemExit(42)`.
    let a = match a.first() {
        Some(v) if vm.type_of(*v) == vm.t.tuple => crate::tuple::items(*v),
        _ => a,
    };
    Err(PyErr(crate::exceptions::new_exception(vm, t, a)))
}

fn sys_exc_info(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "exc_info", 0, 0)?;
    match crate::interp::current_handled(vm) {
        Some(e) => {
            let ty = vm.type_of(e);
            let tb = crate::exceptions::traceback_of(vm, e);
            Ok(crate::tuple::new_tuple(vm, vec![ty, e, tb]))
        }
        None => Ok(crate::tuple::new_tuple(vm, vec![vm.none, vm.none, vm.none])),
    }
}

fn sys_exception(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "exception", 0, 0)?;
    Ok(crate::interp::current_handled(vm).unwrap_or(vm.none))
}

fn sys_get_coroutine_origin_tracking_depth(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "sys.get_coroutine_origin_tracking_depth", 0, 0)?;
    Ok(crate::int::from_usize(vm, vm.coro_origin_depth))
}

fn sys_set_coroutine_origin_tracking_depth(vm: &mut Vm, args: Args) -> PyResult {
    let [depth] = args.bind(vm, "set_coroutine_origin_tracking_depth", ["depth"], 1, 0)?;
    if !crate::int::is_int(vm, depth) {
        let m = format!("'{}' object cannot be interpreted as an integer", vm.type_name(depth));
        return Err(vm.type_error(m));
    }
    let d = crate::number::index_i64(vm, depth)?;
    if d < 0 {
        return Err(vm.value_error("depth must be >= 0"));
    }
    vm.coro_origin_depth = usize::try_from(d).unwrap_or(usize::MAX);
    Ok(vm.none)
}

fn sys_getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "getrecursionlimit", 0, 0)?;
    Ok(crate::int::from_usize(vm, vm.recursion_limit))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "setrecursionlimit", 1, 1)?;
    if !crate::int::is_int(vm, a[0]) {
        return Err({ let __arg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(a[0])); vm.type_error(__arg) });
    }
    let n = crate::number::index_i64(vm, a[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.depth {
        return Err({ let __arg = format!(
            "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
            vm.depth
        ); vm.recursion_error(__arg) });
    }
    vm.recursion_limit = n as usize;
    Ok(vm.none)
}

fn sys_getframe(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_getframe", 0, 1)?;
    let depth = match a.first() {
        Some(d) => crate::number::index_i64(vm, *d)?.max(0) as usize,
        None => 0,
    };
    crate::frame::current_frame(vm, depth)
}

fn sys_intern(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "intern", 1, 1)?;
    if vm.type_of(a[0]) != vm.t.str {
        return Err({ let __arg = format!("intern() argument must be str, not {}", vm.type_name(a[0])); vm.type_error(__arg) });
    }
    Ok(vm.intern_value(a[0]))
}

/// Whether CPython's cycle collector would track `v` (atomic builtin values are not).
fn is_gc_tracked(vm: &Vm, v: Value) -> bool {
    let t = vm.type_of(v);
    let atomic = [vm.t.int, vm.t.bool, vm.t.float, vm.t.complex, vm.t.str, vm.t.bytes, vm.t.bytearray, vm.t.range, vm.t.none_type];
    !atomic.contains(&t) && !v.is_small_int()
}

fn sys_getsizeof(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "getsizeof", 1, 2)?;
    match crate::call::call_special(vm, a[0], "__sizeof__", &[]) {
        Ok(Some(r)) => {
            let n = crate::number::index_i64(vm, r)?;
            if n < 0 {
                return Err(vm.value_error("__sizeof__() should return >= 0"));
            }
            // CPython adds the GC header for objects the cycle collector tracks.
            let gc_header = if is_gc_tracked(vm, a[0]) { 16 } else { 0 };
            Ok(crate::int::from_i64(vm, n + gc_header))
        }
        Ok(None) => Err(vm.type_error("object has no __sizeof__")),
        Err(e) => match a.get(1) {
            Some(d) if crate::exceptions::matches(vm, e, vm.e.type_error) => Ok(*d),
            _ => Err(e),
        },
    }
}

fn sys_getrefcount(vm: &mut Vm, args: Args) -> PyResult {
    // Ferropy has no reference counts (docs/compat.md): a constant 2, which is what
    // CPython reports for an object referenced only by the caller.
    args.exact(vm, "getrefcount", 1, 1)?;
    Ok(Value::small(2))
}

fn sys_get_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "get_int_max_str_digits", 0, 0)?;
    Ok(crate::int::from_usize(vm, vm.int_max_str_digits))
}

fn sys_set_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult {
    let [n] = args.bind(vm, "set_int_max_str_digits", ["maxdigits"], 1, 0)?;
    let n = crate::number::index_i64(vm, n)?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(vm.none)
}

fn sys_getdefaultencoding(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "sys.getdefaultencoding", 0, 0)?;
    Ok(vm.intern("utf-8"))
}

fn sys_getfilesystemencoding(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "sys.getfilesystemencoding", 0, 0)?;
    Ok(vm.intern("utf-8"))
}

fn sys_getfilesystemencodeerrors(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "sys.getfilesystemencodeerrors", 0, 0)?;
    Ok(vm.intern("surrogateescape"))
}

fn sys_is_finalizing(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "sys.is_finalizing", 0, 0)?;
    Ok(vm.false_)
}

fn sys_audit(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.none)
}

/// `sys.getswitchinterval()`: the interval `setswitchinterval` kept (Ferropy runs one
/// thread, so nothing switches).
fn sys_getswitchinterval(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "sys.getswitchinterval", 0, 0)?;
    Ok(crate::float::new_float(vm, vm.switch_interval))
}

fn sys_setswitchinterval(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "sys.setswitchinterval", 1, 1)?;
    let Some(x) = crate::float::as_f64(a[0]).or_else(|| crate::int::as_i64(a[0]).map(|i| i as f64)) else {
        let m = format!("must be real number, not {}", vm.type_name(a[0]));
        return Err(vm.type_error(m));
    };
    if x <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    vm.switch_interval = x;
    Ok(vm.none)
}

/// `__new__` of `sys.flags` and `sys.version_info`: there is one instance.
fn no_new_instances(vm: &mut Vm, args: Args) -> PyResult {
    let name = args.vals.first().map(|t| crate::typeobj::type_name(*t)).unwrap_or_default();
    Err(vm.type_error(format!("cannot create 'sys.{name}' instances")))
}

/// A `sys.flags`/`sys.version_info`-like read-only record: a tuple subclass
/// instance with named fields in its dict.
fn struct_seq(vm: &mut Vm, type_name: &str, fields: &[(&str, Value)]) -> PyResult {
    let ns = dict::new_dict(vm);
    let t = vm.t.tuple;
    let bases = crate::tuple::new_tuple(vm, vec![t]);
    let n = crate::str::alloc_str(vm, type_name);
    let ty = crate::call::call(vm, vm.t.type_, &[n, bases, ns])?;
    let vals: Vec<Value> = fields.iter().map(|(_, v)| *v).collect();
    let obj = crate::tuple::alloc_tuple_of_type(vm, ty, vals);
    // Fields read as class attributes: each record type has one instance.
    for (name, v) in fields {
        crate::typeobj::set_attr_raw(vm, ty, name, *v)?;
    }
    let module = vm.intern("sys");
    crate::typeobj::set_attr_raw(vm, ty, "__module__", module)?;
    let repr = crate::function::new_native(vm, "__repr__", struct_seq_repr, crate::function::NativeKind::Method, ty);
    crate::typeobj::set_attr_raw(vm, ty, "__repr__", repr)?;
    let names = fields.iter().map(|(n, _)| crate::str::alloc_str(vm, n)).collect::<Vec<_>>();
    let fnames = crate::tuple::new_tuple(vm, names);
    crate::typeobj::set_attr_raw(vm, ty, "_fields", fnames)?;
    if matches!(type_name, "flags" | "version_info") {
        crate::typeobj::add_static(vm, ty, "__new__", no_new_instances);
    }
    Ok(obj)
}

fn struct_seq_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let ty = vm.type_of(a[0]);
    let fields = crate::typeobj::lookup_str(vm, ty, "_fields").expect("fields");
    let names = crate::tuple::items(fields).to_vec();
    let vals = crate::tuple::items(a[0]).to_vec();
    let mut parts = Vec::new();
    for (n, v) in names.iter().zip(vals.iter()) {
        parts.push(format!("{}={}", crate::str::as_str(*n).unwrap_or("?"), crate::ops::repr_string(vm, *v)?));
    }
    let s = format!("sys.{}({})", crate::typeobj::type_name(ty), parts.join(", "));
    Ok(crate::str::new_str(vm, s))
}

fn strs(vm: &mut Vm, items: &[String]) -> Value {
    let l = crate::list::new_list(vm, vec![]);
    for s in items {
        let v = crate::str::alloc_str(vm, s);
        crate::list::lobj(l).items.borrow_mut().push(v);
    }
    l
}

/// A list of `items`, whose last `tail` items are the last items of the
/// command line `os` (bytes): those are decoded as `os.fsdecode` does.
fn os_strs(vm: &mut Vm, items: &[String], os: &[Vec<u8>], tail: usize) -> Value {
    let l = crate::list::new_list(vm, vec![]);
    let first_os = items.len().saturating_sub(tail.min(os.len()));
    for (k, s) in items.iter().enumerate() {
        let exact = (k >= first_os).then(|| os.get(os.len() + k - items.len())).flatten();
        let v = match exact {
            Some(b) => crate::str::fs_decode(vm, b),
            None => crate::str::alloc_str(vm, s),
        };
        crate::list::lobj(l).items.borrow_mut().push(v);
    }
    l
}

pub fn init(vm: &mut Vm) {
    let m = crate::module::new_module(vm, "sys").expect("sys module");
    vm.sys = m;
    vm.modules = dict::new_dict(vm);
    let d = sys_dict(vm);
    let set = |vm: &mut Vm, k: &str, v: Value| dict::set_item_str(vm, d, k, v).expect("sys setup");
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("exit", sys_exit),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth),
        ("set_coroutine_origin_tracking_depth", sys_set_coroutine_origin_tracking_depth),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("_getframe", sys_getframe),
        ("intern", sys_intern),
        ("getsizeof", sys_getsizeof),
        ("getrefcount", sys_getrefcount),
        ("get_int_max_str_digits", sys_get_int_max_str_digits),
        ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ("getdefaultencoding", sys_getdefaultencoding),
        ("getfilesystemencoding", sys_getfilesystemencoding),
        ("getfilesystemencodeerrors", sys_getfilesystemencodeerrors),
        ("is_finalizing", sys_is_finalizing),
        ("audit", sys_audit),
        ("getswitchinterval", sys_getswitchinterval),
        ("setswitchinterval", sys_setswitchinterval),
        ("gettrace", crate::trace::sys_gettrace),
        ("getprofile", crate::profile::sys_getprofile),
        ("settrace", crate::trace::sys_settrace),
        ("call_tracing", crate::trace::sys_call_tracing),
        ("setprofile", crate::profile::sys_setprofile),
        ("displayhook", sys_displayhook),
        ("excepthook", sys_excepthook),
        ("breakpointhook", sys_breakpointhook),
    ];
    for (n, f) in fns {
        let v = crate::function::new_native(vm, n, *f, crate::function::NativeKind::Function, m);
        set(vm, n, v);
    }
    for (alias, name) in [("__displayhook__", "displayhook"), ("__excepthook__", "excepthook"), ("__breakpointhook__", "breakpointhook")] {
        let v = dict::get_item_str(vm, d, name).unwrap().unwrap();
        set(vm, alias, v);
        if name == "excepthook" {
            vm.extra_roots.insert(0, v);
        }
    }
    crate::unraisable::init(vm, d).expect("sys.unraisablehook");
    crate::asyncgen_hooks::init(vm, d).expect("sys asyncgen hooks");
    let modules = vm.modules;
    set(vm, "modules", modules);
    let sys_m = vm.sys;
    dict::set_item_str(vm, modules, "sys", sys_m).unwrap();
    let b = vm.builtins;
    dict::set_item_str(vm, modules, "builtins", b).unwrap();
    let [i, o, e] = crate::modules::io::open::std_streams(vm).expect("standard streams");
    for (k, v) in [("stdin", i), ("stdout", o), ("stderr", e), ("__stdin__", i), ("__stdout__", o), ("__stderr__", e)] {
        set(vm, k, v);
    }
    let cfg = vm.config.clone();
    let argv = os_strs(vm, &cfg.argv, &cfg.orig_argv_bytes, cfg.argv_tail);
    set(vm, "argv", argv);
    let orig_argv = if cfg.orig_argv.is_empty() { strs(vm, &cfg.argv) } else { os_strs(vm, &cfg.orig_argv, &cfg.orig_argv_bytes, cfg.orig_argv.len()) };
    set(vm, "orig_argv", orig_argv);
    let warn = strs(vm, &cfg.warnoptions);
    set(vm, "warnoptions", warn);
    let xo = dict::new_dict(vm);
    for x in &cfg.xoptions {
        let (k, v) = match x.split_once('=') {
            Some((k, v)) => (k.to_string(), crate::str::alloc_str(vm, v)),
            None => (x.clone(), vm.true_),
        };
        dict::set_item_str(vm, xo, &k, v).unwrap();
    }
    set(vm, "_xoptions", xo);
    let exe = crate::str::alloc_str(vm, &cfg.executable);
    set(vm, "executable", exe);
    set(vm, "_base_executable", exe);
    let ver = crate::str::alloc_str(vm, VERSION);
    set(vm, "version", ver);
    let copyright = crate::str::alloc_str(vm, COPYRIGHT);
    set(vm, "copyright", copyright);
    let hexv = crate::int::from_i64(vm, 0x030b07f0);
    set(vm, "hexversion", hexv);
    let api = Value::small(1013);
    set(vm, "api_version", api);
    let final_ = vm.intern("final");
    let vi = struct_seq(vm, "version_info", &[("major", Value::small(3)), ("minor", Value::small(11)), ("micro", Value::small(7)), ("releaselevel", final_), ("serial", Value::small(0))]).unwrap();
    set(vm, "version_info", vi);
    let impl_ns = crate::call::call(vm, vm.t.simple_namespace, &[]).unwrap();
    let name = vm.intern("ferropy");
    crate::attr::setattr_str(vm, impl_ns, "name", name).unwrap();
    let tag = vm.intern(crate::import::pycache::CACHE_TAG);
    crate::attr::setattr_str(vm, impl_ns, "cache_tag", tag).unwrap();
    let alpha = vm.intern("alpha");
    let iv = struct_seq(vm, "version_info", &[("major", Value::small(0)), ("minor", Value::small(1)), ("micro", Value::small(0)), ("releaselevel", alpha), ("serial", Value::small(0))]).unwrap();
    crate::attr::setattr_str(vm, impl_ns, "version", iv).unwrap();
    let hv = crate::int::from_i64(vm, 0x000100a0);
    crate::attr::setattr_str(vm, impl_ns, "hexversion", hv).unwrap();
    // CPython's multiarch tuple: sysconfig names the installed build-variables
    // module after it (`_sysconfigdata__linux_x86_64-linux-gnu`).
    if std::env::consts::OS == "linux" {
        let ma = crate::str::alloc_str(vm, &format!("{}-linux-gnu", std::env::consts::ARCH));
        crate::attr::setattr_str(vm, impl_ns, "_multiarch", ma).unwrap();
    }
    set(vm, "implementation", impl_ns);
    let maxsize = crate::int::from_i64(vm, i64::MAX);
    set(vm, "maxsize", maxsize);
    let maxu = crate::int::from_i64(vm, 0x10ffff);
    set(vm, "maxunicode", maxu);
    let bo = vm.intern("little");
    set(vm, "byteorder", bo);
    let plat = vm.intern("linux");
    set(vm, "platform", plat);
    let prefix = crate::str::alloc_str(vm, &crate::import::stdlib_prefix());
    for k in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        set(vm, k, prefix);
    }
    let path = crate::import::initial_path(vm, &cfg);
    set(vm, "path", path);
    let meta = crate::list::new_list(vm, vec![]);
    set(vm, "meta_path", meta);
    let hooks = crate::list::new_list(vm, vec![]);
    set(vm, "path_hooks", hooks);
    let pic = dict::new_dict(vm);
    set(vm, "path_importer_cache", pic);
    let none = vm.none;
    set(vm, "dont_write_bytecode", vm.bool(cfg.dont_write_bytecode));
    set(vm, "pycache_prefix", none);
    let bnames: Vec<String> = crate::modules::builtin_names().iter().map(|s| s.to_string()).collect();
    let bl = strs(vm, &bnames);
    let bt = crate::tuple::from_iterable(vm, bl).unwrap();
    set(vm, "builtin_module_names", bt);
    let f = |b: bool| Value::small(b as i64);
    let flags = struct_seq(vm, "flags", &[
        ("debug", Value::small(0)),
        ("inspect", f(cfg.inspect)),
        ("interactive", f(cfg.interactive)),
        ("optimize", Value::small(cfg.optimize as i64)),
        ("dont_write_bytecode", f(cfg.dont_write_bytecode)),
        ("no_user_site", f(cfg.no_user_site)),
        ("no_site", f(cfg.no_site)),
        ("ignore_environment", f(cfg.ignore_environment)),
        ("verbose", Value::small(cfg.verbose as i64)),
        ("bytes_warning", Value::small(cfg.bytes_warning as i64)),
        ("quiet", f(cfg.quiet)),
        ("hash_randomization", f(cfg.hash_seed != Some(0))),
        ("isolated", f(cfg.isolated)),
        ("dev_mode", vm.bool(cfg.dev_mode)),
        ("utf8_mode", f(cfg.utf8_mode)),
        ("warn_default_encoding", f(cfg.warn_default_encoding)),
        ("safe_path", vm.bool(cfg.safe_path)),
        ("int_max_str_digits", Value::small(cfg.int_max_str_digits.map_or(-1, i64::from))),
    ]).unwrap();
    set(vm, "flags", flags);
    let fi_vals = [
        ("max", crate::float::new_float(vm, f64::MAX)),
        ("max_exp", Value::small(1024)),
        ("max_10_exp", Value::small(308)),
        ("min", crate::float::new_float(vm, f64::MIN_POSITIVE)),
        ("min_exp", Value::small(-1021)),
        ("min_10_exp", Value::small(-307)),
        ("dig", Value::small(15)),
        ("mant_dig", Value::small(53)),
        ("epsilon", crate::float::new_float(vm, f64::EPSILON)),
        ("radix", Value::small(2)),
        ("rounds", Value::small(1)),
    ];
    let fi = struct_seq(vm, "float_info", &fi_vals).unwrap();
    set(vm, "float_info", fi);
    let ii = struct_seq(vm, "int_info", &[("bits_per_digit", Value::small(30)), ("sizeof_digit", Value::small(4)), ("default_max_str_digits", Value::small(4300)), ("str_digits_check_threshold", Value::small(640))]).unwrap();
    set(vm, "int_info", ii);
    let algo = vm.intern("siphash13");
    let hi_vals = [
        ("width", Value::small(64)),
        ("modulus", crate::int::from_i64(vm, crate::hash::MODULUS as i64)),
        ("inf", Value::small(crate::hash::INF)),
        ("nan", Value::small(0)),
        ("imag", Value::small(1000003)),
        ("algorithm", algo),
        ("hash_bits", Value::small(64)),
        ("seed_bits", Value::small(128)),
        ("cutoff", Value::small(0)),
    ];
    let hi = struct_seq(vm, "hash_info", &hi_vals).unwrap();
    set(vm, "hash_info", hi);
    let fr = vm.intern("short");
    set(vm, "float_repr_style", fr);
    let abiflags = vm.empty_str;
    set(vm, "abiflags", abiflags);
    let platlib = vm.intern("lib");
    set(vm, "platlibdir", platlib);
}
