//! The `syslog` module: the system logger (openlog, syslog, closelog,
//! setlogmask, LOG_MASK/LOG_UPTO) and Linux's priority and facility constants.

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::ffi::CString;
use std::sync::Mutex;

const CONSTANTS: &[(&str, i64)] = &[
    ("LOG_ALERT", 1), ("LOG_AUTH", 32), ("LOG_AUTHPRIV", 80), ("LOG_CONS", 2), ("LOG_CRIT", 2),
    ("LOG_CRON", 72), ("LOG_DAEMON", 24), ("LOG_DEBUG", 7), ("LOG_EMERG", 0), ("LOG_ERR", 3),
    ("LOG_INFO", 6), ("LOG_KERN", 0), ("LOG_LOCAL0", 128), ("LOG_LOCAL1", 136), ("LOG_LOCAL2", 144),
    ("LOG_LOCAL3", 152), ("LOG_LOCAL4", 160), ("LOG_LOCAL5", 168), ("LOG_LOCAL6", 176),
    ("LOG_LOCAL7", 184), ("LOG_LPR", 48), ("LOG_MAIL", 16), ("LOG_NDELAY", 8), ("LOG_NEWS", 56),
    ("LOG_NOTICE", 5), ("LOG_NOWAIT", 16), ("LOG_ODELAY", 4), ("LOG_PERROR", 32), ("LOG_PID", 1),
    ("LOG_SYSLOG", 40), ("LOG_USER", 8), ("LOG_UUCP", 64), ("LOG_WARNING", 4),
];

/// The identity given to openlog(3), which keeps the pointer: it lives here
/// until the next openlog or closelog. `Some` also means the log is open.
static IDENT: Mutex<Option<CString>> = Mutex::new(None);

/// The default identity: the last component of sys.argv[0], if any.
fn default_ident(vm: &mut Vm) -> PyResult<Option<Value>> {
    let Ok(argv) = crate::sys::sys_attr(vm, "argv") else { return Ok(None) };
    let Some(l) = argv.downcast::<crate::list::ListObj>() else { return Ok(None) };
    let first = l.items.borrow().first().copied();
    let Some(s) = first.and_then(crate::str::as_str) else { return Ok(None) };
    let base = s.rsplit('/').next().unwrap_or(s).to_string();
    Ok(Some(crate::str::new_str(vm, base)))
}

fn open(vm: &mut Vm, ident: Option<Value>, option: i32, facility: i32) -> PyResult<()> {
    let ident = match ident {
        Some(v) => Some(v),
        None => default_ident(vm)?,
    };
    let c = match ident {
        Some(v) => {
            let mut b = crate::codecs::encode_utf8(vm, v, "strict")?;
            // The C string ends at the first NUL, as PyUnicode_AsUTF8's would.
            b.truncate(b.iter().position(|&x| x == 0).unwrap_or(b.len()));
            Some(CString::new(b).unwrap_or_default())
        }
        None => None,
    };
    let mut slot = IDENT.lock().unwrap_or_else(|e| e.into_inner());
    let ptr = c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: `ptr` is NULL or a C string kept in IDENT until the next
    // openlog/closelog, as openlog(3) requires.
    unsafe { libc::openlog(ptr, option, facility) };
    *slot = Some(c.unwrap_or_default());
    Ok(())
}

/// `openlog(ident=None, logoption=0, facility=LOG_USER)`.
fn openlog(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos().len() > 3 {
        return Err(vm.type_error(format!("openlog() takes at most 3 arguments ({} given)", args.pos().len())));
    }
    let [ident, option, facility] = args.bind(vm, "openlog", ["ident", "logoption", "facility"], 0, 0)?;
    let ident = if ident.is_null() {
        None
    } else if crate::str::as_str(ident).is_none() {
        let m = format!("openlog() argument 1 must be str, not {}", vm.type_name(ident));
        return Err(vm.type_error(m));
    } else {
        Some(ident)
    };
    let option = if option.is_null() { 0 } else { crate::number::index_c_int(vm, option)? };
    let facility = if facility.is_null() { libc::LOG_USER } else { crate::number::index_c_int(vm, facility)? };
    open(vm, ident, option, facility)?;
    Ok(vm.none)
}

/// `syslog([priority,] message)`: opens the log with the defaults first if
/// `openlog` was not called.
fn syslog(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "syslog", 0, 2).map_err(|_| vm.type_error("[priority,] message string"))?;
    let (priority, message) = match a {
        [m] => (libc::LOG_INFO, *m),
        [p, m] if crate::int::is_int(vm, *p) => {
            let p = crate::number::index_c_int(vm, *p)?;
            (p, *m)
        }
        _ => return Err(vm.type_error("[priority,] message string")),
    };
    if crate::str::as_str(message).is_none() {
        return Err(vm.type_error("[priority,] message string"));
    }
    let mut msg = crate::codecs::encode_utf8(vm, message, "strict")?;
    msg.truncate(msg.iter().position(|&x| x == 0).unwrap_or(msg.len()));
    let msg = CString::new(msg).unwrap_or_default();
    let is_open = IDENT.lock().unwrap_or_else(|e| e.into_inner()).is_some();
    if !is_open {
        open(vm, None, 0, libc::LOG_USER)?;
    }
    // SAFETY: a constant "%s" format with one C string argument.
    unsafe { libc::syslog(priority, c"%s".as_ptr(), msg.as_ptr()) };
    Ok(vm.none)
}

fn closelog(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "syslog.closelog", 0, 0)?;
    let mut slot = IDENT.lock().unwrap_or_else(|e| e.into_inner());
    if slot.is_some() {
        // SAFETY: closelog has no preconditions; the identity is dropped after.
        unsafe { libc::closelog() };
        *slot = None;
    }
    Ok(vm.none)
}

/// `setlogmask(mask)`: the previous mask (0 leaves it unchanged).
fn setlogmask(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "syslog.setlogmask", 1, 1)?;
    let mask = crate::number::index_c_int(vm, a[0])?;
    // SAFETY: a plain integer argument.
    let old = unsafe { libc::setlogmask(mask) };
    Ok(Value::small(old as i64))
}

fn priority_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<i64> {
    let a = args.pos();
    if a.len() != 1 || args.has_kw() {
        return Err(vm.type_error(format!("{name}() takes exactly 1 argument ({} given)", a.len())));
    }
    crate::number::index_i64(vm, a[0])
}

/// `LOG_MASK(pri)`: the mask bit of one priority.
fn log_mask(vm: &mut Vm, args: Args) -> PyResult {
    let p = priority_arg(vm, &args, "LOG_MASK")?;
    Ok(crate::int::from_i64(vm, 1i64.wrapping_shl(p as u32)))
}

/// `LOG_UPTO(pri)`: the mask of every priority up to `pri`.
fn log_upto(vm: &mut Vm, args: Args) -> PyResult {
    let p = priority_arg(vm, &args, "LOG_UPTO")?;
    Ok(crate::int::from_i64(vm, 1i64.wrapping_shl((p + 1) as u32).wrapping_sub(1)))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(vm, m, &[
        ("openlog", openlog),
        ("syslog", syslog),
        ("closelog", closelog),
        ("setlogmask", setlogmask),
        ("LOG_MASK", log_mask),
        ("LOG_UPTO", log_upto),
    ])?;
    super::add_int_constants(vm, m, CONSTANTS)?;
    Ok(())
}
