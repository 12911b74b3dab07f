//! The `termios` module: terminal attributes (tcgetattr/tcsetattr), line
//! control (tcsendbreak, tcdrain, tcflush, tcflow), window sizes, and Linux's
//! constants. Failures raise `termios.error(errno, strerror)`.

use crate::modules::select::as_fd;
use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

thread_local! {
    /// `termios.error`, rooted by `new_module_type`.
    static ERROR: Cell<Value> = const { Cell::new(Value::NULL) };
}

/// Linux x86-64's constants, as CPython 3.11 exports them.
const CONSTANTS: &[(&str, i64)] = &[
    ("B0", 0), ("B1000000", 4104), ("B110", 3), ("B115200", 4098), ("B1152000", 4105), ("B1200", 9),
    ("B134", 4), ("B150", 5), ("B1500000", 4106), ("B1800", 10), ("B19200", 14), ("B200", 6),
    ("B2000000", 4107), ("B230400", 4099), ("B2400", 11), ("B2500000", 4108), ("B300", 7),
    ("B3000000", 4109), ("B3500000", 4110), ("B38400", 15), ("B4000000", 4111), ("B460800", 4100),
    ("B4800", 12), ("B50", 1), ("B500000", 4101), ("B57600", 4097), ("B576000", 4102), ("B600", 8),
    ("B75", 2), ("B921600", 4103), ("B9600", 13), ("BRKINT", 2), ("BS0", 0), ("BS1", 8192),
    ("BSDLY", 8192), ("CBAUD", 4111), ("CBAUDEX", 4096), ("CDSUSP", 25), ("CEOF", 4), ("CEOL", 0),
    ("CEOT", 4), ("CERASE", 127), ("CFLUSH", 15), ("CIBAUD", 269418496), ("CINTR", 3),
    ("CKILL", 21), ("CLNEXT", 22), ("CLOCAL", 2048), ("CQUIT", 28), ("CR0", 0), ("CR1", 512),
    ("CR2", 1024), ("CR3", 1536), ("CRDLY", 1536), ("CREAD", 128), ("CRPRNT", 18),
    ("CRTSCTS", 2147483648), ("CS5", 0), ("CS6", 16), ("CS7", 32), ("CS8", 48), ("CSIZE", 48),
    ("CSTART", 17), ("CSTOP", 19), ("CSTOPB", 64), ("CSUSP", 26), ("CWERASE", 23), ("ECHO", 8),
    ("ECHOCTL", 512), ("ECHOE", 16), ("ECHOK", 32), ("ECHOKE", 2048), ("ECHONL", 64),
    ("ECHOPRT", 1024), ("EXTA", 14), ("EXTB", 15), ("FF0", 0), ("FF1", 32768), ("FFDLY", 32768),
    ("FIOASYNC", 21586), ("FIOCLEX", 21585), ("FIONBIO", 21537), ("FIONCLEX", 21584),
    ("FIONREAD", 21531), ("FLUSHO", 4096), ("HUPCL", 1024), ("ICANON", 2), ("ICRNL", 256),
    ("IEXTEN", 32768), ("IGNBRK", 1), ("IGNCR", 128), ("IGNPAR", 4), ("IMAXBEL", 8192),
    ("INLCR", 64), ("INPCK", 16), ("IOCSIZE_MASK", 1073676288), ("IOCSIZE_SHIFT", 16), ("ISIG", 1),
    ("ISTRIP", 32), ("IUCLC", 512), ("IXANY", 2048), ("IXOFF", 4096), ("IXON", 1024), ("NCC", 8),
    ("NCCS", 32), ("NL0", 0), ("NL1", 256), ("NLDLY", 256), ("NOFLSH", 128), ("N_MOUSE", 2),
    ("N_PPP", 3), ("N_SLIP", 1), ("N_STRIP", 4), ("N_TTY", 0), ("OCRNL", 8), ("OFDEL", 128),
    ("OFILL", 64), ("OLCUC", 2), ("ONLCR", 4), ("ONLRET", 32), ("ONOCR", 16), ("OPOST", 1),
    ("PARENB", 256), ("PARMRK", 8), ("PARODD", 512), ("PENDIN", 16384), ("TAB0", 0), ("TAB1", 2048),
    ("TAB2", 4096), ("TAB3", 6144), ("TABDLY", 6144), ("TCFLSH", 21515), ("TCGETA", 21509),
    ("TCGETS", 21505), ("TCIFLUSH", 0), ("TCIOFF", 2), ("TCIOFLUSH", 2), ("TCION", 3),
    ("TCOFLUSH", 1), ("TCOOFF", 0), ("TCOON", 1), ("TCSADRAIN", 1), ("TCSAFLUSH", 2),
    ("TCSANOW", 0), ("TCSBRK", 21513), ("TCSBRKP", 21541), ("TCSETA", 21510), ("TCSETAF", 21512),
    ("TCSETAW", 21511), ("TCSETS", 21506), ("TCSETSF", 21508), ("TCSETSW", 21507),
    ("TCXONC", 21514), ("TIOCCONS", 21533), ("TIOCEXCL", 21516), ("TIOCGETD", 21540),
    ("TIOCGICOUNT", 21597), ("TIOCGLCKTRMIOS", 21590), ("TIOCGPGRP", 21519), ("TIOCGSERIAL", 21534),
    ("TIOCGSOFTCAR", 21529), ("TIOCGWINSZ", 21523), ("TIOCINQ", 21531), ("TIOCLINUX", 21532),
    ("TIOCMBIC", 21527), ("TIOCMBIS", 21526), ("TIOCMGET", 21525), ("TIOCMIWAIT", 21596),
    ("TIOCMSET", 21528), ("TIOCM_CAR", 64), ("TIOCM_CD", 64), ("TIOCM_CTS", 32), ("TIOCM_DSR", 256),
    ("TIOCM_DTR", 2), ("TIOCM_LE", 1), ("TIOCM_RI", 128), ("TIOCM_RNG", 128), ("TIOCM_RTS", 4),
    ("TIOCM_SR", 16), ("TIOCM_ST", 8), ("TIOCNOTTY", 21538), ("TIOCNXCL", 21517),
    ("TIOCOUTQ", 21521), ("TIOCPKT", 21536), ("TIOCPKT_DATA", 0), ("TIOCPKT_DOSTOP", 32),
    ("TIOCPKT_FLUSHREAD", 1), ("TIOCPKT_FLUSHWRITE", 2), ("TIOCPKT_NOSTOP", 16),
    ("TIOCPKT_START", 8), ("TIOCPKT_STOP", 4), ("TIOCSCTTY", 21518), ("TIOCSERCONFIG", 21587),
    ("TIOCSERGETLSR", 21593), ("TIOCSERGETMULTI", 21594), ("TIOCSERGSTRUCT", 21592),
    ("TIOCSERGWILD", 21588), ("TIOCSERSETMULTI", 21595), ("TIOCSERSWILD", 21589),
    ("TIOCSER_TEMT", 1), ("TIOCSETD", 21539), ("TIOCSLCKTRMIOS", 21591), ("TIOCSPGRP", 21520),
    ("TIOCSSERIAL", 21535), ("TIOCSSOFTCAR", 21530), ("TIOCSTI", 21522), ("TIOCSWINSZ", 21524),
    ("TOSTOP", 256), ("VDISCARD", 13), ("VEOF", 4), ("VEOL", 11), ("VEOL2", 16), ("VERASE", 2),
    ("VINTR", 0), ("VKILL", 3), ("VLNEXT", 15), ("VMIN", 6), ("VQUIT", 1), ("VREPRINT", 12),
    ("VSTART", 8), ("VSTOP", 9), ("VSUSP", 10), ("VSWTC", 7), ("VSWTCH", 7), ("VT0", 0),
    ("VT1", 16384), ("VTDLY", 16384), ("VTIME", 5), ("VWERASE", 14), ("XCASE", 4), ("XTABS", 6144),

];

/// `termios.error(errno, strerror)` for the last failed call.
fn last_error(vm: &mut Vm) -> PyErr {
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0) as i64;
    let cls = ERROR.with(|c| c.get());
    let msg = crate::str::new_str(vm, crate::exceptions::strerror(errno));
    match crate::call::call(vm, cls, &[Value::small(errno), msg]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

fn check(vm: &mut Vm, r: libc::c_int) -> PyResult<()> {
    if r == -1 {
        return Err(last_error(vm));
    }
    Ok(())
}

fn get_mode(vm: &mut Vm, fd: libc::c_int) -> PyResult<libc::termios> {
    // SAFETY: an all-zero termios is a valid value for tcgetattr to fill.
    let mut mode: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `mode` is a valid termios structure.
    check(vm, unsafe { libc::tcgetattr(fd, &mut mode) })?;
    Ok(mode)
}

/// `tcgetattr(fd)`: [iflag, oflag, cflag, lflag, ispeed, ospeed, cc], cc holding
/// one-byte bytes, except VMIN and VTIME as ints in non-canonical mode.
fn tcgetattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "termios.tcgetattr", 1, 1)?;
    let fd = as_fd(vm, a[0])?;
    let mode = get_mode(vm, fd)?;
    // SAFETY: `mode` was filled by tcgetattr.
    let (ispeed, ospeed) = unsafe { (libc::cfgetispeed(&mode), libc::cfgetospeed(&mode)) };
    let cc = crate::list::new_list(vm, vec![]);
    let _pin = crate::gc::pin(cc);
    for (i, &c) in mode.c_cc.iter().enumerate() {
        let noncanonical = mode.c_lflag & libc::ICANON == 0;
        let v = if noncanonical && (i == libc::VMIN || i == libc::VTIME) {
            Value::small(c as i64)
        } else {
            crate::bytes::new_bytes(vm, vec![c])
        };
        crate::list::lobj(cc).items.borrow_mut().push(v);
    }
    let mut items = Vec::with_capacity(7);
    for n in [mode.c_iflag, mode.c_oflag, mode.c_cflag, mode.c_lflag, ispeed, ospeed] {
        items.push(Value::small(n as i64));
    }
    items.push(cc);
    Ok(crate::list::new_list(vm, items))
}

/// A flag word of tcsetattr's list (PyLong_AsLong, truncated to tcflag_t).
fn long_item(vm: &mut Vm, v: Value) -> PyResult<u32> {
    let n = crate::number::index(vm, v)?;
    let b = crate::int::to_bigint(vm, n).unwrap_or_default();
    match num_traits::ToPrimitive::to_i64(&b) {
        Some(i) => Ok(i as u32),
        None => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}

/// `tcsetattr(fd, when, attributes)`: `attributes` as tcgetattr gives them;
/// fields the list does not hold are kept from the current mode.
fn tcsetattr(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "termios.tcsetattr")?;
    let a = args.exact(vm, "tcsetattr", 3, 3)?;
    let fd = as_fd(vm, a[0])?;
    let when = crate::number::index_c_int(vm, a[1])?;
    let term = a[2];
    let items = match term.downcast::<crate::list::ListObj>() {
        Some(l) if l.items.borrow().len() == 7 => l.items.borrow().clone(),
        _ => return Err(vm.type_error("tcsetattr, arg 3: must be 7 element list")),
    };
    let _pin = crate::gc::pin(crate::tuple::new_tuple(vm, items.clone()));
    let mut mode = get_mode(vm, fd)?;
    let mut words = [0u32; 6];
    for (w, &v) in words.iter_mut().zip(&items) {
        *w = long_item(vm, v)?;
    }
    [mode.c_iflag, mode.c_oflag, mode.c_cflag, mode.c_lflag] = [words[0], words[1], words[2], words[3]];
    let cc = items[6];
    let ccs = match cc.downcast::<crate::list::ListObj>() {
        Some(l) if l.items.borrow().len() == libc::NCCS => l.items.borrow().clone(),
        _ => return Err(vm.type_error(format!("tcsetattr: attributes[6] must be {} element list", libc::NCCS))),
    };
    let _pin_cc = crate::gc::pin(crate::tuple::new_tuple(vm, ccs.clone()));
    for (slot, &v) in mode.c_cc.iter_mut().zip(&ccs) {
        *slot = match v.downcast::<crate::bytes::BytesObj>() {
            Some(b) if b.data.len() == 1 => b.data[0],
            _ if v.is::<crate::int::IntObj>() || v.is_small_int() => long_item(vm, v)? as u8,
            _ => return Err(vm.type_error("tcsetattr: elements of attributes must be characters or integers")),
        };
    }
    // SAFETY: `mode` is a valid termios structure (from tcgetattr, then edited).
    check(vm, unsafe { libc::cfsetispeed(&mut mode, words[4]) })?;
    // SAFETY: as above.
    check(vm, unsafe { libc::cfsetospeed(&mut mode, words[5]) })?;
    // SAFETY: as above.
    check(vm, unsafe { libc::tcsetattr(fd, when, &mode) })?;
    Ok(vm.none)
}

/// The functions taking a descriptor and one int.
fn fd_and_int(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(libc::c_int, libc::c_int)> {
    args.no_kw(vm, &format!("termios.{name}"))?;
    let a = args.exact(vm, name, 2, 2)?;
    let fd = as_fd(vm, a[0])?;
    let n = crate::number::index_c_int(vm, a[1])?;
    Ok((fd, n))
}

fn tcsendbreak(vm: &mut Vm, args: Args) -> PyResult {
    let (fd, duration) = fd_and_int(vm, &args, "tcsendbreak")?;
    // SAFETY: plain integer arguments.
    check(vm, unsafe { libc::tcsendbreak(fd, duration) })?;
    Ok(vm.none)
}

fn tcdrain(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "termios.tcdrain", 1, 1)?;
    let fd = as_fd(vm, a[0])?;
    // SAFETY: a plain integer argument.
    check(vm, unsafe { libc::tcdrain(fd) })?;
    Ok(vm.none)
}

fn tcflush(vm: &mut Vm, args: Args) -> PyResult {
    let (fd, queue) = fd_and_int(vm, &args, "tcflush")?;
    // SAFETY: plain integer arguments.
    check(vm, unsafe { libc::tcflush(fd, queue) })?;
    Ok(vm.none)
}

fn tcflow(vm: &mut Vm, args: Args) -> PyResult {
    let (fd, action) = fd_and_int(vm, &args, "tcflow")?;
    // SAFETY: plain integer arguments.
    check(vm, unsafe { libc::tcflow(fd, action) })?;
    Ok(vm.none)
}

fn get_winsize(vm: &mut Vm, fd: libc::c_int) -> PyResult<libc::winsize> {
    let mut w = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCGWINSZ fills a winsize structure.
    check(vm, unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) })?;
    Ok(w)
}

/// `tcgetwinsize(fd)`: (rows, columns).
fn tcgetwinsize(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "termios.tcgetwinsize", 1, 1)?;
    let fd = as_fd(vm, a[0])?;
    let w = get_winsize(vm, fd)?;
    Ok(crate::tuple::new_tuple(vm, vec![Value::small(w.ws_row as i64), Value::small(w.ws_col as i64)]))
}

/// A window size of tcsetwinsize (PyLong_AsLong).
fn size_item(vm: &mut Vm, winsize: Value, i: i64) -> PyResult<i64> {
    let v = crate::ops::getitem(vm, winsize, Value::small(i))?;
    if !crate::int::is_int(vm, v) && !crate::number::has_index(vm, v) {
        let m = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
        return Err(vm.type_error(m));
    }
    let n = crate::number::index(vm, v)?;
    let b = crate::int::to_bigint(vm, n).unwrap_or_default();
    num_traits::ToPrimitive::to_i64(&b).ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
}

/// `tcsetwinsize(fd, winsize)`: `winsize` a two-item sequence (rows, columns);
/// the pixel sizes are kept.
fn tcsetwinsize(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "termios.tcsetwinsize")?;
    let a = args.exact(vm, "tcsetwinsize", 2, 2)?;
    let fd = as_fd(vm, a[0])?;
    let winsize = a[1];
    let is_seq = crate::ops::sequence_check(vm, winsize);
    if !is_seq || crate::ops::len(vm, winsize).ok() != Some(2) {
        return Err(vm.type_error("tcsetwinsize, arg 2: must be a two-item sequence"));
    }
    let rows = size_item(vm, winsize, 0)?;
    let cols = size_item(vm, winsize, 1)?;
    let mut w = get_winsize(vm, fd)?;
    match (u16::try_from(rows), u16::try_from(cols)) {
        (Ok(r), Ok(c)) => {
            w.ws_row = r;
            w.ws_col = c;
        }
        _ => return Err(vm.overflow_error("winsize value(s) out of range.")),
    }
    // SAFETY: TIOCSWINSZ reads a winsize structure.
    check(vm, unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &w) })?;
    Ok(vm.none)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let base = vm.e.exception;
    let err = super::new_module_exception(vm, "termios.error", base)?;
    ERROR.with(|c| c.set(err));
    super::set_attr(vm, m, "error", err)?;
    super::add_functions(vm, m, &[
        ("tcgetattr", tcgetattr),
        ("tcsetattr", tcsetattr),
        ("tcsendbreak", tcsendbreak),
        ("tcdrain", tcdrain),
        ("tcflush", tcflush),
        ("tcflow", tcflow),
        ("tcgetwinsize", tcgetwinsize),
        ("tcsetwinsize", tcsetwinsize),
    ])?;
    super::add_int_constants(vm, m, CONSTANTS)?;
    Ok(())
}
