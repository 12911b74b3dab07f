//! Generators, coroutines and async generators: a suspended frame with its slots,
//! resumed by `send`/`throw`/`close` (and `yield from`/`await` delegation, with
//! CPython 3.11's rules: PEP 479, PEP 492, PEP 525).
//!
//! While suspended, a generator owns its frame and the frame's slots (locals,
//! cells, value stack); resuming copies them back onto the VM stack at its top.

use crate::exceptions;
use crate::gc::{Trace, Tracer};
use crate::interp::{Exit, Frame};
use crate::object::{Args, PyErr, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::Op;
use compiler::code::flags;
use std::cell::{Cell, RefCell};

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

pub struct Suspended {
    pub frame: Frame,
    pub slots: Vec<Value>,
}

pub struct GenObj {
    pub kind: GenKind,
    pub state: RefCell<Option<Suspended>>,
    /// While running: the slot buffer of the last suspension, kept empty for the next.
    pub spare: Cell<Vec<Value>>,
    pub running: Cell<bool>,
    pub started: Cell<bool>,
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    pub code: Cell<Value>,
    /// Made running by `start_awaited` and seen by nothing but its awaiter's stack
    /// slot and its frame since: reusable once it returns (`recycle`).
    pub fresh: Cell<bool>,
    /// Async generators: a `athrow`/`aclose` is in progress or the generator hooks
    /// ran (kept simple: whether `aclose` finished it).
    pub closed: Cell<bool>,
    /// Async generators: the asyncgen hooks ran; the finalizer hook they kept.
    pub hooks_inited: Cell<bool>,
    pub finalizer: Cell<Value>,
    /// Coroutines: `cr_origin`, the frames that made it (NULL: not tracked).
    pub origin: Cell<Value>,
}

impl Trace for GenObj {
    fn trace(&self, t: &mut Tracer) {
        if let Ok(s) = self.state.try_borrow() {
            if let Some(s) = s.as_ref() {
                s.frame.trace(t);
                s.slots.trace(t);
            }
        } else {
            t.poisoned_borrow = true;
        }
        t.value(self.name.get());
        t.value(self.qualname.get());
        t.value(self.code.get());
        t.value(self.finalizer.get());
        t.value(self.origin.get());
    }
}
payload!(GenObj, "generator");

fn gobj(v: Value) -> &'static GenObj {
    v.downcast::<GenObj>().expect("generator")
}

/// A new generator, coroutine or async generator owning `frame` (whose slots are
/// at the top of the VM stack).
pub fn new_generator(vm: &mut Vm, frame: Frame) -> Value {
    let slots = vm.stack.copy_range(frame.base, vm.stack.len()).collect();
    let base = frame.base;
    let (code, func) = (frame.code, frame.func);
    let g = alloc_gen(vm, code, func, Some(Suspended { frame, slots }));
    vm.stack.truncate(base);
    // Its frame object (`gi_frame` before the first `send`) knows its generator.
    if let Some(s) = gobj(g).state.borrow_mut().as_mut() {
        s.frame.gen = g;
    }
    if gobj(g).kind == GenKind::Coroutine {
        // Collected before it ever runs, it warns that it was never awaited.
        vm.heap.set_has_del(g);
        if vm.coro_origin_depth > 0 {
            let origin = origin_frames(vm);
            gobj(g).origin.set(origin);
        }
    }
    g
}

/// `cr_origin` of a coroutine made now: `(filename, line, function)` of the frames
/// that called its function, innermost first, up to the tracking depth.
fn origin_frames(vm: &mut Vm) -> Value {
    let depth = vm.coro_origin_depth;
    let frames: Vec<(Value, i64, Value)> = crate::interp::frames_now(vm)
        .iter()
        .rev()
        .take(depth)
        .map(|f| {
            let co = f.code_obj();
            (co.filename, f.lineno() as i64, co.name)
        })
        .collect();
    // A rooted buffer: each tuple must live through the next ones' allocations.
    let items = crate::list::ValueBuf::new(vm);
    for (file, line, name) in frames {
        let l = crate::int::from_i64(vm, line);
        let t = crate::tuple::new_tuple(vm, vec![file, l, name]);
        items.push(t);
    }
    items.into_tuple(vm)
}

/// The generator object of `code` run by `func`: suspended before its start, or
/// already running when `state` is None.
#[inline(always)]
fn alloc_gen(vm: &mut Vm, code_v: Value, func: Value, state: Option<Suspended>) -> Value {
    let code = code_v.downcast::<crate::function::CodeObj>().expect("code object");
    let (kind, ty) = if code.code.flags & flags::COROUTINE != 0 {
        (GenKind::Coroutine, vm.t.coroutine)
    } else if code.code.flags & flags::ASYNC_GENERATOR != 0 {
        (GenKind::AsyncGenerator, vm.t.async_generator)
    } else {
        (GenKind::Generator, vm.t.generator)
    };
    let (name, qualname) = names(code_v, func);
    let running = state.is_none();
    vm.alloc(
        ty,
        GenObj {
            kind,
            state: RefCell::new(state),
            spare: Cell::new(Vec::new()),
            running: Cell::new(running),
            started: Cell::new(running),
            name: Cell::new(name),
            qualname: Cell::new(qualname),
            code: Cell::new(code_v),
            fresh: Cell::new(false),
            closed: Cell::new(false),
            hooks_inited: Cell::new(false),
            finalizer: Cell::new(Value::NULL),
            origin: Cell::new(Value::NULL),
        },
    )
}

/// `await f(...)` where `f` is a coroutine function whose arguments were bound in
/// place, with the frame's slots at `frame.base..` on top of the VM stack, the
/// caller's stack `top` high before its call, and the caller's next instructions
/// `GetAwaitable`, `LoadConst None`, `Send` (the code of every `await` of a call):
/// makes the coroutine already running, in the state that `Send` would have entered
/// it, without copying the frame's slots into the coroutine and back out. The
/// caller's stack holds the coroutine where the call leaves its result and the
/// `None` sent above it, its `pc` is past the `Send`, and the frame is pushed with
/// its slots moved up to just above them. The frame comes back untouched when the
/// caller does something else with the coroutine, or when
/// entering it would raise (the `Send` raises then, as it would have).
pub fn start_awaited(vm: &mut Vm, mut frame: Frame, top: usize) -> PyResult<Option<Frame>> {
    debug_assert!(frame.code_obj().code.flags & flags::COROUTINE != 0);
    let caller = vm.frames.last().expect("a calling frame");
    let (ccode, pc) = (caller.code_obj(), caller.pc);
    let (call, awaited) = match ccode.instrs.get(pc.wrapping_sub(1)..pc + 3) {
        Some(&[call, get, none, send]) => (call, {
            matches!(call.op, Op::Call | Op::CallMethod)
                && get.op == Op::GetAwaitable
                && get.arg == 0
                && none.op == Op::LoadConst
                && ccode.consts.get(none.arg as usize) == Some(&vm.none)
                && send.op == Op::Send
        }),
        _ => return Ok(Some(frame)),
    };
    if !awaited {
        return Ok(Some(frame));
    }
    // Where the call leaves its result: below the callable and its arguments, and
    // below the NULL or method slot of `CallMethod`.
    let ret_sp = top - call.arg as usize - if call.op == Op::CallMethod { 2 } else { 1 };
    let code = frame.code_obj();
    let base = ret_sp + 2;
    if !vm.can_enter_inline_call()
        || vm.hooked
        || vm.coro_origin_depth > 0
        || crate::interp::ensure_stack_room(vm, base + code.frame_size).is_err()
    {
        return Ok(Some(frame));
    }
    // Allocated while the arguments are still rooted below the stack height.
    let g = match vm.spare_coroutines.pop() {
        Some(g) => reuse_coroutine(g, frame.code, frame.func),
        None => alloc_gen(vm, frame.code, frame.func, None),
    };
    gobj(g).fresh.set(true);
    let nslots = code.nslots;
    // Up by 0 to 2 slots (the arguments start at `ret_sp`, `+ 1` or `+ 2` by the
    // kind of call), so from the top down.
    debug_assert!(frame.base <= base);
    for i in (0..nslots).rev() {
        vm.stack.set(base + i, vm.stack.get(frame.base + i));
    }
    vm.stack.set(ret_sp, g);
    vm.stack.set(ret_sp + 1, vm.none);
    vm.stack.sp = base + nslots;
    let caller = vm.frames.last_mut().expect("a calling frame");
    caller.pc = pc + 3;
    vm.top_ip = caller.ins_at(pc + 2);
    vm.enter_inline_call()?;
    frame.base = base;
    frame.stack_base = base + nslots;
    frame.gen = g;
    frame.ret_sp = ret_sp + 1;
    crate::interp::push_frame(vm, frame);
    Ok(None)
}

/// `__name__` and `__qualname__` of a generator: its function's, else its code's.
fn names(code: Value, func: Value) -> (Value, Value) {
    match func.downcast::<crate::function::FunctionObj>() {
        Some(f) => (f.name.get(), f.qualname.get()),
        None => {
            let c = code.downcast::<crate::function::CodeObj>().expect("code object");
            (c.name, c.qualname)
        }
    }
}

/// A recycled coroutine object made new for `code` run by `func`, running.
fn reuse_coroutine(g: Value, code: Value, func: Value) -> Value {
    let o = gobj(g);
    let (name, qualname) = names(code, func);
    o.name.set(name);
    o.qualname.set(qualname);
    o.code.set(code);
    o.running.set(true);
    o.started.set(true);
    g
}

/// Keeps for reuse a coroutine `start_awaited` made that returned and that nothing
/// else saw (`fresh`): the only reference left is its awaiter's stack slot, about to
/// take the return value (`finish`).
#[inline(never)]
fn recycle(vm: &mut Vm, g: Value) {
    let o = gobj(g);
    if vm.spare_coroutines.len() < 16 {
        o.fresh.set(false);
        o.name.set(Value::NULL);
        o.qualname.set(Value::NULL);
        o.code.set(Value::NULL);
        vm.spare_coroutines.push(g);
    }
}

/// Before the heap is handed to Python code (`gc.get_objects`, `get_referrers`,
/// `get_referents`): the running coroutines may be seen from now on, and the spare
/// ones must not be reused, since they may be seen too.
pub fn forget_fresh(vm: &mut Vm) {
    for f in &vm.frames {
        if let Some(g) = f.gen.downcast::<GenObj>() {
            g.fresh.set(false);
        }
    }
    vm.spare_coroutines.clear();
}

fn what(kind: GenKind) -> &'static str {
    match kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async generator",
    }
}

/// Resumes `gen` with `sent` (or by raising `throw` at the suspension point).
pub fn resume(vm: &mut Vm, gen: Value, sent: Value, throw: Option<PyErr>) -> PyResult<Exit> {
    resume_into(vm, gen, sent, throw, None)
}

/// `resume`, with the items the frame yields offered to `sink` first (`for_each`).
fn resume_into(vm: &mut Vm, gen: Value, sent: Value, throw: Option<PyErr>, sink: Option<&mut Sink>) -> PyResult<Exit> {
    let g = gobj(gen);
    if let Some(e) = throw {
        if !g.running.get() && g.state.borrow().is_none() {
            if g.kind == GenKind::Coroutine {
                return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
            }
            return Err(e);
        }
        enter(vm, gen, Value::NULL, vm.stack.len(), false)?;
        exceptions::chain_thrown(vm, e.0);
        let r = crate::interp::eval(vm, Some(e), None);
        return leave(vm, g, r);
    }
    enter(vm, gen, sent, vm.stack.len(), false)?;
    let r = crate::interp::eval(vm, None, sink);
    leave(vm, g, r)
}

/// Takes the generator frame `eval` ran off `vm.frames`: suspended again if it
/// yielded, finished otherwise.
fn leave(vm: &mut Vm, g: &GenObj, r: PyResult<Exit>) -> PyResult<Exit> {
    match r {
        Ok(Exit::Yield(v)) => {
            suspend(vm, g, v);
            Ok(Exit::Yield(v))
        }
        Ok(Exit::Return(v)) => {
            finish(vm, g, v);
            Ok(Exit::Return(v))
        }
        Err(e) => {
            finish(vm, g, Value::NULL);
            Err(convert_stop(vm, g.kind, e))
        }
    }
}

/// Puts `gen`'s suspended frame back on `vm.frames` with its slots on top of the VM
/// stack, `sent` pushed as the value of its `yield` (unless it has not started or
/// `sent` is NULL, for a throw). `ret_sp` is the caller's stack height to go back
/// to; `inline` says the caller's dispatch loop runs the frame (no native recursion).
pub fn enter(vm: &mut Vm, gen: Value, sent: Value, ret_sp: usize, inline: bool) -> PyResult<()> {
    let g = gobj(gen);
    if g.running.get() {
        return Err(vm.value_error(format!("{} already executing", what(g.kind))));
    }
    let Some(mut s) = g.state.borrow_mut().take() else {
        return Err(match g.kind {
            GenKind::Coroutine => vm.runtime_error("cannot reuse already awaited coroutine"),
            GenKind::AsyncGenerator => vm.new_exc_noargs(vm.e.stop_async_iteration),
            GenKind::Generator => vm.stop_iteration(Value::NULL),
        });
    };
    let started = g.started.get();
    if !started && !sent.is_null() && sent != vm.none {
        let msg = format!("can't send non-None value to a just-started {}", what(g.kind));
        *g.state.borrow_mut() = Some(s);
        return Err(vm.type_error(msg));
    }
    let entered = if inline { vm.enter_inline_call() } else { vm.enter_recursion("") };
    if let Err(e) = entered {
        // As in CPython, the frame was entered and unwound at once: the generator
        // is finished (a coroutine then counts as awaited).
        drop(s);
        return Err(e);
    }
    let base = vm.stack.len();
    if let Err(e) = crate::interp::ensure_stack_room(vm, base + s.slots.len() + s.frame.code_obj().code.stacksize as usize) {
        vm.leave_recursion();
        *g.state.borrow_mut() = Some(s);
        return Err(e);
    }
    let delta = base as isize - s.frame.base as isize;
    s.frame.base = base;
    s.frame.stack_base = (s.frame.stack_base as isize + delta) as usize;
    s.frame.gen = gen;
    s.frame.ret_sp = ret_sp;
    vm.stack.extend_from_slice(&s.slots);
    // The slot buffer is kept for the next suspension (no allocation per yield).
    s.slots.clear();
    g.spare.set(s.slots);
    if started && !sent.is_null() {
        vm.stack.push(sent);
    }
    g.started.set(true);
    g.running.set(true);
    crate::interp::push_frame(vm, s.frame);
    if vm.hooked {
        crate::trace::frame_entered(vm);
    }
    Ok(())
}

/// Takes `g`'s running frame (the top one, stopped at a `yield` of `yielded` with the
/// stack synced) off `vm.frames` and keeps it and its slots; the caller's stack height
/// to go back to.
pub fn suspend(vm: &mut Vm, g: &GenObj, yielded: Value) -> usize {
    // Its line while suspended: the `yield` (`pc` is past it).
    if let Some(f) = vm.frames.last_mut() {
        f.lasti = f.pc.saturating_sub(1);
    }
    let frame = crate::interp::pop_frame(vm, yielded);
    g.fresh.set(false);
    needs_finalizing(vm, g, &frame);
    let mut slots = g.spare.take();
    slots.extend(vm.stack.copy_range(frame.base, vm.stack.len()));
    vm.stack.truncate(frame.base);
    g.running.set(false);
    vm.leave_recursion();
    let ret_sp = frame.ret_sp;
    *g.state.borrow_mut() = Some(Suspended { frame, slots });
    ret_sp
}

/// A generator suspended inside a `try` or `with` block must be closed if it is
/// collected suspended, so that its handlers run (CPython's `_PyGen_Finalize`):
/// such a generator is registered with the collector's finalizers (`finalize`).
/// Elsewhere, closing it would only raise GeneratorExit through the frame.
fn needs_finalizing(vm: &mut Vm, g: &GenObj, frame: &Frame) {
    if g.kind == GenKind::AsyncGenerator || frame.pc == 0 {
        return;
    }
    let Some(gen) = frame.gen.header() else { return };
    if !gen.has_flag(crate::gc::flag::HAS_DEL) && crate::interp::find_handler(frame.code_obj(), frame.pc - 1).is_some() {
        vm.heap.set_has_del(frame.gen);
    }
}

/// Finalizes a suspended generator or coroutine the collector found unreachable:
/// closes it, reporting errors to `sys.unraisablehook`.
pub fn finalize(vm: &mut Vm, gen: Value) {
    let g = gobj(gen);
    if g.kind == GenKind::Coroutine && !g.started.get() && g.state.borrow().is_some() {
        return warn_unawaited(vm, gen);
    }
    if let Err(e) = close(vm, gen) {
        crate::unraisable::write_unraisable(vm, e, None, gen);
    }
}

/// CPython's `_PyErr_WarnUnawaitedCoroutine`: the RuntimeWarning for a coroutine
/// collected before it ever ran, through `warnings._warn_unawaited_coroutine`
/// (which adds where the coroutine was created when `cr_origin` is kept).
fn warn_unawaited(vm: &mut Vm, coro: Value) {
    let warned = match crate::import::import_simple(vm, "warnings")
        .and_then(|m| crate::attr::getattr_str(vm, m, "_warn_unawaited_coroutine"))
        .and_then(|f| crate::call::call(vm, f, &[coro]))
    {
        Ok(_) => true,
        Err(e) => {
            let warning = exceptions::is_instance_of(vm, e.0, vm.e.runtime_warning);
            crate::unraisable::write_unraisable(vm, e, None, coro);
            warning
        }
    };
    if !warned {
        let qualname = crate::str::as_str(gobj(coro).qualname.get()).unwrap_or("?").to_owned();
        let msg = format!("coroutine '{qualname}' was never awaited");
        if let Err(e) = crate::modules::warnings::warn_str(vm, vm.e.runtime_warning, &msg, 1) {
            crate::unraisable::write_unraisable(vm, e, None, coro);
        }
    }
}

/// Takes `g`'s finished frame (the top one) off `vm.frames`, which returned `ret`
/// (NULL: raised); the caller's stack height to go back to. A `fresh` coroutine
/// returned: it is recycled.
pub fn finish(vm: &mut Vm, g: &GenObj, ret: Value) -> usize {
    let frame = crate::interp::pop_frame(vm, ret);
    vm.stack.truncate(frame.base);
    g.running.set(false);
    vm.leave_recursion();
    if g.fresh.get() {
        recycle(vm, frame.gen);
    }
    frame.ret_sp
}

/// `finish` for a frame the exception `e` leaves: the caller's stack height and the
/// exception to raise there (PEP 479 applied).
pub fn finish_raising(vm: &mut Vm, gen: Value, e: PyErr) -> (usize, PyErr) {
    let g = gobj(gen);
    // Its awaiter's stack slot stays until a handler unwinds it: not reusable.
    g.fresh.set(false);
    let ret_sp = finish(vm, g, Value::NULL);
    (ret_sp, convert_stop(vm, g.kind, e))
}

/// Whether the dispatch loop can run `v`'s frame itself for `ForIter` (`send` false)
/// or `Send`: a suspended plain generator (or coroutine, for `Send`) not running.
#[inline]
pub fn runs_inline(vm: &Vm, v: Value, send: bool) -> bool {
    let Some(g) = v.downcast::<GenObj>() else { return false };
    let t = vm.type_of(v);
    (t == vm.t.generator || (send && t == vm.t.coroutine)) && !g.running.get() && g.state.borrow().is_some()
}

/// The generator object of a frame the dispatch loop resumed itself.
pub fn of_frame(v: Value) -> &'static GenObj {
    gobj(v)
}

/// A consumer of a generator's items that takes them inside the generator's frame,
/// without suspending it per item (`for_each`). `take(vm, item, in_frame)` returns
/// Ok(false) to decline an item while `in_frame` (the frame is live above it): it
/// must decline anything whose taking could run Python code or otherwise observe the
/// frame, so that taking there is indistinguishable from taking after a suspension.
/// The declined item is yielded normally and offered again with `in_frame` false.
pub struct Sink<'a> {
    pub take: &'a mut dyn FnMut(&mut Vm, Value, bool) -> PyResult<bool>,
    /// An error `take` raised inside the frame: the frame was suspended at its yield.
    pub error: Option<PyErr>,
}

/// Feeds every item of the iterator `it` to `take` (see `Sink`); an exact generator
/// runs in one `eval` for all the items `take` accepts in its frame.
pub fn for_each(vm: &mut Vm, it: Value, take: &mut dyn FnMut(&mut Vm, Value, bool) -> PyResult<bool>) -> PyResult<()> {
    if vm.type_of(it) != vm.t.generator {
        while let Some(v) = crate::ops::next(vm, it)? {
            take(vm, v, false)?;
        }
        return Ok(());
    }
    let mut sink = Sink { take, error: None };
    loop {
        let r = resume_into(vm, it, vm.none, None, Some(&mut sink));
        match exhausted(vm, it, r)? {
            Some(v) => {
                if let Some(e) = sink.error.take() {
                    return Err(e);
                }
                (sink.take)(vm, v, false)?;
            }
            None => return Ok(()),
        }
    }
}

/// PEP 479: StopIteration leaving a generator becomes RuntimeError.
fn convert_stop(vm: &mut Vm, kind: GenKind, e: PyErr) -> PyErr {
    let (is_stop, msg) = if exceptions::is_instance_of(vm, e.0, vm.e.stop_iteration) {
        (true, format!("{} raised StopIteration", what(kind)))
    } else if kind == GenKind::AsyncGenerator && exceptions::is_instance_of(vm, e.0, vm.e.stop_async_iteration) {
        (true, "async generator raised StopAsyncIteration".to_string())
    } else {
        (false, String::new())
    };
    if !is_stop {
        return e;
    }
    let r = vm.runtime_error(msg);
    exceptions::set_cause(vm, r.0, e.0);
    exceptions::set_context(vm, r.0, e.0);
    r
}

/// `next(gen)` for the interpreter's fast path: Some(yielded) or None when done.
pub fn next_value(vm: &mut Vm, gen: Value) -> PyResult<Option<Value>> {
    let r = resume(vm, gen, vm.none, None);
    exhausted(vm, gen, r)
}

/// A resumption's result as `next` sees it: the yielded value, or None when the
/// generator returned or was already finished.
fn exhausted(vm: &mut Vm, gen: Value, r: PyResult<Exit>) -> PyResult<Option<Value>> {
    match r {
        Ok(Exit::Yield(v)) => Ok(Some(v)),
        Ok(Exit::Return(_)) => Ok(None),
        Err(e) if gobj(gen).state.borrow().is_none() && exceptions::is_instance_of(vm, e.0, vm.e.stop_iteration) && !gobj(gen).running.get() => {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `gen.send(v)` as Python sees it: the yielded value, or StopIteration(return).
fn send_py(vm: &mut Vm, gen: Value, v: Value) -> PyResult {
    match resume(vm, gen, v, None)? {
        Exit::Yield(y) => Ok(y),
        Exit::Return(r) => Err(stop_with(vm, gobj(gen).kind, r)),
    }
}

fn stop_with(vm: &mut Vm, kind: GenKind, r: Value) -> PyErr {
    if kind == GenKind::AsyncGenerator {
        return vm.new_exc_noargs(vm.e.stop_async_iteration);
    }
    if r == vm.none {
        vm.stop_iteration(Value::NULL)
    } else {
        vm.stop_iteration(r)
    }
}

/// The object a suspended generator delegates to (`gi_yieldfrom`), if any.
pub fn delegate(g: &GenObj) -> Option<Value> {
    let st = g.state.borrow();
    let s = st.as_ref()?;
    let instrs = &s.frame.code_obj().code.instructions;
    let pc = s.frame.pc;
    if pc >= 2 && instrs[pc - 1].op == Op::YieldValue && instrs[pc - 2].op == Op::Send {
        return s.slots.last().copied();
    }
    None
}

/// Drops the delegate from the suspended frame and moves it past its `Send` loop,
/// as CPython does when the delegate finishes during `throw`.
fn leave_delegation(g: &GenObj) {
    let mut st = g.state.borrow_mut();
    let s = st.as_mut().expect("suspended");
    let instrs = &s.frame.code_obj().code.instructions;
    let send = instrs[s.frame.pc - 2];
    s.slots.pop();
    s.frame.pc = send.arg as usize;
}

/// `gen.throw(exc)`.
pub fn throw(vm: &mut Vm, gen: Value, exc: PyErr) -> PyResult {
    let g = gobj(gen);
    if let Some(d) = delegate(g) {
        let is_exit = exceptions::is_instance_of(vm, exc.0, vm.e.generator_exit);
        g.running.set(true);
        let r = if is_exit {
            close_delegate(vm, d).map(|_| None)
        } else if d.is::<GenObj>() {
            throw(vm, d, exc).map(Some)
        } else {
            match { let __n = vm.intern("throw"); crate::attr::getattr_opt(vm, d, __n) } {
                Ok(Some(t)) => crate::call::call(vm, t, &[exc.0]).map(Some),
                Ok(None) => Ok(None),
                Err(e) => {
                    // A failed lookup leaves the generator suspended (CPython's _gen_throw).
                    g.running.set(false);
                    return Err(e);
                }
            }
        };
        g.running.set(false);
        match r {
            Ok(Some(y)) => return Ok(y),
            Ok(None) => {}
            Err(e) => {
                leave_delegation(g);
                if exceptions::is_instance_of(vm, e.0, vm.e.stop_iteration) {
                    let val = exceptions::stop_iteration_value(vm, e.0);
                    return send_py(vm, gen, val);
                }
                return resume_throw(vm, gen, e);
            }
        }
    }
    resume_throw(vm, gen, exc)
}

fn resume_throw(vm: &mut Vm, gen: Value, exc: PyErr) -> PyResult {
    match resume(vm, gen, Value::NULL, Some(exc))? {
        Exit::Yield(y) => Ok(y),
        Exit::Return(r) => Err(stop_with(vm, gobj(gen).kind, r)),
    }
}

fn close_delegate(vm: &mut Vm, d: Value) -> PyResult<()> {
    if d.is::<GenObj>() {
        return close(vm, d).map(|_| ());
    }
    // An error looking `close` up is unraisable (CPython's gen_close_iter).
    match { let __n = vm.intern("close"); crate::attr::getattr_opt(vm, d, __n) } {
        Ok(Some(c)) => crate::call::call(vm, c, &[]).map(|_| ()),
        Ok(None) => Ok(()),
        Err(e) => Ok(crate::unraisable::write_unraisable(vm, e, None, d)),
    }
}

/// `gen.close()`.
pub fn close(vm: &mut Vm, gen: Value) -> PyResult {
    let g = gobj(gen);
    if g.state.borrow().is_none() {
        return Ok(vm.none);
    }
    if !g.started.get() {
        *g.state.borrow_mut() = None;
        return Ok(vm.none);
    }
    let exit = vm.new_exc_noargs(vm.e.generator_exit);
    match throw(vm, gen, exit) {
        Ok(_) => {
            let msg = match g.kind {
                GenKind::AsyncGenerator => "async generator ignored GeneratorExit",
                GenKind::Coroutine => "coroutine ignored GeneratorExit",
                GenKind::Generator => "generator ignored GeneratorExit",
            };
            Err(vm.runtime_error(msg))
        }
        Err(e) if exceptions::is_instance_of(vm, e.0, vm.e.generator_exit)
            || exceptions::is_instance_of(vm, e.0, vm.e.stop_iteration)
            || exceptions::is_instance_of(vm, e.0, vm.e.stop_async_iteration) =>
        {
            Ok(vm.none)
        }
        Err(e) => Err(e),
    }
}

/// `Send`: sends `value` to `receiver`; Ok(yielded) or Err(returned value).
pub fn send_to(vm: &mut Vm, receiver: Value, value: Value) -> PyResult<Result<Value, Value>> {
    if receiver.is::<GenObj>() && gobj(receiver).kind != GenKind::AsyncGenerator {
        return match resume(vm, receiver, value, None)? {
            Exit::Yield(y) => Ok(Ok(y)),
            Exit::Return(r) => Ok(Err(r)),
        };
    }
    let r = if value == vm.none {
        crate::call::call_special(vm, receiver, "__next__", &[]).and_then(|r| {
            r.ok_or_else(|| { let __arg = format!("'{}' object is not an iterator", vm.type_name(receiver)); vm.type_error(__arg) })
        })
    } else {
        crate::call::call_method(vm, receiver, "send", &[value])
    };
    match r {
        Ok(y) => Ok(Ok(y)),
        Err(e) if exceptions::is_instance_of(vm, e.0, vm.e.stop_iteration) => Ok(Err(exceptions::stop_iteration_value(vm, e.0))),
        Err(e) => Err(e),
    }
}

/// `GetYieldFromIter`.
pub fn yield_from_iter(vm: &mut Vm, v: Value, code: &crate::function::CodeObj) -> PyResult {
    if let Some(g) = v.downcast::<GenObj>() {
        if g.kind == GenKind::Coroutine && code.code.flags & (flags::COROUTINE | flags::ITERABLE_COROUTINE) == 0 {
            return Err(vm.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
        }
        if g.kind != GenKind::AsyncGenerator {
            return Ok(v);
        }
    }
    crate::ops::iter(vm, v)
}

/// `GetAwaitable`: the iterator `await v` drives.
pub fn get_awaitable(vm: &mut Vm, v: Value, arg: usize) -> PyResult {
    if let Some(g) = v.downcast::<GenObj>() {
        if g.kind == GenKind::Coroutine {
            // Only a started coroutine can be delegating.
            if g.started.get() && delegate(g).is_some() {
                return Err(vm.runtime_error("coroutine is being awaited already"));
            }
            return Ok(v);
        }
        if g.kind == GenKind::Generator && g.code.get().downcast::<crate::function::CodeObj>().unwrap().code.flags & flags::ITERABLE_COROUTINE != 0 {
            return Ok(v);
        }
    }
    let ty = vm.type_of(v);
    let Some(aw) = crate::typeobj::lookup_str(vm, ty, "__await__") else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(match arg {
            1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {tn}"),
            2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {tn}"),
            _ => format!("object {tn} can't be used in 'await' expression"),
        }));
    };
    let it = crate::call::call_method_descr(vm, aw, v, Args::new(&[]))?;
    if it.downcast::<GenObj>().is_some_and(|g| g.kind == GenKind::Coroutine) {
        return Err(vm.type_error("__await__() returned a coroutine"));
    }
    let itt = vm.type_of(it);
    if crate::typeobj::lookup_str(vm, itt, "__next__").is_none() {
        return Err({ let __arg = format!("__await__() returned non-iterator of type '{}'", vm.type_name(it)); vm.type_error(__arg) });
    }
    Ok(it)
}

/// `BeforeAsyncWith`: the bound `__aexit__` and the awaitable of `__aenter__()`.
pub fn before_async_with(vm: &mut Vm, mgr: Value) -> PyResult<(Value, Value)> {
    let ty = vm.type_of(mgr);
    let enter = crate::typeobj::lookup_str(vm, ty, "__aenter__");
    let exit = crate::typeobj::lookup_str(vm, ty, "__aexit__");
    let (Some(enter), Some(exit)) = (enter, exit) else {
        return Err(crate::ops::not_a_context_manager(vm, mgr, "asynchronous ", enter.is_some(), "__aexit__"));
    };
    let bound_exit = crate::attr::bind_descriptor(vm, exit, mgr, ty)?;
    let r = crate::call::call_method_descr(vm, enter, mgr, Args::new(&[]))?;
    Ok((bound_exit, r))
}

/// `GetAiter`.
pub fn get_aiter(vm: &mut Vm, v: Value) -> PyResult {
    match crate::call::call_special(vm, v, "__aiter__", &[])? {
        Some(it) => {
            let t = vm.type_of(it);
            if crate::typeobj::lookup_str(vm, t, "__anext__").is_none() {
                return Err({ let __arg = format!(
                    "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                    vm.type_name(it)
                ); vm.type_error(__arg) });
            }
            Ok(it)
        }
        None => Err({ let __arg = format!(
            "'async for' requires an object with __aiter__ method, got {}",
            vm.type_name(v)
        ); vm.type_error(__arg) }),
    }
}

/// `GetAnext`: the awaitable of `aiter.__anext__()`.
pub fn get_anext(vm: &mut Vm, aiter: Value) -> PyResult {
    let Some(r) = crate::call::call_special(vm, aiter, "__anext__", &[])? else {
        return Err({ let __arg = format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            vm.type_name(aiter)
        ); vm.type_error(__arg) });
    };
    get_awaitable(vm, r, 0).map_err(|cause| {
        let m = format!("'async for' received an invalid object from __anext__: {}", vm.type_name(r));
        let e = vm.type_error(m);
        exceptions::set_cause(vm, e.0, cause.0);
        exceptions::set_context(vm, e.0, cause.0);
        e
    })
}

// ---- async generators --------------------------------------------------------------

/// A value yielded by `yield` in an async generator (AsyncGenWrap), as opposed to
/// one yielded by an `await` inside it.
pub struct Wrapped {
    pub value: Value,
}
impl Trace for Wrapped {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.value)
    }
}
payload!(Wrapped, "async_generator_wrapped_value");

pub fn wrap(vm: &mut Vm, v: Value) -> Value {
    let t = vm.t.object;
    vm.alloc(t, Wrapped { value: v })
}

/// The awaitable returned by `asend`/`__anext__`/`athrow`/`aclose`.
pub struct AsyncOp {
    pub gen: Value,
    pub value: Value,
    /// For athrow/aclose: the exception to throw first (NULL for asend).
    pub exc: Cell<Value>,
    pub is_close: bool,
    pub done: Cell<bool>,
    /// athrow/aclose (their reuse message differs); whether a first step was sent.
    pub throws: bool,
    pub stepped: Cell<bool>,
}
impl Trace for AsyncOp {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.gen);
        t.value(self.value);
        t.value(self.exc.get());
    }
}
payload!(AsyncOp, "async_generator_asend");

fn new_async_op(vm: &mut Vm, gen: Value, value: Value, exc: Value, is_close: bool) -> Value {
    let t = if exc.is_null() { vm.t.async_gen_asend } else { vm.t.async_gen_athrow };
    let throws = is_close || !exc.is_null();
    vm.alloc(t, AsyncOp { gen, value, exc: Cell::new(exc), is_close, done: Cell::new(false), throws, stepped: Cell::new(false) })
}

/// One step of an async generator operation: sends `v` (or throws) into the
/// generator and translates wrapped yields into StopIteration(value).
fn async_op_step(vm: &mut Vm, op: &AsyncOp, v: Value, throw_exc: Option<PyErr>) -> PyResult {
    if op.done.get() {
        let what = if op.throws { "aclose()/athrow()" } else { "__anext__()/asend()" };
        return Err(vm.runtime_error(format!("cannot reuse already awaited {what}")));
    }
    let pending = op.exc.replace(Value::NULL);
    let r = if !pending.is_null() {
        throw(vm, op.gen, PyErr(pending))
    } else if let Some(e) = throw_exc {
        throw(vm, op.gen, e)
    } else {
        // The first step sends asend's value (None for __anext__) unless given another.
        let first = !op.stepped.replace(true);
        let sv = if first && v == vm.none && !op.value.is_null() { op.value } else { v };
        match resume(vm, op.gen, sv, None) {
            Ok(Exit::Yield(y)) => Ok(y),
            Ok(Exit::Return(_)) => Err(vm.new_exc_noargs(vm.e.stop_async_iteration)),
            Err(e) => Err(e),
        }
    };
    match r {
        Ok(y) => {
            if let Some(w) = y.downcast::<Wrapped>() {
                op.done.set(true);
                if op.is_close {
                    return Err(vm.runtime_error("async generator ignored GeneratorExit"));
                }
                return Err(vm.stop_iteration(w.value));
            }
            Ok(y)
        }
        Err(e) => {
            op.done.set(true);
            if op.is_close
                && (exceptions::is_instance_of(vm, e.0, vm.e.stop_async_iteration)
                    || exceptions::is_instance_of(vm, e.0, vm.e.generator_exit))
            {
                return Err(vm.stop_iteration(Value::NULL));
            }
            Err(e)
        }
    }
}

fn aop(v: Value) -> &'static AsyncOp {
    v.downcast::<AsyncOp>().expect("async generator awaitable")
}

fn aop_send(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "send", 2, 2)?;
    async_op_step(vm, aop(a[0]), a[1], None)
}

fn aop_next(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__next__", 1, 1)?;
    let none = vm.none;
    async_op_step(vm, aop(a[0]), none, None)
}

fn aop_throw(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "throw", 2, 4)?;
    let e = exceptions::throw_args(vm, &a[1..])?;
    async_op_step(vm, aop(a[0]), Value::NULL, Some(e))
}

fn aop_close(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "close", 1, 1)?;
    aop(a[0]).done.set(true);
    Ok(vm.none)
}

/// `anext(it, default)`'s awaitable: drives the awaitable of `it.__anext__()` and
/// turns its StopAsyncIteration into a return of `default`.
pub struct AnextAwaitable {
    wrapped: Value,
    default: Value,
}
impl Trace for AnextAwaitable {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.wrapped);
        t.value(self.default);
    }
}
payload!(AnextAwaitable, "anext_awaitable");

pub fn new_anext_awaitable(vm: &mut Vm, wrapped: Value, default: Value) -> Value {
    let ty = vm.t.anext_awaitable;
    vm.alloc(ty, AnextAwaitable { wrapped, default })
}

/// The iterator behind the wrapped awaitable (`anextawaitable_getiter`).
fn anext_iter(vm: &mut Vm, aw: &AnextAwaitable) -> PyResult {
    if aw.wrapped.downcast::<GenObj>().is_some_and(|g| g.kind == GenKind::Coroutine) {
        return crate::call::call_method(vm, aw.wrapped, "__await__", &[]);
    }
    get_awaitable(vm, aw.wrapped, 0)
}

/// One step (`send`, `throw`) through the wrapped awaitable.
fn anext_step(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let a = args.pos();
    let aw = a[0].downcast::<AnextAwaitable>().expect("anext_awaitable");
    let it = anext_iter(vm, aw)?;
    match crate::call::call_method(vm, it, name, &a[1..]) {
        Ok(v) => Ok(v),
        Err(e) if exceptions::is_instance_of(vm, e.0, vm.e.stop_async_iteration) => {
            let d = aw.default;
            let exc = crate::call::call(vm, vm.e.stop_iteration, &[d])?;
            Err(PyErr(exc))
        }
        Err(e) => Err(e),
    }
}

fn anext_next(vm: &mut Vm, args: Args) -> PyResult {
    anext_step(vm, args, "__next__")
}
fn anext_send(vm: &mut Vm, args: Args) -> PyResult {
    anext_step(vm, args, "send")
}
fn anext_throw(vm: &mut Vm, args: Args) -> PyResult {
    anext_step(vm, args, "throw")
}
fn anext_close(vm: &mut Vm, args: Args) -> PyResult {
    anext_step(vm, args, "close")
}

fn self_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(a[0])
}

fn agen_anext(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__anext__", 1, 1)?;
    crate::asyncgen_hooks::init_hooks(vm, a[0])?;
    Ok(new_async_op(vm, a[0], Value::NULL, Value::NULL, false))
}

fn agen_asend(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "asend", 2, 2)?;
    crate::asyncgen_hooks::init_hooks(vm, a[0])?;
    Ok(new_async_op(vm, a[0], a[1], Value::NULL, false))
}

fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "athrow", 2, 4)?;
    crate::asyncgen_hooks::init_hooks(vm, a[0])?;
    let e = exceptions::throw_args(vm, &a[1..])?;
    Ok(new_async_op(vm, a[0], Value::NULL, e.0, false))
}

fn agen_aclose(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "aclose", 1, 1)?;
    crate::asyncgen_hooks::init_hooks(vm, a[0])?;
    let g = gobj(a[0]);
    if g.state.borrow().is_none() || !g.started.get() {
        *g.state.borrow_mut() = None;
        let op = new_async_op(vm, a[0], Value::NULL, Value::NULL, true);
        aop(op).done.set(false);
        let e = vm.new_exc_noargs(vm.e.generator_exit);
        aop(op).exc.set(e.0);
        return Ok(op);
    }
    let e = vm.new_exc_noargs(vm.e.generator_exit);
    Ok(new_async_op(vm, a[0], Value::NULL, e.0, true))
}

// ---- Python-visible methods ----------------------------------------------------------

fn gen_send(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "send", 2, 2)?;
    send_py(vm, a[0], a[1])
}

fn gen_next(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__next__", 1, 1)?;
    let none = vm.none;
    send_py(vm, a[0], none)
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "throw", 2, 4)?;
    let e = exceptions::throw_args(vm, &a[1..])?;
    throw(vm, a[0], e)
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "close", 1, 1)?;
    close(vm, a[0])
}

fn gen_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let g = gobj(a[0]);
    let q = crate::str::as_str(g.qualname.get()).unwrap_or("?").to_string();
    let s = format!("<{} object {} at {:#x}>", vm.type_name(a[0]), q, a[0].id());
    Ok(crate::str::new_str(vm, s))
}

fn gen_await(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__await__", 1, 1)?;
    let t = vm.t.coroutine_wrapper;
    Ok(vm.alloc(t, AsyncOp { gen: a[0], value: Value::NULL, exc: Cell::new(Value::NULL), is_close: false, done: Cell::new(false), throws: false, stepped: Cell::new(false) }))
}

fn wrapper_send(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "send", 2, 2)?;
    send_py(vm, aop(a[0]).gen, a[1])
}

fn wrapper_next(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__next__", 1, 1)?;
    let none = vm.none;
    send_py(vm, aop(a[0]).gen, none)
}

fn wrapper_throw(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "throw", 2, 4)?;
    let e = exceptions::throw_args(vm, &a[1..])?;
    throw(vm, aop(a[0]).gen, e)
}

fn wrapper_close(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "close", 1, 1)?;
    close(vm, aop(a[0]).gen)
}

fn get_name(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(gobj(v).name.get())
}
fn set_name(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    if crate::str::as_str(n).is_none() {
        return Err(vm.type_error("__name__ must be set to a string object"));
    }
    gobj(v).name.set(n);
    Ok(())
}
fn get_qualname(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(gobj(v).qualname.get())
}
fn set_qualname(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    if crate::str::as_str(n).is_none() {
        return Err(vm.type_error("__qualname__ must be set to a string object"));
    }
    gobj(v).qualname.set(n);
    Ok(())
}
fn get_running(vm: &mut Vm, v: Value) -> PyResult {
    Ok(vm.bool(gobj(v).running.get()))
}
fn get_suspended(vm: &mut Vm, v: Value) -> PyResult {
    let g = gobj(v);
    Ok(vm.bool(g.started.get() && !g.running.get() && g.state.borrow().is_some()))
}
/// `cr_origin`: None unless origin tracking was on when the coroutine was made.
fn get_origin(vm: &mut Vm, v: Value) -> PyResult {
    let o = gobj(v).origin.get();
    Ok(if o.is_null() { vm.none } else { o })
}
fn get_code(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(gobj(v).code.get())
}
fn get_yieldfrom(vm: &mut Vm, v: Value) -> PyResult {
    Ok(delegate(gobj(v)).unwrap_or(vm.none))
}
fn get_frame(vm: &mut Vm, v: Value) -> PyResult {
    let g = gobj(v);
    let Some(f) = g.state.borrow().as_ref().map(|s| s.frame.clone()) else { return Ok(vm.none) };
    let fo = crate::frame::frame_object(vm, &f);
    if let Some(s) = g.state.borrow_mut().as_mut() {
        s.frame.obj = fo;
    }
    if !g.started.get() {
        // Not started: at its `def` line, as CPython's frame before its first RESUME.
        crate::frame::set_line(fo, f.code_obj().code.firstlineno);
    }
    Ok(fo)
}

pub fn init_types(vm: &mut Vm) {
    use crate::typeobj::{add_getset, add_getter, add_method};
    for t in [vm.t.generator, vm.t.coroutine, vm.t.async_generator] {
        add_method(vm, t, "__repr__", gen_repr);
        add_getset(vm, t, "__name__", get_name, set_name);
        add_getset(vm, t, "__qualname__", get_qualname, set_qualname);
    }
    let g = vm.t.generator;
    add_method(vm, g, "__iter__", self_iter);
    add_method(vm, g, "__next__", gen_next);
    add_method(vm, g, "send", gen_send);
    add_method(vm, g, "throw", gen_throw);
    add_method(vm, g, "close", gen_close);
    add_getter(vm, g, "gi_running", get_running);
    add_getter(vm, g, "gi_suspended", get_suspended);
    add_getter(vm, g, "gi_code", get_code);
    add_getter(vm, g, "gi_yieldfrom", get_yieldfrom);
    add_getter(vm, g, "gi_frame", get_frame);
    let c = vm.t.coroutine;
    add_method(vm, c, "send", gen_send);
    add_method(vm, c, "throw", gen_throw);
    add_method(vm, c, "close", gen_close);
    add_method(vm, c, "__await__", gen_await);
    add_getter(vm, c, "cr_running", get_running);
    add_getter(vm, c, "cr_suspended", get_suspended);
    add_getter(vm, c, "cr_code", get_code);
    add_getter(vm, c, "cr_await", get_yieldfrom);
    add_getter(vm, c, "cr_frame", get_frame);
    add_getter(vm, c, "cr_origin", get_origin);
    let w = vm.t.coroutine_wrapper;
    add_method(vm, w, "__iter__", self_iter);
    add_method(vm, w, "__next__", wrapper_next);
    add_method(vm, w, "send", wrapper_send);
    add_method(vm, w, "throw", wrapper_throw);
    add_method(vm, w, "close", wrapper_close);
    let ag = vm.t.async_generator;
    crate::typeobj::add_classmethod(vm, ag, "__class_getitem__", crate::generic_alias::class_getitem);
    add_method(vm, ag, "__aiter__", self_iter);
    add_method(vm, ag, "__anext__", agen_anext);
    add_method(vm, ag, "asend", agen_asend);
    add_method(vm, ag, "athrow", agen_athrow);
    add_method(vm, ag, "aclose", agen_aclose);
    add_getter(vm, ag, "ag_running", get_running);
    add_getter(vm, ag, "ag_code", get_code);
    add_getter(vm, ag, "ag_await", get_yieldfrom);
    add_getter(vm, ag, "ag_frame", get_frame);
    let an = vm.t.anext_awaitable;
    add_method(vm, an, "__await__", self_iter);
    add_method(vm, an, "__iter__", self_iter);
    add_method(vm, an, "__next__", anext_next);
    add_method(vm, an, "send", anext_send);
    add_method(vm, an, "throw", anext_throw);
    add_method(vm, an, "close", anext_close);
    for t in [vm.t.async_gen_asend, vm.t.async_gen_athrow] {
        add_method(vm, t, "__iter__", self_iter);
        add_method(vm, t, "__await__", self_iter);
        add_method(vm, t, "__next__", aop_next);
        add_method(vm, t, "send", aop_send);
        add_method(vm, t, "throw", aop_throw);
        add_method(vm, t, "close", aop_close);
    }
}
