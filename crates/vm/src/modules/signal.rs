//! The `_signal` module: Python handlers for OS signals. The OS-level handler only
//! notes the signal (`signals.rs`); the Python handler runs at the next check in
//! the interpreter (loop back-edges, blocking calls), with the signal number and
//! the current frame, as CPython runs them between bytecodes.

use crate::object::{Args, PyResult};
use crate::signals::{self, Disposition, NSIG, SIGINT, SIG_DFL, SIG_IGN};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

thread_local! {
    /// Per signal number: its Python-level handler object (SIG_DFL, SIG_IGN as
    /// ints, or a callable), in a list rooted by `vm.extra_roots`.
    static HANDLERS: Cell<Value> = const { Cell::new(Value::NULL) };
}

/// Linux's signal names and numbers (`SIGIOT` and `SIGPOLL` are aliases).
const SIGNALS: &[(&str, i64)] = &[
    ("SIGHUP", 1), ("SIGINT", 2), ("SIGQUIT", 3), ("SIGILL", 4), ("SIGTRAP", 5), ("SIGABRT", 6),
    ("SIGIOT", 6), ("SIGBUS", 7), ("SIGFPE", 8), ("SIGKILL", 9), ("SIGUSR1", 10), ("SIGSEGV", 11),
    ("SIGUSR2", 12), ("SIGPIPE", 13), ("SIGALRM", 14), ("SIGTERM", 15), ("SIGSTKFLT", 16),
    ("SIGCHLD", 17), ("SIGCONT", 18), ("SIGSTOP", 19), ("SIGTSTP", 20), ("SIGTTIN", 21),
    ("SIGTTOU", 22), ("SIGURG", 23), ("SIGXCPU", 24), ("SIGXFSZ", 25), ("SIGVTALRM", 26),
    ("SIGPROF", 27), ("SIGWINCH", 28), ("SIGIO", 29), ("SIGPOLL", 29), ("SIGPWR", 30),
    ("SIGSYS", 31), ("SIGRTMIN", 34), ("SIGRTMAX", 64),
];

/// The handler table, made on first use with the dispositions set at start-up.
fn handlers(vm: &mut Vm) -> PyResult<Value> {
    let l = HANDLERS.with(|c| c.get());
    if !l.is_null() {
        return Ok(l);
    }
    let dfl = Value::small(SIG_DFL as i64);
    let l = crate::list::new_list(vm, vec![dfl; NSIG]);
    vm.extra_roots.push(l);
    HANDLERS.with(|c| c.set(l));
    let ign = Value::small(SIG_IGN as i64);
    let int_handler = default_int_handler_fn(vm)?;
    let mut items = crate::list::lobj(l).items.borrow_mut();
    items[SIGINT] = int_handler;
    items[13] = ign;
    items[25] = ign;
    Ok(l)
}

/// The `default_int_handler` function object (one per interpreter, made here).
fn default_int_handler_fn(vm: &mut Vm) -> PyResult {
    let m = crate::import::import_dotted(vm, "_signal")?;
    crate::attr::getattr_str(vm, m, "default_int_handler")
}

/// Runs the Python handler of `sig`, noted by the OS handler since the last check.
pub fn run_handler(vm: &mut Vm, sig: usize) -> PyResult<()> {
    let table = HANDLERS.with(|c| c.get());
    let handler = if table.is_null() { Value::NULL } else { crate::list::lobj(table).items.borrow()[sig] };
    if handler.is_null() || handler.is_small_int() {
        // No table yet: only SIGINT can be noted, and its default raises.
        if sig == SIGINT {
            default_int_handler(vm, Args::new(&[]))?;
        }
        return Ok(());
    }
    let frame = crate::frame::current_frame(vm, 0).unwrap_or(vm.none);
    crate::call::call(vm, handler, &[Value::small(sig as i64), frame])?;
    Ok(())
}

/// A signal number argument, checked against the valid range.
fn signum(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let n = crate::number::index_i64(vm, v)?;
    match usize::try_from(n) {
        Ok(n) if (1..NSIG).contains(&n) => Ok(n),
        _ => Err(vm.value_error("signal number out of range")),
    }
}

fn signal_(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "signal", 2, 2)?;
    let sig = signum(vm, a[0])?;
    let handler = a[1];
    let disposition = match handler.as_small() {
        Some(0) if vm.type_of(handler) != vm.t.bool => Disposition::Default,
        Some(1) if vm.type_of(handler) != vm.t.bool => Disposition::Ignore,
        _ if crate::builtins::is_callable(vm, handler) => Disposition::Python,
        _ => return Err(vm.type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")),
    };
    let table = handlers(vm)?;
    if !signals::set_disposition(sig, disposition) {
        let e = std::io::Error::from_raw_os_error(22);
        return Err(crate::exceptions::os_error_from_io(vm, &e, None));
    }
    let old = std::mem::replace(&mut crate::list::lobj(table).items.borrow_mut()[sig], handler);
    Ok(old)
}

fn getsignal(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "getsignal", 1, 1)?;
    let sig = signum(vm, a[0])?;
    let table = handlers(vm)?;
    let h = crate::list::lobj(table).items.borrow()[sig];
    Ok(h)
}

fn default_int_handler(vm: &mut Vm, _args: Args) -> PyResult {
    let t = vm.e.keyboard_interrupt;
    Err(vm.new_exc_noargs(t))
}

extern "C" {
    fn raise(sig: i32) -> i32;
    fn alarm(seconds: u32) -> u32;
    fn pause() -> i32;
    fn strsignal(sig: i32) -> *const std::ffi::c_char;
}

fn raise_signal(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "raise_signal", 1, 1)?;
    let sig = signum(vm, a[0])?;
    // SAFETY: `raise` with a valid signal number; handlers only store atomics.
    if unsafe { raise(sig as i32) } != 0 {
        let e = std::io::Error::last_os_error();
        return Err(crate::exceptions::os_error_from_io(vm, &e, None));
    }
    signals::check(vm)?;
    Ok(vm.none)
}

fn alarm_(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "alarm", 1, 1)?;
    let secs = crate::number::index_i64(vm, a[0])?;
    let secs = u32::try_from(secs).map_err(|_| vm.overflow_error("Python int too large to convert to C unsigned int"))?;
    // SAFETY: `alarm` has no memory effects.
    let left = unsafe { alarm(secs) };
    Ok(Value::small(left as i64))
}

fn pause_(vm: &mut Vm, _args: Args) -> PyResult {
    // SAFETY: `pause` only blocks until a signal arrives.
    unsafe { pause() };
    signals::check(vm)?;
    Ok(vm.none)
}

fn strsignal_(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "strsignal", 1, 1)?;
    let sig = signum(vm, a[0])?;
    // SAFETY: glibc's strsignal returns a pointer to a NUL-terminated string valid
    // until the next call; it is copied at once.
    let text = unsafe {
        let p = strsignal(sig as i32);
        if p.is_null() {
            return Ok(vm.none);
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    // CPython reports None where glibc has no name.
    if text.contains("Unknown signal") {
        return Ok(vm.none);
    }
    Ok(crate::str::new_str(vm, text))
}

fn valid_signals(vm: &mut Vm, _args: Args) -> PyResult {
    let s = crate::set::new_set(vm);
    // glibc keeps 32 and 33 for its threads.
    for sig in (1..NSIG).filter(|s| *s != 32 && *s != 33) {
        crate::set::add(vm, s, Value::small(sig as i64))?;
    }
    Ok(s)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(
        vm,
        m,
        &[
            ("signal", signal_),
            ("getsignal", getsignal),
            ("default_int_handler", default_int_handler),
            ("raise_signal", raise_signal),
            ("alarm", alarm_),
            ("pause", pause_),
            ("strsignal", strsignal_),
            ("valid_signals", valid_signals),
        ],
    )?;
    for (name, n) in SIGNALS {
        super::set_attr(vm, m, name, Value::small(*n))?;
    }
    super::set_attr(vm, m, "SIG_DFL", Value::small(SIG_DFL as i64))?;
    super::set_attr(vm, m, "SIG_IGN", Value::small(SIG_IGN as i64))?;
    super::set_attr(vm, m, "NSIG", Value::small(NSIG as i64))?;
    Ok(())
}
