//! Python frame objects (`sys._getframe()`, `tb_frame`, `gi_frame`), made when asked
//! for. `sys._getframe`, `gi_frame` and `tb_frame` give one object per interpreter
//! frame (kept in `Frame::obj`), whose `f_lineno` follows the frame while it runs.
//! `f_locals` of a function frame is a dict built when the object is made.

use crate::gc::{Trace, Tracer};
use crate::interp::Frame;
use crate::object::PyResult;
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

pub struct FrameObj {
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    pub locals: Cell<Value>,
    /// The line and instruction when last brought up to date (`frame_object`, or
    /// `f_lineno` while the frame is live).
    pub lineno: Cell<u32>,
    pub lasti: Cell<usize>,
    pub back: Cell<Value>,
    /// Index in `vm.frames` of the live frame this snapshot was taken from, for
    /// `f_locals` of module frames; usize::MAX when unknown.
    pub depth: usize,
}
impl Trace for FrameObj {
    fn trace(&self, t: &mut Tracer) {
        for v in [self.code, self.globals, self.builtins, self.locals.get(), self.back.get()] {
            t.value(v);
        }
    }
}
payload!(FrameObj, "frame");

/// A frame object for `f`, with `back` as `f_back`.
pub fn snapshot(vm: &mut Vm, f: &Frame, back: Value) -> Value {
    let ty = vm.t.frame;
    vm.alloc(
        ty,
        FrameObj {
            code: f.code,
            globals: f.globals,
            builtins: f.builtins,
            locals: Cell::new(f.locals),
            lineno: Cell::new(f.lineno()),
            lasti: Cell::new(f.lasti),
            back: Cell::new(back),
            depth: usize::MAX,
        },
    )
}

/// `sys._getframe(depth)`: the frame objects of the live frames, linked by `f_back`.
pub fn current_frame(vm: &mut Vm, depth: usize) -> PyResult {
    let n = crate::interp::frames_now(vm).len();
    if depth >= n {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    let mut back = vm.none;
    for i in 0..n - depth {
        let f = vm.frames[i].clone();
        let locals = if f.locals.is_null() { fast_locals(vm, i)? } else { f.locals };
        let fo = frame_object(vm, &f);
        vm.frames[i].obj = fo;
        let o = fobj(fo);
        o.locals.set(locals);
        o.back.set(back);
        back = fo;
    }
    Ok(back)
}

/// The frame object of interpreter frame `f` (store it in `f.obj`): the one made
/// before, brought up to date, or a new one.
pub fn frame_object(vm: &mut Vm, f: &Frame) -> Value {
    if f.obj.is_null() {
        return snapshot(vm, f, Value::NULL);
    }
    let o = fobj(f.obj);
    o.lineno.set(f.lineno());
    o.lasti.set(f.lasti);
    f.obj
}

/// The locals of function frame `i` as a new dict (`locals()`, `f_locals`).
pub fn fast_locals(vm: &mut Vm, i: usize) -> PyResult {
    let f = vm.frames[i].clone();
    let co = f.code_obj();
    let d = crate::dict::new_dict(vm);
    for (j, name) in co.varnames.iter().enumerate() {
        let v = vm.stack.get(f.base + j);
        if !v.is_null() {
            crate::dict::set_item(vm, d, *name, v)?;
        }
    }
    let nvars = co.varnames.len();
    for (j, name) in co.cell_names.iter().enumerate() {
        let c = vm.stack.get(f.base + nvars + j);
        if let Some(cell) = c.downcast::<crate::function::CellObj>() {
            let v = cell.value.get();
            if !v.is_null() {
                crate::dict::set_item(vm, d, *name, v)?;
            }
        }
    }
    Ok(d)
}

fn fobj(v: Value) -> &'static FrameObj {
    v.downcast::<FrameObj>().unwrap()
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
    let l = fobj(v).locals.get();
    if l.is_null() {
        let d = crate::dict::new_dict(vm);
        fobj(v).locals.set(d);
        return Ok(d);
    }
    Ok(l)
}
/// Records where interpreter frame `f` stopped in its frame object, if it has one
/// (the frame returned, raised or was suspended).
#[inline]
pub fn left(f: &Frame) {
    if !f.obj.is_null() {
        let o = fobj(f.obj);
        o.lineno.set(f.lineno());
        o.lasti.set(f.lasti);
    }
}

/// Sets the line frame object `v` reports while its frame is not running.
pub fn set_line(v: Value, line: u32) {
    fobj(v).lineno.set(line);
}

/// Brings `v` up to date with its interpreter frame while that one is live.
fn refresh(vm: &mut Vm, v: Value) -> &'static FrameObj {
    let o = fobj(v);
    if let Some(f) = crate::interp::frames_now(vm).iter().rev().find(|f| f.obj == v) {
        o.lineno.set(f.lineno());
        o.lasti.set(f.lasti);
    }
    o
}
fn f_lineno(vm: &mut Vm, v: Value) -> PyResult {
    let line = refresh(vm, v).lineno.get();
    Ok(crate::int::from_i64(vm, line as i64))
}
fn f_lasti(vm: &mut Vm, v: Value) -> PyResult {
    let lasti = refresh(vm, v).lasti.get();
    Ok(crate::int::from_i64(vm, lasti as i64 * 2))
}
fn f_back(vm: &mut Vm, v: Value) -> PyResult {
    let b = fobj(v).back.get();
    Ok(if b.is_null() { vm.none } else { b })
}
fn f_trace(vm: &mut Vm, _v: Value) -> PyResult {
    Ok(vm.none)
}
/// `frame.clear()`: drops the references the frame object holds to its locals
/// (a snapshot's `f_locals`); the live frame, if any, is not touched.
fn f_clear(vm: &mut Vm, args: crate::object::Args) -> PyResult {
    let a = args.exact(vm, "clear", 1, 1)?;
    fobj(a[0]).locals.set(Value::NULL);
    Ok(vm.none)
}

fn f_repr(vm: &mut Vm, args: crate::object::Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let f = fobj(a[0]);
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
    use crate::typeobj::{add_getter, add_method};
    let t = vm.t.frame;
    add_getter(vm, t, "f_code", f_code);
    add_getter(vm, t, "f_globals", f_globals);
    add_getter(vm, t, "f_builtins", f_builtins);
    add_getter(vm, t, "f_locals", f_locals);
    add_getter(vm, t, "f_lineno", f_lineno);
    add_getter(vm, t, "f_lasti", f_lasti);
    add_getter(vm, t, "f_back", f_back);
    add_method(vm, t, "clear", f_clear);
    add_getter(vm, t, "f_trace", f_trace);
    add_method(vm, t, "__repr__", f_repr);
}
