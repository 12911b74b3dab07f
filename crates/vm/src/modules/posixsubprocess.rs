//! `_posixsubprocess.fork_exec`, which `subprocess.Popen` starts children with
//! (CPython's Modules/_posixsubprocess.c): fork, set up the standard descriptors,
//! directory, session, ids and umask in the child, close the other descriptors and
//! exec. A failure in the child is written to `errpipe_write` as
//! `OSError:<hex errno>:` (`noexec` after it when exec was never reached) for the
//! parent to raise.

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::ffi::{c_char, c_int, c_uint, CString};

extern "C" {
    fn fork() -> c_int;
    fn execv(path: *const c_char, argv: *const *const c_char) -> c_int;
    fn execve(path: *const c_char, argv: *const *const c_char, envp: *const *const c_char) -> c_int;
    fn chdir(path: *const c_char) -> c_int;
    fn umask(mask: c_uint) -> c_uint;
    fn setsid() -> c_int;
    fn setpgid(pid: c_int, pgid: c_int) -> c_int;
    fn setgroups(n: usize, groups: *const c_uint) -> c_int;
    fn setregid(rgid: c_uint, egid: c_uint) -> c_int;
    fn setreuid(ruid: c_uint, euid: c_uint) -> c_int;
    fn dup(fd: c_int) -> c_int;
    fn dup2(fd: c_int, fd2: c_int) -> c_int;
    fn close(fd: c_int) -> c_int;
    fn close_range(first: c_uint, last: c_uint, flags: c_int) -> c_int;
    fn fcntl(fd: c_int, cmd: c_int, ...) -> c_int;
    fn write(fd: c_int, buf: *const u8, n: usize) -> isize;
    fn signal(sig: c_int, handler: usize) -> usize;
    fn _exit(code: c_int) -> !;
    fn __errno_location() -> *mut c_int;
}

const F_GETFD: c_int = 1;
const F_SETFD: c_int = 2;
const FD_CLOEXEC: c_int = 1;
const SIGPIPE: c_int = 13;
const SIGXFSZ: c_int = 25;
const SIG_DFL: usize = 0;

/// The child's settings, converted before the fork (the child allocates nothing).
struct Plan {
    argv: Vec<CString>,
    exes: Vec<CString>,
    env: Option<Vec<CString>>,
    cwd: Option<CString>,
    close_fds: bool,
    keep: Vec<c_int>,
    p2c: (c_int, c_int),
    c2p: (c_int, c_int),
    err: (c_int, c_int),
    errpipe: (c_int, c_int),
    restore_signals: bool,
    setsid: bool,
    pgid: i64,
    gid: Option<c_uint>,
    groups: Option<Vec<c_uint>>,
    uid: Option<c_uint>,
    umask: i64,
}

fn errno() -> c_int {
    // SAFETY: errno is this thread's own variable.
    unsafe { *__errno_location() }
}

fn set_inheritable(fd: c_int, inheritable: bool) -> bool {
    // SAFETY: fcntl on a descriptor number; an invalid one only fails.
    unsafe {
        let flags = fcntl(fd, F_GETFD);
        if flags < 0 {
            return false;
        }
        let new = if inheritable { flags & !FD_CLOEXEC } else { flags | FD_CLOEXEC };
        new == flags || fcntl(fd, F_SETFD, new) >= 0
    }
}

/// Makes `fd` the standard descriptor `target` (inheritable either way).
fn install(fd: c_int, target: c_int) -> bool {
    if fd == target {
        return set_inheritable(fd, true);
    }
    // SAFETY: dup2 on descriptor numbers; failure is reported by the result.
    fd == -1 || unsafe { dup2(fd, target) } >= 0
}

/// Closes every descriptor from 3 up except those in `keep` (sorted).
fn close_open_fds(keep: &[c_int]) {
    let mut start: c_uint = 3;
    for &k in keep {
        if k < 3 {
            continue;
        }
        let k = k as c_uint;
        if k > start {
            // SAFETY: closing descriptor numbers of this (child) process.
            unsafe { close_range(start, k - 1, 0) };
        }
        start = k + 1;
    }
    // SAFETY: as above.
    unsafe { close_range(start, c_uint::MAX, 0) };
}

/// Writes the error report for the parent and exits.
fn report_and_exit(errpipe: c_int, err: c_int, noexec: bool) -> ! {
    let mut msg = [0u8; 32];
    let mut n = 0;
    for b in b"OSError:" {
        msg[n] = *b;
        n += 1;
    }
    let mut digits = [0u8; 8];
    let (mut e, mut k) = (err as u32, 0);
    while e != 0 && k < digits.len() {
        digits[k] = b"0123456789ABCDEF"[(e % 16) as usize];
        e /= 16;
        k += 1;
    }
    for i in (0..k).rev() {
        msg[n] = digits[i];
        n += 1;
    }
    msg[n] = b':';
    n += 1;
    if noexec {
        for b in b"noexec" {
            msg[n] = *b;
            n += 1;
        }
    }
    // SAFETY: writing our own buffer, then leaving the child process.
    unsafe {
        write(errpipe, msg.as_ptr(), n);
        _exit(255)
    }
}

fn ptrs(v: &[CString]) -> Vec<*const c_char> {
    let mut p: Vec<*const c_char> = v.iter().map(|s| s.as_ptr()).collect();
    p.push(std::ptr::null());
    p
}

/// The child's side: never returns.
fn child(vm: &mut Vm, plan: &Plan, argv: &[*const c_char], envp: Option<&[*const c_char]>, preexec: Value) -> ! {
    let errpipe = plan.errpipe.1;
    for &fd in &plan.keep {
        if fd != errpipe {
            set_inheritable(fd, true);
        }
    }
    // SAFETY: closing the parent's ends of the pipes in the child.
    unsafe {
        for fd in [plan.p2c.1, plan.c2p.0, plan.err.0, plan.errpipe.0] {
            if fd != -1 {
                close(fd);
            }
        }
    }
    let (p2cread, mut c2pwrite, mut errwrite) = (plan.p2c.0, plan.c2p.1, plan.err.1);
    // A descriptor that dup2 would overwrite first is moved out of the way.
    // SAFETY: dup of descriptor numbers.
    unsafe {
        if c2pwrite == 0 {
            c2pwrite = dup(c2pwrite);
            set_inheritable(c2pwrite, false);
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = dup(errwrite);
            set_inheritable(errwrite, false);
        }
    }
    if !install(p2cread, 0) || !install(c2pwrite, 1) || !install(errwrite, 2) {
        report_and_exit(errpipe, errno(), true);
    }
    // SAFETY: process-setup calls of the child on its own state.
    unsafe {
        if let Some(cwd) = &plan.cwd {
            if chdir(cwd.as_ptr()) < 0 {
                report_and_exit(errpipe, errno(), true);
            }
        }
        if plan.umask >= 0 {
            umask(plan.umask as c_uint);
        }
        if plan.restore_signals {
            signal(SIGPIPE, SIG_DFL);
            signal(SIGXFSZ, SIG_DFL);
        }
        if plan.setsid && setsid() < 0 {
            report_and_exit(errpipe, errno(), true);
        }
        if plan.pgid >= 0 && setpgid(0, plan.pgid as c_int) < 0 {
            report_and_exit(errpipe, errno(), true);
        }
        if let Some(g) = &plan.groups {
            if setgroups(g.len(), g.as_ptr()) < 0 {
                report_and_exit(errpipe, errno(), true);
            }
        }
        if let Some(gid) = plan.gid {
            if setregid(gid, gid) < 0 {
                report_and_exit(errpipe, errno(), true);
            }
        }
        if let Some(uid) = plan.uid {
            if setreuid(uid, uid) < 0 {
                report_and_exit(errpipe, errno(), true);
            }
        }
    }
    if preexec != vm.none && crate::call::call(vm, preexec, &[]).is_err() {
        let msg = b"SubprocessError:0:Exception occurred in preexec_fn.";
        // SAFETY: writing our own buffer, then leaving the child process.
        unsafe {
            write(errpipe, msg.as_ptr(), msg.len());
            _exit(255)
        }
    }
    if plan.close_fds {
        close_open_fds(&plan.keep);
    }
    let mut saved = 0;
    for exe in &plan.exes {
        // SAFETY: NUL-terminated strings and NULL-terminated pointer arrays built
        // before the fork.
        unsafe {
            match envp {
                Some(e) => execve(exe.as_ptr(), argv.as_ptr(), e.as_ptr()),
                None => execv(exe.as_ptr(), argv.as_ptr()),
            };
        }
        let e = errno();
        if e != 2 && e != 20 && saved == 0 {
            saved = e; // neither ENOENT nor ENOTDIR: the error to report
        }
    }
    report_and_exit(errpipe, if saved != 0 { saved } else { errno() }, false)
}

fn fs_bytes(vm: &mut Vm, v: Value) -> PyResult<CString> {
    let b = crate::modules::posix::fs_encode(vm, v)?;
    CString::new(b).map_err(|_| vm.value_error("embedded null byte"))
}

fn fs_list(vm: &mut Vm, v: Value, what: &str) -> PyResult<Vec<CString>> {
    let l = crate::list::seq_fast(vm, v, &format!("{what} must be a sequence"))?;
    let _pin = crate::gc::pin(l);
    let items = crate::list::lobj(l).items.borrow().clone();
    items.into_iter().map(|o| fs_bytes(vm, o)).collect()
}

fn int_or(vm: &mut Vm, v: Value) -> PyResult<c_int> {
    let n = crate::number::index_i64(vm, v)?;
    c_int::try_from(n).map_err(|_| vm.overflow_error("signed integer is greater than maximum"))
}

fn id_arg(vm: &mut Vm, v: Value) -> PyResult<Option<c_uint>> {
    if v == vm.none {
        return Ok(None);
    }
    let n = crate::number::index_i64(vm, v)?;
    c_uint::try_from(n).map(Some).map_err(|_| vm.overflow_error("id out of range"))
}

fn fork_exec(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "fork_exec", 23, 23)?;
    let close_fds = crate::ops::truthy(vm, a[2])?;
    let keep_t = a[3];
    if !crate::tuple::is_tuple(keep_t) {
        return Err(vm.type_error("pass_fds must be a tuple"));
    }
    let mut keep = Vec::new();
    for &k in crate::tuple::items(keep_t) {
        match crate::int::as_i64(k) {
            Some(n) if n >= 0 && n <= i64::from(c_int::MAX) && keep.last().map_or(true, |l| i64::from(*l) < n) => keep.push(n as c_int),
            _ => return Err(vm.value_error("bad value(s) in fds_to_keep")),
        }
    }
    let fd = |vm: &mut Vm, i: usize| int_or(vm, a[i]);
    let (p2c, c2p, err, errpipe) = ((fd(vm, 6)?, fd(vm, 7)?), (fd(vm, 8)?, fd(vm, 9)?), (fd(vm, 10)?, fd(vm, 11)?), (fd(vm, 12)?, fd(vm, 13)?));
    if close_fds && errpipe.1 < 3 {
        return Err(vm.value_error("errpipe_write must be >= 3"));
    }
    let argv = if a[0] == vm.none { Vec::new() } else { fs_list(vm, a[0], "args")? };
    let exes = fs_list(vm, a[1], "executable_list")?;
    let env = if a[5] == vm.none { None } else { Some(fs_list(vm, a[5], "env")?) };
    let cwd = if a[4] == vm.none { None } else { Some(fs_bytes(vm, a[4])?) };
    let groups = if a[18] == vm.none {
        None
    } else {
        let l = crate::list::seq_fast(vm, a[18], "extra_groups must be a list")?;
        let items = crate::list::lobj(l).items.borrow().clone();
        let mut g = Vec::new();
        for v in items {
            g.push(id_arg(vm, v)?.unwrap_or(0));
        }
        Some(g)
    };
    let plan = Plan {
        argv,
        exes,
        env,
        cwd,
        close_fds,
        keep,
        p2c,
        c2p,
        err,
        errpipe,
        restore_signals: crate::ops::truthy(vm, a[14])?,
        setsid: crate::ops::truthy(vm, a[15])?,
        pgid: crate::number::index_i64(vm, a[16])?,
        gid: id_arg(vm, a[17])?,
        groups,
        uid: id_arg(vm, a[19])?,
        umask: crate::number::index_i64(vm, a[20])?,
    };
    let preexec = a[21];
    let argv = ptrs(&plan.argv);
    let envp = plan.env.as_ref().map(|e| ptrs(e));
    // SAFETY: fork; the child only runs `child`, which ends in exec or _exit.
    let pid = unsafe { fork() };
    if pid == 0 {
        child(vm, &plan, &argv, envp.as_deref(), preexec);
    }
    if pid < 0 {
        let e = std::io::Error::last_os_error();
        return Err(crate::exceptions::os_error_from_io(vm, &e, None));
    }
    Ok(crate::int::from_i64(vm, i64::from(pid)))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(vm, m, &[("fork_exec", fork_exec)])
}
