//! The `posix` module (CPython's posixmodule.c), on which `os` is built. File
//! system work goes through `std::fs`; the few calls std has no API for use the C
//! library directly.

use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::ffi::{c_char, c_int, c_long, c_uint, c_ulong, CString, OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::PathBuf;

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

#[repr(C)]
struct Winsize {
    rows: u16,
    cols: u16,
    xpixel: u16,
    ypixel: u16,
}

/// `struct utsname` (Linux: six 65-byte fields).
#[repr(C)]
struct Utsname {
    fields: [[c_char; 65]; 6],
}

#[repr(C)]
struct Tms {
    utime: c_long,
    stime: c_long,
    cutime: c_long,
    cstime: c_long,
}

extern "C" {
    fn open(path: *const c_char, flags: c_int, mode: c_uint) -> c_int;
    fn close(fd: c_int) -> c_int;
    fn read(fd: c_int, buf: *mut u8, n: usize) -> isize;
    fn write(fd: c_int, buf: *const u8, n: usize) -> isize;
    fn lseek(fd: c_int, off: i64, how: c_int) -> i64;
    fn access(path: *const c_char, mode: c_int) -> c_int;
    fn isatty(fd: c_int) -> c_int;
    fn pipe2(fds: *mut c_int, flags: c_int) -> c_int;
    fn fcntl(fd: c_int, cmd: c_int, ...) -> c_int;
    fn dup2(fd: c_int, fd2: c_int) -> c_int;
    fn dup3(fd: c_int, fd2: c_int, flags: c_int) -> c_int;
    fn ioctl(fd: c_int, req: c_ulong, ...) -> c_int;
    fn getppid() -> c_int;
    fn getuid() -> c_uint;
    fn geteuid() -> c_uint;
    fn getgid() -> c_uint;
    fn getegid() -> c_uint;
    fn umask(mask: c_uint) -> c_uint;
    fn uname(buf: *mut Utsname) -> c_int;
    fn times(buf: *mut Tms) -> c_long;
    fn sysconf(name: c_int) -> c_long;
    fn utimensat(dirfd: c_int, path: *const c_char, times: *const Timespec, flags: c_int) -> c_int;
    fn fsync(fd: c_int) -> c_int;
    fn ftruncate(fd: c_int, len: i64) -> c_int;
    fn fchown(fd: c_int, uid: c_uint, gid: c_uint) -> c_int;
    fn kill(pid: c_int, sig: c_int) -> c_int;
    fn waitpid(pid: c_int, status: *mut c_int, options: c_int) -> c_int;
    fn system(command: *const c_char) -> c_int;
    fn _exit(code: c_int) -> !;
    fn setlocale(cat: c_int, locale: *const c_char) -> *const c_char;
    fn nl_langinfo(item: c_int) -> *const c_char;
}

const LC_CTYPE: c_int = 0;
const CODESET: c_int = 14;

const O_CLOEXEC: i64 = 0o2000000;
const F_GETFD: c_int = 1;
const F_SETFD: c_int = 2;
const F_DUPFD_CLOEXEC: c_int = 1030;
const FD_CLOEXEC: c_int = 1;
const AT_FDCWD: c_int = -100;
const AT_SYMLINK_NOFOLLOW: c_int = 0x100;
const TIOCGWINSZ: c_ulong = 0x5413;
const SC_CLK_TCK: c_int = 2;
const SC_NPROCESSORS_ONLN: c_int = 84;
const UTIME_NOW: i64 = (1 << 30) - 1;

fn last_error(vm: &mut Vm, filename: Option<Value>) -> PyErr {
    crate::exceptions::os_error_from_io(vm, &std::io::Error::last_os_error(), filename)
}

fn io_error(vm: &mut Vm, e: &std::io::Error, filename: Value) -> PyErr {
    crate::exceptions::os_error_from_io(vm, e, Some(filename))
}

/// An error naming two files (`rename`, `symlink`): `OSError(errno, msg, f1, None, f2)`.
fn io_error2(vm: &mut Vm, e: &std::io::Error, f1: Value, f2: Value) -> PyErr {
    let base = crate::exceptions::os_error_from_io(vm, e, None);
    let _pin = crate::gc::pin(base.0);
    let errno = e.raw_os_error().unwrap_or(0) as i64;
    let cls = crate::exceptions::errno_class(vm, errno).unwrap_or(vm.e.os_error);
    let msg = crate::attr::getattr_str(vm, base.0, "strerror").unwrap_or(vm.none);
    PyErr(crate::exceptions::new_exception(vm, cls, &[Value::small(errno), msg, f1, vm.none, f2]))
}

// ---- path arguments (CPython's path_t) -----------------------------------------------

/// A converted path argument: the original object (for error messages), the
/// OS path, whether results should be bytes, or a file descriptor.
struct PathArg {
    obj: Value,
    path: OsString,
    bytes: bool,
    fd: Option<c_int>,
}

impl PathArg {
    fn c_path(&self, vm: &mut Vm) -> PyResult<CString> {
        CString::new(self.path.as_bytes()).map_err(|_| vm.value_error("embedded null byte"))
    }
    fn buf(&self) -> PathBuf {
        PathBuf::from(&self.path)
    }
}

/// `os.fspath()`: str and bytes as they are, else the result of `__fspath__`.
pub fn fspath_value(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    if crate::str::as_str(v).is_some() || v.is::<crate::bytes::BytesObj>() {
        return Ok(Some(v));
    }
    let ty = vm.type_of(v);
    let Some(f) = crate::typeobj::lookup_str(vm, ty, "__fspath__") else {
        return Ok(None);
    };
    if f == vm.none {
        return Ok(None);
    }
    let r = crate::call::call(vm, f, &[v])?;
    if crate::str::as_str(r).is_some() || r.is::<crate::bytes::BytesObj>() {
        return Ok(Some(r));
    }
    let (tn, rn) = (crate::typeobj::type_name(ty), vm.type_name(r));
    Err(vm.type_error(format!("expected {tn}.__fspath__() to return str or bytes, not {rn}")))
}

fn fspath(vm: &mut Vm, args: Args) -> PyResult {
    let [p] = args.bind(vm, "fspath", ["path"], 1, 0)?;
    match fspath_value(vm, p)? {
        Some(v) => Ok(v),
        None => {
            let m = format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(p));
            Err(vm.type_error(m))
        }
    }
}

fn path_arg(vm: &mut Vm, func: &str, arg: &str, v: Value, nullable: bool, allow_fd: bool) -> PyResult<PathArg> {
    if nullable && (v.is_null() || v == vm.none) {
        return Ok(PathArg { obj: vm.none, path: OsString::from("."), bytes: false, fd: None });
    }
    if allow_fd && crate::int::as_i64(v).is_some() {
        let fd = crate::number::index_i64(vm, v)?;
        let fd = c_int::try_from(fd).map_err(|_| vm.overflow_error("fd is greater than maximum"))?;
        return Ok(PathArg { obj: v, path: OsString::new(), bytes: false, fd: Some(fd) });
    }
    let p = fspath_value(vm, v)?;
    let Some(p) = p else {
        let allowed = match (nullable, allow_fd) {
            (true, true) => "string, bytes, os.PathLike, integer or None",
            (true, false) => "string, bytes, os.PathLike or None",
            (false, true) => "string, bytes, os.PathLike or integer",
            (false, false) => "string, bytes or os.PathLike",
        };
        let m = format!("{func}: {arg} should be {allowed}, not {}", vm.type_name(v));
        return Err(vm.type_error(m));
    };
    let is_str = crate::str::as_str(p).is_some();
    if let Some(s) = crate::str::as_str(p).filter(|_| !crate::str::has_surrogates(p)) {
        if s.contains('\0') {
            return Err(vm.value_error("embedded null byte"));
        }
        return Ok(PathArg { obj: v, path: OsString::from(s), bytes: false, fd: None });
    }
    let b = if is_str { crate::codecs::encode_utf8(vm, p, "surrogateescape")? } else { crate::bytes::as_bytes(p).unwrap_or_default() };
    if b.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(PathArg { obj: v, path: OsString::from_vec(b), bytes: !is_str, fd: None })
}

/// A file name for the caller: bytes if the path argument was bytes.
pub fn name_value(vm: &mut Vm, name: &OsStr, bytes: bool) -> Value {
    if bytes {
        crate::bytes::new_bytes(vm, name.as_bytes().to_vec())
    } else {
        crate::str::fs_decode(vm, name.as_bytes())
    }
}

/// `PyUnicode_FSConverter`: the file-system bytes of a str, bytes or os.PathLike.
pub fn fs_encode(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    let t = vm.type_of(v);
    let pathlike = crate::str::as_str(v).is_some() || v.is::<crate::bytes::BytesObj>() || crate::typeobj::lookup_str(vm, t, "__fspath__").is_some();
    if !pathlike {
        let m = format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(v));
        return Err(vm.type_error(m));
    }
    Ok(path_arg(vm, "fsencode", "path", v, false, false)?.path.into_vec())
}

/// `os.waitpid(pid, options)`: (pid, status); an interrupted wait runs the signal
/// handlers and waits again.
fn waitpid_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "waitpid", 2, 2)?;
    let pid = fd_arg(vm, a[0])?;
    let options = fd_arg(vm, a[1])?;
    let mut status: c_int = 0;
    loop {
        // SAFETY: waitpid writes the status into our local.
        let r = unsafe { waitpid(pid, &mut status, options) };
        if r >= 0 {
            let (p, s) = (crate::int::from_i64(vm, i64::from(r)), crate::int::from_i64(vm, i64::from(status)));
            return Ok(crate::tuple::new_tuple(vm, vec![p, s]));
        }
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() == Some(4) {
            crate::signals::check(vm)?;
            continue;
        }
        return Err(crate::exceptions::os_error_from_io(vm, &e, None));
    }
}

/// `os.system(command)`: the shell's wait status (system(3)).
fn system_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "system", 1, 1)?;
    let cmd = fs_encode(vm, a[0])?;
    let c = CString::new(cmd).map_err(|_| vm.value_error("embedded null byte"))?;
    // SAFETY: a NUL-terminated command string.
    let r = unsafe { system(c.as_ptr()) };
    Ok(crate::int::from_i64(vm, i64::from(r)))
}

fn fd_arg(vm: &mut Vm, v: Value) -> PyResult<c_int> {
    let i = crate::number::index_i64(vm, v)?;
    c_int::try_from(i).map_err(|_| {
        if i > 0 {
            vm.overflow_error("signed integer is greater than maximum")
        } else {
            vm.overflow_error("signed integer is less than minimum")
        }
    })
}

fn int_arg(vm: &mut Vm, v: Value, default: i64) -> PyResult<i64> {
    if v.is_null() {
        return Ok(default);
    }
    crate::number::index_i64(vm, v)
}

fn bool_arg(vm: &mut Vm, v: Value, default: bool) -> PyResult<bool> {
    if v.is_null() {
        return Ok(default);
    }
    crate::ops::truthy(vm, v)
}

/// `bind` for a function whose parameters after the first `npos` are keyword-only.
fn kw_bind<const N: usize>(vm: &mut Vm, args: &Args, fname: &str, names: [&str; N], required: usize, npos: usize) -> PyResult<[Value; N]> {
    let n = args.pos().len();
    if n > npos {
        let how = if required.min(npos) < npos { "at most" } else { "exactly" };
        let s = if npos == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{fname}() takes {how} {npos} positional argument{s} ({n} given)")));
    }
    args.bind(vm, fname, names, required, 0)
}

/// `dir_fd` is not supported (it is not in `_have_functions`): only None.
fn no_dir_fd(vm: &mut Vm, func: &str, v: Value) -> PyResult<()> {
    if v.is_null() || v == vm.none {
        return Ok(());
    }
    Err(vm.new_exc(vm.e.not_implemented_error, &format!("{func}: dir_fd unavailable on this platform")))
}

fn small(vm: &mut Vm, i: i64) -> Value {
    crate::int::from_i64(vm, i)
}

// ---- stat ------------------------------------------------------------------------------

const STAT_FIELDS: &[&str] = &[
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "", "", "", "st_atime", "st_mtime",
    "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev",
];
static STAT_SPEC: super::structseq::Spec =
    super::structseq::Spec { name: "os.stat_result", module: "os", fields: STAT_FIELDS, n_seq: 10, copy_if_none: &[(10, 7), (11, 8), (12, 9)] };
static TERMINAL_SPEC: super::structseq::Spec =
    super::structseq::Spec { name: "os.terminal_size", module: "os", fields: &["columns", "lines"], n_seq: 2, copy_if_none: &[] };
static UNAME_SPEC: super::structseq::Spec = super::structseq::Spec {
    name: "posix.uname_result",
    module: "posix",
    fields: &["sysname", "nodename", "release", "version", "machine"],
    n_seq: 5,
    copy_if_none: &[],
};
static TIMES_SPEC: super::structseq::Spec = super::structseq::Spec {
    name: "posix.times_result",
    module: "posix",
    fields: &["user", "system", "children_user", "children_system", "elapsed"],
    n_seq: 5,
    copy_if_none: &[],
};

crate::structseq_getters! {
    g_mode => "st_mode", g_ino => "st_ino", g_dev => "st_dev", g_nlink => "st_nlink", g_uid => "st_uid",
    g_gid => "st_gid", g_size => "st_size", g_atime => "st_atime", g_mtime => "st_mtime", g_ctime => "st_ctime",
    g_atime_ns => "st_atime_ns", g_mtime_ns => "st_mtime_ns", g_ctime_ns => "st_ctime_ns",
    g_blksize => "st_blksize", g_blocks => "st_blocks", g_rdev => "st_rdev",
    g_columns => "columns", g_lines => "lines",
    g_sysname => "sysname", g_nodename => "nodename", g_release => "release", g_version => "version", g_machine => "machine",
    g_user => "user", g_system => "system", g_cuser => "children_user", g_csystem => "children_system", g_elapsed => "elapsed",
}

thread_local! {
    /// stat_result, terminal_size, uname_result, times_result, DirEntry, ScandirIterator.
    static TYPES: std::cell::Cell<[Value; 6]> = const { std::cell::Cell::new([Value::NULL; 6]) };
}

fn ty(i: usize) -> Value {
    TYPES.with(|t| t.get()[i])
}

fn stat_result(vm: &mut Vm, m: &std::fs::Metadata) -> PyResult {
    let list = crate::list::new_list(vm, vec![]);
    let _pin = crate::gc::pin(list);
    let ns = |s: i64, n: i64| s as i128 * 1_000_000_000 + n as i128;
    let ints = [m.mode() as i64, m.ino() as i64, m.dev() as i64, m.nlink() as i64, m.uid() as i64, m.gid() as i64, m.size() as i64];
    let push = |v: Value| crate::list::lobj(list).items.borrow_mut().push(v);
    for i in ints {
        let v = small(vm, i);
        push(v);
    }
    let (a, mo, c) = ((m.atime(), m.atime_nsec()), (m.mtime(), m.mtime_nsec()), (m.ctime(), m.ctime_nsec()));
    for (s, _) in [a, mo, c] {
        let v = small(vm, s);
        push(v);
    }
    for (s, n) in [a, mo, c] {
        let v = crate::float::new_float(vm, s as f64 + n as f64 * 1e-9);
        push(v);
    }
    for (s, n) in [a, mo, c] {
        let v = crate::int::from_bigint(vm, num_bigint::BigInt::from(ns(s, n)));
        push(v);
    }
    for i in [m.blksize() as i64, m.blocks() as i64, m.rdev() as i64] {
        let v = small(vm, i);
        push(v);
    }
    let vals = crate::list::lobj(list).items.borrow().clone();
    super::structseq::new(vm, ty(0), &vals)
}

/// The metadata of an open descriptor (`fstat`).
pub fn fd_metadata(fd: c_int) -> std::io::Result<std::fs::Metadata> {
    use std::os::fd::FromRawFd;
    if fd < 0 {
        return Err(std::io::Error::from_raw_os_error(9));
    }
    // SAFETY: the File borrows `fd` without owning it: ManuallyDrop never closes
    // it, and `metadata` only issues fstat/statx, which report EBADF for a
    // descriptor that is not open.
    let f = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
    f.metadata()
}

fn do_stat(vm: &mut Vm, p: &PathArg, follow: bool) -> PyResult {
    let m = match p.fd {
        Some(fd) => fd_metadata(fd),
        None if follow => std::fs::metadata(p.buf()),
        None => std::fs::symlink_metadata(p.buf()),
    };
    match m {
        Ok(m) => stat_result(vm, &m),
        Err(e) => Err(io_error(vm, &e, p.obj)),
    }
}

fn stat(vm: &mut Vm, args: Args) -> PyResult {
    let [path, dir_fd, follow] = kw_bind(vm, &args, "stat", ["path", "dir_fd", "follow_symlinks"], 1, 1)?;
    let p = path_arg(vm, "stat", "path", path, false, true)?;
    no_dir_fd(vm, "stat", dir_fd)?;
    let follow = bool_arg(vm, follow, true)?;
    do_stat(vm, &p, follow)
}

fn lstat(vm: &mut Vm, args: Args) -> PyResult {
    let [path, dir_fd] = kw_bind(vm, &args, "lstat", ["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, "lstat", "path", path, false, false)?;
    no_dir_fd(vm, "lstat", dir_fd)?;
    do_stat(vm, &p, false)
}

fn fstat(vm: &mut Vm, args: Args) -> PyResult {
    let [fd] = args.bind(vm, "fstat", ["fd"], 1, 0)?;
    let fd = fd_arg(vm, fd)?;
    match fd_metadata(fd) {
        Ok(m) => stat_result(vm, &m),
        Err(e) => Err(crate::exceptions::os_error_from_io(vm, &e, None)),
    }
}

// ---- directories and files ---------------------------------------------------------------

fn getcwd_os(vm: &mut Vm) -> PyResult<PathBuf> {
    std::env::current_dir().map_err(|e| crate::exceptions::os_error_from_io(vm, &e, None))
}

fn getcwd(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "posix.getcwd", 0, 0)?;
    let d = getcwd_os(vm)?;
    Ok(name_value(vm, d.as_os_str(), false))
}

fn getcwdb(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "posix.getcwdb", 0, 0)?;
    let d = getcwd_os(vm)?;
    Ok(name_value(vm, d.as_os_str(), true))
}

fn chdir(vm: &mut Vm, args: Args) -> PyResult {
    let [path] = args.bind(vm, "chdir", ["path"], 1, 0)?;
    let p = path_arg(vm, "chdir", "path", path, false, false)?;
    std::env::set_current_dir(p.buf()).map_err(|e| io_error(vm, &e, p.obj))?;
    Ok(vm.none)
}

fn read_dir(vm: &mut Vm, p: &PathArg) -> PyResult<Vec<std::fs::DirEntry>> {
    let path = match p.fd {
        // A directory descriptor is read through its /proc link (after checking
        // it is open, so a bad one reports EBADF).
        Some(fd) => {
            fd_metadata(fd).map_err(|e| crate::exceptions::os_error_from_io(vm, &e, None))?;
            PathBuf::from(format!("/proc/self/fd/{fd}"))
        }
        None => p.buf(),
    };
    let rd = std::fs::read_dir(path).map_err(|e| io_error(vm, &e, p.obj))?;
    let mut out = Vec::new();
    for e in rd {
        out.push(e.map_err(|e| io_error(vm, &e, p.obj))?);
    }
    Ok(out)
}

fn listdir(vm: &mut Vm, args: Args) -> PyResult {
    let [path] = args.bind(vm, "listdir", ["path"], 0, 0)?;
    let p = path_arg(vm, "listdir", "path", path, true, true)?;
    let entries = read_dir(vm, &p)?;
    let list = crate::list::new_list(vm, vec![]);
    for e in entries {
        let v = name_value(vm, &e.file_name(), p.bytes);
        crate::list::lobj(list).items.borrow_mut().push(v);
    }
    Ok(list)
}

fn mkdir(vm: &mut Vm, args: Args) -> PyResult {
    use std::os::unix::fs::DirBuilderExt;
    let [path, mode, dir_fd] = kw_bind(vm, &args, "mkdir", ["path", "mode", "dir_fd"], 1, 2)?;
    let p = path_arg(vm, "mkdir", "path", path, false, false)?;
    let mode = int_arg(vm, mode, 0o777)?;
    no_dir_fd(vm, "mkdir", dir_fd)?;
    let r = std::fs::DirBuilder::new().mode(mode as u32).create(p.buf());
    r.map_err(|e| io_error(vm, &e, p.obj))?;
    Ok(vm.none)
}

fn mkfifo(vm: &mut Vm, args: Args) -> PyResult {
    let [path, mode, dir_fd] = kw_bind(vm, &args, "mkfifo", ["path", "mode", "dir_fd"], 1, 2)?;
    let p = path_arg(vm, "mkfifo", "path", path, false, false)?;
    let mode = int_arg(vm, mode, 0o666)?;
    no_dir_fd(vm, "mkfifo", dir_fd)?;
    let c = p.c_path(vm)?;
    // SAFETY: `c` is a valid NUL-terminated string for the duration of the call.
    if unsafe { libc::mkfifo(c.as_ptr(), mode as libc::mode_t) } != 0 {
        // CPython's mkfifo error names no file.
        return Err(last_error(vm, None));
    }
    Ok(vm.none)
}

fn rmdir(vm: &mut Vm, args: Args) -> PyResult {
    let [path, dir_fd] = kw_bind(vm, &args, "rmdir", ["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, "rmdir", "path", path, false, false)?;
    no_dir_fd(vm, "rmdir", dir_fd)?;
    std::fs::remove_dir(p.buf()).map_err(|e| io_error(vm, &e, p.obj))?;
    Ok(vm.none)
}

fn unlink_as(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let [path, dir_fd] = kw_bind(vm, &args, name, ["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, name, "path", path, false, false)?;
    no_dir_fd(vm, name, dir_fd)?;
    std::fs::remove_file(p.buf()).map_err(|e| io_error(vm, &e, p.obj))?;
    Ok(vm.none)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult {
    unlink_as(vm, args, "remove")
}

fn unlink(vm: &mut Vm, args: Args) -> PyResult {
    unlink_as(vm, args, "unlink")
}

fn rename_as(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let [src, dst, sfd, dfd] = kw_bind(vm, &args, name, ["src", "dst", "src_dir_fd", "dst_dir_fd"], 2, 2)?;
    let s = path_arg(vm, name, "src", src, false, false)?;
    let d = path_arg(vm, name, "dst", dst, false, false)?;
    no_dir_fd(vm, name, sfd)?;
    no_dir_fd(vm, name, dfd)?;
    std::fs::rename(s.buf(), d.buf()).map_err(|e| io_error2(vm, &e, s.obj, d.obj))?;
    Ok(vm.none)
}

fn rename(vm: &mut Vm, args: Args) -> PyResult {
    rename_as(vm, args, "rename")
}

fn replace(vm: &mut Vm, args: Args) -> PyResult {
    rename_as(vm, args, "replace")
}

fn readlink(vm: &mut Vm, args: Args) -> PyResult {
    let [path, dir_fd] = kw_bind(vm, &args, "readlink", ["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, "readlink", "path", path, false, false)?;
    no_dir_fd(vm, "readlink", dir_fd)?;
    let t = std::fs::read_link(p.buf()).map_err(|e| io_error(vm, &e, p.obj))?;
    Ok(name_value(vm, t.as_os_str(), p.bytes))
}

fn symlink(vm: &mut Vm, args: Args) -> PyResult {
    let [src, dst, _is_dir, dir_fd] =
        kw_bind(vm, &args, "symlink", ["src", "dst", "target_is_directory", "dir_fd"], 2, 3)?;
    let s = path_arg(vm, "symlink", "src", src, false, false)?;
    let d = path_arg(vm, "symlink", "dst", dst, false, false)?;
    no_dir_fd(vm, "symlink", dir_fd)?;
    std::os::unix::fs::symlink(s.buf(), d.buf()).map_err(|e| io_error2(vm, &e, s.obj, d.obj))?;
    Ok(vm.none)
}

fn link(vm: &mut Vm, args: Args) -> PyResult {
    let [src, dst, sfd, dfd, _follow] =
        kw_bind(vm, &args, "link", ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"], 2, 2)?;
    let s = path_arg(vm, "link", "src", src, false, false)?;
    let d = path_arg(vm, "link", "dst", dst, false, false)?;
    no_dir_fd(vm, "link", sfd)?;
    no_dir_fd(vm, "link", dfd)?;
    std::fs::hard_link(s.buf(), d.buf()).map_err(|e| io_error2(vm, &e, s.obj, d.obj))?;
    Ok(vm.none)
}

fn chmod(vm: &mut Vm, args: Args) -> PyResult {
    let [path, mode, dir_fd, _follow] = kw_bind(vm, &args, "chmod", ["path", "mode", "dir_fd", "follow_symlinks"], 2, 2)?;
    let p = path_arg(vm, "chmod", "path", path, false, false)?;
    let mode = int_arg(vm, mode, 0)?;
    no_dir_fd(vm, "chmod", dir_fd)?;
    let perm = std::fs::Permissions::from_mode(mode as u32);
    std::fs::set_permissions(p.buf(), perm).map_err(|e| io_error(vm, &e, p.obj))?;
    Ok(vm.none)
}

fn access_fn(vm: &mut Vm, args: Args) -> PyResult {
    let [path, mode, dir_fd, _eff, _follow] =
        kw_bind(vm, &args, "access", ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], 2, 2)?;
    let p = path_arg(vm, "access", "path", path, false, false)?;
    let mode = int_arg(vm, mode, 0)?;
    no_dir_fd(vm, "access", dir_fd)?;
    let c = p.c_path(vm)?;
    // SAFETY: `c` is a valid NUL-terminated string for the duration of the call.
    let r = unsafe { access(c.as_ptr(), mode as c_int) };
    Ok(vm.bool(r == 0))
}

/// A time argument in seconds (int or float) as (seconds, nanoseconds).
fn time_arg(vm: &mut Vm, v: Value) -> PyResult<Timespec> {
    if let Some(i) = crate::int::as_i64(v) {
        return Ok(Timespec { sec: i, nsec: 0 });
    }
    let f = crate::float::to_float(vm, v)?;
    let sec = f.floor();
    let nsec = ((f - sec) * 1e9).round() as i64;
    Ok(Timespec { sec: sec as i64, nsec })
}

fn utime(vm: &mut Vm, args: Args) -> PyResult {
    let [path, times, ns, dir_fd, follow] =
        kw_bind(vm, &args, "utime", ["path", "times", "ns", "dir_fd", "follow_symlinks"], 1, 2)?;
    let p = path_arg(vm, "utime", "path", path, false, false)?;
    no_dir_fd(vm, "utime", dir_fd)?;
    let follow = bool_arg(vm, follow, true)?;
    let has_times = !times.is_null() && times != vm.none;
    let has_ns = !ns.is_null();
    if has_times && has_ns {
        return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let mut ts = [Timespec { sec: 0, nsec: UTIME_NOW }, Timespec { sec: 0, nsec: UTIME_NOW }];
    if has_times {
        if !crate::tuple::is_tuple(times) || crate::tuple::items(times).len() != 2 {
            return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
        }
        let it = crate::tuple::items(times).to_vec();
        ts = [time_arg(vm, it[0])?, time_arg(vm, it[1])?];
    } else if has_ns {
        if !crate::tuple::is_tuple(ns) || crate::tuple::items(ns).len() != 2 {
            return Err(vm.type_error("utime: 'ns' must be a tuple of two ints"));
        }
        let it = crate::tuple::items(ns).to_vec();
        let mut out = [Timespec { sec: 0, nsec: 0 }, Timespec { sec: 0, nsec: 0 }];
        for (o, v) in out.iter_mut().zip(it) {
            let n = crate::number::index_i64(vm, v)?;
            *o = Timespec { sec: n.div_euclid(1_000_000_000), nsec: n.rem_euclid(1_000_000_000) };
        }
        ts = out;
    }
    let c = p.c_path(vm)?;
    let flags = if follow { 0 } else { AT_SYMLINK_NOFOLLOW };
    // SAFETY: `c` is NUL-terminated and `ts` is an array of two timespecs, both
    // valid for the duration of the call.
    let r = unsafe { utimensat(AT_FDCWD, c.as_ptr(), ts.as_ptr(), flags) };
    if r != 0 {
        return Err(last_error(vm, Some(p.obj)));
    }
    Ok(vm.none)
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult {
    let [path, length] = args.bind(vm, "truncate", ["path", "length"], 2, 0)?;
    let p = path_arg(vm, "truncate", "path", path, false, true)?;
    let len = int_arg(vm, length, 0)?;
    if let Some(fd) = p.fd {
        return ftruncate_fd(vm, fd, len);
    }
    let f = std::fs::OpenOptions::new().write(true).open(p.buf()).map_err(|e| io_error(vm, &e, p.obj))?;
    f.set_len(len.max(0) as u64).map_err(|e| io_error(vm, &e, p.obj))?;
    Ok(vm.none)
}

fn ftruncate_fd(vm: &mut Vm, fd: c_int, len: i64) -> PyResult {
    // SAFETY: plain integer arguments.
    if unsafe { ftruncate(fd, len) } != 0 {
        return Err(last_error(vm, None));
    }
    Ok(vm.none)
}

/// `_Py_Uid_Converter`/`_Py_Gid_Converter`: an id, or -1 for "leave unchanged" (None).
fn owner_id(vm: &mut Vm, v: Value, what: &str) -> PyResult<Option<u32>> {
    let b = match crate::number::index_bigint(vm, v) {
        Ok(b) if !crate::float::is_float(v) => b,
        Err(e) if !crate::exceptions::matches(vm, e, vm.e.type_error) => return Err(e),
        _ => {
            let m = format!("{what} should be integer, not {}", vm.type_name(v));
            return Err(vm.type_error(m));
        }
    };
    // As CPython: a C long that is not an id (negative, or truncated by uid_t) is "less
    // than minimum"; only a value beyond a C long is "greater than maximum".
    match i64::try_from(&b) {
        Ok(-1) => Ok(None),
        Ok(i) => u32::try_from(i).map(Some).map_err(|_| vm.overflow_error(format!("{what} is less than minimum"))),
        Err(_) if b.sign() == num_bigint::Sign::Minus => Err(vm.overflow_error(format!("{what} is less than minimum"))),
        Err(_) => Err(vm.overflow_error(format!("{what} is greater than maximum"))),
    }
}

/// `chown`, `lchown` (`follow` false) and `chown` of a file descriptor.
fn chown_path(vm: &mut Vm, args: Args, name: &str, allow_fd: bool) -> PyResult {
    let [path, uid, gid, dir_fd, follow] = kw_bind(vm, &args, name, ["path", "uid", "gid", "dir_fd", "follow_symlinks"], 3, 3)?;
    let p = path_arg(vm, name, "path", path, false, allow_fd)?;
    let uid = owner_id(vm, uid, "uid")?;
    let gid = owner_id(vm, gid, "gid")?;
    no_dir_fd(vm, name, dir_fd)?;
    let follow = allow_fd && bool_arg(vm, follow, true)?;
    if let Some(fd) = p.fd {
        return fchown_fd(vm, fd, uid, gid);
    }
    let r = if follow { std::os::unix::fs::chown(p.buf(), uid, gid) } else { std::os::unix::fs::lchown(p.buf(), uid, gid) };
    r.map_err(|e| io_error(vm, &e, p.obj))?;
    Ok(vm.none)
}

fn fchown_fd(vm: &mut Vm, fd: c_int, uid: Option<u32>, gid: Option<u32>) -> PyResult {
    // SAFETY: plain integer arguments; u32::MAX is (uid_t)-1, "unchanged".
    if unsafe { fchown(fd, uid.unwrap_or(u32::MAX), gid.unwrap_or(u32::MAX)) } != 0 {
        return Err(last_error(vm, None));
    }
    Ok(vm.none)
}

fn chown_fn(vm: &mut Vm, args: Args) -> PyResult {
    chown_path(vm, args, "chown", true)
}

fn lchown_fn(vm: &mut Vm, args: Args) -> PyResult {
    chown_path(vm, args, "lchown", false)
}

fn fchown_fn(vm: &mut Vm, args: Args) -> PyResult {
    let [fd, uid, gid] = kw_bind(vm, &args, "fchown", ["fd", "uid", "gid"], 3, 3)?;
    let fd = fd_arg(vm, fd)?;
    let uid = owner_id(vm, uid, "uid")?;
    let gid = owner_id(vm, gid, "gid")?;
    fchown_fd(vm, fd, uid, gid)
}

fn ftruncate_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "ftruncate", 2, 2)?;
    let fd = fd_arg(vm, a[0])?;
    let len = int_arg(vm, a[1], 0)?;
    ftruncate_fd(vm, fd, len)
}

// ---- scandir ------------------------------------------------------------------------------

use crate::gc::{Trace, Tracer};

pub struct DirEntryObj {
    name: Value,
    path: Value,
    full: PathBuf,
    kind: Option<std::fs::FileType>,
    ino: u64,
    /// Cached stat results (follow, no-follow); NULL until asked.
    stat: std::cell::Cell<[Value; 2]>,
}
impl Trace for DirEntryObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.name);
        t.value(self.path);
        for v in self.stat.get() {
            t.value(v);
        }
    }
}
crate::payload!(DirEntryObj, "DirEntry");

pub struct ScandirObj {
    entries: Value,
    pos: std::cell::Cell<usize>,
}
impl Trace for ScandirObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.entries);
    }
}
crate::payload!(ScandirObj, "ScandirIterator");

fn entry(vm: &mut Vm, v: Value) -> PyResult<&'static DirEntryObj> {
    match v.downcast::<DirEntryObj>() {
        Some(e) => Ok(e),
        None => Err(vm.type_error("descriptor requires a 'posix.DirEntry' object")),
    }
}

fn scandir(vm: &mut Vm, args: Args) -> PyResult {
    let [path] = args.bind(vm, "scandir", ["path"], 0, 0)?;
    let p = path_arg(vm, "scandir", "path", path, true, false)?;
    let entries = read_dir(vm, &p)?;
    let list = crate::list::new_list(vm, vec![]);
    let _pin = crate::gc::pin(list);
    // Entry paths join the argument as given (`scandir()` gives "./name").
    let base: Vec<u8> = if p.obj == vm.none { b".".to_vec() } else { p.path.as_bytes().to_vec() };
    for e in entries {
        let fname = e.file_name();
        let mut full = base.clone();
        if !full.ends_with(b"/") {
            full.push(b'/');
        }
        full.extend_from_slice(fname.as_bytes());
        let full = PathBuf::from(OsString::from_vec(full));
        let name = name_value(vm, &fname, p.bytes);
        let _pn = crate::gc::pin(name);
        let path = name_value(vm, full.as_os_str(), p.bytes);
        use std::os::unix::fs::DirEntryExt;
        let obj = DirEntryObj { name, path, full, kind: e.file_type().ok(), ino: e.ino(), stat: std::cell::Cell::new([Value::NULL; 2]) };
        let v = vm.alloc(ty(4), obj);
        crate::list::lobj(list).items.borrow_mut().push(v);
    }
    Ok(vm.alloc(ty(5), ScandirObj { entries: list, pos: std::cell::Cell::new(0) }))
}

fn scandir_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.vals[0])
}

fn scandir_next(vm: &mut Vm, args: Args) -> PyResult {
    let s = args.vals[0].downcast::<ScandirObj>().ok_or_else(|| vm.type_error("expected ScandirIterator"))?;
    let i = s.pos.get();
    let item = crate::list::lobj(s.entries).items.borrow().get(i).copied();
    match item {
        Some(v) => {
            s.pos.set(i + 1);
            Ok(v)
        }
        None => Err(PyErr(crate::call::call(vm, vm.e.stop_iteration, &[])?)),
    }
}

fn scandir_close(vm: &mut Vm, args: Args) -> PyResult {
    if let Some(s) = args.vals[0].downcast::<ScandirObj>() {
        s.pos.set(usize::MAX);
    }
    Ok(vm.none)
}

fn scandir_exit(vm: &mut Vm, args: Args) -> PyResult {
    scandir_close(vm, args)?;
    Ok(vm.false_)
}

fn de_name(vm: &mut Vm, v: Value) -> PyResult {
    Ok(entry(vm, v)?.name)
}

fn de_path(vm: &mut Vm, v: Value) -> PyResult {
    Ok(entry(vm, v)?.path)
}

fn de_fspath(vm: &mut Vm, args: Args) -> PyResult {
    Ok(entry(vm, args.vals[0])?.path)
}

fn de_repr(vm: &mut Vm, args: Args) -> PyResult {
    let e = entry(vm, args.vals[0])?;
    let r = crate::ops::repr_string(vm, e.name)?;
    Ok(crate::str::new_str(vm, format!("<DirEntry {r}>")))
}

fn de_stat_cached(vm: &mut Vm, v: Value, follow: bool) -> PyResult {
    let e = entry(vm, v)?;
    let follow = follow && e.kind.map(|k| k.is_symlink()).unwrap_or(true);
    let idx = usize::from(!follow);
    let cached = e.stat.get()[idx];
    if !cached.is_null() {
        return Ok(cached);
    }
    let m = if follow { std::fs::metadata(&e.full) } else { std::fs::symlink_metadata(&e.full) };
    let r = match m {
        Ok(m) => stat_result(vm, &m)?,
        Err(err) => return Err(io_error(vm, &err, e.path)),
    };
    let mut s = e.stat.get();
    s[idx] = r;
    e.stat.set(s);
    Ok(r)
}

fn de_stat(vm: &mut Vm, args: Args) -> PyResult {
    let [this, follow] = args.bind(vm, "stat", ["self", "follow_symlinks"], 1, 1)?;
    let follow = bool_arg(vm, follow, true)?;
    de_stat_cached(vm, this, follow)
}

/// Whether the entry has file type `mode` (S_IFDIR / S_IFREG), following links if asked.
fn de_test(vm: &mut Vm, args: Args, name: &str, mode: u32) -> PyResult {
    let [this, follow] = args.bind(vm, name, ["self", "follow_symlinks"], 1, 1)?;
    let follow = bool_arg(vm, follow, true)?;
    let e = entry(vm, this)?;
    let is_link = e.kind.map(|k| k.is_symlink()).unwrap_or(false);
    if let (Some(k), false) = (e.kind, follow && is_link) {
        let r = if mode == 0o040000 { k.is_dir() } else { k.is_file() };
        return Ok(vm.bool(r));
    }
    match de_stat_cached(vm, this, follow) {
        Ok(st) => {
            let m = crate::int::as_i64(crate::tuple::items(st)[0]).unwrap_or(0) as u32;
            Ok(vm.bool(m & 0o170000 == mode))
        }
        Err(err) if crate::exceptions::matches(vm, err, vm.e.file_not_found_error) => Ok(vm.false_),
        Err(err) => Err(err),
    }
}

fn de_is_dir(vm: &mut Vm, args: Args) -> PyResult {
    de_test(vm, args, "is_dir", 0o040000)
}

fn de_is_file(vm: &mut Vm, args: Args) -> PyResult {
    de_test(vm, args, "is_file", 0o100000)
}

fn de_is_symlink(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "is_symlink", 1, 1)?;
    let e = entry(vm, args.vals[0])?;
    Ok(vm.bool(e.kind.map(|k| k.is_symlink()).unwrap_or(false)))
}

fn de_inode(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "inode", 1, 1)?;
    let e = entry(vm, args.vals[0])?;
    Ok(crate::int::from_bigint(vm, num_bigint::BigInt::from(e.ino)))
}

fn de_new(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.type_error("cannot create 'posix.DirEntry' instances"))
}

// ---- file descriptors -----------------------------------------------------------------------

fn open_fn(vm: &mut Vm, args: Args) -> PyResult {
    let [path, flags, mode, dir_fd] = kw_bind(vm, &args, "open", ["path", "flags", "mode", "dir_fd"], 2, 3)?;
    let p = path_arg(vm, "open", "path", path, false, false)?;
    let flags = int_arg(vm, flags, 0)?;
    let mode = int_arg(vm, mode, 0o777)?;
    no_dir_fd(vm, "open", dir_fd)?;
    let c = p.c_path(vm)?;
    loop {
        // New descriptors are non-inheritable (PEP 446), hence O_CLOEXEC.
        // SAFETY: `c` is a valid NUL-terminated string for the duration of the call.
        let fd = unsafe { open(c.as_ptr(), (flags | O_CLOEXEC) as c_int, mode as c_uint) };
        if fd >= 0 {
            return Ok(Value::small(fd as i64));
        }
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() == Some(4) {
            crate::signals::check(vm)?;
            continue;
        }
        return Err(io_error(vm, &e, p.obj));
    }
}

fn close_fn(vm: &mut Vm, args: Args) -> PyResult {
    let [fd] = args.bind(vm, "close", ["fd"], 1, 0)?;
    let fd = fd_arg(vm, fd)?;
    // SAFETY: closing an integer descriptor; an invalid one reports EBADF.
    if unsafe { close(fd) } != 0 {
        return Err(last_error(vm, None));
    }
    Ok(vm.none)
}

fn closerange(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "closerange", 2, 2)?;
    let (lo, hi) = (fd_arg(vm, a[0])?, fd_arg(vm, a[1])?);
    for fd in lo.max(0)..hi {
        // SAFETY: errors (descriptors not open) are ignored, as in CPython.
        unsafe { close(fd) };
    }
    Ok(vm.none)
}

fn read_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "read", 2, 2)?;
    let fd = fd_arg(vm, a[0])?;
    let n = crate::number::index_i64(vm, a[1])?;
    if n < 0 {
        return Err(crate::exceptions::os_error_from_io(vm, &std::io::Error::from_raw_os_error(22), None));
    }
    let mut buf = vec![0u8; n as usize];
    loop {
        // SAFETY: `buf` is a writable buffer of exactly `buf.len()` bytes.
        let r = unsafe { read(fd, buf.as_mut_ptr(), buf.len()) };
        if r >= 0 {
            buf.truncate(r as usize);
            return Ok(crate::bytes::new_bytes(vm, buf));
        }
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() == Some(4) {
            crate::signals::check(vm)?;
            continue;
        }
        return Err(crate::exceptions::os_error_from_io(vm, &e, None));
    }
}

fn write_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "write", 2, 2)?;
    let fd = fd_arg(vm, a[0])?;
    let Some(data) = crate::bytes::buffer_bytes(a[1]) else {
        let m = format!("a bytes-like object is required, not '{}'", vm.type_name(a[1]));
        return Err(vm.type_error(m));
    };
    loop {
        // SAFETY: `data` is a readable buffer of exactly `data.len()` bytes.
        let r = unsafe { write(fd, data.as_ptr(), data.len()) };
        if r >= 0 {
            return Ok(Value::small(r as i64));
        }
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() == Some(4) {
            crate::signals::check(vm)?;
            continue;
        }
        return Err(crate::exceptions::os_error_from_io(vm, &e, None));
    }
}

fn lseek_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "lseek", 3, 3)?;
    let fd = fd_arg(vm, a[0])?;
    let pos = crate::number::index_i64(vm, a[1])?;
    let how = fd_arg(vm, a[2])?;
    // SAFETY: plain integer arguments.
    let r = unsafe { lseek(fd, pos, how) };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    Ok(small(vm, r))
}

fn fsync_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "fsync", 1, 1)?;
    let fd = match crate::call::call_special(vm, a[0], "fileno", &[]) {
        Ok(Some(f)) if crate::int::as_i64(a[0]).is_none() => fd_arg(vm, f)?,
        _ => fd_arg(vm, a[0])?,
    };
    // SAFETY: plain integer argument.
    if unsafe { fsync(fd) } != 0 {
        return Err(last_error(vm, None));
    }
    Ok(vm.none)
}

fn isatty_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "isatty", 1, 1)?;
    let fd = fd_arg(vm, a[0])?;
    // SAFETY: plain integer argument.
    Ok(vm.bool(unsafe { isatty(fd) } == 1))
}

fn pipe_fn(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "posix.pipe", 0, 0)?;
    let mut fds: [c_int; 2] = [-1, -1];
    // SAFETY: `fds` is an array of two ints for the kernel to fill.
    if unsafe { pipe2(fds.as_mut_ptr(), O_CLOEXEC as c_int) } != 0 {
        return Err(last_error(vm, None));
    }
    Ok(crate::tuple::new_tuple(vm, vec![Value::small(fds[0] as i64), Value::small(fds[1] as i64)]))
}

/// `openpty()`: a new pseudo-terminal pair (master, slave), both non-inheritable.
fn openpty_fn(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "openpty", 0, 0)?;
    let (mut master, mut slave): (c_int, c_int) = (-1, -1);
    // SAFETY: the two ints are filled by openpty; no name, termios or winsize asked.
    let r = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), std::ptr::null()) };
    if r != 0 {
        return Err(last_error(vm, None));
    }
    for fd in [master, slave] {
        // SAFETY: fcntl(F_SETFD) on a descriptor just opened.
        unsafe { fcntl(fd, F_SETFD, FD_CLOEXEC) };
    }
    Ok(crate::tuple::new_tuple(vm, vec![Value::small(master as i64), Value::small(slave as i64)]))
}

/// The status flags of descriptor `fd` (F_GETFL).
fn status_flags(vm: &mut Vm, fd: c_int) -> PyResult<c_int> {
    // SAFETY: F_GETFL takes no third argument.
    let flags = unsafe { fcntl(fd, libc::F_GETFL, 0 as c_int) };
    if flags < 0 {
        return Err(last_error(vm, None));
    }
    Ok(flags)
}

/// `get_blocking(fd)`: whether O_NONBLOCK is clear.
fn get_blocking_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "posix.get_blocking", 1, 1)?;
    let fd = fd_arg(vm, a[0])?;
    let flags = status_flags(vm, fd)?;
    Ok(vm.bool(flags & libc::O_NONBLOCK == 0))
}

/// `set_blocking(fd, blocking)`: clears or sets O_NONBLOCK.
fn set_blocking_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "set_blocking", 2, 2)?;
    let fd = fd_arg(vm, a[0])?;
    let blocking = crate::number::index_c_int(vm, a[1])? != 0;
    let flags = status_flags(vm, fd)?;
    let new = if blocking { flags & !libc::O_NONBLOCK } else { flags | libc::O_NONBLOCK };
    // SAFETY: F_SETFL takes an int argument.
    if new != flags && unsafe { fcntl(fd, libc::F_SETFL, new) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(vm.none)
}

thread_local! {
    /// `register_at_fork`'s callables: a list of three lists (before,
    /// after_in_parent, after_in_child), rooted by `vm.extra_roots`.
    static AT_FORK: std::cell::Cell<Value> = const { std::cell::Cell::new(Value::NULL) };
}

/// Set in a child made by `fork()`: the interpreter thread is the only one
/// there, so the launcher's exit path does not run (see `forked_child`).
static FORKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether this process is a child made by `os.fork()`.
pub fn forked_child() -> bool {
    FORKED.load(std::sync::atomic::Ordering::Relaxed)
}

fn at_fork_lists(vm: &mut Vm) -> Value {
    let l = AT_FORK.with(|c| c.get());
    if !l.is_null() {
        return l;
    }
    let buf = crate::list::ValueBuf::new(vm);
    for _ in 0..3 {
        let v = crate::list::new_list(vm, vec![]);
        buf.push(v);
    }
    let l = buf.into_list();
    vm.extra_roots.push(l);
    AT_FORK.with(|c| c.set(l));
    l
}

/// `register_at_fork(*, before=None, after_in_child=None, after_in_parent=None)`.
fn register_at_fork(vm: &mut Vm, args: Args) -> PyResult {
    if !args.pos().is_empty() {
        return Err(vm.type_error("register_at_fork() takes no positional arguments"));
    }
    let given = args.bind(vm, "register_at_fork", ["before", "after_in_parent", "after_in_child"], 0, 0)?;
    if given.iter().all(|v| v.is_null()) {
        return Err(vm.type_error("At least one argument is required."));
    }
    for (name, &v) in ["before", "after_in_parent", "after_in_child"].iter().zip(&given) {
        if !v.is_null() && !crate::builtins::is_callable(vm, v) {
            let m = format!("'{name}' must be callable, not {}", vm.type_name(v));
            return Err(vm.type_error(m));
        }
    }
    let lists = at_fork_lists(vm);
    for (i, &v) in given.iter().enumerate() {
        if !v.is_null() {
            let l = crate::list::lobj(lists).items.borrow()[i];
            crate::list::lobj(l).items.borrow_mut().push(v);
        }
    }
    Ok(vm.none)
}

/// Runs the `register_at_fork` callables of kind `i` (0: before, in reverse
/// order; 1, 2: after, in order); errors are reported as unraisable.
fn run_at_fork(vm: &mut Vm, i: usize) {
    let lists = AT_FORK.with(|c| c.get());
    if lists.is_null() {
        return;
    }
    let l = crate::list::lobj(lists).items.borrow()[i];
    let mut fns = crate::list::lobj(l).items.borrow().clone();
    let _pin = crate::gc::pin(crate::tuple::new_tuple(vm, fns.clone()));
    if i == 0 {
        fns.reverse();
    }
    for f in fns {
        if let Err(e) = crate::call::call(vm, f, &[]) {
            crate::unraisable::write_unraisable(vm, e, None, f);
        }
    }
}

/// `fork()`: a child process running this interpreter; 0 in the child, its pid
/// in the parent. The `register_at_fork` callables run around it.
fn fork_fn(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "posix.fork", 0, 0)?;
    run_at_fork(vm, 0);
    // SAFETY: the interpreter runs on this thread only; the child continues it
    // with no other thread (the launcher's waiting thread is not copied, see
    // `forked_child`).
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        let e = last_error(vm, None);
        run_at_fork(vm, 1);
        return Err(e);
    }
    if pid == 0 {
        FORKED.store(true, std::sync::atomic::Ordering::Relaxed);
        run_at_fork(vm, 2);
    } else {
        run_at_fork(vm, 1);
    }
    Ok(Value::small(pid as i64))
}

fn dup_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "dup", 1, 1)?;
    let fd = fd_arg(vm, a[0])?;
    // SAFETY: fcntl(F_DUPFD_CLOEXEC) takes one int argument.
    let r = unsafe { fcntl(fd, F_DUPFD_CLOEXEC, 0 as c_int) };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::small(r as i64))
}

fn dup2_fn(vm: &mut Vm, args: Args) -> PyResult {
    let [fd, fd2, inh] = args.bind(vm, "dup2", ["fd", "fd2", "inheritable"], 2, 0)?;
    let (fd, fd2) = (fd_arg(vm, fd)?, fd_arg(vm, fd2)?);
    let inheritable = bool_arg(vm, inh, true)?;
    // SAFETY: plain integer arguments.
    let r = unsafe { if inheritable || fd == fd2 { dup2(fd, fd2) } else { dup3(fd, fd2, O_CLOEXEC as c_int) } };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::small(r as i64))
}

fn get_inheritable(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "get_inheritable", 1, 1)?;
    let fd = fd_arg(vm, a[0])?;
    // SAFETY: fcntl(F_GETFD) takes no further argument.
    let r = unsafe { fcntl(fd, F_GETFD) };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    Ok(vm.bool(r & FD_CLOEXEC == 0))
}

fn set_inheritable(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "set_inheritable", 2, 2)?;
    let fd = fd_arg(vm, a[0])?;
    let inh = crate::ops::truthy(vm, a[1])?;
    // SAFETY: fcntl(F_GETFD) takes no further argument; F_SETFD takes one int.
    let r = unsafe { fcntl(fd, F_GETFD) };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    let flags = if inh { r & !FD_CLOEXEC } else { r | FD_CLOEXEC };
    // SAFETY: as above.
    if unsafe { fcntl(fd, F_SETFD, flags) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(vm.none)
}

fn get_terminal_size(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "get_terminal_size", 0, 1)?;
    let fd = match a.first() {
        Some(v) => fd_arg(vm, *v)?,
        None => 1,
    };
    let mut w = Winsize { rows: 0, cols: 0, xpixel: 0, ypixel: 0 };
    // SAFETY: TIOCGWINSZ writes one `struct winsize`, which `w` is.
    if unsafe { ioctl(fd, TIOCGWINSZ, &mut w as *mut Winsize) } != 0 {
        return Err(last_error(vm, None));
    }
    super::structseq::new(vm, ty(1), &[Value::small(w.cols as i64), Value::small(w.rows as i64)])
}

fn device_encoding(vm: &mut Vm, args: Args) -> PyResult {
    let [fd] = args.bind(vm, "device_encoding", ["fd"], 1, 0)?;
    let fd = fd_arg(vm, fd)?;
    // SAFETY: plain integer argument.
    if unsafe { isatty(fd) } != 1 {
        return Ok(vm.none);
    }
    let enc = locale_encoding(&vm.config);
    Ok(crate::str::new_str(vm, enc))
}

/// The locale encoding (CPython's `_Py_GetLocaleEncoding`): "utf-8" in UTF-8
/// mode (which the C and POSIX locales turn on), else the LC_CTYPE codeset.
pub fn locale_encoding(cfg: &crate::vm::Config) -> String {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let loc = var("LC_ALL").or_else(|| var("LC_CTYPE")).or_else(|| var("LANG")).unwrap_or_else(|| "C".into());
    let utf8_mode = cfg.utf8_mode || (!cfg.ignore_environment && var("PYTHONUTF8").as_deref() == Some("1"));
    if utf8_mode || matches!(loc.as_str(), "C" | "POSIX") {
        return "utf-8".into();
    }
    // SAFETY: both strings are NUL-terminated; nl_langinfo returns a pointer to
    // a NUL-terminated string owned by the C library, copied at once. CPython
    // sets LC_CTYPE from the environment at startup the same way.
    unsafe {
        setlocale(LC_CTYPE, c"".as_ptr());
        let p = nl_langinfo(CODESET);
        if p.is_null() {
            return "utf-8".into();
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

// ---- descriptor calls for `_io.FileIO` (one system call each; EINTR is returned to
// the caller, which checks for signals and retries) ---------------------------------

fn os_result(r: i64) -> std::io::Result<i64> {
    if r < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

/// `open(2)` with O_CLOEXEC added (PEP 446).
pub fn sys_open(path: &std::ffi::CStr, flags: i32, mode: u32) -> std::io::Result<i32> {
    // SAFETY: `path` is NUL-terminated and outlives the call.
    os_result(unsafe { open(path.as_ptr(), flags | O_CLOEXEC as c_int, mode) } as i64).map(|fd| fd as i32)
}

pub fn sys_read(fd: i32, buf: &mut [u8]) -> std::io::Result<usize> {
    // SAFETY: `buf` is writable for exactly `buf.len()` bytes.
    os_result(unsafe { read(fd, buf.as_mut_ptr(), buf.len()) } as i64).map(|n| n as usize)
}

pub fn sys_write(fd: i32, data: &[u8]) -> std::io::Result<usize> {
    // SAFETY: `data` is readable for exactly `data.len()` bytes.
    os_result(unsafe { write(fd, data.as_ptr(), data.len()) } as i64).map(|n| n as usize)
}

pub fn sys_lseek(fd: i32, pos: i64, how: i32) -> std::io::Result<i64> {
    // SAFETY: plain integer arguments.
    os_result(unsafe { lseek(fd, pos, how) })
}

pub fn sys_close(fd: i32) -> std::io::Result<()> {
    // SAFETY: closing an integer descriptor; an invalid one reports EBADF.
    os_result(unsafe { close(fd) } as i64).map(|_| ())
}

pub fn sys_isatty(fd: i32) -> bool {
    // SAFETY: plain integer argument.
    unsafe { isatty(fd) == 1 }
}

pub fn sys_ftruncate(fd: i32, len: i64) -> std::io::Result<()> {
    // SAFETY: plain integer arguments.
    os_result(unsafe { ftruncate(fd, len) } as i64).map(|_| ())
}

// ---- process --------------------------------------------------------------------------------

fn getpid(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "posix.getpid", 0, 0)?;
    Ok(Value::small(std::process::id() as i64))
}

fn getppid_fn(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "posix.getppid", 0, 0)?;
    // SAFETY: no arguments; cannot fail.
    Ok(Value::small(unsafe { getppid() } as i64))
}

/// The argument vector of execv/execve: a non-empty tuple or list whose first
/// item is not empty; `what` names it in the messages ("execv() arg 2").
fn exec_argv(vm: &mut Vm, v: Value, what: &str) -> PyResult<Vec<CString>> {
    if !v.is::<crate::tuple::TupleObj>() && !v.is::<crate::list::ListObj>() {
        return Err(vm.type_error(format!("{what} must be a tuple or list")));
    }
    let items = crate::tuple::from_iterable(vm, v)?;
    let _pin = crate::gc::pin(items);
    let items = crate::tuple::items(items).to_vec();
    if items.is_empty() {
        return Err(vm.value_error(format!("{what} must not be empty")));
    }
    let mut out = Vec::with_capacity(items.len());
    for o in items {
        let b = fs_encode(vm, o)?;
        out.push(CString::new(b).map_err(|_| vm.value_error("embedded null byte"))?);
    }
    if out[0].as_bytes().is_empty() {
        return Err(vm.value_error(format!("{what} first element cannot be empty")));
    }
    Ok(out)
}

/// A NULL-terminated array of pointers into `strings` (which must outlive it).
fn c_array(strings: &[CString]) -> Vec<*const c_char> {
    strings.iter().map(|s| s.as_ptr()).chain(std::iter::once(std::ptr::null())).collect()
}

/// `execv(path, argv)`: replaces this process; returns only by raising.
fn execv_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "execv", 2, 2)?;
    let p = path_arg(vm, "execv", "path", a[0], false, false)?;
    let path = p.c_path(vm)?;
    let argv = exec_argv(vm, a[1], "execv() arg 2")?;
    let ptrs = c_array(&argv);
    // SAFETY: `path` and every pointer in `ptrs` (NULL-terminated) stay valid
    // for the call; execv only returns on failure.
    unsafe { libc::execv(path.as_ptr(), ptrs.as_ptr()) };
    Err(last_error(vm, None))
}

/// `execve(path, argv, env)`: as execv, with `env` (a mapping) as the environment.
fn execve_fn(vm: &mut Vm, args: Args) -> PyResult {
    let [path, argv, env] = args.bind(vm, "execve", ["path", "argv", "env"], 3, 0)?;
    let p = path_arg(vm, "execve", "path", path, false, false)?;
    let cpath = p.c_path(vm)?;
    let argv = exec_argv(vm, argv, "execve: argv")?;
    let keys = crate::call::call_method(vm, env, "keys", &[])?;
    let keys = crate::list::seq_fast(vm, keys, "env.keys() is not a list")?;
    let _pin = crate::gc::pin(keys);
    let values = crate::call::call_method(vm, env, "values", &[])?;
    let values = crate::list::seq_fast(vm, values, "env.values() is not a list")?;
    let _pin2 = crate::gc::pin(values);
    let ks = crate::list::lobj(keys).items.borrow().clone();
    let vs = crate::list::lobj(values).items.borrow().clone();
    let mut envs = Vec::with_capacity(ks.len());
    for (k, v) in ks.into_iter().zip(vs) {
        let mut entry = fs_encode(vm, k)?;
        if entry.is_empty() || entry[1..].contains(&b'=') {
            return Err(vm.value_error("illegal environment variable name"));
        }
        entry.push(b'=');
        entry.extend(fs_encode(vm, v)?);
        envs.push(CString::new(entry).map_err(|_| vm.value_error("embedded null byte"))?);
    }
    let (argp, envp) = (c_array(&argv), c_array(&envs));
    // SAFETY: as in execv; both arrays are NULL-terminated and their strings live.
    unsafe { libc::execve(cpath.as_ptr(), argp.as_ptr(), envp.as_ptr()) };
    let e = std::io::Error::last_os_error();
    Err(io_error(vm, &e, p.obj))
}

/// `ttyname(fd)`: the path of the terminal open on `fd`.
fn ttyname_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "posix.ttyname", 1, 1)?;
    let fd = crate::number::index_c_int(vm, a[0])?;
    let mut buf = [0u8; 4096];
    // SAFETY: `buf` is writable for its whole length, which is passed.
    let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr().cast(), buf.len()) };
    if r != 0 {
        let e = std::io::Error::from_raw_os_error(r);
        return Err(crate::exceptions::os_error_from_io(vm, &e, None));
    }
    let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    let name = OsStr::from_bytes(&buf[..n]);
    Ok(name_value(vm, name, false))
}

/// `setsid()`: a new session led by this process.
fn setsid_fn(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "posix.setsid", 0, 0)?;
    // SAFETY: no arguments.
    if unsafe { libc::setsid() } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(vm.none)
}

macro_rules! id_fn {
    ($f:ident, $c:ident, $name:expr) => {
        fn $f(vm: &mut Vm, args: Args) -> PyResult {
            args.exact(vm, $name, 0, 0)?;
            // SAFETY: no arguments; cannot fail.
            Ok(Value::small(unsafe { $c() } as i64))
        }
    };
}
id_fn!(getuid_fn, getuid, "posix.getuid");
id_fn!(geteuid_fn, geteuid, "posix.geteuid");
id_fn!(getgid_fn, getgid, "posix.getgid");
id_fn!(getegid_fn, getegid, "posix.getegid");

fn kill_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "kill", 2, 2)?;
    let (pid, sig) = (fd_arg(vm, a[0])?, fd_arg(vm, a[1])?);
    // SAFETY: plain integer arguments.
    if unsafe { kill(pid, sig) } != 0 {
        return Err(last_error(vm, None));
    }
    crate::signals::check(vm)?;
    Ok(vm.none)
}

fn exit_fn(vm: &mut Vm, args: Args) -> PyResult {
    let [code] = args.bind(vm, "_exit", ["status"], 1, 0)?;
    let code = fd_arg(vm, code)?;
    // SAFETY: ends the process at once, without cleanup, as os._exit does.
    unsafe { _exit(code) }
}

fn umask_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "umask", 1, 1)?;
    let m = fd_arg(vm, a[0])?;
    // SAFETY: plain integer argument; cannot fail.
    Ok(Value::small(unsafe { umask(m as c_uint) } as i64))
}

fn uname_fn(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "posix.uname", 0, 0)?;
    let mut u = Utsname { fields: [[0; 65]; 6] };
    // SAFETY: `u` has the size and layout of Linux's `struct utsname`.
    if unsafe { uname(&mut u) } != 0 {
        return Err(last_error(vm, None));
    }
    let list = crate::list::new_list(vm, vec![]);
    let _pin = crate::gc::pin(list);
    for f in &u.fields[..5] {
        let bytes: Vec<u8> = f.iter().take_while(|c| **c != 0).map(|c| *c as u8).collect();
        let v = crate::str::new_str(vm, String::from_utf8_lossy(&bytes).into_owned());
        crate::list::lobj(list).items.borrow_mut().push(v);
    }
    let vals = crate::list::lobj(list).items.borrow().clone();
    super::structseq::new(vm, ty(2), &vals)
}

fn times_fn(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "posix.times", 0, 0)?;
    let mut t = Tms { utime: 0, stime: 0, cutime: 0, cstime: 0 };
    // SAFETY: `t` has the layout of `struct tms`; sysconf takes an int.
    let (elapsed, tick) = unsafe { (times(&mut t), sysconf(SC_CLK_TCK)) };
    if elapsed == -1 {
        return Err(last_error(vm, None));
    }
    let tick = tick.max(1) as f64;
    let list = crate::list::new_list(vm, vec![]);
    let _pin = crate::gc::pin(list);
    for x in [t.utime, t.stime, t.cutime, t.cstime, elapsed] {
        let v = crate::float::new_float(vm, x as f64 / tick);
        crate::list::lobj(list).items.borrow_mut().push(v);
    }
    let vals = crate::list::lobj(list).items.borrow().clone();
    super::structseq::new(vm, ty(3), &vals)
}

fn cpu_count(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "posix.cpu_count", 0, 0)?;
    // SAFETY: sysconf takes an int.
    let n = unsafe { sysconf(SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 { vm.none } else { Value::small(n as i64) })
}

fn waitstatus_to_exitcode(vm: &mut Vm, args: Args) -> PyResult {
    let [status] = args.bind(vm, "waitstatus_to_exitcode", ["status"], 1, 0)?;
    let s = fd_arg(vm, status)?;
    if s & 0x7f == 0 {
        return Ok(Value::small(((s >> 8) & 0xff) as i64));
    }
    if ((s & 0x7f) + 1) as i8 >> 1 > 0 {
        return Ok(Value::small(-((s & 0x7f) as i64)));
    }
    if s & 0xff == 0x7f {
        return Err(vm.value_error(format!("process stopped by delivery of signal {}", (s >> 8) & 0xff)));
    }
    Err(vm.value_error(format!("invalid wait status: {s}")))
}

macro_rules! wait_macro {
    ($f:ident, $name:expr, |$s:ident| $e:expr, $ret:ident) => {
        fn $f(vm: &mut Vm, args: Args) -> PyResult {
            let [status] = args.bind(vm, $name, ["status"], 1, 0)?;
            let $s = fd_arg(vm, status)?;
            wait_macro!(@ret vm, $ret, $e)
        }
    };
    (@ret $vm:ident, bool, $e:expr) => { Ok($vm.bool($e)) };
    (@ret $vm:ident, int, $e:expr) => { Ok(Value::small($e as i64)) };
}
wait_macro!(w_ifexited, "WIFEXITED", |s| s & 0x7f == 0, bool);
wait_macro!(w_exitstatus, "WEXITSTATUS", |s| (s >> 8) & 0xff, int);
wait_macro!(w_ifsignaled, "WIFSIGNALED", |s| ((s & 0x7f) + 1) as i8 >> 1 > 0, bool);
wait_macro!(w_termsig, "WTERMSIG", |s| s & 0x7f, int);
wait_macro!(w_ifstopped, "WIFSTOPPED", |s| s & 0xff == 0x7f, bool);
wait_macro!(w_stopsig, "WSTOPSIG", |s| (s >> 8) & 0xff, int);

fn urandom(vm: &mut Vm, args: Args) -> PyResult {
    let [n] = args.bind(vm, "urandom", ["size"], 1, 0)?;
    let n = crate::number::index_i64(vm, n)?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    use std::io::Read;
    let mut buf = vec![0u8; n as usize];
    let r = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf));
    r.map_err(|e| crate::exceptions::os_error_from_io(vm, &e, None))?;
    Ok(crate::bytes::new_bytes(vm, buf))
}

fn strerror_fn(vm: &mut Vm, args: Args) -> PyResult {
    let [code] = args.bind(vm, "strerror", ["code"], 1, 0)?;
    let code = fd_arg(vm, code)?;
    let s = std::io::Error::from_raw_os_error(code).to_string();
    let s = match s.rfind(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    };
    Ok(crate::str::new_str(vm, s))
}

// ---- environment ------------------------------------------------------------------------------

/// An environment name or value: str (encoded as UTF-8), bytes or os.PathLike.
fn env_arg(vm: &mut Vm, func: &str, v: Value) -> PyResult<Vec<u8>> {
    let p = fspath_value(vm, v)?;
    let b = match p {
        Some(p) => match crate::str::as_str(p) {
            Some(_) if crate::str::has_surrogates(p) => crate::codecs::encode_utf8(vm, p, "surrogateescape")?,
            Some(s) => s.as_bytes().to_vec(),
            None => crate::bytes::as_bytes(p).unwrap_or_default(),
        },
        None => {
            let m = format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(v));
            return Err(vm.type_error(m));
        }
    };
    if b.contains(&0) {
        let _ = func;
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(b)
}

fn putenv(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "putenv", 2, 2)?;
    let name = env_arg(vm, "putenv", a[0])?;
    let value = env_arg(vm, "putenv", a[1])?;
    if name.is_empty() || name.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::set_var(OsStr::from_bytes(&name), OsStr::from_bytes(&value));
    Ok(vm.none)
}

fn unsetenv(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "unsetenv", 1, 1)?;
    let name = env_arg(vm, "unsetenv", a[0])?;
    if name.is_empty() || name.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::remove_var(OsStr::from_bytes(&name));
    Ok(vm.none)
}

/// `posix.environ`: the process environment at startup, bytes to bytes.
fn environ(vm: &mut Vm) -> PyResult {
    let d = crate::dict::new_dict(vm);
    for (k, v) in std::env::vars_os() {
        let kv = crate::bytes::new_bytes(vm, k.into_vec());
        let _pin = crate::gc::pin(kv);
        let vv = crate::bytes::new_bytes(vm, v.into_vec());
        crate::dict::set_item(vm, d, kv, vv)?;
    }
    Ok(d)
}

// ---- the module -------------------------------------------------------------------------------

/// The O_*, SEEK_*, access and wait constants (Linux values).
const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", 0), ("R_OK", 4), ("W_OK", 2), ("X_OK", 1),
    ("O_RDONLY", 0), ("O_WRONLY", 1), ("O_RDWR", 2), ("O_ACCMODE", 3), ("O_CREAT", 0o100), ("O_EXCL", 0o200),
    ("O_NOCTTY", 0o400), ("O_TRUNC", 0o1000), ("O_APPEND", 0o2000), ("O_NONBLOCK", 0o4000), ("O_NDELAY", 0o4000),
    ("O_DSYNC", 0o10000), ("O_SYNC", 0o4010000), ("O_RSYNC", 0o4010000), ("O_ASYNC", 0o20000),
    ("O_DIRECT", 0o40000), ("O_LARGEFILE", 0), ("O_DIRECTORY", 0o200000), ("O_NOFOLLOW", 0o400000),
    ("O_NOATIME", 0o1000000), ("O_CLOEXEC", 0o2000000), ("O_PATH", 0o10000000), ("O_TMPFILE", 0o20200000),
    ("SEEK_SET", 0), ("SEEK_CUR", 1), ("SEEK_END", 2), ("SEEK_DATA", 3), ("SEEK_HOLE", 4),
    ("WNOHANG", 1), ("WUNTRACED", 2), ("WCONTINUED", 8), ("EX_OK", 0),
    ("F_LOCK", 1), ("F_TLOCK", 2), ("F_ULOCK", 0), ("F_TEST", 3),
];

/// What os.py may rely on (HAVE_* names): only what this module really supports.
/// `dir_fd` is not supported, nor fd arguments except for stat and truncate.
const HAVE_FUNCTIONS: &[&str] = &["HAVE_FTRUNCATE", "HAVE_FCHOWN"];

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(
        vm,
        m,
        &[
            ("stat", stat), ("lstat", lstat), ("fstat", fstat), ("fspath", fspath),
            ("getcwd", getcwd), ("getcwdb", getcwdb), ("chdir", chdir), ("listdir", listdir), ("scandir", scandir),
            ("mkdir", mkdir), ("mkfifo", mkfifo), ("rmdir", rmdir), ("remove", remove), ("unlink", unlink),
            ("rename", rename), ("replace", replace), ("readlink", readlink), ("symlink", symlink), ("link", link),
            ("chmod", chmod), ("chown", chown_fn), ("lchown", lchown_fn), ("fchown", fchown_fn), ("access", access_fn), ("utime", utime), ("truncate", truncate), ("ftruncate", ftruncate_fn),
            ("open", open_fn), ("close", close_fn), ("closerange", closerange), ("read", read_fn), ("write", write_fn),
            ("lseek", lseek_fn), ("fsync", fsync_fn), ("isatty", isatty_fn), ("pipe", pipe_fn), ("openpty", openpty_fn), ("fork", fork_fn), ("register_at_fork", register_at_fork), ("get_blocking", get_blocking_fn), ("set_blocking", set_blocking_fn), ("dup", dup_fn),
            ("dup2", dup2_fn), ("get_inheritable", get_inheritable), ("set_inheritable", set_inheritable),
            ("get_terminal_size", get_terminal_size), ("device_encoding", device_encoding),
            ("getpid", getpid), ("getppid", getppid_fn), ("setsid", setsid_fn), ("execv", execv_fn), ("execve", execve_fn), ("ttyname", ttyname_fn), ("getuid", getuid_fn), ("geteuid", geteuid_fn),
            ("getgid", getgid_fn), ("getegid", getegid_fn), ("kill", kill_fn), ("waitpid", waitpid_fn), ("system", system_fn), ("_exit", exit_fn), ("umask", umask_fn),
            ("uname", uname_fn), ("times", times_fn), ("cpu_count", cpu_count),
            ("waitstatus_to_exitcode", waitstatus_to_exitcode), ("WIFEXITED", w_ifexited),
            ("WEXITSTATUS", w_exitstatus), ("WIFSIGNALED", w_ifsignaled), ("WTERMSIG", w_termsig),
            ("WIFSTOPPED", w_ifstopped), ("WSTOPSIG", w_stopsig),
            ("urandom", urandom), ("strerror", strerror_fn), ("putenv", putenv), ("unsetenv", unsetenv),
        ],
    )?;
    super::add_int_constants(vm, m, CONSTANTS)?;
    let err = vm.e.os_error;
    super::set_attr(vm, m, "error", err)?;
    let env = environ(vm)?;
    super::set_attr(vm, m, "environ", env)?;
    let have = crate::list::new_list(vm, vec![]);
    super::set_attr(vm, m, "_have_functions", have)?;
    for h in HAVE_FUNCTIONS {
        let v = crate::str::alloc_str(vm, h);
        crate::list::lobj(have).items.borrow_mut().push(v);
    }
    let existing = TYPES.with(|t| t.get());
    let types = if existing[0].is_null() { make_types(vm)? } else { existing };
    let names = ["stat_result", "terminal_size", "uname_result", "times_result", "DirEntry"];
    for (n, t) in names.iter().zip(types) {
        super::set_attr(vm, m, n, t)?;
    }
    Ok(())
}

fn make_types(vm: &mut Vm) -> PyResult<[Value; 6]> {
    use crate::typeobj::{add_getter, add_method, add_static, new_static_type, set_attr_raw};
    use super::structseq::make_type;
    let st = make_type(
        vm,
        &STAT_SPEC,
        &[g_mode, g_ino, g_dev, g_nlink, g_uid, g_gid, g_size, g_atime, g_mtime, g_ctime, g_atime_ns, g_mtime_ns, g_ctime_ns, g_blksize, g_blocks, g_rdev],
    )?;
    let ts = make_type(vm, &TERMINAL_SPEC, &[g_columns, g_lines])?;
    let un = make_type(vm, &UNAME_SPEC, &[g_sysname, g_nodename, g_release, g_version, g_machine])?;
    let tm = make_type(vm, &TIMES_SPEC, &[g_user, g_system, g_cuser, g_csystem, g_elapsed])?;
    let obj = vm.t.object;
    let de = new_static_type(vm, "DirEntry", obj, 0);
    vm.extra_roots.push(de);
    let posix = vm.intern("posix");
    set_attr_raw(vm, de, "__module__", posix)?;
    add_static(vm, de, "__new__", de_new);
    add_getter(vm, de, "name", de_name);
    add_getter(vm, de, "path", de_path);
    add_method(vm, de, "__fspath__", de_fspath);
    add_method(vm, de, "__repr__", de_repr);
    add_method(vm, de, "stat", de_stat);
    add_method(vm, de, "is_dir", de_is_dir);
    add_method(vm, de, "is_file", de_is_file);
    add_method(vm, de, "is_symlink", de_is_symlink);
    add_method(vm, de, "inode", de_inode);
    let ga = crate::typeobj::lookup_str(vm, vm.t.list, "__class_getitem__");
    if let Some(ga) = ga {
        set_attr_raw(vm, de, "__class_getitem__", ga)?;
    }
    let it = new_static_type(vm, "ScandirIterator", obj, 0);
    vm.extra_roots.push(it);
    set_attr_raw(vm, it, "__module__", posix)?;
    add_method(vm, it, "__iter__", scandir_iter);
    add_method(vm, it, "__next__", scandir_next);
    add_method(vm, it, "__enter__", scandir_iter);
    add_method(vm, it, "__exit__", scandir_exit);
    add_method(vm, it, "close", scandir_close);
    let types = [st, ts, un, tm, de, it];
    TYPES.with(|t| t.set(types));
    Ok(types)
}
