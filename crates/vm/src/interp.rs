//! The bytecode interpreter: frames on the shared value stack and the dispatch loop.
//!
//! A frame's slots live in `vm.stack.get(base..)`: first the fast locals (`co_varnames`),
//! then the cells (cellvars then freevars), then the value stack. Frames are plain
//! Rust structs in `vm.frames`; Python frame objects are made only when asked for
//! (tracebacks, `sys._getframe`). A generator keeps its frame and slots while
//! suspended (`generator.rs`).
//!
//! GC discipline: an instruction reads its operands from the value stack and pops
//! them only after the operation is done, so operands stay rooted throughout.
//! Each case is a few lines calling the one function of the Python operation.

use crate::call::smallbuf::Buf;
use crate::dict;
use crate::exceptions;
use crate::function::{CellObj, CodeObj, FunctionObj};
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyErr, PyResult};
use crate::ops;
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::{BinOp, CmpOp, Op};
use crate::icache;
use crate::generator::Sink;

#[derive(Clone)]
pub struct Frame {
    pub code: Value,
    /// The function being run, NULL for module and class bodies and exec.
    pub func: Value,
    pub globals: Value,
    /// The builtins namespace (a dict).
    pub builtins: Value,
    /// The locals mapping of module/class bodies and exec; NULL in functions.
    pub locals: Value,
    /// Index of the first fast local in `vm.stack`.
    pub base: usize,
    /// Index of the first value-stack slot.
    pub stack_base: usize,
    /// Next instruction.
    pub pc: usize,
    /// Instruction being executed (for line numbers).
    pub lasti: usize,
    /// The exception this frame is handling (`PushExcInfo`), or NULL.
    pub handled: Value,
    /// The generator, coroutine or async generator running this frame, or NULL.
    pub gen: Value,
    /// For a frame its caller's dispatch loop entered (`call::enter_in_place`): the caller's
    /// stack height to go back to, before the return value is pushed.
    pub ret_sp: usize,
    /// The Python frame object made for this frame (`frame::frame_object`), or NULL.
    pub obj: Value,
}

impl Trace for Frame {
    fn trace(&self, t: &mut Tracer) {
        for v in [self.code, self.func, self.globals, self.builtins, self.locals, self.handled, self.gen, self.obj] {
            t.value(v);
        }
    }
}

impl Frame {
    pub fn code_obj(&self) -> &'static CodeObj {
        self.code.downcast::<CodeObj>().expect("frame code")
    }

    /// Where instruction `i` of this frame's code is (for `Vm::top_ip`; never read
    /// through).
    pub fn ins_at(&self, i: usize) -> *const icache::Ins {
        self.code_obj().instrs.as_ptr().wrapping_add(i)
    }

    /// Reserves the slots of a new frame for `func` on the value stack (not yet
    /// pushed on `vm.frames`).
    pub fn for_function(vm: &mut Vm, fval: Value, func: &FunctionObj) -> PyResult<Frame> {
        // Unoptimized code (a module's or class body's, made a function) reads and
        // writes its names in the globals, as CPython's `_PyFunction_Vectorcall`.
        let unoptimized = func.code().code.flags & compiler::code::flags::OPTIMIZED == 0;
        let locals = if unoptimized { func.globals } else { Value::NULL };
        let mut f = Frame::new(vm, func.code.get(), func.globals, func.builtins, locals)?;
        f.func = fval;
        Ok(f)
    }

    /// A frame for `func` whose fast locals start at `base`, where the caller left
    /// the positional arguments (the other locals are reserved as unbound), to be
    /// run by the caller's dispatch loop (see `eval`) or a generator. The caller
    /// reserves the slots (`ensure_stack_room`, `Stack::grow_unset`).
    #[inline(always)]
    pub fn in_place(fval: Value, func: &FunctionObj, base: usize, ret_sp: usize) -> Frame {
        let co = func.code();
        Frame {
            code: func.code.get(),
            func: fval,
            globals: func.globals,
            builtins: func.builtins,
            locals: Value::NULL,
            base,
            stack_base: base + co.nslots,
            pc: 0,
            lasti: 0,
            handled: Value::NULL,
            gen: Value::NULL,
            ret_sp,
            obj: Value::NULL,
        }
    }

    /// Reserves the slots of a new frame running `code`.
    pub fn new(vm: &mut Vm, code: Value, globals: Value, builtins: Value, locals: Value) -> PyResult<Frame> {
        let co = code.downcast::<CodeObj>().expect("code object");
        let nslots = co.nslots;
        let base = vm.stack.len();
        ensure_stack_room(vm, base + co.frame_size)?;
        vm.stack.grow_unset(base + nslots);
        Ok(Frame {
            code,
            func: Value::NULL,
            globals,
            builtins,
            locals,
            base,
            stack_base: base + nslots,
            pc: 0,
            lasti: 0,
            handled: Value::NULL,
            gen: Value::NULL,
            ret_sp: 0,
            obj: Value::NULL,
        })
    }

    pub fn lineno(&self) -> u32 {
        let co = self.code_obj();
        co.code.line_at(self.lasti)
    }
}

/// RecursionError unless the value stack has room up to slot `top` (a frame's
/// locals, cells and deepest operand stack), with a margin for natives that push.
pub fn ensure_stack_room(vm: &mut Vm, top: usize) -> PyResult<()> {
    if top + crate::stack::GUARD > vm.stack.capacity() {
        return Err(vm.recursion_error("maximum recursion depth exceeded"));
    }
    Ok(())
}

/// Fills the cells of a new frame: fresh cells for cellvars (holding the argument
/// when a cellvar is an argument), the closure's cells for freevars.
#[inline]
pub fn init_cells(vm: &mut Vm, base: usize, code: &CodeObj, func: &FunctionObj) {
    if !code.cell_names.is_empty() {
        fill_cells(vm, base, code, func);
    }
}

fn fill_cells(vm: &mut Vm, base: usize, code: &CodeObj, func: &FunctionObj) {
    let nvars = code.varnames.len();
    let ncellvars = code.code.cellvars.len();
    for i in 0..ncellvars {
        let init = match code.code.cell2arg.get(i).copied().flatten() {
            Some(a) => vm.stack.get(base + a as usize),
            None => Value::NULL,
        };
        let c = crate::function::new_cell(vm, init);
        vm.stack.set(base + nvars + i, c);
    }
    if !func.closure.is_null() {
        let cells = crate::tuple::items(func.closure);
        for (j, c) in cells.iter().enumerate() {
            vm.stack.set(base + nvars + ncellvars + j, *c);
        }
    }
}

/// How a frame's execution stopped.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// Runs a new (non-generator) frame to completion.
pub fn run_frame(vm: &mut Vm, frame: Frame) -> PyResult {
    let base = frame.base;
    if let Err(e) = vm.enter_recursion("") {
        vm.stack.truncate(base);
        return Err(e);
    }
    push_frame(vm, frame);
    if vm.hooked {
        crate::trace::frame_entered(vm);
    }
    let r = eval(vm, None, None);
    let ret = match r {
        Ok(Exit::Return(v)) => v,
        _ => Value::NULL,
    };
    pop_frame(vm, ret);
    vm.stack.truncate(base);
    vm.leave_recursion();
    match r {
        Ok(Exit::Return(v)) => Ok(v),
        Ok(Exit::Yield(_)) => Err(vm.runtime_error("yield outside of a generator frame")),
        Err(e) => Err(e),
    }
}

/// Pushes `f` on `vm.frames`, first recording in the frame below the instruction it
/// is running (`Vm::top_ip`), since its loop does not write its `lasti`.
#[inline]
pub fn push_frame(vm: &mut Vm, f: Frame) {
    record_top_lasti(vm);
    vm.frames.push(f);
}

/// Pops the top frame of `vm.frames`, run by an `eval` of its own, back to the frame
/// below, which goes on at the instruction it was running. `ret` is what the frame
/// returns or yields, NULL when it raises (for the profile hook).
#[inline]
pub fn pop_frame(vm: &mut Vm, ret: Value) -> Frame {
    if vm.hooked {
        crate::trace::frame_leaving(vm, ret);
    }
    let f = vm.frames.pop().expect("a frame");
    crate::frame::left(vm, &f, ret.is_null());
    vm.top_ip = vm.frames.last().map_or(std::ptr::null(), |b| b.ins_at(b.lasti));
    f
}

/// The frames with the top one's `lasti` brought up to date (`Vm::top_ip`), for
/// code that looks at the running frames' lines.
pub fn frames_now(vm: &mut Vm) -> &[Frame] {
    record_top_lasti(vm);
    &vm.frames
}

/// Copies `Vm::top_ip` into the top frame, as an index; a pointer outside the
/// frame's instructions (the frame has not run an instruction yet) leaves it.
#[inline]
fn record_top_lasti(vm: &mut Vm) {
    let ip = vm.top_ip;
    if let Some(top) = vm.frames.last_mut() {
        if let Some(i) = lasti_at(top, ip) {
            top.lasti = i;
        }
    }
}

/// The index of the instruction of `f` that `ip` points at, if it is one of them.
pub fn lasti_at(f: &Frame, ip: *const icache::Ins) -> Option<usize> {
    let instrs = &f.code_obj().instrs;
    let i = (ip as usize).wrapping_sub(instrs.as_ptr() as usize) / std::mem::size_of::<icache::Ins>();
    (i < instrs.len()).then_some(i)
}

/// Leaves a frame entered by `call::enter_in_place`, returning `ret` or raising (NULL);
/// the caller's stack height to go back to.
#[inline(never)]
fn pop_inline(vm: &mut Vm, ret: Value) -> usize {
    if vm.hooked {
        crate::trace::frame_leaving(vm, ret);
    }
    let f = vm.frames.pop().expect("an inlined frame");
    crate::frame::left(vm, &f, ret.is_null());
    vm.leave_recursion();
    f.ret_sp
}

/// Runs a module body or `exec`/`eval` code with the given namespaces.
pub fn run_code(vm: &mut Vm, code: Value, globals: Value, locals: Value) -> PyResult {
    let builtins = builtins_for(vm, globals)?;
    let frame = Frame::new(vm, code, globals, builtins, locals)?;
    let co = code.downcast::<CodeObj>().expect("code");
    let nvars = co.varnames.len();
    for i in 0..co.ncells() {
        let c = crate::function::new_cell(vm, Value::NULL);
        vm.stack.set(frame.base + nvars + i, c);
    }
    if co.makes_generator {
        // Code compiled with top-level await: running it makes its coroutine.
        return Ok(crate::generator::new_generator(vm, frame));
    }
    run_frame(vm, frame)
}

/// Runs a class body (`func`'s code) with `ns` as its locals; returns what the
/// body returns (the `__class__` cell or None).
pub fn run_class_body(vm: &mut Vm, func: Value, ns: Value) -> PyResult {
    let f = func.downcast::<FunctionObj>().expect("class body function");
    let mut frame = Frame::new(vm, f.code.get(), f.globals, f.builtins, ns)?;
    frame.func = Value::NULL;
    init_cells(vm, frame.base, f.code(), f);
    run_frame(vm, frame)
}

/// The builtins namespace for code run with `globals`: `globals['__builtins__']`
/// (a module or a dict); the current builtins dict is inserted when missing, as
/// CPython's `exec` does.
pub fn builtins_for(vm: &mut Vm, globals: Value) -> PyResult<Value> {
    if let Some(b) = crate::globals::builtins_entry(vm, globals)? {
        return Ok(b);
    }
    let b = crate::globals::current_builtins(vm);
    dict::set_item_str(vm, globals, "__builtins__", b)?;
    Ok(b)
}

#[inline]
fn frame(vm: &mut Vm) -> &mut Frame {
    vm.frames.last_mut().expect("a running frame")
}

/// The dispatch loop for the top frame of `vm.frames`. Returns when the frame
/// returns or yields, or when an exception leaves it.
///
/// Calls of Python functions whose arguments bind in place run in this same loop:
/// the callee's frame is pushed on `vm.frames` and its code becomes the running
/// one; its return (or an exception it does not handle) pops it back to the caller.
/// Frames above `entry_depth` are those inlined calls. Generators resumed by
/// `ForIter` and `Send` run in it too, their yields going back to the resumer.
///
/// With a `sink`, the items the (generator) frame yields are offered to it first,
/// and the frame goes on without suspending when it takes them.
///
/// The loop is the traced one while a trace function is set (`trace.rs`); a plain
/// loop that sees one set after a call hands its frames over to a traced one.
pub fn eval(vm: &mut Vm, throw: Option<PyErr>, mut sink: Option<&mut Sink>) -> PyResult<Exit> {
    let frame_top = crate::gc::stack_pointer();
    let entry_depth = vm.frames.len();
    // The error a trace function raised at the frame's 'call' event is raised in it
    // (the error removed the hook: `vm.hooked` may be off by now).
    let throw = throw.or_else(|| crate::trace::take_pending(vm));
    if !vm.trace.on {
        match run_loop::<false>(vm, throw, sink.as_deref_mut(), frame_top, entry_depth)? {
            Some(exit) => return Ok(exit),
            None => return run_loop::<true>(vm, None, sink, frame_top, entry_depth).map(|e| e.expect("traced loop exit")),
        }
    }
    run_loop::<true>(vm, throw, sink, frame_top, entry_depth).map(|e| e.expect("traced loop exit"))
}

/// `eval`'s loop, in a native frame of its own that ends at `frame_top`: while it
/// is parked at a call that keeps every operand on the value stack, the whole frame
/// is quiet for the collector (`gc::QuietFrames`). The frames above `entry_depth` are
/// the calls it entered in place. None: the plain loop (`TRACE` false) stopped for a
/// traced one to go on.
#[inline(never)]
fn run_loop<const TRACE: bool>(vm: &mut Vm, throw: Option<PyErr>, mut sink: Option<&mut Sink>, frame_top: usize, entry_depth: usize) -> PyResult<Option<Exit>> {
    // The running frame's code and layout, reloaded when a call enters or leaves.
    let mut code: &'static CodeObj;
    let mut instrs: &'static [icache::Ins];
    let mut base: usize;
    let mut cells: usize;
    // The next instruction to run (the one running, once fetched, is `ip - 1`).
    let mut ip: *const icache::Ins;
    // Traced loop: the instruction the running frame ran last (`trace::ENTRY` before
    // its first), for line events.
    let mut trace_prev = crate::trace::ENTRY;
    macro_rules! load_frame {
        () => {{
            let f = frame(vm);
            code = f.code_obj();
            instrs = &code.instrs;
            base = f.base;
            cells = base + code.varnames.len();
            // SAFETY: a frame's `pc` indexes its verified code (see `sl!`).
            ip = unsafe { instrs.as_ptr().add(f.pc) };
            if TRACE {
                trace_prev = f.pc.checked_sub(1).unwrap_or(crate::trace::ENTRY);
            }
        }};
    }
    load_frame!();
    // An exception thrown into a resumed generator is raised at its yield point.
    let mut pending: Option<PyErr> = throw;
    let mut reraise = false;
    // `RERAISE n` restores the frame's `lasti` of the original raise (for
    // tracebacks and the pushed lasti), but handlers are looked up from the
    // RERAISE instruction itself, as CPython does.
    let mut unwind_from: Option<usize> = None;

    // The value stack's slots, and its height kept in a local (`stack.rs`): stored
    // back (`sync!`) before anything that may allocate, run Python code or look at
    // the stack, read back after helpers that push or pop.
    let st = vm.stack.slots();
    let mut sp = vm.stack.sp;
    // Unchecked accesses to the value stack and the instruction array, the costliest
    // bounds checks of the loop (nbody, fannkuch: 5% of all instructions).
    // SAFETY: every code object was verified before it could run
    // (`compiler::verify`, called by `function::new_code`): control stays inside
    // `instrs`, local and cell indexes are in range, and each instruction runs at one
    // stack depth within `0..=stacksize` whose changes follow `Op::stack_effect`. A
    // frame reserves `stacksize` slots above its locals plus `stack::GUARD` slots of
    // margin (`ensure_stack_room`), and the stack starts `GUARD` slots up, so
    // the few slots an instruction touches past its net effect (its operands below,
    // a pair pushed before one is popped) stay inside the array. Constant indexes
    // are in range too. The instruction pointer `ip` moves only to the next
    // instruction of one that is not a terminator or to a verified jump target, so
    // it stays inside `instrs`.
    macro_rules! sl { ($i:expr) => {{ let i: usize = $i; debug_assert!(i < crate::stack::CAPACITY); unsafe { st.get_unchecked(i) } }} }
    macro_rules! konst { ($i:expr) => {{ let i: usize = $i; debug_assert!(i < code.consts.len()); unsafe { *code.consts.get_unchecked(i) } }} }
    macro_rules! next_ins { () => {{ debug_assert!(pc!() < instrs.len()); unsafe { *ip } }} }
    // The index of the next instruction.
    macro_rules! pc { () => { unsafe { ip.offset_from(instrs.as_ptr()) as usize } } }
    macro_rules! jump { ($t:expr) => {{ let t: usize = $t; debug_assert!(t < instrs.len()); ip = unsafe { instrs.as_ptr().add(t) }; }} }
    macro_rules! skip { () => { ip = unsafe { ip.add(1) } } }
    macro_rules! sync { () => { vm.stack.sp = sp; } }
    macro_rules! push { ($v:expr) => {{ let v = $v; sl!(sp).set(v); sp += 1; }} }
    macro_rules! pop { () => {{ sp -= 1; sl!(sp).get() }} }
    macro_rules! top { () => { sl!(sp - 1).get() } }
    macro_rules! peek { ($n:expr) => { sl!(sp - $n).get() } }
    macro_rules! set_top { ($v:expr) => {{ let v = $v; sl!(sp - 1).set(v); }} }

    loop {
        let mut err: PyErr = if let Some(e) = pending.take() {
            e
        } else {
            'dispatch: loop {
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => break 'dispatch e,
                    }
                };
            }
            // Fast local `$i`, or UnboundLocalError.
            macro_rules! local {
                ($i:expr) => {{
                    let i: usize = $i;
                    let v = sl!(base + i).get();
                    if v.is_null() {
                        sync!();
                        break 'dispatch unbound_local(vm, code.varnames[i]);
                    }
                    v
                }};
            }
            // Runs a call out of line with this frame quiet for the collector
            // (`gc::QuietFrames`): only for calls whose callee and arguments all
            // lie on the value stack (copies of them may be passed), so that
            // nothing of this frame is needed after the call but the stack and the
            // code, both rooted elsewhere.
            macro_rules! quietly {
                ($call:expr) => {{
                    vm.heap.quiet.enter(crate::gc::stack_pointer(), frame_top);
                    let r = $call;
                    vm.heap.quiet.leave();
                    r
                }};
            }
            // Calls `$f` with the `$nargs` arguments on the stack from `$first`,
            // then leaves the stack at `$ret_sp` plus the result: a Python function
            // whose arguments bind in place runs in this loop.
            macro_rules! call_on_stack {
                ($f:expr, $first:expr, $nargs:expr, $ret_sp:expr) => {{
                    let (f, first, nargs, ret_sp) = ($f, $first, $nargs, $ret_sp);
                    if let Some(func) = f.downcast::<FunctionObj>() {
                        match tri!(crate::call::enter_in_place(vm, f, func, first, nargs, ret_sp)) {
                            crate::call::InPlace::Entered => {
                                load_frame!();
                                sp = frame(vm).stack_base;
                                continue;
                            }
                            crate::call::InPlace::Made(g) => {
                                sp = ret_sp;
                                push!(g);
                                continue;
                            }
                            crate::call::InPlace::No => {}
                        }
                    }
                    let r = tri!(quietly!(crate::call::call_copied(vm, f, first, nargs)));
                    sp = ret_sp;
                    push!(r);
                }};
            }
            let ins = next_ins!();
            let arg = ins.arg as usize;
            // `BinaryOp` quickened to operator `$op` (`arg` still says whether in place).
            macro_rules! binary_known {
                ($op:expr) => {{
                    let (a, b) = (peek!(2), peek!(1));
                    let r = match crate::number::unboxed_binary(a, b, $op) {
                        Some(r) => r,
                        None => tri!(ops::binary_op(vm, a, b, BinOp::from_arg(arg as u32))),
                    };
                    pop!();
                    set_top!(r);
                }};
            }
            // Python code run by this instruction may look at this frame's line
            // and stack (two stores: cheaper than testing whether it can).
            vm.top_ip = ip;
            sync!();
            skip!();
            if TRACE {
                if crate::trace::active(vm) {
                    // A debugger's jump (`f_lineno` set): on at the target, which is
                    // not traced again as it starts no new line.
                    if let Some(t) = tri!(crate::trace::instruction(vm, code, pc!() - 1, trace_prev)) {
                        sp = vm.stack.sp;
                        jump!(t);
                        trace_prev = t;
                        continue 'dispatch;
                    }
                }
                trace_prev = pc!() - 1;
            }
            // A traced loop runs the instructions of a superinstruction one by one, so
            // each is seen by the trace function.
            match if TRACE { ins.op.first_of_pair() } else { ins.op } {
                Op::Nop => {}
                Op::PopTop => {
                    pop!();
                }
                Op::Copy => push!(peek!(arg)),
                Op::Swap => sl!(sp - 1).swap(sl!(sp - arg)),
                Op::CopyCopy => {
                    push!(peek!(arg));
                    push!(peek!(next_ins!().arg as usize));
                    skip!();
                }
                Op::SwapSwap => {
                    sl!(sp - 1).swap(sl!(sp - arg));
                    sl!(sp - 1).swap(sl!(sp - next_ins!().arg as usize));
                    skip!();
                }
                Op::LoadConst => push!(konst!(arg)),
                Op::LoadFast => {
                    let v = local!(arg);
                    push!(v);
                }
                Op::StoreFast => {
                    let v = pop!();
                    sl!(base + arg).set(v);
                }
                // Superinstructions (`icache::quicken`): the second instruction's
                // argument is read from it, and it is skipped. A pair that would raise
                // runs as its first instruction alone, so errors come from the
                // instruction that raises them.
                Op::LoadFastLoadFast => {
                    let v = local!(arg);
                    push!(v);
                    let w = sl!(base + next_ins!().arg as usize).get();
                    if !w.is_null() {
                        push!(w);
                        skip!();
                    }
                }
                Op::LoadFastLoadConst => {
                    let v = local!(arg);
                    push!(v);
                    push!(konst!(next_ins!().arg as usize));
                    skip!();
                }
                Op::LoadConstLoadFast => {
                    push!(konst!(arg));
                    let v = sl!(base + next_ins!().arg as usize).get();
                    if !v.is_null() {
                        push!(v);
                        skip!();
                    }
                }
                Op::StoreFastLoadFast => {
                    let v = pop!();
                    sl!(base + arg).set(v);
                    let w = sl!(base + next_ins!().arg as usize).get();
                    if !w.is_null() {
                        push!(w);
                        skip!();
                    }
                }
                Op::StoreFastStoreFast => {
                    let v = pop!();
                    sl!(base + arg).set(v);
                    let w = pop!();
                    sl!(base + next_ins!().arg as usize).set(w);
                    skip!();
                }
                // A cache hit of the attribute load runs in the same dispatch;
                // anything else leaves it to the `LoadAttr`/`LoadMethod` after.
                Op::LoadFastLoadAttr => {
                    let v = local!(arg);
                    match icache::cached_attr(cache(code, next_ins!()), v) {
                        Some(x) => {
                            push!(x);
                            skip!();
                        }
                        None => push!(v),
                    }
                }
                Op::LoadFastLoadMethod => {
                    let v = local!(arg);
                    match icache::cached_method(cache(code, next_ins!()), v) {
                        Some(m) => {
                            push!(m);
                            push!(v);
                            skip!();
                        }
                        None => push!(v),
                    }
                }
                Op::DeleteFast => {
                    if sl!(base + arg).get().is_null() {
                        { sync!(); break 'dispatch unbound_local(vm, code.varnames[arg]); }
                    }
                    sl!(base + arg).set(Value::NULL);
                }
                Op::LoadDeref => {
                    let v = cell(vm, cells + arg).value.get();
                    if v.is_null() {
                        { sync!(); break 'dispatch unbound_deref(vm, code, arg); }
                    }
                    push!(v);
                }
                Op::StoreDeref => {
                    let v = pop!();
                    cell(vm, cells + arg).value.set(v);
                }
                Op::DeleteDeref => {
                    let c = cell(vm, cells + arg);
                    if c.value.get().is_null() {
                        { sync!(); break 'dispatch unbound_deref(vm, code, arg); }
                    }
                    c.value.set(Value::NULL);
                }
                Op::LoadClosure => push!(sl!(cells + arg).get()),
                Op::LoadClassDeref => {
                    let name = code.cell_names[arg];
                    let locals = frame(vm).locals;
                    let v = match tri!(ops::mapping_get(vm, locals, name)) {
                        Some(v) => v,
                        None => {
                            let v = cell(vm, cells + arg).value.get();
                            if v.is_null() {
                                { sync!(); break 'dispatch unbound_deref(vm, code, arg); }
                            }
                            v
                        }
                    };
                    push!(v);
                }
                Op::LoadName => {
                    let v = tri!(load_name(vm, code.names[arg]));
                    push!(v);
                }
                Op::StoreName => {
                    let locals = frame(vm).locals;
                    tri!(ops::setitem(vm, locals, code.names[arg], top!()));
                    pop!();
                }
                Op::DeleteName => {
                    let locals = frame(vm).locals;
                    let name = code.names[arg];
                    if let Err(e) = ops::delitem(vm, locals, name) {
                        if exceptions::matches(vm, e, vm.e.key_error) {
                            break 'dispatch name_not_defined(vm, name);
                        }
                        break 'dispatch e;
                    }
                }
                Op::LoadGlobal => {
                    let f = frame(vm);
                    let (globals, builtins) = (f.globals, f.builtins);
                    let name = code.names[arg];
                    match icache::load_global(cache(code, ins), globals, builtins, name) {
                        Some(v) => push!(v),
                        None => {
                            push!(tri!(crate::globals::load_global(vm, globals, builtins, name)))
                        }
                    }
                }
                Op::StoreGlobal => {
                    let g = frame(vm).globals;
                    tri!(dict::set_item(vm, g, code.names[arg], top!()));
                    pop!();
                }
                Op::DeleteGlobal => {
                    let g = frame(vm).globals;
                    let name = code.names[arg];
                    if tri!(dict::pop_item(vm, g, name)).is_none() {
                        break 'dispatch name_not_defined(vm, name);
                    }
                }
                Op::LoadAttr => {
                    let c = cache(code, ins);
                    let v = tri!(icache::load_attr(vm, c, top!(), code.names[arg]));
                    set_top!(v);
                }
                Op::StoreAttr => {
                    let c = cache(code, ins);
                    tri!(icache::store_attr(vm, c, peek!(1), code.names[arg], peek!(2)));
                    pop!();
                    pop!();
                }
                Op::DeleteAttr => {
                    tri!(crate::attr::setattr(vm, top!(), code.names[arg], Value::NULL));
                    pop!();
                }
                Op::LoadMethod => {
                    let c = cache(code, ins);
                    let (m, o) = tri!(icache::load_method(vm, c, top!(), code.names[arg]));
                    set_top!(m);
                    push!(o);
                }
                Op::CallMethod => {
                    let n = sp;
                    let meth = sl!(n - arg - 2).get();
                    let (callee, first, nargs) = if meth.is_null() { (sl!(n - arg - 1).get(), n - arg, arg) } else { (meth, n - arg - 1, arg + 1) };
                    frame(vm).pc = pc!();
                    call_on_stack!(callee, first, nargs, n - arg - 2);
                }
                Op::Call => {
                    let n = sp;
                    let callee = sl!(n - arg - 1).get();
                    frame(vm).pc = pc!();
                    match callee.downcast::<crate::function::BoundMethod>() {
                        // `obj.f(...)` after a plain load: the instance takes the
                        // callable's slot as the first argument (the method object
                        // itself is not needed during the call: the frame holds
                        // the function).
                        Some(m) if m.func.is::<FunctionObj>() => {
                            sl!(n - arg - 1).set(m.self_);
                            call_on_stack!(m.func, n - arg - 1, arg + 1, n - arg - 1);
                        }
                        _ => call_on_stack!(callee, n - arg, arg, n - arg - 1),
                    }
                }
                Op::CallKw => {
                    frame(vm).pc = pc!();
                    let ret_sp = sp - arg - 2;
                    match tri!(quietly!(crate::call::call_kw(vm, ret_sp, arg))) {
                        None => {
                            load_frame!();
                            sp = frame(vm).stack_base;
                        }
                        Some(r) => {
                            sp = ret_sp;
                            push!(r);
                        }
                    }
                }
                Op::CallEx => {
                    let has_kw = arg & 1 != 0;
                    let n = sp;
                    let callee = sl!(n - 2 - has_kw as usize).get();
                    let pos = sl!(n - 1 - has_kw as usize).get();
                    let kw = if has_kw { sl!(n - 1).get() } else { Value::NULL };
                    frame(vm).pc = pc!();
                    let r = tri!(quietly!(call_ex(vm, callee, pos, kw)));
                    sp = n - 2 - has_kw as usize;
                    push!(r);
                }
                Op::BinaryOp => {
                    let r = tri!(ops::binary_op(vm, peek!(2), peek!(1), BinOp::from_arg(arg as u32)));
                    pop!();
                    set_top!(r);
                }
                // The operator is known from the instruction: its int and float
                // path is inlined here without decoding the argument.
                Op::BinaryAdd => binary_known!(BinOp::Add),
                Op::BinarySubtract => binary_known!(BinOp::Subtract),
                Op::BinaryMultiply => binary_known!(BinOp::Multiply),
                Op::BinaryTrueDivide => binary_known!(BinOp::TrueDivide),
                Op::CompareOp => {
                    let op = CmpOp::from_arg(arg as u32);
                    // Numbers compared for a jump: branch without making a bool
                    // (CPython's COMPARE_OP_*_JUMP).
                    if let Some(t) = crate::number::unboxed_compare(peek!(2), peek!(1), op) {
                        let next = next_ins!();
                        let jump = match next.op {
                            Op::PopJumpIfFalse => Some((!t, next.arg)),
                            Op::PopJumpIfTrue => Some((t, next.arg)),
                            _ => None,
                        };
                        pop!();
                        match jump {
                            Some((j, target)) => {
                                pop!();
                                if j { jump!(target as usize) } else { skip!() }
                            }
                            None => set_top!(vm.bool(t)),
                        }
                        continue;
                    }
                    let r = tri!(ops::compare(vm, peek!(2), peek!(1), op));
                    pop!();
                    set_top!(r);
                }
                Op::IsOp => {
                    let b = pop!();
                    let a = top!();
                    set_top!(vm.bool((a == b) != (arg == 1)));
                }
                Op::ContainsOp => {
                    let r = tri!(ops::contains(vm, peek!(1), peek!(2)));
                    pop!();
                    set_top!(vm.bool(r != (arg == 1)));
                }
                Op::UnaryNegative => {
                    let r = tri!(ops::neg(vm, top!()));
                    set_top!(r);
                }
                Op::UnaryPositive => {
                    let r = tri!(ops::pos(vm, top!()));
                    set_top!(r);
                }
                Op::UnaryInvert => {
                    let r = tri!(ops::invert(vm, top!()));
                    set_top!(r);
                }
                Op::UnaryNot => {
                    let b = tri!(ops::truthy(vm, top!()));
                    set_top!(vm.bool(!b));
                }
                Op::BinarySubscr => {
                    if let Some(v) = crate::list::exact_subscript(vm, peek!(2), peek!(1)) {
                        pop!();
                        set_top!(v);
                        continue;
                    }
                    let r = tri!(ops::getitem(vm, peek!(2), peek!(1)));
                    pop!();
                    set_top!(r);
                }
                Op::StoreSubscr => {
                    if !crate::list::exact_store_subscript(vm, peek!(2), peek!(1), peek!(3)) {
                        tri!(ops::setitem(vm, peek!(2), peek!(1), peek!(3)));
                    }
                    sp -= 3;
                }
                Op::DeleteSubscr => {
                    tri!(ops::delitem(vm, peek!(2), peek!(1)));
                    pop!();
                    pop!();
                }
                Op::BuildSlice => {
                    let n = sp;
                    let step = if arg == 3 { sl!(n - 1).get() } else { vm.none };
                    let (start, stop) = (sl!(n - arg).get(), sl!(n - arg + 1).get());
                    // `l[a:b:c]` of an exact list read or assigned (from a list or
                    // tuple) right away, with int or None bounds: nothing runs Python
                    // code, and no slice object is made (CPython 3.12's BINARY_SLICE).
                    let plain = |v: Value| v.is_small_int() || v == vm.none;
                    let container = sl!(n - arg - 1).get();
                    if plain(start) && plain(stop) && plain(step) && vm.type_of(container) == vm.t.list {
                        let bounds = crate::slice::SliceObj { start, stop, step };
                        let next = next_ins!().op;
                        if next == Op::BinarySubscr {
                            skip!();
                            sync!();
                            let r = tri!(crate::list::get_slice(vm, container, &bounds));
                            sp = n - arg - 1;
                            push!(r);
                            continue;
                        }
                        let value = if n - arg >= 2 { sl!(n - arg - 2).get() } else { Value::NULL };
                        let vt = vm.type_of(value);
                        if next == Op::StoreSubscr && (vt == vm.t.list || vt == vm.t.tuple) {
                            skip!();
                            sync!();
                            tri!(crate::list::set_slice(vm, container, &bounds, value));
                            sp = n - arg - 2;
                            continue;
                        }
                    }
                    let s = crate::slice::new_slice(vm, start, stop, step);
                    sp = n - arg;
                    push!(s);
                }
                Op::BuildTuple => {
                    // Quiet (no lasti store) but allocating: the items stay rooted.
                    sync!();
                    let n = sp;
                    let items = st[n - arg..sp].iter().map(std::cell::Cell::get).collect();
                    let t = crate::tuple::new_tuple(vm, items);
                    sp = n - arg;
                    push!(t);
                }
                Op::BuildList => {
                    // Quiet (no lasti store) but allocating: the items stay rooted.
                    sync!();
                    let n = sp;
                    let items = st[n - arg..sp].iter().map(std::cell::Cell::get).collect();
                    let l = crate::list::new_list(vm, items);
                    sp = n - arg;
                    push!(l);
                }
                Op::BuildSet => {
                    let s = crate::set::new_set(vm);
                    let n = sp;
                    for i in n - arg..n {
                        tri!(crate::set::add(vm, s, st[i].get()));
                    }
                    sp = n - arg;
                    push!(s);
                }
                Op::BuildMap => {
                    let d = dict::new_dict(vm);
                    let n = sp;
                    for i in 0..arg {
                        let k = st[n - 2 * arg + 2 * i].get();
                        let v = st[n - 2 * arg + 2 * i + 1].get();
                        tri!(dict::set_item(vm, d, k, v));
                    }
                    sp = n - 2 * arg;
                    push!(d);
                }
                Op::BuildString => {
                    let n = sp;
                    let r = crate::str::concat(vm, st[n - arg..sp].iter().map(|v| v.get()));
                    sp = n - arg;
                    push!(r);
                }
                Op::ListToTuple => {
                    let t = crate::list::list_to_tuple(vm, top!());
                    set_top!(t);
                }
                Op::ListAppend => {
                    let v = top!();
                    let l = peek!(arg + 1);
                    crate::list::lobj(l).items.borrow_mut().push(v);
                    pop!();
                }
                Op::SetAdd => {
                    tri!(crate::set::add(vm, peek!(arg + 1), top!()));
                    pop!();
                }
                Op::MapAdd => {
                    tri!(dict::set_item(vm, peek!(arg + 2), peek!(2), peek!(1)));
                    pop!();
                    pop!();
                }
                Op::ListExtend => {
                    tri!(list_extend(vm, peek!(arg + 1), top!()));
                    pop!();
                }
                Op::SetUpdate => {
                    tri!(crate::set::update(vm, peek!(arg + 1), top!()));
                    pop!();
                }
                Op::DictUpdate => {
                    tri!(dict_update(vm, peek!(arg + 1), top!()));
                    pop!();
                }
                Op::DictMerge => {
                    let func = peek!(arg + 3);
                    tri!(dict_merge(vm, func, peek!(arg + 1), top!()));
                    pop!();
                }
                Op::FormatValue => {
                    let has_spec = arg & 4 != 0;
                    let spec = if has_spec { top!() } else { Value::NULL };
                    let v = if has_spec { peek!(2) } else { top!() };
                    let r = tri!(format_value(vm, v, arg & 3, spec));
                    if has_spec {
                        pop!();
                    }
                    set_top!(r);
                }
                Op::UnpackSequence => {
                    let seq = top!();
                    // An exact tuple or list of the right length: its items replace it.
                    if ops::unpack_exact(vm, seq, &st[sp - 1..sp - 1 + arg]) {
                        sp += arg;
                        sp -= 1;
                        continue;
                    }
                    // Otherwise the sequence stays rooted below its items until
                    // they are pushed.
                    tri!(ops::unpack_onto_stack(vm, seq, arg));
                    sp = vm.stack.sp;
                    // Drop the sequence from under its items.
                    for i in sp - arg - 1..sp - 1 {
                        st[i].set(st[i + 1].get());
                    }
                    sp -= 1;
                }
                Op::UnpackEx => {
                    let (before, after) = (arg & 0xff, arg >> 8);
                    let l = tri!(ops::unpack_ex(vm, top!(), before, after));
                    pop!();
                    let items = crate::list::lobj(l).items.borrow().clone();
                    let n = items.len();
                    for v in items[n - after..].iter().rev() {
                        push!(*v);
                    }
                    sync!();
                    let mid = crate::list::new_list(vm, items[before..n - after].to_vec());
                    push!(mid);
                    for v in items[..before].iter().rev() {
                        push!(*v);
                    }
                    std::hint::black_box(l);
                }
                Op::Jump => jump!(arg),
                Op::JumpBackward => {
                    jump!(arg);
                    tri!(crate::signals::check(vm));
                }
                Op::PopJumpIfFalse => {
                    let v = top!();
                    let t = match jump_truth(vm, v) {
                        Some(t) => t,
                        None => tri!(ops::truthy(vm, v)),
                    };
                    pop!();
                    if !t {
                        jump!(arg);
                    }
                }
                Op::PopJumpIfTrue => {
                    let v = top!();
                    let t = match jump_truth(vm, v) {
                        Some(t) => t,
                        None => tri!(ops::truthy(vm, v)),
                    };
                    pop!();
                    if t {
                        jump!(arg);
                    }
                }
                Op::PopJumpIfNone => {
                    if pop!() == vm.none {
                        jump!(arg);
                    }
                }
                Op::PopJumpIfNotNone => {
                    if pop!() != vm.none {
                        jump!(arg);
                    }
                }
                Op::JumpIfFalseOrPop => {
                    if tri!(ops::truthy(vm, top!())) {
                        pop!();
                    } else {
                        jump!(arg);
                    }
                }
                Op::JumpIfTrueOrPop => {
                    if tri!(ops::truthy(vm, top!())) {
                        jump!(arg);
                    } else {
                        pop!();
                    }
                }
                Op::GetIter => {
                    let it = tri!(ops::iter(vm, top!()));
                    set_top!(it);
                }
                Op::ForIter => {
                    if let Some(r) = crate::iter::next_plain(top!()) {
                        match r {
                            Some(v) => push!(v),
                            None => {
                                pop!();
                                jump!(arg);
                            }
                        }
                        continue;
                    }
                    frame(vm).pc = pc!();
                    // `for i, x in enumerate(...)`: the pair goes on the stack as the
                    // `UnpackSequence` that follows would leave it, without a tuple.
                    if next_ins!().op == Op::UnpackSequence && next_ins!().arg == 2 {
                        if let Some(r) = crate::iter::enumerate_next_pair(vm, top!()) {
                            match tri!(r) {
                                Some((i, x)) => {
                                    push!(x);
                                    push!(i);
                                    skip!();
                                }
                                None => {
                                    pop!();
                                    jump!(arg);
                                }
                            }
                            continue;
                        }
                    }
                    if crate::generator::runs_inline(vm, top!(), false) {
                        sync!();
                        tri!(crate::generator::enter(vm, top!(), vm.none, sp, true));
                        load_frame!();
                        sp = vm.stack.sp;
                        continue;
                    }
                    match tri!(ops::next(vm, top!())) {
                        Some(v) => push!(v),
                        None => {
                            pop!();
                            jump!(arg);
                        }
                    }
                }
                Op::GetYieldFromIter => {
                    let r = tri!(crate::generator::yield_from_iter(vm, top!(), code));
                    set_top!(r);
                }
                Op::Send => {
                    frame(vm).pc = pc!();
                    if crate::generator::runs_inline(vm, peek!(2), true) {
                        let sent = top!();
                        sync!();
                        tri!(crate::generator::enter(vm, peek!(2), sent, sp - 1, true));
                        load_frame!();
                        sp = vm.stack.sp;
                        continue;
                    }
                    match tri!(crate::generator::send_to(vm, peek!(2), peek!(1))) {
                        Ok(yielded) => set_top!(yielded),
                        Err(ret) => {
                            pop!();
                            set_top!(ret);
                            jump!(arg);
                        }
                    }
                }
                Op::AsyncGenWrap => {
                    let w = crate::generator::wrap(vm, top!());
                    set_top!(w);
                }
                Op::YieldValue => {
                    if vm.frames.len() > entry_depth {
                        // A generator this loop's `ForIter` or `Send` resumed: the
                        // value goes to it.
                        let v = pop!();
                        frame(vm).pc = pc!();
                        sync!();
                        let g = crate::generator::of_frame(frame(vm).gen);
                        sp = crate::generator::suspend(vm, g, v);
                        load_frame!();
                        push!(v);
                        continue;
                    }
                    // A profiled generator suspends at every yield, so that the hook
                    // sees it leave ('return') and come back ('call').
                    if let Some(s) = sink.as_deref_mut().filter(|_| !vm.hooked) {
                        sync!();
                        match (s.take)(vm, top!(), true) {
                            // The value of the `yield`, as `next()` sends it.
                            Ok(true) => {
                                set_top!(vm.none);
                                continue;
                            }
                            Ok(false) => {}
                            Err(e) => s.error = Some(e),
                        }
                    }
                    let v = pop!();
                    frame(vm).pc = pc!();
                    sync!();
                    return Ok(Some(Exit::Yield(v)));
                }
                Op::ReturnValue => {
                    let v = pop!();
                    if vm.frames.len() > entry_depth {
                        let gen = frame(vm).gen;
                        if gen.is_null() {
                            sp = pop_inline(vm, v);
                            load_frame!();
                            push!(v);
                            continue;
                        }
                        // A generator resumed by `ForIter` (which drops it and
                        // jumps) or `Send` (which replaces it by the value and jumps).
                        sync!();
                        sp = crate::generator::finish(vm, crate::generator::of_frame(gen), v) - 1;
                        load_frame!();
                        let resumer = instrs[pc!() - 1];
                        if resumer.op == Op::Send {
                            push!(v);
                        } else if TRACE && v != vm.none && vm.trace.on {
                            // The StopIteration CPython's `for` sees from a generator
                            // returning a value is reported where the loop is.
                            if let Err(e) = crate::trace::stop_iteration(vm, v) {
                                break 'dispatch e;
                            }
                        }
                        jump!(resumer.arg as usize);
                        continue;
                    }
                    frame(vm).pc = pc!();
                    sync!();
                    return Ok(Some(Exit::Return(v)));
                }
                Op::Raise => {
                    frame(vm).pc = pc!();
                    match arg {
                        0 => match current_handled(vm) {
                            Some(e) => {
                                reraise = true;
                                break 'dispatch PyErr(e);
                            }
                            None => break 'dispatch vm.runtime_error("No active exception to reraise"),
                        },
                        1 => {
                            let e = tri!(exceptions::make_raisable(vm, top!()));
                            pop!();
                            break 'dispatch exceptions::raised(vm, e);
                        }
                        _ => {
                            let e = tri!(exceptions::make_raisable(vm, peek!(2)));
                            tri!(exceptions::set_cause_from(vm, e, peek!(1)));
                            pop!();
                            pop!();
                            break 'dispatch exceptions::raised(vm, e);
                        }
                    }
                }
                Op::Reraise => {
                    if arg != 0 {
                        unwind_from = Some(pc!() - 1);
                        let lasti = peek!(arg + 1);
                        frame(vm).lasti = lasti.as_small().unwrap_or(0) as usize;
                    }
                    let e = pop!();
                    reraise = true;
                    break 'dispatch PyErr(e);
                }
                Op::PushExcInfo => {
                    let e = top!();
                    let f = frame(vm);
                    let prev = if f.handled.is_null() { Value::NULL } else { f.handled };
                    f.handled = e;
                    let prev = if prev.is_null() { vm.none } else { prev };
                    set_top!(prev);
                    push!(e);
                }
                Op::PopExcept => {
                    let prev = pop!();
                    frame(vm).handled = if prev == vm.none { Value::NULL } else { prev };
                }
                Op::CheckExcMatch => {
                    let r = tri!(exceptions::check_match(vm, peek!(2), peek!(1)));
                    set_top!(vm.bool(r));
                }
                Op::CheckEgMatch => {
                    let (rest, matched) = tri!(exceptions::eg_match(vm, peek!(2), peek!(1)));
                    if matched != vm.none {
                        // The handler runs with the matched subgroup as the handled exception.
                        frame(vm).handled = matched;
                    }
                    pop!();
                    set_top!(rest);
                    push!(matched);
                }
                Op::PrepReraiseStar => {
                    let r = tri!(exceptions::prep_reraise_star(vm, peek!(2), peek!(1)));
                    pop!();
                    set_top!(r);
                }
                Op::BeforeWith => {
                    // The manager lies on the stack: this frame holds nothing
                    // `__enter__` needs.
                    let (exit, entered) = tri!(quietly!(ops::before_with(vm, top!())));
                    set_top!(exit);
                    push!(entered);
                }
                Op::BeforeAsyncWith => {
                    let (exit, awaitable) = tri!(crate::generator::before_async_with(vm, top!()));
                    set_top!(exit);
                    push!(awaitable);
                }
                Op::WithExceptStart => {
                    let exc = peek!(1);
                    let exit = peek!(4);
                    let ty = vm.type_of(exc);
                    let tb = exceptions::traceback_of(vm, exc);
                    let r = tri!(crate::call::call(vm, exit, &[ty, exc, tb]));
                    push!(r);
                }
                Op::GetAwaitable => {
                    let r = tri!(crate::generator::get_awaitable(vm, top!(), arg));
                    set_top!(r);
                }
                Op::GetAiter => {
                    let r = tri!(crate::generator::get_aiter(vm, top!()));
                    set_top!(r);
                }
                Op::GetAnext => {
                    let r = tri!(crate::generator::get_anext(vm, top!()));
                    push!(r);
                }
                Op::EndAsyncFor => {
                    let e = top!();
                    if exceptions::is_instance_of(vm, e, vm.e.stop_async_iteration) {
                        pop!();
                        pop!();
                    } else {
                        pop!();
                        pop!();
                        reraise = true;
                        break 'dispatch PyErr(e);
                    }
                }
                Op::MakeFunction => {
                    let f = tri!(make_function(vm, arg as u32));
                    sp = vm.stack.sp;
                    push!(f);
                }
                Op::LoadBuildClass => {
                    let b = frame(vm).builtins;
                    let name = vm.intern_static("__build_class__");
                    match tri!(crate::globals::builtin(vm, b, name)) {
                        Some(v) => push!(v),
                        None => break 'dispatch vm.name_error("__build_class__ not found"),
                    }
                }
                Op::SetupAnnotations => tri!(setup_annotations(vm)),
                Op::ImportName => {
                    let name = code.names[arg];
                    frame(vm).pc = pc!();
                    let m = tri!(crate::import::import_name_op(vm, name, peek!(1), peek!(2)));
                    pop!();
                    set_top!(m);
                }
                Op::ImportFrom => {
                    let v = tri!(crate::import::import_from(vm, top!(), code.names[arg]));
                    push!(v);
                }
                Op::ImportStar => {
                    let locals = frame(vm).locals;
                    tri!(crate::import::import_star(vm, top!(), locals));
                    pop!();
                }
                Op::LoadAssertionError => push!(vm.e.assertion_error),
                Op::PrintExpr => {
                    tri!(crate::sys::displayhook(vm, top!()));
                    pop!();
                }
                Op::GetLen => {
                    let n = tri!(ops::len(vm, top!()));
                    push!(crate::int::from_usize(vm, n));
                }
                Op::MatchMapping => push!({ let __arg = crate::pattern::is_mapping(vm, top!()); vm.bool(__arg) }),
                Op::MatchSequence => push!({ let __arg = crate::pattern::is_sequence(vm, top!()); vm.bool(__arg) }),
                Op::MatchKeys => {
                    let r = tri!(crate::pattern::match_keys(vm, peek!(2), peek!(1)));
                    push!(r);
                }
                Op::MatchClass => {
                    let r = tri!(crate::pattern::match_class(vm, peek!(3), peek!(2), peek!(1), arg));
                    pop!();
                    pop!();
                    set_top!(r);
                }
                Op::CopyDictWithoutKeys => {
                    let r = tri!(crate::pattern::copy_dict_without_keys(vm, peek!(2), peek!(1)));
                    set_top!(r);
                }
                Op::LoadLocals => push!(frame(vm).locals),
                Op::PushNull => push!(Value::NULL),
            }
            }
        };
        // A call switched the trace hook on (`trace::hand_over`): its result goes
        // where the call leaves it, and a plain loop hands its frames over to a
        // traced one.
        if err.0.is_null() {
            let call = instrs[pc!() - 1];
            sp -= call.arg as usize + 1 + (call.op == Op::CallMethod) as usize;
            push!(crate::trace::handed_over(vm));
            if !TRACE {
                frame(vm).pc = pc!();
                sync!();
                return Ok(None);
            }
            continue;
        }
        // An exception is being raised by instruction `pc - 1`.
        sync!();
        // pc 0: thrown into an unstarted generator: no handler applies, its line is the `def`'s.
        let raised_at = pc!().wrapping_sub(1);
        if !std::mem::take(&mut reraise) {
            frame(vm).lasti = raised_at;
            exceptions::attach_context(vm, err.0);
            exceptions::add_traceback(vm, err.0);
            if TRACE && vm.trace.on {
                err = crate::trace::exception(vm, err);
            }
        } else if unwind_from.is_none() {
            frame(vm).lasti = raised_at;
        }
        let lasti = frame(vm).lasti;
        match find_handler(code, unwind_from.take().unwrap_or(raised_at)) {
            Some(h) => {
                let sb = frame(vm).stack_base;
                sp = sb + h.depth as usize;
                if h.push_lasti {
                    push!(Value::small(lasti as i64));
                }
                push!(err.0);
                jump!(h.target as usize);
            }
            None => {
                frame(vm).pc = pc!();
                if vm.frames.len() > entry_depth {
                    // Raised again in the caller, at its call (or `ForIter`/`Send`)
                    // instruction.
                    let gen = frame(vm).gen;
                    let err = if gen.is_null() {
                        sp = pop_inline(vm, Value::NULL);
                        err
                    } else {
                        let (ret_sp, err) = crate::generator::finish_raising(vm, gen, err);
                        sp = ret_sp;
                        err
                    };
                    load_frame!();
                    pending = Some(err);
                    continue;
                }
                sync!();
                return Err(err);
            }
        }
    }
}

/// The truth of the values conditional jumps mostly see (bools, None, small
/// ints), without a call; None for the rest.
#[inline(always)]
fn jump_truth(vm: &Vm, v: Value) -> Option<bool> {
    if v == vm.true_ {
        Some(true)
    } else if v == vm.false_ || v == vm.none {
        Some(false)
    } else {
        v.as_small().map(|i| i != 0)
    }
}

pub fn find_handler(code: &CodeObj, lasti: usize) -> Option<compiler::code::ExceptionEntry> {
    code.code
        .exception_table
        .iter()
        .find(|e| (e.start as usize) <= lasti && lasti < e.end as usize)
        .copied()
}

#[inline]
fn cell(vm: &Vm, slot: usize) -> &'static CellObj {
    vm.stack.get(slot).downcast::<CellObj>().expect("cell slot")
}

/// The innermost exception being handled, walking the frames (`sys.exception()`).
pub fn current_handled(vm: &Vm) -> Option<Value> {
    vm.frames.iter().rev().map(|f| f.handled).find(|h| !h.is_null() && *h != vm.none)
}

fn unbound_local(vm: &mut Vm, name: Value) -> PyErr {
    let n = crate::str::as_str(name).unwrap_or("?");
    let t = vm.e.unbound_local_error;
    vm.new_exc(t, format!("cannot access local variable '{n}' where it is not associated with a value"))
}

fn unbound_deref(vm: &mut Vm, code: &CodeObj, i: usize) -> PyErr {
    let n = crate::str::as_str(code.cell_names[i]).unwrap_or("?");
    if i < code.code.cellvars.len() {
        let t = vm.e.unbound_local_error;
        vm.new_exc(t, format!("cannot access local variable '{n}' where it is not associated with a value"))
    } else {
        let e = vm.name_error(format!("cannot access free variable '{n}' where it is not associated with a value in enclosing scope"));
        exceptions::set_name_error_name(vm, e, code.cell_names[i]);
        e
    }
}

pub fn name_not_defined(vm: &mut Vm, name: Value) -> PyErr {
    let n = crate::str::as_str(name).unwrap_or("?");
    let e = vm.name_error(format!("name '{n}' is not defined"));
    exceptions::set_name_error_name(vm, e, name);
    e
}

fn load_name(vm: &mut Vm, name: Value) -> PyResult {
    let f = frame(vm);
    let (locals, globals, builtins) = (f.locals, f.globals, f.builtins);
    if !locals.is_null() {
        if let Some(v) = ops::mapping_get(vm, locals, name)? {
            return Ok(v);
        }
    }
    if let Some(v) = dict::get_str(globals, name) {
        return Ok(v);
    }
    if let Some(v) = crate::globals::builtin(vm, builtins, name)? {
        return Ok(v);
    }
    Err(name_not_defined(vm, name))
}

/// The inline cache of `ins` (one of those `quicken` gives one).
#[inline]
fn cache(code: &'static CodeObj, ins: icache::Ins) -> &'static icache::InlineCache {
    debug_assert!((ins.cache as usize) < code.caches.len());
    // SAFETY: `icache::quicken` gives every instruction that has a cache (the only
    // ones this is called for) an index below the length of the table it makes.
    unsafe { code.caches.get_unchecked(ins.cache as usize) }
}

/// `ListExtend`: `[*it]` and the `*` arguments of a call.
fn list_extend(vm: &mut Vm, l: Value, src: Value) -> PyResult<()> {
    match crate::list::extend(vm, l, src) {
        Err(e) if exceptions::matches(vm, e, vm.e.type_error) && ops::lacks_iter(vm, src) => {
            let m = format!("Value after * must be an iterable, not {}", vm.type_name(src));
            Err(vm.type_error(m))
        }
        r => r,
    }
}

/// `f(*args, **kwargs)`.
///
/// `pos` and `kw` lie on the value stack; only the tuple or dict made from
/// them here is held in this frame, since a word left in it can keep the
/// arguments alive after the call (see "Stack residue" in docs/architecture.md).
fn call_ex(vm: &mut Vm, callee: Value, pos: Value, kw: Value) -> PyResult {
    let made_pos = if pos.is::<crate::tuple::TupleObj>() { Value::NULL } else { star_args_tuple(vm, callee, pos)? };
    let pos = if made_pos.is_null() { pos } else { made_pos };
    let mut buf = Buf::new();
    buf.extend(crate::tuple::items(pos));
    let mut names = Vec::new();
    let mut made_kw = Value::NULL;
    if !kw.is_null() {
        if !kw.is::<dict::DictObj>() {
            made_kw = dict::copy(vm, kw)?;
        }
        let d = if made_kw.is_null() { kw } else { made_kw };
        for (k, v) in dict::dobj(d).items() {
            if crate::str::as_str(k).is_none() {
                return Err(vm.type_error("keywords must be strings"));
            }
            names.push(k);
            buf.push(v);
        }
    }
    let r = crate::profile::call_args(vm, callee, Args::with_kw(buf.as_slice(), &names));
    std::hint::black_box((made_pos, made_kw));
    r
}

/// The positional arguments of `f(*it)` as a tuple.
fn star_args_tuple(vm: &mut Vm, func: Value, it: Value) -> PyResult {
    match crate::tuple::from_iterable(vm, it) {
        Err(e) if exceptions::matches(vm, e, vm.e.type_error) && ops::lacks_iter(vm, it) => {
            let f = ops::func_name(vm, func);
            let m = format!("{f} argument after * must be an iterable, not {}", vm.type_name(it));
            Err(vm.type_error(m))
        }
        r => r,
    }
}

/// `DictUpdate`: `{**m}`.
fn dict_update(vm: &mut Vm, target: Value, src: Value) -> PyResult<()> {
    if crate::dict_methods::merge_mapping(vm, target, src)? {
        return Ok(());
    }
    let m = format!("'{}' object is not a mapping", vm.type_name(src));
    Err(vm.type_error(m))
}

/// `DictMerge`: `f(**m)` merging into the kwargs dict, rejecting duplicates.
fn dict_merge(vm: &mut Vm, func: Value, target: Value, src: Value) -> PyResult<()> {
    use crate::dict_methods::Merge;
    match crate::dict_methods::merge(vm, target, src, true)? {
        Merge::Done => Ok(()),
        Merge::NotMapping => {
            let f = ops::func_name(vm, func);
            let m = format!("{f} argument after ** must be a mapping, not {}", vm.type_name(src));
            Err(vm.type_error(m))
        }
        Merge::Duplicate(k) => {
            let f = ops::func_name(vm, func);
            let key = ops::str_string(vm, k)?;
            Err(vm.type_error(format!("{f} got multiple values for keyword argument '{key}'")))
        }
    }
}

fn format_value(vm: &mut Vm, v: Value, conv: usize, spec: Value) -> PyResult {
    let v = match conv {
        1 => ops::str(vm, v)?,
        2 => ops::repr(vm, v)?,
        3 => ops::ascii(vm, v)?,
        _ => v,
    };
    if spec.is_null() && vm.type_of(v) == vm.t.str {
        return Ok(v);
    }
    let spec = if spec.is_null() { vm.empty_str } else { spec };
    ops::format(vm, v, spec)
}

fn make_function(vm: &mut Vm, flags: u32) -> PyResult {
    let f = frame(vm);
    let (globals, builtins) = (f.globals, f.builtins);
    let n = vm.stack.len();
    let code = vm.stack.get(n - 1);
    let mut i = n - 1;
    let mut take = |bit: u32| -> Value {
        if flags & bit != 0 {
            i -= 1;
            vm.stack.get(i)
        } else {
            Value::NULL
        }
    };
    let closure = take(8);
    let annotations = take(4);
    let kwdefaults = take(2);
    let defaults = take(1);
    let func = crate::func_type::new_function(vm, code, globals, builtins, defaults, kwdefaults, closure, annotations)?;
    vm.stack.truncate(i);
    Ok(func)
}

fn setup_annotations(vm: &mut Vm) -> PyResult<()> {
    let locals = frame(vm).locals;
    let key = vm.intern("__annotations__");
    if ops::mapping_get(vm, locals, key)?.is_none() {
        let d = dict::new_dict(vm);
        ops::setitem(vm, locals, key, d)?;
    }
    Ok(())
}

impl Vm {
    /// Interns a str and returns it (shorthand used where a name Value is needed).
    pub fn intern_value_str(&mut self, s: &str) -> Value {
        self.intern(s)
    }
}
