//! The trace hook (CPython's `sys.settrace`, `PyEval_SetTrace` with sysmodule's
//! `trace_trampoline`), and the frame events both hooks share.
//!
//! The global trace function is told of every frame entered ('call'); what it
//! returns becomes that frame's `f_trace`, which is told of the frame's lines
//! ('line'), instructions when `f_trace_opcodes` is set ('opcode'), exceptions
//! raised or passing through it ('exception') and of its return or yield
//! ('return').
//!
//! The interpreter has two instances of its dispatch loop (`interp::run_loop`):
//! the plain one and the traced one, which calls `instruction` before every
//! instruction and runs each instruction of a superinstruction on its own. A plain
//! loop hands its frames over to a traced one when it sees the hook switched on
//! after a call (where `sys.settrace`, or a debugger setting `f_trace`, runs);
//! while a hook is on no frame is entered in place, so every new frame goes
//! through `frame_entered` and a loop that knows about the hook.
//!
//! While a hook runs, no events are reported (`Vm::hook_depth`). An error raised by
//! the trace function removes it (and the frame's `f_trace`), as in CPython, and is
//! raised in the frame: at once for 'line', 'opcode' and 'exception' events, at
//! the frame's first instruction for 'call' (`Hook::pending`), and reported as
//! unraisable for 'return' (the frame is gone by then).

use crate::frame::FrameObj;
use compiler::bytecode::Op;
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// The installed trace function.
#[derive(Default)]
pub struct Hook {
    /// Events are to be reported: a function is set and no hook is running.
    pub on: bool,
    /// The function (`sys.gettrace()`), NULL when none.
    obj: Value,
    /// An error of the 'call' event, to be raised in the frame it was about.
    pending: Option<PyErr>,
    /// The result of the call that switched the hook on (`hand_over`).
    handed: Value,
    /// The last event a trace function was called for, and the index in
    /// `vm.frames` of its frame (CPython's `tracing_what`, which a jump checks).
    what: Event,
    what_frame: usize,
    /// A jump the running trace function asked for (`request_jump`), made when it
    /// returns.
    jump: Option<PendingJump>,
}

/// The trace events, as far as a jump cares.
#[derive(Default, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// 'call' (also before any event, as in CPython).
    #[default]
    Call,
    Line,
    Exception,
    /// 'return' and 'opcode'.
    Other,
}

struct PendingJump {
    jump: compiler::jumps::Jump,
    /// The instruction the frame was about to run: its place if the trace function
    /// raises after all.
    from: usize,
}

impl Trace for Hook {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.obj);
        t.value(self.handed);
        if let Some(e) = self.pending {
            t.value(e.0);
        }
    }
}

/// Where a frame about to run its first instruction was, for the line events:
/// CPython's RESUME, on the `def` line (line 0 for a module's code).
pub const ENTRY: usize = usize::MAX;

/// A call made by the dispatch loop (`call::call_copied`) switched the hook on:
/// its result is kept here and the loop told by an error without exception (NULL),
/// on which it pushes the result (`handed_over`) and goes on traced. A test after
/// the call outside the loop keeps the loop's own code as it was.
#[cold]
pub fn hand_over(vm: &mut Vm, r: PyResult) -> PyResult {
    let v = r?;
    vm.trace.handed = v;
    Err(PyErr(Value::NULL))
}

/// The result `hand_over` kept.
pub fn handed_over(vm: &mut Vm) -> Value {
    std::mem::replace(&mut vm.trace.handed, Value::NULL)
}

/// The installed trace function, or NULL.
pub fn get(vm: &Vm) -> Value {
    vm.trace.obj
}

fn set(vm: &mut Vm, obj: Value) {
    vm.trace.obj = obj;
    vm.update_hooks();
}

/// Runs `f` (a hook) with events off, as CPython does while a hook runs.
pub fn with_events_off<R>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> R) -> R {
    vm.hook_depth += 1;
    vm.update_hooks();
    let r = f(vm);
    vm.hook_depth -= 1;
    vm.update_hooks();
    r
}

/// The top frame was just pushed, or resumed: 'call' for the hooks.
#[cold]
#[inline(never)]
pub fn frame_entered(vm: &mut Vm) {
    // A frame yet to run its first instruction is on its `def` line for the hooks.
    if let Some(f) = vm.frames.last_mut() {
        if f.pc == 0 {
            f.lasti = usize::MAX;
        }
        vm.top_ip = f.ins_at(f.lasti);
    }
    if vm.trace.on {
        if let Err(e) = call_event(vm) {
            vm.trace.pending = Some(e);
        }
    }
    if vm.profile.on {
        crate::profile::frame_entered(vm);
    }
}

/// The top frame is about to be popped, returning or yielding `ret` (NULL when it
/// raises): 'return' for the hooks.
#[cold]
#[inline(never)]
pub fn frame_leaving(vm: &mut Vm, ret: Value) {
    if vm.trace.on {
        let hook = vm.trace.obj;
        let arg = if ret.is_null() { vm.none } else { ret };
        if let Err(e) = local_event(vm, "return", arg) {
            crate::unraisable::write_unraisable(vm, e, Some("Exception ignored in trace function"), hook);
        }
    }
    if vm.profile.on {
        crate::profile::frame_leaving(vm, ret);
    }
}

/// The traced loop has something to do before an instruction: a trace function is
/// on, or an error of its 'call' event waits to be raised.
#[inline]
pub fn active(vm: &Vm) -> bool {
    vm.trace.on || vm.trace.pending.is_some()
}

/// The error a 'call' event left for its frame to raise, if any.
pub fn take_pending(vm: &mut Vm) -> Option<PyErr> {
    vm.trace.pending.take()
}

/// 'call': the global function is called, and what it returns becomes the frame's
/// `f_trace` (None leaves the frame untraced).
fn call_event(vm: &mut Vm) -> PyResult<()> {
    let hook = vm.trace.obj;
    let i = vm.frames.len() - 1;
    let fo = crate::frame::object_of(vm, i);
    let r = call_trace(vm, hook, fo, "call", Value::NULL)?;
    if r != vm.none {
        fobj(fo).trace.set(r);
    }
    Ok(())
}

/// Calls the top frame's `f_trace`, if it has one, with `event` and `arg`; what it
/// returns other than None becomes the new `f_trace`.
fn local_event(vm: &mut Vm, event: &str, arg: Value) -> PyResult<()> {
    let Some(f) = vm.frames.last() else { return Ok(()) };
    let fo = f.obj;
    let Some(o) = fo.downcast::<FrameObj>() else { return Ok(()) };
    let local = o.trace.get();
    if local.is_null() {
        return Ok(());
    }
    let r = call_trace(vm, local, fo, event, arg)?;
    if r != vm.none {
        o.trace.set(r);
    }
    Ok(())
}

/// `func(frame, event, arg)` with events off, the frame's `f_locals` brought up to
/// date before and written back to its fast locals after (what a debugger's
/// assignments go through). An error removes the trace function and `f_trace`.
fn call_trace(vm: &mut Vm, func: Value, fo: Value, event: &str, arg: Value) -> PyResult {
    let ev = vm.intern(event);
    let arg = if arg.is_null() { vm.none } else { arg };
    // What a jump checks, while this call runs (CPython's `tracing_what`).
    let what = match event {
        "call" => Event::Call,
        "line" => Event::Line,
        "exception" => Event::Exception,
        _ => Event::Other,
    };
    let at = crate::interp::frames_now(vm).iter().rposition(|f| f.obj == fo).unwrap_or(usize::MAX);
    let outer = (std::mem::replace(&mut vm.trace.what, what), std::mem::replace(&mut vm.trace.what_frame, at));
    let r = with_events_off(vm, |vm| {
        crate::frame::locals_of(vm, fo)?;
        let r = crate::call::call(vm, func, &[fo, ev, arg]);
        crate::frame::locals_to_fast(vm, fo)?;
        r
    });
    (vm.trace.what, vm.trace.what_frame) = outer;
    if r.is_err() {
        set(vm, Value::NULL);
        fobj(fo).trace.set(Value::NULL);
    }
    r
}

/// Before the traced loop runs instruction `i` of the top frame, whose instruction
/// run before was `prev` (`ENTRY` for none): a 'line' event when `i` starts
/// another line than `prev`'s or is reached by a jump backwards (but not the
/// `Send` a `yield from` loops on), then an 'opcode' event if asked for.
/// Ok(Some(target)) when the 'line' event moved the frame (`request_jump`): its
/// stack was cut (`vm.stack.sp`) and it goes on at instruction `target`.
pub fn instruction(vm: &mut Vm, code: &crate::function::CodeObj, i: usize, prev: usize) -> PyResult<Option<usize>> {
    if let Some(e) = take_pending(vm) {
        return Err(e);
    }
    if !vm.trace.on {
        return Ok(None);
    }
    let Some(o) = vm.frames.last().and_then(|f| f.obj.downcast::<FrameObj>()) else { return Ok(None) };
    if o.trace.get().is_null() {
        return Ok(None);
    }
    let mut target = None;
    if o.trace_lines.get() && starts_line(code, i, prev) {
        let sp = vm.stack.sp;
        let r = local_event(vm, "line", Value::NULL);
        let jump = vm.trace.jump.take();
        if let Err(e) = r {
            if let (Some(j), Some(f)) = (jump, vm.frames.last_mut()) {
                f.lasti = j.from;
            }
            return Err(e);
        }
        target = jump.map(|j| make_jump(vm, j.jump, sp));
    }
    if o.trace_opcodes.get() {
        local_event(vm, "opcode", Value::NULL)?;
    }
    Ok(target)
}

/// Assigning `f_lineno` of `frame` (a frame object) from a trace function: checks
/// it may move (CPython's restrictions and messages) and keeps the jump for when
/// the trace function returns. `line` is None when it does not fit a C int.
pub fn request_jump(vm: &mut Vm, frame: Value, line: Option<i64>) -> PyResult<()> {
    match vm.trace.what {
        Event::Line => {}
        Event::Call => return Err(vm.value_error("can't jump from the 'call' trace event of a new frame")),
        Event::Exception | Event::Other => return Err(vm.value_error("can only jump from a 'line' trace event")),
    }
    let i = vm.trace.what_frame;
    let traced = vm.hook_depth > 0 && !fobj(frame).trace.get().is_null();
    let Some(f) = crate::interp::frames_now(vm).get(i).filter(|f| traced && f.obj == frame) else {
        return Err(vm.value_error("f_lineno can only be set by a trace function"));
    };
    let from = f.lasti;
    let code = f.code_obj().code.clone();
    let Some(line) = line else { return Err(vm.value_error("lineno out of range")) };
    let jump = compiler::jumps::jump_to_line(&code, from, line).map_err(|m| vm.value_error(m))?;
    vm.frames[i].lasti = jump.target;
    let from = vm.trace.jump.take().map_or(from, |j| j.from);
    vm.trace.jump = Some(PendingJump { jump, from });
    Ok(())
}

/// Moves the top frame, whose stack was `sp` high, as `jump` says: what it pops of
/// a handler's saved exceptions is handled again, as when the handler ends.
fn make_jump(vm: &mut Vm, jump: compiler::jumps::Jump, mut sp: usize) -> usize {
    let none = vm.none;
    // The model's depth is the verified one; never below the frame's own stack.
    let floor = vm.frames.last().map_or(sp, |f| f.stack_base);
    for kind in &jump.pops {
        if sp <= floor {
            break;
        }
        sp -= 1;
        if *kind == compiler::jumps::Kind::Except {
            let v = vm.stack.get(sp);
            if let Some(f) = vm.frames.last_mut() {
                f.handled = if v == none { Value::NULL } else { v };
            }
        }
    }
    vm.stack.sp = sp;
    if let Some(f) = vm.frames.last_mut() {
        f.lasti = jump.target;
    }
    jump.target
}

fn starts_line(code: &crate::function::CodeObj, i: usize, prev: usize) -> bool {
    let line_of = |j: usize| code.code.locations.get(j).map_or(0, |l| l.line);
    let line = line_of(i);
    if line == 0 {
        return false;
    }
    // The first instruction run starts a line.
    if prev == ENTRY {
        return true;
    }
    let ins = code.instrs[i];
    // A loop's own jump back to its head (not a `continue`) has the head's line here,
    // and none of its own in CPython: the head it reaches starts the line.
    if ins.op == Op::JumpBackward && line_of(ins.arg as usize) == line {
        return false;
    }
    line != line_of(prev) || (i < prev && ins.op != Op::Send)
}

/// An exception was raised in the top frame or came into it from a call: an
/// 'exception' event with `(type, value, traceback)`. The error to go on with:
/// `err`, or one the trace function raised.
#[cold]
#[inline(never)]
pub fn exception(vm: &mut Vm, err: PyErr) -> PyErr {
    let e = err.0;
    let ty = vm.type_of(e);
    let tb = crate::exceptions::traceback_of(vm, e);
    let arg = crate::tuple::new_tuple(vm, vec![ty, e, tb]);
    match local_event(vm, "exception", arg) {
        Ok(()) => err,
        Err(new) => new,
    }
}

/// A generator the top frame's `for` loop ran returned `value`: an 'exception'
/// event with its StopIteration (CPython sets one when the value is not None);
/// Err with what the trace function raised.
#[cold]
#[inline(never)]
pub fn stop_iteration(vm: &mut Vm, value: Value) -> PyResult<()> {
    let stop = vm.stop_iteration(value);
    let after = exception(vm, stop);
    if after.0 == stop.0 {
        Ok(())
    } else {
        Err(after)
    }
}

fn fobj(v: Value) -> &'static FrameObj {
    v.downcast::<FrameObj>().expect("frame object")
}

/// `sys.settrace(function)`.
pub fn sys_settrace(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "sys.settrace", 1, 1)?;
    let f = if a[0] == vm.none { Value::NULL } else { a[0] };
    set(vm, f);
    Ok(vm.none)
}

/// `sys.gettrace()`.
pub fn sys_gettrace(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "sys.gettrace", 0, 0)?;
    let h = get(vm);
    Ok(if h.is_null() { vm.none } else { h })
}

/// `sys.call_tracing(func, args)`: `func(*args)` as if no hook were running, so
/// that one set meanwhile (a debugger debugging its own command) reports events;
/// until one is set, events stay off as they are in a hook (CPython keeps
/// `use_tracing` off).
pub fn sys_call_tracing(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "call_tracing", 2, 2)?;
    let Some(items) = a[1].downcast::<crate::tuple::TupleObj>().map(|t| t.items.to_vec()) else {
        let m = format!("call_tracing() argument 2 must be tuple, not {}", vm.type_name(a[1]));
        return Err(vm.type_error(m));
    };
    let saved = std::mem::replace(&mut vm.hook_depth, 0);
    let r = crate::call::call(vm, a[0], &items);
    vm.hook_depth = saved;
    vm.update_hooks();
    std::hint::black_box(a[1]);
    r
}
