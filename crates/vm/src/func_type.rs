//! The Python-visible side of functions, methods, code objects, cells and the
//! builtin descriptors: constructors, attributes and reprs.

use crate::dict;
use crate::function::*;
use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

/// `MakeFunction`: a function object for `code` in `globals`.
#[allow(clippy::too_many_arguments)]
pub fn new_function(vm: &mut Vm, code: Value, globals: Value, builtins: Value, defaults: Value, kwdefaults: Value, closure: Value, annotations: Value) -> PyResult {
    let co = code.downcast::<CodeObj>().expect("code");
    let doc = match co.code.consts.first() {
        Some(compiler::Constant::Str(_) | compiler::Constant::SurrogateStr(_)) => co.consts[0],
        _ => vm.none,
    };
    let module = dict::get_item_str(vm, globals, "__name__")?.unwrap_or(Value::NULL);
    let annotations = if annotations.is_null() || annotations.is::<dict::DictObj>() {
        annotations
    } else {
        let d = dict::new_dict(vm);
        let items = crate::tuple::items(annotations);
        for pair in items.chunks(2) {
            dict::set_item(vm, d, pair[0], pair[1])?;
        }
        d
    };
    let ty = vm.t.function;
    Ok(vm.alloc(
        ty,
        FunctionObj {
            code: Cell::new(code),
            globals,
            builtins,
            name: Cell::new(co.name),
            qualname: Cell::new(co.qualname),
            defaults: Cell::new(defaults),
            kwdefaults: Cell::new(kwdefaults),
            closure,
            doc: Cell::new(doc),
            module: Cell::new(module),
            annotations: Cell::new(annotations),
        },
    ))
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`
/// (CPython's `func_new`).
fn function_new(vm: &mut Vm, args: Args) -> PyResult {
    let names = ["code", "globals", "name", "argdefs", "closure"];
    let [code, globals, name, defaults, closure] = args.shift().bind(vm, "function", names, 2, 0)?;
    for (v, what, ty, ok) in [(code, "code", "code", code.is::<CodeObj>()), (globals, "globals", "dict", globals.is::<dict::DictObj>())] {
        if !ok {
            let m = format!("function() argument '{what}' must be {ty}, not {}", vm.type_name(v));
            return Err(vm.type_error(m));
        }
    }
    let none = vm.none;
    let given = |v: Value| !v.is_null() && v != none;
    if given(name) && !name.is::<crate::str::StrObj>() {
        return Err(vm.type_error("arg 3 (name) must be None or string"));
    }
    if given(defaults) && !defaults.is::<crate::tuple::TupleObj>() {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let co = code.downcast::<CodeObj>().expect("checked above");
    let nfree = co.code.freevars.len();
    let closure = if given(closure) { closure } else { Value::NULL };
    if !closure.is_null() && !closure.is::<crate::tuple::TupleObj>() {
        return Err(vm.type_error("arg 5 (closure) must be None or tuple"));
    }
    if closure.is_null() && nfree > 0 {
        return Err(vm.type_error("arg 5 (closure) must be tuple"));
    }
    let cells = if closure.is_null() { &[][..] } else { crate::tuple::items(closure) };
    if cells.len() != nfree {
        let n = crate::str::as_str(co.name).unwrap_or("?");
        return Err(vm.value_error(format!("{n} requires closure of length {nfree}, not {}", cells.len())));
    }
    if let Some(c) = cells.iter().find(|c| !c.is::<CellObj>()) {
        let m = format!("arg 5 (closure) expected cell, found {}", vm.type_name(*c));
        return Err(vm.type_error(m));
    }
    let builtins = crate::globals::builtins_of(vm, globals)?;
    let defaults = if given(defaults) { defaults } else { Value::NULL };
    let f = new_function(vm, code, globals, builtins, defaults, Value::NULL, closure, Value::NULL)?;
    if given(name) {
        fobj(f).name.set(name);
    }
    Ok(f)
}

fn fobj(v: Value) -> &'static FunctionObj {
    v.downcast::<FunctionObj>().expect("function")
}

fn null_to_none(vm: &Vm, v: Value) -> Value {
    if v.is_null() {
        vm.none
    } else {
        v
    }
}

fn f_name(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(fobj(v).name.get())
}
fn f_set_name(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    if crate::str::as_str(n).is_none() {
        return Err(vm.type_error("__name__ must be set to a string object"));
    }
    fobj(v).name.set(n);
    Ok(())
}
fn f_qualname(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(fobj(v).qualname.get())
}
fn f_set_qualname(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    if crate::str::as_str(n).is_none() {
        return Err(vm.type_error("__qualname__ must be set to a string object"));
    }
    fobj(v).qualname.set(n);
    Ok(())
}
fn f_doc(vm: &mut Vm, v: Value) -> PyResult {
    Ok(null_to_none(vm, fobj(v).doc.get()))
}
fn f_set_doc(vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
    fobj(v).doc.set(if d.is_null() { vm.none } else { d });
    Ok(())
}
fn f_defaults(vm: &mut Vm, v: Value) -> PyResult {
    Ok(null_to_none(vm, fobj(v).defaults.get()))
}
fn f_set_defaults(vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
    if d.is_null() || d == vm.none {
        fobj(v).defaults.set(Value::NULL);
    } else if crate::tuple::is_tuple(d) {
        fobj(v).defaults.set(d);
    } else {
        return Err(vm.type_error("__defaults__ must be set to a tuple object"));
    }
    Ok(())
}
fn f_kwdefaults(vm: &mut Vm, v: Value) -> PyResult {
    Ok(null_to_none(vm, fobj(v).kwdefaults.get()))
}
fn f_set_kwdefaults(vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
    if d.is_null() || d == vm.none {
        fobj(v).kwdefaults.set(Value::NULL);
    } else if d.is::<dict::DictObj>() {
        fobj(v).kwdefaults.set(d);
    } else {
        return Err(vm.type_error("__kwdefaults__ must be set to a dict object"));
    }
    Ok(())
}
fn f_closure(vm: &mut Vm, v: Value) -> PyResult {
    Ok(null_to_none(vm, fobj(v).closure))
}
fn f_code(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(fobj(v).code.get())
}
fn f_set_code(vm: &mut Vm, v: Value, c: Value) -> PyResult<()> {
    let Some(co) = c.downcast::<CodeObj>() else {
        return Err(vm.type_error("__code__ must be set to a code object"));
    };
    let f = fobj(v);
    let nfree = co.code.freevars.len();
    let nclosure = if f.closure.is_null() { 0 } else { crate::tuple::items(f.closure).len() };
    if nfree != nclosure {
        let name = crate::str::as_str(f.name.get()).unwrap_or("?");
        let m = format!("{name}() requires a code object with {nclosure} free vars, not {nfree}");
        return Err(vm.value_error(m));
    }
    f.code.set(c);
    Ok(())
}
fn f_globals(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(fobj(v).globals)
}
fn f_builtins(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(fobj(v).builtins)
}
fn f_module(vm: &mut Vm, v: Value) -> PyResult {
    Ok(null_to_none(vm, fobj(v).module.get()))
}
fn f_set_module(vm: &mut Vm, v: Value, m: Value) -> PyResult<()> {
    fobj(v).module.set(if m.is_null() { vm.none } else { m });
    Ok(())
}
fn f_annotations(vm: &mut Vm, v: Value) -> PyResult {
    let f = fobj(v);
    if f.annotations.get().is_null() {
        let d = dict::new_dict(vm);
        f.annotations.set(d);
    }
    Ok(f.annotations.get())
}
fn f_set_annotations(vm: &mut Vm, v: Value, a: Value) -> PyResult<()> {
    if !a.is_null() && a != vm.none && !a.is::<dict::DictObj>() {
        return Err(vm.type_error("__annotations__ must be set to a dict object"));
    }
    fobj(v).annotations.set(if a == vm.none { Value::NULL } else { a });
    Ok(())
}

/// `obj.__dict__` for objects whose dict lives in the header.
pub fn header_dict(vm: &mut Vm, v: Value) -> PyResult {
    let h = v.header().expect("object");
    if h.dict().is_null() {
        let d = dict::new_instance_dict(vm);
        h.set_dict(d);
    }
    Ok(h.dict())
}
pub fn set_header_dict(vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
    if d.is_null() {
        return Err(vm.type_error("cannot delete __dict__"));
    }
    if !d.is::<dict::DictObj>() {
        return Err({ let __arg = format!("__dict__ must be set to a dictionary, not a '{}'", vm.type_name(d)); vm.type_error(__arg) });
    }
    v.header().unwrap().set_dict(d);
    Ok(())
}

fn f_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let q = crate::str::as_str(fobj(a[0]).qualname.get()).unwrap_or("?").to_string();
    Ok(crate::str::new_str(vm, format!("<function {q} at {:#x}>", a[0].id())))
}

fn f_get(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__get__", 2, 3)?;
    if a[1] == vm.none {
        return Ok(a[0]);
    }
    Ok(new_bound_method(vm, a[0], a[1]))
}

fn call_self(vm: &mut Vm, args: Args) -> PyResult {
    crate::call::call_args(vm, args.vals[0], args.shift())
}

fn m_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let m = a[0].downcast::<BoundMethod>().unwrap();
    let qn = vm.intern("__qualname__");
    let name = match crate::attr::getattr_opt(vm, m.func, qn)? {
        Some(q) => crate::ops::str_string(vm, q)?,
        None => "?".into(),
    };
    let r = crate::ops::repr_string(vm, m.self_)?;
    Ok(crate::str::new_str(vm, format!("<bound method {name} of {r}>")))
}
fn m_func(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(v.downcast::<BoundMethod>().unwrap().func)
}
/// `method.__doc__`: the function's (CPython's `method_get_doc`).
fn m_doc(vm: &mut Vm, v: Value) -> PyResult {
    let f = v.downcast::<BoundMethod>().unwrap().func;
    crate::attr::getattr_str(vm, f, "__doc__")
}
fn m_self(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(v.downcast::<BoundMethod>().unwrap().self_)
}
fn m_eq(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__eq__", 2, 2)?;
    let Some(y) = a[1].downcast::<BoundMethod>() else { return Ok(vm.not_implemented) };
    let x = a[0].downcast::<BoundMethod>().unwrap();
    Ok(vm.bool(x.self_ == y.self_ && x.func == y.func))
}
fn m_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let m = a[0].downcast::<BoundMethod>().unwrap();
    let h = crate::hash::hash_pointer(m.self_) ^ crate::hash::hash(vm, m.func)?;
    Ok(crate::int::from_i64(vm, h))
}
fn m_getattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getattribute__", 2, 2)?;
    match crate::attr::generic_getattr(vm, a[0], a[1]) {
        Err(e) if crate::exceptions::matches(vm, e, vm.e.attribute_error) => {
            let f = a[0].downcast::<BoundMethod>().unwrap().func;
            crate::attr::getattr(vm, f, a[1])
        }
        r => r,
    }
}

fn native(v: Value) -> &'static NativeFunction {
    v.downcast::<NativeFunction>().unwrap()
}
/// `__module__` of a builtin function: its module's name (`len` -> 'builtins');
/// None for methods bound to an object and for static methods of types.
fn n_module(vm: &mut Vm, v: Value) -> PyResult {
    let n = native(v);
    let m = if n.self_.is_null() { n.owner } else { n.self_ };
    if !m.is::<crate::module::ModuleObj>() {
        return Ok(vm.none);
    }
    let d = crate::module::module_dict(m);
    Ok(crate::dict::get_item_str(vm, d, "__name__")?.unwrap_or(vm.none))
}
fn n_name(vm: &mut Vm, v: Value) -> PyResult {
    let n = native(v).name;
    Ok(vm.intern(n))
}
fn n_qualname(vm: &mut Vm, v: Value) -> PyResult {
    let n = native(v);
    if n.owner.is_null() || !crate::typeobj::is_type(n.owner) {
        return Ok(vm.intern(n.name));
    }
    let s = format!("{}.{}", crate::typeobj::type_name(n.owner), n.name);
    Ok(crate::str::new_str(vm, s))
}
fn n_self(vm: &mut Vm, v: Value) -> PyResult {
    let n = native(v);
    Ok(if !n.self_.is_null() {
        n.self_
    } else if n.kind == NativeKind::Static && n.name == "__new__" {
        // A builtin type's __new__ is bound to the type (CPython's
        // tp_new_wrapper; copyreg looks for it); static methods show None.
        n.owner
    } else if !n.owner.is_null() && !crate::typeobj::is_type(n.owner) {
        n.owner
    } else {
        vm.none
    })
}
/// `__reduce__` (pickling by reference, as CPython's meth_reduce and
/// descr_reduce): a module-level function pickles as its name, a bound
/// builtin method as `getattr(self, name)`, a method descriptor as
/// `getattr(its type, name)`.
fn n_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let qualname = format!("{}.__reduce__", vm.type_name(args.vals[0]));
    let a = args.method(vm, &qualname, 0, 0)?;
    let n = native(a[0]);
    let receiver = match n.kind {
        NativeKind::Function => n_self(vm, a[0])?,
        NativeKind::Static | NativeKind::Method | NativeKind::ClassMethod => n.owner,
    };
    if receiver == vm.none || receiver.is_null() || receiver.is::<crate::module::ModuleObj>() {
        return Ok(vm.intern(n.name));
    }
    let builtins = vm.builtins;
    let name = vm.intern("getattr");
    let getattr = crate::attr::getattr(vm, builtins, name)?;
    let fname = vm.intern(n.name);
    let fargs = crate::tuple::new_tuple(vm, vec![receiver, fname]);
    Ok(crate::tuple::new_tuple(vm, vec![getattr, fargs]))
}

fn n_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let n = native(a[0]);
    let slot = crate::call::is_slot_wrapper(vm, n);
    let bound = !n.self_.is_null() && (!crate::typeobj::is_type(n.self_) || n.kind == NativeKind::Function && crate::typeobj::is_type(n.owner));
    let s = if bound {
        let (kind, tn) = (if slot { "method-wrapper '" } else { "built-in method " }, vm.type_name(n.self_));
        let q = if slot { "'" } else { "" };
        format!("<{kind}{}{q} of {tn} object at {:#x}>", n.name, n.self_.id())
    } else if n.kind == NativeKind::Static {
        format!("<built-in method {} of type object at {:#x}>", n.name, n.owner.id())
    } else if n.kind == NativeKind::Method {
        let kind = if slot { "slot wrapper" } else { "method" };
        format!("<{kind} '{}' of '{}' objects>", n.name, crate::typeobj::type_name(n.owner))
    } else {
        format!("<built-in function {}>", n.name)
    };
    Ok(crate::str::new_str(vm, s))
}

/// `<staticmethod(<function f at 0x...>)>`.
fn wrapper_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let f = a[0].downcast::<MethodWrapper>().unwrap().func.get();
    let inner = if f.is_null() { "NULL".to_string() } else { crate::ops::repr_string(vm, f)? };
    let s = format!("<{}({inner})>", vm.type_name(a[0]));
    Ok(crate::str::new_str(vm, s))
}
fn n_get(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__get__", 2, 3)?;
    let ty = a.get(2).copied().unwrap_or(vm.none);
    let obj = if a[1] == vm.none { Value::NULL } else { a[1] };
    let ty = if ty == vm.none { vm.type_of(a[1]) } else { ty };
    crate::attr::descr_get(vm, a[0], obj, ty)
}

/// `<cell at 0x...: int object at 0x...>`, or `: empty>`.
fn cell_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let Some(c) = a[0].downcast::<crate::function::CellObj>() else {
        return Err(vm.type_error("descriptor '__repr__' requires a 'cell' object"));
    };
    let v = c.value.get();
    let s = if v.is_null() {
        format!("<cell at {:#x}: empty>", a[0].id())
    } else {
        format!("<cell at {:#x}: {} object at {:#x}>", a[0].id(), vm.type_name(v), v.id())
    };
    Ok(crate::str::new_str(vm, s))
}

fn code(v: Value) -> &'static CodeObj {
    v.downcast::<CodeObj>().unwrap()
}
fn strs_tuple(vm: &mut Vm, names: &[Value]) -> Value {
    crate::tuple::new_tuple(vm, names.to_vec())
}
fn co_name(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(code(v).name)
}
fn co_qualname(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(code(v).qualname)
}
fn co_filename(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(code(v).filename)
}
/// `co_positions()`: (line, end_line, col, end_col) per instruction, the
/// instruction of a traceback being `tb_lasti // 2` (all None where unknown).
fn co_positions(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "co_positions", 1, 1)?;
    let locations = code(a[0]).code.locations.clone();
    let buf = crate::list::ValueBuf::new(vm);
    for l in locations {
        let parts = if l.line == 0 {
            [vm.none; 4]
        } else {
            [l.line, l.end_line, l.col, l.end_col].map(|n| Value::small(i64::from(n)))
        };
        let t = crate::tuple::new_tuple(vm, parts.to_vec());
        buf.push(t);
    }
    let all = buf.into_tuple(vm);
    crate::ops::iter(vm, all)
}

/// `co_lines()`: (start, end, line) byte ranges of `co_code`, one per instruction as
/// CPython 3.11 writes its line table (line None where unknown).
fn co_lines(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "co_lines", 1, 1)?;
    let lines: Vec<u32> = code(a[0]).code.locations.iter().map(|l| l.line).collect();
    let buf = crate::list::ValueBuf::new(vm);
    for (i, line) in lines.into_iter().enumerate() {
        let line = if line == 0 { vm.none } else { Value::small(i64::from(line)) };
        let start = Value::small(2 * i as i64);
        let end = Value::small(2 * i as i64 + 2);
        let t = crate::tuple::new_tuple(vm, vec![start, end, line]);
        buf.push(t);
    }
    let all = buf.into_tuple(vm);
    crate::ops::iter(vm, all)
}

/// `code.replace(**changes)`: a copy with the given `co_*` fields. Flags, names,
/// file name and first line change freely; the fields that shape the bytecode
/// (co_code, co_consts, co_names, co_varnames, the argument counts...) only take
/// their current value: the instructions cannot be rebuilt from new bytes here.
fn code_replace(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos().len() != 1 {
        return Err(vm.type_error(format!("replace() takes no positional arguments")));
    }
    let this = args.vals[0];
    let co = code(this);
    let mut c = (*co.code).clone();
    let text = |vm: &mut Vm, k: &str, v: Value| -> PyResult<std::rc::Rc<str>> {
        match crate::str::as_str(v) {
            Some(s) => Ok(s.into()),
            None => Err(vm.type_error(format!("replace() argument '{k}' must be str, not {}", vm.type_name(v)))),
        }
    };
    let number = |vm: &mut Vm, k: &str, v: Value| -> PyResult<u32> {
        if !crate::int::is_int(vm, v) {
            let _ = k;
            return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))));
        }
        let n = crate::number::index_i64(vm, v)?;
        u32::try_from(n).map_err(|_| vm.value_error(format!("replace() argument '{k}' out of range")))
    };
    for (k, v) in args.kw() {
        let key = crate::str::as_str(k).unwrap_or("").to_string();
        match key.as_str() {
            "co_flags" => c.flags = number(vm, &key, v)?,
            "co_firstlineno" => c.firstlineno = number(vm, &key, v)?,
            "co_name" => c.name = text(vm, &key, v)?,
            "co_qualname" => c.qualname = text(vm, &key, v)?,
            "co_filename" => c.filename = text(vm, &key, v)?,
            "co_argcount" | "co_posonlyargcount" | "co_kwonlyargcount" | "co_nlocals" | "co_stacksize" | "co_code"
            | "co_consts" | "co_names" | "co_varnames" | "co_freevars" | "co_cellvars" | "co_linetable"
            | "co_exceptiontable" => {
                let cur = crate::attr::getattr(vm, this, k)?;
                if !crate::ops::eq(vm, cur, v)? {
                    return Err(vm.value_error(format!("code.replace(): changing {key} is not supported")));
                }
            }
            _ => return Err(vm.type_error(format!("'{key}' is an invalid keyword argument for replace()"))),
        }
    }
    let code = crate::function::verified(vm, c)?;
    Ok(crate::function::new_code(vm, code))
}

fn co_firstlineno(vm: &mut Vm, v: Value) -> PyResult {
    Ok(crate::int::from_i64(vm, code(v).code.firstlineno as i64))
}
fn co_argcount(vm: &mut Vm, v: Value) -> PyResult {
    Ok(crate::int::from_i64(vm, code(v).code.argcount as i64))
}
fn co_posonlyargcount(vm: &mut Vm, v: Value) -> PyResult {
    Ok(crate::int::from_i64(vm, code(v).code.posonlyargcount as i64))
}
fn co_kwonlyargcount(vm: &mut Vm, v: Value) -> PyResult {
    Ok(crate::int::from_i64(vm, code(v).code.kwonlyargcount as i64))
}
fn co_flags(vm: &mut Vm, v: Value) -> PyResult {
    Ok(crate::int::from_i64(vm, code(v).code.flags as i64))
}
fn co_nlocals(vm: &mut Vm, v: Value) -> PyResult {
    Ok(crate::int::from_usize(vm, code(v).varnames.len()))
}
fn co_stacksize(vm: &mut Vm, v: Value) -> PyResult {
    Ok(crate::int::from_i64(vm, code(v).code.stacksize as i64))
}
fn co_varnames(vm: &mut Vm, v: Value) -> PyResult {
    Ok(strs_tuple(vm, &code(v).varnames))
}
fn co_names(vm: &mut Vm, v: Value) -> PyResult {
    Ok(strs_tuple(vm, &code(v).names))
}
fn co_cellvars(vm: &mut Vm, v: Value) -> PyResult {
    let c = code(v);
    Ok(strs_tuple(vm, &c.cell_names[..c.code.cellvars.len()]))
}
fn co_freevars(vm: &mut Vm, v: Value) -> PyResult {
    let c = code(v);
    Ok(strs_tuple(vm, &c.cell_names[c.code.cellvars.len()..]))
}
fn co_consts(vm: &mut Vm, v: Value) -> PyResult {
    Ok(strs_tuple(vm, &code(v).consts))
}
fn co_code(vm: &mut Vm, v: Value) -> PyResult {
    let c = code(v);
    let mut b = Vec::with_capacity(c.code.instructions.len() * 2);
    for i in &c.code.instructions {
        b.push(i.op as u8);
        b.push(i.arg as u8);
    }
    Ok(crate::bytes::new_bytes(vm, b))
}
fn code_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let c = code(a[0]);
    let s = format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        crate::str::as_str(c.name).unwrap_or("?"),
        a[0].id(),
        crate::str::as_str(c.filename).unwrap_or("?"),
        c.code.firstlineno
    );
    Ok(crate::str::new_str(vm, s))
}

fn cell_contents(vm: &mut Vm, v: Value) -> PyResult {
    let c = v.downcast::<CellObj>().unwrap().value.get();
    if c.is_null() {
        return Err(vm.value_error("Cell is empty"));
    }
    Ok(c)
}
fn set_cell_contents(_vm: &mut Vm, v: Value, x: Value) -> PyResult<()> {
    v.downcast::<CellObj>().unwrap().value.set(x);
    Ok(())
}
fn cell_new(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.shift().exact(vm, "cell", 0, 1)?;
    Ok(new_cell(vm, a.first().copied().unwrap_or(Value::NULL)))
}

/// Cells compare by contents; an empty cell comes before any other (CPython's
/// `cell_richcompare`).
fn cell_richcmp(vm: &mut Vm, args: Args, op: compiler::bytecode::CmpOp) -> PyResult {
    let a = args.exact(vm, op.dunder(), 2, 2)?;
    let (Some(x), Some(y)) = (a[0].downcast::<CellObj>(), a[1].downcast::<CellObj>()) else {
        return Ok(vm.not_implemented);
    };
    let (x, y) = (x.value.get(), y.value.get());
    if !x.is_null() && !y.is_null() {
        return crate::ops::compare(vm, x, y, op);
    }
    Ok(vm.bool(crate::ops::cmp_ord(y.is_null().cmp(&x.is_null()), op)))
}

macro_rules! cell_cmp {
    ($($fname:ident: $op:ident;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult { cell_richcmp(vm, args, compiler::bytecode::CmpOp::$op) } )*
    };
}
cell_cmp! { cell_lt: Lt; cell_le: Le; cell_eq: Eq; cell_ne: Ne; cell_gt: Gt; cell_ge: Ge; }

fn wrapper_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    vm.alloc_wrapper(cls)
}
fn wrapper_init(vm: &mut Vm, args: Args) -> PyResult {
    // Errors name the type, as CPython's `staticmethod(f)` / `classmethod(f)` do.
    let Some(&me) = args.vals.first() else { return Err(vm.type_error("__init__ expected 2 arguments, got 0")) };
    let name = if crate::typeobj::is_subtype(vm.type_of(me), vm.t.staticmethod) { "staticmethod" } else { "classmethod" };
    if args.has_kw() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(vm.type_error(format!("{name} expected 1 argument, got {}", pos.len() - 1)));
    }
    if let Some(w) = pos[0].downcast::<MethodWrapper>() {
        w.func.set(pos[1]);
    }
    copy_wrapped_attrs(vm, me, pos[1])?;
    Ok(vm.none)
}

/// What `functools.wraps` would copy from `wrapped` to `wrapper`, those of its
/// attributes that exist (CPython's `functools_wraps` in cm_init/sm_init).
fn copy_wrapped_attrs(vm: &mut Vm, wrapper: Value, wrapped: Value) -> PyResult<()> {
    for name in ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] {
        let n = vm.intern(name);
        if let Some(v) = crate::attr::getattr_opt(vm, wrapped, n)? {
            crate::attr::setattr(vm, wrapper, n, v)?;
        }
    }
    Ok(())
}
fn wrapper_func(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(v.downcast::<MethodWrapper>().unwrap().func.get())
}
fn wrapper_get(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__get__", 2, 3)?;
    let ty = match a.get(2) {
        Some(t) if *t != vm.none => *t,
        _ => vm.type_of(a[1]),
    };
    let Some(w) = a[0].downcast::<MethodWrapper>() else {
        let m = format!("descriptor '__get__' requires a 'classmethod' object but received a '{}'", vm.type_name(a[0]));
        return Err(vm.type_error(m));
    };
    let f = w.func.get();
    let is_static = crate::typeobj::is_subtype(vm.type_of(a[0]), vm.t.staticmethod);
    if f.is_null() {
        let what = if is_static { "staticmethod" } else { "classmethod" };
        return Err(vm.runtime_error(format!("uninitialized {what} object")));
    }
    // Binds directly: the type's own `__get__` may be this one (a subclass without
    // one), which `descr_get` would call again.
    if is_static {
        Ok(f)
    } else {
        classmethod_bind(vm, f, ty)
    }
}

/// A classmethod wrapping `f` looked up on class `ty`: `f` bound to the class, through
/// `f`'s own `__get__(ty, ty)` when it has one (a wrapped property, as CPython 3.11's
/// `cm_descr_get` does).
pub fn classmethod_bind(vm: &mut Vm, f: Value, ty: Value) -> PyResult {
    if !f.is::<crate::function::FunctionObj>() {
        let get = vm.intern("__get__");
        let fty = vm.type_of(f);
        if let Some(g) = crate::typeobj::lookup(vm, fty, get) {
            return crate::call::call(vm, g, &[f, ty, ty]);
        }
    }
    Ok(crate::function::new_bound_method(vm, f, ty))
}
fn wrapper_isabstract(vm: &mut Vm, v: Value) -> PyResult {
    let f = v.downcast::<MethodWrapper>().unwrap().func.get();
    let n = vm.intern("__isabstractmethod__");
    match crate::attr::getattr_opt(vm, f, n)? {
        Some(x) => {
            let b = crate::ops::truthy(vm, x)?;
            Ok(vm.bool(b))
        }
        None => Ok(vm.false_),
    }
}
fn staticmethod_call(vm: &mut Vm, args: Args) -> PyResult {
    let f = args.vals[0].downcast::<MethodWrapper>().unwrap().func.get();
    crate::call::call_args(vm, f, args.shift())
}

fn prop(v: Value) -> &'static Property {
    v.downcast::<Property>().unwrap()
}
fn property_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    Ok(vm.alloc(cls, Property { fget: Cell::new(Value::NULL), fset: Cell::new(Value::NULL), fdel: Cell::new(Value::NULL), doc: Cell::new(Value::NULL), name: Cell::new(Value::NULL), getter_doc: Cell::new(false) }))
}
fn property_init(vm: &mut Vm, args: Args) -> PyResult {
    let [s, fget, fset, fdel, doc] = args.bind(vm, "property", ["self", "fget", "fset", "fdel", "doc"], 1, 1)?;
    let p = prop(s);
    let none = vm.none;
    let n = |v: Value| if v.is_null() || v == none { Value::NULL } else { v };
    p.fget.set(n(fget));
    p.fset.set(n(fset));
    p.fdel.set(n(fdel));
    let mut d = n(doc);
    p.getter_doc.set(false);
    if d.is_null() && !p.fget.get().is_null() {
        let dn = vm.intern("__doc__");
        d = n(crate::attr::getattr_opt(vm, p.fget.get(), dn)?.unwrap_or(Value::NULL));
        p.getter_doc.set(!d.is_null());
    }
    if vm.type_of(s) == vm.t.property {
        p.doc.set(d);
    } else {
        // A subclass's own `__doc__` would shadow the slot: the docstring goes
        // in the instance's dict (AttributeError with `__slots__`).
        let d = if d.is_null() { vm.none } else { d };
        crate::attr::setattr_str(vm, s, "__doc__", d)?;
    }
    Ok(vm.none)
}
fn property_copy(vm: &mut Vm, args: Args, which: usize) -> PyResult {
    let a = args.exact(vm, "property", 2, 2)?;
    let p = prop(a[0]);
    let mut parts = [p.fget.get(), p.fset.get(), p.fdel.get()];
    parts[which] = a[1];
    let none = vm.none;
    let parts = parts.map(|v| if v.is_null() { none } else { v });
    // A docstring taken from the getter is taken again from the new one.
    let doc = if p.getter_doc.get() && parts[0] != none || p.doc.get().is_null() { none } else { p.doc.get() };
    let ty = vm.type_of(a[0]);
    let r = crate::call::call(vm, ty, &[parts[0], parts[1], parts[2], doc])?;
    if let Some(rp) = r.downcast::<Property>() {
        rp.name.set(p.name.get());
    }
    Ok(r)
}
fn property_getter(vm: &mut Vm, args: Args) -> PyResult {
    property_copy(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: Args) -> PyResult {
    property_copy(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: Args) -> PyResult {
    property_copy(vm, args, 2)
}
fn property_get(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__get__", 2, 3)?;
    if a[1] == vm.none {
        return Ok(a[0]);
    }
    let ty = vm.type_of(a[1]);
    crate::attr::descr_get(vm, a[0], a[1], ty)
}
fn property_set(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__set__", 3, 3)?;
    let f = prop(a[0]).fset.get();
    if f.is_null() {
        return Err(vm.attribute_error("can't set attribute"));
    }
    crate::call::call(vm, f, &[a[1], a[2]])?;
    Ok(vm.none)
}
fn property_delete(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__delete__", 2, 2)?;
    let f = prop(a[0]).fdel.get();
    if f.is_null() {
        return Err(vm.attribute_error("can't delete attribute"));
    }
    crate::call::call(vm, f, &[a[1]])?;
    Ok(vm.none)
}
fn property_set_name(vm: &mut Vm, args: Args) -> PyResult {
    let given = args.vals.len().saturating_sub(1);
    if given != 2 || args.has_kw() {
        return Err(vm.type_error(format!("__set_name__() takes 2 positional arguments but {given} were given")));
    }
    let a = args.vals;
    prop(a[0]).name.set(a[2]);
    Ok(vm.none)
}
fn p_fget(vm: &mut Vm, v: Value) -> PyResult {
    Ok(null_to_none(vm, prop(v).fget.get()))
}
fn p_fset(vm: &mut Vm, v: Value) -> PyResult {
    Ok(null_to_none(vm, prop(v).fset.get()))
}
fn p_fdel(vm: &mut Vm, v: Value) -> PyResult {
    Ok(null_to_none(vm, prop(v).fdel.get()))
}
fn p_doc(vm: &mut Vm, v: Value) -> PyResult {
    Ok(null_to_none(vm, prop(v).doc.get()))
}
fn p_set_doc(_vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
    prop(v).doc.set(d);
    Ok(())
}
fn p_isabstract(vm: &mut Vm, v: Value) -> PyResult {
    let n = vm.intern("__isabstractmethod__");
    for f in [prop(v).fget.get(), prop(v).fset.get(), prop(v).fdel.get()] {
        if !f.is_null() {
            if let Some(x) = crate::attr::getattr_opt(vm, f, n)? {
                if crate::ops::truthy(vm, x)? {
                    return Ok(vm.true_);
                }
            }
        }
    }
    Ok(vm.false_)
}

fn descr_name(vm: &mut Vm, v: Value) -> PyResult {
    if let Some(g) = v.downcast::<GetSet>() {
        return Ok(vm.intern(g.name));
    }
    Ok(v.downcast::<Member>().unwrap().name)
}
fn descr_objclass(_vm: &mut Vm, v: Value) -> PyResult {
    if let Some(g) = v.downcast::<GetSet>() {
        return Ok(g.owner);
    }
    Ok(v.downcast::<Member>().unwrap().owner)
}
fn descr_get(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__get__", 2, 3)?;
    if a[1] == vm.none {
        return Ok(a[0]);
    }
    check_descr_applies(vm, a[0], a[1])?;
    let ty = vm.type_of(a[1]);
    crate::attr::descr_get(vm, a[0], a[1], ty)
}

/// TypeError unless `obj` is an instance of the type that defines descriptor `d`.
fn check_descr_applies(vm: &mut Vm, d: Value, obj: Value) -> PyResult<()> {
    let name = descr_name(vm, d)?;
    let owner = descr_objclass(vm, d)?;
    if crate::typeobj::is_instance(vm, obj, owner) {
        return Ok(());
    }
    let m = format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        crate::str::as_str(name).unwrap_or("?"),
        crate::typeobj::type_name(owner),
        vm.type_name(obj)
    );
    Err(vm.type_error(m))
}

fn descr_set(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__set__", 3, 3)?;
    check_descr_applies(vm, a[0], a[1])?;
    crate::attr::descr_set(vm, a[0], a[1], a[2])?;
    Ok(vm.none)
}

fn descr_delete(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__delete__", 2, 2)?;
    check_descr_applies(vm, a[0], a[1])?;
    crate::attr::descr_set(vm, a[0], a[1], Value::NULL)?;
    Ok(vm.none)
}
fn descr_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let name = descr_name(vm, a[0])?;
    let owner = descr_objclass(vm, a[0])?;
    let kind = if a[0].is::<GetSet>() { "attribute" } else { "member" };
    let s = format!("<{kind} '{}' of '{}' objects>", crate::str::as_str(name).unwrap_or("?"), crate::typeobj::type_name(owner));
    Ok(crate::str::new_str(vm, s))
}

impl Vm {
    /// A new classmethod/staticmethod (or subclass) instance with no function yet.
    pub fn alloc_wrapper(&mut self, cls: Value) -> PyResult {
        Ok(self.alloc(cls, MethodWrapper { func: Cell::new(Value::NULL) }))
    }
}

/// `types.MethodType(function, instance)`.
fn m_new(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.shift();
    if a.has_kw() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    if a.vals.len() != 2 {
        return Err(vm.type_error(format!("method expected 2 arguments, got {}", a.vals.len())));
    }
    if !crate::builtins::is_callable(vm, a.vals[0]) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if a.vals[1] == vm.none {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(crate::function::new_bound_method(vm, a.vals[0], a.vals[1]))
}

pub fn init_types(vm: &mut Vm) {
    use crate::typeobj::{add_getset, add_getter, add_method, add_static};
    let f = vm.t.function;
    add_static(vm, f, "__new__", function_new);
    add_method(vm, f, "__repr__", f_repr);
    add_method(vm, f, "__get__", f_get);
    add_method(vm, f, "__call__", call_self);
    add_getset(vm, f, "__name__", f_name, f_set_name);
    add_getset(vm, f, "__qualname__", f_qualname, f_set_qualname);
    add_getset(vm, f, "__doc__", f_doc, f_set_doc);
    add_getset(vm, f, "__defaults__", f_defaults, f_set_defaults);
    add_getset(vm, f, "__kwdefaults__", f_kwdefaults, f_set_kwdefaults);
    add_getset(vm, f, "__module__", f_module, f_set_module);
    add_getset(vm, f, "__annotations__", f_annotations, f_set_annotations);
    add_getset(vm, f, "__dict__", header_dict, set_header_dict);
    add_getter(vm, f, "__closure__", f_closure);
    add_getset(vm, f, "__code__", f_code, f_set_code);
    add_getter(vm, f, "__globals__", f_globals);
    add_getter(vm, f, "__builtins__", f_builtins);

    let m = vm.t.method;
    add_static(vm, m, "__new__", m_new);
    add_method(vm, m, "__repr__", m_repr);
    add_method(vm, m, "__eq__", m_eq);
    add_method(vm, m, "__hash__", m_hash);
    add_method(vm, m, "__call__", call_self);
    add_method(vm, m, "__getattribute__", m_getattr);
    add_getter(vm, m, "__func__", m_func);
    add_getter(vm, m, "__self__", m_self);
    add_getter(vm, m, "__doc__", m_doc);

    for t in [vm.t.builtin_function, vm.t.method_descriptor, vm.t.classmethod_descriptor] {
        add_method(vm, t, "__repr__", n_repr);
        add_method(vm, t, "__call__", call_self);
        add_getter(vm, t, "__name__", n_name);
        add_getter(vm, t, "__qualname__", n_qualname);
        add_getter(vm, t, "__self__", n_self);
        add_method(vm, t, "__reduce__", n_reduce);
        add_getter(vm, t, "__text_signature__", crate::signatures::native_signature);
    }
    add_getter(vm, vm.t.builtin_function, "__module__", n_module);
    add_method(vm, vm.t.method_descriptor, "__get__", n_get);
    add_method(vm, vm.t.classmethod_descriptor, "__get__", n_get);

    let c = vm.t.code;
    add_method(vm, c, "__repr__", code_repr);
    add_method(vm, c, "co_positions", co_positions);
    add_method(vm, c, "co_lines", co_lines);
    add_method(vm, c, "replace", code_replace);
    let getters: &[(&'static str, Getter)] = &[
        ("co_name", co_name),
        ("co_qualname", co_qualname),
        ("co_filename", co_filename),
        ("co_firstlineno", co_firstlineno),
        ("co_argcount", co_argcount),
        ("co_posonlyargcount", co_posonlyargcount),
        ("co_kwonlyargcount", co_kwonlyargcount),
        ("co_flags", co_flags),
        ("co_nlocals", co_nlocals),
        ("co_stacksize", co_stacksize),
        ("co_varnames", co_varnames),
        ("co_names", co_names),
        ("co_cellvars", co_cellvars),
        ("co_freevars", co_freevars),
        ("co_consts", co_consts),
        ("co_code", co_code),
    ];
    for (n, g) in getters {
        add_getter(vm, c, n, *g);
    }

    let cell = vm.t.cell;
    add_static(vm, cell, "__new__", cell_new);
    add_getset(vm, cell, "cell_contents", cell_contents, set_cell_contents);
    add_method(vm, cell, "__repr__", cell_repr);
    for (n, f) in [("__lt__", cell_lt as crate::object::NativeFn), ("__le__", cell_le), ("__eq__", cell_eq), ("__ne__", cell_ne), ("__gt__", cell_gt), ("__ge__", cell_ge)] {
        add_method(vm, cell, n, f);
    }
    let none = vm.none;
    crate::typeobj::set_attr_raw(vm, cell, "__hash__", none).unwrap();

    for t in [vm.t.classmethod, vm.t.staticmethod] {
        add_static(vm, t, "__new__", wrapper_new);
        add_method(vm, t, "__init__", wrapper_init);
        add_method(vm, t, "__get__", wrapper_get);
        add_method(vm, t, "__repr__", wrapper_repr);
        add_getter(vm, t, "__func__", wrapper_func);
        add_getter(vm, t, "__wrapped__", wrapper_func);
        add_getter(vm, t, "__isabstractmethod__", wrapper_isabstract);
        add_getset(vm, t, "__dict__", header_dict, set_header_dict);
    }
    add_method(vm, vm.t.staticmethod, "__call__", staticmethod_call);

    let p = vm.t.property;
    add_static(vm, p, "__new__", property_new);
    add_method(vm, p, "__init__", property_init);
    add_method(vm, p, "getter", property_getter);
    add_method(vm, p, "setter", property_setter);
    add_method(vm, p, "deleter", property_deleter);
    add_method(vm, p, "__get__", property_get);
    add_method(vm, p, "__set__", property_set);
    add_method(vm, p, "__delete__", property_delete);
    add_method(vm, p, "__set_name__", property_set_name);
    add_getter(vm, p, "fget", p_fget);
    add_getter(vm, p, "fset", p_fset);
    add_getter(vm, p, "fdel", p_fdel);
    add_getset(vm, p, "__doc__", p_doc, p_set_doc);
    add_getter(vm, p, "__isabstractmethod__", p_isabstract);

    for t in [vm.t.getset_descriptor, vm.t.member_descriptor] {
        add_method(vm, t, "__get__", descr_get);
        add_method(vm, t, "__set__", descr_set);
        add_method(vm, t, "__delete__", descr_delete);
        add_method(vm, t, "__repr__", descr_repr);
        add_getter(vm, t, "__name__", descr_name);
        add_getter(vm, t, "__objclass__", descr_objclass);
    }
}
