//! `open()` (builtins.open is this object, as in CPython), `open_code`,
//! `text_encoding`, and the standard streams: `TextIOWrapper` over
//! `BufferedWriter`/`BufferedReader` over `FileIO`, set up as CPython's
//! `create_stdio` does.

use super::{buffered, fileio, textio, DEFAULT_BUFFER_SIZE};
use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// The letters of an `open()` mode.
#[derive(Default)]
struct Mode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<Mode> {
    let mut m = Mode::default();
    let invalid = |vm: &mut Vm| vm.value_error(format!("invalid mode: '{mode}'"));
    for c in mode.chars() {
        let flag = match c {
            'x' => &mut m.creating,
            'r' => &mut m.reading,
            'w' => &mut m.writing,
            'a' => &mut m.appending,
            '+' => &mut m.updating,
            't' => &mut m.text,
            'b' => &mut m.binary,
            _ => return Err(invalid(vm)),
        };
        if std::mem::replace(flag, true) {
            return Err(invalid(vm));
        }
    }
    if m.text && m.binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if [m.creating, m.reading, m.writing, m.appending].iter().filter(|b| **b).count() > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    Ok(m)
}

impl Mode {
    /// FileIO's mode.
    fn raw(&self) -> String {
        let mut s = String::new();
        for (on, c) in [(self.creating, 'x'), (self.reading, 'r'), (self.writing, 'w'), (self.appending, 'a'), (self.updating, '+')] {
            if on {
                s.push(c);
            }
        }
        s
    }
}

fn is_given(vm: &Vm, v: Value) -> bool {
    !v.is_null() && v != vm.none
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn open(vm: &mut Vm, args: Args) -> PyResult {
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] =
        args.bind(vm, "open", ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], 1, 0)?;
    let mode_s = if mode.is_null() { "r" } else { crate::str_methods::str_arg(vm, mode, "open() argument 'mode'")? };
    if !crate::int::is_int(vm, file) && crate::modules::posix::fspath_value(vm, file)?.is_none() {
        let m = format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(file));
        return Err(vm.type_error(m));
    }
    let m = parse_mode(vm, mode_s)?;
    let buffering = if buffering.is_null() { -1 } else { crate::number::index_i64(vm, buffering)? };
    if m.binary {
        for (v, what) in [(encoding, "an encoding"), (errors, "an errors"), (newline, "a newline")] {
            if is_given(vm, v) {
                return Err(vm.value_error(format!("binary mode doesn't take {what} argument")));
            }
        }
    }
    if m.binary && buffering == 1 {
        let w = vm.e.runtime_warning;
        let msg = "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used";
        crate::modules::warnings::warn_str(vm, w, msg, 1)?;
    }
    let newline = super::newlines::newline_arg(vm, newline, false)?;
    let raw_mode = crate::str::new_str(vm, m.raw());
    let _pin_mode = crate::gc::pin(raw_mode);
    let fio = vm.io.fileio;
    let mut fargs = vec![file, raw_mode];
    let mut kw = vec![];
    if !closefd.is_null() {
        fargs.push(closefd);
        kw.push(vm.intern("closefd"));
    }
    if !opener.is_null() {
        fargs.push(opener);
        kw.push(vm.intern("opener"));
    }
    let raw = crate::call::call_args(vm, fio, Args::with_kw(&fargs, &kw))?;
    let _pin = crate::gc::pin(raw);
    let r = wrap_raw(vm, raw, &m, mode_s, buffering, encoding, errors, newline);
    if r.is_err() {
        let _ = crate::call::call_method(vm, raw, "close", &[]);
    }
    r
}

/// The buffered and text layers of `open()` over the raw file.
#[allow(clippy::too_many_arguments)]
fn wrap_raw(vm: &mut Vm, raw: Value, m: &Mode, mode_s: &str, mut buffering: i64, encoding: Value, errors: Value, newline: Option<&'static str>) -> PyResult {
    let mut line_buffering = false;
    if buffering == 1 || (buffering < 0 && super::call_truthy(vm, raw, "isatty", &[])?) {
        buffering = -1;
        line_buffering = true;
    }
    if buffering < 0 {
        let b = crate::attr::getattr_str(vm, raw, "_blksize")?;
        buffering = crate::number::index_i64(vm, b)?;
        if buffering <= 1 {
            buffering = DEFAULT_BUFFER_SIZE as i64;
        }
    }
    if buffering == 0 {
        if m.binary {
            return Ok(raw);
        }
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    let ty = if m.updating {
        vm.io.buffered_random
    } else if m.creating || m.writing || m.appending {
        vm.io.buffered_writer
    } else {
        vm.io.buffered_reader
    };
    let buffer = buffered::new_over(vm, ty, raw, buffering as usize)?;
    if m.binary {
        return Ok(buffer);
    }
    let _pin = crate::gc::pin(buffer);
    let text = textio::new_over(vm, buffer, encoding, errors, newline, line_buffering, false)?;
    let _pin2 = crate::gc::pin(text);
    let name = vm.intern("mode");
    let mv = crate::str::alloc_str(vm, mode_s);
    crate::attr::setattr(vm, text, name, mv)?;
    Ok(text)
}

/// `io.open_code(path)`: the file opened for reading in binary mode.
pub fn open_code(vm: &mut Vm, args: Args) -> PyResult {
    let [path] = args.bind(vm, "open_code", ["path"], 1, 0)?;
    if crate::str::as_str(path).is_none() {
        let m = format!("open_code() argument 'path' must be str, not {}", vm.type_name(path));
        return Err(vm.type_error(m));
    }
    let rb = vm.intern("rb");
    let f = vm.io.open;
    crate::call::call(vm, f, &[path, rb])
}

/// `io.text_encoding(encoding, stacklevel=2)`: "locale" (or "utf-8" in UTF-8 mode)
/// for None, else `encoding`.
pub fn text_encoding(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "text_encoding", 1, 2)?;
    if a[0] != vm.none {
        return Ok(a[0]);
    }
    Ok(vm.intern(if vm.config.utf8_mode { "utf-8" } else { "locale" }))
}

// ---- the standard streams -------------------------------------------------------------------

/// The error handler of stdin and stdout (CPython's `config_get_stdio_errors`):
/// surrogateescape in UTF-8 mode and in the C/POSIX locales and their UTF-8
/// coercion targets, else strict.
fn stdio_errors(cfg: &crate::vm::Config) -> &'static str {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let loc = var("LC_ALL").or_else(|| var("LC_CTYPE")).or_else(|| var("LANG")).unwrap_or_else(|| "C".into());
    let utf8_mode = cfg.utf8_mode || (!cfg.ignore_environment && var("PYTHONUTF8").as_deref() == Some("1"));
    if utf8_mode || matches!(loc.as_str(), "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8") {
        "surrogateescape"
    } else {
        "strict"
    }
}

/// One standard stream over descriptor `fd`.
fn std_stream(vm: &mut Vm, fd: i32, name: &str, write: bool, errors: &str) -> PyResult {
    let buffered_stdio = !vm.config.unbuffered;
    let n = crate::str::alloc_str(vm, name);
    let raw = fileio::new_for_fd(vm, fd, if write { "wb" } else { "rb" }, n)?;
    let _pin = crate::gc::pin(raw);
    let buffer = if write && !buffered_stdio {
        raw
    } else {
        let ty = if write { vm.io.buffered_writer } else { vm.io.buffered_reader };
        buffered::new_over(vm, ty, raw, DEFAULT_BUFFER_SIZE)?
    };
    let _pin2 = crate::gc::pin(buffer);
    let line_buffering = buffered_stdio && (crate::modules::posix::sys_isatty(fd) || fd == 2);
    let enc = vm.intern("utf-8");
    let errs = vm.intern(errors);
    let text = textio::new_over(vm, buffer, enc, errs, Some("\n"), line_buffering, !buffered_stdio)?;
    let _pin3 = crate::gc::pin(text);
    let m = vm.intern("mode");
    let mv = vm.intern(if write { "w" } else { "r" });
    crate::attr::setattr(vm, text, m, mv)?;
    Ok(text)
}

/// `sys.stdin`, `sys.stdout`, `sys.stderr`.
pub fn std_streams(vm: &mut Vm) -> PyResult<[Value; 3]> {
    let errors = stdio_errors(&vm.config);
    let i = std_stream(vm, 0, "<stdin>", false, errors)?;
    let _pin = crate::gc::pin(i);
    let o = std_stream(vm, 1, "<stdout>", true, errors)?;
    let _pin2 = crate::gc::pin(o);
    let e = std_stream(vm, 2, "<stderr>", true, "backslashreplace")?;
    Ok([i, o, e])
}
