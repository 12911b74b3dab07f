//! Asynchronous events checked at loop back-edges: Ctrl-C becomes
//! KeyboardInterrupt in the running Python code.

use crate::object::PyResult;
use crate::vm::Vm;
use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_sig: i32) {
    INTERRUPTED.store(true, Ordering::Relaxed);
}

extern "C" {
    fn signal(signum: i32, handler: extern "C" fn(i32)) -> usize;
}

/// Installs the SIGINT handler (as CPython does at start-up).
pub fn install() {
    // SAFETY: installing an async-signal-safe handler that only stores an atomic.
    unsafe {
        signal(2, on_sigint);
    }
}

/// Raises KeyboardInterrupt if Ctrl-C was pressed since the last check.
#[inline]
pub fn check(vm: &mut Vm) -> PyResult<()> {
    if !vm.pending_finalizers.is_empty() || !vm.weakref_callbacks.is_empty() {
        vm.run_finalizers();
    }
    if INTERRUPTED.load(Ordering::Relaxed) {
        INTERRUPTED.store(false, Ordering::Relaxed);
        let t = vm.e.keyboard_interrupt;
        return Err(vm.new_exc_noargs(t));
    }
    Ok(())
}

/// Whether an interrupt is pending (blocking calls poll it).
pub fn pending() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}
