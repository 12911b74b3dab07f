//! Newlines on input: universal-newline translation (`IncrementalNewlineDecoder`, used
//! by `TextIOWrapper` and `StringIO` when `newline` is None or '') and the search
//! for the end of a line under each `newline=` setting.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::{add_getter, add_method, add_static};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// The translation state: a '\r' held back until the next character shows whether
/// it starts a "\r\n", and which kinds of newline were seen.
#[derive(Clone, Copy, Default)]
pub struct NlState {
    pub translate: bool,
    pub pendingcr: bool,
    pub seennl: u8,
}

impl NlState {
    pub fn new(translate: bool) -> NlState {
        NlState { translate, pendingcr: false, seennl: 0 }
    }

    /// Processes decoded text (CPython's `_PyIncrementalNewlineDecoder_decode`).
    pub fn decode(&mut self, input: &str, final_: bool) -> String {
        let mut out = String::with_capacity(input.len() + 1);
        if self.pendingcr && (!input.is_empty() || final_) {
            out.push('\r');
            self.pendingcr = false;
        }
        out.push_str(input);
        if !final_ && out.ends_with('\r') {
            out.pop();
            self.pendingcr = true;
        }
        if !out.contains('\r') {
            if out.contains('\n') {
                self.seennl |= SEEN_LF;
            }
            return out;
        }
        let crlf = out.matches("\r\n").count();
        let cr = out.matches('\r').count() - crlf;
        let lf = out.matches('\n').count() - crlf;
        self.seennl |= (if lf > 0 { SEEN_LF } else { 0 }) | (if cr > 0 { SEEN_CR } else { 0 }) | (if crlf > 0 { SEEN_CRLF } else { 0 });
        if self.translate {
            out = out.replace("\r\n", "\n").replace('\r', "\n");
        }
        out
    }

    /// The `newlines` attribute: None, one str or a tuple of the kinds seen.
    pub fn newlines(&self, vm: &mut Vm) -> Value {
        let kinds: Vec<&str> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")].iter().filter(|(f, _)| self.seennl & f != 0).map(|(_, s)| *s).collect();
        match kinds.len() {
            0 => vm.none,
            1 => vm.intern(kinds[0]),
            _ => {
                let buf = crate::list::ValueBuf::new(vm);
                for k in kinds {
                    let s = vm.intern(k);
                    buf.push(s);
                }
                buf.into_tuple(vm)
            }
        }
    }
}

/// Where lines end when reading.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum LineEnd {
    /// '\n' only (newline='\n', or input already translated).
    Lf,
    /// '\r', '\n' or "\r\n", kept as they are (newline='').
    Universal,
    Cr,
    CrLf,
}

impl LineEnd {
    /// The reading rule for a `newline=` argument (None -> translated input).
    pub fn for_newline(newline: Option<&str>) -> LineEnd {
        match newline {
            None | Some("\n") => LineEnd::Lf,
            Some("") => LineEnd::Universal,
            Some("\r") => LineEnd::Cr,
            _ => LineEnd::CrLf,
        }
    }

    /// The byte index just after the first line ending in `s`.
    pub fn find(self, s: &str) -> Option<usize> {
        let b = s.as_bytes();
        match self {
            LineEnd::Lf => memchr(b, b'\n').map(|i| i + 1),
            LineEnd::Cr => memchr(b, b'\r').map(|i| i + 1),
            LineEnd::CrLf => s.find("\r\n").map(|i| i + 2),
            LineEnd::Universal => {
                let i = b.iter().position(|c| *c == b'\n' || *c == b'\r')?;
                Some(if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 })
            }
        }
    }
}

fn memchr(b: &[u8], c: u8) -> Option<usize> {
    b.iter().position(|x| *x == c)
}

/// Checks a `newline=` argument: None or one of '', '\n', '\r', '\r\n' (StringIO and
/// TextIOWrapper word the errors differently).
pub fn newline_arg(vm: &mut Vm, v: Value, stringio: bool) -> PyResult<Option<&'static str>> {
    if v.is_null() || v == vm.none {
        return Ok(None);
    }
    let Some(s) = crate::str::as_str(v) else {
        let who = if stringio { "newline" } else { "TextIOWrapper() argument 'newline'" };
        let m = format!("{who} must be str or None, not {}", vm.type_name(v));
        return Err(vm.type_error(m));
    };
    if !matches!(s, "" | "\n" | "\r" | "\r\n") {
        let r = if stringio { crate::ops::repr_string(vm, v)? } else { s.to_string() };
        return Err(vm.value_error(format!("illegal newline value: {r}")));
    }
    Ok(Some(s))
}

// ---- IncrementalNewlineDecoder ----------------------------------------------------------

pub struct NewlineDecoderObj {
    decoder: Cell<Value>,
    st: RefCell<NlState>,
    ok: Cell<bool>,
}
impl Trace for NewlineDecoderObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.decoder.get());
    }
}
payload!(NewlineDecoderObj, "IncrementalNewlineDecoder");

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static NewlineDecoderObj> {
    match v.downcast::<NewlineDecoderObj>() {
        Some(d) if d.ok.get() => Ok(d),
        Some(_) => Err(vm.value_error("IncrementalNewlineDecoder.__init__() not called")),
        None => Err(vm.type_error("IncrementalNewlineDecoder expected")),
    }
}

fn new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    Ok(vm.alloc(cls, NewlineDecoderObj { decoder: Cell::new(Value::NULL), st: RefCell::new(NlState::default()), ok: Cell::new(false) }))
}

fn init(vm: &mut Vm, args: Args) -> PyResult {
    let [self_, decoder, translate, _errors] = args.bind(vm, "IncrementalNewlineDecoder", ["self", "decoder", "translate", "errors"], 3, 0)?;
    let translate = crate::ops::truthy(vm, translate)?;
    let Some(d) = self_.downcast::<NewlineDecoderObj>() else { return Err(vm.type_error("IncrementalNewlineDecoder expected")) };
    d.decoder.set(decoder);
    *d.st.borrow_mut() = NlState::new(translate);
    d.ok.set(true);
    Ok(vm.none)
}

fn decode(vm: &mut Vm, args: Args) -> PyResult {
    let [self_, input, final_] = args.bind(vm, "decode", ["self", "input", "final"], 2, 0)?;
    let d = this(vm, self_)?;
    let final_ = !final_.is_null() && crate::ops::truthy(vm, final_)?;
    let dec = d.decoder.get();
    let out = if dec == vm.none {
        input
    } else {
        let f = vm.bool(final_);
        let kw = [vm.intern("final")];
        let m = crate::attr::getattr_str(vm, dec, "decode")?;
        crate::call::call_args(vm, m, Args::with_kw(&[input, f], &kw))?
    };
    let Some(text) = crate::str::as_str(out) else {
        let m = format!("decoder should return a string result, not '{}'", vm.type_name(out));
        return Err(vm.type_error(m));
    };
    let r = d.st.borrow_mut().decode(text, final_);
    Ok(crate::str::new_str(vm, r))
}

fn getstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "getstate", 0, 0)?;
    let d = this(vm, a[0])?;
    let dec = d.decoder.get();
    let (buf, flag) = if dec == vm.none {
        (crate::bytes::new_bytes(vm, vec![]), 0i64)
    } else {
        let st = crate::call::call_method(vm, dec, "getstate", &[])?;
        let _pin = crate::gc::pin(st);
        let buf = crate::ops::getitem(vm, st, Value::small(0))?;
        let f = crate::ops::getitem(vm, st, Value::small(1))?;
        (buf, crate::number::index_i64(vm, f)?)
    };
    let flag = (flag << 1) | d.st.borrow().pendingcr as i64;
    let f = crate::int::from_i64(vm, flag);
    Ok(crate::tuple::new_tuple(vm, vec![buf, f]))
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "setstate", 1, 1)?;
    let d = this(vm, a[0])?;
    let buf = crate::ops::getitem(vm, a[1], Value::small(0))?;
    let _pin = crate::gc::pin(buf);
    let f = crate::ops::getitem(vm, a[1], Value::small(1))?;
    let flag = crate::number::index_i64(vm, f)?;
    d.st.borrow_mut().pendingcr = flag & 1 != 0;
    let dec = d.decoder.get();
    if dec != vm.none {
        let f = crate::int::from_i64(vm, flag >> 1);
        let t = crate::tuple::new_tuple(vm, vec![buf, f]);
        crate::call::call_method(vm, dec, "setstate", &[t])?;
    }
    Ok(vm.none)
}

fn reset(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "reset", 0, 0)?;
    let d = this(vm, a[0])?;
    {
        let mut st = d.st.borrow_mut();
        st.seennl = 0;
        st.pendingcr = false;
    }
    let dec = d.decoder.get();
    if dec != vm.none {
        crate::call::call_method(vm, dec, "reset", &[])?;
    }
    Ok(vm.none)
}

fn newlines(vm: &mut Vm, v: Value) -> PyResult {
    let d = this(vm, v)?;
    let st = *d.st.borrow();
    Ok(st.newlines(vm))
}

pub fn init_type(vm: &mut Vm) {
    let obj = vm.t.object;
    let t = super::new_io_type(vm, "IncrementalNewlineDecoder", obj, true);
    vm.io.newline_decoder = t;
    add_static(vm, t, "__new__", new);
    add_method(vm, t, "__init__", init);
    add_method(vm, t, "decode", decode);
    add_method(vm, t, "getstate", getstate);
    add_method(vm, t, "setstate", setstate);
    add_method(vm, t, "reset", reset);
    add_getter(vm, t, "newlines", newlines);
}
