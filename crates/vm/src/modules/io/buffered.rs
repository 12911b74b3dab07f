//! `BufferedReader`, `BufferedWriter`, `BufferedRandom`, `BufferedRWPair` (CPython's
//! bufferedio.c): a read-ahead buffer and a write buffer over any raw object.
//!
//! The raw object is used through its Python methods (`readinto`, `write`, `seek`...),
//! except when it is exactly a `FileIO`: then the buffer keeps the shared descriptor
//! and calls the OS itself. Such buffers are also registered so their pending
//! writes reach the file at exit, and written out when the buffer dies (CPython does
//! both through its finalizers). No `RefCell` borrow of the state is held while
//! Python code or a signal handler may run.

use super::fileio::{self, Fd};
use super::{size_arg, unsupported, DEFAULT_BUFFER_SIZE};
use crate::call::call_method;
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::{add_getter, add_method, add_static};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

pub struct BufState {
    rbuf: Vec<u8>,
    rpos: usize,
    pub wbuf: Vec<u8>,
    pub size: usize,
    /// The descriptor when the raw object is exactly a FileIO.
    pub fd: Option<Rc<Fd>>,
}

impl BufState {
    fn unread(&self) -> usize {
        self.rbuf.len() - self.rpos
    }

    fn clear_read(&mut self) {
        self.rbuf.clear();
        self.rpos = 0;
    }

    /// Takes up to `n` buffered bytes.
    fn take(&mut self, n: usize) -> Vec<u8> {
        let k = n.min(self.unread());
        let out = self.rbuf[self.rpos..self.rpos + k].to_vec();
        self.rpos += k;
        out
    }

    /// Writes the pending bytes straight to the descriptor (exit and finalization;
    /// errors cannot be reported there).
    fn write_out_quietly(&mut self) {
        let Some(fd) = &self.fd else { return };
        let fd = fd.fd.get();
        let mut data = &self.wbuf[..];
        while fd >= 0 && !data.is_empty() {
            match crate::modules::posix::sys_write(fd, data) {
                Ok(n) => data = &data[n..],
                Err(e) if e.raw_os_error() == Some(4) => continue,
                Err(_) => break,
            }
        }
        self.wbuf.clear();
    }
}

impl Drop for BufState {
    fn drop(&mut self) {
        self.write_out_quietly();
    }
}

thread_local! {
    /// Buffers over descriptors, flushed at exit.
    static REGISTERED: RefCell<Vec<Weak<RefCell<BufState>>>> = const { RefCell::new(Vec::new()) };
}

fn register(st: &Rc<RefCell<BufState>>) {
    REGISTERED.with(|r| {
        let mut r = r.borrow_mut();
        if r.len() >= 64 {
            r.retain(|w| w.strong_count() > 0);
        }
        r.push(Rc::downgrade(st));
    });
}

/// Writes out every registered buffer (at exit).
pub fn flush_registered() {
    let all: Vec<_> = REGISTERED.with(|r| r.borrow().iter().filter_map(|w| w.upgrade()).collect());
    for st in all {
        if let Ok(mut s) = st.try_borrow_mut() {
            s.write_out_quietly();
        }
    }
}

const READ: u8 = 1;
const WRITE: u8 = 2;

pub struct BufferedObj {
    raw: Cell<Value>,
    pub st: Rc<RefCell<BufState>>,
    kind: Cell<u8>,
    ready: Cell<bool>,
}
impl Trace for BufferedObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.raw.get());
    }
}
payload!(BufferedObj, "Buffered");

impl BufferedObj {
    fn fd(&self) -> Option<i32> {
        self.st.borrow().fd.as_ref().map(|f| f.fd.get())
    }
    fn can(&self, k: u8) -> bool {
        self.kind.get() & k != 0
    }
}

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static BufferedObj> {
    match v.downcast::<BufferedObj>() {
        Some(b) if b.ready.get() && !b.raw.get().is_null() => Ok(b),
        Some(b) if b.ready.get() => Err(vm.value_error("raw stream has been detached")),
        Some(_) => Err(vm.value_error("I/O operation on uninitialized object")),
        None => {
            let m = format!("descriptor requires a buffered object but received a '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

/// Our buffered object `v` when its methods are ours (exact type, not detached):
/// the text layer then calls this module directly.
pub fn fast(vm: &Vm, v: Value) -> Option<&'static BufferedObj> {
    let b = v.downcast::<BufferedObj>()?;
    let ty = vm.type_of(v);
    let io = &vm.io;
    let ours = ty == io.buffered_writer || ty == io.buffered_reader || ty == io.buffered_random;
    (ours && b.ready.get() && !b.raw.get().is_null()).then_some(b)
}

// ---- the raw object --------------------------------------------------------------------

fn invalid_length(vm: &mut Vm, what: &str, n: i64, max: usize) -> crate::object::PyErr {
    let t = vm.e.os_error;
    vm.new_exc(t, format!("raw {what}() returned invalid length {n} (should have been between 0 and {max})"))
}

/// One raw read of up to `n` bytes (`None`: non-blocking, nothing now).
fn raw_read(vm: &mut Vm, b: &BufferedObj, n: usize) -> PyResult<Option<Vec<u8>>> {
    if let Some(fd) = b.fd() {
        let mut buf = vec![0u8; n];
        return Ok(fileio::fd_read(vm, fd, &mut buf)?.map(|k| {
            buf.truncate(k);
            buf
        }));
    }
    let ba = crate::bytes::new_bytearray(vm, vec![0; n]);
    let raw = b.raw.get();
    let r = call_method(vm, raw, "readinto", &[ba])?;
    if r == vm.none {
        return Ok(None);
    }
    let k = crate::number::index_i64(vm, r)?;
    if k < 0 || k as usize > n {
        return Err(invalid_length(vm, "readinto", k, n));
    }
    let data = ba.downcast::<crate::bytes::ByteArrayObj>().map(|d| d.data.borrow()[..k as usize].to_vec()).unwrap_or_default();
    Ok(Some(data))
}

fn raw_write(vm: &mut Vm, b: &BufferedObj, data: &[u8]) -> PyResult<Option<usize>> {
    if let Some(fd) = b.fd() {
        return fileio::fd_write(vm, fd, data);
    }
    let bytes = crate::bytes::new_bytes(vm, data.to_vec());
    let raw = b.raw.get();
    let r = call_method(vm, raw, "write", &[bytes])?;
    if r == vm.none {
        return Ok(None);
    }
    let k = crate::number::index_i64(vm, r)?;
    if k < 0 || k as usize > data.len() {
        return Err(invalid_length(vm, "write", k, data.len()));
    }
    Ok(Some(k as usize))
}

fn raw_seek(vm: &mut Vm, b: &BufferedObj, pos: i64, whence: i32) -> PyResult<i64> {
    let r = if let Some(fd) = b.fd() {
        if fd < 0 {
            return Err(super::closed_error_short(vm));
        }
        fileio::fd_seek(vm, fd, pos, whence)?
    } else {
        let p = crate::int::from_i64(vm, pos);
        let raw = b.raw.get();
        let r = call_method(vm, raw, "seek", &[p, Value::small(whence as i64)])?;
        crate::number::index_i64(vm, r)?
    };
    if r < 0 {
        let t = vm.e.os_error;
        return Err(vm.new_exc(t, format!("Raw stream returned invalid position {r}")));
    }
    Ok(r)
}

fn raw_tell(vm: &mut Vm, b: &BufferedObj) -> PyResult<i64> {
    if b.fd().is_some() {
        return raw_seek(vm, b, 0, 1);
    }
    let raw = b.raw.get();
    let r = call_method(vm, raw, "tell", &[])?;
    let p = crate::number::index_i64(vm, r)?;
    if p < 0 {
        let t = vm.e.os_error;
        return Err(vm.new_exc(t, format!("Raw stream returned invalid position {p}")));
    }
    Ok(p)
}

pub fn raw_closed(vm: &mut Vm, b: &BufferedObj) -> PyResult<bool> {
    if let Some(fd) = b.fd() {
        return Ok(fd < 0);
    }
    super::is_closed(vm, b.raw.get())
}

// ---- buffer operations (also used by the text layer) -----------------------------------

/// Writes the whole write buffer to the raw object.
pub fn flush_writes(vm: &mut Vm, b: &BufferedObj) -> PyResult<()> {
    let data = std::mem::take(&mut b.st.borrow_mut().wbuf);
    let mut done = 0;
    while done < data.len() {
        match raw_write(vm, b, &data[done..]) {
            Ok(Some(n)) => done += n,
            Ok(None) => {
                b.st.borrow_mut().wbuf.splice(0..0, data[done..].iter().copied());
                let t = vm.e.blocking_io_error;
                return Err(vm.new_exc(t, "write could not complete without blocking"));
            }
            Err(e) => {
                b.st.borrow_mut().wbuf.splice(0..0, data[done..].iter().copied());
                return Err(e);
            }
        }
    }
    Ok(())
}

/// Before writing: read-ahead is dropped and the raw position moved back to the
/// logical one.
fn drop_read_ahead(vm: &mut Vm, b: &BufferedObj) -> PyResult<()> {
    let unread = b.st.borrow().unread();
    if unread > 0 {
        raw_seek(vm, b, -(unread as i64), 1)?;
    }
    b.st.borrow_mut().clear_read();
    Ok(())
}

pub fn write_bytes(vm: &mut Vm, b: &BufferedObj, data: &[u8]) -> PyResult<()> {
    {
        let mut st = b.st.borrow_mut();
        if st.unread() == 0 {
            st.clear_read();
            st.wbuf.extend_from_slice(data);
            if st.wbuf.len() < st.size {
                return Ok(());
            }
        }
    }
    if !b.st.borrow().rbuf.is_empty() {
        drop_read_ahead(vm, b)?;
        b.st.borrow_mut().wbuf.extend_from_slice(data);
    }
    flush_writes(vm, b)
}

/// Appends one raw read to the read buffer: false at end of file (or no data now).
fn fill(vm: &mut Vm, b: &BufferedObj, want: usize) -> PyResult<bool> {
    let size = b.st.borrow().size.max(want);
    match raw_read(vm, b, size)? {
        Some(d) if !d.is_empty() => {
            let mut st = b.st.borrow_mut();
            if st.rpos == st.rbuf.len() {
                st.clear_read();
            }
            st.rbuf.extend_from_slice(&d);
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn before_read(vm: &mut Vm, b: &BufferedObj) -> PyResult<()> {
    if !b.st.borrow().wbuf.is_empty() {
        flush_writes(vm, b)?;
    }
    Ok(())
}

/// The rest of a raw stream: its `readall()`, or `read()` until it gives nothing (as
/// CPython's `_bufferedreader_read_all` for a raw object without `readall`); None when
/// non-blocking with nothing read.
fn raw_read_all(vm: &mut Vm, raw: Value) -> PyResult<Option<Vec<u8>>> {
    let name = vm.intern("readall");
    if crate::attr::getattr_opt(vm, raw, name)?.is_some() {
        let r = call_method(vm, raw, "readall", &[])?;
        return if r == vm.none { Ok(None) } else { Ok(Some(crate::bytes::buffer_arg(vm, r)?)) };
    }
    let mut out: Option<Vec<u8>> = None;
    loop {
        let r = call_method(vm, raw, "read", &[])?;
        let chunk = if r == vm.none { Vec::new() } else { crate::bytes::buffer_arg(vm, r)? };
        if chunk.is_empty() {
            return Ok(if out.is_none() && r == vm.none { None } else { Some(out.unwrap_or_default()) });
        }
        out.get_or_insert_with(Vec::new).extend_from_slice(&chunk);
    }
}

/// `read(n)`: n bytes or up to end of file (all of it when n < 0); `None` when a
/// non-blocking raw object has nothing.
pub fn read(vm: &mut Vm, b: &BufferedObj, n: i64) -> PyResult<Option<Vec<u8>>> {
    before_read(vm, b)?;
    if n < 0 {
        let mut out = b.st.borrow_mut().take(usize::MAX);
        let rest = if let Some(fd) = b.fd() {
            fileio::fd_read_all(vm, fd)?
        } else {
            raw_read_all(vm, b.raw.get())?
        };
        match rest {
            Some(d) => out.extend_from_slice(&d),
            None if out.is_empty() => return Ok(None),
            None => {}
        }
        return Ok(Some(out));
    }
    let n = n as usize;
    loop {
        let unread = b.st.borrow().unread();
        if unread >= n || !fill(vm, b, n - unread)? {
            break;
        }
    }
    Ok(Some(b.st.borrow_mut().take(n)))
}

/// `read1(n)`: at most one raw read.
pub fn read1(vm: &mut Vm, b: &BufferedObj, n: i64) -> PyResult<Vec<u8>> {
    before_read(vm, b)?;
    let n = if n < 0 { b.st.borrow().size } else { n as usize };
    if n == 0 {
        return Ok(Vec::new());
    }
    if b.st.borrow().unread() == 0 {
        fill(vm, b, n)?;
    }
    Ok(b.st.borrow_mut().take(n))
}

fn readline_bytes(vm: &mut Vm, b: &BufferedObj, limit: i64) -> PyResult<Vec<u8>> {
    before_read(vm, b)?;
    let mut scanned = 0;
    loop {
        let (found, avail) = {
            let st = b.st.borrow();
            let avail = &st.rbuf[st.rpos..];
            (avail[scanned..].iter().position(|c| *c == b'\n').map(|i| scanned + i + 1), avail.len())
        };
        let end = match found {
            Some(e) => Some(e),
            None if limit >= 0 && avail >= limit as usize => Some(limit as usize),
            None => None,
        };
        if let Some(e) = end {
            let e = if limit >= 0 { e.min(limit as usize) } else { e };
            return Ok(b.st.borrow_mut().take(e));
        }
        scanned = avail;
        if !fill(vm, b, 1)? {
            return Ok(b.st.borrow_mut().take(usize::MAX));
        }
    }
}

/// The logical position: the raw one less the read-ahead plus pending writes.
pub fn tell(vm: &mut Vm, b: &BufferedObj) -> PyResult<i64> {
    let pos = raw_tell(vm, b)?;
    let st = b.st.borrow();
    Ok((pos - st.unread() as i64 + st.wbuf.len() as i64).max(0))
}

pub fn seek(vm: &mut Vm, b: &BufferedObj, pos: i64, whence: i32) -> PyResult<i64> {
    flush_writes(vm, b)?;
    let unread = b.st.borrow().unread() as i64;
    let pos = if whence == 1 { pos - unread } else { pos };
    let r = raw_seek(vm, b, pos, whence)?;
    b.st.borrow_mut().clear_read();
    Ok(r)
}

// ---- construction -------------------------------------------------------------------------

fn new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let st = BufState { rbuf: Vec::new(), rpos: 0, wbuf: Vec::new(), size: DEFAULT_BUFFER_SIZE, fd: None };
    Ok(vm.alloc(cls, BufferedObj { raw: Cell::new(Value::NULL), st: Rc::new(RefCell::new(st)), kind: Cell::new(0), ready: Cell::new(false) }))
}

fn check_raw(vm: &mut Vm, raw: Value, what: &str) -> PyResult<()> {
    if !super::call_truthy(vm, raw, what, &[])? {
        let m = format!("File or stream is not {what}.");
        return Err(unsupported(vm, &m));
    }
    Ok(())
}

fn buffer_size_arg(vm: &mut Vm, v: Value) -> PyResult<usize> {
    if v.is_null() {
        return Ok(DEFAULT_BUFFER_SIZE);
    }
    let n = crate::number::index_i64(vm, v)?;
    if n <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    Ok(n as usize)
}

/// Sets up a buffered object of `kind` over `raw`.
pub fn setup(vm: &mut Vm, obj: Value, raw: Value, size: usize, kind: u8) -> PyResult<()> {
    let Some(b) = obj.downcast::<BufferedObj>() else { return Err(vm.type_error("buffered object expected")) };
    if kind == READ | WRITE {
        check_raw(vm, raw, "seekable")?;
    }
    if kind & READ != 0 {
        check_raw(vm, raw, "readable")?;
    }
    if kind & WRITE != 0 {
        check_raw(vm, raw, "writable")?;
    }
    let fd = if super::exact(vm, raw, vm.io.fileio) { raw.downcast::<fileio::FileIOObj>().map(|f| f.shared_fd()) } else { None };
    let registered = fd.is_some() && kind & WRITE != 0;
    *b.st.borrow_mut() = BufState { rbuf: Vec::new(), rpos: 0, wbuf: Vec::new(), size, fd };
    if registered {
        register(&b.st);
    }
    b.raw.set(raw);
    b.kind.set(kind);
    b.ready.set(true);
    Ok(())
}

fn init_kind(vm: &mut Vm, args: Args, name: &str, kind: u8) -> PyResult {
    let [self_, raw, size] = args.bind(vm, name, ["self", "raw", "buffer_size"], 2, 0)?;
    let size = buffer_size_arg(vm, size)?;
    setup(vm, self_, raw, size, kind)?;
    Ok(vm.none)
}

fn init_reader(vm: &mut Vm, args: Args) -> PyResult {
    init_kind(vm, args, "BufferedReader", READ)
}
fn init_writer(vm: &mut Vm, args: Args) -> PyResult {
    init_kind(vm, args, "BufferedWriter", WRITE)
}
fn init_random(vm: &mut Vm, args: Args) -> PyResult {
    init_kind(vm, args, "BufferedRandom", READ | WRITE)
}

/// A new buffered object of our class `ty` over `raw` (`open()`).
pub fn new_over(vm: &mut Vm, ty: Value, raw: Value, size: usize) -> PyResult {
    let obj = new(vm, Args::new(&[ty]))?;
    let kind = if ty == vm.io.buffered_reader {
        READ
    } else if ty == vm.io.buffered_writer {
        WRITE
    } else {
        READ | WRITE
    };
    setup(vm, obj, raw, size, kind)?;
    Ok(obj)
}

// ---- methods ----------------------------------------------------------------------------

/// The object, checked open (`msg`: the ValueError CPython raises for that method).
fn open_obj(vm: &mut Vm, v: Value, msg: &str) -> PyResult<&'static BufferedObj> {
    let b = this(vm, v)?;
    if raw_closed(vm, b)? {
        return Err(vm.value_error(msg));
    }
    Ok(b)
}

fn m_read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "read", 0, 1)?;
    let n = size_arg(vm, a.get(1))?;
    if n < -1 {
        return Err(vm.value_error("read length must be non-negative or -1"));
    }
    let b = open_obj(vm, a[0], "read of closed file")?;
    match read(vm, b, n)? {
        Some(d) => Ok(crate::bytes::new_bytes(vm, d)),
        None => Ok(vm.none),
    }
}

fn m_read1(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "read1", 0, 1)?;
    let n = size_arg(vm, a.get(1))?;
    let b = open_obj(vm, a[0], "read of closed file")?;
    let d = read1(vm, b, n)?;
    Ok(crate::bytes::new_bytes(vm, d))
}

fn m_peek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "peek", 0, 1)?;
    let b = open_obj(vm, a[0], "peek of closed file")?;
    before_read(vm, b)?;
    if b.st.borrow().unread() == 0 {
        fill(vm, b, 1)?;
    }
    let d = {
        let st = b.st.borrow();
        st.rbuf[st.rpos..].to_vec()
    };
    Ok(crate::bytes::new_bytes(vm, d))
}

fn readinto_common(vm: &mut Vm, args: Args, name: &str, one: bool) -> PyResult {
    let a = args.method(vm, name, 1, 1)?;
    let b = open_obj(vm, a[0], "readinto of closed file")?;
    let len = super::writable_len(vm, a[1], name)?;
    let d = if one { read1(vm, b, len as i64)? } else { read(vm, b, len as i64)?.unwrap_or_default() };
    super::store_into(vm, a[1], &d)?;
    Ok(crate::int::from_usize(vm, d.len()))
}
fn m_readinto(vm: &mut Vm, args: Args) -> PyResult {
    readinto_common(vm, args, "readinto", false)
}
fn m_readinto1(vm: &mut Vm, args: Args) -> PyResult {
    readinto_common(vm, args, "readinto1", true)
}

fn m_readline(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "readline", 0, 1)?;
    let n = size_arg(vm, a.get(1))?;
    let b = open_obj(vm, a[0], "readline of closed file")?;
    let d = readline_bytes(vm, b, n)?;
    Ok(crate::bytes::new_bytes(vm, d))
}

fn m_next(vm: &mut Vm, args: Args) -> PyResult {
    let line = if fast(vm, args.vals[0]).is_some() { m_readline(vm, Args::new(&args.vals[..1]))? } else { call_method(vm, args.vals[0], "readline", &[])? };
    if crate::ops::len(vm, line)? == 0 {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(line)
}

fn m_write(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "write", 1, 1)?;
    let b = open_obj(vm, a[0], "write to closed file")?;
    let data = super::bytes_arg(vm, a[1])?;
    write_bytes(vm, b, &data)?;
    Ok(crate::int::from_usize(vm, data.len()))
}

fn m_flush(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "flush", 0, 0)?;
    let b = this(vm, a[0])?;
    if !b.can(WRITE) {
        return call_method(vm, b.raw.get(), "flush", &[]);
    }
    open_obj(vm, a[0], "flush of closed file")?;
    {
        flush_writes(vm, b)?;
        if b.can(READ) {
            drop_read_ahead(vm, b)?;
        }
    }
    Ok(vm.none)
}

fn whence_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    let w = fileio::whence_arg(vm, v)?;
    if !(0..=2).contains(&w) {
        return Err(vm.value_error(format!("whence value {w} unsupported")));
    }
    Ok(w)
}

fn m_seek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "seek", 1, 2)?;
    let whence = whence_arg(vm, a.get(2))?;
    let b = open_obj(vm, a[0], "seek of closed file")?;
    if crate::typeobj::lookup_str(vm, vm.type_of(a[1]), "__index__").is_none() {
        let m = format!("'{}' object cannot be interpreted as an integer", vm.type_name(a[1]));
        return Err(vm.type_error(m));
    }
    let pos = crate::number::index_i64(vm, a[1])?;
    let r = seek(vm, b, pos, whence)?;
    Ok(crate::int::from_i64(vm, r))
}

fn m_tell(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "tell", 0, 0)?;
    let b = this(vm, a[0])?;
    let p = tell(vm, b)?;
    Ok(crate::int::from_i64(vm, p))
}

fn m_truncate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "truncate", 0, 1)?;
    let b = open_obj(vm, a[0], "truncate of closed file")?;
    if !b.can(WRITE) {
        return Err(unsupported(vm, "truncate"));
    }
    flush_writes(vm, b)?;
    let pos = match a.get(1) {
        Some(v) if *v != vm.none => *v,
        _ => {
            let p = tell(vm, b)?;
            crate::int::from_i64(vm, p)
        }
    };
    drop_read_ahead(vm, b)?;
    call_method(vm, b.raw.get(), "truncate", &[pos])
}

fn m_close(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "close", 0, 0)?;
    let b = this(vm, a[0])?;
    if raw_closed(vm, b)? {
        return Ok(vm.none);
    }
    let flushed = if fast(vm, a[0]).is_some() { m_flush(vm, Args::new(&a[..1])).map(|_| ()) } else { call_method(vm, a[0], "flush", &[]).map(|_| ()) };
    let closed = call_method(vm, b.raw.get(), "close", &[]);
    b.st.borrow_mut().clear_read();
    super::chain(vm, flushed, closed)
}

fn m_detach(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "detach", 0, 0)?;
    let b = this(vm, a[0])?;
    call_method(vm, a[0], "flush", &[])?;
    let raw = b.raw.replace(Value::NULL);
    b.st.borrow_mut().fd = None;
    Ok(raw)
}

fn delegate(vm: &mut Vm, args: Args, name: &'static str) -> PyResult {
    let a = args.method(vm, name, 0, 0)?;
    let b = this(vm, a[0])?;
    call_method(vm, b.raw.get(), name, &[])
}
fn m_fileno(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, args, "fileno")
}
fn m_isatty(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, args, "isatty")
}
fn m_readable(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, args, "readable")
}
fn m_writable(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, args, "writable")
}
fn m_seekable(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, args, "seekable")
}

fn g_closed(vm: &mut Vm, v: Value) -> PyResult {
    let b = this(vm, v)?;
    if let Some(fd) = b.fd() {
        return Ok(vm.bool(fd < 0));
    }
    crate::attr::getattr_str(vm, b.raw.get(), "closed")
}
fn g_raw(vm: &mut Vm, v: Value) -> PyResult {
    Ok(this(vm, v)?.raw.get())
}
fn g_name(vm: &mut Vm, v: Value) -> PyResult {
    let b = this(vm, v)?;
    crate::attr::getattr_str(vm, b.raw.get(), "name")
}
fn g_mode(vm: &mut Vm, v: Value) -> PyResult {
    let b = this(vm, v)?;
    crate::attr::getattr_str(vm, b.raw.get(), "mode")
}

fn m_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "__repr__", 0, 0)?;
    let tn = fileio::tp_name(vm, a[0]);
    let s = match fileio::repr_name(vm, a[0])? {
        Some(n) => format!("<{tn} name={n}>"),
        None => format!("<{tn}>"),
    };
    Ok(crate::str::new_str(vm, s))
}

fn add_common(vm: &mut Vm, t: Value) {
    add_static(vm, t, "__new__", new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("seek", m_seek),
        ("tell", m_tell),
        ("truncate", m_truncate),
        ("close", m_close),
        ("detach", m_detach),
        ("flush", m_flush),
        ("fileno", m_fileno),
        ("isatty", m_isatty),
        ("seekable", m_seekable),
        ("__repr__", m_repr),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    add_getter(vm, t, "closed", g_closed);
    add_getter(vm, t, "raw", g_raw);
    add_getter(vm, t, "name", g_name);
    add_getter(vm, t, "mode", g_mode);
}

fn add_reading(vm: &mut Vm, t: Value) {
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("read", m_read),
        ("read1", m_read1),
        ("peek", m_peek),
        ("readinto", m_readinto),
        ("readinto1", m_readinto1),
        ("readline", m_readline),
        ("__next__", m_next),
        ("readable", m_readable),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
}

// ---- BufferedRWPair: a reader and a writer side by side ---------------------------------

pub struct RWPairObj {
    reader: Cell<Value>,
    writer: Cell<Value>,
}
impl Trace for RWPairObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.reader.get());
        t.value(self.writer.get());
    }
}
payload!(RWPairObj, "BufferedRWPair");

fn pair(vm: &mut Vm, v: Value) -> PyResult<&'static RWPairObj> {
    match v.downcast::<RWPairObj>() {
        Some(p) if !p.reader.get().is_null() => Ok(p),
        Some(_) => Err(vm.value_error("I/O operation on uninitialized object")),
        None => Err(vm.type_error("BufferedRWPair expected")),
    }
}

fn pair_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    Ok(vm.alloc(cls, RWPairObj { reader: Cell::new(Value::NULL), writer: Cell::new(Value::NULL) }))
}

fn pair_init(vm: &mut Vm, args: Args) -> PyResult {
    let [self_, reader, writer, size] = args.bind(vm, "BufferedRWPair", ["self", "reader", "writer", "buffer_size"], 3, 3)?;
    let size = buffer_size_arg(vm, size)?;
    let Some(p) = self_.downcast::<RWPairObj>() else { return Err(vm.type_error("BufferedRWPair expected")) };
    let (rt, wt) = (vm.io.buffered_reader, vm.io.buffered_writer);
    let r = new_over(vm, rt, reader, size)?;
    let _pin = crate::gc::pin(r);
    let w = new_over(vm, wt, writer, size)?;
    p.reader.set(r);
    p.writer.set(w);
    Ok(vm.none)
}

/// Forwards `name(*args)` to the reader (or writer) side.
fn forward(vm: &mut Vm, args: Args, name: &'static str, to_writer: bool) -> PyResult {
    let p = pair(vm, args.vals[0])?;
    let target = if to_writer { p.writer.get() } else { p.reader.get() };
    call_method(vm, target, name, &args.vals[1..])
}

macro_rules! forwarders {
    ($($f:ident => $name:literal, $w:expr;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult {
            forward(vm, args, $name, $w)
        })*
    };
}
forwarders! {
    p_read => "read", false;
    p_peek => "peek", false;
    p_read1 => "read1", false;
    p_readinto => "readinto", false;
    p_readinto1 => "readinto1", false;
    p_readable => "readable", false;
    p_write => "write", true;
    p_flush => "flush", true;
    p_writable => "writable", true;
}

fn p_close(vm: &mut Vm, args: Args) -> PyResult {
    let p = pair(vm, args.vals[0])?;
    let w = call_method(vm, p.writer.get(), "close", &[]).map(|_| ());
    let r = call_method(vm, p.reader.get(), "close", &[]);
    super::chain(vm, w, r)
}

fn p_isatty(vm: &mut Vm, args: Args) -> PyResult {
    let p = pair(vm, args.vals[0])?;
    if super::call_truthy(vm, p.writer.get(), "isatty", &[])? {
        return Ok(vm.true_);
    }
    call_method(vm, p.reader.get(), "isatty", &[])
}

fn p_closed(vm: &mut Vm, v: Value) -> PyResult {
    let p = pair(vm, v)?;
    crate::attr::getattr_str(vm, p.writer.get(), "closed")
}

fn init_pair(vm: &mut Vm) {
    let base = vm.io.buffered_iobase;
    let t = super::new_io_type(vm, "BufferedRWPair", base, true);
    vm.io.buffered_rwpair = t;
    add_static(vm, t, "__new__", pair_new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__init__", pair_init),
        ("read", p_read),
        ("peek", p_peek),
        ("read1", p_read1),
        ("readinto", p_readinto),
        ("readinto1", p_readinto1),
        ("readable", p_readable),
        ("write", p_write),
        ("flush", p_flush),
        ("writable", p_writable),
        ("close", p_close),
        ("isatty", p_isatty),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    add_getter(vm, t, "closed", p_closed);
}

pub fn init_types(vm: &mut Vm) {
    let base = vm.io.buffered_iobase;
    let r = super::new_io_type(vm, "BufferedReader", base, true);
    vm.io.buffered_reader = r;
    add_common(vm, r);
    add_reading(vm, r);
    add_method(vm, r, "__init__", init_reader);
    let w = super::new_io_type(vm, "BufferedWriter", base, true);
    vm.io.buffered_writer = w;
    add_common(vm, w);
    add_method(vm, w, "write", m_write);
    add_method(vm, w, "writable", m_writable);
    add_method(vm, w, "__init__", init_writer);
    let rw = super::new_io_type(vm, "BufferedRandom", base, true);
    vm.io.buffered_random = rw;
    add_common(vm, rw);
    add_reading(vm, rw);
    add_method(vm, rw, "write", m_write);
    add_method(vm, rw, "writable", m_writable);
    add_method(vm, rw, "__init__", init_random);
    init_pair(vm);
}
