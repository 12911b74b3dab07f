//! `_io.FileIO`: the raw file, one system call per operation (CPython's fileio.c).
//!
//! The descriptor lives in an `Rc<Fd>` shared with the buffered objects stacked on
//! this file, so their pending writes can still reach it when the objects die in
//! whatever order the collector frees them; the last owner closes it (when `closefd`).

use super::{closed_error_short, os_error, size_arg, unsupported};
use crate::gc::{Trace, Tracer};
use crate::modules::posix;
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::{add_getter, add_method, add_static};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// An OS descriptor (-1 once closed).
pub struct Fd {
    pub fd: Cell<i32>,
    pub closefd: bool,
}

impl Drop for Fd {
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd >= 0 && self.closefd {
            let _ = posix::sys_close(fd);
        }
    }
}

const READABLE: u8 = 1;
const WRITABLE: u8 = 2;
const APPENDING: u8 = 4;
const CREATED: u8 = 8;

pub struct FileIOObj {
    pub fd: RefCell<Rc<Fd>>,
    flags: Cell<u8>,
    /// -1 unknown, else 0/1.
    seekable: Cell<i8>,
    blksize: Cell<i64>,
}
impl Trace for FileIOObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(FileIOObj, "FileIO");

impl FileIOObj {
    pub fn raw_fd(&self) -> i32 {
        self.fd.borrow().fd.get()
    }
    pub fn shared_fd(&self) -> Rc<Fd> {
        self.fd.borrow().clone()
    }
    fn has(&self, f: u8) -> bool {
        self.flags.get() & f != 0
    }
}

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static FileIOObj> {
    super::self_as(vm, v, "_io.FileIO")
}

/// The open FileIO `v` (ValueError once closed).
fn open_file(vm: &mut Vm, v: Value) -> PyResult<&'static FileIOObj> {
    let f = this(vm, v)?;
    if f.raw_fd() < 0 {
        return Err(closed_error_short(vm));
    }
    Ok(f)
}

// ---- system calls with CPython's EINTR/EAGAIN handling -------------------------------

/// Retries a call interrupted by a signal (after running the Python handlers);
/// `Ok(None)` when the descriptor is non-blocking and has nothing now.
fn retry<T>(vm: &mut Vm, mut f: impl FnMut() -> std::io::Result<T>) -> PyResult<Option<T>> {
    loop {
        match f() {
            Ok(v) => return Ok(Some(v)),
            Err(e) if e.raw_os_error() == Some(4) => crate::signals::check(vm)?,
            Err(e) if e.raw_os_error() == Some(11) => return Ok(None),
            Err(e) => return Err(os_error(vm, e)),
        }
    }
}

pub fn fd_read(vm: &mut Vm, fd: i32, buf: &mut [u8]) -> PyResult<Option<usize>> {
    retry(vm, || posix::sys_read(fd, buf))
}

pub fn fd_write(vm: &mut Vm, fd: i32, data: &[u8]) -> PyResult<Option<usize>> {
    retry(vm, || posix::sys_write(fd, data))
}

/// Writes all of `data` (buffered flushes and exit-time flushes).
pub fn fd_write_all(vm: &mut Vm, fd: i32, mut data: &[u8]) -> PyResult<()> {
    while !data.is_empty() {
        match fd_write(vm, fd, data)? {
            Some(n) => data = &data[n..],
            None => {
                let t = vm.e.blocking_io_error;
                return Err(vm.new_exc(t, "write could not complete without blocking"));
            }
        }
    }
    Ok(())
}

pub fn fd_seek(vm: &mut Vm, fd: i32, pos: i64, whence: i32) -> PyResult<i64> {
    posix::sys_lseek(fd, pos, whence).map_err(|e| os_error(vm, e))
}

/// Reads to end of file (`readall`), `None` if non-blocking with no data.
pub fn fd_read_all(vm: &mut Vm, fd: i32) -> PyResult<Option<Vec<u8>>> {
    let mut out = Vec::new();
    let hint = posix::fd_metadata(fd).map(|m| m.len() as i64).unwrap_or(0) - posix::sys_lseek(fd, 0, 1).unwrap_or(0);
    let mut chunk = vec![0u8; (hint.max(0) as usize + 1).clamp(super::DEFAULT_BUFFER_SIZE, 1 << 20)];
    loop {
        match fd_read(vm, fd, &mut chunk)? {
            Some(0) => return Ok(Some(out)),
            Some(n) => out.extend_from_slice(&chunk[..n]),
            None if out.is_empty() => return Ok(None),
            None => return Ok(Some(out)),
        }
    }
}

// ---- construction -------------------------------------------------------------------

fn new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    Ok(vm.alloc(cls, FileIOObj { fd: RefCell::new(Rc::new(Fd { fd: Cell::new(-1), closefd: true })), flags: Cell::new(0), seekable: Cell::new(-1), blksize: Cell::new(super::DEFAULT_BUFFER_SIZE as i64) }))
}

const BAD_MODE: &str = "Must have exactly one of create/read/write/append mode and at most one plus";

/// The mode string: (FileIO flags, open(2) flags).
fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<(u8, i32)> {
    let (mut flags, mut oflags, mut rwa, mut plus) = (0u8, 0i32, false, false);
    for c in mode.chars() {
        let (f, o) = match c {
            'x' => (CREATED | WRITABLE, 0o300),
            'r' => (READABLE, 0),
            'w' => (WRITABLE, 0o1100),
            'a' => (WRITABLE | APPENDING, 0o2100),
            'b' => continue,
            '+' => {
                if plus {
                    return Err(vm.value_error(BAD_MODE));
                }
                plus = true;
                flags |= READABLE | WRITABLE;
                continue;
            }
            _ => return Err(vm.value_error(format!("invalid mode: {mode}"))),
        };
        if rwa {
            return Err(vm.value_error(BAD_MODE));
        }
        rwa = true;
        flags |= f;
        oflags |= o;
    }
    if !rwa {
        return Err(vm.value_error(BAD_MODE));
    }
    let access = match (flags & READABLE != 0, flags & WRITABLE != 0) {
        (true, true) => 2,
        (true, false) => 0,
        _ => 1,
    };
    Ok((flags, oflags | access))
}

/// Opens `name` (a path or, through `opener`, anything): the new descriptor.
fn open_path(vm: &mut Vm, name: Value, oflags: i32, opener: Value) -> PyResult<i32> {
    if !opener.is_null() && opener != vm.none {
        let fl = Value::small(oflags as i64);
        let r = crate::call::call(vm, opener, &[name, fl])?;
        let fd = crate::number::index_i64(vm, r)?;
        if fd < 0 {
            return Err(vm.value_error(format!("opener returned {fd}")));
        }
        return Ok(fd as i32);
    }
    let Some(p) = posix::fspath_value(vm, name)? else {
        let m = format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(name));
        return Err(vm.type_error(m));
    };
    let bytes: Vec<u8> = match crate::str::as_str(p) {
        Some(_) if crate::str::has_surrogates(p) => crate::codecs::encode_utf8(vm, p, "surrogateescape")?,
        Some(s) => s.as_bytes().to_vec(),
        None => crate::bytes::as_bytes(p).unwrap_or_default(),
    };
    let c = std::ffi::CString::new(bytes).map_err(|_| vm.value_error("embedded null byte"))?;
    loop {
        match posix::sys_open(&c, oflags, 0o666) {
            Ok(fd) => return Ok(fd),
            Err(e) if e.raw_os_error() == Some(4) => crate::signals::check(vm)?,
            Err(e) => return Err(crate::exceptions::os_error_from_io(vm, &e, Some(name))),
        }
    }
}

fn init(vm: &mut Vm, args: Args) -> PyResult {
    let [self_, name, mode, closefd, opener] = args.bind(vm, "FileIO", ["self", "file", "mode", "closefd", "opener"], 2, 1)?;
    let f = this(vm, self_)?;
    let mode_s = if mode.is_null() { "r".to_string() } else { crate::str_methods::str_arg(vm, mode, "FileIO() argument 'mode'")?.to_string() };
    let (flags, oflags) = parse_mode(vm, &mode_s)?;
    let closefd = closefd.is_null() || crate::ops::truthy(vm, closefd)?;
    let given_fd = if crate::int::is_int(vm, name) { Some(crate::number::index_i64(vm, name)?) } else { None };
    let fd = match given_fd {
        Some(fd) if fd < 0 => return Err(vm.value_error("negative file descriptor")),
        Some(fd) => fd as i32,
        None if !closefd => return Err(vm.value_error("Cannot use closefd=False with file name")),
        None => open_path(vm, name, oflags, opener)?,
    };
    let shared = Rc::new(Fd { fd: Cell::new(fd), closefd });
    let meta = posix::fd_metadata(fd);
    if let Ok(m) = &meta {
        if m.is_dir() {
            drop(shared);
            let e = std::io::Error::from_raw_os_error(21);
            return Err(crate::exceptions::os_error_from_io(vm, &e, Some(name)));
        }
        use std::os::unix::fs::MetadataExt;
        if m.blksize() > 1 {
            f.blksize.set(m.blksize() as i64);
        }
    } else if let Err(e) = meta {
        return Err(os_error(vm, e));
    }
    *f.fd.borrow_mut() = shared;
    f.flags.set(flags);
    f.seekable.set(-1);
    let n = vm.intern("name");
    crate::attr::generic_setattr(vm, self_, n, name)?;
    if flags & APPENDING != 0 {
        let _ = posix::sys_lseek(fd, 0, 2);
    }
    Ok(vm.none)
}

// ---- methods --------------------------------------------------------------------------

fn check_readable(vm: &mut Vm, f: &FileIOObj) -> PyResult<()> {
    if !f.has(READABLE) {
        return Err(unsupported(vm, "File not open for reading"));
    }
    Ok(())
}

fn check_writable(vm: &mut Vm, f: &FileIOObj) -> PyResult<()> {
    if !f.has(WRITABLE) {
        return Err(unsupported(vm, "File not open for writing"));
    }
    Ok(())
}

fn read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "read", 0, 1)?;
    let f = open_file(vm, a[0])?;
    check_readable(vm, f)?;
    let size = size_arg(vm, a.get(1))?;
    if size < 0 {
        return readall(vm, Args::new(&a[..1]));
    }
    let mut buf = vec![0u8; size as usize];
    match fd_read(vm, f.raw_fd(), &mut buf)? {
        Some(n) => {
            buf.truncate(n);
            Ok(crate::bytes::new_bytes(vm, buf))
        }
        None => Ok(vm.none),
    }
}

fn readall(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "readall", 0, 0)?;
    let f = open_file(vm, a[0])?;
    check_readable(vm, f)?;
    match fd_read_all(vm, f.raw_fd())? {
        Some(d) => Ok(crate::bytes::new_bytes(vm, d)),
        None => Ok(vm.none),
    }
}

fn readinto(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "readinto", 1, 1)?;
    let f = open_file(vm, a[0])?;
    check_readable(vm, f)?;
    let len = super::writable_len(vm, a[1], "readinto")?;
    let mut buf = vec![0u8; len];
    match fd_read(vm, f.raw_fd(), &mut buf)? {
        Some(n) => {
            super::store_into(vm, a[1], &buf[..n])?;
            Ok(crate::int::from_usize(vm, n))
        }
        None => Ok(vm.none),
    }
}

fn write(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "write", 1, 1)?;
    let f = open_file(vm, a[0])?;
    check_writable(vm, f)?;
    let data = super::bytes_arg(vm, a[1])?;
    match fd_write(vm, f.raw_fd(), &data)? {
        Some(n) => Ok(crate::int::from_usize(vm, n)),
        None => Ok(vm.none),
    }
}

/// `seek`'s `whence` argument checked as CPython's FileIO does (any value the OS takes).
pub fn whence_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        None => Ok(0),
        Some(v) => Ok(crate::number::index_i64(vm, *v)? as i32),
    }
}

fn seek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "seek", 1, 2)?;
    let f = open_file(vm, a[0])?;
    if crate::float::is_float(a[1]) {
        return Err(vm.type_error("an integer is required"));
    }
    let pos = crate::number::index_i64(vm, a[1])?;
    let whence = whence_arg(vm, a.get(2))?;
    let r = fd_seek(vm, f.raw_fd(), pos, whence)?;
    Ok(crate::int::from_i64(vm, r))
}

fn tell(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "tell", 0, 0)?;
    let f = open_file(vm, a[0])?;
    let r = fd_seek(vm, f.raw_fd(), 0, 1)?;
    Ok(crate::int::from_i64(vm, r))
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "truncate", 0, 1)?;
    let f = open_file(vm, a[0])?;
    check_writable(vm, f)?;
    let size = match a.get(1) {
        Some(v) if *v != vm.none => crate::number::index_i64(vm, *v)?,
        _ => fd_seek(vm, f.raw_fd(), 0, 1)?,
    };
    posix::sys_ftruncate(f.raw_fd(), size).map_err(|e| os_error(vm, e))?;
    Ok(crate::int::from_i64(vm, size))
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "close", 0, 0)?;
    let f = this(vm, a[0])?;
    if f.raw_fd() < 0 {
        return Ok(vm.none);
    }
    // `_RawIOBase.close` flushes first: only a subclass can make that do anything.
    let flushed = if super::exact(vm, a[0], vm.io.fileio) { Ok(vm.none) } else { crate::call::call_method(vm, a[0], "flush", &[]) };
    // As `_RawIOBase.close`: the generic `_IOBase` methods see it closed.
    let n = vm.intern("__IOBase_closed");
    let t = vm.true_;
    crate::attr::generic_setattr(vm, a[0], n, t)?;
    let shared = f.shared_fd();
    let fd = shared.fd.replace(-1);
    if shared.closefd {
        posix::sys_close(fd).map_err(|e| os_error(vm, e))?;
    }
    flushed?;
    Ok(vm.none)
}

fn closed(vm: &mut Vm, v: Value) -> PyResult {
    let f = this(vm, v)?;
    Ok(vm.bool(f.raw_fd() < 0))
}

fn fileno(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "fileno", 0, 0)?;
    let f = open_file(vm, a[0])?;
    Ok(Value::small(f.raw_fd() as i64))
}

fn isatty(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "isatty", 0, 0)?;
    let f = open_file(vm, a[0])?;
    Ok(vm.bool(posix::sys_isatty(f.raw_fd())))
}

fn readable(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "readable", 0, 0)?;
    let f = open_file(vm, a[0])?;
    Ok(vm.bool(f.has(READABLE)))
}

fn writable(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "writable", 0, 0)?;
    let f = open_file(vm, a[0])?;
    Ok(vm.bool(f.has(WRITABLE)))
}

pub fn is_seekable(f: &FileIOObj) -> bool {
    if f.seekable.get() < 0 {
        f.seekable.set(posix::sys_lseek(f.raw_fd(), 0, 1).is_ok() as i8);
    }
    f.seekable.get() == 1
}

fn seekable(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "seekable", 0, 0)?;
    let f = open_file(vm, a[0])?;
    Ok(vm.bool(is_seekable(f)))
}

/// The mode as CPython's `mode_string` spells it.
pub fn mode_str(f: &FileIOObj) -> &'static str {
    match (f.has(CREATED), f.has(APPENDING), f.has(READABLE), f.has(WRITABLE)) {
        (true, _, true, _) => "xb+",
        (true, ..) => "xb",
        (_, true, true, _) => "ab+",
        (_, true, ..) => "ab",
        (_, _, true, true) => "rb+",
        (_, _, true, false) => "rb",
        _ => "wb",
    }
}

fn mode(vm: &mut Vm, v: Value) -> PyResult {
    let f = this(vm, v)?;
    Ok(vm.intern(mode_str(f)))
}

fn closefd(vm: &mut Vm, v: Value) -> PyResult {
    let f = this(vm, v)?;
    let c = f.fd.borrow().closefd;
    Ok(vm.bool(c))
}

fn blksize(vm: &mut Vm, v: Value) -> PyResult {
    let f = this(vm, v)?;
    Ok(crate::int::from_i64(vm, f.blksize.get()))
}

/// `_io.FileIO` for our class, the class name for a subclass (CPython's `tp_name`).
pub fn tp_name(vm: &mut Vm, v: Value) -> String {
    let ty = vm.type_of(v);
    let name = crate::typeobj::type_name(ty);
    let m = crate::typeobj::lookup_str(vm, ty, "__module__").and_then(|m| crate::str::as_str(m));
    if crate::typeobj::has_flag(ty, crate::typeobj::tflag::HEAPTYPE) || m.is_none() {
        name
    } else {
        format!("{}.{name}", m.unwrap_or(""))
    }
}

/// `name=...` for a repr, or "" when the object has no `name` (other errors propagate).
pub fn repr_name(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    let n = vm.intern("name");
    match crate::attr::getattr_opt(vm, v, n) {
        Ok(Some(n)) => Ok(Some(crate::ops::repr_string(vm, n)?)),
        Ok(None) => Ok(None),
        Err(e) if crate::exceptions::matches(vm, e, vm.e.value_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "__repr__", 0, 0)?;
    let f = this(vm, a[0])?;
    let tn = tp_name(vm, a[0]);
    if f.raw_fd() < 0 {
        return Ok(crate::str::new_str(vm, format!("<{tn} [closed]>")));
    }
    let closefd = if f.fd.borrow().closefd { "True" } else { "False" };
    let head = match repr_name(vm, a[0])? {
        Some(n) => format!("name={n}"),
        None => format!("fd={}", f.raw_fd()),
    };
    Ok(crate::str::new_str(vm, format!("<{tn} {head} mode='{}' closefd={closefd}>", mode_str(f))))
}

/// A FileIO over an existing descriptor (the standard streams).
pub fn new_for_fd(vm: &mut Vm, fd: i32, mode: &str, name: Value) -> PyResult {
    let t = vm.io.fileio;
    let f = new(vm, Args::new(&[t]))?;
    let (flags, _) = parse_mode(vm, mode)?;
    let o = this(vm, f)?;
    *o.fd.borrow_mut() = Rc::new(Fd { fd: Cell::new(fd), closefd: false });
    o.flags.set(flags);
    let n = vm.intern("name");
    crate::attr::generic_setattr(vm, f, n, name)?;
    Ok(f)
}

pub fn init_type(vm: &mut Vm) {
    let base = vm.io.raw_iobase;
    let t = super::new_io_type(vm, "FileIO", base, true);
    vm.io.fileio = t;
    add_static(vm, t, "__new__", new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__init__", init),
        ("read", read),
        ("readall", readall),
        ("readinto", readinto),
        ("write", write),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("close", close),
        ("fileno", fileno),
        ("isatty", isatty),
        ("readable", readable),
        ("writable", writable),
        ("seekable", seekable),
        ("__repr__", repr),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    add_getter(vm, t, "closed", closed);
    add_getter(vm, t, "mode", mode);
    add_getter(vm, t, "closefd", closefd);
    add_getter(vm, t, "_blksize", blksize);
}
