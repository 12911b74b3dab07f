//! `_io.StringIO`: text in memory with a position in code points (CPython's
//! stringio.c). Newlines are translated when written, as CPython does: with
//! `newline=None` every "\r\n" and "\r" becomes "\n"; with '\r' or '\r\n', each
//! "\n" written becomes that string.

use super::closed_error_short;
use super::newlines::{LineEnd, NlState};
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::{add_getter, add_method, add_static};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

#[derive(Default)]
struct State {
    text: String,
    nchars: usize,
    /// Position in code points (may be past the end).
    pos: usize,
    /// Universal-newline state (newline None or '').
    nl: Option<NlState>,
    /// What "\n" becomes when written ('\r' or "\r\n").
    writenl: Option<&'static str>,
    line_end: Option<LineEnd>,
    closed: bool,
    ready: bool,
}

impl State {
    /// The byte offset of code point `ci` (clamped to the end).
    fn byte_at(&self, ci: usize) -> usize {
        if ci >= self.nchars {
            return self.text.len();
        }
        if self.text.len() == self.nchars {
            return ci;
        }
        self.text.char_indices().nth(ci).map_or(self.text.len(), |(b, _)| b)
    }

    /// Takes the text from the position up to byte offset `end` (from `start`).
    fn take_to(&mut self, start: usize, end: usize) -> String {
        let s = self.text[start..end].to_string();
        self.pos += s.chars().count();
        s
    }

    fn read(&mut self, n: i64) -> String {
        let start = self.byte_at(self.pos);
        let end = if n < 0 { self.text.len() } else { self.byte_at(self.pos.saturating_add(n as usize)) };
        if start >= end {
            return String::new();
        }
        self.take_to(start, end)
    }

    fn readline(&mut self, limit: i64) -> String {
        let start = self.byte_at(self.pos);
        let rest = &self.text[start..];
        let mut end = self.line_end.unwrap_or(LineEnd::Lf).find(rest).unwrap_or(rest.len());
        if limit >= 0 {
            let lim = rest.char_indices().nth(limit as usize).map_or(rest.len(), |(b, _)| b);
            end = end.min(lim);
        }
        self.take_to(start, start + end)
    }

    fn write(&mut self, s: &str) {
        let n = s.chars().count();
        if self.pos > self.nchars {
            let pad = self.pos - self.nchars;
            self.text.extend(std::iter::repeat('\0').take(pad));
            self.nchars = self.pos;
        }
        if self.pos == self.nchars {
            self.text.push_str(s);
        } else {
            let start = self.byte_at(self.pos);
            let end_char = (self.pos + n).min(self.nchars);
            let end = self.byte_at(end_char);
            self.text.replace_range(start..end, s);
            self.nchars -= end_char - self.pos;
        }
        self.nchars += n;
        self.pos += n;
    }
}

pub struct StringIOObj {
    st: RefCell<State>,
}
impl Trace for StringIOObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(StringIOObj, "StringIO");

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static StringIOObj> {
    super::self_as(vm, v, "_io.StringIO")
}

/// The StringIO `v`, initialized and open.
fn open(vm: &mut Vm, v: Value) -> PyResult<&'static StringIOObj> {
    let s = this(vm, v)?;
    let (ready, closed) = {
        let st = s.st.borrow();
        (st.ready, st.closed)
    };
    if !ready {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    if closed {
        return Err(closed_error_short(vm));
    }
    Ok(s)
}

fn new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    Ok(vm.alloc(cls, StringIOObj { st: RefCell::new(State::default()) }))
}

fn init(vm: &mut Vm, args: Args) -> PyResult {
    let [self_, initial, newline] = args.bind(vm, "StringIO", ["self", "initial_value", "newline"], 1, 0)?;
    let s = this(vm, self_)?;
    let newline = if newline.is_null() { Some("\n") } else { super::newlines::newline_arg(vm, newline, true)? };
    if !initial.is_null() && initial != vm.none && crate::str::as_str(initial).is_none() {
        let m = format!("initial_value must be str or None, not {}", vm.type_name(initial));
        return Err(vm.type_error(m));
    }
    let universal = matches!(newline, None | Some(""));
    *s.st.borrow_mut() = State {
        nl: universal.then(|| NlState::new(newline.is_none())),
        writenl: newline.filter(|n| n.starts_with('\r')),
        line_end: Some(LineEnd::for_newline(newline)),
        ready: true,
        ..State::default()
    };
    if let Some(text) = crate::str::as_str(initial).filter(|t| !t.is_empty()) {
        write_text(s, text);
        s.st.borrow_mut().pos = 0;
    }
    Ok(vm.none)
}

/// Writes `text` at the position with newline translation.
fn write_text(s: &StringIOObj, text: &str) {
    let mut st = s.st.borrow_mut();
    let mut t = match st.nl.as_mut() {
        Some(nl) => nl.decode(text, true),
        None => text.to_string(),
    };
    if let Some(nl) = st.writenl {
        t = t.replace('\n', nl);
    }
    st.write(&t);
}

fn write(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "StringIO.write", 1, 1)?;
    let s = open(vm, a[0])?;
    let Some(text) = crate::str::as_str(a[1]) else {
        let m = format!("string argument expected, got '{}'", vm.type_name(a[1]));
        return Err(vm.type_error(m));
    };
    write_text(s, text);
    Ok(crate::int::from_usize(vm, text.chars().count()))
}

fn getvalue(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "getvalue", 0, 0)?;
    let s = open(vm, a[0])?;
    let t = s.st.borrow().text.clone();
    Ok(crate::str::new_str(vm, t))
}

fn read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "read", 0, 1)?;
    let s = open(vm, a[0])?;
    let n = super::size_arg(vm, a.get(1))?;
    let t = s.st.borrow_mut().read(n);
    Ok(crate::str::new_str(vm, t))
}

fn readline(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "readline", 0, 1)?;
    let s = open(vm, a[0])?;
    let n = super::size_arg(vm, a.get(1))?;
    let t = s.st.borrow_mut().readline(n);
    Ok(crate::str::new_str(vm, t))
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    let s = open(vm, args.vals[0])?;
    if !super::exact(vm, args.vals[0], vm.io.stringio) {
        // A subclass may override readline.
        let line = crate::call::call_method(vm, args.vals[0], "readline", &[])?;
        if crate::str::as_str(line).is_none() {
            let m = format!("readline() should have returned a str object, not '{}'", vm.type_name(line));
            let t = vm.e.os_error;
            return Err(vm.new_exc(t, m));
        }
        if crate::ops::len(vm, line)? == 0 {
            return Err(vm.stop_iteration(Value::NULL));
        }
        return Ok(line);
    }
    let t = s.st.borrow_mut().readline(-1);
    if t.is_empty() {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(crate::str::new_str(vm, t))
}

fn seek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "seek", 1, 2)?;
    let s = open(vm, a[0])?;
    let (pos, len) = {
        let st = s.st.borrow();
        (st.pos, st.nchars)
    };
    let p = super::bytesio::seek_target(vm, a[1], a.get(2), pos, len, true)?;
    s.st.borrow_mut().pos = p;
    Ok(crate::int::from_usize(vm, p))
}

fn tell(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "tell", 0, 0)?;
    let s = open(vm, a[0])?;
    let p = s.st.borrow().pos;
    Ok(crate::int::from_usize(vm, p))
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "truncate", 0, 1)?;
    let s = open(vm, a[0])?;
    let pos = s.st.borrow().pos;
    let n = match a.get(1) {
        Some(v) if *v != vm.none => {
            let n = crate::number::index_i64(vm, *v)?;
            if n < 0 {
                return Err(vm.value_error(format!("Negative size value {n}")));
            }
            n as usize
        }
        _ => pos,
    };
    let mut st = s.st.borrow_mut();
    if n < st.nchars {
        let b = st.byte_at(n);
        st.text.truncate(b);
        st.nchars = n;
    }
    drop(st);
    Ok(crate::int::from_usize(vm, n))
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "close", 0, 0)?;
    let s = this(vm, a[0])?;
    let mut st = s.st.borrow_mut();
    st.closed = true;
    st.text = String::new();
    Ok(vm.none)
}

fn closed(vm: &mut Vm, v: Value) -> PyResult {
    let s = this(vm, v)?;
    let c = s.st.borrow().closed;
    Ok(vm.bool(c))
}

fn true_if_open(vm: &mut Vm, args: Args) -> PyResult {
    open(vm, args.vals[0])?;
    Ok(vm.true_)
}

fn line_buffering(vm: &mut Vm, v: Value) -> PyResult {
    open(vm, v)?;
    Ok(vm.false_)
}

fn newlines(vm: &mut Vm, v: Value) -> PyResult {
    let s = open(vm, v)?;
    let nl = s.st.borrow().nl;
    Ok(match nl {
        Some(nl) => nl.newlines(vm),
        None => vm.none,
    })
}

pub fn init_type(vm: &mut Vm) {
    let base = vm.io.text_iobase;
    let t = super::new_io_type(vm, "StringIO", base, true);
    vm.io.stringio = t;
    add_static(vm, t, "__new__", new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__init__", init),
        ("write", write),
        ("getvalue", getvalue),
        ("read", read),
        ("readline", readline),
        ("__next__", next),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("close", close),
        ("readable", true_if_open),
        ("writable", true_if_open),
        ("seekable", true_if_open),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    add_getter(vm, t, "closed", closed);
    add_getter(vm, t, "line_buffering", line_buffering);
    add_getter(vm, t, "newlines", newlines);
}
