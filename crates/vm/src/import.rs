//! The import system: `__import__` semantics (absolute and relative names,
//! packages, namespace packages, `fromlist`), finding modules on `sys.path`,
//! builtin modules, executing module code, and compiling source to code values
//! (compile errors become SyntaxError exceptions).

use crate::dict;
use crate::object::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::{Config, Vm};
use std::path::{Path, PathBuf};

pub mod pycache;

/// The directory of CPython 3.11's pure-Python standard library.
pub fn stdlib_dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("FERROPY_STDLIB") {
        return Some(PathBuf::from(p));
    }
    let mut cands = vec![PathBuf::from("/usr/lib/python3.11"), PathBuf::from("/usr/local/lib/python3.11")];
    if let Ok(home) = std::env::var("HOME") {
        if let Ok(rd) = std::fs::read_dir(Path::new(&home).join(".pyenv/versions")) {
            let mut vs: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("3.11"))).collect();
            vs.sort();
            for v in vs.into_iter().rev() {
                cands.push(v.join("lib/python3.11"));
            }
        }
    }
    cands.push(PathBuf::from("/root/.pyenv/versions/3.11.7/lib/python3.11"));
    cands.into_iter().find(|p| p.join("os.py").exists())
}

/// `sys.prefix`: the installation the standard library comes from.
pub fn stdlib_prefix() -> String {
    match stdlib_dir() {
        Some(p) => p.parent().and_then(|p| p.parent()).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default(),
        None => "/usr".into(),
    }
}

/// The initial `sys.path`.
pub fn initial_path(vm: &mut Vm, cfg: &Config) -> Value {
    let mut items: Vec<String> = Vec::new();
    if !cfg.ignore_environment {
        items.extend(cfg.pythonpath.iter().cloned());
    }
    if let Some(std) = stdlib_dir() {
        let s = std.to_string_lossy().into_owned();
        items.push(format!("{}/python311.zip", std.parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()));
        items.push(s.clone());
        items.push(format!("{s}/lib-dynload"));
        if !cfg.no_site {
            items.push(format!("{s}/site-packages"));
        }
    }
    let l = crate::list::new_list(vm, vec![]);
    for s in items {
        let v = crate::str::alloc_str(vm, &s);
        crate::list::lobj(l).items.borrow_mut().push(v);
    }
    l
}

/// Puts the script's directory (or '' for -c and the REPL) first in `sys.path`, as
/// CPython does once `site` has run (so site's absolutizing leaves it alone).
pub fn insert_path0(vm: &mut Vm) -> PyResult<()> {
    let cfg = &vm.config;
    let Some(p0) = cfg.path0.clone().filter(|_| !cfg.safe_path) else { return Ok(()) };
    let path = crate::sys::sys_attr(vm, "path")?;
    let v = crate::str::alloc_str(vm, &p0);
    crate::call::call_method(vm, path, "insert", &[Value::small(0), v])?;
    Ok(())
}

/// Source given to `compile()` (and read by importlib) may not contain NUL.
pub fn check_no_nul(vm: &mut Vm, src: String) -> PyResult<String> {
    if src.contains('\0') {
        let t = vm.e.syntax_error;
        return Err(vm.new_exc(t, "source code string cannot contain null bytes"));
    }
    Ok(src)
}

/// Compiles source text to a code value; compile errors raise SyntaxError.
pub fn compile_source(vm: &mut Vm, src: &str, filename: &str, mode: compiler::Mode, optimize: u8) -> PyResult {
    compile_source_with(vm, src, filename, mode, compiler::CompileOptions { optimize, ..Default::default() })
}

/// `compile_source` with all of `compile()`'s options.
pub fn compile_source_with(vm: &mut Vm, src: &str, filename: &str, mode: compiler::Mode, opts: compiler::CompileOptions) -> PyResult {
    let code = compile_with(vm, src, filename, mode, opts)?;
    let code = crate::function::verified(vm, code)?;
    Ok(crate::function::new_code(vm, code))
}

/// `compile_source`'s compiler output, before it becomes a value.
pub fn compile_to_code(vm: &mut Vm, src: &str, filename: &str, mode: compiler::Mode, optimize: u8) -> PyResult<compiler::CodeObject> {
    compile_with(vm, src, filename, mode, compiler::CompileOptions { optimize, ..Default::default() })
}

fn compile_with(vm: &mut Vm, src: &str, filename: &str, mode: compiler::Mode, opts: compiler::CompileOptions) -> PyResult<compiler::CodeObject> {
    let (result, warnings) = compiler::compile_with_warnings(src, filename, mode, opts);
    for w in warnings {
        emit_compile_warning(vm, w)?;
    }
    result.map_err(|e| syntax_error(vm, e))
}

/// Emits a warning of the compiler through the warnings machinery; one that a
/// filter turns into an exception of its category becomes a SyntaxError at the
/// warning's location, as CPython's parser and compiler replace it.
pub(crate) fn emit_compile_warning(vm: &mut Vm, w: compiler::CompileWarning) -> PyResult<()> {
    let category = match w.category {
        compiler::WarningCategory::SyntaxWarning => vm.e.syntax_warning,
        compiler::WarningCategory::DeprecationWarning => vm.e.deprecation_warning,
    };
    match crate::modules::warnings::warn_explicit_str(vm, category, &w.error.msg, &w.error.filename, w.error.lineno) {
        Err(e) if crate::exceptions::matches(vm, e, category) => Err(syntax_error(vm, w.error)),
        r => r,
    }
}

/// The SyntaxError (or subclass) for a compile error.
pub fn syntax_error(vm: &mut Vm, e: compiler::CompileError) -> PyErr {
    use compiler::ErrorKind as K;
    let ty = match e.kind {
        K::SyntaxError => vm.e.syntax_error,
        K::IndentationError => vm.e.indentation_error,
        K::TabError => vm.e.tab_error,
        K::RecursionError => return vm.recursion_error(e.msg),
        K::MemoryError => return vm.memory_error(),
    };
    // Compiler (not parser) errors carry no text: CPython reads the line from
    // the file, if there is one (`PyErr_ProgramTextObject`).
    let text = e.text.clone().or_else(|| program_text(&e.filename, e.lineno));
    let msg = crate::str::new_str(vm, e.msg.clone());
    let fname = crate::str::new_str(vm, e.filename.clone());
    let text_v = match text {
        Some(t) => crate::str::new_str(vm, t),
        None => vm.none,
    };
    let lineno = Value::small(e.lineno as i64);
    let offset = Value::small(e.offset as i64);
    let end_lineno = Value::small(e.end_lineno as i64);
    let end_offset = if e.end_offset == compiler::CompileError::NO_END { vm.none } else { Value::small(e.end_offset as i64) };
    let info = crate::tuple::new_tuple(vm, vec![fname, lineno, offset, text_v, end_lineno, end_offset]);
    let exc = crate::exceptions::new_exception(vm, ty, &[msg, info]);
    PyErr(exc)
}

fn program_text(filename: &str, lineno: u32) -> Option<String> {
    let data = std::fs::read(filename).ok()?;
    let src = String::from_utf8_lossy(&data);
    src.split_inclusive('\n').nth(lineno.checked_sub(1)? as usize).map(str::to_string)
}

/// `ImportName`: `__import__(name, globals, locals, fromlist, level)`, through
/// `builtins.__import__` if it was replaced.
pub fn import_name_op(vm: &mut Vm, name: Value, fromlist: Value, level: Value) -> PyResult {
    let f = vm.frames.last().expect("frame").clone();
    if !f.builtins.is::<dict::DictObj>() {
        // CPython reads `__import__` with a dict-only call.
        return Err(vm.new_exc(vm.e.system_error, "bad argument to internal function"));
    }
    let imp = dict::get_item_str(vm, f.builtins, "__import__")?;
    let level_i = crate::number::index_i64(vm, level)?;
    match imp {
        Some(i) if i.downcast::<crate::function::NativeFunction>().is_some_and(|n| n.name == "__import__") => {
            import_module_level(vm, name, f.globals, fromlist, level_i)
        }
        Some(i) => {
            let locals = if f.locals.is_null() { vm.none } else { f.locals };
            crate::call::call(vm, i, &[name, f.globals, locals, fromlist, level])
        }
        None => Err(vm.new_exc(vm.e.import_error, "__import__ not found")),
    }
}

pub(crate) fn import_error(vm: &mut Vm, msg: String, name: &str) -> PyErr {
    let t = vm.e.module_not_found_error;
    import_error_of(vm, t, msg, name)
}

/// An exception of class `t` (ImportError or a subclass) with `name` set.
pub(crate) fn import_error_of(vm: &mut Vm, t: Value, msg: String, name: &str) -> PyErr {
    let e = vm.new_exc(t, msg);
    let n = crate::str::alloc_str(vm, name);
    crate::exceptions::set_field(vm, e.0, "name", n);
    e
}

/// The package a relative import is relative to: `__package__`, else
/// `__spec__.parent`, else derived from `__name__` (CPython's resolve_name).
fn resolve_package(vm: &mut Vm, globals: Value) -> PyResult<String> {
    if !globals.is::<dict::DictObj>() {
        return Err(vm.type_error("globals must be a dict"));
    }
    let package = dict::get_item_str(vm, globals, "__package__")?.filter(|p| *p != vm.none);
    let spec = dict::get_item_str(vm, globals, "__spec__")?.filter(|s| *s != vm.none);
    if let Some(p) = package {
        let Some(s) = crate::str::as_str(p).map(str::to_string) else {
            return Err(vm.type_error("package must be a string"));
        };
        let parent_name = vm.intern("parent");
        if let Some(parent) = spec.map(|sp| crate::attr::getattr_opt(vm, sp, parent_name)).transpose()?.flatten() {
            if !crate::ops::eq(vm, p, parent)? {
                let cat = vm.e.import_warning;
                crate::modules::warnings::warn_str(vm, cat, "__package__ != __spec__.parent", 1)?;
            }
        }
        return Ok(s);
    }
    if let Some(spec) = spec {
        let parent = crate::attr::getattr_str(vm, spec, "parent")?;
        return match crate::str::as_str(parent) {
            Some(s) => Ok(s.to_string()),
            None => Err(vm.type_error("__spec__.parent must be a string")),
        };
    }
    let cat = vm.e.import_warning;
    crate::modules::warnings::warn_str(vm, cat, "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__", 1)?;
    let Some(name) = dict::get_item_str(vm, globals, "__name__")? else {
        let k = crate::str::alloc_str(vm, "'__name__' not in globals");
        return Err(vm.key_error(k));
    };
    let Some(name) = crate::str::as_str(name).map(str::to_string) else {
        return Err(vm.type_error("__name__ must be a string"));
    };
    if dict::get_item_str(vm, globals, "__path__")?.is_some() {
        return Ok(name);
    }
    Ok(name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default())
}

/// `importlib.__import__`.
pub fn import_module_level(vm: &mut Vm, name: Value, globals: Value, fromlist: Value, level: i64) -> PyResult {
    let Some(name_s) = crate::str::as_str(name).map(str::to_string) else {
        return Err({ let __arg = format!("module name must be str, not {}", vm.type_name(name)); vm.type_error(__arg) });
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let full = if level > 0 {
        let pkg = resolve_package(vm, globals)?;
        if pkg.is_empty() {
            return Err(vm.new_exc(vm.e.import_error, "attempted relative import with no known parent package"));
        }
        let parts: Vec<&str> = pkg.split('.').collect();
        if (level as usize) > parts.len() {
            return Err(vm.new_exc(vm.e.import_error, "attempted relative import beyond top-level package"));
        }
        let base = parts[..parts.len() - (level as usize - 1)].join(".");
        if name_s.is_empty() { base } else { format!("{base}.{name_s}") }
    } else {
        if name_s.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        name_s.clone()
    };
    let module = import_dotted(vm, &full)?;
    let has_from = fromlist != vm.none && crate::ops::truthy(vm, fromlist)?;
    if !has_from {
        if level == 0 || name_s.is_empty() {
            let top = full.split('.').next().unwrap_or(&full).to_string();
            if level == 0 {
                return lookup_module(vm, &top).map(|m| m.unwrap_or(module));
            }
        }
        let cut = full.len() - name_s.len();
        let top = match name_s.split_once('.') {
            Some((first, _)) => format!("{}{first}", &full[..cut]),
            None => full.clone(),
        };
        return lookup_module(vm, &top).map(|m| m.unwrap_or(module));
    }
    handle_fromlist(vm, module, fromlist)?;
    Ok(module)
}

/// Imports submodules named in `fromlist` that are not attributes yet.
/// Whatever `sys.modules` holds is accepted, modules or not, as by importlib's
/// `_handle_fromlist`, which reads attributes only.
fn handle_fromlist(vm: &mut Vm, module: Value, fromlist: Value) -> PyResult<()> {
    let path = vm.intern("__path__");
    if crate::attr::getattr_opt(vm, module, path)?.is_none() {
        return Ok(());
    }
    let name = vm.intern("__name__");
    let mname = match crate::attr::getattr_opt(vm, module, name)? {
        Some(n) => crate::ops::str_string(vm, n)?,
        None => "?".to_string(),
    };
    let l = crate::list::from_iterable(vm, fromlist)?;
    let items = crate::list::lobj(l).items.borrow().clone();
    for item in items {
        let Some(s) = crate::str::as_str(item) else {
            return Err({ let __arg = format!("Item in {mname}.__all__ must be str, not {}", vm.type_name(item)); vm.type_error(__arg) });
        };
        if s == "*" {
            let all = vm.intern("__all__");
            if let Some(all) = crate::attr::getattr_opt(vm, module, all)? {
                handle_fromlist(vm, module, all)?;
            }
            continue;
        }
        let sn = vm.intern(s);
        if crate::attr::getattr_opt(vm, module, sn)?.is_none() {
            let sub = format!("{mname}.{s}");
            match import_dotted(vm, &sub) {
                Ok(_) => {}
                // Only the submodule itself being absent is ignored (CPython's
                // `_handle_fromlist` checks `exc.name`); a missing module it
                // imports propagates.
                Err(e) if crate::exceptions::matches(vm, e, vm.e.module_not_found_error) && error_names(vm, e, &sub)? => {}
                Err(e) => return Err(e),
            }
        }
    }
    std::hint::black_box(l);
    Ok(())
}

/// Whether an ImportError's `name` attribute is `full`.
fn error_names(vm: &mut Vm, e: crate::object::PyErr, full: &str) -> PyResult<bool> {
    let n = vm.intern("name");
    let v = crate::attr::getattr_opt(vm, e.0, n)?;
    Ok(v.and_then(crate::str::as_str) == Some(full))
}

fn lookup_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = vm.modules;
    dict::get_item_str(vm, m, name).map(|o| o.filter(|v| *v != vm.none))
}

/// `import a.b.c`: each package in turn, then the module; returns `a.b.c`.
pub fn import_dotted(vm: &mut Vm, full: &str) -> PyResult {
    if let Some(m) = lookup_module(vm, full)? {
        return Ok(m);
    }
    let mods = vm.modules;
    if dict::get_item_str(vm, mods, full)? == Some(vm.none) {
        return Err(import_error(vm, format!("import of {full} halted; None in sys.modules"), full));
    }
    let (parent, path) = match full.rsplit_once('.') {
        Some((p, _)) => {
            let pm = import_dotted(vm, p)?;
            if let Some(m) = lookup_module(vm, full)? {
                return Ok(m);
            }
            let path_name = vm.intern("__path__");
            match crate::attr::getattr_opt(vm, pm, path_name)? {
                Some(path) => (Some((pm, p.to_string())), path),
                None => {
                    return Err(import_error(vm, format!("No module named '{full}'; '{p}' is not a package"), full));
                }
            }
        }
        None => {
            let p = crate::sys::sys_attr(vm, "path")?;
            (None, p)
        }
    };
    let m = find_and_load(vm, full, path)?;
    if let Some((pm, _)) = parent {
        let child = full.rsplit('.').next().unwrap();
        crate::attr::setattr_str(vm, pm, child, m)?;
    }
    Ok(m)
}

enum Found {
    Source(PathBuf),
    Package(PathBuf),
    Namespace(Vec<PathBuf>),
}

/// Fills a new builtin module: by its initialization the first time, after that
/// from the copy of the namespace the first one left, as CPython does for
/// single-phase extension modules (its Rust code keeps the first one's types and
/// exception classes, which a second initialization would replace).
fn init_builtin_module(vm: &mut Vm, m: Value, name: &str, init: crate::modules::ModuleInit) -> PyResult<()> {
    if vm.builtin_module_copies.is_null() {
        vm.builtin_module_copies = dict::new_dict(vm);
    }
    let copies = vm.builtin_module_copies;
    let md = crate::module::module_dict(m);
    if let Some(copy) = dict::get_item_str(vm, copies, name)? {
        return crate::dict_methods::merge(vm, md, copy, false).map(|_| ());
    }
    init(vm, m)?;
    let copy = dict::copy(vm, md)?;
    dict::set_item_str(vm, copies, name, copy)
}

fn find_and_load(vm: &mut Vm, full: &str, path: Value) -> PyResult {
    if let Some(init) = crate::modules::builtin_module(full) {
        let m = crate::module::new_module(vm, full)?;
        let mods = vm.modules;
        dict::set_item_str(vm, mods, full, m)?;
        if let Err(e) = init_builtin_module(vm, m, full, init) {
            dict::del_item_str(vm, mods, full)?;
            return Err(e);
        }
        set_spec(vm, m, full, None, false, None)?;
        return lookup_module(vm, full).map(|o| o.unwrap_or(m));
    }
    let last = full.rsplit('.').next().unwrap();
    let dirs = crate::list::from_iterable(vm, path)?;
    let dir_items = crate::list::lobj(dirs).items.borrow().clone();
    let mut namespace = Vec::new();
    let mut found = None;
    for d in dir_items {
        let Some(ds) = crate::str::as_str(d) else { continue };
        let base = if ds.is_empty() { PathBuf::from(".") } else { PathBuf::from(ds) };
        let pkg = base.join(last);
        if pkg.join("__init__.py").is_file() {
            found = Some(Found::Package(pkg));
            break;
        }
        let file = base.join(format!("{last}.py"));
        if file.is_file() {
            found = Some(Found::Source(file));
            break;
        }
        if pkg.is_dir() {
            namespace.push(pkg);
        }
    }
    let found = match found {
        Some(f) => f,
        None if !namespace.is_empty() => Found::Namespace(namespace),
        None => return Err(import_error(vm, format!("No module named '{full}'"), full)),
    };
    load(vm, full, found)
}

fn load(vm: &mut Vm, full: &str, found: Found) -> PyResult {
    let m = crate::module::new_module(vm, full)?;
    let d = crate::module::module_dict(m);
    let mods = vm.modules;
    let (file, pkg_dirs) = match &found {
        Found::Source(f) => (Some(f.clone()), None),
        Found::Package(p) => (Some(p.join("__init__.py")), Some(vec![p.clone()])),
        Found::Namespace(ps) => (None, Some(ps.clone())),
    };
    if let Some(dirs) = &pkg_dirs {
        let l = crate::list::new_list(vm, vec![]);
        for p in dirs {
            let v = crate::str::alloc_str(vm, &p.to_string_lossy());
            crate::list::lobj(l).items.borrow_mut().push(v);
        }
        dict::set_item_str(vm, d, "__path__", l)?;
    }
    let package = if pkg_dirs.is_some() { full.to_string() } else { full.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default() };
    let pv = crate::str::alloc_str(vm, &package);
    dict::set_item_str(vm, d, "__package__", pv)?;
    set_spec(vm, m, full, file.as_deref(), pkg_dirs.is_some(), pkg_dirs.as_deref())?;
    dict::set_item_str(vm, mods, full, m)?;
    let Some(f) = file else {
        // A namespace package: no file, `__file__` is None as its spec's origin.
        let none = vm.none;
        dict::set_item_str(vm, d, "__file__", none)?;
        return lookup_module(vm, full).map(|o| o.unwrap_or(m));
    };
    let fs = f.to_string_lossy().into_owned();
    let fv = crate::str::alloc_str(vm, &fs);
    dict::set_item_str(vm, d, "__file__", fv)?;
    set_initializing(vm, d, true)?;
    let code_name = frozen_code_name(full, &f).unwrap_or_else(|| fs.clone());
    let r = pycache::module_code(vm, &fs, &code_name).and_then(|code| run_module_code(vm, code, d));
    set_initializing(vm, d, false)?;
    if let Err(e) = r {
        dict::del_item_str(vm, mods, full)?;
        return Err(e);
    }
    lookup_module(vm, full).map(|o| o.unwrap_or(m))
}

/// `__spec__._initializing`: true while the module body runs (circular-import
/// messages test it).
fn set_initializing(vm: &mut Vm, d: Value, on: bool) -> PyResult<()> {
    if let Some(spec) = dict::get_item_str(vm, d, "__spec__")? {
        let v = vm.bool(on);
        crate::attr::setattr_str(vm, spec, "_initializing", v)?;
    }
    Ok(())
}

/// Whether a module's `__spec__._initializing` is true (`_PyModuleSpec_IsInitializing`).
pub fn spec_initializing(vm: &mut Vm, m: Value) -> bool {
    let d = crate::module::module_dict(m);
    let Ok(Some(spec)) = dict::get_item_str(vm, d, "__spec__") else { return false };
    let name = vm.intern("_initializing");
    match crate::attr::getattr_opt(vm, spec, name) {
        Ok(Some(v)) => crate::ops::truthy(vm, v).unwrap_or(false),
        _ => false,
    }
}

/// Sets `__spec__` (a namespace with name, origin, parent, ...) and `__loader__`.
fn set_spec(vm: &mut Vm, m: Value, name: &str, file: Option<&Path>, is_pkg: bool, dirs: Option<&[PathBuf]>) -> PyResult<()> {
    let d = crate::module::module_dict(m);
    let spec = crate::call::call(vm, vm.t.simple_namespace, &[])?;
    let n = crate::str::alloc_str(vm, name);
    crate::attr::setattr_str(vm, spec, "name", n)?;
    let origin = match file {
        Some(f) => crate::str::alloc_str(vm, &f.to_string_lossy()),
        None if dirs.is_none() => vm.intern("built-in"),
        None => vm.none,
    };
    crate::attr::setattr_str(vm, spec, "origin", origin)?;
    let parent = if is_pkg { name.to_string() } else { name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default() };
    let pv = crate::str::alloc_str(vm, &parent);
    crate::attr::setattr_str(vm, spec, "parent", pv)?;
    let locs = match dirs {
        Some(ds) => {
            let l = crate::list::new_list(vm, vec![]);
            for p in ds {
                let v = crate::str::alloc_str(vm, &p.to_string_lossy());
                crate::list::lobj(l).items.borrow_mut().push(v);
            }
            l
        }
        None => vm.none,
    };
    crate::attr::setattr_str(vm, spec, "submodule_search_locations", locs)?;
    let has_loc = vm.bool(file.is_some());
    crate::attr::setattr_str(vm, spec, "has_location", has_loc)?;
    let none = vm.none;
    let loader = loader_for(vm, name, file, dirs)?;
    crate::attr::setattr_str(vm, spec, "loader", loader)?;
    // Frozen modules have no cache file (CPython's are in its binary).
    let cached = match file {
        Some(f) if frozen_code_name(name, f).is_none() => pycache::cached_value(vm, f),
        _ => none,
    };
    crate::attr::setattr_str(vm, spec, "cached", cached)?;
    if cached != none {
        dict::set_item_str(vm, d, "__cached__", cached)?;
    }
    dict::set_item_str(vm, d, "__spec__", spec)?;
    dict::set_item_str(vm, d, "__loader__", loader)?;
    Ok(())
}

/// The loader CPython's import system would have used: `BuiltinImporter` or
/// `FrozenImporter` (classes), a `SourceFileLoader` or a `NamespaceLoader`.
fn loader_for(vm: &mut Vm, name: &str, file: Option<&Path>, dirs: Option<&[PathBuf]>) -> PyResult {
    let (module, class) = match (file, dirs) {
        (None, None) => ("_frozen_importlib", "BuiltinImporter"),
        (Some(f), _) if frozen_code_name(name, f).is_some() => ("_frozen_importlib", "FrozenImporter"),
        (Some(_), _) => ("_frozen_importlib_external", "SourceFileLoader"),
        (None, Some(_)) => ("_frozen_importlib_external", "NamespaceLoader"),
    };
    let m = import_dotted(vm, module)?;
    let cls = crate::attr::getattr_str(vm, m, class)?;
    if module == "_frozen_importlib" {
        return Ok(cls);
    }
    let n = crate::str::alloc_str(vm, name);
    let path = match (file, dirs) {
        (Some(f), _) => crate::str::alloc_str(vm, &f.to_string_lossy()),
        (None, Some(ds)) => {
            let l = crate::list::new_list(vm, vec![]);
            for p in ds {
                let v = crate::str::alloc_str(vm, &p.to_string_lossy());
                crate::list::lobj(l).items.borrow_mut().push(v);
            }
            l
        }
        (None, None) => vm.none,
    };
    crate::call::call(vm, cls, &[n, path])
}

/// Standard modules CPython 3.11 freezes into its binary (Python/frozen.c): their
/// code's file name is `<frozen NAME>`, as tracebacks through them show.
const FROZEN: &[&str] = &[
    "abc", "codecs", "io", "_collections_abc", "_sitebuiltins", "genericpath", "ntpath", "posixpath", "os", "site",
    "stat", "importlib.util", "importlib.machinery", "runpy", "zipimport",
];

/// `<frozen NAME>` for a frozen module loaded from the standard library directory.
fn frozen_code_name(full: &str, file: &Path) -> Option<String> {
    if !FROZEN.contains(&full) {
        return None;
    }
    let top = full.split('.').next().unwrap_or(full);
    let dir = file.parent()?;
    let lib = if top == full { dir } else { dir.parent()? };
    (Some(lib.to_path_buf()) == stdlib_dir()).then(|| format!("<frozen {full}>"))
}

/// Runs a module's code in its namespace `globals`.
fn run_module_code(vm: &mut Vm, code: Value, globals: Value) -> PyResult {
    crate::interp::builtins_for(vm, globals)?;
    crate::interp::run_code(vm, code, globals, globals)
}

/// The text of a source file to import (OSError if unreadable; decoded by its
/// encoding declaration, else as UTF-8; SyntaxError if it cannot be or contains NUL).
pub fn read_source(vm: &mut Vm, path: &str) -> PyResult<String> {
    let bytes = std::fs::read(path).map_err(|e| {
        let f = crate::str::alloc_str(vm, path);
        crate::exceptions::os_error_from_io(vm, &e, Some(f))
    })?;
    // As importlib does: the bytes go to compile(), which decodes them.
    let text = crate::builtins::decode_source(vm, bytes)?;
    check_no_nul(vm, text)
}

/// `ImportFrom`: `from module import name`.
pub fn import_from(vm: &mut Vm, module: Value, name: Value) -> PyResult {
    if let Some(v) = crate::attr::getattr_opt(vm, module, name)? {
        return Ok(v);
    }
    let n = crate::str::as_str(name).unwrap_or("?").to_string();
    let d = module.header().map(|h| h.dict()).unwrap_or(Value::NULL);
    let mname = if d.is_null() { None } else { dict::get_item_str(vm, d, "__name__")?.and_then(|v| crate::str::as_str(v).map(str::to_string)) };
    if let Some(mn) = &mname {
        if let Some(m) = lookup_module(vm, &format!("{mn}.{n}"))? {
            return Ok(m);
        }
    }
    let mn = mname.unwrap_or_else(|| "<unknown module name>".into());
    let file = if d.is_null() { None } else { dict::get_item_str(vm, d, "__file__")?.and_then(|f| crate::str::as_str(f).map(str::to_string)) };
    let initializing = lookup_module(vm, &mn)?.is_some() && is_initializing(vm, d)?;
    let loc = match &file {
        Some(f) => format!(" ({f})"),
        None => " (unknown location)".to_string(),
    };
    let msg = if initializing {
        format!("cannot import name '{n}' from partially initialized module '{mn}' (most likely due to a circular import){loc}")
    } else {
        format!("cannot import name '{n}' from '{mn}'{loc}")
    };
    let t = vm.e.import_error;
    let e = vm.new_exc(t, msg);
    let mv = crate::str::alloc_str(vm, &mn);
    crate::exceptions::set_field(vm, e.0, "name", mv);
    Err(e)
}

/// Whether the module whose dict is `d` is still executing its body.
fn is_initializing(vm: &mut Vm, d: Value) -> PyResult<bool> {
    for f in vm.frames.iter() {
        if f.globals == d && !f.locals.is_null() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `from module import *` into `locals`: the names in `module.__all__`, else
/// those of `module.__dict__` not starting with `_` (any object will do).
pub fn import_star(vm: &mut Vm, module: Value, locals: Value) -> PyResult<()> {
    let all = vm.intern("__all__");
    let (names, from_dict) = match crate::attr::getattr_opt(vm, module, all)? {
        Some(all) => (crate::list::from_iterable(vm, all)?, false),
        None => {
            let dict_name = vm.intern("__dict__");
            let Some(d) = crate::attr::getattr_opt(vm, module, dict_name)? else {
                let t = vm.e.import_error;
                return Err(vm.new_exc(t, "from-import-* object has no __dict__ and no __all__"));
            };
            let keys = crate::call::call_method(vm, d, "keys", &[])?;
            (crate::list::from_iterable(vm, keys)?, true)
        }
    };
    let items = crate::list::lobj(names).items.borrow().clone();
    for n in items {
        if crate::str::as_str(n).is_none() {
            let name = vm.intern("__name__");
            let mn = match crate::attr::getattr_opt(vm, module, name)? {
                Some(m) => crate::ops::str_string(vm, m)?,
                None => "?".to_string(),
            };
            let (what, attr) = if from_dict { ("Key", "__dict__") } else { ("Item", "__all__") };
            let m = format!("{what} in {mn}.{attr} must be str, not {}", vm.type_name(n));
            return Err(vm.type_error(m));
        }
        if from_dict && crate::str::as_str(n).is_some_and(|s| s.starts_with('_')) {
            continue;
        }
        let n = vm.intern_value(n);
        let v = crate::attr::getattr(vm, module, n)?;
        crate::ops::setitem(vm, locals, n, v)?;
    }
    std::hint::black_box(names);
    Ok(())
}

/// `import name` from Rust code.
pub fn import_simple(vm: &mut Vm, name: &str) -> PyResult {
    import_dotted(vm, name)
}

/// The source file `-m name` runs: the module's file, or a package's
/// `__main__.py`; None if there is no such module.
pub fn find_module_file(vm: &mut Vm, name: &str) -> PyResult<Option<String>> {
    let (path, last) = match name.rsplit_once('.') {
        Some((parent, last)) => {
            let pm = match import_dotted(vm, parent) {
                Ok(m) => m,
                Err(e) if crate::exceptions::matches(vm, e, vm.e.module_not_found_error) => return Ok(None),
                Err(e) => return Err(e),
            };
            let path_name = vm.intern("__path__");
            match crate::attr::getattr_opt(vm, pm, path_name)? {
                Some(p) => (p, last),
                None => return Ok(None),
            }
        }
        None => (crate::sys::sys_attr(vm, "path")?, name),
    };
    let dirs = crate::list::from_iterable(vm, path)?;
    let items = crate::list::lobj(dirs).items.borrow().clone();
    for d in items {
        let Some(ds) = crate::str::as_str(d) else { continue };
        let base = if ds.is_empty() { PathBuf::from(".") } else { PathBuf::from(ds) };
        let pkg = base.join(last);
        if pkg.join("__init__.py").is_file() {
            import_dotted(vm, name)?;
            return find_module_file(vm, &format!("{name}.__main__"));
        }
        let file = base.join(format!("{last}.py"));
        if file.is_file() {
            return Ok(Some(crate::cli_path(&file)));
        }
    }
    Ok(None)
}

