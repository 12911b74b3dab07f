//! File objects: `open()` and the standard streams. One Rust type serves text and
//! binary files; a text file and its `.buffer` share the OS handle and buffers.
//! Text is UTF-8 with universal newlines on input; stdout is line-buffered on a
//! terminal or with `-u`, stderr always.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::io::{Read, Write};
use std::rc::Rc;

pub enum Handle {
    Stdin,
    Stdout,
    Stderr,
    File(std::fs::File),
}

pub struct Stream {
    pub handle: Handle,
    pub wbuf: Vec<u8>,
    pub rbuf: Vec<u8>,
    pub rpos: usize,
    pub eof: bool,
    pub closed: bool,
    pub line_buffered: bool,
    /// Every write goes straight to the OS (`-u`).
    pub write_through: bool,
    pub readable: bool,
    pub writable: bool,
}

impl Stream {
    fn raw_write(&mut self, data: &[u8]) -> std::io::Result<()> {
        match &mut self.handle {
            Handle::Stdout => {
                let mut o = std::io::stdout().lock();
                o.write_all(data)?;
                o.flush()
            }
            Handle::Stderr => std::io::stderr().write_all(data),
            Handle::File(f) => f.write_all(data),
            Handle::Stdin => Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "not writable")),
        }
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.wbuf);
        self.raw_write(&data)
    }

    fn write(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.wbuf.extend_from_slice(data);
        if self.write_through || self.wbuf.len() >= 8192 || (self.line_buffered && data.contains(&b'\n')) {
            self.flush()?;
        }
        Ok(())
    }

    fn fill(&mut self) -> std::io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let mut chunk = [0u8; 8192];
        let n = match &mut self.handle {
            Handle::Stdin => std::io::stdin().lock().read(&mut chunk)?,
            Handle::File(f) => f.read(&mut chunk)?,
            _ => 0,
        };
        if n == 0 {
            self.eof = true;
            return Ok(false);
        }
        self.rbuf.extend_from_slice(&chunk[..n]);
        Ok(true)
    }

    fn read_line(&mut self, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        loop {
            let avail = &self.rbuf[self.rpos..];
            if let Some(i) = avail.iter().position(|b| *b == b'\n') {
                let n = limit.map_or(i + 1, |l| l.min(i + 1));
                let out = avail[..n].to_vec();
                self.rpos += n;
                return Ok(out);
            }
            if limit.is_some_and(|l| avail.len() >= l) {
                let l = limit.unwrap();
                let out = avail[..l].to_vec();
                self.rpos += l;
                return Ok(out);
            }
            if !self.fill()? {
                let out = self.rbuf[self.rpos..].to_vec();
                self.rpos = self.rbuf.len();
                return Ok(out);
            }
        }
    }

    fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        while self.fill()? {}
        let out = self.rbuf[self.rpos..].to_vec();
        self.rpos = self.rbuf.len();
        Ok(out)
    }

    fn read_n(&mut self, n: usize) -> std::io::Result<Vec<u8>> {
        while self.rbuf.len() - self.rpos < n && self.fill()? {}
        let k = n.min(self.rbuf.len() - self.rpos);
        let out = self.rbuf[self.rpos..self.rpos + k].to_vec();
        self.rpos += k;
        Ok(out)
    }
}

pub struct FileObj {
    pub stream: Rc<RefCell<Stream>>,
    pub binary: bool,
    pub name: Value,
    pub mode: Value,
    /// `.buffer` of a text file (a binary FileObj on the same stream), or NULL.
    pub buffer: Cell<Value>,
    pub universal_newlines: bool,
    /// The `errors` name of a text file; NULL means "strict".
    pub errors: Cell<Value>,
}
impl Trace for FileObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.name);
        t.value(self.mode);
        t.value(self.buffer.get());
        t.value(self.errors.get());
    }
}
payload!(FileObj, "TextIOWrapper");

impl Drop for FileObj {
    fn drop(&mut self) {
        // A file that is never closed is flushed when it dies (its finalizer).
        if let Ok(mut s) = self.stream.try_borrow_mut() {
            let _ = s.flush();
        }
    }
}

fn fobj(v: Value) -> &'static FileObj {
    v.downcast::<FileObj>().expect("file object")
}

fn new_file(vm: &mut Vm, stream: Rc<RefCell<Stream>>, binary: bool, name: Value, mode: &str) -> Value {
    let ty = vm.t.object;
    let ty = crate::modules::io_type(vm, binary, mode).unwrap_or(ty);
    let m = crate::str::alloc_str(vm, mode);
    let f = vm.alloc(ty, FileObj { stream: stream.clone(), binary, name, mode: m, buffer: Cell::new(Value::NULL), universal_newlines: true, errors: Cell::new(Value::NULL) });
    if !binary {
        let bty = crate::modules::io_type(vm, true, mode).unwrap_or(ty);
        let b = vm.alloc(bty, FileObj {
            stream,
            binary: true,
            name,
            mode: m,
            buffer: Cell::new(Value::NULL),
            universal_newlines: false,
            errors: Cell::new(Value::NULL),
        });
        fobj(f).buffer.set(b);
    }
    f
}

/// The standard stream objects for `sys.stdin`, `sys.stdout`, `sys.stderr`.
pub fn std_streams(vm: &mut Vm) -> [Value; 3] {
    let unbuffered = vm.config.unbuffered;
    // (line_buffering, write_through) as CPython's create_stdio sets them.
    let mk = |vm: &mut Vm, h: Handle, name: &str, mode: &str, (line, through): (bool, bool)| {
        let (r, w) = (mode == "r", mode == "w");
        let stream = Stream { handle: h, wbuf: vec![], rbuf: vec![], rpos: 0, eof: false, closed: false, line_buffered: line, write_through: through, readable: r, writable: w };
        let n = crate::str::alloc_str(vm, name);
        new_file(vm, Rc::new(RefCell::new(stream)), false, n, mode)
    };
    let i = mk(vm, Handle::Stdin, "<stdin>", "r", (false, false));
    let o = mk(vm, Handle::Stdout, "<stdout>", "w", (unsafe_isatty(1) && !unbuffered, unbuffered));
    let e = mk(vm, Handle::Stderr, "<stderr>", "w", (!unbuffered, unbuffered));
    let stdio_errors = vm.intern(stdio_errors(&vm.config));
    fobj(i).errors.set(stdio_errors);
    fobj(o).errors.set(stdio_errors);
    let bs = vm.intern("backslashreplace");
    fobj(e).errors.set(bs);
    [i, o, e]
}

/// The error handler of stdin and stdout (CPython's `config_get_stdio_errors`):
/// surrogateescape in UTF-8 mode and in the C/POSIX locales and their UTF-8
/// coercion targets, else strict.
fn stdio_errors(cfg: &crate::vm::Config) -> &'static str {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let loc = var("LC_ALL").or_else(|| var("LC_CTYPE")).or_else(|| var("LANG")).unwrap_or_else(|| "C".into());
    let utf8_mode = cfg.utf8_mode || (!cfg.ignore_environment && var("PYTHONUTF8").as_deref() == Some("1"));
    if utf8_mode || matches!(loc.as_str(), "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8") {
        "surrogateescape"
    } else {
        "strict"
    }
}

fn unsafe_isatty(fd: i32) -> bool {
    use std::io::IsTerminal;
    match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    }
}

/// Flushes a file object's buffer (used at exit for the standard streams).
pub fn flush_value(v: Value) {
    if let Some(f) = v.downcast::<FileObj>() {
        if let Ok(mut s) = f.stream.try_borrow_mut() {
            let _ = s.flush();
        }
    }
}

fn io_err(vm: &mut Vm, e: std::io::Error) -> crate::object::PyErr {
    crate::exceptions::os_error_from_io(vm, &e, None)
}

fn check_open(vm: &mut Vm, f: &FileObj) -> PyResult<()> {
    if f.stream.borrow().closed {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn decode(vm: &mut Vm, f: &FileObj, data: Vec<u8>) -> PyResult {
    if f.binary {
        return Ok(crate::bytes::new_bytes(vm, data));
    }
    let s = match String::from_utf8(data) {
        Ok(s) => s,
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            return Err(crate::exc_unicode::decode_error(vm, "utf-8", e.as_bytes(), pos, pos + 1, "invalid start byte"));
        }
    };
    let s = if f.universal_newlines && s.contains('\r') { s.replace("\r\n", "\n").replace('\r', "\n") } else { s };
    Ok(crate::str::new_str(vm, s))
}

fn f_write(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "write", 2, 2)?;
    let f = fobj(a[0]);
    check_open(vm, f)?;
    if !f.stream.borrow().writable {
        let t = crate::modules::unsupported_operation(vm);
        return Err(vm.new_exc(t, "not writable"));
    }
    let (data, n) = if f.binary {
        match crate::bytes::as_bytes(a[1]) {
            Some(b) => {
                let n = b.len();
                (b, n)
            }
            None => return Err({ let __arg = format!("a bytes-like object is required, not '{}'", vm.type_name(a[1])); vm.type_error(__arg) }),
        }
    } else {
        match crate::str::as_str(a[1]) {
            Some(s) => (s.as_bytes().to_vec(), s.chars().count()),
            None => return Err({ let __arg = format!("write() argument must be str, not {}", vm.type_name(a[1])); vm.type_error(__arg) }),
        }
    };
    f.stream.borrow_mut().write(&data).map_err(|e| io_err(vm, e))?;
    Ok(crate::int::from_usize(vm, n))
}

fn f_read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "read", 1, 2)?;
    let f = fobj(a[0]);
    check_open(vm, f)?;
    let n = match a.get(1) {
        Some(v) if *v != vm.none => crate::number::index_i64(vm, *v)?,
        _ => -1,
    };
    let data = if n < 0 {
        f.stream.borrow_mut().read_all()
    } else if f.binary {
        f.stream.borrow_mut().read_n(n as usize)
    } else {
        read_chars(f, n as usize)
    }
    .map_err(|e| io_err(vm, e))?;
    decode(vm, f, data)
}

/// Reads `n` characters of UTF-8 text.
fn read_chars(f: &FileObj, n: usize) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut count = 0;
    let mut s = f.stream.borrow_mut();
    while count < n {
        let b = s.read_n(1)?;
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(&b);
        if b[0] & 0xc0 != 0x80 {
            let extra = match b[0] {
                0xf0..=0xff => 3,
                0xe0..=0xef => 2,
                0xc0..=0xdf => 1,
                _ => 0,
            };
            out.extend_from_slice(&s.read_n(extra)?);
            count += 1;
        }
    }
    Ok(out)
}

fn f_readline(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "readline", 1, 2)?;
    let f = fobj(a[0]);
    check_open(vm, f)?;
    let limit = match a.get(1) {
        Some(v) if *v != vm.none => Some(crate::number::index_i64(vm, *v)?).filter(|n| *n >= 0).map(|n| n as usize),
        _ => None,
    };
    let data = f.stream.borrow_mut().read_line(limit).map_err(|e| io_err(vm, e))?;
    decode(vm, f, data)
}

fn f_readlines(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "readlines", 1, 2)?;
    let l = crate::list::new_list(vm, vec![]);
    loop {
        let line = f_readline(vm, Args::new(&a[..1]))?;
        if crate::ops::len(vm, line)? == 0 {
            break;
        }
        crate::list::lobj(l).items.borrow_mut().push(line);
    }
    Ok(l)
}

fn f_next(vm: &mut Vm, args: Args) -> PyResult {
    let line = f_readline(vm, args)?;
    if crate::ops::len(vm, line)? == 0 {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(line)
}

fn f_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    check_open(vm, fobj(a[0]))?;
    Ok(a[0])
}

fn f_writelines(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "writelines", 2, 2)?;
    let it = crate::ops::iter(vm, a[1])?;
    while let Some(line) = crate::ops::next(vm, it)? {
        f_write(vm, Args::new(&[a[0], line]))?;
    }
    Ok(vm.none)
}

fn f_flush(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "flush", 1, 1)?;
    let f = fobj(a[0]);
    check_open(vm, f)?;
    f.stream.borrow_mut().flush().map_err(|e| io_err(vm, e))?;
    Ok(vm.none)
}

fn f_close(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "close", 1, 1)?;
    let f = fobj(a[0]);
    let mut s = f.stream.borrow_mut();
    if !s.closed {
        let r = s.flush();
        if let Handle::File(_) = s.handle {
            s.closed = true;
            s.handle = Handle::Stdin;
        } else {
            s.closed = true;
        }
        drop(s);
        r.map_err(|e| io_err(vm, e))?;
    }
    Ok(vm.none)
}

fn f_enter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__enter__", 1, 1)?;
    check_open(vm, fobj(a[0]))?;
    Ok(a[0])
}

fn f_exit(vm: &mut Vm, args: Args) -> PyResult {
    f_close(vm, Args::new(&args.vals[..1]))?;
    Ok(vm.none)
}

fn f_closed(vm: &mut Vm, v: Value) -> PyResult {
    Ok(vm.bool(fobj(v).stream.borrow().closed))
}
fn f_name(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(fobj(v).name)
}
fn f_mode(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(fobj(v).mode)
}
fn f_buffer(vm: &mut Vm, v: Value) -> PyResult {
    let b = fobj(v).buffer.get();
    if b.is_null() {
        return Err({ let __arg = format!("'{}' object has no attribute 'buffer'", vm.type_name(v)); vm.attribute_error(__arg) });
    }
    Ok(b)
}
fn f_line_buffering(vm: &mut Vm, v: Value) -> PyResult {
    let b = fobj(v).stream.borrow().line_buffered;
    Ok(vm.bool(b))
}
fn f_write_through(vm: &mut Vm, v: Value) -> PyResult {
    let b = fobj(v).stream.borrow().write_through;
    Ok(vm.bool(b))
}
fn f_encoding(vm: &mut Vm, _v: Value) -> PyResult {
    Ok(vm.intern("utf-8"))
}
fn f_errors(vm: &mut Vm, v: Value) -> PyResult {
    match v.downcast::<FileObj>().map(|f| f.errors.get()) {
        Some(e) if !e.is_null() => Ok(e),
        _ => Ok(vm.intern("strict")),
    }
}
fn f_isatty(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "isatty", 1, 1)?;
    let tty = match fobj(a[0]).stream.borrow().handle {
        Handle::Stdin => unsafe_isatty(0),
        Handle::Stdout => unsafe_isatty(1),
        Handle::Stderr => unsafe_isatty(2),
        Handle::File(_) => false,
    };
    Ok(vm.bool(tty))
}
fn f_fileno(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "fileno", 1, 1)?;
    use std::os::fd::AsRawFd;
    let fd = match &fobj(a[0]).stream.borrow().handle {
        Handle::Stdin => 0,
        Handle::Stdout => 1,
        Handle::Stderr => 2,
        Handle::File(f) => f.as_raw_fd(),
    };
    Ok(Value::small(fd as i64))
}
fn f_readable(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "readable", 1, 1)?;
    Ok(vm.bool(fobj(a[0]).stream.borrow().readable))
}
fn f_writable(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "writable", 1, 1)?;
    Ok(vm.bool(fobj(a[0]).stream.borrow().writable))
}
fn f_seekable(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "seekable", 1, 1)?;
    Ok(vm.bool(matches!(fobj(a[0]).stream.borrow().handle, Handle::File(_))))
}
fn f_seek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "seek", 2, 3)?;
    let off = crate::number::index_i64(vm, a[1])?;
    let whence = match a.get(2) {
        Some(w) => crate::number::index_i64(vm, *w)?,
        None => 0,
    };
    let f = fobj(a[0]);
    let mut s = f.stream.borrow_mut();
    s.flush().map_err(|e| io_err(vm, e))?;
    let buffered = (s.rbuf.len() - s.rpos) as i64;
    s.rbuf.clear();
    s.rpos = 0;
    s.eof = false;
    use std::io::{Seek, SeekFrom};
    let pos = match &mut s.handle {
        Handle::File(file) => {
            let from = match whence {
                0 => SeekFrom::Start(off.max(0) as u64),
                1 => SeekFrom::Current(off - buffered),
                _ => SeekFrom::End(off),
            };
            file.seek(from)
        }
        _ => Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "underlying stream is not seekable")),
    };
    drop(s);
    let p = pos.map_err(|e| io_err(vm, e))?;
    Ok(crate::int::from_i64(vm, p as i64))
}
fn f_tell(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "tell", 1, 1)?;
    let f = fobj(a[0]);
    let mut s = f.stream.borrow_mut();
    let buffered = (s.rbuf.len() - s.rpos) as i64;
    let pending = s.wbuf.len() as i64;
    use std::io::Seek;
    let pos = match &mut s.handle {
        Handle::File(file) => file.stream_position(),
        _ => Ok(0),
    };
    drop(s);
    let p = pos.map_err(|e| io_err(vm, e))? as i64 - buffered + pending;
    Ok(crate::int::from_i64(vm, p))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn open(vm: &mut Vm, args: Args) -> PyResult {
    let [file, mode, _buffering, encoding, _errors, newline, _closefd, _opener] =
        args.bind(vm, "open", ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], 1, 0)?;
    let mode_s = if mode.is_null() { "r".to_string() } else { crate::str_methods::str_arg(vm, mode, "open() argument 'mode'")?.to_string() };
    let path = match crate::str::as_str(file) {
        Some(p) => p.to_string(),
        None => {
            if crate::int::is_int(vm, file) {
                return Err(vm.value_error("opening file descriptors is not supported yet"));
            }
            match crate::call::call_special(vm, file, "__fspath__", &[])? {
                Some(p) => crate::ops::str_string(vm, p)?,
                None => return Err({ let __arg = format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(file)); vm.type_error(__arg) }),
            }
        }
    };
    let (mut r, mut w, mut a, mut x, mut plus, mut b, mut t) = (false, false, false, false, false, false, false);
    for c in mode_s.chars() {
        let dup = match c {
            'r' => std::mem::replace(&mut r, true),
            'w' => std::mem::replace(&mut w, true),
            'a' => std::mem::replace(&mut a, true),
            'x' => std::mem::replace(&mut x, true),
            '+' => std::mem::replace(&mut plus, true),
            'b' => std::mem::replace(&mut b, true),
            't' => std::mem::replace(&mut t, true),
            _ => return Err(vm.value_error(format!("invalid mode: '{mode_s}'"))),
        };
        if dup {
            return Err(vm.value_error(format!("invalid mode: '{mode_s}'")));
        }
    }
    if b && t {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if [r, w, a, x].iter().filter(|v| **v).count() != 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if b && encoding != Value::NULL && encoding != vm.none {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    let mut oo = std::fs::OpenOptions::new();
    oo.read(r || plus).write(w || a || x || plus).append(a).truncate(w).create(w || a).create_new(x);
    let fh = oo.open(&path).map_err(|e| crate::exceptions::os_error_from_io(vm, &e, Some(file)))?;
    if std::fs::metadata(&path).map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(crate::exceptions::os_error_from_io(vm, &e, Some(file)));
    }
    let stream = Rc::new(RefCell::new(Stream {
        handle: Handle::File(fh),
        wbuf: vec![],
        rbuf: vec![],
        rpos: 0,
        eof: false,
        closed: false,
        line_buffered: false,
        write_through: false,
        readable: r || plus,
        writable: w || a || x || plus,
    }));
    let f = new_file(vm, stream, b, file, &mode_s);
    if crate::str::as_str(_errors).is_some() {
        fobj(f).errors.set(_errors);
    }
    if !newline.is_null() && newline != vm.none {
        let _ = newline;
    }
    Ok(f)
}

pub fn init_type(vm: &mut Vm, t: Value) {
    use crate::typeobj::{add_getter, add_method};
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("write", f_write),
        ("read", f_read),
        ("readline", f_readline),
        ("readlines", f_readlines),
        ("writelines", f_writelines),
        ("flush", f_flush),
        ("close", f_close),
        ("__enter__", f_enter),
        ("__exit__", f_exit),
        ("__iter__", f_iter),
        ("__next__", f_next),
        ("isatty", f_isatty),
        ("fileno", f_fileno),
        ("readable", f_readable),
        ("writable", f_writable),
        ("seekable", f_seekable),
        ("seek", f_seek),
        ("tell", f_tell),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    add_getter(vm, t, "closed", f_closed);
    add_getter(vm, t, "name", f_name);
    add_getter(vm, t, "mode", f_mode);
    add_getter(vm, t, "buffer", f_buffer);
    add_getter(vm, t, "encoding", f_encoding);
    add_getter(vm, t, "line_buffering", f_line_buffering);
    add_getter(vm, t, "write_through", f_write_through);
    add_getter(vm, t, "errors", f_errors);
}
