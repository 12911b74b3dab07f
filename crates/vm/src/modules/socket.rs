//! The `_socket` module behind `socket` (CPython's Modules/socketmodule.c): the
//! `socket` type over a descriptor for AF_INET, AF_INET6 and AF_UNIX, with
//! CPython's timeout model (a socket with a timeout keeps its descriptor
//! non-blocking and waits with poll(2) before each operation), `getaddrinfo`,
//! `gethostname`, the `inet_*` conversions and the constants `socket.py` and
//! `asyncio` use.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyErr, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;
use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::time::{Duration, Instant};

extern "C" {
    fn socket(domain: c_int, ty: c_int, proto: c_int) -> c_int;
    fn socketpair(domain: c_int, ty: c_int, proto: c_int, sv: *mut c_int) -> c_int;
    fn bind(fd: c_int, addr: *const u8, len: u32) -> c_int;
    fn listen(fd: c_int, backlog: c_int) -> c_int;
    fn accept4(fd: c_int, addr: *mut u8, len: *mut u32, flags: c_int) -> c_int;
    fn connect(fd: c_int, addr: *const u8, len: u32) -> c_int;
    fn send(fd: c_int, buf: *const u8, n: usize, flags: c_int) -> isize;
    fn sendto(fd: c_int, buf: *const u8, n: usize, flags: c_int, addr: *const u8, len: u32) -> isize;
    fn recvfrom(fd: c_int, buf: *mut u8, n: usize, flags: c_int, addr: *mut u8, len: *mut u32) -> isize;
    fn shutdown(fd: c_int, how: c_int) -> c_int;
    fn setsockopt(fd: c_int, level: c_int, opt: c_int, val: *const c_void, len: u32) -> c_int;
    fn getsockopt(fd: c_int, level: c_int, opt: c_int, val: *mut c_void, len: *mut u32) -> c_int;
    fn getsockname(fd: c_int, addr: *mut u8, len: *mut u32) -> c_int;
    fn getpeername(fd: c_int, addr: *mut u8, len: *mut u32) -> c_int;
    fn close(fd: c_int) -> c_int;
    fn fcntl(fd: c_int, cmd: c_int, ...) -> c_int;
    fn gethostname(name: *mut c_char, len: usize) -> c_int;
    fn getaddrinfo(node: *const c_char, service: *const c_char, hints: *const AddrInfo, res: *mut *mut AddrInfo) -> c_int;
    fn freeaddrinfo(res: *mut AddrInfo);
    fn gai_strerror(code: c_int) -> *const c_char;
    fn inet_pton(af: c_int, src: *const c_char, dst: *mut u8) -> c_int;
    fn inet_ntop(af: c_int, src: *const u8, dst: *mut c_char, size: u32) -> *const c_char;
}

#[repr(C)]
struct AddrInfo {
    ai_flags: c_int,
    ai_family: c_int,
    ai_socktype: c_int,
    ai_protocol: c_int,
    ai_addrlen: u32,
    ai_addr: *const u8,
    ai_canonname: *const c_char,
    ai_next: *mut AddrInfo,
}

const AF_UNSPEC: i64 = 0;
const AF_UNIX: i64 = 1;
const AF_INET: i64 = 2;
const AF_INET6: i64 = 10;
const SOCK_STREAM: i64 = 1;
const SOCK_NONBLOCK: i64 = 0o4000;
const SOCK_CLOEXEC: i64 = 0o2000000;
const SOL_SOCKET: c_int = 1;
const SO_ERROR: c_int = 4;
const SO_TYPE: c_int = 3;
const SO_PROTOCOL: c_int = 38;
const SO_DOMAIN: c_int = 39;
const EINTR: i32 = 4;
const EAGAIN: i32 = 11;
const EINPROGRESS: i32 = 115;
const ECONNRESET: i32 = 104;
const POLLIN: i16 = 1;
const POLLOUT: i16 = 4;
const F_GETFL: c_int = 3;
const F_SETFL: c_int = 4;
const O_NONBLOCK: c_int = 0o4000;

const CONSTANTS: &[(&str, i64)] = &[
    ("AF_UNSPEC", AF_UNSPEC), ("AF_UNIX", AF_UNIX), ("AF_INET", AF_INET), ("AF_INET6", AF_INET6),
    ("SOCK_STREAM", SOCK_STREAM), ("SOCK_DGRAM", 2), ("SOCK_RAW", 3), ("SOCK_RDM", 4), ("SOCK_SEQPACKET", 5),
    ("SOCK_NONBLOCK", SOCK_NONBLOCK), ("SOCK_CLOEXEC", SOCK_CLOEXEC),
    ("SOL_SOCKET", 1), ("SO_DEBUG", 1), ("SO_REUSEADDR", 2), ("SO_TYPE", 3), ("SO_ERROR", 4),
    ("SO_DONTROUTE", 5), ("SO_BROADCAST", 6), ("SO_SNDBUF", 7), ("SO_RCVBUF", 8), ("SO_KEEPALIVE", 9),
    ("SO_OOBINLINE", 10), ("SO_LINGER", 13), ("SO_REUSEPORT", 15), ("SO_RCVLOWAT", 18), ("SO_SNDLOWAT", 19),
    ("SO_RCVTIMEO", 20), ("SO_SNDTIMEO", 21), ("SO_ACCEPTCONN", 30), ("SO_PROTOCOL", 38), ("SO_DOMAIN", 39),
    ("SOMAXCONN", 4096), ("SOL_IP", 0), ("SOL_TCP", 6), ("SOL_UDP", 17),
    ("IPPROTO_IP", 0), ("IPPROTO_ICMP", 1), ("IPPROTO_TCP", 6), ("IPPROTO_UDP", 17), ("IPPROTO_IPV6", 41),
    ("IPPROTO_RAW", 255), ("IPPROTO_ICMPV6", 58),
    ("IP_TOS", 1), ("IP_TTL", 2), ("IP_MULTICAST_TTL", 33), ("IP_MULTICAST_LOOP", 34),
    ("IP_ADD_MEMBERSHIP", 35), ("IP_DROP_MEMBERSHIP", 36), ("IPV6_V6ONLY", 26), ("IPV6_JOIN_GROUP", 20),
    ("IPV6_LEAVE_GROUP", 21), ("IPV6_MULTICAST_HOPS", 18), ("IPV6_MULTICAST_LOOP", 19), ("IPV6_UNICAST_HOPS", 16),
    ("TCP_NODELAY", 1), ("TCP_MAXSEG", 2), ("TCP_KEEPIDLE", 4), ("TCP_KEEPINTVL", 5), ("TCP_KEEPCNT", 6),
    ("MSG_OOB", 1), ("MSG_PEEK", 2), ("MSG_DONTROUTE", 4), ("MSG_CTRUNC", 8), ("MSG_TRUNC", 0x20),
    ("MSG_DONTWAIT", 0x40), ("MSG_EOR", 0x80), ("MSG_WAITALL", 0x100), ("MSG_NOSIGNAL", 0x4000),
    ("SHUT_RD", 0), ("SHUT_WR", 1), ("SHUT_RDWR", 2),
    ("AI_PASSIVE", 1), ("AI_CANONNAME", 2), ("AI_NUMERICHOST", 4), ("AI_V4MAPPED", 8), ("AI_ALL", 0x10),
    ("AI_ADDRCONFIG", 0x20), ("AI_NUMERICSERV", 0x400),
    ("NI_NUMERICHOST", 1), ("NI_NUMERICSERV", 2), ("NI_NOFQDN", 4), ("NI_NAMEREQD", 8), ("NI_DGRAM", 16),
    ("NI_MAXHOST", 1025), ("NI_MAXSERV", 32),
    ("EAI_BADFLAGS", -1), ("EAI_NONAME", -2), ("EAI_AGAIN", -3), ("EAI_FAIL", -4), ("EAI_FAMILY", -6),
    ("EAI_SOCKTYPE", -7), ("EAI_SERVICE", -8), ("EAI_MEMORY", -10), ("EAI_SYSTEM", -11), ("EAI_OVERFLOW", -12),
    ("EAI_NODATA", -5), ("EAI_ADDRFAMILY", -9),
    ("INADDR_ANY", 0), ("INADDR_BROADCAST", 0xffffffff), ("INADDR_LOOPBACK", 0x7f000001), ("INADDR_NONE", 0xffffffff),
];

pub struct SockObj {
    fd: Cell<i64>,
    family: Cell<i64>,
    ty: Cell<i64>,
    proto: Cell<i64>,
    /// Seconds; negative for none (blocking).
    timeout: Cell<f64>,
}
impl Trace for SockObj {
    fn trace(&self, _t: &mut Tracer) {}
}
impl Drop for SockObj {
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd >= 0 {
            // SAFETY: the socket owns its descriptor; nothing else closes it.
            unsafe { close(fd as c_int) };
        }
    }
}
payload!(SockObj, "socket");

thread_local! {
    /// socket, gaierror, herror.
    static TYPES: Cell<[Value; 3]> = const { Cell::new([Value::NULL; 3]) };
    /// `getdefaulttimeout()`, negative for None.
    static DEFAULT_TIMEOUT: Cell<f64> = const { Cell::new(-1.0) };
}

fn types() -> [Value; 3] {
    TYPES.with(|c| c.get())
}

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static SockObj> {
    match v.downcast::<SockObj>() {
        Some(s) => Ok(s),
        None => Err(vm.type_error("descriptor requires a '_socket.socket' object")),
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn os_err(vm: &mut Vm, e: i32) -> PyErr {
    crate::exceptions::os_error_from_io(vm, &std::io::Error::from_raw_os_error(e), None)
}

fn os_error_msg(vm: &mut Vm, msg: impl AsRef<str>) -> PyErr {
    let t = vm.e.os_error;
    vm.new_exc(t, msg.as_ref())
}

fn timed_out(vm: &mut Vm) -> PyErr {
    let t = vm.e.timeout_error;
    vm.new_exc(t, "timed out")
}

fn set_nonblocking(fd: c_int, nonblocking: bool) {
    // SAFETY: fcntl on the socket's own descriptor.
    unsafe {
        let fl = fcntl(fd, F_GETFL);
        if fl >= 0 {
            fcntl(fd, F_SETFL, if nonblocking { fl | O_NONBLOCK } else { fl & !O_NONBLOCK });
        }
    }
}

fn open_fd(vm: &mut Vm, s: &SockObj) -> PyResult<c_int> {
    let fd = s.fd.get();
    if fd < 0 {
        return Err(os_err(vm, 9));
    }
    Ok(fd as c_int)
}

/// Runs one socket call CPython's way (`sock_call_ex`): with a timeout, wait for
/// readiness first (TimeoutError when it does not come); EINTR runs the signal
/// handlers and retries; EAGAIN on a socket with a timeout waits again.
fn sock_call<T>(vm: &mut Vm, s: &SockObj, events: i16, mut op: impl FnMut(c_int) -> Result<T, i32>) -> PyResult<T> {
    let fd = open_fd(vm, s)?;
    let timeout = s.timeout.get();
    let deadline = (timeout > 0.0).then(|| Instant::now() + Duration::from_secs_f64(timeout));
    loop {
        if let Some(d) = deadline {
            if !super::select::wait_fd(vm, fd, events, d)? {
                return Err(timed_out(vm));
            }
        }
        match op(fd) {
            Ok(v) => return Ok(v),
            Err(EINTR) => crate::signals::check(vm)?,
            Err(EAGAIN) if deadline.is_some() => {}
            Err(e) => return Err(os_err(vm, e)),
        }
    }
}

// ---- addresses ---------------------------------------------------------------------

/// A socket address in its C form.
struct SockAddr {
    buf: [u8; 128],
    len: u32,
}

impl SockAddr {
    fn new() -> SockAddr {
        SockAddr { buf: [0; 128], len: 128 }
    }
}

fn ip_from_text(vm: &mut Vm, host: &str, family: c_int) -> PyResult<Vec<u8>> {
    let n = if family == AF_INET as c_int { 4 } else { 16 };
    if family == AF_INET as c_int {
        if host.is_empty() {
            return Ok(vec![0; 4]);
        }
        if host == "<broadcast>" {
            return Ok(vec![255; 4]);
        }
    } else if host.is_empty() {
        return Ok(vec![0; 16]);
    }
    let c = CString::new(host).map_err(|_| vm.type_error("host name must not contain null character"))?;
    let mut out = vec![0u8; n];
    // SAFETY: `out` has room for the address of `family`.
    if unsafe { inet_pton(family, c.as_ptr(), out.as_mut_ptr()) } == 1 {
        return Ok(out);
    }
    // A name: the first address getaddrinfo gives for the family.
    let list = resolve(vm, Some(host), None, family, 0, 0, 0)?;
    match list.into_iter().next() {
        Some((_, _, _, _, addr)) => {
            let off = if family == AF_INET as c_int { 4 } else { 8 };
            Ok(addr[off..off + n].to_vec())
        }
        None => Err(gai_error(vm, -2)),
    }
}

fn ip_to_text(family: c_int, raw: &[u8]) -> String {
    let mut out = [0 as c_char; 64];
    // SAFETY: `raw` holds an address of `family`; `out` has room for its text.
    let p = unsafe { inet_ntop(family, raw.as_ptr(), out.as_mut_ptr(), out.len() as u32) };
    if p.is_null() {
        return String::new();
    }
    // SAFETY: inet_ntop wrote a NUL-terminated string into `out`.
    unsafe { CStr::from_ptr(out.as_ptr()) }.to_string_lossy().into_owned()
}

fn port_arg(vm: &mut Vm, v: Value, caller: &str) -> PyResult<u16> {
    if !crate::int::is_int(vm, v) {
        let m = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
        return Err(vm.type_error(m));
    }
    let p = crate::number::index_i64(vm, v)?;
    u16::try_from(p).map_err(|_| vm.overflow_error(format!("{caller}(): port must be 0-65535.")))
}

fn host_arg(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(s) = crate::str::as_str(v) {
        return Ok(s.to_string());
    }
    if let Some(b) = crate::bytes::as_bytes_opt(v) {
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    let m = format!("str, bytes or bytearray expected, not {}", vm.type_name(v));
    Err(vm.type_error(m))
}

/// `getsockaddrarg`: a Python address for `family` in C form.
fn sockaddr_arg(vm: &mut Vm, family: i64, addr: Value, caller: &str) -> PyResult<SockAddr> {
    let mut sa = SockAddr::new();
    match family {
        AF_UNIX => {
            let path = match crate::modules::posix::fspath_value(vm, addr)? {
                Some(p) if crate::str::as_str(p).is_some() => crate::modules::posix::fs_encode(vm, p)?,
                Some(p) => crate::bytes::as_bytes_opt(p).unwrap_or_default(),
                None => {
                    let m = format!("{caller}(): AF_UNIX address must be str or bytes, not {}", vm.type_name(addr));
                    return Err(vm.type_error(m));
                }
            };
            if path.len() > 107 {
                return Err(os_error_msg(vm, "AF_UNIX path too long"));
            }
            sa.buf[..2].copy_from_slice(&(AF_UNIX as u16).to_ne_bytes());
            sa.buf[2..2 + path.len()].copy_from_slice(&path);
            sa.len = 2 + path.len() as u32 + u32::from(path.first().is_some_and(|b| *b != 0));
        }
        AF_INET | AF_INET6 => {
            let v6 = family == AF_INET6;
            let items = match crate::tuple::is_tuple(addr) {
                true => crate::tuple::items(addr).to_vec(),
                false => {
                    let fam = if v6 { "AF_INET6" } else { "AF_INET" };
                    let m = format!("{caller}(): {fam} address must be tuple, not {}", vm.type_name(addr));
                    return Err(vm.type_error(m));
                }
            };
            let ok_len = if v6 { (2..=4).contains(&items.len()) } else { items.len() == 2 };
            if !ok_len {
                let m = if v6 {
                    format!("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])")
                } else {
                    format!("AF_INET address must be a pair (host, port)")
                };
                return Err(vm.type_error(m));
            }
            let host = host_arg(vm, items[0])?;
            let port = port_arg(vm, items[1], caller)?;
            let ip = ip_from_text(vm, &host, family as c_int)?;
            sa.buf[..2].copy_from_slice(&(family as u16).to_ne_bytes());
            sa.buf[2..4].copy_from_slice(&port.to_be_bytes());
            if v6 {
                let flow = match items.get(2) { Some(&f) => crate::number::index_i64(vm, f)?, None => 0 };
                let scope = match items.get(3) { Some(&s) => crate::number::index_i64(vm, s)?, None => 0 };
                let flow = u32::try_from(flow).map_err(|_| vm.overflow_error("flowinfo must be 0-1048575."))?;
                sa.buf[4..8].copy_from_slice(&flow.to_be_bytes());
                sa.buf[8..24].copy_from_slice(&ip);
                sa.buf[24..28].copy_from_slice(&(scope as u32).to_ne_bytes());
                sa.len = 28;
            } else {
                sa.buf[4..8].copy_from_slice(&ip);
                sa.len = 16;
            }
        }
        _ => return Err(os_error_msg(vm, format!("{caller}(): bad family"))),
    }
    Ok(sa)
}

/// `makesockaddr`: a C address as Python sees it.
fn sockaddr_value(vm: &mut Vm, raw: &[u8]) -> PyResult {
    if raw.len() < 2 {
        return Ok(vm.none);
    }
    let family = i64::from(u16::from_ne_bytes([raw[0], raw[1]]));
    match family {
        AF_INET if raw.len() >= 8 => {
            let host = ip_to_text(AF_INET as c_int, &raw[4..8]);
            let h = crate::str::new_str(vm, host);
            let p = Value::small(i64::from(u16::from_be_bytes([raw[2], raw[3]])));
            Ok(crate::tuple::new_tuple(vm, vec![h, p]))
        }
        AF_INET6 if raw.len() >= 28 => {
            let host = ip_to_text(AF_INET6 as c_int, &raw[8..24]);
            let h = crate::str::new_str(vm, host);
            let p = Value::small(i64::from(u16::from_be_bytes([raw[2], raw[3]])));
            let flow = Value::small(i64::from(u32::from_be_bytes([raw[4], raw[5], raw[6], raw[7]])));
            let scope = Value::small(i64::from(u32::from_ne_bytes([raw[24], raw[25], raw[26], raw[27]])));
            Ok(crate::tuple::new_tuple(vm, vec![h, p, flow, scope]))
        }
        AF_UNIX => {
            let path = &raw[2..];
            if path.first() == Some(&0) {
                return Ok(crate::bytes::new_bytes(vm, path.to_vec()));
            }
            let end = path.iter().position(|b| *b == 0).unwrap_or(path.len());
            let name = String::from_utf8_lossy(&path[..end]).into_owned();
            Ok(crate::str::new_str(vm, name))
        }
        _ => {
            let f = Value::small(family);
            let b = crate::bytes::new_bytes(vm, raw[2..].to_vec());
            Ok(crate::tuple::new_tuple(vm, vec![f, b]))
        }
    }
}

// ---- name resolution ---------------------------------------------------------------

fn gai_error(vm: &mut Vm, code: c_int) -> PyErr {
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let msg = unsafe { CStr::from_ptr(gai_strerror(code)) }.to_string_lossy().into_owned();
    let cls = types()[1];
    let m = crate::str::new_str(vm, msg);
    match crate::call::call(vm, cls, &[Value::small(i64::from(code)), m]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

type Resolved = (i64, i64, i64, String, Vec<u8>);

/// getaddrinfo(3): (family, type, proto, canonname, C address) per result.
fn resolve(vm: &mut Vm, host: Option<&str>, port: Option<&str>, family: c_int, ty: c_int, proto: c_int, flags: c_int) -> PyResult<Vec<Resolved>> {
    let h = host.map(CString::new).transpose().map_err(|_| vm.type_error("host name must not contain null character"))?;
    let p = port.map(CString::new).transpose().map_err(|_| vm.type_error("port must not contain null character"))?;
    let hints = AddrInfo {
        ai_flags: flags,
        ai_family: family,
        ai_socktype: ty,
        ai_protocol: proto,
        ai_addrlen: 0,
        ai_addr: std::ptr::null(),
        ai_canonname: std::ptr::null(),
        ai_next: std::ptr::null_mut(),
    };
    let mut res: *mut AddrInfo = std::ptr::null_mut();
    // SAFETY: valid C strings (or NULL), hints and result pointer.
    let code = unsafe {
        getaddrinfo(h.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()), p.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()), &hints, &mut res)
    };
    if code != 0 {
        return Err(gai_error(vm, code));
    }
    let mut out = Vec::new();
    let mut cur = res;
    while !cur.is_null() {
        // SAFETY: `cur` walks the list getaddrinfo returned, freed below.
        let ai = unsafe { &*cur };
        let canon = if ai.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a NUL-terminated string of the result.
            unsafe { CStr::from_ptr(ai.ai_canonname) }.to_string_lossy().into_owned()
        };
        // SAFETY: ai_addr points to ai_addrlen bytes.
        let addr = unsafe { std::slice::from_raw_parts(ai.ai_addr, ai.ai_addrlen as usize) }.to_vec();
        out.push((i64::from(ai.ai_family), i64::from(ai.ai_socktype), i64::from(ai.ai_protocol), canon, addr));
        cur = ai.ai_next;
    }
    // SAFETY: the list getaddrinfo allocated, freed once.
    unsafe { freeaddrinfo(res) };
    Ok(out)
}

fn opt_int(vm: &mut Vm, v: Value) -> PyResult<c_int> {
    if v.is_null() {
        return Ok(0);
    }
    let n = crate::number::index_i64(vm, v)?;
    c_int::try_from(n).map_err(|_| vm.overflow_error("signed integer is greater than maximum"))
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`.
fn getaddrinfo_fn(vm: &mut Vm, args: Args) -> PyResult {
    let [host, port, family, ty, proto, flags] =
        args.bind(vm, "getaddrinfo", ["host", "port", "family", "type", "proto", "flags"], 2, 0)?;
    let host = if host == vm.none {
        None
    } else if let Some(s) = crate::str::as_str(host) {
        Some(s.to_string())
    } else if let Some(b) = crate::bytes::as_bytes_opt(host) {
        Some(String::from_utf8_lossy(&b).into_owned())
    } else {
        return Err(vm.type_error("getaddrinfo() argument 1 must be string or None"));
    };
    let port = if port == vm.none {
        None
    } else if crate::int::is_int(vm, port) {
        Some(crate::number::index_i64(vm, port)?.to_string())
    } else if let Some(s) = crate::str::as_str(port) {
        Some(s.to_string())
    } else if let Some(b) = crate::bytes::as_bytes_opt(port) {
        Some(String::from_utf8_lossy(&b).into_owned())
    } else {
        return Err(os_error_msg(vm, "Int or String expected"));
    };
    let (f, t, p, fl) = (opt_int(vm, family)?, opt_int(vm, ty)?, opt_int(vm, proto)?, opt_int(vm, flags)?);
    let list = resolve(vm, host.as_deref(), port.as_deref(), f, t, p, fl)?;
    let out = crate::list::new_list(vm, vec![]);
    for (fam, ty, proto, canon, addr) in list {
        let buf = crate::list::ValueBuf::new(vm);
        buf.push(Value::small(fam));
        buf.push(Value::small(ty));
        buf.push(Value::small(proto));
        let c = crate::str::new_str(vm, canon);
        buf.push(c);
        let a = sockaddr_value(vm, &addr)?;
        buf.push(a);
        let t = buf.into_tuple(vm);
        crate::list::lobj(out).items.borrow_mut().push(t);
    }
    Ok(out)
}

fn gethostname_fn(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "gethostname", 0, 0)?;
    let mut buf = [0 as c_char; 256];
    // SAFETY: `buf` has room for the name and its NUL.
    if unsafe { gethostname(buf.as_mut_ptr(), buf.len()) } < 0 {
        return Err(os_err(vm, errno()));
    }
    // SAFETY: gethostname wrote a NUL-terminated name.
    let s = unsafe { CStr::from_ptr(buf.as_ptr()) }.to_string_lossy().into_owned();
    Ok(crate::str::new_str(vm, s))
}

fn gethostbyname_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "gethostbyname", 1, 1)?;
    let host = host_arg(vm, a[0])?;
    let ip = ip_from_text(vm, &host, AF_INET as c_int)?;
    Ok(crate::str::new_str(vm, ip_to_text(AF_INET as c_int, &ip)))
}

fn inet_aton_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "inet_aton", 1, 1)?;
    let s = host_arg(vm, a[0])?;
    let c = CString::new(s).map_err(|_| os_error_msg(vm, "illegal IP address string passed to inet_aton"))?;
    let mut out = [0u8; 4];
    // SAFETY: `out` holds an IPv4 address.
    if unsafe { inet_pton(AF_INET as c_int, c.as_ptr(), out.as_mut_ptr()) } != 1 {
        return Err(os_error_msg(vm, "illegal IP address string passed to inet_aton"));
    }
    Ok(crate::bytes::new_bytes(vm, out.to_vec()))
}

fn inet_ntoa_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "inet_ntoa", 1, 1)?;
    let b = crate::modules::io::bytes_arg(vm, a[0])?;
    if b.len() != 4 {
        return Err(os_error_msg(vm, "packed IP wrong length for inet_ntoa"));
    }
    Ok(crate::str::new_str(vm, ip_to_text(AF_INET as c_int, &b)))
}

fn inet_pton_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "inet_pton", 2, 2)?;
    let af = opt_int(vm, a[0])?;
    let s = host_arg(vm, a[1])?;
    let n = match i64::from(af) {
        AF_INET => 4,
        AF_INET6 => 16,
        _ => return Err(os_err(vm, 97)),
    };
    let c = CString::new(s).map_err(|_| os_error_msg(vm, "illegal IP address string passed to inet_pton"))?;
    let mut out = vec![0u8; n];
    // SAFETY: `out` has room for an address of `af`.
    if unsafe { inet_pton(af, c.as_ptr(), out.as_mut_ptr()) } != 1 {
        return Err(os_error_msg(vm, "illegal IP address string passed to inet_pton"));
    }
    Ok(crate::bytes::new_bytes(vm, out))
}

fn inet_ntop_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "inet_ntop", 2, 2)?;
    let af = opt_int(vm, a[0])?;
    let b = crate::modules::io::bytes_arg(vm, a[1])?;
    let want = match i64::from(af) {
        AF_INET => 4,
        AF_INET6 => 16,
        _ => return Err(vm.value_error(format!("unknown address family {af}"))),
    };
    if b.len() != want {
        return Err(vm.value_error("invalid length of packed IP address string"));
    }
    Ok(crate::str::new_str(vm, ip_to_text(af, &b)))
}

fn int_conv(vm: &mut Vm, args: Args, name: &str, bits32: bool) -> PyResult {
    let a = args.exact(vm, name, 1, 1)?;
    if !crate::int::is_int(vm, a[0]) {
        let m = format!("'{}' object cannot be interpreted as an integer", vm.type_name(a[0]));
        return Err(vm.type_error(m));
    }
    let n = crate::number::index_i64(vm, a[0])?;
    if n < 0 {
        return Err(vm.overflow_error(format!("{name}: can't convert negative Python int to C {}", if bits32 { "unsigned long" } else { "16-bit unsigned integer" })));
    }
    if bits32 {
        let x = u32::try_from(n).map_err(|_| vm.overflow_error("int larger than 32 bits"))?;
        Ok(crate::int::from_i64(vm, i64::from(x.swap_bytes())))
    } else {
        let x = u16::try_from(n).map_err(|_| vm.overflow_error(format!("{name}: Python int too large to convert to C 16-bit unsigned integer")))?;
        Ok(Value::small(i64::from(x.swap_bytes())))
    }
}

fn htons_fn(vm: &mut Vm, args: Args) -> PyResult {
    int_conv(vm, args, "htons", false)
}
fn ntohs_fn(vm: &mut Vm, args: Args) -> PyResult {
    int_conv(vm, args, "ntohs", false)
}
fn htonl_fn(vm: &mut Vm, args: Args) -> PyResult {
    int_conv(vm, args, "htonl", true)
}
fn ntohl_fn(vm: &mut Vm, args: Args) -> PyResult {
    int_conv(vm, args, "ntohl", true)
}

/// A timeout argument in seconds: None -> negative (blocking).
fn timeout_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v == vm.none {
        return Ok(-1.0);
    }
    let t = match crate::float::as_f64(v) {
        Some(f) => f,
        None if crate::int::is_int(vm, v) => crate::float::to_float(vm, v)?,
        None => {
            let m = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
            return Err(vm.type_error(m));
        }
    };
    if t.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    Ok(t)
}

fn timeout_value(vm: &mut Vm, t: f64) -> Value {
    if t < 0.0 {
        vm.none
    } else {
        crate::float::new_float(vm, t)
    }
}

fn getdefaulttimeout(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "getdefaulttimeout", 0, 0)?;
    let t = DEFAULT_TIMEOUT.with(|c| c.get());
    Ok(timeout_value(vm, t))
}

fn setdefaulttimeout(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "setdefaulttimeout", 1, 1)?;
    let t = timeout_arg(vm, a[0])?;
    DEFAULT_TIMEOUT.with(|c| c.set(t));
    Ok(vm.none)
}

fn dup_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "dup", 1, 1)?;
    let fd = opt_int(vm, a[0])?;
    // SAFETY: F_DUPFD_CLOEXEC (1030) on a descriptor number.
    let r = unsafe { fcntl(fd, 1030, 0) };
    if r < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(Value::small(i64::from(r)))
}

fn close_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "close", 1, 1)?;
    let fd = opt_int(vm, a[0])?;
    // SAFETY: closing a descriptor number the caller owns.
    if unsafe { close(fd) } < 0 && errno() != ECONNRESET {
        return Err(os_err(vm, errno()));
    }
    Ok(vm.none)
}

// ---- socket objects ----------------------------------------------------------------

fn new_sock(vm: &mut Vm, cls: Value, fd: i64, family: i64, ty: i64, proto: i64) -> Value {
    let t = DEFAULT_TIMEOUT.with(|c| c.get());
    if fd >= 0 && t >= 0.0 {
        set_nonblocking(fd as c_int, true);
    }
    vm.alloc(cls, SockObj { fd: Cell::new(fd), family: Cell::new(family), ty: Cell::new(ty), proto: Cell::new(proto), timeout: Cell::new(t) })
}

fn sock_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    Ok(vm.alloc(cls, SockObj { fd: Cell::new(-1), family: Cell::new(AF_INET), ty: Cell::new(SOCK_STREAM), proto: Cell::new(0), timeout: Cell::new(-1.0) }))
}

fn sockopt_int(fd: c_int, opt: c_int) -> Option<i64> {
    let mut v: c_int = 0;
    let mut len = 4u32;
    // SAFETY: an int-sized option value.
    let r = unsafe { getsockopt(fd, SOL_SOCKET, opt, &mut v as *mut c_int as *mut c_void, &mut len) };
    (r == 0).then_some(i64::from(v))
}

/// `socket(family=-1, type=-1, proto=-1, fileno=None)`.
fn sock_init(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, args.vals[0])?;
    let [family, ty, proto, fileno] = args.shift().bind(vm, "socket", ["family", "type", "proto", "fileno"], 0, 0)?;
    let num = |vm: &mut Vm, v: Value| -> PyResult<i64> { if v.is_null() || v == vm.none { Ok(-1) } else { crate::number::index_i64(vm, v) } };
    let (mut f, mut t, mut p) = (num(vm, family)?, num(vm, ty)?, num(vm, proto)?);
    let fd = if !fileno.is_null() && fileno != vm.none {
        let fd = crate::number::index_i64(vm, fileno)?;
        if fd < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        let fd = c_int::try_from(fd).map_err(|_| vm.overflow_error("file descriptor out of range"))?;
        for (v, opt) in [(&mut f, SO_DOMAIN), (&mut t, SO_TYPE), (&mut p, SO_PROTOCOL)] {
            if *v == -1 {
                *v = match sockopt_int(fd, opt) {
                    Some(x) => x,
                    None => return Err(os_err(vm, errno())),
                };
            }
        }
        i64::from(fd)
    } else {
        if f == -1 {
            f = AF_INET;
        }
        if t == -1 {
            t = SOCK_STREAM;
        }
        if p == -1 {
            p = 0;
        }
        // SAFETY: socket(2) with integer arguments.
        let fd = unsafe { socket(f as c_int, (t | SOCK_CLOEXEC) as c_int, p as c_int) };
        if fd < 0 {
            return Err(os_err(vm, errno()));
        }
        i64::from(fd)
    };
    let old = s.fd.replace(fd);
    if old >= 0 {
        // SAFETY: the descriptor this object owned before re-initialisation.
        unsafe { close(old as c_int) };
    }
    s.family.set(f);
    s.ty.set(t & !(SOCK_NONBLOCK | SOCK_CLOEXEC));
    s.proto.set(p);
    let mut timeout = DEFAULT_TIMEOUT.with(|c| c.get());
    if t & SOCK_NONBLOCK != 0 {
        timeout = 0.0;
    }
    s.timeout.set(timeout);
    if timeout >= 0.0 {
        set_nonblocking(fd as c_int, true);
    }
    Ok(vm.none)
}

fn sock_method(vm: &mut Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<(&'static SockObj, Vec<Value>)> {
    let a = args.exact(vm, name, min + 1, max + 1)?;
    let s = this(vm, a[0])?;
    Ok((s, a[1..].to_vec()))
}

fn sock_close(vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = sock_method(vm, &args, "close", 0, 0)?;
    let fd = s.fd.replace(-1);
    // SAFETY: the socket's own descriptor, closed once.
    if fd >= 0 && unsafe { close(fd as c_int) } < 0 {
        let e = errno();
        if e != ECONNRESET {
            return Err(os_err(vm, e));
        }
    }
    Ok(vm.none)
}

fn sock_detach(vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = sock_method(vm, &args, "detach", 0, 0)?;
    Ok(crate::int::from_i64(vm, s.fd.replace(-1)))
}

fn sock_fileno(vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = sock_method(vm, &args, "fileno", 0, 0)?;
    Ok(crate::int::from_i64(vm, s.fd.get()))
}

fn sock_bind(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "bind", 1, 1)?;
    let sa = sockaddr_arg(vm, s.family.get(), a[0], "bind")?;
    let fd = open_fd(vm, s)?;
    // SAFETY: a valid address of `sa.len` bytes.
    if unsafe { bind(fd, sa.buf.as_ptr(), sa.len) } < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(vm.none)
}

fn sock_listen(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "listen", 0, 1)?;
    let backlog = match a.first() {
        Some(&b) => opt_int(vm, b)?.max(0),
        None => 128,
    };
    let fd = open_fd(vm, s)?;
    // SAFETY: listen(2) on the socket's descriptor.
    if unsafe { listen(fd, backlog) } < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(vm.none)
}

/// `_accept()`: (new descriptor, peer address); socket.py wraps the descriptor.
fn sock_accept(vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = sock_method(vm, &args, "_accept", 0, 0)?;
    let mut sa = SockAddr::new();
    let fd = sock_call(vm, s, POLLIN, |fd| {
        sa.len = 128;
        // SAFETY: `sa.buf` has room for `sa.len` bytes of address.
        let r = unsafe { accept4(fd, sa.buf.as_mut_ptr(), &mut sa.len, SOCK_CLOEXEC as c_int) };
        if r < 0 { Err(errno()) } else { Ok(r) }
    })?;
    let addr = sockaddr_value(vm, &sa.buf[..sa.len as usize])?;
    let f = Value::small(i64::from(fd));
    Ok(crate::tuple::new_tuple(vm, vec![f, addr]))
}

/// connect(2) with the socket's timeout; the errno when it fails.
fn do_connect(vm: &mut Vm, s: &SockObj, addr: Value, caller: &str) -> PyResult<i32> {
    let sa = sockaddr_arg(vm, s.family.get(), addr, caller)?;
    let fd = open_fd(vm, s)?;
    loop {
        // SAFETY: a valid address of `sa.len` bytes.
        if unsafe { connect(fd, sa.buf.as_ptr(), sa.len) } == 0 {
            return Ok(0);
        }
        let e = errno();
        if e == EINTR {
            crate::signals::check(vm)?;
            if s.timeout.get() != 0.0 {
                continue;
            }
            return Ok(e);
        }
        let t = s.timeout.get();
        if e == EINPROGRESS && t > 0.0 {
            let deadline = Instant::now() + Duration::from_secs_f64(t);
            if !super::select::wait_fd(vm, fd, POLLOUT, deadline)? {
                return Err(timed_out(vm));
            }
            return Ok(sockopt_int(fd, SO_ERROR).unwrap_or(0) as i32);
        }
        return Ok(e);
    }
}

fn sock_connect(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "connect", 1, 1)?;
    match do_connect(vm, s, a[0], "connect")? {
        0 => Ok(vm.none),
        e => Err(os_err(vm, e)),
    }
}

fn sock_connect_ex(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "connect_ex", 1, 1)?;
    let e = do_connect(vm, s, a[0], "connect_ex")?;
    Ok(Value::small(i64::from(e)))
}

fn flags_arg(vm: &mut Vm, a: &[Value], i: usize) -> PyResult<c_int> {
    match a.get(i) {
        Some(&f) => opt_int(vm, f),
        None => Ok(0),
    }
}

fn sock_send(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "send", 1, 2)?;
    let data = crate::modules::io::bytes_arg(vm, a[0])?;
    let flags = flags_arg(vm, &a, 1)?;
    let n = sock_call(vm, s, POLLOUT, |fd| {
        // SAFETY: sending from our buffer.
        let r = unsafe { send(fd, data.as_ptr(), data.len(), flags) };
        if r < 0 { Err(errno()) } else { Ok(r as usize) }
    })?;
    Ok(crate::int::from_usize(vm, n))
}

fn sock_sendall(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "sendall", 1, 2)?;
    let data = crate::modules::io::bytes_arg(vm, a[0])?;
    let flags = flags_arg(vm, &a, 1)?;
    let mut off = 0;
    while off < data.len() {
        let n = sock_call(vm, s, POLLOUT, |fd| {
            // SAFETY: sending from our buffer's unsent tail.
            let r = unsafe { send(fd, data[off..].as_ptr(), data.len() - off, flags) };
            if r < 0 { Err(errno()) } else { Ok(r as usize) }
        })?;
        off += n;
        crate::signals::check(vm)?;
    }
    Ok(vm.none)
}

fn sock_sendto(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "sendto", 2, 3)?;
    let data = crate::modules::io::bytes_arg(vm, a[0])?;
    let (flags, addr) = if a.len() == 3 { (opt_int(vm, a[1])?, a[2]) } else { (0, a[1]) };
    let sa = sockaddr_arg(vm, s.family.get(), addr, "sendto")?;
    let n = sock_call(vm, s, POLLOUT, |fd| {
        // SAFETY: our buffer and a valid address.
        let r = unsafe { sendto(fd, data.as_ptr(), data.len(), flags, sa.buf.as_ptr(), sa.len) };
        if r < 0 { Err(errno()) } else { Ok(r as usize) }
    })?;
    Ok(crate::int::from_usize(vm, n))
}

fn bufsize_arg(vm: &mut Vm, v: Value, name: &str) -> PyResult<usize> {
    let n = crate::number::index_i64(vm, v)?;
    usize::try_from(n).map_err(|_| vm.value_error(format!("negative buffersize in {name}")))
}

fn recv_raw(vm: &mut Vm, s: &SockObj, n: usize, flags: c_int) -> PyResult<(Vec<u8>, SockAddr)> {
    let mut buf = vec![0u8; n];
    let mut sa = SockAddr::new();
    let got = sock_call(vm, s, POLLIN, |fd| {
        sa.len = 128;
        // SAFETY: receiving into our buffer of `n` bytes; `sa` has room for an address.
        let r = unsafe { recvfrom(fd, buf.as_mut_ptr(), n, flags, sa.buf.as_mut_ptr(), &mut sa.len) };
        if r < 0 { Err(errno()) } else { Ok(r as usize) }
    })?;
    buf.truncate(got);
    Ok((buf, sa))
}

fn sock_recv(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "recv", 1, 2)?;
    let n = bufsize_arg(vm, a[0], "recv")?;
    let flags = flags_arg(vm, &a, 1)?;
    let (buf, _) = recv_raw(vm, s, n, flags)?;
    Ok(crate::bytes::new_bytes(vm, buf))
}

fn sock_recvfrom(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "recvfrom", 1, 2)?;
    let n = bufsize_arg(vm, a[0], "recvfrom")?;
    let flags = flags_arg(vm, &a, 1)?;
    let (buf, sa) = recv_raw(vm, s, n, flags)?;
    let b = crate::bytes::new_bytes(vm, buf);
    let addr = if sa.len == 0 { vm.none } else { sockaddr_value(vm, &sa.buf[..(sa.len as usize).min(128)])? };
    Ok(crate::tuple::new_tuple(vm, vec![b, addr]))
}

/// `recv_into(buffer[, nbytes[, flags]])`.
fn sock_recv_into(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "recv_into", 1, 3)?;
    let cap = crate::modules::io::writable_len(vm, a[0], "recv_into")?;
    let n = match a.get(1) {
        Some(&v) => bufsize_arg(vm, v, "recv_into")?,
        None => 0,
    };
    if n > cap {
        return Err(vm.value_error("buffer too small for requested bytes"));
    }
    let n = if n == 0 { cap } else { n };
    let flags = flags_arg(vm, &a, 2)?;
    let (buf, _) = recv_raw(vm, s, n, flags)?;
    crate::modules::io::store_into(vm, a[0], &buf)?;
    Ok(crate::int::from_usize(vm, buf.len()))
}

fn sock_shutdown(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "shutdown", 1, 1)?;
    let how = opt_int(vm, a[0])?;
    let fd = open_fd(vm, s)?;
    // SAFETY: shutdown(2) on the socket's descriptor.
    if unsafe { shutdown(fd, how) } < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(vm.none)
}

fn sock_setsockopt(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "setsockopt", 3, 3)?;
    let (level, opt) = (opt_int(vm, a[0])?, opt_int(vm, a[1])?);
    let fd = open_fd(vm, s)?;
    let r = if crate::int::is_int(vm, a[2]) {
        let v = opt_int(vm, a[2])?;
        // SAFETY: an int-sized option value.
        unsafe { setsockopt(fd, level, opt, &v as *const c_int as *const c_void, 4) }
    } else {
        let b = crate::modules::io::bytes_arg(vm, a[2])?;
        // SAFETY: our buffer as the option value.
        unsafe { setsockopt(fd, level, opt, b.as_ptr() as *const c_void, b.len() as u32) }
    };
    if r < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(vm.none)
}

fn sock_getsockopt(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "getsockopt", 2, 3)?;
    let (level, opt) = (opt_int(vm, a[0])?, opt_int(vm, a[1])?);
    let fd = open_fd(vm, s)?;
    match a.get(2) {
        None => {
            let mut v: c_int = 0;
            let mut len = 4u32;
            // SAFETY: an int-sized option value.
            if unsafe { getsockopt(fd, level, opt, &mut v as *mut c_int as *mut c_void, &mut len) } < 0 {
                return Err(os_err(vm, errno()));
            }
            Ok(Value::small(i64::from(v)))
        }
        Some(&n) => {
            let n = crate::number::index_i64(vm, n)?;
            if !(1..=1024).contains(&n) {
                return Err(os_error_msg(vm, "getsockopt buflen out of range"));
            }
            let mut buf = vec![0u8; n as usize];
            let mut len = n as u32;
            // SAFETY: our buffer of `len` bytes.
            if unsafe { getsockopt(fd, level, opt, buf.as_mut_ptr() as *mut c_void, &mut len) } < 0 {
                return Err(os_err(vm, errno()));
            }
            buf.truncate(len as usize);
            Ok(crate::bytes::new_bytes(vm, buf))
        }
    }
}

fn name_of(vm: &mut Vm, args: Args, name: &str, f: unsafe extern "C" fn(c_int, *mut u8, *mut u32) -> c_int) -> PyResult {
    let (s, _) = sock_method(vm, &args, name, 0, 0)?;
    let fd = open_fd(vm, s)?;
    let mut sa = SockAddr::new();
    // SAFETY: `sa.buf` has room for `sa.len` bytes.
    if unsafe { f(fd, sa.buf.as_mut_ptr(), &mut sa.len) } < 0 {
        return Err(os_err(vm, errno()));
    }
    sockaddr_value(vm, &sa.buf[..(sa.len as usize).min(128)])
}

fn sock_getsockname(vm: &mut Vm, args: Args) -> PyResult {
    name_of(vm, args, "getsockname", getsockname)
}

fn sock_getpeername(vm: &mut Vm, args: Args) -> PyResult {
    name_of(vm, args, "getpeername", getpeername)
}

fn apply_timeout(s: &SockObj, t: f64) {
    s.timeout.set(t);
    if s.fd.get() >= 0 {
        set_nonblocking(s.fd.get() as c_int, t >= 0.0);
    }
}

fn sock_setblocking(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "setblocking", 1, 1)?;
    let block = crate::ops::truthy(vm, a[0])?;
    apply_timeout(s, if block { -1.0 } else { 0.0 });
    Ok(vm.none)
}

fn sock_getblocking(vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = sock_method(vm, &args, "getblocking", 0, 0)?;
    Ok(vm.bool(s.timeout.get() != 0.0))
}

fn sock_settimeout(vm: &mut Vm, args: Args) -> PyResult {
    let (s, a) = sock_method(vm, &args, "settimeout", 1, 1)?;
    let t = timeout_arg(vm, a[0])?;
    apply_timeout(s, t);
    Ok(vm.none)
}

fn sock_gettimeout(vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = sock_method(vm, &args, "gettimeout", 0, 0)?;
    Ok(timeout_value(vm, s.timeout.get()))
}

fn sock_repr(vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = sock_method(vm, &args, "__repr__", 0, 0)?;
    let r = format!("<socket object, fd={}, family={}, type={}, proto={}>", s.fd.get(), s.family.get(), s.ty.get(), s.proto.get());
    Ok(crate::str::new_str(vm, r))
}

fn g_family(vm: &mut Vm, v: Value) -> PyResult {
    let n = this(vm, v)?.family.get();
    Ok(crate::int::from_i64(vm, n))
}
fn g_type(vm: &mut Vm, v: Value) -> PyResult {
    let n = this(vm, v)?.ty.get();
    Ok(crate::int::from_i64(vm, n))
}
fn g_proto(vm: &mut Vm, v: Value) -> PyResult {
    let n = this(vm, v)?.proto.get();
    Ok(crate::int::from_i64(vm, n))
}
fn g_timeout(vm: &mut Vm, v: Value) -> PyResult {
    let t = this(vm, v)?.timeout.get();
    Ok(timeout_value(vm, t))
}

/// `socketpair([family[, type[, proto]]])`: two connected sockets.
fn socketpair_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "socketpair", 0, 3)?;
    let f = match a.first() { Some(&v) => i64::from(opt_int(vm, v)?), None => AF_UNIX };
    let t = match a.get(1) { Some(&v) => i64::from(opt_int(vm, v)?), None => SOCK_STREAM };
    let p = match a.get(2) { Some(&v) => i64::from(opt_int(vm, v)?), None => 0 };
    let mut sv = [0 as c_int; 2];
    // SAFETY: socketpair writes two descriptors into `sv`.
    if unsafe { socketpair(f as c_int, (t | SOCK_CLOEXEC) as c_int, p as c_int, sv.as_mut_ptr()) } < 0 {
        return Err(os_err(vm, errno()));
    }
    let cls = types()[0];
    let x = new_sock(vm, cls, i64::from(sv[0]), f, t, p);
    let y = new_sock(vm, cls, i64::from(sv[1]), f, t, p);
    Ok(crate::tuple::new_tuple(vm, vec![x, y]))
}

fn error_class(vm: &mut Vm, name: &str, base: Value) -> PyResult {
    let ns = crate::dict::new_dict(vm);
    let m = crate::str::alloc_str(vm, "socket");
    crate::dict::set_item_str(vm, ns, "__module__", m)?;
    let tt = vm.t.type_;
    crate::typeobj::new_class(vm, tt, name, &[base], ns)
}

fn make_types(vm: &mut Vm) -> PyResult<[Value; 3]> {
    use crate::typeobj::{add_getter, add_method, add_static, new_static_type, set_attr_raw, tflag};
    let obj = vm.t.object;
    let t = new_static_type(vm, "socket", obj, tflag::BASETYPE);
    let m = vm.intern("_socket");
    set_attr_raw(vm, t, "__module__", m)?;
    add_static(vm, t, "__new__", sock_new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__init__", sock_init), ("close", sock_close), ("detach", sock_detach), ("fileno", sock_fileno),
        ("bind", sock_bind), ("listen", sock_listen), ("_accept", sock_accept), ("connect", sock_connect),
        ("connect_ex", sock_connect_ex), ("send", sock_send), ("sendall", sock_sendall), ("sendto", sock_sendto),
        ("recv", sock_recv), ("recvfrom", sock_recvfrom), ("recv_into", sock_recv_into), ("shutdown", sock_shutdown),
        ("setsockopt", sock_setsockopt), ("getsockopt", sock_getsockopt), ("getsockname", sock_getsockname),
        ("getpeername", sock_getpeername), ("setblocking", sock_setblocking), ("getblocking", sock_getblocking),
        ("settimeout", sock_settimeout), ("gettimeout", sock_gettimeout), ("__repr__", sock_repr),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    add_getter(vm, t, "family", g_family);
    add_getter(vm, t, "type", g_type);
    add_getter(vm, t, "proto", g_proto);
    add_getter(vm, t, "timeout", g_timeout);
    let os_error = vm.e.os_error;
    let gai = error_class(vm, "gaierror", os_error)?;
    let herr = error_class(vm, "herror", os_error)?;
    vm.extra_roots.extend([t, gai, herr]);
    Ok([t, gai, herr])
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let existing = types();
    let [t, gai, herr] = if existing[0].is_null() { make_types(vm)? } else { existing };
    TYPES.with(|c| c.set([t, gai, herr]));
    super::add_functions(vm, m, &[
        ("getaddrinfo", getaddrinfo_fn), ("gethostname", gethostname_fn), ("gethostbyname", gethostbyname_fn),
        ("inet_aton", inet_aton_fn), ("inet_ntoa", inet_ntoa_fn), ("inet_pton", inet_pton_fn),
        ("inet_ntop", inet_ntop_fn), ("htons", htons_fn), ("ntohs", ntohs_fn), ("htonl", htonl_fn),
        ("ntohl", ntohl_fn), ("getdefaulttimeout", getdefaulttimeout), ("setdefaulttimeout", setdefaulttimeout),
        ("dup", dup_fn), ("close", close_fn), ("socketpair", socketpair_fn),
    ])?;
    for (n, v) in [("socket", t), ("SocketType", t), ("gaierror", gai), ("herror", herr)] {
        super::set_attr(vm, m, n, v)?;
    }
    let (oe, te) = (vm.e.os_error, vm.e.timeout_error);
    super::set_attr(vm, m, "error", oe)?;
    super::set_attr(vm, m, "timeout", te)?;
    let tr = vm.true_;
    super::set_attr(vm, m, "has_ipv6", tr)?;
    super::add_int_constants(vm, m, CONSTANTS)?;
    Ok(())
}
