//! The `select` module: `select.select()` and `select.poll()` (no epoll, so
//! `selectors.DefaultSelector` is the poll selector). Both run on poll(2); an
//! interrupted call runs the signal handlers and resumes with the time left.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;
use std::ffi::c_int;
use std::time::{Duration, Instant};

#[repr(C)]
#[derive(Clone, Copy)]
struct PollFd {
    fd: c_int,
    events: i16,
    revents: i16,
}

extern "C" {
    fn poll(fds: *mut PollFd, nfds: u64, timeout: c_int) -> c_int;
}

const POLLIN: i16 = 1;
const POLLPRI: i16 = 2;
const POLLOUT: i16 = 4;
const POLLERR: i16 = 8;
const POLLHUP: i16 = 16;
const POLLNVAL: i16 = 32;
const EINTR: i32 = 4;
const EBADF: i32 = 9;
const ENOENT: i32 = 2;

const CONSTANTS: &[(&str, i64)] = &[
    ("POLLIN", 1), ("POLLPRI", 2), ("POLLOUT", 4), ("POLLERR", 8), ("POLLHUP", 16), ("POLLNVAL", 32),
    ("POLLRDNORM", 64), ("POLLRDBAND", 128), ("POLLWRNORM", 256), ("POLLWRBAND", 512), ("POLLMSG", 1024),
    ("POLLRDHUP", 0x2000), ("PIPE_BUF", 4096),
];

/// `PyObject_AsFileDescriptor`: an int, or the int `fileno()` returns.
pub fn as_fd(vm: &mut Vm, v: Value) -> PyResult<c_int> {
    let n = if crate::int::is_int(vm, v) {
        crate::number::index_i64(vm, v)?
    } else {
        match crate::call::call_special(vm, v, "fileno", &[])? {
            Some(r) if crate::int::is_int(vm, r) => crate::number::index_i64(vm, r)?,
            Some(_) => return Err(vm.type_error("fileno() returned a non-integer")),
            None => return Err(vm.type_error("argument must be an int, or have a fileno() method.")),
        }
    };
    if n < 0 {
        return Err(vm.value_error(format!("file descriptor cannot be a negative integer ({n})")));
    }
    c_int::try_from(n).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

/// A real number as f64 (`_PyTime_FromSecondsObject`'s accepted kinds); None for
/// other objects (str included).
fn number_f64(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    if let Some(f) = crate::float::as_f64(v) {
        return Ok(Some(f));
    }
    if crate::str::as_str(v).is_some() || crate::bytes::as_bytes_opt(v).is_some() {
        return Ok(None);
    }
    let t = vm.type_of(v);
    if crate::int::is_int(vm, v) || crate::typeobj::lookup_str(vm, t, "__float__").is_some() || crate::number::has_index(vm, v) {
        return crate::float::to_float(vm, v).map(Some);
    }
    Ok(None)
}

/// A timeout argument as a number (None when absent or None); TypeError `type_msg`
/// for other objects, ValueError for NaN.
fn real_timeout(vm: &mut Vm, v: Option<Value>, type_msg: &str) -> PyResult<Option<f64>> {
    let Some(v) = v.filter(|v| *v != vm.none) else { return Ok(None) };
    let Some(t) = number_f64(vm, v)? else { return Err(vm.type_error(type_msg.to_string())) };
    if t.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    Ok(Some(t))
}

fn duration(vm: &mut Vm, secs: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(secs).map_err(|_| vm.overflow_error("timeout is too large"))
}

/// Waits until `fd` is ready for `events` (POLLIN/POLLOUT) or `deadline` passes
/// (false); EINTR runs the signal handlers and waits again.
pub fn wait_fd(vm: &mut Vm, fd: c_int, events: i16, deadline: Instant) -> PyResult<bool> {
    let mut p = [PollFd { fd, events, revents: 0 }];
    let left = deadline.saturating_duration_since(Instant::now());
    Ok(poll_fds(vm, &mut p, Some(left))? > 0)
}

fn os_error(vm: &mut Vm, errno: i32) -> crate::object::PyErr {
    crate::exceptions::os_error_from_io(vm, &std::io::Error::from_raw_os_error(errno), None)
}

/// poll(2) until it returns; `timeout` None blocks. EINTR runs the signal handlers
/// and polls again for the time left.
fn poll_fds(vm: &mut Vm, fds: &mut [PollFd], timeout: Option<Duration>) -> PyResult<usize> {
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        let ms = match deadline {
            None => -1,
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                // Rounded up: a timeout never ends before it is due.
                let ms = left.as_nanos().div_ceil(1_000_000);
                ms.min(i32::MAX as u128) as c_int
            }
        };
        // SAFETY: `fds` is a valid array of `fds.len()` pollfd structures.
        let r = unsafe { poll(fds.as_mut_ptr(), fds.len() as u64, ms) };
        if r >= 0 {
            return Ok(r as usize);
        }
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() == Some(EINTR) {
            crate::signals::check(vm)?;
            continue;
        }
        return Err(crate::exceptions::os_error_from_io(vm, &e, None));
    }
}

/// The objects of one of `select()`'s lists, with their descriptors.
fn fd_list(vm: &mut Vm, v: Value) -> PyResult<(Value, Vec<c_int>)> {
    let l = crate::list::seq_fast(vm, v, "arguments 1-3 must be sequences")?;
    let items = crate::list::lobj(l).items.borrow().clone();
    let mut fds = Vec::with_capacity(items.len());
    for o in items {
        fds.push(as_fd(vm, o)?);
    }
    Ok((l, fds))
}

/// `select.select(rlist, wlist, xlist[, timeout])`.
fn select(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "select", 3, 4)?;
    let timeout = match real_timeout(vm, a.get(3).copied(), "timeout must be a float or None")? {
        Some(secs) if secs < 0.0 => return Err(vm.value_error("timeout must be non-negative")),
        Some(secs) => Some(duration(vm, secs)?),
        None => None,
    };
    let (rl, rfds) = fd_list(vm, a[0])?;
    let (wl, wfds) = fd_list(vm, a[1])?;
    let (xl, xfds) = fd_list(vm, a[2])?;
    let _pins = [crate::gc::pin(rl), crate::gc::pin(wl), crate::gc::pin(xl)];
    let mut fds: Vec<PollFd> = Vec::new();
    for (list, ev) in [(&rfds, POLLIN), (&wfds, POLLOUT), (&xfds, POLLPRI)] {
        for &fd in list.iter() {
            fds.push(PollFd { fd, events: ev, revents: 0 });
        }
    }
    poll_fds(vm, &mut fds, timeout)?;
    if fds.iter().any(|p| p.revents & POLLNVAL != 0) {
        return Err(os_error(vm, EBADF));
    }
    let buf = crate::list::ValueBuf::new(vm);
    let mut at = 0;
    for (list, ready) in [(rl, POLLIN | POLLHUP | POLLERR), (wl, POLLOUT | POLLERR), (xl, POLLPRI)] {
        let items = crate::list::lobj(list).items.borrow().clone();
        let out = crate::list::new_list(vm, vec![]);
        for o in items {
            if fds[at].revents & ready != 0 {
                crate::list::lobj(out).items.borrow_mut().push(o);
            }
            at += 1;
        }
        buf.push(out);
    }
    Ok(buf.into_tuple(vm))
}

// ---- poll objects ------------------------------------------------------------------

pub struct PollObj {
    /// fd -> event mask, a dict.
    registered: Cell<Value>,
}
impl Trace for PollObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.registered.get());
    }
}
payload!(PollObj, "select.poll");

thread_local! {
    static POLL_TYPE: Cell<Value> = const { Cell::new(Value::NULL) };
}

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static PollObj> {
    match v.downcast::<PollObj>() {
        Some(p) => Ok(p),
        None => Err(vm.type_error("descriptor requires a 'select.poll' object")),
    }
}

fn poll_new(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "poll", 0, 0)?;
    let d = crate::dict::new_dict(vm);
    let t = POLL_TYPE.with(|c| c.get());
    Ok(vm.alloc(t, PollObj { registered: Cell::new(d) }))
}

fn event_mask(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = crate::number::index_i64(vm, v)?;
    if !(0..=0xffff).contains(&n) {
        return Err(vm.overflow_error("Python int too large for C unsigned short"));
    }
    Ok(Value::small(n))
}

fn poll_register(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "register", 2, 3)?;
    let p = this(vm, a[0])?;
    let fd = as_fd(vm, a[1])?;
    let mask = match a.get(2) {
        Some(&m) => event_mask(vm, m)?,
        None => Value::small(i64::from(POLLIN | POLLPRI | POLLOUT)),
    };
    crate::dict::set_item(vm, p.registered.get(), Value::small(i64::from(fd)), mask)?;
    Ok(vm.none)
}

fn poll_modify(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "modify", 3, 3)?;
    let p = this(vm, a[0])?;
    let fd = Value::small(i64::from(as_fd(vm, a[1])?));
    let mask = event_mask(vm, a[2])?;
    if crate::dict::get_item(vm, p.registered.get(), fd)?.is_none() {
        return Err(os_error(vm, ENOENT));
    }
    crate::dict::set_item(vm, p.registered.get(), fd, mask)?;
    Ok(vm.none)
}

fn poll_unregister(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "unregister", 2, 2)?;
    let p = this(vm, a[0])?;
    let fd = Value::small(i64::from(as_fd(vm, a[1])?));
    if crate::dict::pop_item(vm, p.registered.get(), fd)?.is_none() {
        return Err(vm.key_error(fd));
    }
    Ok(vm.none)
}

/// `poll([timeout])`: timeout in milliseconds; None or negative waits forever.
fn poll_poll(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "poll", 1, 2)?;
    let p = this(vm, a[0])?;
    let timeout = match real_timeout(vm, a.get(1).copied(), "timeout must be an integer or None")? {
        Some(ms) if ms >= 0.0 => Some(duration(vm, ms / 1000.0)?),
        _ => None,
    };
    let entries = crate::dict::dobj(p.registered.get()).items();
    let mut fds = Vec::with_capacity(entries.len());
    for (k, m) in entries {
        let fd = crate::int::as_i64(k).unwrap_or(-1) as c_int;
        let events = crate::int::as_i64(m).unwrap_or(0) as u16 as i16;
        fds.push(PollFd { fd, events, revents: 0 });
    }
    poll_fds(vm, &mut fds, timeout)?;
    let out = crate::list::new_list(vm, vec![]);
    for f in fds.iter().filter(|f| f.revents != 0) {
        let ev = Value::small(i64::from(f.revents as u16));
        let t = crate::tuple::new_tuple(vm, vec![Value::small(i64::from(f.fd)), ev]);
        crate::list::lobj(out).items.borrow_mut().push(t);
    }
    Ok(out)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    if POLL_TYPE.with(|c| c.get()).is_null() {
        let obj = vm.t.object;
        let t = crate::typeobj::new_static_type(vm, "poll", obj, 0);
        let mname = vm.intern("select");
        crate::typeobj::set_attr_raw(vm, t, "__module__", mname)?;
        use crate::typeobj::add_method;
        add_method(vm, t, "register", poll_register);
        add_method(vm, t, "modify", poll_modify);
        add_method(vm, t, "unregister", poll_unregister);
        add_method(vm, t, "poll", poll_poll);
        vm.extra_roots.push(t);
        POLL_TYPE.with(|c| c.set(t));
    }
    super::add_functions(vm, m, &[("select", select), ("poll", poll_new)])?;
    super::add_int_constants(vm, m, CONSTANTS)?;
    let err = vm.e.os_error;
    super::set_attr(vm, m, "error", err)
}
