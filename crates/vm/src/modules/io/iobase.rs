//! `_IOBase`, `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase` (CPython's iobase.c and
//! the base classes of bufferedio.c/textio.c). Every method works through the other
//! methods of `self` (`readline` through `read`/`peek`, `tell` through `seek`...), so
//! a Python subclass that defines a few primitives gets the rest. The closed state
//! of such objects is the `__IOBase_closed` attribute, as in CPython.

use super::{closed_error, size_arg, unsupported, DEFAULT_BUFFER_SIZE};
use crate::call::call_method;
use crate::object::{Args, PyResult};
use crate::typeobj::{add_getter, add_method};
use crate::value::Value;
use crate::vm::Vm;

const CLOSED_ATTR: &str = "__IOBase_closed";

fn closed_attr(vm: &mut Vm, obj: Value) -> PyResult<bool> {
    let n = vm.intern(CLOSED_ATTR);
    match crate::attr::getattr_opt(vm, obj, n)? {
        Some(v) => crate::ops::truthy(vm, v),
        None => Ok(false),
    }
}

/// `self.closed` is true -> ValueError.
pub fn check_closed(vm: &mut Vm, obj: Value) -> PyResult<()> {
    if super::is_closed(vm, obj)? {
        return Err(closed_error(vm));
    }
    Ok(())
}

fn check_ability(vm: &mut Vm, obj: Value, what: &str) -> PyResult<()> {
    if !super::call_truthy(vm, obj, what, &[])? {
        let m = format!("File or stream is not {what}.");
        return Err(unsupported(vm, &m));
    }
    Ok(())
}

fn iob_seek(vm: &mut Vm, _args: Args) -> PyResult {
    Err(unsupported(vm, "seek"))
}
fn iob_truncate(vm: &mut Vm, _args: Args) -> PyResult {
    Err(unsupported(vm, "truncate"))
}
fn iob_fileno(vm: &mut Vm, _args: Args) -> PyResult {
    Err(unsupported(vm, "fileno"))
}
fn iob_tell(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "tell", 0, 0)?;
    call_method(vm, a[0], "seek", &[Value::small(0), Value::small(1)])
}
fn iob_false(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.false_)
}

fn iob_flush(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "flush", 0, 0)?;
    if closed_attr(vm, a[0])? {
        return Err(closed_error(vm));
    }
    Ok(vm.none)
}

fn iob_close(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "close", 0, 0)?;
    if closed_attr(vm, a[0])? {
        return Ok(vm.none);
    }
    let r = call_method(vm, a[0], "flush", &[]);
    let n = vm.intern(CLOSED_ATTR);
    let t = vm.true_;
    crate::attr::setattr(vm, a[0], n, t)?;
    r?;
    Ok(vm.none)
}

fn iob_closed(vm: &mut Vm, v: Value) -> PyResult {
    let c = closed_attr(vm, v)?;
    Ok(vm.bool(c))
}

fn iob_check_closed(vm: &mut Vm, args: Args) -> PyResult {
    check_closed(vm, args.vals[0])?;
    Ok(vm.none)
}
fn iob_check_readable(vm: &mut Vm, args: Args) -> PyResult {
    check_ability(vm, args.vals[0], "readable")?;
    Ok(vm.none)
}
fn iob_check_writable(vm: &mut Vm, args: Args) -> PyResult {
    check_ability(vm, args.vals[0], "writable")?;
    Ok(vm.none)
}
fn iob_check_seekable(vm: &mut Vm, args: Args) -> PyResult {
    check_ability(vm, args.vals[0], "seekable")?;
    Ok(vm.none)
}

fn iob_enter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "__enter__", 0, 0)?;
    check_closed(vm, a[0])?;
    Ok(a[0])
}
fn iob_exit(vm: &mut Vm, args: Args) -> PyResult {
    call_method(vm, args.vals[0], "close", &[])
}
fn iob_isatty(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "isatty", 0, 0)?;
    check_closed(vm, a[0])?;
    Ok(vm.false_)
}
fn iob_iter(vm: &mut Vm, args: Args) -> PyResult {
    check_closed(vm, args.vals[0])?;
    Ok(args.vals[0])
}
fn iob_next(vm: &mut Vm, args: Args) -> PyResult {
    let line = call_method(vm, args.vals[0], "readline", &[])?;
    if crate::ops::len(vm, line)? == 0 {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(line)
}

/// A `read`/`peek` result that must be bytes (None means "no data now").
fn bytes_result(vm: &mut Vm, v: Value, what: &str) -> PyResult<Option<Vec<u8>>> {
    if v == vm.none {
        return Ok(None);
    }
    match crate::bytes::as_bytes(v) {
        Some(b) => Ok(Some(b)),
        None => {
            let m = format!("{what}() should have returned a bytes object, not '{}'", vm.type_name(v));
            let t = vm.e.os_error;
            Err(vm.new_exc(t, m))
        }
    }
}

/// How many bytes the next `read` of `readline` may take: up to the newline that
/// `peek` shows, else one.
fn readahead(vm: &mut Vm, obj: Value, size: i64, have: usize) -> PyResult<i64> {
    let p = call_method(vm, obj, "peek", &[Value::small(1)])?;
    let Some(b) = bytes_result(vm, p, "peek")? else { return Ok(1) };
    if b.is_empty() {
        return Ok(1);
    }
    let n = b.iter().position(|c| *c == b'\n').map_or(b.len(), |i| i + 1) as i64;
    Ok(if size >= 0 { n.min(size - have as i64) } else { n })
}

fn iob_readline(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "readline", 0, 1)?;
    let obj = a[0];
    let size = size_arg(vm, a.get(1))?;
    let peek = vm.intern("peek");
    let has_peek = crate::attr::getattr_opt(vm, obj, peek)?.is_some();
    let mut res = Vec::new();
    while size < 0 || (res.len() as i64) < size {
        let n = if has_peek { readahead(vm, obj, size, res.len())? } else { 1 };
        let n = crate::int::from_i64(vm, n);
        let b = call_method(vm, obj, "read", &[n])?;
        match bytes_result(vm, b, "read")? {
            Some(b) if !b.is_empty() => res.extend_from_slice(&b),
            _ => break,
        }
        if res.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(crate::bytes::new_bytes(vm, res))
}

fn iob_readlines(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "readlines", 0, 1)?;
    let hint = size_arg(vm, a.get(1))?;
    let out = crate::list::new_list(vm, vec![]);
    let it = crate::ops::iter(vm, a[0])?;
    let mut total = 0usize;
    while let Some(line) = crate::ops::next(vm, it)? {
        crate::list::lobj(out).items.borrow_mut().push(line);
        total += crate::ops::len(vm, line)?;
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(out)
}

fn iob_writelines(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "writelines", 1, 1)?;
    check_closed(vm, a[0])?;
    let it = crate::ops::iter(vm, a[1])?;
    while let Some(line) = crate::ops::next(vm, it)? {
        call_method(vm, a[0], "write", &[line])?;
    }
    Ok(vm.none)
}

// ---- _RawIOBase -------------------------------------------------------------------------

fn raw_read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "read", 0, 1)?;
    let size = size_arg(vm, a.get(1))?;
    if size < 0 {
        return call_method(vm, a[0], "readall", &[]);
    }
    let b = crate::bytes::new_bytearray(vm, vec![0; size as usize]);
    let n = call_method(vm, a[0], "readinto", &[b])?;
    if n == vm.none {
        return Ok(n);
    }
    let n = crate::number::index_i64(vm, n)?;
    if n < 0 || n > size {
        return Err(vm.value_error(format!("readinto returned {n} outside buffer size {size}")));
    }
    let data = b.downcast::<crate::bytes::ByteArrayObj>().map(|d| d.data.borrow()[..n as usize].to_vec()).unwrap_or_default();
    Ok(crate::bytes::new_bytes(vm, data))
}

fn raw_readall(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "readall", 0, 0)?;
    let mut res: Option<Vec<u8>> = None;
    loop {
        let n = Value::small(DEFAULT_BUFFER_SIZE as i64);
        let d = call_method(vm, a[0], "read", &[n])?;
        match bytes_result(vm, d, "read")? {
            None if res.is_none() => return Ok(vm.none),
            None => break,
            Some(b) if b.is_empty() => break,
            Some(b) => res.get_or_insert_with(Vec::new).extend_from_slice(&b),
        }
    }
    Ok(crate::bytes::new_bytes(vm, res.unwrap_or_default()))
}

fn not_implemented(vm: &mut Vm, _args: Args) -> PyResult {
    let t = vm.e.not_implemented_error;
    Err(vm.new_exc_noargs(t))
}

// ---- _BufferedIOBase and _TextIOBase ----------------------------------------------------

macro_rules! unsupported_method {
    ($f:ident, $name:literal) => {
        fn $f(vm: &mut Vm, _args: Args) -> PyResult {
            Err(unsupported(vm, $name))
        }
    };
}
unsupported_method!(un_read, "read");
unsupported_method!(un_read1, "read1");
unsupported_method!(un_write, "write");
unsupported_method!(un_detach, "detach");
unsupported_method!(un_readline, "readline");

fn readinto_via(vm: &mut Vm, args: Args, fname: &str, via: &str) -> PyResult {
    let a = args.method(vm, fname, 1, 1)?;
    let len = super::writable_len(vm, a[1], fname)?;
    let n = crate::int::from_usize(vm, len);
    let d = call_method(vm, a[0], via, &[n])?;
    let data = match crate::bytes::buffer_bytes(d) {
        Some(b) => b,
        None => {
            let m = format!("{via}() should return bytes");
            return Err(vm.type_error(m));
        }
    };
    if data.len() > len {
        let m = format!("{via}() returned too much data: {len} bytes requested, {} returned", data.len());
        return Err(vm.value_error(m));
    }
    super::store_into(vm, a[1], &data)?;
    Ok(crate::int::from_usize(vm, data.len()))
}
fn buf_readinto(vm: &mut Vm, args: Args) -> PyResult {
    readinto_via(vm, args, "readinto", "read")
}
fn buf_readinto1(vm: &mut Vm, args: Args) -> PyResult {
    readinto_via(vm, args, "readinto1", "read1")
}

fn none_getter(vm: &mut Vm, _v: Value) -> PyResult {
    Ok(vm.none)
}

pub fn init_types(vm: &mut Vm) {
    let t = vm.io.iobase;
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("seek", iob_seek),
        ("tell", iob_tell),
        ("truncate", iob_truncate),
        ("flush", iob_flush),
        ("close", iob_close),
        ("seekable", iob_false),
        ("readable", iob_false),
        ("writable", iob_false),
        ("_checkClosed", iob_check_closed),
        ("_checkReadable", iob_check_readable),
        ("_checkWritable", iob_check_writable),
        ("_checkSeekable", iob_check_seekable),
        ("__enter__", iob_enter),
        ("__exit__", iob_exit),
        ("fileno", iob_fileno),
        ("isatty", iob_isatty),
        ("__iter__", iob_iter),
        ("__next__", iob_next),
        ("readline", iob_readline),
        ("readlines", iob_readlines),
        ("writelines", iob_writelines),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    add_getter(vm, t, "closed", iob_closed);
    let raw = vm.io.raw_iobase;
    add_method(vm, raw, "read", raw_read);
    add_method(vm, raw, "readall", raw_readall);
    add_method(vm, raw, "readinto", not_implemented);
    add_method(vm, raw, "write", not_implemented);
    let b = vm.io.buffered_iobase;
    for (n, f) in [("read", un_read as crate::object::NativeFn), ("read1", un_read1), ("write", un_write), ("detach", un_detach)] {
        add_method(vm, b, n, f);
    }
    add_method(vm, b, "readinto", buf_readinto);
    add_method(vm, b, "readinto1", buf_readinto1);
    let tb = vm.io.text_iobase;
    for (n, f) in [("read", un_read as crate::object::NativeFn), ("readline", un_readline), ("write", un_write), ("detach", un_detach)] {
        add_method(vm, tb, n, f);
    }
    for n in ["encoding", "newlines", "errors"] {
        add_getter(vm, tb, n, none_getter);
    }
}
