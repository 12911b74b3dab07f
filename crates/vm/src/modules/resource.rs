//! The `resource` module: resource limits (getrlimit, setrlimit, prlimit),
//! resource usage (getrusage, `struct_rusage`), the page size, and Linux's
//! RLIMIT_*/RUSAGE_* constants. `resource.error` is OSError.

use super::structseq::{self, Spec};
use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

thread_local! {
    static RUSAGE_TYPE: Cell<Value> = const { Cell::new(Value::NULL) };
}

/// The number of resource kinds (RLIM_NLIMITS): valid resources are below it.
const NLIMITS: i32 = 16;

const CONSTANTS: &[(&str, i64)] = &[
    ("RLIMIT_AS", 9), ("RLIMIT_CORE", 4), ("RLIMIT_CPU", 0), ("RLIMIT_DATA", 2), ("RLIMIT_FSIZE", 1),
    ("RLIMIT_MEMLOCK", 8), ("RLIMIT_MSGQUEUE", 12), ("RLIMIT_NICE", 13), ("RLIMIT_NOFILE", 7),
    ("RLIMIT_NPROC", 6), ("RLIMIT_OFILE", 7), ("RLIMIT_RSS", 5), ("RLIMIT_RTPRIO", 14),
    ("RLIMIT_RTTIME", 15), ("RLIMIT_SIGPENDING", 11), ("RLIMIT_STACK", 3), ("RLIM_INFINITY", -1),
    ("RUSAGE_CHILDREN", -1), ("RUSAGE_SELF", 0), ("RUSAGE_THREAD", 1),
];

static RUSAGE_SPEC: Spec = Spec {
    name: "resource.struct_rusage",
    module: "resource",
    fields: &[
        "ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt",
        "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
    ],
    n_seq: 16,
    copy_if_none: &[],
};

crate::structseq_getters!(
    g_utime => "ru_utime", g_stime => "ru_stime", g_maxrss => "ru_maxrss", g_ixrss => "ru_ixrss",
    g_idrss => "ru_idrss", g_isrss => "ru_isrss", g_minflt => "ru_minflt", g_majflt => "ru_majflt",
    g_nswap => "ru_nswap", g_inblock => "ru_inblock", g_oublock => "ru_oublock", g_msgsnd => "ru_msgsnd",
    g_msgrcv => "ru_msgrcv", g_nsignals => "ru_nsignals", g_nvcsw => "ru_nvcsw", g_nivcsw => "ru_nivcsw",
);

fn last_os_error(vm: &mut Vm) -> PyErr {
    crate::exceptions::os_error_from_io(vm, &std::io::Error::last_os_error(), None)
}

/// A resource argument: a C int below RLIM_NLIMITS.
fn resource_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let r = crate::number::index_c_int(vm, v)?;
    if !(0..NLIMITS).contains(&r) {
        return Err(vm.value_error("invalid resource specified"));
    }
    Ok(r)
}

/// A limit as Python sees it: rlim_t read as signed (RLIM_INFINITY is -1).
fn limits_value(vm: &mut Vm, l: &libc::rlimit) -> Value {
    let soft = crate::int::from_i64(vm, l.rlim_cur as i64);
    let hard = crate::int::from_i64(vm, l.rlim_max as i64);
    crate::tuple::new_tuple(vm, vec![soft, hard])
}

/// A (soft, hard) argument: any iterable of two ints (PyLong_AsLong each).
fn limits_arg(vm: &mut Vm, v: Value) -> PyResult<libc::rlimit> {
    let t = crate::tuple::from_iterable(vm, v)?;
    let _pin = crate::gc::pin(t);
    let items = crate::tuple::items(t).to_vec();
    if items.len() != 2 {
        return Err(vm.value_error("expected a tuple of 2 integers"));
    }
    let mut out = [0u64; 2];
    for (o, &item) in out.iter_mut().zip(&items) {
        let n = crate::number::index(vm, item)?;
        let b = crate::int::to_bigint(vm, n).unwrap_or_default();
        let Some(i) = num_traits::ToPrimitive::to_i64(&b) else {
            return Err(vm.overflow_error("Python int too large to convert to C long"));
        };
        *o = i as u64;
    }
    Ok(libc::rlimit { rlim_cur: out[0], rlim_max: out[1] })
}

/// The ValueErrors CPython makes of setrlimit's EINVAL and EPERM.
fn set_error(vm: &mut Vm) -> PyErr {
    match std::io::Error::last_os_error().raw_os_error() {
        Some(libc::EINVAL) => vm.value_error("current limit exceeds maximum limit"),
        Some(libc::EPERM) => vm.value_error("not allowed to raise maximum limit"),
        _ => last_os_error(vm),
    }
}

fn getrlimit(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "resource.getrlimit", 1, 1)?;
    let r = resource_arg(vm, a[0])?;
    let mut l = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: `l` is a valid rlimit structure to fill.
    if unsafe { libc::getrlimit(r as libc::__rlimit_resource_t, &mut l) } != 0 {
        return Err(last_os_error(vm));
    }
    Ok(limits_value(vm, &l))
}

fn setrlimit(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "resource.setrlimit")?;
    let a = args.exact(vm, "setrlimit", 2, 2)?;
    let r = resource_arg(vm, a[0])?;
    let l = limits_arg(vm, a[1])?;
    // SAFETY: `l` is a valid rlimit structure.
    if unsafe { libc::setrlimit(r as libc::__rlimit_resource_t, &l) } != 0 {
        return Err(set_error(vm));
    }
    Ok(vm.none)
}

/// `prlimit(pid, resource[, limits])`: the limits of process `pid` (0: this
/// one) before setting them to `limits`, if given.
fn prlimit(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "resource.prlimit")?;
    // Argument Clinic's wording for an optional group.
    let a = args.pos();
    if !(2..=3).contains(&a.len()) {
        return Err(vm.type_error("resource.prlimit requires 2 to 3 arguments"));
    }
    let pid = crate::number::index_c_int(vm, a[0])?;
    let r = resource_arg(vm, a[1])?;
    let new = match a.get(2) {
        Some(&v) => Some(limits_arg(vm, v)?),
        None => None,
    };
    let mut old = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    let newp = new.as_ref().map_or(std::ptr::null(), |l| l as *const libc::rlimit);
    // SAFETY: `newp` is NULL or points at `new`; `old` is a valid rlimit to fill.
    if unsafe { libc::prlimit(pid, r as libc::__rlimit_resource_t, newp, &mut old) } != 0 {
        return Err(if new.is_some() { set_error(vm) } else { last_os_error(vm) });
    }
    Ok(limits_value(vm, &old))
}

fn seconds(t: libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 * 1e-6
}

/// `getrusage(who)`: a `struct_rusage` of RUSAGE_SELF, RUSAGE_CHILDREN or
/// RUSAGE_THREAD.
fn getrusage(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "resource.getrusage", 1, 1)?;
    let who = crate::number::index_c_int(vm, a[0])?;
    // SAFETY: an all-zero rusage is a valid value to fill.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid rusage structure.
    if unsafe { libc::getrusage(who, &mut u) } != 0 {
        if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINVAL) {
            return Err(vm.value_error("invalid who parameter"));
        }
        return Err(last_os_error(vm));
    }
    let buf = crate::list::ValueBuf::new(vm);
    for t in [u.ru_utime, u.ru_stime] {
        let f = crate::float::new_float(vm, seconds(t));
        buf.push(f);
    }
    for n in [
        u.ru_maxrss, u.ru_ixrss, u.ru_idrss, u.ru_isrss, u.ru_minflt, u.ru_majflt, u.ru_nswap, u.ru_inblock,
        u.ru_oublock, u.ru_msgsnd, u.ru_msgrcv, u.ru_nsignals, u.ru_nvcsw, u.ru_nivcsw,
    ] {
        let v = crate::int::from_i64(vm, n);
        buf.push(v);
    }
    let t = buf.into_tuple(vm);
    let ty = RUSAGE_TYPE.with(|c| c.get());
    structseq::new(vm, ty, crate::tuple::items(t))
}

fn getpagesize(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "resource.getpagesize", 0, 0)?;
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    Ok(crate::int::from_i64(vm, n as i64))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let ty = structseq::make_type(vm, &RUSAGE_SPEC, &[
        g_utime, g_stime, g_maxrss, g_ixrss, g_idrss, g_isrss, g_minflt, g_majflt, g_nswap, g_inblock,
        g_oublock, g_msgsnd, g_msgrcv, g_nsignals, g_nvcsw, g_nivcsw,
    ])?;
    RUSAGE_TYPE.with(|c| c.set(ty));
    super::set_attr(vm, m, "struct_rusage", ty)?;
    let err = vm.e.os_error;
    super::set_attr(vm, m, "error", err)?;
    super::add_functions(vm, m, &[
        ("getrlimit", getrlimit),
        ("setrlimit", setrlimit),
        ("prlimit", prlimit),
        ("getrusage", getrusage),
        ("getpagesize", getpagesize),
    ])?;
    super::add_int_constants(vm, m, CONSTANTS)?;
    Ok(())
}
