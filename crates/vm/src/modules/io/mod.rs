//! `_io`: CPython's I/O stack (Modules/_io), on which `Lib/io.py` is built.
//!
//! The classes and their layers are CPython's: `_IOBase` and its three abstract
//! kinds (`_RawIOBase`, `_BufferedIOBase`, `_TextIOBase`, methods written in terms of
//! the other methods of `self`, so Python subclasses work), the raw `FileIO`, the
//! in-memory `BytesIO`/`StringIO`, the `Buffered*` layer over any raw object and
//! `TextIOWrapper` over any buffered object. Each layer talks to the one below
//! through its Python methods, except when the object below is exactly one of ours
//! (not a subclass): then it calls the Rust code directly, which is what keeps
//! `print` to `sys.stdout` cheap.
//!
//! The types are built when the VM starts (the standard streams need them before
//! any import); `import _io` only fills the module with them. Buffered write data of
//! files whose raw object is exactly a `FileIO` lives in Rust memory shared with the
//! descriptor (`buffered::BufState`), so it is written out when the object dies and
//! at exit, like CPython's finalizers do.

use crate::gc::{Trace, Tracer};
use crate::object::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

pub mod buffered;
pub mod bytesio;
pub mod fileio;
pub mod iobase;
pub mod newlines;
pub mod open;
pub mod stringio;
pub mod textcodec;
pub mod textio;

pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The `_io` classes and functions, made once per VM.
#[derive(Clone, Copy)]
pub struct IoTypes {
    pub iobase: Value,
    pub raw_iobase: Value,
    pub buffered_iobase: Value,
    pub text_iobase: Value,
    pub fileio: Value,
    pub bytesio: Value,
    pub stringio: Value,
    pub buffered_reader: Value,
    pub buffered_writer: Value,
    pub buffered_random: Value,
    pub buffered_rwpair: Value,
    pub text_wrapper: Value,
    pub newline_decoder: Value,
    pub unsupported: Value,
    pub open: Value,
}

impl Default for IoTypes {
    fn default() -> IoTypes {
        let n = Value::NULL;
        IoTypes {
            iobase: n,
            raw_iobase: n,
            buffered_iobase: n,
            text_iobase: n,
            fileio: n,
            bytesio: n,
            stringio: n,
            buffered_reader: n,
            buffered_writer: n,
            buffered_random: n,
            buffered_rwpair: n,
            text_wrapper: n,
            newline_decoder: n,
            unsupported: n,
            open: n,
        }
    }
}

impl Trace for IoTypes {
    fn trace(&self, t: &mut Tracer) {
        for v in self.all() {
            t.value(v);
        }
    }
}

impl IoTypes {
    fn all(&self) -> [Value; 15] {
        [
            self.iobase,
            self.raw_iobase,
            self.buffered_iobase,
            self.text_iobase,
            self.fileio,
            self.bytesio,
            self.stringio,
            self.buffered_reader,
            self.buffered_writer,
            self.buffered_random,
            self.buffered_rwpair,
            self.text_wrapper,
            self.newline_decoder,
            self.unsupported,
            self.open,
        ]
    }
}

// ---- errors and arguments shared by the classes ----------------------------------------

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let t = vm.io.unsupported;
    vm.new_exc(t, msg)
}

/// ValueError "I/O operation on closed file." (`_IOBase`, buffered and text objects).
pub fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// The same without the period (FileIO, BytesIO, StringIO word it so).
pub fn closed_error_short(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file")
}

/// An `OSError` from a failed system call.
pub fn os_error(vm: &mut Vm, e: std::io::Error) -> PyErr {
    crate::exceptions::os_error_from_io(vm, &e, None)
}

/// A size argument: None or missing is -1 ("all"), else an index.
pub fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(-1),
        Some(v) if v.is_null() || *v == vm.none => Ok(-1),
        Some(v) => {
            if crate::typeobj::lookup_str(vm, vm.type_of(*v), "__index__").is_none() {
                let m = format!("argument should be integer or None, not '{}'", vm.type_name(*v));
                return Err(vm.type_error(m));
            }
            crate::number::index_i64(vm, *v)
        }
    }
}

/// Copies `data` into the writable buffer `b` (a bytearray, memoryview or array) at
/// its start, as `readinto` does.
pub fn store_into(vm: &mut Vm, b: Value, data: &[u8]) -> PyResult<()> {
    if let Some(ba) = b.downcast::<crate::bytes::ByteArrayObj>() {
        let mut d = ba.data.borrow_mut();
        let n = data.len().min(d.len());
        d[..n].copy_from_slice(&data[..n]);
        return Ok(());
    }
    if crate::modules::array::write_bytes(b, 0, data) {
        return Ok(());
    }
    let src = crate::bytes::new_bytes(vm, data.to_vec());
    let _pin = crate::gc::pin(src);
    let stop = crate::int::from_usize(vm, data.len());
    let none = vm.none;
    let s = crate::slice::new_slice(vm, Value::small(0), stop, none);
    crate::ops::setitem(vm, b, s, src)
}

/// The length of a writable buffer argument (`readinto`'s `b`), TypeError otherwise.
pub fn writable_len(vm: &mut Vm, b: Value, fname: &str) -> PyResult<usize> {
    if b.is::<crate::bytes::ByteArrayObj>() || b.is::<crate::memoryview::MemoryViewObj>() || crate::modules::array::buffer_bytes(b).is_some() {
        if b.is::<crate::memoryview::MemoryViewObj>() {
            let n = crate::attr::getattr_str(vm, b, "nbytes")?;
            return Ok(crate::number::index_i64(vm, n)?.max(0) as usize);
        }
        let n = crate::ops::len(vm, b)?;
        let item = if b.is::<crate::bytes::ByteArrayObj>() { 1 } else { item_size(vm, b)? };
        return Ok(n * item);
    }
    let m = format!("{fname}() argument must be read-write bytes-like object, not {}", vm.type_name(b));
    Err(vm.type_error(m))
}

fn item_size(vm: &mut Vm, b: Value) -> PyResult<usize> {
    let i = crate::attr::getattr_str(vm, b, "itemsize")?;
    Ok(crate::number::index_i64(vm, i)?.max(1) as usize)
}

/// `b` as a bytes-like argument ("a bytes-like object is required, not 'str'").
pub fn bytes_arg(vm: &mut Vm, b: Value) -> PyResult<Vec<u8>> {
    crate::bytes::buffer_arg(vm, b)
}

/// True when `v`'s type is exactly `ty` (our fast paths skip subclasses, whose
/// methods may be overridden).
pub fn exact(vm: &Vm, v: Value, ty: Value) -> bool {
    vm.type_of(v) == ty
}

/// Calls `obj.name(*args)` and returns its truth value.
pub fn call_truthy(vm: &mut Vm, obj: Value, name: &str, args: &[Value]) -> PyResult<bool> {
    let r = crate::call::call_method(vm, obj, name, args)?;
    crate::ops::truthy(vm, r)
}

/// `obj.closed` as a bool.
pub fn is_closed(vm: &mut Vm, obj: Value) -> PyResult<bool> {
    let c = crate::attr::getattr_str(vm, obj, "closed")?;
    crate::ops::truthy(vm, c)
}

// ---- types and the module ----------------------------------------------------------------

fn set_module(vm: &mut Vm, t: Value, m: &str) {
    let m = vm.intern(m);
    crate::typeobj::set_attr_raw(vm, t, "__module__", m).expect("type setup");
}

/// A class of `_io`. `own_layout`: instances carry a Rust payload of this class;
/// else they are plain instances (the abstract bases, subclassed in Python).
pub fn new_io_type(vm: &mut Vm, name: &str, base: Value, own_layout: bool) -> Value {
    use crate::typeobj::tflag;
    let t = crate::typeobj::new_static_type(vm, name, base, tflag::BASETYPE | tflag::HAS_DICT | tflag::WEAKREFABLE);
    let layout = if own_layout { t } else { vm.t.object };
    crate::typeobj::tobj(t).solid_base.set(layout);
    set_module(vm, t, "_io");
    t
}

/// `UnsupportedOperation(OSError, ValueError)`, a heap class as in CPython.
fn unsupported_class(vm: &mut Vm) -> Value {
    let ns = crate::dict::new_dict(vm);
    let m = vm.intern("io");
    crate::dict::set_item_str(vm, ns, "__module__", m).expect("dict");
    let (os, val) = (vm.e.os_error, vm.e.value_error);
    let meta = vm.t.type_;
    crate::typeobj::new_class(vm, meta, "UnsupportedOperation", &[os, val], ns).expect("UnsupportedOperation")
}

/// Builds the classes (at VM start-up, before `sys`).
pub fn init_types(vm: &mut Vm) {
    vm.io.unsupported = unsupported_class(vm);
    let obj = vm.t.object;
    let base = new_io_type(vm, "_IOBase", obj, false);
    vm.io.iobase = base;
    vm.io.raw_iobase = new_io_type(vm, "_RawIOBase", base, false);
    vm.io.buffered_iobase = new_io_type(vm, "_BufferedIOBase", base, false);
    vm.io.text_iobase = new_io_type(vm, "_TextIOBase", base, false);
    iobase::init_types(vm);
    fileio::init_type(vm);
    bytesio::init_type(vm);
    stringio::init_type(vm);
    buffered::init_types(vm);
    textio::init_type(vm);
    newlines::init_type(vm);
    let builtins = vm.builtins;
    let f = crate::function::new_native(vm, "open", open::open, crate::function::NativeKind::Function, builtins);
    vm.io.open = f;
}

/// `import _io`.
pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let t = vm.io;
    let named = [
        ("_IOBase", t.iobase),
        ("_RawIOBase", t.raw_iobase),
        ("_BufferedIOBase", t.buffered_iobase),
        ("_TextIOBase", t.text_iobase),
        ("FileIO", t.fileio),
        ("BytesIO", t.bytesio),
        ("StringIO", t.stringio),
        ("BufferedReader", t.buffered_reader),
        ("BufferedWriter", t.buffered_writer),
        ("BufferedRandom", t.buffered_random),
        ("BufferedRWPair", t.buffered_rwpair),
        ("TextIOWrapper", t.text_wrapper),
        ("IncrementalNewlineDecoder", t.newline_decoder),
        ("UnsupportedOperation", t.unsupported),
        ("open", t.open),
    ];
    for (n, v) in named {
        super::set_attr(vm, m, n, v)?;
    }
    let bio = vm.e.blocking_io_error;
    super::set_attr(vm, m, "BlockingIOError", bio)?;
    super::set_attr(vm, m, "DEFAULT_BUFFER_SIZE", Value::small(DEFAULT_BUFFER_SIZE as i64))?;
    super::add_functions(vm, m, &[("open_code", open::open_code), ("text_encoding", open::text_encoding)])
}

/// Writes out the buffered data of every file still open (at exit).
pub fn flush_all_at_exit() {
    buffered::flush_registered();
}

/// `v` as our payload `T` (TypeError naming `what` otherwise).
pub fn self_as<T: crate::gc::Payload>(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'static T> {
    match v.downcast::<T>() {
        Some(o) => Ok(o),
        None => {
            let m = format!("descriptor requires a '{what}' object but received a '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

/// The result of two steps that both run (flush, then close): the first error wins,
/// and when both fail the second gets the first as `__context__`.
pub fn chain(vm: &mut Vm, first: PyResult<()>, second: PyResult) -> PyResult {
    match (first, second) {
        (Err(e1), Err(e2)) => {
            crate::exceptions::set_context(vm, e2.0, e1.0);
            Err(e2)
        }
        (Err(e), _) => Err(e),
        (_, r) => r,
    }
}

/// The `__dict__` item of a `__setstate__` state (BytesIO, StringIO): None, or a
/// dict whose items are added to `obj`'s `__dict__`; `which` names the item.
pub(super) fn restore_state_dict(vm: &mut Vm, obj: Value, dict: Value, which: &str) -> PyResult<()> {
    if dict == vm.none {
        return Ok(());
    }
    if !dict.is::<crate::dict::DictObj>() {
        let m = format!("{which} item of state should be a dict, got a {}", vm.type_name(dict));
        return Err(vm.type_error(m));
    }
    let own = crate::func_type::header_dict(vm, obj)?;
    for (k, v) in crate::dict::dobj(dict).items() {
        crate::dict::set_item(vm, own, k, v)?;
    }
    Ok(())
}
