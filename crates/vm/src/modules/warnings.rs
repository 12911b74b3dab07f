//! `_warnings`: the warnings machinery of CPython's Python/_warnings.c (filters,
//! registries, `warn`, `warn_explicit`). `warnings.py` imports it and shares its
//! `filters` list; warnings the compiler emits go through `warn_explicit_str`.

use crate::dict;
use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// The `_warnings` module (imported on first use; `sys.modules` keeps it).
fn state(vm: &mut Vm) -> PyResult {
    crate::import::import_simple(vm, "_warnings")
}

/// An attribute of the `warnings` module if it has been imported (it may have
/// replaced `filters`, `defaultaction`, `onceregistry` or `_showwarnmsg`).
fn warnings_attr(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let mods = crate::sys::sys_attr(vm, "modules")?;
    let Some(w) = dict::get_item_str(vm, mods, "warnings")? else { return Ok(None) };
    let n = vm.intern(name);
    crate::attr::getattr_opt(vm, w, n)
}

/// `warnings.X` if imported, else `_warnings.<own>`.
fn setting(vm: &mut Vm, public: &str, own: &str) -> PyResult {
    if let Some(v) = warnings_attr(vm, public)? {
        return Ok(v);
    }
    let m = state(vm)?;
    let n = vm.intern(own);
    crate::attr::getattr(vm, m, n)
}

fn filters_version(vm: &mut Vm) -> PyResult {
    let m = state(vm)?;
    let d = crate::module::module_dict(m);
    Ok(dict::get_item_str(vm, d, "_filters_version")?.unwrap_or(Value::small(0)))
}

/// `_filters_mutated()`: invalidates the per-module registries.
fn filters_mutated(vm: &mut Vm, _args: Args) -> PyResult {
    let v = filters_version(vm)?;
    let next = crate::ops::binary_op(vm, v, Value::small(1), compiler::bytecode::BinOp::Add)?;
    let m = state(vm)?;
    super::set_attr(vm, m, "_filters_version", next)?;
    Ok(vm.none)
}

/// Whether filter field `pattern` (None or a compiled regex) matches `text`.
fn matches(vm: &mut Vm, pattern: Value, text: Value) -> PyResult<bool> {
    if pattern == vm.none {
        return Ok(true);
    }
    // The built-in default filters hold plain strings, matched exactly.
    if vm.type_of(pattern) == vm.t.str {
        return crate::ops::eq(vm, pattern, text);
    }
    let r = crate::call::call_method(vm, pattern, "match", &[text])?;
    crate::ops::truthy(vm, r)
}

/// The action of the first matching filter (and the filter), or the default.
fn get_filter(vm: &mut Vm, category: Value, text: Value, lineno: i64, module: Value) -> PyResult<(Value, Value)> {
    let filters = setting(vm, "filters", "filters")?;
    let Some(list) = filters.downcast::<crate::list::ListObj>() else {
        return Err(vm.value_error("_warnings.filters must be a list"));
    };
    let _pin = crate::gc::pin(filters);
    let n = list.items.borrow().len();
    for i in 0..n {
        let Some(item) = list.items.borrow().get(i).copied() else { break };
        let parts = match item.downcast::<crate::tuple::TupleObj>() {
            Some(_) if crate::tuple::items(item).len() == 5 => crate::tuple::items(item),
            _ => return Err(vm.value_error(format!("_warnings.filters item {i} isn't a 5-tuple"))),
        };
        let (action, msg, cat, module_re, ln) = (parts[0], parts[1], parts[2], parts[3], parts[4]);
        let good_cat = crate::typeobj::is_subtype(category, cat);
        if !good_cat || !matches(vm, msg, text)? || !matches(vm, module_re, module)? {
            continue;
        }
        let ln = crate::number::index_i64(vm, ln)?;
        if ln == 0 || ln == lineno {
            return Ok((action, item));
        }
    }
    let action = setting(vm, "defaultaction", "_defaultaction")?;
    Ok((action, vm.none))
}

/// `registry[key]` was set under the current filters (and resets a stale registry).
fn already_warned(vm: &mut Vm, registry: Value, key: Value, should_set: bool) -> PyResult<bool> {
    if registry == vm.none || registry.is_null() {
        return Ok(false);
    }
    let version = filters_version(vm)?;
    let current = dict::get_item_str(vm, registry, "version")?;
    let fresh = match current {
        Some(v) => crate::ops::eq(vm, v, version)?,
        None => false,
    };
    if !fresh {
        crate::call::call_method(vm, registry, "clear", &[])?;
        dict::set_item_str(vm, registry, "version", version)?;
    } else if let Some(v) = dict::get_item(vm, registry, key)? {
        if crate::ops::truthy(vm, v)? {
            return Ok(true);
        }
    }
    if should_set {
        let t = vm.true_;
        dict::set_item(vm, registry, key, t)?;
    }
    Ok(false)
}

/// The module name CPython derives from a file name (`normalize_module`).
fn normalize_module(vm: &mut Vm, filename: Value) -> Value {
    match crate::str::as_str(filename) {
        Some("") => vm.intern("<unknown>"),
        Some(f) if f.ends_with(".py") => {
            let s = f[..f.len() - 3].to_string();
            crate::str::new_str(vm, s)
        }
        _ => filename,
    }
}

/// A warning that passed the filters, to be shown.
struct Shown {
    message: Value,
    category: Value,
    text: Value,
    filename: Value,
    lineno: i64,
    /// The object that caused it (`source=`), for `tracemalloc`'s traceback; NULL if none.
    source: Value,
}

/// Prints a warning as `filename:lineno: Category: text` and the source line,
/// through `warnings._showwarnmsg` once `warnings` is imported.
fn show_warning(vm: &mut Vm, w: Shown) -> PyResult<()> {
    let Shown { message, category, text, filename, lineno, source } = w;
    if let Some(show) = warnings_attr(vm, "_showwarnmsg")? {
        if let Some(cls) = warnings_attr(vm, "WarningMessage")? {
            let none = vm.none;
            let ln = crate::int::from_i64(vm, lineno);
            let source = if source.is_null() { none } else { source };
            let msg = crate::call::call(vm, cls, &[message, category, filename, ln, none, none, source])?;
            crate::call::call(vm, show, &[msg])?;
            return Ok(());
        }
    }
    let dunder_name = vm.intern("__name__");
    let name = match crate::attr::getattr_opt(vm, category, dunder_name)? {
        Some(n) => crate::ops::str_string(vm, n)?,
        None => "Warning".into(),
    };
    let fname = crate::ops::str_string(vm, filename)?;
    let t = crate::ops::str_string(vm, text)?;
    let mut out = format!("{fname}:{lineno}: {name}: {t}\n");
    if let Some(line) = source_line(vm, &fname, lineno) {
        out.push_str(&format!("  {}\n", line.trim()));
    }
    let err = crate::sys::sys_attr(vm, "stderr")?;
    if err != vm.none {
        crate::sys::write_to(vm, err, &out)?;
    }
    Ok(())
}

/// Line `lineno` of `filename` (or of a file of that name on `sys.path`), as
/// `_Py_DisplaySourceLine` finds it.
fn source_line(vm: &mut Vm, filename: &str, lineno: i64) -> Option<String> {
    let read = |p: &std::path::Path| std::fs::read(p).ok();
    let mut data = read(std::path::Path::new(filename));
    if data.is_none() && !filename.starts_with('<') {
        let tail = std::path::Path::new(filename).file_name()?.to_owned();
        let path = crate::sys::sys_attr(vm, "path").ok()?;
        let items = path.downcast::<crate::list::ListObj>()?.items.borrow().clone();
        data = items.iter().filter_map(|d| crate::str::as_str(*d)).find_map(|d| read(&std::path::Path::new(d).join(&tail)));
    }
    let text = String::from_utf8_lossy(&data?).into_owned();
    text.lines().nth(usize::try_from(lineno).ok()?.checked_sub(1)?).map(str::to_string)
}

/// CPython's `warn_explicit`.
#[allow(clippy::too_many_arguments)]
fn warn_explicit_impl(
    vm: &mut Vm,
    category: Value,
    message: Value,
    filename: Value,
    lineno: i64,
    module: Value,
    registry: Value,
    source: Value,
) -> PyResult<()> {
    let module = if module.is_null() || module == vm.none { normalize_module(vm, filename) } else { module };
    let _pin = crate::gc::pin(module);
    let (text, message, category) = if crate::typeobj::is_instance(vm, message, vm.e.warning) {
        let text = crate::ops::str(vm, message)?;
        (text, message, vm.type_of(message))
    } else {
        let m = crate::call::call(vm, category, &[message])?;
        (message, m, category)
    };
    let _pins = (crate::gc::pin(text), crate::gc::pin(message));
    let ln = crate::int::from_i64(vm, lineno);
    let key = crate::tuple::new_tuple(vm, vec![text, category, ln]);
    let _pk = crate::gc::pin(key);
    if already_warned(vm, registry, key, false)? {
        return Ok(());
    }
    let (action, item) = get_filter(vm, category, text, lineno, module)?;
    let act = crate::str::as_str(action).unwrap_or("").to_string();
    if act == "error" {
        return Err(PyErr(message));
    }
    if act != "always" {
        if registry != vm.none && !registry.is_null() {
            let t = vm.true_;
            dict::set_item(vm, registry, key, t)?;
        }
        match act.as_str() {
            "ignore" => return Ok(()),
            "once" => {
                let reg = if registry == vm.none || registry.is_null() { setting(vm, "onceregistry", "_onceregistry")? } else { registry };
                let k = crate::tuple::new_tuple(vm, vec![text, category]);
                if already_warned(vm, reg, k, true)? {
                    return Ok(());
                }
            }
            "module" => {
                if registry != vm.none && !registry.is_null() {
                    let zero = Value::small(0);
                    let k = crate::tuple::new_tuple(vm, vec![text, category, zero]);
                    if already_warned(vm, registry, k, true)? {
                        return Ok(());
                    }
                }
            }
            "default" => {}
            _ => {
                let (a, i) = (crate::ops::repr_string(vm, action)?, crate::ops::repr_string(vm, item)?);
                return Err(vm.runtime_error(format!("Unrecognized action ({a}) in warnings.filters:\n {i}")));
            }
        }
    }
    show_warning(vm, Shown { message, category, text, filename, lineno, source })
}

/// `warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None)`.
fn warn_explicit(vm: &mut Vm, args: Args) -> PyResult {
    let [message, category, filename, lineno, module, registry, _globals, source] = args.bind(
        vm,
        "warn_explicit",
        ["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"],
        4,
        0,
    )?;
    let category = if category == vm.none { vm.e.user_warning } else { category };
    let lineno = crate::number::index_i64(vm, lineno)?;
    let registry = if registry.is_null() { vm.none } else { registry };
    warn_explicit_impl(vm, category, message, filename, lineno, module, registry, source)?;
    Ok(vm.none)
}

/// `warn(message, category=None, stacklevel=1, source=None)`: the location is the
/// caller `stacklevel` frames up.
fn warn(vm: &mut Vm, args: Args) -> PyResult {
    let [message, category, stacklevel, source] = args.bind(vm, "warn", ["message", "category", "stacklevel", "source"], 1, 0)?;
    let category = if crate::typeobj::is_instance(vm, message, vm.e.warning) {
        vm.type_of(message)
    } else if category.is_null() || category == vm.none {
        vm.e.user_warning
    } else {
        if !crate::typeobj::is_instance(vm, category, vm.t.type_) || !crate::typeobj::is_subtype(category, vm.e.warning) {
            let m = format!("category must be a Warning subclass, not '{}'", vm.type_name(category));
            return Err(vm.type_error(m));
        }
        category
    };
    let level = if stacklevel.is_null() { 1 } else { crate::number::index_i64(vm, stacklevel)? };
    let getframe = crate::sys::sys_attr(vm, "_getframe")?;
    let depth = Value::small((level - 1).max(0));
    let (globals, filename, lineno) = match crate::call::call(vm, getframe, &[depth]) {
        Ok(frame) if level >= 1 => {
            let g = crate::attr::getattr_str(vm, frame, "f_globals")?;
            let code = crate::attr::getattr_str(vm, frame, "f_code")?;
            let f = crate::attr::getattr_str(vm, code, "co_filename")?;
            let ln = crate::attr::getattr_str(vm, frame, "f_lineno")?;
            let ln = if ln == vm.none { 0 } else { crate::number::index_i64(vm, ln)? };
            (g, f, ln)
        }
        _ => (crate::module::module_dict(vm.sys), vm.intern("sys"), 1),
    };
    let module = match dict::get_item_str(vm, globals, "__name__")? {
        Some(n) => n,
        None => vm.intern("<string>"),
    };
    let registry = match dict::get_item_str(vm, globals, "__warningregistry__")? {
        Some(r) => r,
        None => {
            let r = crate::dict::new_dict(vm);
            dict::set_item_str(vm, globals, "__warningregistry__", r)?;
            r
        }
    };
    warn_explicit_impl(vm, category, message, filename, lineno, module, registry, source)?;
    Ok(vm.none)
}

/// Emits a compile-time warning (`PyErr_WarnExplicitObject` with no module or
/// registry). Err(exception) if a filter turned it into an error.
pub fn warn_explicit_str(vm: &mut Vm, category: Value, msg: &str, filename: &str, lineno: u32) -> PyResult<()> {
    let m = crate::str::alloc_str(vm, msg);
    let f = crate::str::alloc_str(vm, filename);
    let none = vm.none;
    warn_explicit_impl(vm, category, m, f, i64::from(lineno), none, none, Value::NULL)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(
        vm,
        m,
        &[("warn", warn), ("warn_explicit", warn_explicit), ("_filters_mutated", filters_mutated)],
    )?;
    // CPython's default filters (release build, no -W/-X dev options).
    let filters = crate::list::new_list(vm, vec![]);
    super::set_attr(vm, m, "filters", filters)?;
    let defaults = [
        ("default", vm.e.deprecation_warning, Some("__main__")),
        ("ignore", vm.e.deprecation_warning, None),
        ("ignore", vm.e.pending_deprecation_warning, None),
        ("ignore", vm.e.import_warning, None),
        ("ignore", vm.e.resource_warning, None),
    ];
    for (action, cat, module) in defaults {
        let a = vm.intern(action);
        let none = vm.none;
        let md = match module {
            Some(s) => vm.intern(s),
            None => vm.none,
        };
        let item = crate::tuple::new_tuple(vm, vec![a, none, cat, md, Value::small(0)]);
        crate::list::lobj(filters).items.borrow_mut().push(item);
    }
    let d = vm.intern("default");
    super::set_attr(vm, m, "_defaultaction", d)?;
    let reg = crate::dict::new_dict(vm);
    super::set_attr(vm, m, "_onceregistry", reg)?;
    super::set_attr(vm, m, "_filters_version", Value::small(1))?;
    Ok(())
}

/// `PyErr_WarnFormat` for Rust code: warns with `msg` as `warnings.warn(msg,
/// category, stacklevel)` would from the innermost Python frame.
pub fn warn_str(vm: &mut Vm, category: Value, msg: &str, stacklevel: i64) -> PyResult<()> {
    let m = crate::str::alloc_str(vm, msg);
    warn(vm, Args::new(&[m, category, Value::small(stacklevel)]))?;
    Ok(())
}
