//! Asynchronous events checked at loop back-edges: Ctrl-C becomes
//! KeyboardInterrupt in the running Python code, and signals with a Python
//! handler (`signal.signal`, `modules/signal.rs`) run it there.

use crate::object::PyResult;
use crate::vm::Vm;
use std::sync::atomic::{AtomicBool, Ordering};

/// Signal numbers are below this (Linux: 64 signals).
pub const NSIG: usize = 65;
pub const SIGINT: usize = 2;
/// The dispositions `signal()` takes besides a function.
pub const SIG_DFL: usize = 0;
pub const SIG_IGN: usize = 1;
const SIG_ERR: usize = usize::MAX;

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// Per signal: arrived since the last check (SIGINT uses INTERRUPTED).
static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
static ANY_PENDING: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_sig: i32) {
    INTERRUPTED.store(true, Ordering::Relaxed);
}

extern "C" fn on_signal(sig: i32) {
    if let Some(p) = usize::try_from(sig).ok().and_then(|s| PENDING.get(s)) {
        p.store(true, Ordering::Relaxed);
        ANY_PENDING.store(true, Ordering::Relaxed);
    }
}

extern "C" {
    fn signal(signum: i32, handler: usize) -> usize;
    fn sigfillset(set: *mut SigSet) -> i32;
    fn pthread_sigmask(how: i32, set: *const SigSet, old: *mut SigSet) -> i32;
}

/// glibc's `sigset_t` (1024 bits).
#[repr(C)]
struct SigSet([u64; 16]);

const SIG_BLOCK: i32 = 0;

/// Blocks every signal in the calling thread, so that signals sent to the
/// process reach the interpreter thread (the only one left that takes them), as
/// they reach CPython's main thread. Called by the launcher's waiting thread
/// after it has started the interpreter thread.
pub fn block_in_this_thread() {
    let mut set = SigSet([0; 16]);
    // SAFETY: `set` is a properly sized and aligned sigset_t that sigfillset
    // initialises before pthread_sigmask reads it; no old mask is requested.
    unsafe {
        sigfillset(&mut set);
        pthread_sigmask(SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Installs the SIGINT handler and ignores SIGPIPE and SIGXFSZ (as CPython does
/// at start-up: writes to closed pipes and oversized files become OSErrors).
pub fn install() {
    // SAFETY: `on_sigint` is async-signal-safe (it only stores an atomic); the
    // other two are the libc dispositions SIG_IGN.
    unsafe {
        signal(SIGINT as i32, on_sigint as extern "C" fn(i32) as usize);
        signal(13, SIG_IGN);
        signal(25, SIG_IGN);
    }
}

/// How the OS should deliver signal `sig`.
pub enum Disposition {
    Default,
    Ignore,
    /// Noted, and the Python handler run at the next check.
    Python,
}

/// Sets the OS disposition of `sig` (1 <= sig < NSIG); false if the OS refuses
/// (SIGKILL, SIGSTOP).
pub fn set_disposition(sig: usize, d: Disposition) -> bool {
    let handler = match d {
        Disposition::Default => SIG_DFL,
        Disposition::Ignore => SIG_IGN,
        Disposition::Python if sig == SIGINT => on_sigint as extern "C" fn(i32) as usize,
        Disposition::Python => on_signal as extern "C" fn(i32) as usize,
    };
    // SAFETY: `sig` is in range and the handlers are async-signal-safe (they only
    // store atomics) or libc's own dispositions.
    unsafe { signal(sig as i32, handler) != SIG_ERR }
}

/// Raises KeyboardInterrupt if Ctrl-C was pressed since the last check (and runs
/// other signal handlers and pending finalizers). Plain loads on the common path:
/// the interpreter checks at every backward jump, and a swap is an atomic
/// read-modify-write, far dearer than a load.
#[inline]
pub fn check(vm: &mut Vm) -> PyResult<()> {
    if vm.pending_finalizers.is_empty()
        && vm.weakref_callbacks.is_empty()
        && !INTERRUPTED.load(Ordering::Relaxed)
        && !ANY_PENDING.load(Ordering::Relaxed)
    {
        return Ok(());
    }
    check_slow(vm)
}

#[inline(never)]
fn check_slow(vm: &mut Vm) -> PyResult<()> {
    if !vm.pending_finalizers.is_empty() || !vm.weakref_callbacks.is_empty() {
        vm.run_finalizers();
    }
    if INTERRUPTED.load(Ordering::Relaxed) {
        INTERRUPTED.store(false, Ordering::Relaxed);
        crate::modules::signal::run_handler(vm, SIGINT)?;
    }
    if ANY_PENDING.load(Ordering::Relaxed) && ANY_PENDING.swap(false, Ordering::Relaxed) {
        for sig in 1..NSIG {
            if PENDING[sig].swap(false, Ordering::Relaxed) {
                crate::modules::signal::run_handler(vm, sig)?;
            }
        }
    }
    Ok(())
}

/// Whether a signal is pending (blocking calls poll it).
pub fn pending() -> bool {
    INTERRUPTED.load(Ordering::Relaxed) || ANY_PENDING.load(Ordering::Relaxed)
}
