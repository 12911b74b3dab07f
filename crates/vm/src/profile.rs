//! The profile hook (CPython's `sys.setprofile` and `PyEval_SetProfile`): one
//! function told of every Python frame entered ('call') and left ('return', also
//! when it raises, and around each generator resumption and `yield`), and of every
//! call from bytecode of a builtin function or method ('c_call', then 'c_return' or
//! 'c_exception').
//!
//! The interpreter tests `vm.profile.on` where frames are entered out of the
//! dispatch loop (`interp::run_frame`, `generator::enter`; a profiled call is not
//! entered in place) and popped (`interp::pop_frame`, `pop_inline`), and where
//! bytecode calls something that may be a builtin (`call::call_copied`, `CallKw`,
//! `CallEx`); with no hook installed that is all it costs. The hook is either an
//! `_lsprof.Profiler` (told directly, `modules::lsprof`) or any callable set with
//! `sys.setprofile`, called as `hook(frame, event, arg)`. While the hook runs no
//! events are reported (the calls it makes are not profiled), as in CPython.

use crate::function::{NativeFunction, NativeKind};
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// The installed hook.
#[derive(Default)]
pub struct Hook {
    /// Events are to be reported: a hook is set and is not running.
    pub on: bool,
    /// The hook (`sys.getprofile()`), NULL when none.
    obj: Value,
}

impl Trace for Hook {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.obj);
    }
}

/// What happened.
#[derive(Clone, Copy)]
pub enum Event {
    Call,
    /// The frame returns or yields this value (NULL: it raises).
    Return(Value),
    /// A builtin (bound to its receiver) is about to be called from bytecode.
    CCall(Value),
    CReturn(Value),
    CException(Value),
}

impl Event {
    fn name(self) -> &'static str {
        match self {
            Event::Call => "call",
            Event::Return(_) => "return",
            Event::CCall(_) => "c_call",
            Event::CReturn(_) => "c_return",
            Event::CException(_) => "c_exception",
        }
    }
}

/// Installs `obj` as the hook (NULL removes it).
pub fn set(vm: &mut Vm, obj: Value) {
    vm.profile.obj = obj;
    vm.update_hooks();
}

/// The installed hook, or NULL.
pub fn get(vm: &Vm) -> Value {
    vm.profile.obj
}

/// The top frame was just pushed ('call').
pub fn frame_entered(vm: &mut Vm) {
    report_quietly(vm, Event::Call);
}

/// The top frame is about to be popped ('return'), returning or yielding `ret`
/// (NULL when it raises).
pub fn frame_leaving(vm: &mut Vm, ret: Value) {
    report_quietly(vm, Event::Return(ret));
}

/// Frame events cannot raise where the interpreter reports them: an error of a
/// `sys.setprofile` function is reported as unraisable (CPython raises it in the
/// frame), and the function is removed as CPython does.
fn report_quietly(vm: &mut Vm, ev: Event) {
    let hook = vm.profile.obj;
    if let Err(e) = report(vm, ev) {
        crate::unraisable::write_unraisable(vm, e, Some("Exception ignored in profile function"), hook);
    }
}

/// Tells the hook of `ev`, with events off meanwhile.
fn report(vm: &mut Vm, ev: Event) -> PyResult<()> {
    let hook = vm.profile.obj;
    if hook.is_null() {
        return Ok(());
    }
    let r = crate::trace::with_events_off(vm, |vm| {
        if hook.is::<crate::modules::lsprof::ProfilerObj>() {
            crate::modules::lsprof::event(vm, hook, ev);
            Ok(())
        } else {
            call_hook(vm, hook, ev)
        }
    });
    if r.is_err() {
        set(vm, Value::NULL);
    }
    r
}

/// `hook(frame, event, arg)` for a `sys.setprofile` function. A 'return' event's
/// arg is the value returned or yielded, None when the frame raises.
fn call_hook(vm: &mut Vm, hook: Value, ev: Event) -> PyResult<()> {
    let frame = if vm.frames.is_empty() { vm.none } else { crate::frame::current_frame(vm, 0)? };
    let event = vm.intern(ev.name());
    let arg = match ev {
        Event::CCall(f) | Event::CReturn(f) | Event::CException(f) => f,
        Event::Return(v) if !v.is_null() => v,
        Event::Call | Event::Return(_) => vm.none,
    };
    crate::call::call(vm, hook, &[frame, event, arg])?;
    Ok(())
}

/// `f(args)` called by bytecode, with the hook on: reports the call if `f` is a
/// builtin function or a builtin method called with its receiver (CPython's
/// `trace_call_function`: other callables report their Python frames only).
#[cold]
#[inline(never)]
pub fn call_from_code(vm: &mut Vm, f: Value, args: Args) -> PyResult {
    let Some(cf) = builtin_called(vm, f, args)? else {
        return crate::call::call_args(vm, f, args);
    };
    report(vm, Event::CCall(cf))?;
    let r = crate::call::call_args(vm, f, args);
    if !vm.profile.on {
        return r;
    }
    match r {
        Ok(v) => {
            report(vm, Event::CReturn(cf))?;
            Ok(v)
        }
        Err(e) => {
            // The call's own error wins over one of the hook's.
            let _ = report(vm, Event::CException(cf));
            Err(e)
        }
    }
}

/// `call_args` for the interpreter's keyword and `*args` calls, reporting builtins
/// when a hook is on.
#[inline(always)]
pub fn call_args(vm: &mut Vm, f: Value, args: Args) -> PyResult {
    if vm.profile.on {
        return call_from_code(vm, f, args);
    }
    crate::call::call_args(vm, f, args)
}

/// The builtin a call of `f` reports: `f` itself if it is a builtin function or
/// bound builtin method, `f` bound to the first argument if it is a method
/// descriptor (`list.append` loaded as a method) and there is one; None otherwise
/// (Python functions, types, slot wrappers, ...).
fn builtin_called(vm: &mut Vm, f: Value, args: Args) -> PyResult<Option<Value>> {
    let Some(n) = f.downcast::<NativeFunction>() else { return Ok(None) };
    if crate::call::is_slot_wrapper(vm, n) {
        return Ok(None);
    }
    match n.kind {
        NativeKind::Function | NativeKind::Static => Ok(Some(f)),
        NativeKind::Method => match args.pos().first() {
            Some(&self_) if n.self_.is_null() => {
                let ty = vm.type_of(self_);
                crate::attr::descr_get(vm, f, self_, ty).map(Some)
            }
            _ => Ok(None),
        },
        NativeKind::ClassMethod => Ok(None),
    }
}

/// `sys.setprofile(function)`.
pub fn sys_setprofile(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "sys.setprofile", 1, 1)?;
    let f = if a[0] == vm.none { Value::NULL } else { a[0] };
    set(vm, f);
    Ok(vm.none)
}

/// `sys.getprofile()`.
pub fn sys_getprofile(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "sys.getprofile", 0, 0)?;
    let h = get(vm);
    Ok(if h.is_null() { vm.none } else { h })
}
