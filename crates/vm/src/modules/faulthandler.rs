//! The `faulthandler` module: Python tracebacks written straight to a file
//! descriptor, on demand (`dump_traceback`), on a fatal signal (`enable`), on a
//! user signal (`register`) and after a timeout (`dump_traceback_later`).
//!
//! The signal handlers and the timeout thread cannot ask the interpreter for its
//! frames: as CPython's handlers read the thread state, they read the frame stack
//! of the interpreter noted by the last call into this module (`note_vm`), with
//! no synchronisation, and write with write(2) only (no allocation, no locks).
//! That is best effort by design: the process is usually about to die.

use crate::interp::Frame;
use crate::object::{Args, PyResult};
use crate::signals::NSIG;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, AtomicU64, Ordering::SeqCst};
use std::sync::mpsc;
use std::sync::Mutex;

/// Frames dumped per thread; deeper stacks end with "  ...".
const MAX_FRAME_DEPTH: usize = 100;
/// Characters of a file or function name written; longer ones end with "...".
const MAX_STRING_LENGTH: usize = 500;

/// The fatal signals `enable()` handles, with the names CPython writes.
const FATAL_SIGNALS: &[(i32, &str)] = &[
    (libc::SIGBUS, "Bus error"),
    (libc::SIGILL, "Illegal instruction"),
    (libc::SIGFPE, "Floating point exception"),
    (libc::SIGABRT, "Aborted"),
    (libc::SIGSEGV, "Segmentation fault"),
];

/// The interpreter whose frames the handlers read, and the thread running it.
static VM: AtomicPtr<Vm> = AtomicPtr::new(std::ptr::null_mut());
static VM_THREAD: AtomicU64 = AtomicU64::new(0);

/// One installed handler: where it writes, and the disposition it replaced.
struct Handler {
    enabled: AtomicBool,
    fd: AtomicI32,
    all_threads: AtomicBool,
    chain: AtomicBool,
    previous: AtomicPtr<libc::sigaction>,
}

impl Handler {
    const fn new() -> Handler {
        Handler {
            enabled: AtomicBool::new(false),
            fd: AtomicI32::new(2),
            all_threads: AtomicBool::new(true),
            chain: AtomicBool::new(false),
            previous: AtomicPtr::new(std::ptr::null_mut()),
        }
    }
}

/// `enable()`'s settings (one for all fatal signals) and each fatal signal's
/// previous disposition.
static FATAL: Handler = Handler::new();
static FATAL_PREVIOUS: [AtomicPtr<libc::sigaction>; NSIG] = [const { AtomicPtr::new(std::ptr::null_mut()) }; NSIG];
/// `register()`'s handlers, per signal number.
static USER: [Handler; NSIG] = [const { Handler::new() }; NSIG];

/// The running `dump_traceback_later` thread: the sender cancels it.
static LATER: Mutex<Option<(mpsc::Sender<()>, std::thread::JoinHandle<()>)>> = Mutex::new(None);

thread_local! {
    /// The file objects the handlers write to, kept alive (and so their
    /// descriptors open) while a handler may use them: a dict keyed by
    /// "fatal", "later" or the signal number, rooted by `vm.extra_roots`.
    static FILES: Cell<Value> = const { Cell::new(Value::NULL) };
}

fn this_thread() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

/// Notes `vm` as the interpreter whose frames the handlers dump. The Vm lives
/// until `finalize` clears this at exit.
fn note_vm(vm: &mut Vm) {
    VM.store(vm as *mut Vm, SeqCst);
    VM_THREAD.store(this_thread(), SeqCst);
}

/// Keeps `file` (a file object, or None for a bare descriptor) alive under `key`.
fn keep_file(vm: &mut Vm, key: Value, file: Value) -> PyResult<()> {
    let mut d = FILES.with(|c| c.get());
    if d.is_null() {
        d = crate::dict::new_dict(vm);
        vm.extra_roots.push(d);
        FILES.with(|c| c.set(d));
    }
    crate::dict::set_item(vm, d, key, file)
}

// ---- async-signal-safe output ----

/// A small buffer flushed to a descriptor with write(2): usable in a signal handler.
struct FdWriter {
    fd: i32,
    buf: [u8; 128],
    len: usize,
}

impl FdWriter {
    fn new(fd: i32) -> FdWriter {
        FdWriter { fd, buf: [0; 128], len: 0 }
    }

    fn bytes(&mut self, s: &[u8]) {
        for &b in s {
            if self.len == self.buf.len() {
                self.flush();
            }
            self.buf[self.len] = b;
            self.len += 1;
        }
    }

    fn puts(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    fn decimal(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.bytes(&digits[i..]);
    }

    /// `n` in lower-case hexadecimal, zero-padded to `width` digits.
    fn hex(&mut self, n: u64, width: usize) {
        let mut digits = [0u8; 16];
        let mut i = digits.len();
        let mut n = n;
        while n != 0 || digits.len() - i < width.min(16) {
            i -= 1;
            digits[i] = b"0123456789abcdef"[(n & 15) as usize];
            n >>= 4;
        }
        self.bytes(&digits[i..]);
    }

    /// A name as CPython's `_Py_DumpASCII` writes it: printable ASCII as is, other
    /// characters as \x, \u or \U escapes, at most MAX_STRING_LENGTH characters.
    fn ascii(&mut self, s: &str) {
        for (i, ch) in s.chars().enumerate() {
            if i == MAX_STRING_LENGTH {
                self.puts("...");
                break;
            }
            let c = ch as u32;
            if (0x20..0x7f).contains(&c) {
                self.bytes(&[c as u8]);
            } else if c <= 0xff {
                self.puts("\\x");
                self.hex(c as u64, 2);
            } else if c <= 0xffff {
                self.puts("\\u");
                self.hex(c as u64, 4);
            } else {
                self.puts("\\U");
                self.hex(c as u64, 8);
            }
        }
    }

    fn flush(&mut self) {
        let mut done = 0;
        while done < self.len {
            // SAFETY: the range is inside `buf`; write(2) is async-signal-safe.
            let n = unsafe { libc::write(self.fd, self.buf[done..].as_ptr().cast(), self.len - done) };
            if n <= 0 {
                break;
            }
            done += n as usize;
        }
        self.len = 0;
    }
}

/// The line frame `f` is at; `top_ip` (the interpreter's current instruction)
/// places the innermost frame, as `interp::frames_now` does, without writing.
fn frame_line(f: &Frame, top_ip: Option<usize>) -> u32 {
    let co = f.code_obj();
    let mut lasti = f.lasti;
    if let Some(ip) = top_ip {
        let i = ip.wrapping_sub(co.instrs.as_ptr() as usize) / std::mem::size_of::<crate::icache::Ins>();
        if i < co.instrs.len() {
            lasti = i;
        }
    }
    co.code.line_at(lasti)
}

/// `  File "name", line N in func` lines, innermost first.
fn dump_frames(w: &mut FdWriter, frames: &[Frame], top_ip: Option<usize>) {
    if frames.is_empty() {
        w.puts("  <no Python frame>\n");
        return;
    }
    for (depth, f) in frames.iter().rev().enumerate() {
        if depth >= MAX_FRAME_DEPTH {
            w.puts("  ...\n");
            break;
        }
        let co = f.code_obj();
        w.puts("  File ");
        match crate::str::as_str(co.filename) {
            Some(s) => {
                w.puts("\"");
                w.ascii(s);
                w.puts("\"");
            }
            None => w.puts("???"),
        }
        w.puts(", line ");
        w.decimal(frame_line(f, if depth == 0 { top_ip } else { None }) as u64);
        w.puts(" in ");
        match crate::str::as_str(co.name) {
            Some(s) => w.ascii(s),
            None => w.puts("???"),
        }
        w.puts("\n");
    }
}

/// The traceback of the interpreter thread: with a "Current thread"/"Thread"
/// header naming it (`all_threads`, CPython lists every thread; Ferropy has one),
/// or under "Stack".
/// `collecting`: the thread runs `__del__` methods the collector found, which
/// CPython reports as "Garbage-collecting".
fn dump_thread(w: &mut FdWriter, frames: &[Frame], top_ip: Option<usize>, all_threads: bool, thread: u64, collecting: bool) {
    if all_threads {
        let current = thread == this_thread();
        w.puts(if current { "Current thread 0x" } else { "Thread 0x" });
        w.hex(thread, 16);
        w.puts(" (most recent call first):\n");
        if current && collecting {
            w.puts("  Garbage-collecting\n");
        }
    } else {
        w.puts("Stack (most recent call first):\n");
    }
    dump_frames(w, frames, top_ip);
}

/// Dumps the noted interpreter's traceback from a signal handler or another
/// thread. A handler meant for "Stack" output writes nothing when the signal
/// arrived on a thread that runs no Python code, as CPython does.
fn dump_noted(fd: i32, all_threads: bool) {
    let vm = VM.load(SeqCst);
    if vm.is_null() {
        return;
    }
    let thread = VM_THREAD.load(SeqCst);
    if !all_threads && thread != this_thread() {
        return;
    }
    // SAFETY: `vm` was noted from a live `&mut Vm` and is cleared by `finalize`
    // before the Vm goes. The interpreter may be anywhere in its work (this runs
    // in a signal handler or the timeout thread): as CPython's faulthandler reads
    // the frames of a thread state without its lock, this reads the frame stack
    // as it is, only reading, to write the traceback of a process that is usually
    // about to die.
    let (frames, top_ip, collecting) = unsafe {
        let frames: &Vec<Frame> = &*std::ptr::addr_of!((*vm).frames);
        let ip = std::ptr::addr_of!((*vm).top_ip).read() as usize;
        (frames.as_slice(), ip, std::ptr::addr_of!((*vm).in_finalizers).read())
    };
    let mut w = FdWriter::new(fd);
    dump_thread(&mut w, frames, Some(top_ip), all_threads, thread, collecting);
    w.flush();
}

// ---- signal handlers ----

/// Installs `handler` for `sig`, returning the replaced disposition (leaked
/// box, owned by whoever restores it), or the OS error.
fn install(sig: i32, handler: extern "C" fn(i32), flags: i32) -> std::io::Result<*mut libc::sigaction> {
    // SAFETY: an all-zero sigaction is a valid value (SIG_DFL, empty mask).
    let mut act: libc::sigaction = unsafe { std::mem::zeroed() };
    act.sa_sigaction = handler as usize;
    act.sa_flags = flags | libc::SA_ONSTACK;
    // SAFETY: as above.
    let prev = Box::into_raw(Box::new(unsafe { std::mem::zeroed::<libc::sigaction>() }));
    // SAFETY: `act` and `prev` are valid sigaction structures.
    if unsafe { libc::sigemptyset(&mut act.sa_mask) != 0 || libc::sigaction(sig, &act, prev) != 0 } {
        let e = std::io::Error::last_os_error();
        // SAFETY: `prev` came from Box::into_raw above and was not shared.
        drop(unsafe { Box::from_raw(prev) });
        return Err(e);
    }
    Ok(prev)
}

/// Puts back the disposition `install` replaced (async-signal-safe: the box is
/// only freed later, by `forget_previous`).
fn restore(sig: i32, prev: *mut libc::sigaction) {
    if !prev.is_null() {
        // SAFETY: `prev` holds the sigaction returned when the handler was installed.
        unsafe { libc::sigaction(sig, prev, std::ptr::null_mut()) };
    }
}

/// Frees a saved disposition once no handler can read it any more.
fn forget_previous(slot: &AtomicPtr<libc::sigaction>) {
    let p = slot.swap(std::ptr::null_mut(), SeqCst);
    if !p.is_null() {
        // SAFETY: every saved pointer comes from Box::into_raw in `install`, and
        // the swap made this the only owner.
        drop(unsafe { Box::from_raw(p) });
    }
}

fn raise(sig: i32) {
    // SAFETY: raise(3) is async-signal-safe and takes a plain signal number.
    unsafe { libc::raise(sig) };
}

/// The handler of SIGSEGV, SIGFPE, SIGABRT, SIGBUS and SIGILL: writes the
/// traceback, puts the previous disposition back and gives it the signal.
extern "C" fn on_fatal_signal(sig: i32) {
    let errno = std::io::Error::last_os_error();
    let Some(&(_, name)) = FATAL_SIGNALS.iter().find(|(s, _)| *s == sig) else { return };
    if !FATAL.enabled.load(SeqCst) {
        return;
    }
    let prev = FATAL_PREVIOUS.get(sig as usize).map_or(std::ptr::null_mut(), |p| p.load(SeqCst));
    restore(sig, prev);
    let fd = FATAL.fd.load(SeqCst);
    let mut w = FdWriter::new(fd);
    w.puts("Fatal Python error: ");
    w.puts(name);
    w.puts("\n\n");
    w.flush();
    dump_noted(fd, FATAL.all_threads.load(SeqCst));
    // The previous handler runs at once (SA_NODEFER). Rust's own SIGSEGV/SIGBUS
    // handler only resets the default disposition and returns, leaving a real
    // fault to happen again; a signal that was sent, not caused, is sent again
    // then, to end the process as the default disposition does.
    raise(sig);
    if is_default(sig) {
        raise(sig);
    }
    if let Some(e) = errno.raw_os_error() {
        set_errno(e);
    }
}

fn is_default(sig: i32) -> bool {
    // SAFETY: an all-zero sigaction is a valid value; only the current one is read.
    let mut cur: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: `cur` is a valid sigaction structure to fill.
    unsafe { libc::sigaction(sig, std::ptr::null(), &mut cur) == 0 && cur.sa_sigaction == libc::SIG_DFL }
}

fn set_default(sig: i32) {
    // SAFETY: SIG_DFL is a valid disposition for any catchable signal.
    unsafe { libc::signal(sig, libc::SIG_DFL) };
}

fn set_errno(e: i32) {
    // SAFETY: __errno_location returns this thread's errno slot.
    unsafe { *libc::__errno_location() = e };
}

/// The handler of the signals given to `register()`: writes the traceback and,
/// with `chain`, gives the signal to the previous handler too.
extern "C" fn on_user_signal(sig: i32) {
    let Some(h) = USER.get(sig as usize) else { return };
    if !h.enabled.load(SeqCst) {
        return;
    }
    let errno = std::io::Error::last_os_error();
    dump_noted(h.fd.load(SeqCst), h.all_threads.load(SeqCst));
    if h.chain.load(SeqCst) {
        let prev = h.previous.load(SeqCst);
        restore(sig, prev);
        raise(sig);
        // Back in place for the next signal; the disposition it replaces is the
        // one just restored, already saved.
        // SAFETY: as in `install`; the old disposition is not kept.
        let mut act: libc::sigaction = unsafe { std::mem::zeroed() };
        act.sa_sigaction = on_user_signal as extern "C" fn(i32) as usize;
        act.sa_flags = libc::SA_NODEFER | libc::SA_ONSTACK;
        // SAFETY: `act` is a valid sigaction structure.
        unsafe { libc::sigaction(sig, &act, std::ptr::null_mut()) };
    }
    if let Some(e) = errno.raw_os_error() {
        set_errno(e);
    }
}

// ---- arguments ----

/// The descriptor of a `file` argument (None: sys.stderr; an int: itself; else
/// its `fileno()`, after flushing it), and the object to keep alive.
fn file_fd(vm: &mut Vm, file: Value) -> PyResult<(i32, Value)> {
    let file = if file.is_null() || file == vm.none {
        let f = crate::sys::sys_attr(vm, "stderr").map_err(|_| vm.runtime_error("unable to get sys.stderr"))?;
        if f == vm.none {
            return Err(vm.runtime_error("sys.stderr is None"));
        }
        f
    } else if crate::int::is_int(vm, file) {
        let n = crate::number::index_i64(vm, file)?;
        let n = i32::try_from(n).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?;
        if n < 0 {
            return Err(vm.value_error("file is not a valid file descripter"));
        }
        return Ok((n, vm.none));
    } else {
        file
    };
    let r = crate::call::call_method(vm, file, "fileno", &[])?;
    let fd = match crate::int::as_i64(r) {
        Some(n) if crate::int::is_int(vm, r) && (0..i32::MAX as i64).contains(&n) => n as i32,
        _ => return Err(vm.runtime_error("file.fileno() is not a valid file descriptor")),
    };
    // A failing flush() is ignored, as in CPython.
    let _ = crate::call::call_method(vm, file, "flush", &[]);
    Ok((fd, file))
}

/// A C int argument ('i' format).
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
    if crate::float::as_f64(v).is_some() && !crate::int::is_int(vm, v) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = crate::number::index_i64(vm, v)?;
    i32::try_from(n).map_err(|_| {
        let m = if n < 0 { "signed integer is less than minimum" } else { "signed integer is greater than maximum" };
        vm.overflow_error(m)
    })
}

/// A 'p' (truth value) argument, with its default when absent.
fn flag_arg(vm: &mut Vm, v: Value, default: bool) -> PyResult<bool> {
    if v.is_null() {
        return Ok(default);
    }
    crate::ops::truthy(vm, v)
}

// ---- module functions ----

/// `dump_traceback(file=sys.stderr, all_threads=True)`.
fn dump_traceback(vm: &mut Vm, args: Args) -> PyResult {
    let [file, all] = args.bind(vm, "dump_traceback", ["file", "all_threads"], 0, 0)?;
    let all_threads = flag_arg(vm, all, true)?;
    let (fd, _file) = file_fd(vm, file)?;
    let collecting = vm.in_finalizers;
    let mut w = FdWriter::new(fd);
    dump_thread(&mut w, crate::interp::frames_now(vm), None, all_threads, this_thread(), collecting);
    w.flush();
    Ok(vm.none)
}

/// `enable(file=sys.stderr, all_threads=True)`.
fn enable(vm: &mut Vm, args: Args) -> PyResult {
    let [file, all] = args.bind(vm, "enable", ["file", "all_threads"], 0, 0)?;
    let all_threads = flag_arg(vm, all, true)?;
    let (fd, file) = file_fd(vm, file)?;
    let key = vm.intern("fatal");
    keep_file(vm, key, file)?;
    note_vm(vm);
    FATAL.fd.store(fd, SeqCst);
    FATAL.all_threads.store(all_threads, SeqCst);
    if FATAL.enabled.swap(true, SeqCst) {
        return Ok(vm.none);
    }
    for &(sig, _) in FATAL_SIGNALS {
        match install(sig, on_fatal_signal, libc::SA_NODEFER) {
            Ok(prev) => {
                forget_previous(&FATAL_PREVIOUS[sig as usize]);
                FATAL_PREVIOUS[sig as usize].store(prev, SeqCst);
            }
            Err(e) => return Err(vm.runtime_error(e.to_string())),
        }
    }
    Ok(vm.none)
}

fn disable_fatal() -> bool {
    if !FATAL.enabled.swap(false, SeqCst) {
        return false;
    }
    for &(sig, _) in FATAL_SIGNALS {
        let slot = &FATAL_PREVIOUS[sig as usize];
        restore(sig, slot.load(SeqCst));
        forget_previous(slot);
    }
    true
}

/// `disable()`: whether the fatal-signal handlers were installed.
fn disable(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "faulthandler.disable", 0, 0)?;
    let was = disable_fatal();
    Ok(vm.bool(was))
}

fn is_enabled(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "faulthandler.is_enabled", 0, 0)?;
    Ok(vm.bool(FATAL.enabled.load(SeqCst)))
}

/// "Timeout (H:MM:SS[.ffffff])!\n" for a timeout in microseconds.
fn timeout_header(us: u64) -> String {
    let (sec, us) = (us / 1_000_000, us % 1_000_000);
    let (hour, min, sec) = (sec / 3600, sec / 60 % 60, sec % 60);
    if us != 0 {
        format!("Timeout ({hour}:{min:02}:{sec:02}.{us:06})!\n")
    } else {
        format!("Timeout ({hour}:{min:02}:{sec:02})!\n")
    }
}

/// A timeout in seconds (int or float) as whole microseconds, both steps
/// rounded away from zero, with the range and messages of CPython's _PyTime_t
/// (nanoseconds in 64 bits).
fn timeout_us(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let ns = if let Some(f) = crate::float::as_f64(v) {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let d = f * 1e9;
        let d = if d >= 0.0 { d.ceil() } else { d.floor() };
        if !(-9.223372036854776e18..9.223372036854776e18).contains(&d) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        d as i64
    } else {
        let secs = crate::number::index_i64(vm, v).map_err(|e| {
            if crate::exceptions::matches(vm, e.clone(), vm.e.overflow_error) {
                vm.overflow_error("timestamp too large to convert to C _PyTime_t")
            } else {
                e
            }
        })?;
        match secs.checked_mul(1_000_000_000) {
            Some(ns) => ns,
            None => return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t")),
        }
    };
    let us = ns / 1000;
    Ok(if ns % 1000 > 0 { us + 1 } else if ns % 1000 < 0 { us - 1 } else { us })
}

/// `dump_traceback_later(timeout, repeat=False, file=sys.stderr, exit=False)`:
/// a thread writes the traceback after each `timeout` seconds until cancelled.
fn dump_traceback_later(vm: &mut Vm, args: Args) -> PyResult {
    let [timeout, repeat, file, exit] =
        args.bind(vm, "dump_traceback_later", ["timeout", "repeat", "file", "exit"], 1, 0)?;
    let us = timeout_us(vm, timeout)?;
    if us <= 0 {
        return Err(vm.value_error("timeout must be greater than 0"));
    }
    let repeat = if repeat.is_null() { false } else { int_arg(vm, repeat)? != 0 };
    let exit = if exit.is_null() { false } else { int_arg(vm, exit)? != 0 };
    let (fd, file) = file_fd(vm, file)?;
    cancel_later();
    let key = vm.intern("later");
    keep_file(vm, key, file)?;
    note_vm(vm);
    let header = timeout_header(us as u64);
    let wait = std::time::Duration::from_micros(us as u64);
    let (tx, rx) = mpsc::channel::<()>();
    let spawned = std::thread::Builder::new().name("faulthandler".into()).spawn(move || loop {
        if rx.recv_timeout(wait) != Err(mpsc::RecvTimeoutError::Timeout) {
            return;
        }
        let mut w = FdWriter::new(fd);
        w.puts(&header);
        w.flush();
        dump_noted(fd, true);
        if exit {
            // SAFETY: _exit ends the process at once, as CPython's watchdog does.
            unsafe { libc::_exit(1) };
        }
        if !repeat {
            return;
        }
    });
    match spawned {
        Ok(h) => {
            *LATER.lock().unwrap_or_else(|e| e.into_inner()) = Some((tx, h));
            Ok(vm.none)
        }
        Err(_) => Err(vm.runtime_error("unable to start watchdog thread")),
    }
}

fn cancel_later() {
    let running = LATER.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some((tx, h)) = running {
        let _ = tx.send(());
        let _ = h.join();
    }
}

fn cancel_dump_traceback_later(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "faulthandler.cancel_dump_traceback_later", 0, 0)?;
    cancel_later();
    Ok(vm.none)
}

/// A signal `register()` may take: not one of the fatal signals, in range.
fn user_signum(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let sig = int_arg(vm, v)?;
    if FATAL_SIGNALS.iter().any(|(s, _)| *s == sig) {
        let m = format!("signal {sig} cannot be registered, use enable() instead");
        return Err(vm.runtime_error(m));
    }
    match usize::try_from(sig) {
        Ok(s) if (1..NSIG).contains(&s) => Ok(s),
        _ => Err(vm.value_error("signal number out of range")),
    }
}

/// `register(signum, file=sys.stderr, all_threads=True, chain=False)`.
fn register(vm: &mut Vm, args: Args) -> PyResult {
    let [signum, file, all, chain] = args.bind(vm, "register", ["signum", "file", "all_threads", "chain"], 1, 0)?;
    let sig = user_signum(vm, signum)?;
    let all_threads = flag_arg(vm, all, true)?;
    let chain = flag_arg(vm, chain, false)?;
    let (fd, file) = file_fd(vm, file)?;
    let key = Value::small(sig as i64);
    keep_file(vm, key, file)?;
    note_vm(vm);
    let h = &USER[sig];
    h.fd.store(fd, SeqCst);
    h.all_threads.store(all_threads, SeqCst);
    h.chain.store(chain, SeqCst);
    let flags = if chain { libc::SA_NODEFER } else { libc::SA_RESTART };
    let prev = install(sig as i32, on_user_signal, flags).map_err(|e| {
        let m = e.to_string();
        vm.runtime_error(m)
    })?;
    if h.enabled.swap(true, SeqCst) {
        // Registered before: the disposition to restore is the first one.
        // SAFETY: `prev` came from Box::into_raw in `install` and was not shared.
        drop(unsafe { Box::from_raw(prev) });
    } else {
        h.previous.store(prev, SeqCst);
    }
    Ok(vm.none)
}

fn unregister_signal(sig: usize) -> bool {
    let h = &USER[sig];
    if !h.enabled.swap(false, SeqCst) {
        return false;
    }
    restore(sig as i32, h.previous.load(SeqCst));
    forget_previous(&h.previous);
    true
}

/// `unregister(signum)`: whether a handler was registered.
fn unregister(vm: &mut Vm, args: Args) -> PyResult {
    // PyArg_ParseTuple's wording, which counts positional arguments only.
    let a = args.pos();
    if a.len() != 1 {
        return Err(vm.type_error(format!("unregister() takes exactly 1 argument ({} given)", a.len())));
    }
    let sig = user_signum(vm, a[0])?;
    let was = unregister_signal(sig);
    Ok(vm.bool(was))
}

// ---- crash helpers used by the tests ----

fn suppress_core_dump() {
    // As CPython's faulthandler_suppress_crash_report: no core file.
    let limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    let mut old = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: valid rlimit structures.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_CORE, &mut old) == 0 {
            libc::setrlimit(libc::RLIMIT_CORE, &libc::rlimit { rlim_cur: limit.rlim_cur, rlim_max: old.rlim_max });
        }
    }
}

/// Ends the process by `sig` (raised, then with the default disposition).
fn die_by(vm: &mut Vm, sig: i32) -> PyResult {
    note_vm(vm);
    let _ = crate::interp::frames_now(vm);
    suppress_core_dump();
    raise(sig);
    set_default(sig);
    raise(sig);
    Ok(vm.none)
}

fn sigsegv(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "_sigsegv")?;
    let a = args.pos();
    if a.len() > 1 {
        return Err(vm.type_error(format!("_sigsegv() takes at most 1 argument ({} given)", a.len())));
    }
    if let Some(&v) = a.first() {
        int_arg(vm, v)?;
    }
    die_by(vm, libc::SIGSEGV)
}

fn sigabrt(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "_sigabrt", 0, 0)?;
    note_vm(vm);
    suppress_core_dump();
    std::process::abort()
}

fn sigfpe(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "_sigfpe", 0, 0)?;
    die_by(vm, libc::SIGFPE)
}

/// `_read_null()`: a real invalid memory read, so the fault path is the one a
/// crash takes.
fn read_null(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "_read_null", 0, 0)?;
    note_vm(vm);
    suppress_core_dump();
    let addr = std::hint::black_box(8usize) as *const u8;
    // SAFETY: not safe at all, on purpose: the read faults (the first page is
    // never mapped), and the fatal-signal handler or the default disposition ends
    // the process before anything uses the value.
    let v = unsafe { std::ptr::read_volatile(addr) };
    Ok(Value::small(v as i64))
}

/// `_stack_overflow()`: recurses through 100 MB of native stack; the
/// interpreter thread's stack is larger, so this ends in RuntimeError as in
/// CPython when the overflow does not happen.
fn stack_overflow(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "_stack_overflow", 0, 0)?;
    fn recurse(depth: usize, start: usize) -> usize {
        let buf = std::hint::black_box([0u8; 4096]);
        let here = buf.as_ptr() as usize;
        if start.abs_diff(here) > 100 << 20 {
            return depth;
        }
        std::hint::black_box(recurse(depth + 1, start)) + buf[depth % 4096] as usize
    }
    let marker = 0u8;
    std::hint::black_box(recurse(0, &marker as *const u8 as usize));
    Err(vm.runtime_error("unable to raise a stack overflow"))
}

/// `_fatal_error_c_thread()`: a fatal error in a thread that runs no Python
/// code, reported as CPython's Py_FatalError does (then SIGABRT).
fn fatal_error_c_thread(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "_fatal_error_c_thread", 0, 0)?;
    note_vm(vm);
    let _ = crate::interp::frames_now(vm);
    suppress_core_dump();
    let t = std::thread::spawn(|| fatal_error("faulthandler_fatal_error_thread", "in new thread"));
    let _ = t.join();
    Ok(vm.none)
}

/// Py_FatalError: "Fatal Python error: func: msg" and the traceback on
/// standard error, then abort() with the fatal-signal handlers off (the
/// traceback is written once).
pub fn fatal_error(func: &str, msg: &str) -> ! {
    let mut w = FdWriter::new(2);
    w.puts("Fatal Python error: ");
    if !func.is_empty() {
        w.puts(func);
        w.puts(": ");
    }
    w.puts(msg);
    w.puts("\nPython runtime state: initialized\n\n");
    w.flush();
    dump_noted(2, true);
    disable_fatal();
    std::process::abort()
}

/// For the launcher's panic report: the Python traceback of the interpreter
/// thread (when the panic happened there), after a blank line.
pub fn dump_fatal_traceback() {
    if VM.load(SeqCst).is_null() || VM_THREAD.load(SeqCst) != this_thread() {
        return;
    }
    let mut w = FdWriter::new(2);
    w.puts("\n");
    w.flush();
    dump_noted(2, true);
}

/// Notes the interpreter (for `dump_fatal_traceback`); `-X faulthandler`,
/// PYTHONFAULTHANDLER (not empty) and `-X dev` enable the handlers, as in CPython.
pub fn startup(vm: &mut Vm) -> PyResult<()> {
    note_vm(vm);
    let cfg = &vm.config;
    let by_env = !cfg.ignore_environment && std::env::var_os("PYTHONFAULTHANDLER").is_some_and(|v| !v.is_empty());
    let by_x = cfg.xoptions.iter().any(|x| x == "faulthandler");
    if by_env || by_x || cfg.dev_mode {
        let m = crate::import::import_simple(vm, "faulthandler")?;
        crate::call::call_method(vm, m, "enable", &[])?;
    }
    Ok(())
}

/// At exit: stops the timeout thread and puts every disposition back, before
/// the interpreter whose frames the handlers read goes away.
pub fn finalize() {
    cancel_later();
    disable_fatal();
    for sig in 1..NSIG {
        unregister_signal(sig);
    }
    VM.store(std::ptr::null_mut(), SeqCst);
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(vm, m, &[
        ("dump_traceback", dump_traceback),
        ("enable", enable),
        ("disable", disable),
        ("is_enabled", is_enabled),
        ("dump_traceback_later", dump_traceback_later),
        ("cancel_dump_traceback_later", cancel_dump_traceback_later),
        ("register", register),
        ("unregister", unregister),
        ("_sigsegv", sigsegv),
        ("_sigabrt", sigabrt),
        ("_sigfpe", sigfpe),
        ("_read_null", read_null),
        ("_stack_overflow", stack_overflow),
        ("_fatal_error_c_thread", fatal_error_c_thread),
    ])
}
