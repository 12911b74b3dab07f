//! Calling: the one `call` every caller uses (the interpreter, builtins, the JIT
//! later), and argument binding for Python functions with CPython's messages.

use crate::function::{BoundMethod, FunctionObj, NativeFunction, NativeKind};
use crate::object::{Args, PyResult};
use crate::typeobj;
use crate::value::Value;
use crate::vm::Vm;
use compiler::code::flags;

/// `f(*args)` with positional arguments.
pub fn call(vm: &mut Vm, f: Value, args: &[Value]) -> PyResult {
    call_args(vm, f, Args::new(args))
}

/// `f(...)` with positional and keyword arguments.
pub fn call_args(vm: &mut Vm, f: Value, args: Args) -> PyResult {
    if let Some(func) = f.downcast::<FunctionObj>() {
        return call_function(vm, f, func, args);
    }
    if let Some(n) = f.downcast::<NativeFunction>() {
        return call_native(vm, n, args, Quiet::No);
    }
    if let Some(m) = f.downcast::<BoundMethod>() {
        return call_with_self(vm, m.func, m.self_, args);
    }
    let ty = vm.type_of(f);
    if ty == vm.t.type_ {
        return typeobj::call_type(vm, f, args);
    }
    match typeobj::lookup_str(vm, ty, "__call__") {
        Some(c) => {
            // `__call__` may itself be a callable instance, and so on without end.
            vm.enter_recursion(" while calling a Python object")?;
            let r = call_method_descr(vm, c, f, args);
            vm.leave_recursion();
            r
        }
        None => Err({ let __arg = format!("'{}' object is not callable", vm.type_name(f)); vm.type_error(__arg) }),
    }
}

/// Calls `f` with `self_` prepended to the arguments.
pub fn call_with_self(vm: &mut Vm, f: Value, self_: Value, args: Args) -> PyResult {
    // The copy is safe for the GC: every value in it stays rooted by the caller.
    let mut buf: smallbuf::Buf = smallbuf::Buf::new();
    buf.push(self_);
    buf.extend(args.vals);
    call_args(vm, f, Args::with_kw(buf.as_slice(), args.kwnames))
}

/// Calls an attribute found on the type (a function, native method, or any
/// descriptor) as a method of `obj`.
pub fn call_method_descr(vm: &mut Vm, m: Value, obj: Value, args: Args) -> PyResult {
    if m.is::<FunctionObj>() || m.is::<NativeFunction>() && m.downcast::<NativeFunction>().unwrap().kind == NativeKind::Method {
        return call_with_self(vm, m, obj, args);
    }
    let ty = vm.type_of(obj);
    let bound = crate::attr::bind_descriptor(vm, m, obj, ty)?;
    call_args(vm, bound, args)
}

/// Looks `name` up on `type(obj)` and calls it as a method: the special-method
/// call (`obj.__len__()`) that ignores instance attributes. None if not defined.
pub fn call_special(vm: &mut Vm, obj: Value, name: &'static str, args: &[Value]) -> PyResult<Option<Value>> {
    let ty = vm.type_of(obj);
    match typeobj::lookup_str(vm, ty, name) {
        Some(m) => call_method_descr(vm, m, obj, Args::new(args)).map(Some),
        None => Ok(None),
    }
}

/// `obj.name(*args)` with normal attribute lookup.
pub fn call_method(vm: &mut Vm, obj: Value, name: &str, args: &[Value]) -> PyResult {
    let n = vm.intern(name);
    let f = crate::attr::getattr(vm, obj, n)?;
    call(vm, f, args)
}

/// The builtins CPython calls through a recursion check (`METH_O`, `METH_NOARGS` and
/// `METH_VARARGS` functions: `cfunction_vectorcall_O` and `_PyObject_MakeTpCall` say
/// " while calling a Python object"); its `METH_FASTCALL` ones are called unchecked.
/// Keeping the same checks keeps the same RecursionError message when the limit
/// trips inside, e.g., a `__repr__` that calls `repr`. (`len` and `isinstance` are
/// left out: CPython 3.11's specialized CALL instructions run them unchecked.)
fn checked_builtin(name: &str) -> bool {
    matches!(
        name,
        "abs" | "aiter" | "all" | "any" | "ascii" | "bin" | "callable" | "chr" | "dir" | "globals" | "hash" | "hex"
            | "id" | "locals" | "max" | "min" | "oct" | "ord" | "repr" | "vars" | "__import__"
    )
}

fn call_native(vm: &mut Vm, n: &NativeFunction, args: Args, quiet: Quiet) -> PyResult {
    if n.kind == NativeKind::Function && n.owner == vm.builtins && !vm.builtins.is_null() && checked_builtin(n.name) {
        vm.enter_recursion(" while calling a Python object")?;
        let r = call_native_unchecked(vm, n, args, quiet);
        vm.leave_recursion();
        return r;
    }
    call_native_unchecked(vm, n, args, quiet)
}

fn call_native_unchecked(vm: &mut Vm, n: &NativeFunction, args: Args, quiet: Quiet) -> PyResult {
    if !n.self_.is_null() {
        let mut buf = smallbuf::Buf::new();
        buf.push(n.self_);
        buf.extend(args.vals);
        return invoke(vm, n, Args::with_kw(buf.as_slice(), args.kwnames), quiet);
    }
    match n.kind {
        NativeKind::Method => match args.pos().first() {
            Some(s) if typeobj::is_instance(vm, *s, n.owner) => invoke(vm, n, args, quiet),
            first => Err(bad_self(vm, n, first.copied())),
        },
        NativeKind::ClassMethod => call_with_self(vm, vm_native_self(n), n.owner, args),
        NativeKind::Static if n.name == "__new__" => {
            check_new_cls(vm, n.owner, args.pos().first().copied())?;
            invoke(vm, n, args, quiet)
        }
        _ => invoke(vm, n, args, quiet),
    }
}

/// `T.__new__(cls, ...)` needs a subtype of `T` as `cls` (CPython's
/// `tp_new_wrapper`).
fn check_new_cls(vm: &mut Vm, owner: Value, cls: Option<Value>) -> PyResult<()> {
    // The owner's name only for the messages: this runs for every builtin `__new__`.
    let t = || typeobj::type_name(owner);
    let Some(cls) = cls else {
        return Err(vm.type_error(format!("{}.__new__(): not enough arguments", t())));
    };
    if !typeobj::is_type(cls) {
        let m = format!("{}.__new__(X): X is not a type object ({})", t(), vm.type_name(cls));
        return Err(vm.type_error(m));
    }
    if !typeobj::is_subtype(cls, owner) {
        let (t, c) = (t(), typeobj::type_name(cls));
        return Err(vm.type_error(format!("{t}.__new__({c}): {c} is not a subtype of {t}")));
    }
    if cls != owner && owner != vm.t.object {
        crate::object_type::check_safe_new(vm, owner, cls)?;
    }
    Ok(())
}

/// The TypeError of a builtin method called on the wrong object (or none): slot
/// wrappers (`list.__repr__`) and method descriptors (`list.append`) word it
/// differently.
fn bad_self(vm: &mut Vm, n: &NativeFunction, obj: Option<Value>) -> crate::object::PyErr {
    let owner = typeobj::type_name(n.owner);
    let slot = is_slot_wrapper(vm, n);
    let m = match obj {
        Some(s) if slot => format!("descriptor '{}' requires a '{owner}' object but received a '{}'", n.name, vm.type_name(s)),
        Some(s) => format!("descriptor '{}' for '{owner}' objects doesn't apply to a '{}' object", n.name, vm.type_name(s)),
        None if slot => format!("descriptor '{}' of '{owner}' object needs an argument", n.name),
        None => format!("unbound method {owner}.{}() needs an argument", n.name),
    };
    vm.type_error(m)
}

/// Is `n` one of the special methods CPython exposes as a slot wrapper (a type
/// slot) rather than a method descriptor?
pub fn is_slot_wrapper(vm: &Vm, n: &NativeFunction) -> bool {
    const SLOTS: &[&str] = &[
        "__repr__", "__str__", "__hash__", "__call__", "__getattribute__", "__setattr__", "__delattr__",
        "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__", "__iter__", "__next__", "__get__",
        "__set__", "__delete__", "__init__", "__del__", "__len__", "__getitem__", "__setitem__",
        "__delitem__", "__contains__", "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
        "__mod__", "__rmod__", "__divmod__", "__rdivmod__", "__pow__", "__rpow__", "__neg__", "__pos__",
        "__abs__", "__bool__", "__invert__", "__lshift__", "__rlshift__", "__rshift__", "__rrshift__",
        "__and__", "__rand__", "__xor__", "__rxor__", "__or__", "__ror__", "__int__", "__float__",
        "__iadd__", "__isub__", "__imul__", "__imod__", "__ipow__", "__ilshift__", "__irshift__",
        "__iand__", "__ixor__", "__ior__", "__floordiv__", "__rfloordiv__", "__truediv__", "__rtruediv__",
        "__ifloordiv__", "__itruediv__", "__index__", "__matmul__", "__rmatmul__", "__imatmul__",
        "__await__", "__aiter__", "__anext__",
    ];
    // list and dict define `__getitem__` as a plain method too.
    if n.name == "__getitem__" && (n.owner == vm.t.list || n.owner == vm.t.dict) {
        return false;
    }
    SLOTS.contains(&n.name)
}

fn vm_native_self(_n: &NativeFunction) -> Value {
    Value::NULL
}

/// Calls a Python function: binds the arguments into a new frame and runs it (or
/// returns a generator, coroutine or async generator for such code).
pub fn call_function(vm: &mut Vm, fval: Value, func: &FunctionObj, args: Args) -> PyResult {
    let code = func.code();
    let frame = crate::interp::Frame::for_function(vm, fval, func)?;
    if let Err(e) = bind_args(vm, func, code, frame.base, args) {
        vm.stack.truncate(frame.base);
        return Err(e);
    }
    crate::interp::init_cells(vm, frame.base, code, func);
    if code.makes_generator {
        return Ok(crate::generator::new_generator(vm, frame));
    }
    crate::interp::run_frame(vm, frame)
}

/// Calls `f` with a copy of the `nargs` positional arguments at
/// `vm.stack.get(base..)` (the interpreter's calls that do not run in its own loop,
/// see `enter_in_place`). The caller pops the arguments afterwards. Out of line:
/// the interpreter's frame is quiet for the collector during this call, so what
/// this function keeps must lie in its own frame.
///
/// A call that switches the trace hook on (`sys.settrace`, a debugger's
/// `set_trace()`) returns its result through `trace::hand_over`, for the loop to
/// go on traced.
#[inline(never)]
pub fn call_copied(vm: &mut Vm, f: Value, base: usize, nargs: usize) -> PyResult {
    let traced = vm.trace.on;
    let r = call_copied_args(vm, f, base, nargs);
    if vm.trace.on && !traced {
        return crate::trace::hand_over(vm, r);
    }
    r
}

#[inline(always)]
fn call_copied_args(vm: &mut Vm, f: Value, base: usize, nargs: usize) -> PyResult {
    debug_assert_eq!(vm.stack.len(), base + nargs);
    let mut buf = smallbuf::Buf::new();
    for v in vm.stack.copy_range(base, base + nargs) {
        buf.push(v);
    }
    if vm.profile.on {
        return crate::profile::call_from_code(vm, f, Args::new(buf.as_slice()));
    }
    if let Some(n) = f.downcast::<NativeFunction>() {
        return call_native(vm, n, Args::new(buf.as_slice()), Quiet::AboveNative);
    }
    call(vm, f, buf.as_slice())
}

/// Whether the native stack between the interpreter loop's call site and a native
/// function's own frame is quiet for the collector (`gc::QuietFrames`): true when
/// the native is called straight from the loop (`call_copied`), whose arguments and
/// callee all lie on the value stack, so the call plumbing between holds nothing
/// else.
#[derive(Clone, Copy, PartialEq)]
enum Quiet {
    AboveNative,
    No,
}

/// Runs a native function's body, marking the frames above it quiet when `quiet`
/// says so.
#[inline(always)]
fn invoke(vm: &mut Vm, n: &NativeFunction, args: Args, quiet: Quiet) -> PyResult {
    if quiet == Quiet::AboveNative {
        vm.heap.quiet.lower_to(crate::gc::stack_pointer());
    }
    (n.func)(vm, args)
}

/// What `enter_in_place` did with a call.
pub enum InPlace {
    /// The arguments need the general binding (`call_copied`).
    No,
    /// The callee's frame is pushed for the interpreter to run.
    Entered,
    /// The callee makes a generator (or coroutine): here it is, its frame made from
    /// the arguments in place.
    Made(Value),
}

/// Binds a call of `func` whose `nargs` arguments already lie at
/// `vm.stack.get(base..)` in place, if its parameters allow (positional only,
/// enough arguments with the defaults): pushes its frame for the interpreter to
/// run, returning to stack height `ret_sp`, or makes its generator.
#[inline(always)]
pub fn enter_in_place(vm: &mut Vm, fval: Value, func: &FunctionObj, base: usize, nargs: usize, ret_sp: usize) -> PyResult<InPlace> {
    let code = func.code();
    let argcount = code.code.argcount as usize;
    // With a hook on, a call takes the general path, which reports it (`run_frame`).
    if !code.simple_args || nargs > argcount || vm.hooked {
        return Ok(InPlace::No);
    }
    let defaults: &[Value] = match func.defaults.get() {
        d if d.is_null() || nargs == argcount => &[],
        d => crate::tuple::items(d),
    };
    if nargs + defaults.len() < argcount {
        return Ok(InPlace::No);
    }
    if code.makes_generator {
        return make_in_place(vm, fval, func, base, nargs, defaults);
    }
    crate::interp::ensure_stack_room(vm, base + code.frame_size)?;
    vm.enter_inline_call()?;
    vm.stack.grow_unset(base + code.nslots);
    crate::interp::push_frame(vm, crate::interp::Frame::in_place(fval, func, base, ret_sp));
    bind_defaults(vm, base, nargs, argcount, defaults);
    crate::interp::init_cells(vm, base, code, func);
    Ok(InPlace::Entered)
}

/// The interpreter's `CallKw`: the callee, `nvals` argument values and the tuple
/// of keyword names lie on the value stack from `ret_sp` to its top. A Python
/// function (or a method of one) gets its frame pushed for the interpreter to
/// run (None); any other callable is called here. Out of line, with the
/// interpreter's frame quiet for the collector: the copies of the arguments made
/// here die with this frame instead of lingering in the loop's.
#[inline(never)]
pub fn call_kw(vm: &mut Vm, ret_sp: usize, nvals: usize) -> PyResult<Option<Value>> {
    let top = ret_sp + nvals + 2;
    debug_assert_eq!(vm.stack.len(), top);
    let callee = vm.stack.get(ret_sp);
    let kwnames = vm.stack.get(top - 1);
    let mut buf = smallbuf::Buf::new();
    let mut f = callee;
    if let Some(m) = callee.downcast::<crate::function::BoundMethod>() {
        if m.func.is::<FunctionObj>() {
            buf.push(m.self_);
            f = m.func;
        }
    }
    for v in vm.stack.copy_range(ret_sp + 1, top - 1) {
        buf.push(v);
    }
    if let Some(func) = f.downcast::<FunctionObj>() {
        if let InPlace::Entered = enter_kw_in_place(vm, f, func, buf.as_slice(), kwnames, ret_sp)? {
            return Ok(None);
        }
    }
    let vals = &buf.as_slice()[buf.as_slice().len() - nvals..];
    crate::profile::call_args(vm, callee, Args::with_kw(vals, crate::tuple::items(kwnames))).map(Some)
}

/// `enter_in_place` for a call with keyword arguments: the callee, its `vals` and
/// the `kwnames` tuple lie at `vm.stack.get(ret_sp..)` up to the stack top, and the
/// new frame is bound above them. Once bound, the caller's copies are cleared, so
/// the callee's frame alone keeps its arguments alive, as in CPython (a parameter
/// rebound in the callee frees its object). Generator functions take the general
/// path.
pub fn enter_kw_in_place(vm: &mut Vm, fval: Value, func: &FunctionObj, vals: &[Value], kwnames: Value, ret_sp: usize) -> PyResult<InPlace> {
    let code = func.code();
    if code.makes_generator || vm.hooked || code.code.flags & compiler::code::flags::OPTIMIZED == 0 {
        return Ok(InPlace::No);
    }
    let base = vm.stack.len();
    crate::interp::ensure_stack_room(vm, base + code.frame_size)?;
    vm.enter_inline_call()?;
    vm.stack.grow_unset(base + code.nslots);
    if let Err(e) = bind_args(vm, func, code, base, Args::with_kw(vals, crate::tuple::items(kwnames))) {
        vm.stack.truncate(base);
        vm.leave_recursion();
        return Err(e);
    }
    for i in ret_sp..base {
        vm.stack.set(i, Value::NULL);
    }
    crate::interp::push_frame(vm, crate::interp::Frame::in_place(fval, func, base, ret_sp));
    crate::interp::init_cells(vm, base, code, func);
    Ok(InPlace::Entered)
}

/// `enter_in_place` for a generator (coroutine, async generator) function. A
/// coroutine awaited at once (`await f(...)`) starts running in the caller's loop
/// (`generator::start_awaited`).
#[inline(never)]
fn make_in_place(vm: &mut Vm, fval: Value, func: &FunctionObj, base: usize, nargs: usize, defaults: &[Value]) -> PyResult<InPlace> {
    let code = func.code();
    crate::interp::ensure_stack_room(vm, base + code.frame_size)?;
    vm.stack.grow_unset(base + code.nslots);
    let frame = crate::interp::Frame::in_place(fval, func, base, 0);
    bind_defaults(vm, base, nargs, code.code.argcount as usize, defaults);
    crate::interp::init_cells(vm, base, code, func);
    if code.code.flags & compiler::code::flags::COROUTINE == 0 {
        return Ok(InPlace::Made(crate::generator::new_generator(vm, frame)));
    }
    match crate::generator::start_awaited(vm, frame, base + nargs)? {
        None => Ok(InPlace::Entered),
        Some(frame) => Ok(InPlace::Made(crate::generator::new_generator(vm, frame))),
    }
}

/// Fills the parameters `nargs..argcount` at `vm.stack.get(base..)` from `defaults`,
/// which belong to the last parameters (all of them, and the surplus ones unused,
/// when `__defaults__` was set longer than the parameter list).
#[inline]
fn bind_defaults(vm: &mut Vm, base: usize, nargs: usize, argcount: usize, defaults: &[Value]) {
    for i in nargs..argcount {
        vm.stack.set(base + i, defaults[i + defaults.len() - argcount]);
    }
}

fn qualname(func: &FunctionObj) -> String {
    crate::str::as_str(func.qualname.get()).unwrap_or("?").to_string()
}

/// Binds `args` into the fast locals at `vm.stack.get(base..)`, CPython's rules and
/// messages (ceval.c's initialize_locals).
fn bind_args(vm: &mut Vm, func: &FunctionObj, code: &crate::function::CodeObj, base: usize, args: Args) -> PyResult<()> {
    let co = &code.code;
    let argcount = co.argcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let posonly = co.posonlyargcount as usize;
    let has_varargs = co.flags & flags::VARARGS != 0;
    let has_varkw = co.flags & flags::VARKEYWORDS != 0;
    let pos = args.pos();
    let npos = pos.len();
    let total_named = argcount + kwonly;
    let mut kwdict = Value::NULL;
    if has_varkw {
        kwdict = crate::dict::new_dict(vm);
        let slot = total_named + has_varargs as usize;
        vm.stack.set(base + slot, kwdict);
    }
    let n = npos.min(argcount);
    vm.stack.write_at(base, &pos[..n]);
    if has_varargs {
        let extra = if npos > argcount { &pos[argcount..] } else { &[][..] };
        let t = crate::tuple::new_tuple(vm, extra.to_vec());
        vm.stack.set(base + total_named, t);
    }
    for (k, v) in args.kw() {
        let idx = code.varnames[..total_named].iter().position(|n| *n == k).or_else(|| {
            let ks = crate::str::as_str(k)?;
            code.varnames[..total_named].iter().position(|n| crate::str::as_str(*n) == Some(ks))
        });
        match idx {
            Some(i) if i >= posonly => {
                if !vm.stack.get(base + i).is_null() {
                    return Err(vm.type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        qualname(func),
                        crate::str::as_str(k).unwrap_or("?")
                    )));
                }
                vm.stack.set(base + i, v);
            }
            _ if has_varkw => crate::dict::set_item(vm, kwdict, k, v)?,
            Some(_) => return Err(posonly_passed_as_keyword(vm, func, code, &args)),
            None => {
                if !crate::str::as_str(k).is_some() {
                    return Err(vm.type_error("keywords must be strings"));
                }
                return Err(vm.type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    qualname(func),
                    crate::str::as_str(k).unwrap_or("?")
                )));
            }
        }
    }
    // Checked after the keywords are bound, as CPython does: the message counts
    // the keyword-only arguments given.
    if npos > argcount && !has_varargs {
        return Err(too_many_positional(vm, func, code, base, npos));
    }
    fill_defaults(vm, func, code, base, argcount, kwonly)
}

/// Names every positional-only parameter passed by keyword (CPython's
/// `positional_only_passed_as_keyword`).
fn posonly_passed_as_keyword(vm: &mut Vm, func: &FunctionObj, code: &crate::function::CodeObj, args: &Args) -> crate::object::PyErr {
    let posonly = &code.varnames[..code.code.posonlyargcount as usize];
    let names: Vec<&str> = posonly
        .iter()
        .filter(|p| args.kw().any(|(k, _)| crate::str::as_str(k) == crate::str::as_str(**p)))
        .filter_map(|p| crate::str::as_str(*p))
        .collect();
    vm.type_error(format!(
        "{}() got some positional-only arguments passed as keyword arguments: '{}'",
        qualname(func),
        names.join(", ")
    ))
}

fn fill_defaults(vm: &mut Vm, func: &FunctionObj, code: &crate::function::CodeObj, base: usize, argcount: usize, kwonly: usize) -> PyResult<()> {
    let defaults: &[Value] = match func.defaults.get() {
        d if d.is_null() => &[],
        d => crate::tuple::items(d),
    };
    let first_default = argcount - defaults.len().min(argcount);
    let mut missing = Vec::new();
    for i in 0..argcount {
        if vm.stack.get(base + i).is_null() {
            if i >= first_default {
                // The last defaults apply when `__defaults__` is longer than needed.
                vm.stack.set(base + i, defaults[i + defaults.len() - argcount]);
            } else {
                missing.push(code.varnames[i]);
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_args(vm, func, &missing, "positional"));
    }
    let kwdefaults = func.kwdefaults.get();
    for i in argcount..argcount + kwonly {
        if vm.stack.get(base + i).is_null() {
            let name = code.varnames[i];
            let d = if kwdefaults.is_null() { None } else { crate::dict::get_str(kwdefaults, name) };
            match d {
                Some(v) => vm.stack.set(base + i, v),
                None => missing.push(name),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_args(vm, func, &missing, "keyword-only"));
    }
    Ok(())
}

fn missing_args(vm: &mut Vm, func: &FunctionObj, names: &[Value], kind: &str) -> crate::object::PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", crate::str::as_str(*n).unwrap_or("?"))).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!("{}, and {}", quoted[..quoted.len() - 1].join(", "), quoted[quoted.len() - 1]),
    };
    let n = names.len();
    vm.type_error(format!(
        "{}() missing {n} required {kind} argument{}: {list}",
        qualname(func),
        if n == 1 { "" } else { "s" }
    ))
}

fn too_many_positional(vm: &mut Vm, func: &FunctionObj, code: &crate::function::CodeObj, base: usize, given: usize) -> crate::object::PyErr {
    let co = &code.code;
    let argcount = co.argcount as usize;
    let ndefaults = match func.defaults.get() {
        d if d.is_null() => 0,
        d => crate::tuple::items(d).len(),
    };
    let kwonly_given = (argcount..argcount + co.kwonlyargcount as usize).filter(|i| !vm.stack.get(base + i).is_null()).count();
    let takes = if ndefaults > 0 {
        format!("from {} to {} positional arguments", argcount - ndefaults, argcount)
    } else {
        format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
    };
    let given_s = if kwonly_given > 0 {
        format!(
            "{} positional argument{} (and {} keyword-only argument{}) were given",
            given,
            if given == 1 { "" } else { "s" },
            kwonly_given,
            if kwonly_given == 1 { "" } else { "s" }
        )
    } else {
        format!("{} {} given", given, if given == 1 { "was" } else { "were" })
    };
    vm.type_error(format!("{}() takes {takes} but {given_s}", qualname(func)))
}

/// A small on-stack buffer of values (falls back to the heap past 8; the values it
/// holds must stay rooted elsewhere, see `call_with_self`).
pub mod smallbuf {
    use crate::value::Value;

    pub struct Buf {
        inline: [Value; 8],
        len: usize,
        heap: Vec<Value>,
    }

    impl Buf {
        pub fn new() -> Buf {
            Buf { inline: [Value::NULL; 8], len: 0, heap: Vec::new() }
        }

        pub fn push(&mut self, v: Value) {
            if self.heap.is_empty() && self.len < 8 {
                self.inline[self.len] = v;
                self.len += 1;
            } else {
                if self.heap.is_empty() {
                    self.heap.extend_from_slice(&self.inline[..self.len]);
                }
                self.heap.push(v);
            }
        }

        pub fn extend(&mut self, vs: &[Value]) {
            for v in vs {
                self.push(*v);
            }
        }

        pub fn as_slice(&self) -> &[Value] {
            if self.heap.is_empty() {
                &self.inline[..self.len]
            } else {
                &self.heap
            }
        }
    }

    impl Default for Buf {
        fn default() -> Self {
            Buf::new()
        }
    }
}
