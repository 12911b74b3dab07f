//! The `fcntl` module: fcntl(2), ioctl(2), flock(2) and lockf (made of fcntl
//! record locks, as CPython makes it), with Linux's constants.

use crate::modules::select::as_fd;
use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// The largest buffer argument `fcntl()` and `ioctl()` copy (CPython's 1024).
const BUF_MAX: usize = 1024;

const CONSTANTS: &[(&str, i64)] = &[
    ("DN_ACCESS", 1), ("DN_ATTRIB", 32), ("DN_CREATE", 4), ("DN_DELETE", 8), ("DN_MODIFY", 2),
    ("DN_MULTISHOT", 2147483648), ("DN_RENAME", 16), ("FASYNC", 8192), ("FD_CLOEXEC", 1),
    ("F_ADD_SEALS", 1033), ("F_DUPFD", 0), ("F_DUPFD_CLOEXEC", 1030), ("F_EXLCK", 4), ("F_GETFD", 1),
    ("F_GETFL", 3), ("F_GETLEASE", 1025), ("F_GETLK", 5), ("F_GETLK64", 5), ("F_GETOWN", 9),
    ("F_GETPIPE_SZ", 1032), ("F_GETSIG", 11), ("F_GET_SEALS", 1034), ("F_NOTIFY", 1026),
    ("F_OFD_GETLK", 36), ("F_OFD_SETLK", 37), ("F_OFD_SETLKW", 38), ("F_RDLCK", 0), ("F_SEAL_GROW", 4),
    ("F_SEAL_SEAL", 1), ("F_SEAL_SHRINK", 2), ("F_SEAL_WRITE", 8), ("F_SETFD", 2), ("F_SETFL", 4),
    ("F_SETLEASE", 1024), ("F_SETLK", 6), ("F_SETLK64", 6), ("F_SETLKW", 7), ("F_SETLKW64", 7),
    ("F_SETOWN", 8), ("F_SETPIPE_SZ", 1031), ("F_SETSIG", 10), ("F_SHLCK", 8), ("F_UNLCK", 2),
    ("F_WRLCK", 1), ("LOCK_EX", 2), ("LOCK_MAND", 32), ("LOCK_NB", 4), ("LOCK_READ", 64),
    ("LOCK_RW", 192), ("LOCK_SH", 1), ("LOCK_UN", 8), ("LOCK_WRITE", 128),
];

fn last_os_error(vm: &mut Vm) -> PyErr {
    crate::exceptions::os_error_from_io(vm, &std::io::Error::last_os_error(), None)
}

/// Runs a system call until it is not interrupted (EINTR runs the signal
/// handlers first, whose exception ends the retrying); OSError on failure.
fn retry(vm: &mut Vm, mut call: impl FnMut() -> libc::c_int) -> PyResult<libc::c_int> {
    loop {
        let r = call();
        if r != -1 {
            return Ok(r);
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return Err(last_os_error(vm));
        }
        crate::signals::check(vm)?;
    }
}

/// An Argument Clinic `int` argument.
fn c_int(vm: &mut Vm, v: Value) -> PyResult<libc::c_int> {
    crate::number::index_c_int(vm, v)
}

/// `__index__` reduced modulo 2**64 ('I' and 'k' formats: no overflow check).
fn masked(vm: &mut Vm, v: Value) -> PyResult<u64> {
    if let Some(i) = v.as_small() {
        return Ok(i as u64);
    }
    let b = crate::number::index(vm, v)?;
    let b = crate::int::to_bigint(vm, b).unwrap_or_default();
    let m: num_bigint::BigInt = b & num_bigint::BigInt::from(u64::MAX);
    Ok(num_traits::ToPrimitive::to_u64(&m).unwrap_or(0))
}

/// The bytes a str or bytes argument passes ('s#': str as UTF-8, or an immutable
/// bytes object); None for other objects.
fn readonly_bytes(v: Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<crate::bytes::BytesObj>() {
        return Some(b.data.to_vec());
    }
    crate::str::as_str(v).map(|s| s.as_bytes().to_vec())
}

/// `fcntl(fd, cmd, arg=0)`: an int result, or for a str/bytes `arg` the bytes
/// the call left in a copy of it.
fn fcntl(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "fcntl.fcntl")?;
    let a = args.exact(vm, "fcntl", 2, 3)?;
    let fd = as_fd(vm, a[0])?;
    let cmd = c_int(vm, a[1])?;
    let arg = a.get(2).copied();
    if let Some(mut buf) = arg.and_then(readonly_bytes) {
        if buf.len() > BUF_MAX {
            return Err(vm.value_error("fcntl string arg too long"));
        }
        let n = buf.len();
        buf.resize(BUF_MAX, 0);
        // SAFETY: `buf` holds BUF_MAX bytes, as much as CPython passes.
        retry(vm, || unsafe { libc::fcntl(fd, cmd, buf.as_mut_ptr()) })?;
        buf.truncate(n);
        return Ok(crate::bytes::new_bytes(vm, buf));
    }
    let int_arg = match arg {
        Some(v) => masked(vm, v)? as u32 as libc::c_int,
        None => 0,
    };
    // SAFETY: an integer third argument, as fcntl(2) takes for these commands.
    let r = retry(vm, || unsafe { libc::fcntl(fd, cmd, int_arg) })?;
    Ok(Value::small(r as i64))
}

/// Whether `v` is a buffer ioctl may write into: a bytearray, an array, or a
/// memoryview that is not read-only.
fn writable(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if v.is::<crate::bytes::ByteArrayObj>() || crate::modules::array::buffer_bytes(v).is_some() {
        return Ok(true);
    }
    if v.is::<crate::memoryview::MemoryViewObj>() && crate::bytes::buffer_bytes(v).is_some() {
        let ro = crate::attr::getattr_str(vm, v, "readonly")?;
        return Ok(!crate::ops::truthy(vm, ro)?);
    }
    Ok(false)
}

/// `ioctl(fd, request, arg=0, mutate_flag=True)`: with a writable buffer and
/// `mutate_flag`, the call fills the buffer and the result is the call's int;
/// with a read-only buffer (or `mutate_flag` false) the result is the bytes the
/// call left in a copy; with an int, the call's int.
fn ioctl(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "fcntl.ioctl")?;
    let a = args.exact(vm, "ioctl", 2, 4)?;
    let fd = as_fd(vm, a[0])?;
    let request = masked(vm, a[1])? as libc::c_ulong;
    let Some(&arg) = a.get(2) else {
        // SAFETY: an integer argument.
        let r = retry(vm, || unsafe { libc::ioctl(fd, request, 0 as libc::c_int) })?;
        return Ok(Value::small(r as i64));
    };
    let mutate = match a.get(3) {
        Some(&m) => crate::ops::truthy(vm, m)?,
        None => true,
    };
    if let Some(data) = crate::bytes::buffer_bytes(arg).or_else(|| crate::str::as_str(arg).map(|s| s.as_bytes().to_vec())) {
        let n = data.len();
        let in_place = mutate && writable(vm, arg)?;
        if n > BUF_MAX && !in_place {
            return Err(vm.value_error("ioctl string arg too long"));
        }
        let mut buf = data;
        buf.resize(n.max(BUF_MAX + 1), 0);
        // SAFETY: `buf` is at least as long as the buffer argument, and no
        // shorter than CPython's copy.
        let r = retry(vm, || unsafe { libc::ioctl(fd, request, buf.as_mut_ptr()) })?;
        buf.truncate(n);
        if in_place {
            crate::modules::io::store_into(vm, arg, &buf)?;
            return Ok(Value::small(r as i64));
        }
        return Ok(crate::bytes::new_bytes(vm, buf));
    }
    let int_arg = ioctl_int(vm, arg)?;
    // SAFETY: an integer argument.
    let r = retry(vm, || unsafe { libc::ioctl(fd, request, int_arg) })?;
    Ok(Value::small(r as i64))
}

/// ioctl's int argument ('i' format of PyArg_Parse).
fn ioctl_int(vm: &mut Vm, v: Value) -> PyResult<libc::c_int> {
    let n = crate::number::index(vm, v)?;
    let big = crate::int::to_bigint(vm, n).unwrap_or_default();
    match num_traits::ToPrimitive::to_i32(&big) {
        Some(i) => Ok(i),
        None if big.sign() == num_bigint::Sign::Minus => Err(vm.overflow_error("signed integer is less than minimum")),
        None => Err(vm.overflow_error("signed integer is greater than maximum")),
    }
}

/// `flock(fd, operation)`.
fn flock(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "fcntl.flock")?;
    let a = args.exact(vm, "flock", 2, 2)?;
    let fd = as_fd(vm, a[0])?;
    let op = c_int(vm, a[1])?;
    // SAFETY: plain integer arguments.
    retry(vm, || unsafe { libc::flock(fd, op) })?;
    Ok(vm.none)
}

/// An `off_t` argument of lockf (PyLong_AsLong).
fn off_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<libc::off_t> {
    let Some(&v) = v else { return Ok(0) };
    let n = crate::number::index(vm, v)?;
    let big = crate::int::to_bigint(vm, n).unwrap_or_default();
    num_traits::ToPrimitive::to_i64(&big).ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
}

/// `lockf(fd, cmd, len=0, start=0, whence=0)`: a record lock over the range, with
/// LOCK_UN, LOCK_SH or LOCK_EX (| LOCK_NB: fail instead of waiting).
fn lockf(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "fcntl.lockf")?;
    let a = args.exact(vm, "lockf", 2, 5)?;
    let fd = as_fd(vm, a[0])?;
    let code = c_int(vm, a[1])?;
    let len = off_arg(vm, a.get(2))?;
    let start = off_arg(vm, a.get(3))?;
    let whence = match a.get(4) {
        Some(&w) => c_int(vm, w)?,
        None => 0,
    };
    let l_type = if code == libc::LOCK_UN {
        libc::F_UNLCK
    } else if code & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if code & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        return Err(vm.value_error("unrecognized lockf argument"));
    };
    // SAFETY: an all-zero `flock` structure is valid; its fields are set below.
    let mut l: libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = l_type as libc::c_short;
    l.l_whence = whence as libc::c_short;
    l.l_start = start;
    l.l_len = len;
    let cmd = if code & libc::LOCK_NB != 0 { libc::F_SETLK } else { libc::F_SETLKW };
    // SAFETY: `l` is a valid flock structure for F_SETLK/F_SETLKW.
    retry(vm, || unsafe { libc::fcntl(fd, cmd, &l as *const libc::flock) })?;
    Ok(vm.none)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(vm, m, &[("fcntl", fcntl), ("ioctl", ioctl), ("flock", flock), ("lockf", lockf)])?;
    super::add_int_constants(vm, m, CONSTANTS)?;
    Ok(())
}
