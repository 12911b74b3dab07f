//! The `pwd` and `grp` modules: the password and group databases (through
//! glibc's reentrant lookups, so NSS sources count as in CPython).

use super::structseq::{self, Spec};
use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;
use std::ffi::{c_char, CStr, CString, OsStr};
use std::os::unix::ffi::OsStrExt;

thread_local! {
    static PASSWD_TYPE: Cell<Value> = const { Cell::new(Value::NULL) };
    static GROUP_TYPE: Cell<Value> = const { Cell::new(Value::NULL) };
}

static PASSWD_SPEC: Spec = Spec {
    name: "pwd.struct_passwd",
    module: "pwd",
    fields: &["pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"],
    n_seq: 7,
    copy_if_none: &[],
};

static GROUP_SPEC: Spec = Spec {
    name: "grp.struct_group",
    module: "grp",
    fields: &["gr_name", "gr_passwd", "gr_gid", "gr_mem"],
    n_seq: 4,
    copy_if_none: &[],
};

crate::structseq_getters!(
    g_pw_name => "pw_name", g_pw_passwd => "pw_passwd", g_pw_uid => "pw_uid", g_pw_gid => "pw_gid",
    g_pw_gecos => "pw_gecos", g_pw_dir => "pw_dir", g_pw_shell => "pw_shell",
    g_gr_name => "gr_name", g_gr_passwd => "gr_passwd", g_gr_gid => "gr_gid", g_gr_mem => "gr_mem",
);

/// A C string of the database as a str (file-system decoding, surrogateescape).
fn text(vm: &mut Vm, p: *const c_char) -> Value {
    if p.is_null() {
        return vm.none;
    }
    // SAFETY: a non-NULL field of an entry the C library just filled.
    let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
    super::posix::name_value(vm, OsStr::from_bytes(bytes), false)
}

/// A uid or gid argument as CPython's `_Py_Uid_Converter` reads it: -1 is
/// allowed (the all-ones id), other negatives and truncated values are "less
/// than minimum", values past 64 bits "greater than maximum".
fn id_arg(vm: &mut Vm, v: Value, kind: &str) -> PyResult<u32> {
    if !crate::number::has_index(vm, v) {
        let m = format!("{kind} should be integer, not {}", vm.type_name(v));
        return Err(vm.type_error(m));
    }
    let n = crate::number::index(vm, v)?;
    let b = crate::int::to_bigint(vm, n).unwrap_or_default();
    match num_traits::ToPrimitive::to_i64(&b) {
        Some(-1) => Ok(u32::MAX),
        Some(i) => u32::try_from(i).map_err(|_| vm.overflow_error(format!("{kind} is less than minimum"))),
        None if b.sign() == num_bigint::Sign::Minus => Err(vm.overflow_error(format!("{kind} is less than minimum"))),
        None => Err(vm.overflow_error(format!("{kind} is greater than maximum"))),
    }
}

/// A name argument: a str without NUL, encoded for the C library.
fn name_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<CString> {
    if crate::str::as_str(v).is_none() {
        let m = format!("{what} must be str, not {}", vm.type_name(v));
        return Err(vm.type_error(m));
    }
    let b = super::posix::fs_encode(vm, v)?;
    CString::new(b).map_err(|_| vm.value_error("embedded null byte"))
}

/// KeyError with `msg` as its argument.
fn not_found(vm: &mut Vm, msg: String) -> crate::object::PyErr {
    let m = crate::str::new_str(vm, msg);
    vm.key_error(m)
}

/// Runs a reentrant lookup (`getpwuid_r`-like: entry, buffer, length, result),
/// growing the buffer while it is too small; the entry, or None when absent.
fn lookup<T>(vm: &mut Vm, mut call: impl FnMut(*mut T, *mut c_char, usize, *mut *mut T) -> i32) -> PyResult<Option<(T, Vec<u8>)>> {
    let mut size = 1024;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: an all-zero passwd/group structure is a valid value to fill.
        let mut entry: T = unsafe { std::mem::zeroed() };
        let mut result: *mut T = std::ptr::null_mut();
        let r = call(&mut entry, buf.as_mut_ptr().cast(), buf.len(), &mut result);
        if r == libc::ERANGE && size < 1 << 24 {
            size *= 4;
            continue;
        }
        if r != 0 && r != libc::ENOENT && r != libc::ESRCH {
            let e = std::io::Error::from_raw_os_error(r);
            return Err(crate::exceptions::os_error_from_io(vm, &e, None));
        }
        // The entry's strings point into `buf`, returned with it.
        return Ok(if result.is_null() { None } else { Some((entry, buf)) });
    }
}

fn passwd_value(vm: &mut Vm, p: &libc::passwd) -> PyResult {
    let buf = crate::list::ValueBuf::new(vm);
    for s in [p.pw_name, p.pw_passwd] {
        let v = text(vm, s);
        buf.push(v);
    }
    buf.push(Value::small(p.pw_uid as i64));
    buf.push(Value::small(p.pw_gid as i64));
    for s in [p.pw_gecos, p.pw_dir, p.pw_shell] {
        let v = text(vm, s);
        buf.push(v);
    }
    let t = buf.into_tuple(vm);
    let ty = PASSWD_TYPE.with(|c| c.get());
    structseq::new(vm, ty, crate::tuple::items(t))
}

fn group_value(vm: &mut Vm, g: &libc::group) -> PyResult {
    let members = crate::list::new_list(vm, vec![]);
    let _pin = crate::gc::pin(members);
    let mut i = 0;
    loop {
        // SAFETY: gr_mem is a NULL-terminated array filled by the C library.
        let p = unsafe { *g.gr_mem.add(i) };
        if p.is_null() {
            break;
        }
        let v = text(vm, p);
        crate::list::lobj(members).items.borrow_mut().push(v);
        i += 1;
    }
    let buf = crate::list::ValueBuf::new(vm);
    for s in [g.gr_name, g.gr_passwd] {
        let v = text(vm, s);
        buf.push(v);
    }
    buf.push(Value::small(g.gr_gid as i64));
    buf.push(members);
    let t = buf.into_tuple(vm);
    let ty = GROUP_TYPE.with(|c| c.get());
    structseq::new(vm, ty, crate::tuple::items(t))
}

/// `getpwuid(uid)`.
fn getpwuid(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "pwd.getpwuid", 1, 1)?;
    let uid = match id_arg(vm, a[0], "uid") {
        Ok(u) => u,
        Err(e) if crate::exceptions::matches(vm, e, vm.e.overflow_error) => {
            return Err(not_found(vm, "getpwuid(): uid not found".into()));
        }
        Err(e) => return Err(e),
    };
    // SAFETY: the pointers are valid for the call, as `lookup` provides them.
    match lookup(vm, |e, b, n, r| unsafe { libc::getpwuid_r(uid, e, b, n, r) })? {
        Some((p, _buf)) => passwd_value(vm, &p),
        None => {
            let s = crate::ops::str_string(vm, a[0])?;
            Err(not_found(vm, format!("getpwuid(): uid not found: {s}")))
        }
    }
}

/// `getpwnam(name)`.
fn getpwnam(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "pwd.getpwnam", 1, 1)?;
    let name = name_arg(vm, a[0], "getpwnam() argument")?;
    // SAFETY: as in getpwuid; `name` lives through the call.
    match lookup(vm, |e, b, n, r| unsafe { libc::getpwnam_r(name.as_ptr(), e, b, n, r) })? {
        Some((p, _buf)) => passwd_value(vm, &p),
        None => {
            let s = crate::ops::repr_string(vm, a[0])?;
            Err(not_found(vm, format!("getpwnam(): name not found: {s}")))
        }
    }
}

/// Every entry of a database, in its order: `rewind` (setpwent), `next`
/// (getpwent, NULL at the end) and `done` (endpwent) of the C library, each
/// entry converted before the next call reuses its storage.
fn all_entries<T>(vm: &mut Vm, rewind: unsafe extern "C" fn(), next: unsafe extern "C" fn() -> *mut T,
                  done: unsafe extern "C" fn(), convert: fn(&mut Vm, &T) -> PyResult) -> PyResult {
    let out = crate::list::new_list(vm, vec![]);
    let _pin = crate::gc::pin(out);
    // SAFETY: the enumeration functions of the C library, used from this thread only.
    unsafe { rewind() };
    let r = loop {
        // SAFETY: as above.
        let p = unsafe { next() };
        if p.is_null() {
            break Ok(out);
        }
        // SAFETY: a non-NULL entry stays valid until the next call.
        match convert(vm, unsafe { &*p }) {
            Ok(v) => crate::list::lobj(out).items.borrow_mut().push(v),
            Err(e) => break Err(e),
        }
    };
    // SAFETY: ends the enumeration started above.
    unsafe { done() };
    r
}

/// `getpwall()`: every entry, in the database's order.
fn getpwall(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "pwd.getpwall", 0, 0)?;
    all_entries(vm, libc::setpwent, libc::getpwent, libc::endpwent, passwd_value)
}

/// `getgrgid(id)`.
fn getgrgid(vm: &mut Vm, args: Args) -> PyResult {
    let [id] = args.bind(vm, "getgrgid", ["id"], 1, 0)?;
    let gid = id_arg(vm, id, "gid")?;
    // SAFETY: the pointers are valid for the call, as `lookup` provides them.
    match lookup(vm, |e, b, n, r| unsafe { libc::getgrgid_r(gid, e, b, n, r) })? {
        Some((g, _buf)) => group_value(vm, &g),
        None => {
            let s = crate::ops::str_string(vm, id)?;
            Err(not_found(vm, format!("getgrgid(): gid not found: {s}")))
        }
    }
}

/// `getgrnam(name)`.
fn getgrnam(vm: &mut Vm, args: Args) -> PyResult {
    let [name_v] = args.bind(vm, "getgrnam", ["name"], 1, 0)?;
    let name = name_arg(vm, name_v, "getgrnam() argument 'name'")?;
    // SAFETY: as in getgrgid; `name` lives through the call.
    match lookup(vm, |e, b, n, r| unsafe { libc::getgrnam_r(name.as_ptr(), e, b, n, r) })? {
        Some((g, _buf)) => group_value(vm, &g),
        None => {
            let s = crate::ops::repr_string(vm, name_v)?;
            Err(not_found(vm, format!("getgrnam(): name not found: {s}")))
        }
    }
}

/// `getgrall()`: every group, in the database's order.
fn getgrall(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "grp.getgrall", 0, 0)?;
    all_entries(vm, libc::setgrent, libc::getgrent, libc::endgrent, group_value)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let ty = structseq::make_type(vm, &PASSWD_SPEC, &[g_pw_name, g_pw_passwd, g_pw_uid, g_pw_gid, g_pw_gecos, g_pw_dir, g_pw_shell])?;
    PASSWD_TYPE.with(|c| c.set(ty));
    super::set_attr(vm, m, "struct_passwd", ty)?;
    super::add_functions(vm, m, &[("getpwuid", getpwuid), ("getpwnam", getpwnam), ("getpwall", getpwall)])
}

pub fn init_grp(vm: &mut Vm, m: Value) -> PyResult<()> {
    let ty = structseq::make_type(vm, &GROUP_SPEC, &[g_gr_name, g_gr_passwd, g_gr_gid, g_gr_mem])?;
    GROUP_TYPE.with(|c| c.set(ty));
    super::set_attr(vm, m, "struct_group", ty)?;
    super::add_functions(vm, m, &[("getgrgid", getgrgid), ("getgrnam", getgrnam), ("getgrall", getgrall)])
}
