//! `_io.BytesIO`: a growable byte buffer with a position (CPython's bytesio.c).

use super::{closed_error, size_arg};
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::{add_getter, add_method, add_static};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

pub struct BytesIOObj {
    pub buf: RefCell<Vec<u8>>,
    pub pos: Cell<usize>,
    pub closed: Cell<bool>,
}
impl Trace for BytesIOObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(BytesIOObj, "BytesIO");

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static BytesIOObj> {
    super::self_as(vm, v, "_io.BytesIO")
}

fn open(vm: &mut Vm, v: Value) -> PyResult<&'static BytesIOObj> {
    let b = this(vm, v)?;
    if b.closed.get() {
        return Err(closed_error(vm));
    }
    Ok(b)
}

impl BytesIOObj {
    /// Takes up to `n` bytes (all when negative) from the position.
    fn take(&self, n: i64) -> Vec<u8> {
        let buf = self.buf.borrow();
        let pos = self.pos.get().min(buf.len());
        let end = if n < 0 { buf.len() } else { (pos + n as usize).min(buf.len()) };
        self.pos.set(end.max(self.pos.get()));
        buf[pos..end].to_vec()
    }

    fn take_line(&self, limit: i64) -> Vec<u8> {
        let buf = self.buf.borrow();
        let pos = self.pos.get().min(buf.len());
        let rest = &buf[pos..];
        let mut end = rest.iter().position(|c| *c == b'\n').map_or(rest.len(), |i| i + 1);
        if limit >= 0 {
            end = end.min(limit as usize);
        }
        self.pos.set(pos + end);
        rest[..end].to_vec()
    }

    pub fn write_bytes(&self, data: &[u8]) -> usize {
        if data.is_empty() {
            // Nothing written: a position past the end pads nothing either.
            return 0;
        }
        let mut buf = self.buf.borrow_mut();
        let pos = self.pos.get();
        if pos > buf.len() {
            buf.resize(pos, 0);
        }
        let end = pos + data.len();
        if end > buf.len() {
            buf.resize(end, 0);
        }
        buf[pos..end].copy_from_slice(data);
        self.pos.set(end);
        data.len()
    }
}

fn new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    Ok(vm.alloc(cls, BytesIOObj { buf: RefCell::new(Vec::new()), pos: Cell::new(0), closed: Cell::new(false) }))
}

fn init(vm: &mut Vm, args: Args) -> PyResult {
    let [self_, initial] = args.bind(vm, "BytesIO", ["self", "initial_bytes"], 1, 0)?;
    let b = this(vm, self_)?;
    let data = if initial.is_null() || initial == vm.none { Vec::new() } else { super::bytes_arg(vm, initial)? };
    *b.buf.borrow_mut() = data;
    b.pos.set(0);
    Ok(vm.none)
}

fn getvalue(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "getvalue", 0, 0)?;
    let b = open(vm, a[0])?;
    let d = b.buf.borrow().clone();
    Ok(crate::bytes::new_bytes(vm, d))
}

/// A view of a copy of the contents (writes through it do not reach the BytesIO:
/// our memoryview cannot share a Rust buffer yet).
fn getbuffer(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "getbuffer", 0, 0)?;
    let b = open(vm, a[0])?;
    let d = b.buf.borrow().clone();
    let ba = crate::bytes::new_bytearray(vm, d);
    crate::memoryview::new_view(vm, ba)
}

fn read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "read", 0, 1)?;
    let b = open(vm, a[0])?;
    let n = size_arg(vm, a.get(1))?;
    let d = b.take(n);
    Ok(crate::bytes::new_bytes(vm, d))
}

fn readline(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "readline", 0, 1)?;
    let b = open(vm, a[0])?;
    let n = size_arg(vm, a.get(1))?;
    let d = b.take_line(n);
    Ok(crate::bytes::new_bytes(vm, d))
}

fn readlines(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "readlines", 0, 1)?;
    let b = open(vm, a[0])?;
    let hint = size_arg(vm, a.get(1))?;
    let out = crate::list::new_list(vm, vec![]);
    let mut total = 0usize;
    loop {
        let line = b.take_line(-1);
        if line.is_empty() {
            break;
        }
        total += line.len();
        let v = crate::bytes::new_bytes(vm, line);
        crate::list::lobj(out).items.borrow_mut().push(v);
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(out)
}

fn readinto(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "readinto", 1, 1)?;
    let b = open(vm, a[0])?;
    let len = super::writable_len(vm, a[1], "readinto")?;
    let d = b.take(len as i64);
    super::store_into(vm, a[1], &d)?;
    Ok(crate::int::from_usize(vm, d.len()))
}

fn write(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "write", 1, 1)?;
    let b = open(vm, a[0])?;
    let data = super::bytes_arg(vm, a[1])?;
    let n = b.write_bytes(&data);
    Ok(crate::int::from_usize(vm, n))
}

fn writelines(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "writelines", 1, 1)?;
    open(vm, a[0])?;
    let it = crate::ops::iter(vm, a[1])?;
    while let Some(line) = crate::ops::next(vm, it)? {
        let data = super::bytes_arg(vm, line)?;
        open(vm, a[0])?.write_bytes(&data);
    }
    Ok(vm.none)
}

/// `seek(pos, whence)` over a buffer of `len` units; the messages are BytesIO's
/// (`stringio`: StringIO's wording, which also refuses nonzero relative seeks).
pub fn seek_target(vm: &mut Vm, pos: Value, whence: Option<&Value>, cur: usize, len: usize, stringio: bool) -> PyResult<usize> {
    let pos = crate::number::index_i64(vm, pos)?;
    let whence = match whence {
        Some(w) => crate::number::index_i64(vm, *w)?,
        None => 0,
    };
    let (invalid, negative) = if stringio { ("Invalid whence", "Negative seek position") } else { ("invalid whence", "negative seek value") };
    match whence {
        0 if pos < 0 => Err(vm.value_error(format!("{negative} {pos}"))),
        0 => Ok(pos as usize),
        // CPython's StringIO says "cur" for both.
        1 | 2 if stringio && pos != 0 => {
            let t = vm.e.os_error;
            Err(vm.new_exc(t, "Can't do nonzero cur-relative seeks"))
        }
        1 => Ok((cur as i64 + pos).max(0) as usize),
        2 => Ok((len as i64 + pos).max(0) as usize),
        _ => Err(vm.value_error(format!("{invalid} ({whence}, should be 0, 1 or 2)"))),
    }
}

fn seek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "seek", 1, 2)?;
    let b = open(vm, a[0])?;
    let len = b.buf.borrow().len();
    let p = seek_target(vm, a[1], a.get(2), b.pos.get(), len, false)?;
    b.pos.set(p);
    Ok(crate::int::from_usize(vm, p))
}

fn tell(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "tell", 0, 0)?;
    let b = open(vm, a[0])?;
    Ok(crate::int::from_usize(vm, b.pos.get()))
}

/// `truncate(size=None)`'s size: the position when None, ValueError when negative.
pub fn truncate_size(vm: &mut Vm, v: Option<&Value>, pos: usize) -> PyResult<usize> {
    match v {
        Some(v) if *v != vm.none => {
            let n = crate::number::index_i64(vm, *v)?;
            if n < 0 {
                return Err(vm.value_error(format!("negative size value {n}")));
            }
            Ok(n as usize)
        }
        _ => Ok(pos),
    }
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "truncate", 0, 1)?;
    let b = open(vm, a[0])?;
    let n = truncate_size(vm, a.get(1), b.pos.get())?;
    b.buf.borrow_mut().truncate(n);
    Ok(crate::int::from_usize(vm, n))
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "close", 0, 0)?;
    let b = this(vm, a[0])?;
    b.closed.set(true);
    b.buf.borrow_mut().clear();
    Ok(vm.none)
}

fn closed(vm: &mut Vm, v: Value) -> PyResult {
    let b = this(vm, v)?;
    Ok(vm.bool(b.closed.get()))
}

fn true_if_open(vm: &mut Vm, args: Args) -> PyResult {
    open(vm, args.vals[0])?;
    Ok(vm.true_)
}

fn false_if_open(vm: &mut Vm, args: Args) -> PyResult {
    open(vm, args.vals[0])?;
    Ok(vm.false_)
}

fn flush(vm: &mut Vm, args: Args) -> PyResult {
    open(vm, args.vals[0])?;
    Ok(vm.none)
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    let b = open(vm, args.vals[0])?;
    let line = b.take_line(-1);
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(crate::bytes::new_bytes(vm, line))
}

/// `__getstate__` (pickling, `copy`): `(getvalue(), position, copy of __dict__ or None)`.
fn getstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "__getstate__", 0, 0)?;
    let b = open(vm, a[0])?;
    let d = b.buf.borrow().clone();
    let value = crate::bytes::new_bytes(vm, d);
    let pos = crate::int::from_i64(vm, b.pos.get() as i64);
    let own = a[0].header().map_or(Value::NULL, |h| h.dict());
    let dict = if own.is_null() { vm.none } else { crate::dict::copy(vm, own)? };
    Ok(crate::tuple::new_tuple(vm, vec![value, pos, dict]))
}

/// `__setstate__((value, position, dict or None))`, with CPython's checks.
fn setstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "__setstate__", 1, 1)?;
    let b = this(vm, a[0])?;
    if b.closed.get() {
        return Err(closed_error(vm));
    }
    let state = a[1];
    let items = if crate::tuple::is_tuple(state) { crate::tuple::items(state) } else { &[] };
    if items.len() < 3 {
        let m = format!("_io.BytesIO.__setstate__ argument should be 3-tuple, got {}", vm.type_name(state));
        return Err(vm.type_error(m));
    }
    let data = crate::bytes::buffer_arg(vm, items[0])?;
    *b.buf.borrow_mut() = data;
    if !crate::typeobj::is_instance(vm, items[1], vm.t.int) {
        let m = format!("second item of state must be an integer, not {}", vm.type_name(items[1]));
        return Err(vm.type_error(m));
    }
    let pos = crate::number::index_i64(vm, items[1])?;
    if pos < 0 {
        return Err(vm.value_error("position value cannot be negative"));
    }
    b.pos.set(pos as usize);
    super::restore_state_dict(vm, a[0], items[2], "third")?;
    Ok(vm.none)
}

pub fn init_type(vm: &mut Vm) {
    let base = vm.io.buffered_iobase;
    let t = super::new_io_type(vm, "BytesIO", base, true);
    vm.io.bytesio = t;
    add_static(vm, t, "__new__", new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__init__", init),
        ("getvalue", getvalue),
        ("getbuffer", getbuffer),
        ("read", read),
        ("read1", read),
        ("readline", readline),
        ("readlines", readlines),
        ("readinto", readinto),
        ("readinto1", readinto),
        ("write", write),
        ("writelines", writelines),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("close", close),
        ("flush", flush),
        ("readable", true_if_open),
        ("writable", true_if_open),
        ("seekable", true_if_open),
        ("isatty", false_if_open),
        ("__next__", next),
        ("__getstate__", getstate),
        ("__setstate__", setstate),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    add_getter(vm, t, "closed", closed);
}
