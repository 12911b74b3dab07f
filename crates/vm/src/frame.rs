//! Python frame objects (`sys._getframe()`, `tb_frame`, `gi_frame`, the frames the
//! hooks are given), made when asked for: one object per interpreter frame, kept in
//! `Frame::obj`.
//!
//! A frame object follows its interpreter frame while that one is on `vm.frames`
//! (live) or suspended in its generator: `f_lineno`, `f_back` and, for function
//! frames, the `f_locals` dict (brought up to date from the fast locals at each
//! read, as CPython's `PyFrame_FastToLocals` does, and written back after a trace
//! function ran). Once the frame has returned or raised, the object keeps the line
//! it stopped at, its locals as last read and the caller it returned to.

use crate::gc::{Trace, Tracer};
use crate::interp::Frame;
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

pub struct FrameObj {
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    /// Module, class and exec frames: their namespace. Function frames: the dict
    /// `f_locals` fills, NULL until asked for.
    pub locals: Cell<Value>,
    /// A function frame: its locals are fast locals (slots), not a namespace.
    fast: bool,
    /// The generator whose frame this is (its slots hold the locals while it is
    /// suspended), or NULL.
    gen: Value,
    /// The line and instruction when last brought up to date.
    pub lineno: Cell<u32>,
    pub lasti: Cell<usize>,
    /// `f_back` once the frame has returned or raised (a live frame's is the frame
    /// below it), NULL for None.
    back: Cell<Value>,
    /// `f_trace`: the frame's local trace function, NULL when none.
    pub trace: Cell<Value>,
    pub trace_lines: Cell<bool>,
    pub trace_opcodes: Cell<bool>,
    /// A function frame's fast locals and cells as it left them (CPython's frame
    /// object taking ownership of the frame's data), empty before.
    kept: RefCell<Vec<Value>>,
}
impl Trace for FrameObj {
    fn trace(&self, t: &mut Tracer) {
        for v in [self.code, self.globals, self.builtins, self.locals.get(), self.gen, self.back.get(), self.trace.get()] {
            t.value(v);
        }
        match self.kept.try_borrow() {
            Ok(k) => k.trace(t),
            Err(_) => t.poisoned_borrow = true,
        }
    }
}
payload!(FrameObj, "frame");

/// A new frame object for `f`.
fn new_object(vm: &mut Vm, f: &Frame) -> Value {
    let ty = vm.t.frame;
    vm.alloc(
        ty,
        FrameObj {
            code: f.code,
            globals: f.globals,
            builtins: f.builtins,
            locals: Cell::new(f.locals),
            fast: f.locals.is_null(),
            gen: f.gen,
            lineno: Cell::new(f.lineno()),
            lasti: Cell::new(f.lasti),
            back: Cell::new(Value::NULL),
            trace: Cell::new(Value::NULL),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
            kept: RefCell::new(Vec::new()),
        },
    )
}

/// The frame object of interpreter frame `f` (store it in `f.obj`): the one made
/// before, brought up to date, or a new one.
pub fn frame_object(vm: &mut Vm, f: &Frame) -> Value {
    if f.obj.is_null() {
        return new_object(vm, f);
    }
    let o = fobj(f.obj);
    o.lineno.set(f.lineno());
    o.lasti.set(f.lasti);
    f.obj
}

/// The frame object of live frame `vm.frames[i]`, made if need be.
pub fn object_of(vm: &mut Vm, i: usize) -> Value {
    let f = vm.frames[i].clone();
    let fo = frame_object(vm, &f);
    vm.frames[i].obj = fo;
    fo
}

/// `sys._getframe(depth)`.
pub fn current_frame(vm: &mut Vm, depth: usize) -> PyResult {
    let n = crate::interp::frames_now(vm).len();
    if depth >= n {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    Ok(object_of(vm, n - 1 - depth))
}

/// Where the interpreter frame of a frame object is.
enum Place {
    /// `vm.frames[i]`.
    Live(usize),
    /// Suspended in its generator.
    Suspended,
    /// Returned or raised.
    Gone,
}

fn place(vm: &mut Vm, v: Value) -> Place {
    if let Some(i) = crate::interp::frames_now(vm).iter().rposition(|f| f.obj == v) {
        return Place::Live(i);
    }
    let g = fobj(v).gen;
    match g.downcast::<crate::generator::GenObj>().map(|g| g.state.borrow().as_ref().map(|s| s.frame.obj)) {
        Some(Some(obj)) if obj == v => Place::Suspended,
        _ => Place::Gone,
    }
}

/// The values of a function frame's fast locals and cells, if it still has them.
fn slots(vm: &mut Vm, v: Value) -> Option<Vec<Value>> {
    let n = fobj(v).code.downcast::<crate::function::CodeObj>()?.nslots;
    match place(vm, v) {
        Place::Live(i) => {
            let base = vm.frames[i].base;
            Some(vm.stack.copy_range(base, base + n).collect())
        }
        Place::Suspended => {
            let g = fobj(v).gen.downcast::<crate::generator::GenObj>()?;
            let st = g.state.borrow();
            Some(st.as_ref()?.slots.iter().take(n).copied().collect())
        }
        Place::Gone => {
            let k = fobj(v).kept.borrow();
            (!k.is_empty()).then(|| k.clone())
        }
    }
}

/// `frame.f_locals` (and `locals()`): a function frame's dict brought up to date
/// with its fast locals and cells, or the frame's namespace.
pub fn locals_of(vm: &mut Vm, v: Value) -> PyResult {
    let o = fobj(v);
    let mut d = o.locals.get();
    if d.is_null() {
        d = crate::dict::new_dict(vm);
        o.locals.set(d);
    }
    if !o.fast {
        return Ok(d);
    }
    // The values stay rooted by the frame's slots while the dict is filled.
    let Some(vals) = slots(vm, v) else { return Ok(d) };
    let co = o.code.downcast::<crate::function::CodeObj>().expect("frame code");
    for (j, name) in co.varnames.iter().chain(co.cell_names.iter()).enumerate() {
        let mut val = vals.get(j).copied().unwrap_or(Value::NULL);
        if j >= co.varnames.len() {
            val = val.downcast::<crate::function::CellObj>().map_or(Value::NULL, |c| c.value.get());
        }
        if val.is_null() {
            crate::dict::pop_item(vm, d, *name)?;
        } else {
            crate::dict::set_item(vm, d, *name, val)?;
        }
    }
    Ok(d)
}

/// Writes a live function frame's `f_locals` dict back to its fast locals and
/// cells (CPython's `PyFrame_LocalsToFast` after a trace function): a name missing
/// from the dict leaves its local unbound.
pub fn locals_to_fast(vm: &mut Vm, v: Value) -> PyResult<()> {
    let o = fobj(v);
    let d = o.locals.get();
    if !o.fast || d.is_null() {
        return Ok(());
    }
    let Place::Live(i) = place(vm, v) else { return Ok(()) };
    let co = o.code.downcast::<crate::function::CodeObj>().expect("frame code");
    let nvars = co.varnames.len();
    for (j, name) in co.varnames.iter().chain(co.cell_names.iter()).enumerate() {
        let val = crate::dict::get_item(vm, d, *name)?.unwrap_or(Value::NULL);
        let slot = vm.frames[i].base + j;
        if j < nvars {
            vm.stack.set(slot, val);
        } else if let Some(c) = vm.stack.get(slot).downcast::<crate::function::CellObj>() {
            c.value.set(val);
        }
    }
    Ok(())
}

/// Records where interpreter frame `f` stopped in its frame object, if it has one:
/// it was just popped off `vm.frames` (returned, raised or suspended). A frame that
/// is gone keeps the frame it returned to as `f_back`.
/// `raising`: the frame leaves by an exception, whose instruction its `lasti` holds.
#[inline]
pub fn left(vm: &mut Vm, f: &Frame, raising: bool) {
    if !f.obj.is_null() {
        stopped(vm, f, raising);
    }
}

#[cold]
fn stopped(vm: &mut Vm, f: &Frame, raising: bool) {
    let o = fobj(f.obj);
    // The instruction it stopped at: a returning frame's loop may not have written
    // it back; a raising frame's is the raise (a re-raise restores it).
    let running = if raising { None } else { crate::interp::lasti_at(f, vm.top_ip) };
    let lasti = running.unwrap_or(f.lasti);
    let line = f.code_obj().code.line_at(lasti);
    o.lineno.set(line);
    o.lasti.set(lasti);
    if o.fast {
        // The slots are still on the value stack: the frame was just popped.
        let n = f.code_obj().nslots;
        *o.kept.borrow_mut() = vm.stack.copy_range(f.base, f.base + n).collect();
    }
    if f.gen.is_null() && o.back.get().is_null() && !vm.frames.is_empty() {
        let back = object_of(vm, vm.frames.len() - 1);
        o.back.set(back);
    }
}

/// Sets the line frame object `v` reports while its frame is not running.
pub fn set_line(v: Value, line: u32) {
    fobj(v).lineno.set(line);
}

fn fobj(v: Value) -> &'static FrameObj {
    v.downcast::<FrameObj>().expect("frame object")
}

/// Brings `v`'s line up to date with its interpreter frame while that one is live.
fn refresh(vm: &mut Vm, v: Value) -> &'static FrameObj {
    let o = fobj(v);
    if let Place::Live(i) = place(vm, v) {
        let f = &vm.frames[i];
        o.lineno.set(f.lineno());
        o.lasti.set(f.lasti);
    }
    o
}

fn f_code(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(fobj(v).code)
}
fn f_globals(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(fobj(v).globals)
}
fn f_builtins(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(fobj(v).builtins)
}
fn f_locals(vm: &mut Vm, v: Value) -> PyResult {
    locals_of(vm, v)
}
fn f_lineno(vm: &mut Vm, v: Value) -> PyResult {
    let line = refresh(vm, v).lineno.get();
    Ok(crate::int::from_i64(vm, line as i64))
}
/// Assigning `f_lineno`: a debugger's jump, which only a trace function may make
/// (`trace::request_jump`).
fn set_f_lineno(vm: &mut Vm, v: Value, line: Value) -> PyResult<()> {
    if line.is_null() {
        return Err(vm.attribute_error("cannot delete f_lineno attribute"));
    }
    if vm.type_of(line) != vm.t.int {
        return Err(vm.value_error("lineno must be an integer"));
    }
    // An int beyond C's int is out of range (reported after the other checks).
    let line = crate::number::index_i64(vm, line).ok().filter(|l| i32::try_from(*l).is_ok());
    crate::trace::request_jump(vm, v, line)
}
fn f_lasti(vm: &mut Vm, v: Value) -> PyResult {
    let lasti = refresh(vm, v).lasti.get();
    let lasti = if lasti == usize::MAX { -1 } else { lasti as i64 * 2 };
    Ok(crate::int::from_i64(vm, lasti))
}
fn f_back(vm: &mut Vm, v: Value) -> PyResult {
    let b = match place(vm, v) {
        Place::Live(0) | Place::Suspended => Value::NULL,
        Place::Live(i) => object_of(vm, i - 1),
        Place::Gone => fobj(v).back.get(),
    };
    Ok(if b.is_null() { vm.none } else { b })
}
fn f_trace(vm: &mut Vm, v: Value) -> PyResult {
    let t = fobj(v).trace.get();
    Ok(if t.is_null() { vm.none } else { t })
}
fn set_f_trace(vm: &mut Vm, v: Value, t: Value) -> PyResult<()> {
    let t = if t.is_null() || t == vm.none { Value::NULL } else { t };
    fobj(v).trace.set(t);
    Ok(())
}
fn f_trace_lines(vm: &mut Vm, v: Value) -> PyResult {
    Ok(vm.bool(fobj(v).trace_lines.get()))
}
fn set_f_trace_lines(vm: &mut Vm, v: Value, b: Value) -> PyResult<()> {
    set_bool(vm, b, &fobj(v).trace_lines)
}
fn f_trace_opcodes(vm: &mut Vm, v: Value) -> PyResult {
    Ok(vm.bool(fobj(v).trace_opcodes.get()))
}
fn set_f_trace_opcodes(vm: &mut Vm, v: Value, b: Value) -> PyResult<()> {
    set_bool(vm, b, &fobj(v).trace_opcodes)
}
/// Sets a bool attribute of a frame (CPython's T_BOOL members: True or False only).
fn set_bool(vm: &mut Vm, b: Value, cell: &Cell<bool>) -> PyResult<()> {
    if b.is_null() {
        return Err(vm.type_error("can't delete numeric/char attribute"));
    }
    if b != vm.true_ && b != vm.false_ {
        return Err(vm.type_error("attribute value type must be bool"));
    }
    cell.set(b == vm.true_);
    Ok(())
}

/// `frame.clear()`: drops the locals the frame object holds; a running frame
/// cannot be cleared.
fn f_clear(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "clear", 1, 1)?;
    match place(vm, a[0]) {
        Place::Live(_) => return Err(vm.runtime_error("cannot clear an executing frame")),
        // Clearing a suspended generator's frame finalizes the generator, as its
        // collection would: it is closed (errors are unraisable), or warns if it is
        // a coroutine never started.
        Place::Suspended => crate::generator::finalize(vm, fobj(a[0]).gen),
        Place::Gone => {}
    }
    let o = fobj(a[0]);
    if o.fast {
        o.locals.set(Value::NULL);
        o.kept.borrow_mut().clear();
    }
    o.trace.set(Value::NULL);
    Ok(vm.none)
}

fn f_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let f = refresh(vm, a[0]);
    let co = f.code.downcast::<crate::function::CodeObj>().unwrap();
    let s = format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        a[0].id(),
        crate::str::as_str(co.filename).unwrap_or("?"),
        f.lineno.get(),
        crate::str::as_str(co.name).unwrap_or("?")
    );
    Ok(crate::str::new_str(vm, s))
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_getset, add_getter, add_method};
    let t = vm.t.frame;
    add_getter(vm, t, "f_code", f_code);
    add_getter(vm, t, "f_globals", f_globals);
    add_getter(vm, t, "f_builtins", f_builtins);
    add_getter(vm, t, "f_locals", f_locals);
    add_getset(vm, t, "f_lineno", f_lineno, set_f_lineno);
    add_getter(vm, t, "f_lasti", f_lasti);
    add_getter(vm, t, "f_back", f_back);
    add_method(vm, t, "clear", f_clear);
    add_getset(vm, t, "f_trace", f_trace, set_f_trace);
    add_getset(vm, t, "f_trace_lines", f_trace_lines, set_f_trace_lines);
    add_getset(vm, t, "f_trace_opcodes", f_trace_opcodes, set_f_trace_opcodes);
    add_method(vm, t, "__repr__", f_repr);
}
