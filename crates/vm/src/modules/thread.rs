//! The `_thread` module for a single-threaded interpreter: thread identity and the
//! lock types (`reprlib`, `functools` and others use them). Ferropy runs Python code
//! on one thread, so no other thread can ever release a lock this thread waits for:
//! a blocking acquire of a held lock waits forever, as it would in CPython.
//! Starting a thread fails with CPython's "can't start new thread" error.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::{add_method, add_static, new_static_type, tflag};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

pub struct LockObj {
    locked: Cell<bool>,
    /// RLock only: the owning thread and the recursion count.
    owner: Cell<i64>,
    count: Cell<usize>,
}
impl Trace for LockObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(LockObj, "lock");

fn lock(v: Value) -> &'static LockObj {
    v.downcast::<LockObj>().expect("lock object")
}

/// This thread's identifier (`threading.get_ident()`): pthread_self(), as in
/// CPython (faulthandler's reports name threads by it).
fn ident() -> i64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as i64 }
}

fn get_ident(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "get_ident", 0, 0)?;
    Ok(crate::int::from_i64(vm, ident()))
}

fn new_lock(vm: &mut Vm, ty: Value) -> Value {
    vm.alloc(ty, LockObj { locked: Cell::new(false), owner: Cell::new(0), count: Cell::new(0) })
}

fn lock_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    args.shift().exact(vm, "lock", 0, 0)?;
    Ok(new_lock(vm, cls))
}

fn allocate_lock(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "allocate_lock", 0, 0)?;
    let lt = LOCK_TYPES.with(|c| c.get())[0];
    Ok(new_lock(vm, lt))
}

thread_local! {
    static LOCK_TYPES: Cell<[Value; 2]> = const { Cell::new([Value::NULL; 2]) };
}

/// `acquire(blocking=True, timeout=-1)`: whether to wait, and for how long.
fn acquire_args(vm: &mut Vm, args: Args) -> PyResult<(bool, Option<f64>)> {
    let [_, blocking, timeout] = args.bind(vm, "acquire", ["self", "blocking", "timeout"], 1, 0)?;
    let blocking = if blocking.is_null() { true } else { crate::ops::truthy(vm, blocking)? };
    let timeout = if timeout.is_null() { -1.0 } else { crate::float::to_float(vm, timeout)? };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be a non-negative number"));
    }
    Ok((blocking, if timeout < 0.0 { None } else { Some(timeout) }))
}

/// Waiting for a lock nobody else can release: the timeout elapses, or forever.
fn wait_held(blocking: bool, timeout: Option<f64>) -> bool {
    if !blocking {
        return false;
    }
    match timeout {
        Some(t) => std::thread::sleep(std::time::Duration::from_secs_f64(t)),
        None => loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        },
    }
    false
}

fn lock_acquire(vm: &mut Vm, args: Args) -> PyResult {
    let (blocking, timeout) = acquire_args(vm, args)?;
    let l = lock(args.vals[0]);
    if !l.locked.get() {
        l.locked.set(true);
        return Ok(vm.true_);
    }
    Ok(vm.bool(wait_held(blocking, timeout)))
}

fn lock_release(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "release", 1, 1)?;
    let l = lock(a[0]);
    if !l.locked.get() {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    l.locked.set(false);
    Ok(vm.none)
}

/// `_at_fork_reinit()`: the lock made free again (in a child of `os.fork()`,
/// for locks its parent's other threads held).
fn lock_at_fork_reinit(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_at_fork_reinit", 1, 1)?;
    let l = lock(a[0]);
    l.locked.set(false);
    l.owner.set(0);
    l.count.set(0);
    Ok(vm.none)
}

fn lock_exit(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.pos();
    lock_release(vm, Args::new(&a[..1]))
}

fn lock_locked(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "locked", 1, 1)?;
    Ok(vm.bool(lock(a[0]).locked.get()))
}

fn lock_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let state = if lock(a[0]).locked.get() { "locked" } else { "unlocked" };
    let s = format!("<{state} _thread.lock object at {:#x}>", a[0].id());
    Ok(crate::str::new_str(vm, s))
}

fn rlock_acquire(vm: &mut Vm, args: Args) -> PyResult {
    let (blocking, timeout) = acquire_args(vm, args)?;
    let l = lock(args.vals[0]);
    let me = ident();
    if l.count.get() > 0 && l.owner.get() != me {
        return Ok(vm.bool(wait_held(blocking, timeout)));
    }
    l.owner.set(me);
    l.count.set(l.count.get() + 1);
    Ok(vm.true_)
}

fn rlock_release(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "release", 1, 1)?;
    let l = lock(a[0]);
    if l.count.get() == 0 || l.owner.get() != ident() {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    l.count.set(l.count.get() - 1);
    if l.count.get() == 0 {
        l.owner.set(0);
    }
    Ok(vm.none)
}

fn rlock_exit(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.pos();
    rlock_release(vm, Args::new(&a[..1]))
}

fn rlock_is_owned(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_is_owned", 1, 1)?;
    let l = lock(a[0]);
    Ok(vm.bool(l.count.get() > 0 && l.owner.get() == ident()))
}

fn rlock_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let l = lock(a[0]);
    let state = if l.count.get() > 0 { "locked" } else { "unlocked" };
    let name = vm.type_name(a[0]);
    let s = format!("<{state} _thread.{name} object owner={} count={} at {:#x}>", l.owner.get(), l.count.get(), a[0].id());
    Ok(crate::str::new_str(vm, s))
}

fn count(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "_count", 0, 0)?;
    Ok(Value::small(0))
}

/// `start_new_thread(function, args[, kwargs])`: the arguments are checked as
/// CPython checks them, then starting fails the way CPython's does when the OS
/// refuses a thread ("can't start new thread"): Ferropy runs Python code on
/// one thread only. `threading` (and everything importing it, like
/// `subprocess`) thus imports and works until a thread is started.
fn start_new_thread(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "start_new_thread", 2, 3)?;
    if !crate::builtins::is_callable(vm, a[0]) {
        return Err(vm.type_error("first arg must be callable"));
    }
    if !a[1].is::<crate::tuple::TupleObj>() {
        return Err(vm.type_error("2nd arg must be a tuple"));
    }
    if a.len() == 3 && !crate::typeobj::is_instance(vm, a[2], vm.t.dict) {
        return Err(vm.type_error("optional 3rd arg must be a dictionary"));
    }
    Err(vm.runtime_error("can't start new thread"))
}

/// `_set_sentinel()`: the lock `threading` uses to learn that a thread's
/// state is gone (a new, unlocked lock).
fn set_sentinel(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "_set_sentinel", 0, 0)?;
    let lt = LOCK_TYPES.with(|c| c.get())[0];
    Ok(new_lock(vm, lt))
}

/// The OS thread id of the interpreter thread (Linux: /proc/thread-self is
/// "PID/task/TID"); the process id where that is unavailable.
fn get_native_id(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "get_native_id", 0, 0)?;
    let tid = std::fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|p| p.file_name().and_then(|n| n.to_str()).and_then(|n| n.parse::<i64>().ok()))
        .unwrap_or(std::process::id() as i64);
    Ok(crate::int::from_i64(vm, tid))
}

thread_local! {
    /// The size `stack_size()` reports for new threads (0: the default).
    static STACK_SIZE: Cell<i64> = const { Cell::new(0) };
}

/// `stack_size([size])`: the stack size for new threads, as CPython checks it
/// (0 or at least 32 KiB); returns the previous setting.
fn stack_size(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "stack_size", 0, 1)?;
    let old = STACK_SIZE.with(|c| c.get());
    if let Some(&v) = a.first() {
        let size = crate::number::index_i64(vm, v)?;
        if size < 0 {
            return Err(vm.value_error("size must be 0 or a positive value"));
        }
        if size != 0 && size < 32768 {
            return Err(vm.value_error(format!("size not valid: {size} bytes")));
        }
        STACK_SIZE.with(|c| c.set(size));
    }
    Ok(crate::int::from_i64(vm, old))
}

fn make_type(vm: &mut Vm, m: Value, name: &str, methods: &[(&'static str, crate::object::NativeFn)]) -> PyResult<Value> {
    let obj = vm.t.object;
    let t = new_static_type(vm, name, obj, tflag::BASETYPE);
    let modname = vm.intern("_thread");
    crate::typeobj::set_attr_raw(vm, t, "__module__", modname)?;
    add_static(vm, t, "__new__", lock_new);
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    super::set_attr(vm, m, name, t)?;
    Ok(t)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let lock_t = make_type(vm, m, "lock", &[
        ("acquire", lock_acquire),
        ("acquire_lock", lock_acquire),
        ("__enter__", lock_acquire),
        ("release", lock_release),
        ("release_lock", lock_release),
        ("__exit__", lock_exit),
        ("locked", lock_locked),
        ("locked_lock", lock_locked),
        ("__repr__", lock_repr),
        ("_at_fork_reinit", lock_at_fork_reinit),
    ])?;
    super::set_attr(vm, m, "LockType", lock_t)?;
    let rlock_t = make_type(vm, m, "RLock", &[
        ("acquire", rlock_acquire),
        ("__enter__", rlock_acquire),
        ("release", rlock_release),
        ("__exit__", rlock_exit),
        ("_is_owned", rlock_is_owned),
        ("__repr__", rlock_repr),
        ("_at_fork_reinit", lock_at_fork_reinit),
    ])?;
    LOCK_TYPES.with(|c| c.set([lock_t, rlock_t]));
    vm.extra_roots.push(lock_t);
    vm.extra_roots.push(rlock_t);
    super::add_functions(vm, m, &[("get_ident", get_ident), ("allocate_lock", allocate_lock), ("_count", count),
        ("start_new_thread", start_new_thread), ("start_new", start_new_thread), ("_set_sentinel", set_sentinel),
        ("get_native_id", get_native_id),
        ("stack_size", stack_size)])?;
    let err = vm.e.runtime_error;
    super::set_attr(vm, m, "error", err)?;
    let tmax = crate::float::new_float(vm, 9223372036.0);
    super::set_attr(vm, m, "TIMEOUT_MAX", tmax)?;
    Ok(())
}
