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
    /// The text, each lone surrogate shown as U+FFFD (as `StrObj::as_str`).
    text: String,
    /// The exact text (generalized UTF-8, same byte offsets as `text`) once it
    /// holds a lone surrogate.
    wide: Option<Vec<u8>>,
    nchars: usize,
    /// Position in code points (may be past the end).
    pos: usize,
    /// Universal-newline state (newline None or '').
    nl: Option<NlState>,
    /// What "\n" becomes when written ('\r' or "\r\n").
    writenl: Option<&'static str>,
    /// The `newline` argument (None for None), kept for `__getstate__`.
    readnl: Option<&'static str>,
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

    /// The text between byte offsets `start` and `end`, exact when it may
    /// hold a surrogate.
    fn piece(&self, start: usize, end: usize) -> Piece {
        let text = self.text[start..end].to_string();
        let wide = self.wide.as_ref().map(|w| w[start..end].to_vec());
        Piece { text, wide }
    }

    /// Takes the text from the position up to byte offset `end` (from `start`).
    fn take_to(&mut self, start: usize, end: usize) -> Piece {
        let p = self.piece(start, end);
        self.pos += p.text.chars().count();
        p
    }

    fn read(&mut self, n: i64) -> Piece {
        let start = self.byte_at(self.pos);
        let end = if n < 0 { self.text.len() } else { self.byte_at(self.pos.saturating_add(n as usize)) };
        if start >= end {
            return Piece::default();
        }
        self.take_to(start, end)
    }

    fn readline(&mut self, limit: i64) -> Piece {
        let start = self.byte_at(self.pos);
        let rest = &self.text[start..];
        let mut end = self.line_end.unwrap_or(LineEnd::Lf).find(rest).unwrap_or(rest.len());
        if limit >= 0 {
            let lim = rest.char_indices().nth(limit as usize).map_or(rest.len(), |(b, _)| b);
            end = end.min(lim);
        }
        self.take_to(start, start + end)
    }

    /// Writes `s`, whose exact text is `exact` when it holds a surrogate (the
    /// same length in bytes).
    fn write(&mut self, s: &str, exact: Option<&[u8]>) {
        let n = s.chars().count();
        if n == 0 {
            // Nothing written: a position past the end pads nothing either.
            return;
        }
        if exact.is_some() && self.wide.is_none() {
            self.wide = Some(self.text.as_bytes().to_vec());
        }
        let exact = exact.unwrap_or(s.as_bytes());
        if self.pos > self.nchars {
            let pad = self.pos - self.nchars;
            self.text.extend(std::iter::repeat('\0').take(pad));
            if let Some(w) = &mut self.wide {
                w.resize(w.len() + pad, 0);
            }
            self.nchars = self.pos;
        }
        let start = self.byte_at(self.pos);
        let end_char = (self.pos + n).min(self.nchars);
        let end = self.byte_at(end_char);
        self.text.replace_range(start..end, s);
        if let Some(w) = &mut self.wide {
            w.splice(start..end, exact.iter().copied());
        }
        self.nchars -= end_char - self.pos;
        self.nchars += n;
        self.pos += n;
    }
}

/// Text read from a StringIO.
#[derive(Default)]
struct Piece {
    text: String,
    /// The exact text, when the buffer holds a surrogate.
    wide: Option<Vec<u8>>,
}

impl Piece {
    fn into_value(self, vm: &mut Vm) -> Value {
        match self.wide {
            Some(w) => crate::str::new_str_wtf8(vm, w),
            None => crate::str::new_str(vm, self.text),
        }
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
    init_with(vm, s, initial, newline)?;
    Ok(vm.none)
}

/// `__init__(initial, newline)` of StringIO `s` (NULL arguments: not given).
fn init_with(vm: &mut Vm, s: &StringIOObj, initial: Value, newline: Value) -> PyResult<()> {
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
        readnl: newline,
        ready: true,
        ..State::default()
    };
    if let Some(text) = initial.downcast::<crate::str::StrObj>().filter(|t| !t.is_empty()) {
        write_text(s, text);
        s.st.borrow_mut().pos = 0;
    }
    Ok(())
}

/// `__getstate__` (pickling, `copy`): `(getvalue(), newline, position, copy of
/// __dict__ or None)`.
fn getstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "__getstate__", 0, 0)?;
    let s = open(vm, a[0])?;
    let (text, readnl, pos) = {
        let st = s.st.borrow();
        (st.piece(0, st.text.len()), st.readnl, st.pos)
    };
    let buf = crate::list::ValueBuf::new(vm);
    let v = text.into_value(vm);
    buf.push(v);
    let nl = match readnl {
        Some(n) => vm.intern(n),
        None => vm.none,
    };
    buf.push(nl);
    let p = crate::int::from_usize(vm, pos);
    buf.push(p);
    let own = a[0].header().map_or(Value::NULL, |h| h.dict());
    let dict = if own.is_null() { vm.none } else { crate::dict::copy(vm, own)? };
    buf.push(dict);
    Ok(buf.into_tuple(vm))
}

/// `__setstate__((value, newline, position, dict or None))`, with CPython's
/// checks; the value is taken as is (its newlines were translated when written).
fn setstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "__setstate__", 1, 1)?;
    let s = this(vm, a[0])?;
    if s.st.borrow().closed {
        return Err(closed_error_short(vm));
    }
    let state = a[1];
    let items = if crate::tuple::is_tuple(state) { crate::tuple::items(state) } else { &[] };
    if items.len() < 4 {
        let m = format!("_io.StringIO.__setstate__ argument should be 4-tuple, got {}", vm.type_name(state));
        return Err(vm.type_error(m));
    }
    init_with(vm, s, items[0], items[1])?;
    let text = items[0].downcast::<crate::str::StrObj>().expect("str checked by __init__");
    {
        let mut st = s.st.borrow_mut();
        st.nchars = text.len();
        st.text = text.as_str().to_string();
        st.wide = text.surrogates().map(<[u8]>::to_vec);
    }
    if !crate::typeobj::is_instance(vm, items[2], vm.t.int) {
        let m = format!("third item of state must be an integer, got {}", vm.type_name(items[2]));
        return Err(vm.type_error(m));
    }
    let pos = crate::number::index_i64(vm, items[2])?;
    if pos < 0 {
        return Err(vm.value_error("position value cannot be negative"));
    }
    s.st.borrow_mut().pos = pos as usize;
    super::restore_state_dict(vm, a[0], items[3], "fourth")?;
    Ok(vm.none)
}

/// Writes `text` at the position with newline translation.
fn write_text(s: &StringIOObj, so: &crate::str::StrObj) {
    let mut st = s.st.borrow_mut();
    let text = so.as_str();
    let mut t = match st.nl.as_mut() {
        Some(nl) => nl.decode(text, true),
        None => text.to_string(),
    };
    if let Some(nl) = st.writenl {
        t = t.replace('\n', nl);
    }
    // Newline translation keeps each U+FFFD, so a surrogate is found again.
    let exact = so.surrogates().map(|_| crate::str::restore_wtf8(so, &t));
    st.write(&t, exact.as_deref());
}

fn write(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "StringIO.write", 1, 1)?;
    let s = open(vm, a[0])?;
    let Some(text) = a[1].downcast::<crate::str::StrObj>() else {
        let m = format!("string argument expected, got '{}'", vm.type_name(a[1]));
        return Err(vm.type_error(m));
    };
    write_text(s, text);
    Ok(crate::int::from_usize(vm, text.len()))
}

fn getvalue(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "getvalue", 0, 0)?;
    let s = open(vm, a[0])?;
    let t = {
        let st = s.st.borrow();
        st.piece(0, st.text.len())
    };
    Ok(t.into_value(vm))
}

fn read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "read", 0, 1)?;
    let s = open(vm, a[0])?;
    let n = super::size_arg(vm, a.get(1))?;
    let t = s.st.borrow_mut().read(n);
    Ok(t.into_value(vm))
}

fn readline(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "readline", 0, 1)?;
    let s = open(vm, a[0])?;
    let n = super::size_arg(vm, a.get(1))?;
    let t = s.st.borrow_mut().readline(n);
    Ok(t.into_value(vm))
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
    if t.text.is_empty() {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(t.into_value(vm))
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
        if let Some(w) = &mut st.wide {
            w.truncate(b);
        }
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
    st.wide = None;
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
        ("__getstate__", getstate),
        ("__setstate__", setstate),
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
