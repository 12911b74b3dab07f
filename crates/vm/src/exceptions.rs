//! The builtin exception hierarchy (declared once in `exc_table!`), exception
//! objects, chaining (`__cause__`, `__context__`), tracebacks, exception groups
//! and the printing of uncaught exceptions in CPython 3.11's format.

use crate::dict;
use crate::gc::{flag, Trace, Tracer};
use crate::object::{Args, PyErr, PyResult};
use crate::payload;
use crate::typeobj::{self, tflag};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

/// Header flag: the exception's `__context__` was set when it was raised.
use crate::gc::flag::CONTEXT_SET;

macro_rules! exc_table {
    ($( $field:ident : $name:literal < $base:ident ),* $(,)?) => {
        #[derive(Default)]
        pub struct ExcTypes { pub base_exception: Value, $( pub $field: Value, )* }

        impl ExcTypes {
            pub fn trace(&self, t: &mut Tracer) {
                t.value(self.base_exception);
                $( t.value(self.$field); )*
            }

            /// (name, class) of every builtin exception, for the builtins module.
            pub fn all(&self) -> Vec<(&'static str, Value)> {
                vec![("BaseException", self.base_exception), $( ($name, self.$field), )*]
            }
        }

        fn create_types(vm: &mut Vm) {
            let base = typeobj::new_static_type(vm, "BaseException", vm.t.object, tflag::BASETYPE | tflag::EXCEPTION | tflag::HAS_DICT);
            vm.e.base_exception = base;
            $(
                let b = vm.e.$base;
                vm.e.$field = typeobj::new_static_type(vm, $name, b, tflag::BASETYPE | tflag::EXCEPTION | tflag::HAS_DICT);
            )*
        }
    };
}

exc_table! {
    base_exception_group: "BaseExceptionGroup" < base_exception,
    system_exit: "SystemExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    generator_exit: "GeneratorExit" < base_exception,
    exception: "Exception" < base_exception,
    arithmetic_error: "ArithmeticError" < exception,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    assertion_error: "AssertionError" < exception,
    attribute_error: "AttributeError" < exception,
    buffer_error: "BufferError" < exception,
    eof_error: "EOFError" < exception,
    exception_group: "ExceptionGroup" < base_exception_group,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    memory_error: "MemoryError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    os_error: "OSError" < exception,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    file_exists_error: "FileExistsError" < os_error,
    file_not_found_error: "FileNotFoundError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    permission_error: "PermissionError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    reference_error: "ReferenceError" < exception,
    runtime_error: "RuntimeError" < exception,
    not_implemented_error: "NotImplementedError" < runtime_error,
    recursion_error: "RecursionError" < runtime_error,
    stop_async_iteration: "StopAsyncIteration" < exception,
    stop_iteration: "StopIteration" < exception,
    syntax_error: "SyntaxError" < exception,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    system_error: "SystemError" < exception,
    type_error: "TypeError" < exception,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    unicode_decode_error: "UnicodeDecodeError" < unicode_error,
    unicode_encode_error: "UnicodeEncodeError" < unicode_error,
    unicode_translate_error: "UnicodeTranslateError" < unicode_error,
    warning: "Warning" < exception,
    bytes_warning: "BytesWarning" < warning,
    deprecation_warning: "DeprecationWarning" < warning,
    encoding_warning: "EncodingWarning" < warning,
    future_warning: "FutureWarning" < warning,
    import_warning: "ImportWarning" < warning,
    pending_deprecation_warning: "PendingDeprecationWarning" < warning,
    resource_warning: "ResourceWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
    syntax_warning: "SyntaxWarning" < warning,
    unicode_warning: "UnicodeWarning" < warning,
    user_warning: "UserWarning" < warning,
}

pub struct ExceptionObj {
    pub args: Cell<Value>,
    pub traceback: Cell<Value>,
    pub cause: Cell<Value>,
    pub context: Cell<Value>,
    pub suppress_context: Cell<bool>,
    /// BlockingIOError's `characters_written`; -1 while unset.
    pub written: Cell<i64>,
    /// The attributes of the exception's family (`field_names`), NULL = unset:
    /// CPython's struct members, kept out of the instance `__dict__`.
    pub fields: Box<[Cell<Value>]>,
    /// `__slots__` storage of subclasses.
    pub slots: std::cell::RefCell<Box<[Value]>>,
}
impl Trace for ExceptionObj {
    fn trace(&self, t: &mut Tracer) {
        for v in [self.args.get(), self.traceback.get(), self.cause.get(), self.context.get()] {
            t.value(v);
        }
        for f in self.fields.iter() {
            t.value(f.get());
        }
        self.slots.trace(t);
    }
}

const SYNTAX_FIELDS: &[&str] = &["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"];

/// The family classes with fields of their own, and those fields.
fn families(vm: &Vm) -> [(Value, &'static [&'static str]); 9] {
    let e = &vm.e;
    [
        (e.stop_iteration, &["value"]),
        (e.system_exit, &["code"]),
        (e.import_error, &["msg", "name", "path"]),
        (e.os_error, &["errno", "strerror", "filename", "filename2"]),
        (e.syntax_error, SYNTAX_FIELDS),
        (e.unicode_error, &["encoding", "object", "start", "end", "reason"]),
        (e.attribute_error, &["name", "obj"]),
        (e.name_error, &["name"]),
        (e.base_exception_group, &["message", "exceptions"]),
    ]
}

/// The fields instances of exception class `ty` have.
fn field_names(vm: &Vm, ty: Value) -> &'static [&'static str] {
    families(vm).into_iter().find(|(f, _)| typeobj::is_subtype(ty, *f)).map_or(&[], |(_, n)| n)
}

/// Field `name` of exception `e` (NULL when unset or not one of its fields).
pub fn field(vm: &Vm, e: Value, name: &str) -> Value {
    let Some(x) = e.downcast::<ExceptionObj>() else { return Value::NULL };
    match field_names(vm, vm.type_of(e)).iter().position(|n| *n == name) {
        Some(i) => x.fields.get(i).map_or(Value::NULL, |c| c.get()),
        None => Value::NULL,
    }
}

/// Field `name` of `e`, None when unset.
pub fn field_or_none(vm: &Vm, e: Value, name: &str) -> Value {
    let v = field(vm, e, name);
    if v.is_null() { vm.none } else { v }
}

/// Sets field `name` of exception `e` (nothing if it has no such field).
pub fn set_field(vm: &Vm, e: Value, name: &str, v: Value) {
    let Some(x) = e.downcast::<ExceptionObj>() else { return };
    if let Some(i) = field_names(vm, vm.type_of(e)).iter().position(|n| *n == name) {
        if let Some(c) = x.fields.get(i) {
            c.set(v);
        }
    }
}

/// The getter of field `I` (a member descriptor: unset reads as None).
fn field_get<const I: usize>(vm: &mut Vm, v: Value) -> PyResult {
    match v.downcast::<ExceptionObj>().and_then(|x| x.fields.get(I)) {
        Some(c) if !c.get().is_null() => Ok(c.get()),
        Some(_) => Ok(vm.none),
        None => Err(vm.type_error("descriptor doesn't apply to this object")),
    }
}

/// The setter of field `I`; deleting (NULL) unsets it.
fn field_set<const I: usize>(vm: &mut Vm, v: Value, x: Value) -> PyResult<()> {
    match v.downcast::<ExceptionObj>().and_then(|e| e.fields.get(I)) {
        Some(c) => {
            c.set(x);
            Ok(())
        }
        None => Err(vm.type_error("descriptor doesn't apply to this object")),
    }
}

/// The descriptors of every family's fields.
fn add_field_descriptors(vm: &mut Vm) {
    const GET: [crate::function::Getter; 8] =
        [field_get::<0>, field_get::<1>, field_get::<2>, field_get::<3>, field_get::<4>, field_get::<5>, field_get::<6>, field_get::<7>];
    const SET: [crate::function::Setter; 8] =
        [field_set::<0>, field_set::<1>, field_set::<2>, field_set::<3>, field_set::<4>, field_set::<5>, field_set::<6>, field_set::<7>];
    let group = vm.e.base_exception_group;
    for (cls, names) in families(vm) {
        for (i, name) in names.iter().enumerate() {
            // An exception group's message and exceptions are read-only members.
            let set = if cls == group { typeobj::readonly_set } else { SET[i] };
            typeobj::add_getset(vm, cls, name, GET[i], set);
        }
    }
}
payload!(ExceptionObj, "BaseException", dict);

/// One traceback entry: a frame object and the line being executed there.
pub struct TracebackObj {
    pub next: Cell<Value>,
    pub frame: Value,
    /// C ints as in CPython (`TracebackType(...)` takes any): the line, and
    /// `tb_lasti` as CPython reports it (a byte offset, two per instruction).
    pub lineno: i32,
    pub lasti: i32,
}
impl Trace for TracebackObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.next.get());
        t.value(self.frame);
    }
}
payload!(TracebackObj, "traceback");

pub fn eobj(e: Value) -> &'static ExceptionObj {
    e.downcast::<ExceptionObj>().expect("exception object")
}

/// A new exception of class `ty` with positional `args`.
pub fn new_exception(vm: &mut Vm, ty: Value, args: &[Value]) -> Value {
    let t = crate::tuple::new_tuple(vm, args.to_vec());
    let nfields = field_names(vm, ty).len();
    let nslots = if typeobj::is_type(ty) { typeobj::tobj(ty).slot_count.get() } else { 0 };
    let e = vm.alloc(
        ty,
        ExceptionObj {
            args: Cell::new(t),
            traceback: Cell::new(Value::NULL),
            cause: Cell::new(Value::NULL),
            context: Cell::new(Value::NULL),
            suppress_context: Cell::new(false),
            written: Cell::new(-1),
            fields: (0..nfields).map(|_| Cell::new(Value::NULL)).collect(),
            slots: std::cell::RefCell::new(vec![Value::NULL; nslots].into_boxed_slice()),
        },
    );
    let _ = init_special_attrs(vm, e, args);
    e
}

/// Attributes that exception subclasses derive from their arguments.
fn init_special_attrs(vm: &mut Vm, e: Value, args: &[Value]) -> PyResult<()> {
    let ty = vm.type_of(e);
    let none = vm.none;
    let set = |vm: &mut Vm, k: &str, v: Value| -> PyResult<()> {
        set_field(vm, e, k, v);
        Ok(())
    };
    if typeobj::is_subtype(ty, vm.e.stop_iteration) {
        set(vm, "value", args.first().copied().unwrap_or(none))?;
    } else if typeobj::is_subtype(ty, vm.e.system_exit) {
        let code = match args.len() {
            0 => none,
            1 => args[0],
            _ => crate::tuple::new_tuple(vm, args.to_vec()),
        };
        set(vm, "code", code)?;
    } else if typeobj::is_subtype(ty, vm.e.import_error) {
        // The message only when it is the one argument (CPython's ImportError_init).
        set(vm, "msg", if args.len() == 1 { args[0] } else { none })?;
        set(vm, "name", Value::NULL)?;
        set(vm, "path", Value::NULL)?;
    } else if typeobj::is_subtype(ty, vm.e.os_error) {
        let (errno, strerror, filename) = if args.len() >= 2 {
            (args[0], args[1], args.get(2).copied().unwrap_or(none))
        } else {
            (none, none, none)
        };
        set(vm, "errno", errno)?;
        set(vm, "strerror", strerror)?;
        // CPython's oserror_init: exactly BlockingIOError takes an int third
        // argument as `characters_written`; another third argument is the file
        // name, and then `args` keeps only (errno, strerror).
        let written = ty == vm.e.blocking_io_error && crate::int::is_int(vm, filename);
        let (filename, filename2) = if filename == none || written { (none, none) } else { (filename, args.get(4).copied().unwrap_or(none)) };
        set(vm, "filename", filename)?;
        set(vm, "filename2", filename2)?;
        if written {
            let vexc = vm.e.value_error;
            eobj(e).written.set(crate::number::as_ssize(vm, args[2], vexc)?);
        } else if filename != none && args.len() <= 5 {
            let t = crate::tuple::new_tuple(vm, args[..2].to_vec());
            eobj(e).args.set(t);
        }
    } else if typeobj::is_subtype(ty, vm.e.syntax_error) {
        // CPython's SyntaxError_init: the details are parsed only from exactly two
        // arguments, the second a sequence of 4 to 6 items.
        set(vm, "msg", args.first().copied().unwrap_or(Value::NULL))?;
        if args.len() == 2 {
            let info = crate::tuple::from_iterable(vm, args[1])?;
            let items = crate::tuple::items(info);
            if items.len() < 4 || items.len() > 6 {
                let m = if items.len() < 4 {
                    format!("function takes at least 4 arguments ({} given)", items.len())
                } else {
                    format!("function takes at most 6 arguments ({} given)", items.len())
                };
                return Err(vm.type_error(m));
            }
            for (i, k) in SYNTAX_FIELDS[1..7].iter().enumerate() {
                set(vm, k, items.get(i).copied().unwrap_or(Value::NULL))?;
            }
            if items.len() == 5 {
                return Err(vm.type_error("end_offset must be provided when end_lineno is provided"));
            }
        }
    } else if typeobj::is_subtype(ty, vm.e.unicode_error) {
        crate::exc_unicode::init_attrs(vm, e, args)?;
    } else if typeobj::is_subtype(ty, vm.e.attribute_error) || typeobj::is_subtype(ty, vm.e.name_error) {
        // Set by keyword arguments only (`init_keywords`).
        set(vm, "name", Value::NULL)?;
        set(vm, "obj", Value::NULL)?;
    }
    Ok(())
}

pub fn is_exception_class(vm: &Vm, v: Value) -> bool {
    typeobj::is_type(v) && typeobj::is_subtype(v, vm.e.base_exception)
}

pub fn is_instance_of(vm: &Vm, e: Value, ty: Value) -> bool {
    typeobj::is_subtype(vm.type_of(e), ty)
}

/// Does the raised exception `e` belong to class `ty`?
pub fn matches(vm: &Vm, e: PyErr, ty: Value) -> bool {
    is_instance_of(vm, e.0, ty)
}

/// `raise X`: an instance as is, a class instantiated with no arguments.
pub fn make_raisable(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if is_exception_class(vm, v) {
        let e = crate::call::call(vm, v, &[])?;
        if !is_instance_of(vm, e, vm.e.base_exception) {
            return Err({ let __arg = format!(
                "calling {} should have returned an instance of BaseException, not {}",
                crate::ops::repr_string(vm, v)?,
                vm.type_name(e)
            ); vm.type_error(__arg) });
        }
        return Ok(e);
    }
    if is_instance_of(vm, v, vm.e.base_exception) {
        return Ok(v);
    }
    Err(vm.type_error("exceptions must derive from BaseException"))
}

/// `raise e from cause`.
pub fn set_cause_from(vm: &mut Vm, e: Value, cause: Value) -> PyResult<()> {
    let c = if cause == vm.none {
        Value::NULL
    } else if is_exception_class(vm, cause) {
        crate::call::call(vm, cause, &[])?
    } else if is_instance_of(vm, cause, vm.e.base_exception) {
        cause
    } else {
        return Err(vm.type_error("exception causes must derive from BaseException"));
    };
    eobj(e).cause.set(c);
    eobj(e).suppress_context.set(true);
    Ok(())
}

pub fn set_cause(_vm: &mut Vm, e: Value, cause: Value) {
    eobj(e).cause.set(cause);
    eobj(e).suppress_context.set(true);
}

pub fn set_context(_vm: &mut Vm, e: Value, ctx: Value) {
    eobj(e).context.set(ctx);
}

/// A `raise` statement: the exception's context is set afresh.
pub fn raised(_vm: &mut Vm, e: Value) -> PyErr {
    e.header().unwrap().clear(CONTEXT_SET);
    PyErr(e)
}

/// Sets `__context__` of a newly raised exception to the exception being handled,
/// breaking cycles as CPython's `_PyErr_SetObject` does.
pub fn attach_context(vm: &mut Vm, e: Value) {
    let Some(h) = e.header() else { return };
    if h.has_flag(CONTEXT_SET) {
        return;
    }
    h.set(CONTEXT_SET);
    let Some(handled) = crate::interp::current_handled(vm) else { return };
    chain(e, handled);
}

/// An exception thrown into a generator (just resumed, the top frame) takes as
/// context the exception that generator itself is handling, if any (CPython's
/// `_PyErr_ChainStackItem` in `gen_send_ex2`): not one its callers handle.
pub fn chain_thrown(vm: &mut Vm, e: Value) {
    let handled = vm.frames.last().map_or(Value::NULL, |f| f.handled);
    if !handled.is_null() && handled != vm.none {
        chain(e, handled);
    }
}

/// `e.__context__ = handled`, unless that would make a cycle.
fn chain(e: Value, handled: Value) {
    if handled == e || !handled.is::<ExceptionObj>() || !e.is::<ExceptionObj>() {
        return;
    }
    // Break a cycle: if e is already in handled's context chain, cut it there.
    // A cycle already in the chain (made by assigning `__context__`) is found with
    // Floyd's algorithm, as CPython does, instead of walking it forever.
    let (mut o, mut slow, mut toggle) = (handled, handled, false);
    loop {
        let ctx = eobj(o).context.get();
        if ctx.is_null() || !ctx.is::<ExceptionObj>() {
            break;
        }
        if ctx == e {
            eobj(o).context.set(Value::NULL);
            break;
        }
        o = ctx;
        if o == slow {
            break;
        }
        if toggle {
            slow = eobj(slow).context.get();
        }
        toggle = !toggle;
    }
    eobj(e).context.set(handled);
}

/// Adds the current frame (at its current instruction) to `e.__traceback__`.
pub fn add_traceback(vm: &mut Vm, e: Value) {
    if !e.is::<ExceptionObj>() {
        return;
    }
    let f = vm.frames.last().expect("frame").clone();
    // The frame's own object, so `tb_frame is sys._getframe()` in the handler.
    let fo = crate::frame::frame_object(vm, &f);
    if let Some(top) = vm.frames.last_mut() {
        top.obj = fo;
    }
    let ty = vm.t.traceback;
    let (lineno, lasti) = (i32::try_from(f.lineno()).unwrap_or(i32::MAX), i32::try_from((f.lasti as i64).saturating_mul(2)).unwrap_or(i32::MAX));
    let tb = vm.alloc(ty, TracebackObj { next: Cell::new(eobj(e).traceback.get()), frame: fo, lineno, lasti });
    eobj(e).traceback.set(tb);
}

pub fn traceback_of(vm: &Vm, e: Value) -> Value {
    match e.downcast::<ExceptionObj>() {
        Some(x) if !x.traceback.get().is_null() => x.traceback.get(),
        _ => vm.none,
    }
}

/// `except T:` matching, with the TypeError for non-exception classes.
pub fn check_match(vm: &mut Vm, exc: Value, ty: Value) -> PyResult<bool> {
    check_except_type(vm, ty)?;
    Ok(exception_matches(vm, exc, ty))
}

fn check_except_type(vm: &mut Vm, ty: Value) -> PyResult<()> {
    let ok = if crate::tuple::is_tuple(ty) {
        crate::tuple::items(ty).iter().all(|t| is_exception_class(vm, *t))
    } else {
        is_exception_class(vm, ty)
    };
    if !ok {
        return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    Ok(())
}

pub fn exception_matches(vm: &Vm, exc: Value, ty: Value) -> bool {
    if crate::tuple::is_tuple(ty) {
        return crate::tuple::items(ty).iter().any(|t| is_instance_of(vm, exc, *t));
    }
    is_instance_of(vm, exc, ty)
}

/// `except* T`: splits `exc` into (rest, match); match is None if nothing matched.
pub fn eg_match(vm: &mut Vm, exc: Value, ty: Value) -> PyResult<(Value, Value)> {
    check_except_type(vm, ty)?;
    let is_group = |vm: &Vm, t: Value| {
        if crate::tuple::is_tuple(t) {
            crate::tuple::items(t).iter().any(|x| typeobj::is_subtype(*x, vm.e.base_exception_group))
        } else {
            typeobj::is_subtype(t, vm.e.base_exception_group)
        }
    };
    if is_group(vm, ty) {
        return Err(vm.type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
    }
    if exception_matches(vm, exc, ty) {
        if is_instance_of(vm, exc, vm.e.base_exception_group) {
            return Ok((vm.none, exc));
        }
        // A naked exception matched: wrap it in an ExceptionGroup("", [exc]).
        let l = crate::tuple::new_tuple(vm, vec![exc]);
        let msg = vm.empty_str;
        let eg_ty = vm.e.exception_group;
        let wrapped = crate::call::call(vm, eg_ty, &[msg, l])?;
        eobj(wrapped).traceback.set(eobj(exc).traceback.get());
        return Ok((vm.none, wrapped));
    }
    if is_instance_of(vm, exc, vm.e.base_exception_group) {
        let r = crate::call::call_method(vm, exc, "split", &[ty])?;
        let parts = crate::tuple::items(r);
        let (m, rest) = (parts[0], parts[1]);
        if m != vm.none {
            return Ok((rest, m));
        }
    }
    Ok((exc, vm.none))
}

/// `except*` epilogue (CPython's `_PyExc_PrepReraiseStar`): the exception to
/// re-raise from the original `orig` and the list of raised/re-raised ones.
pub fn prep_reraise_star(vm: &mut Vm, orig: Value, excs: Value) -> PyResult {
    let items: Vec<Value> = crate::list::lobj(excs).items.borrow().iter().copied().filter(|v| *v != vm.none).collect();
    if items.is_empty() {
        return Ok(vm.none);
    }
    if !is_instance_of(vm, orig, vm.e.base_exception_group) {
        return Ok(items[0]);
    }
    // Re-raised exceptions are leaves of the original group; raised ones are new.
    let leaves = crate::list::new_list(vm, vec![]);
    collect_leaves(vm, orig, leaves);
    let orig_leaves = crate::list::lobj(leaves).items.borrow().clone();
    let mut reraised = Vec::new();
    let mut raised_new = Vec::new();
    for e in items {
        let el = crate::list::new_list(vm, vec![]);
        collect_leaves(vm, e, el);
        let ls = crate::list::lobj(el).items.borrow().clone();
        if !ls.is_empty() && ls.iter().all(|l| orig_leaves.contains(l)) {
            reraised.push(e);
        } else {
            raised_new.push(e);
        }
    }
    let keep = crate::list::new_list(vm, vec![]);
    for e in &reraised {
        collect_leaves(vm, *e, keep);
    }
    let keep_leaves = crate::list::lobj(keep).items.borrow().clone();
    let reraised_group = if keep_leaves.is_empty() { vm.none } else { project(vm, orig, &keep_leaves)? };
    if raised_new.is_empty() {
        return Ok(reraised_group);
    }
    let mut all = raised_new;
    if reraised_group != vm.none {
        all.push(reraised_group);
    }
    if all.len() == 1 {
        return Ok(all[0]);
    }
    let l = crate::list::new_list(vm, all);
    let msg = vm.empty_str;
    let eg = vm.e.exception_group;
    crate::call::call(vm, eg, &[msg, l])
}

fn collect_leaves(vm: &mut Vm, e: Value, out: Value) {
    if is_instance_of(vm, e, vm.e.base_exception_group) {
        if let Ok(Some(excs)) = group_exceptions(vm, e) {
            for x in crate::tuple::items(excs) {
                collect_leaves(vm, *x, out);
            }
        }
    } else {
        crate::list::lobj(out).items.borrow_mut().push(e);
    }
}

pub(crate) fn group_exceptions(vm: &mut Vm, g: Value) -> PyResult<Option<Value>> {
    Ok(Some(field(vm, g, "exceptions")).filter(|v| !v.is_null()))
}

/// The subgroup of `g` whose leaves are in `keep` (None if no leaf is).
fn project(vm: &mut Vm, g: Value, keep: &[Value]) -> PyResult {
    if !is_instance_of(vm, g, vm.e.base_exception_group) {
        return Ok(if keep.contains(&g) { g } else { vm.none });
    }
    let Some(excs) = group_exceptions(vm, g)? else { return Ok(vm.none) };
    let items = crate::tuple::items(excs).to_vec();
    let kept = crate::list::new_list(vm, vec![]);
    for x in &items {
        let p = project(vm, *x, keep)?;
        if p != vm.none {
            crate::list::lobj(kept).items.borrow_mut().push(p);
        }
    }
    let k = crate::list::lobj(kept).items.borrow().clone();
    if k.is_empty() {
        return Ok(vm.none);
    }
    if k == items {
        return Ok(g);
    }
    derive_like(vm, g, kept)
}

/// `g.derive(excs)` with `g`'s traceback, cause, context and notes copied.
fn derive_like(vm: &mut Vm, g: Value, excs: Value) -> PyResult {
    let ng = crate::call::call_method(vm, g, "derive", &[excs])?;
    eobj(ng).traceback.set(eobj(g).traceback.get());
    eobj(ng).cause.set(eobj(g).cause.get());
    eobj(ng).context.set(eobj(g).context.get());
    let gd = g.header().unwrap().dict();
    if !gd.is_null() {
        // A copy of the notes, and only of a sequence (CPython's exceptiongroup_subset).
        if let Some(n) = dict::get_item_str(vm, gd, "__notes__")? {
            if crate::ops::sequence_check(vm, n) {
                let copy = crate::list::from_iterable(vm, n)?;
                let nd = crate::func_type::header_dict(vm, ng)?;
                dict::set_item_str(vm, nd, "__notes__", copy)?;
            }
        }
    }
    Ok(ng)
}

/// The `value` of a StopIteration.
pub fn stop_iteration_value(vm: &mut Vm, e: Value) -> Value {
    field_or_none(vm, e, "value")
}

/// The exception of `gen.throw(typ[, val[, tb]])` (CPython's `_gen_throw`): Err for
/// arguments that cannot be thrown; an exception class is instantiated as
/// `PyErr_NormalizeException` does, an error in doing so being what is thrown.
pub fn throw_args(vm: &mut Vm, a: &[Value]) -> PyResult<PyErr> {
    let typ = a[0];
    let val = a.get(1).copied().unwrap_or(vm.none);
    let tb = a.get(2).copied().unwrap_or(vm.none);
    if tb != vm.none && !tb.is::<TracebackObj>() {
        return Err(vm.type_error("throw() third argument must be a traceback object"));
    }
    let e = if is_exception_class(vm, typ) {
        match instantiate(vm, typ, val) {
            Ok(e) => e,
            Err(err) => {
                if tb != vm.none && eobj(err.0).traceback.get() == vm.none {
                    eobj(err.0).traceback.set(tb);
                }
                return Ok(err);
            }
        }
    } else if is_instance_of(vm, typ, vm.e.base_exception) {
        if val != vm.none {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        typ
    } else {
        let m = format!("exceptions must be classes or instances deriving from BaseException, not {}", vm.type_name(typ));
        return Err(vm.type_error(m));
    };
    if tb != vm.none {
        eobj(e).traceback.set(tb);
    }
    // A thrown exception keeps its __context__: CPython restores it into the
    // generator's frame without _PyErr_SetObject's chaining.
    e.header().unwrap().set(CONTEXT_SET);
    Ok(PyErr(e))
}

/// The instance of exception class `typ` for the value `val` (`_PyErr_CreateException`):
/// `val` itself if it is one, else `typ()`, `typ(*val)` or `typ(val)`.
fn instantiate(vm: &mut Vm, typ: Value, val: Value) -> PyResult {
    if is_instance_of(vm, val, typ) {
        return Ok(val);
    }
    let e = if val == vm.none {
        crate::call::call(vm, typ, &[])?
    } else if crate::tuple::is_tuple(val) {
        let items = crate::tuple::items(val).to_vec();
        crate::call::call(vm, typ, &items)?
    } else {
        crate::call::call(vm, typ, &[val])?
    };
    if !is_instance_of(vm, e, vm.e.base_exception) {
        let r = crate::ops::repr_string(vm, typ)?;
        let m = format!("calling {r} should have returned an instance of BaseException, not {}", vm.type_name(e));
        return Err(vm.type_error(m));
    }
    Ok(e)
}

pub fn set_attr_error_context(vm: &mut Vm, e: PyErr, obj: Value, name: Value) {
    set_field(vm, e.0, "name", name);
    set_field(vm, e.0, "obj", obj);
}

/// An AttributeError raised by `__getattr__`/`__getattribute__` code without a
/// `name` and `obj` gets them (CPython's set_attribute_error_context), so the
/// traceback can still offer a suggestion.
pub fn augment_attr_error(vm: &mut Vm, e: PyErr, obj: Value, name: Value) -> PyErr {
    if matches(vm, e, vm.e.attribute_error) && field(vm, e.0, "name").is_null() && field(vm, e.0, "obj").is_null() {
        set_attr_error_context(vm, e, obj, name);
    }
    e
}

pub fn set_name_error_name(vm: &mut Vm, e: PyErr, name: Value) {
    set_field(vm, e.0, "name", name);
}

/// Reports an exception that cannot be raised (in `__del__`, callbacks) on stderr.
// ---- printing ----------------------------------------------------------------------

pub use crate::exc_print::format_exception;

// ---- BaseException methods -------------------------------------------------------------

fn exc_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let pos = &args.pos()[1..];
    let e = new_exception(vm, cls, pos);
    Ok(e)
}

fn exc_init(vm: &mut Vm, args: Args) -> PyResult {
    let e = args.vals[0];
    let ty = vm.type_of(e);
    let keywords = keyword_fields(vm, ty);
    if args.has_kw() && keywords.is_none() && crate::typeobj::lookup_str(vm, ty, "__init__") == crate::typeobj::lookup_str(vm, vm.e.base_exception, "__init__") {
        return Err(no_keywords(vm, ty));
    }
    init_args(vm, e, &args)?;
    if let Some((family, names)) = keywords {
        for (k, v) in args.kw() {
            match crate::str::as_str(k) {
                Some(n) if names.contains(&n) => set_field(vm, e, n, v),
                _ => {
                    let m = format!("'{}' is an invalid keyword argument for {family}()", crate::str::as_str(k).unwrap_or("?"));
                    return Err(vm.type_error(m));
                }
            }
        }
    }
    Ok(vm.none)
}

/// The fields an exception class's `__init__` takes as keyword arguments, and the
/// name its errors give (CPython's ImportError_init, AttributeError_init, NameError_init).
fn keyword_fields(vm: &Vm, ty: Value) -> Option<(&'static str, &'static [&'static str])> {
    let e = &vm.e;
    [(e.import_error, "ImportError", &["name", "path"][..]), (e.attribute_error, "AttributeError", &["name", "obj"]), (e.name_error, "NameError", &["name"])]
        .into_iter()
        .find(|(c, _, _)| typeobj::is_subtype(ty, *c))
        .map(|(_, f, n)| (f, n))
}

/// `e.args` and the attributes derived from them, from an `__init__` call's
/// positional arguments (after `self`).
fn init_args(vm: &mut Vm, e: Value, args: &Args) -> PyResult {
    let pos = args.pos()[1..].to_vec();
    let t = crate::tuple::new_tuple(vm, pos.clone());
    eobj(e).args.set(t);
    init_special_attrs(vm, e, &pos)?;
    Ok(vm.none)
}

fn no_keywords(vm: &mut Vm, cls: Value) -> PyErr {
    vm.type_error(format!("{}() takes no keyword arguments", typeobj::type_name(cls)))
}

fn exc_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let name = crate::typeobj::short_name(vm.type_of(a[0]));
    let items = crate::tuple::items(eobj(a[0]).args.get()).to_vec();
    let s = if items.len() == 1 {
        format!("{name}({})", crate::ops::repr_string(vm, items[0])?)
    } else {
        let r = crate::ops::repr_string(vm, eobj(a[0]).args.get())?;
        if items.is_empty() {
            format!("{name}()")
        } else {
            format!("{name}{r}")
        }
    };
    Ok(crate::str::new_str(vm, s))
}

fn exc_str(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__str__", 1, 1)?;
    let items = crate::tuple::items(eobj(a[0]).args.get()).to_vec();
    match items.len() {
        0 => Ok(vm.empty_str),
        1 => crate::ops::str(vm, items[0]),
        _ => crate::ops::str(vm, eobj(a[0]).args.get()),
    }
}

fn key_error_str(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__str__", 1, 1)?;
    let items = crate::tuple::items(eobj(a[0]).args.get()).to_vec();
    if items.len() == 1 {
        return crate::ops::repr(vm, items[0]);
    }
    exc_str(vm, args)
}

fn get_args(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(eobj(v).args.get())
}
fn set_args(vm: &mut Vm, v: Value, a: Value) -> PyResult<()> {
    let t = crate::tuple::from_iterable(vm, a)?;
    eobj(v).args.set(t);
    Ok(())
}
fn get_tb(vm: &mut Vm, v: Value) -> PyResult {
    Ok(traceback_of(vm, v))
}
fn set_tb(vm: &mut Vm, v: Value, tb: Value) -> PyResult<()> {
    if tb == vm.none {
        eobj(v).traceback.set(Value::NULL);
    } else if tb.is::<TracebackObj>() {
        eobj(v).traceback.set(tb);
    } else {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    Ok(())
}
fn get_cause(vm: &mut Vm, v: Value) -> PyResult {
    let c = eobj(v).cause.get();
    Ok(if c.is_null() { vm.none } else { c })
}
fn set_cause_attr(vm: &mut Vm, v: Value, c: Value) -> PyResult<()> {
    if c == vm.none {
        eobj(v).cause.set(Value::NULL);
    } else if is_instance_of(vm, c, vm.e.base_exception) {
        eobj(v).cause.set(c);
    } else {
        return Err(vm.type_error("exception cause must be None or derive from BaseException"));
    }
    eobj(v).suppress_context.set(true);
    Ok(())
}
fn get_context(vm: &mut Vm, v: Value) -> PyResult {
    let c = eobj(v).context.get();
    Ok(if c.is_null() { vm.none } else { c })
}
fn set_context_attr(vm: &mut Vm, v: Value, c: Value) -> PyResult<()> {
    if c == vm.none {
        eobj(v).context.set(Value::NULL);
    } else if is_instance_of(vm, c, vm.e.base_exception) {
        eobj(v).context.set(c);
    } else {
        return Err(vm.type_error("exception context must be None or derive from BaseException"));
    }
    Ok(())
}
fn get_suppress(vm: &mut Vm, v: Value) -> PyResult {
    Ok(vm.bool(eobj(v).suppress_context.get()))
}
fn set_suppress(vm: &mut Vm, v: Value, s: Value) -> PyResult<()> {
    let b = crate::ops::truthy(vm, s)?;
    eobj(v).suppress_context.set(b);
    Ok(())
}

fn with_traceback(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "with_traceback", 2, 2)?;
    set_tb(vm, a[0], a[1])?;
    Ok(a[0])
}

fn add_note(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "add_note", 2, 2)?;
    if crate::str::as_str(a[1]).is_none() {
        return Err({ let __arg = format!("note must be a str, not '{}'", vm.type_name(a[1])); vm.type_error(__arg) });
    }
    let d = crate::func_type::header_dict(vm, a[0])?;
    let notes = match dict::get_item_str(vm, d, "__notes__")? {
        Some(n) => n,
        None => {
            let l = crate::list::new_list(vm, vec![]);
            dict::set_item_str(vm, d, "__notes__", l)?;
            l
        }
    };
    let Some(l) = notes.downcast::<crate::list::ListObj>() else {
        return Err(vm.type_error("Cannot add note: __notes__ is not a list"));
    };
    l.items.borrow_mut().push(a[1]);
    Ok(vm.none)
}

fn exc_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    let (args_t, d) = (eobj(a[0]).args.get(), a[0].header().unwrap().dict());
    Ok(reduce_value(vm, a[0], args_t, d))
}

/// `(type(e), args)`, with `state` (unless NULL) as a third item.
fn reduce_value(vm: &mut Vm, e: Value, args: Value, state: Value) -> Value {
    let ty = vm.type_of(e);
    let mut items = vec![ty, args];
    if !state.is_null() {
        items.push(state);
    }
    crate::tuple::new_tuple(vm, items)
}

/// `ImportError.__reduce__`: the state also holds `name` and `path` when set.
fn import_error_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    let e = a[0];
    let d = e.header().unwrap().dict();
    let mut state = if d.is_null() { Value::NULL } else { dict::copy(vm, d)? };
    for k in ["name", "path"] {
        let v = field(vm, e, k);
        if !v.is_null() && v != vm.none {
            if state.is_null() {
                state = dict::new_dict(vm);
            }
            dict::set_item_str(vm, state, k, v)?;
        }
    }
    Ok(reduce_value(vm, e, eobj(e).args.get(), state))
}

/// `OSError.__reduce__`: the arguments rebuilt with the file names when set.
fn os_error_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    let e = a[0];
    let none = vm.none;
    let set = |v: Value| !v.is_null() && v != none;
    let (filename, filename2) = (field(vm, e, "filename"), field(vm, e, "filename2"));
    let cargs = if set(filename) {
        let (errno, strerror) = (field_or_none(vm, e, "errno"), field_or_none(vm, e, "strerror"));
        let mut v = vec![errno, strerror, filename];
        if set(filename2) {
            v.extend([none, filename2]);
        }
        crate::tuple::new_tuple(vm, v)
    } else {
        eobj(e).args.get()
    };
    let d = e.header().unwrap().dict();
    Ok(reduce_value(vm, e, cargs, d))
}

/// `__setstate__(state)`: None, or a dict whose items become attributes (the
/// third item of `__reduce__`). The dict is walked by position, as CPython's
/// PyDict_Next, so a key whose `__hash__` changes the dict ends the walk
/// rather than breaking it.
fn exc_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "BaseException.__setstate__", 1, 1)?;
    let (exc, state) = (a[0], a[1]);
    if state == vm.none {
        return Ok(vm.none);
    }
    if !crate::typeobj::is_instance(vm, state, vm.t.dict) {
        return Err(vm.type_error("state is not a dictionary"));
    }
    let mut pos = 0;
    while let Some((next, k, v)) = dict::dobj(state).entry_from(pos) {
        if crate::str::as_str(k).is_none() {
            let m = format!("attribute name must be string, not '{}'", vm.type_name(k));
            return Err(vm.type_error(m));
        }
        crate::attr::setattr(vm, exc, k, v)?;
        std::hint::black_box((k, v));
        pos = next;
    }
    Ok(vm.none)
}

fn syntax_error_str(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__str__", 1, 1)?;
    let msg = field_or_none(vm, a[0], "msg");
    let msg_s = crate::ops::str_string(vm, msg)?;
    let filename = crate::str::as_str(field(vm, a[0], "filename")).map(str::to_string);
    let lineno = field(vm, a[0], "lineno").as_small();
    let base = filename.map(|f| f.rsplit('/').next().unwrap_or("").to_string());
    let s = match (base, lineno) {
        (Some(f), Some(l)) => format!("{msg_s} ({f}, line {l})"),
        (Some(f), None) => format!("{msg_s} ({f})"),
        (None, Some(l)) => format!("{msg_s} (line {l})"),
        (None, None) => msg_s,
    };
    Ok(crate::str::new_str(vm, s))
}

fn os_error_str(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__str__", 1, 1)?;
    let errno = field_or_none(vm, a[0], "errno");
    let strerror = field_or_none(vm, a[0], "strerror");
    let filename = field_or_none(vm, a[0], "filename");
    if errno != vm.none && strerror != vm.none {
        let e = crate::ops::str_string(vm, errno)?;
        let s = crate::ops::str_string(vm, strerror)?;
        let r = if filename != vm.none {
            let f = crate::ops::repr_string(vm, filename)?;
            format!("[Errno {e}] {s}: {f}")
        } else {
            format!("[Errno {e}] {s}")
        };
        return Ok(crate::str::new_str(vm, r));
    }
    exc_str(vm, args)
}

/// `OSError(errno, ...)` picks the subclass for the errno, as CPython does.
/// CPython's `oserror_use_init`: a class that overrides `__init__` but keeps
/// OSError's `__new__` has its arguments parsed by `__init__`, any other by `__new__`.
fn os_error_use_init(vm: &mut Vm, cls: Value) -> bool {
    let os = vm.e.os_error;
    typeobj::lookup_str(vm, cls, "__init__") != typeobj::lookup_str(vm, os, "__init__")
        && typeobj::lookup_str(vm, cls, "__new__") == typeobj::lookup_str(vm, os, "__new__")
}

fn os_error_new(vm: &mut Vm, args: Args) -> PyResult {
    let mut cls = args.vals[0];
    if os_error_use_init(vm, cls) {
        return Ok(new_exception(vm, cls, &[]));
    }
    if args.has_kw() {
        return Err(no_keywords(vm, cls));
    }
    let pos = &args.pos()[1..];
    if cls == vm.e.os_error && pos.len() >= 2 {
        if let Some(errno) = pos[0].as_small() {
            if let Some(sub) = errno_class(vm, errno) {
                cls = sub;
            }
        }
    }
    Ok(new_exception(vm, cls, pos))
}

/// `OSError.__init__`: does nothing unless the class parses its arguments here
/// (`os_error_use_init`).
fn os_error_init(vm: &mut Vm, args: Args) -> PyResult {
    let e = args.vals[0];
    let cls = vm.type_of(e);
    if !os_error_use_init(vm, cls) {
        return Ok(vm.none);
    }
    if args.has_kw() {
        return Err(no_keywords(vm, cls));
    }
    init_args(vm, e, &args)
}

fn characters_written(vm: &mut Vm, e: Value) -> PyResult {
    match eobj(e).written.get() {
        -1 => Err(vm.attribute_error("characters_written")),
        n => Ok(crate::int::from_i64(vm, n)),
    }
}

fn set_characters_written(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    if v.is_null() {
        if eobj(e).written.get() == -1 {
            return Err(vm.attribute_error("characters_written"));
        }
        eobj(e).written.set(-1);
        return Ok(());
    }
    let vexc = vm.e.value_error;
    let n = crate::number::as_ssize(vm, v, vexc)?;
    eobj(e).written.set(n);
    Ok(())
}

pub fn errno_class(vm: &Vm, errno: i64) -> Option<Value> {
    Some(match errno {
        2 => vm.e.file_not_found_error,
        17 => vm.e.file_exists_error,
        13 | 1 => vm.e.permission_error,
        21 => vm.e.is_a_directory_error,
        20 => vm.e.not_a_directory_error,
        4 => vm.e.interrupted_error,
        11 | 114 | 115 => vm.e.blocking_io_error,
        10 => vm.e.child_process_error,
        32 | 108 => vm.e.broken_pipe_error,
        103 => vm.e.connection_aborted_error,
        111 => vm.e.connection_refused_error,
        104 => vm.e.connection_reset_error,
        3 => vm.e.process_lookup_error,
        110 => vm.e.timeout_error,
        _ => return None,
    })
}

/// An OSError (or subclass) for a Rust I/O error, with errno and message.
pub fn os_error_from_io(vm: &mut Vm, err: &std::io::Error, filename: Option<Value>) -> PyErr {
    let errno = err.raw_os_error().unwrap_or(0) as i64;
    let msg = strerror(errno);
    let cls = errno_class(vm, errno).unwrap_or(vm.e.os_error);
    let m = crate::str::new_str(vm, msg);
    let mut args = vec![Value::small(errno), m];
    if let Some(f) = filename {
        args.push(f);
    }
    PyErr(new_exception(vm, cls, &args))
}

pub fn strerror(errno: i64) -> String {
    let s = std::io::Error::from_raw_os_error(errno as i32).to_string();
    // Rust appends " (os error N)".
    match s.rfind(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
fn group_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let pos = &args.pos()[1..];
    if pos.len() != 2 {
        let m = format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", pos.len());
        return Err(vm.type_error(m));
    }
    let (msg, excs) = (pos[0], pos[1]);
    if crate::str::as_str(msg).is_none() {
        let m = format!("BaseExceptionGroup.__new__() argument 1 must be str, not {}", vm.arg_type_name(msg));
        return Err(vm.type_error(m));
    }
    if !crate::ops::sequence_check(vm, excs) {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let seq = crate::tuple::from_iterable(vm, excs)?;
    let cls = group_class(vm, cls, crate::tuple::items(seq))?;
    if args.has_kw() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", typeobj::type_name(cls))));
    }
    let e = new_exception(vm, cls, &[msg, excs]);
    set_field(vm, e, "message", msg);
    set_field(vm, e, "exceptions", seq);
    Ok(e)
}

/// The class a new group really gets: BaseExceptionGroup of Exceptions only is
/// an ExceptionGroup; an Exception subclass cannot hold BaseExceptions.
fn group_class(vm: &mut Vm, cls: Value, items: &[Value]) -> PyResult {
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, x) in items.iter().enumerate() {
        if !is_instance_of(vm, *x, vm.e.base_exception) {
            return Err(vm.value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        all_exceptions &= is_instance_of(vm, *x, vm.e.exception);
    }
    if cls == vm.e.base_exception_group && all_exceptions {
        return Ok(vm.e.exception_group);
    }
    if typeobj::is_subtype(cls, vm.e.exception) && !all_exceptions {
        if cls == vm.e.exception_group {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{}'", typeobj::type_name(cls))));
    }
    Ok(cls)
}

/// ExceptionGroup derives from both BaseExceptionGroup and Exception.
fn add_exception_group_bases(vm: &mut Vm) {
    let eg = vm.e.exception_group;
    let bases = vec![vm.e.base_exception_group, vm.e.exception];
    let mro = typeobj::compute_mro(vm, eg, &bases).expect("ExceptionGroup MRO");
    *typeobj::tobj(eg).bases.borrow_mut() = bases;
    *typeobj::tobj(eg).mro.borrow_mut() = mro;
    typeobj::tobj(vm.e.exception).subclasses.borrow_mut().push(eg);
}

fn group_str(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__str__", 1, 1)?;
    let msg = Some(field(vm, a[0], "message")).filter(|v| !v.is_null()).unwrap_or(vm.empty_str);
    let n = group_exceptions(vm, a[0])?.map(|t| crate::tuple::items(t).len()).unwrap_or(0);
    let m = crate::ops::str_string(vm, msg)?;
    let s = format!("{m} ({n} sub-exception{})", if n == 1 { "" } else { "s" });
    Ok(crate::str::new_str(vm, s))
}

fn group_derive(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "derive", 2, 2)?;
    let msg = Some(field(vm, a[0], "message")).filter(|v| !v.is_null()).unwrap_or(vm.empty_str);
    let ty = vm.e.base_exception_group;
    crate::call::call(vm, ty, &[msg, a[1]])
}

/// Splits group `g` by `pred` (a type, tuple of types, or callable): (match, rest).
fn group_split_impl(vm: &mut Vm, g: Value, pred: Value) -> PyResult<(Value, Value)> {
    let matches = |vm: &mut Vm, e: Value| -> PyResult<bool> {
        if typeobj::is_type(pred) || crate::tuple::is_tuple(pred) {
            Ok(exception_matches(vm, e, pred))
        } else {
            let r = crate::call::call(vm, pred, &[e])?;
            crate::ops::truthy(vm, r)
        }
    };
    if matches(vm, g)? {
        return Ok((g, vm.none));
    }
    let Some(excs) = group_exceptions(vm, g)? else { return Ok((vm.none, g)) };
    vm.enter_recursion(" in exceptiongroup_split_recursive")?;
    let r = split_items(vm, g, excs, pred, &matches);
    vm.leave_recursion();
    r
}

fn split_items(vm: &mut Vm, g: Value, excs: Value, pred: Value, matches: &dyn Fn(&mut Vm, Value) -> PyResult<bool>) -> PyResult<(Value, Value)> {
    let items = crate::tuple::items(excs).to_vec();
    let m_list = crate::list::new_list(vm, vec![]);
    let r_list = crate::list::new_list(vm, vec![]);
    for x in items {
        let (m, r) = if is_instance_of(vm, x, vm.e.base_exception_group) {
            group_split_impl(vm, x, pred)?
        } else if matches(vm, x)? {
            (x, vm.none)
        } else {
            (vm.none, x)
        };
        if m != vm.none {
            crate::list::lobj(m_list).items.borrow_mut().push(m);
        }
        if r != vm.none {
            crate::list::lobj(r_list).items.borrow_mut().push(r);
        }
    }
    let derive = |vm: &mut Vm, l: Value| -> PyResult {
        if crate::list::lobj(l).items.borrow().is_empty() {
            return Ok(vm.none);
        }
        derive_like(vm, g, l)
    };
    let m = derive(vm, m_list)?;
    let r = derive(vm, r_list)?;
    Ok((m, r))
}

/// The argument of `split`/`subgroup`: an exception type, a tuple of them, or a
/// callable (CPython's get_matcher_type).
fn check_matcher(vm: &mut Vm, pred: Value) -> PyResult<()> {
    let ok = if crate::tuple::is_tuple(pred) {
        crate::tuple::items(pred).iter().all(|t| is_exception_class(vm, *t))
    } else {
        is_exception_class(vm, pred) || (!typeobj::is_type(pred) && crate::builtins::is_callable(vm, pred))
    };
    if ok {
        Ok(())
    } else {
        Err(vm.type_error("expected a function, exception type or tuple of exception types"))
    }
}

fn group_split(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "split", 2, 2)?;
    check_matcher(vm, a[1])?;
    let (m, r) = group_split_impl(vm, a[0], a[1])?;
    Ok(crate::tuple::new_tuple(vm, vec![m, r]))
}

fn group_subgroup(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "subgroup", 2, 2)?;
    check_matcher(vm, a[1])?;
    let (m, _) = group_split_impl(vm, a[0], a[1])?;
    Ok(m)
}

fn tb_next(vm: &mut Vm, v: Value) -> PyResult {
    let n = v.downcast::<TracebackObj>().unwrap().next.get();
    Ok(if n.is_null() { vm.none } else { n })
}
/// `dir(tb)`: the four fields only (CPython's `tb_dir`).
fn tb_dir(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__dir__", 1, 1)?;
    let names = ["tb_frame", "tb_next", "tb_lasti", "tb_lineno"].map(|n| vm.intern(n)).to_vec();
    Ok(crate::list::new_list(vm, names))
}

/// `TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)` (CPython's `tb_new`).
fn tb_new(vm: &mut Vm, args: Args) -> PyResult {
    let [next, frame, lasti, lineno] = args.shift().bind(vm, "TracebackType", ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"], 4, 0)?;
    let next = match tb_or_none(vm, next) {
        Some(n) => n,
        None => {
            let m = format!("expected traceback object or None, got '{}'", vm.type_name(next));
            return Err(vm.type_error(m));
        }
    };
    if !frame.is::<crate::frame::FrameObj>() {
        let m = format!("TracebackType() argument 'tb_frame' must be frame, not {}", vm.type_name(frame));
        return Err(vm.type_error(m));
    }
    let lasti = crate::number::index_c_int(vm, lasti)?;
    let lineno = crate::number::index_c_int(vm, lineno)?;
    let ty = vm.t.traceback;
    Ok(vm.alloc(ty, TracebackObj { next: Cell::new(next), frame, lineno, lasti }))
}

/// A `tb_next` value as stored (NULL for None); None if `v` is neither.
fn tb_or_none(vm: &Vm, v: Value) -> Option<Value> {
    if v == vm.none {
        Some(Value::NULL)
    } else {
        v.is::<TracebackObj>().then_some(v)
    }
}

/// `tb.tb_next = x` (CPython's `tb_next_set`): None or a traceback, never one
/// that leads back to `tb`.
fn set_tb_next(vm: &mut Vm, v: Value, value: Value) -> PyResult<()> {
    if value.is_null() {
        return Err(vm.type_error("can't delete tb_next attribute"));
    }
    let Some(next) = tb_or_none(vm, value) else {
        let m = format!("expected traceback object, got '{}'", vm.type_name(value));
        return Err(vm.type_error(m));
    };
    let mut cursor = next;
    while let Some(t) = cursor.downcast::<TracebackObj>() {
        if cursor == v {
            return Err(vm.value_error("traceback loop detected"));
        }
        cursor = t.next.get();
    }
    v.downcast::<TracebackObj>().expect("traceback").next.set(next);
    Ok(())
}
fn tb_frame(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(v.downcast::<TracebackObj>().unwrap().frame)
}
fn tb_lineno(vm: &mut Vm, v: Value) -> PyResult {
    Ok(crate::int::from_i64(vm, v.downcast::<TracebackObj>().unwrap().lineno as i64))
}
fn tb_lasti(vm: &mut Vm, v: Value) -> PyResult {
    Ok(crate::int::from_i64(vm, v.downcast::<TracebackObj>().unwrap().lasti as i64))
}

pub fn init(vm: &mut Vm) {
    use crate::typeobj::{add_getset, add_getter, add_method, add_static};
    create_types(vm);
    add_exception_group_bases(vm);
    let b = vm.e.base_exception;
    add_static(vm, b, "__new__", exc_new);
    add_method(vm, b, "__init__", exc_init);
    add_method(vm, b, "__repr__", exc_repr);
    add_method(vm, b, "__str__", exc_str);
    add_method(vm, b, "__reduce__", exc_reduce);
    add_method(vm, b, "__setstate__", exc_setstate);
    add_method(vm, b, "with_traceback", with_traceback);
    add_method(vm, b, "add_note", add_note);
    add_getset(vm, b, "args", get_args, set_args);
    add_getset(vm, b, "__traceback__", get_tb, set_tb);
    add_getset(vm, b, "__cause__", get_cause, set_cause_attr);
    add_getset(vm, b, "__context__", get_context, set_context_attr);
    add_getset(vm, b, "__suppress_context__", get_suppress, set_suppress);
    add_getset(vm, b, "__dict__", crate::func_type::header_dict, crate::func_type::set_header_dict);
    add_field_descriptors(vm);
    add_method(vm, vm.e.key_error, "__str__", key_error_str);
    add_method(vm, vm.e.syntax_error, "__str__", syntax_error_str);
    add_method(vm, vm.e.os_error, "__str__", os_error_str);
    add_static(vm, vm.e.os_error, "__new__", os_error_new);
    add_method(vm, vm.e.os_error, "__init__", os_error_init);
    add_method(vm, vm.e.os_error, "__reduce__", os_error_reduce);
    add_method(vm, vm.e.import_error, "__reduce__", import_error_reduce);
    add_getset(vm, vm.e.blocking_io_error, "characters_written", characters_written, set_characters_written);
    let g = vm.e.base_exception_group;
    add_static(vm, g, "__new__", group_new);
    add_method(vm, g, "__str__", group_str);
    add_method(vm, g, "derive", group_derive);
    add_method(vm, g, "split", group_split);
    add_method(vm, g, "subgroup", group_subgroup);
    typeobj::add_classmethod(vm, g, "__class_getitem__", crate::generic_alias::class_getitem);
    let t = vm.t.traceback;
    add_static(vm, t, "__new__", tb_new);
    add_getset(vm, t, "tb_next", tb_next, set_tb_next);
    add_getter(vm, t, "tb_frame", tb_frame);
    add_getter(vm, t, "tb_lineno", tb_lineno);
    add_getter(vm, t, "tb_lasti", tb_lasti);
    add_method(vm, t, "__dir__", tb_dir);
    crate::exc_unicode::init(vm);
    let _ = flag::MARK;
}
