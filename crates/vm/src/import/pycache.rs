//! The bytecode cache on disk, as CPython's `SourceLoader.get_code` keeps it: the
//! compiled code of `DIR/NAME.py` is stored in `DIR/__pycache__/NAME.ferropy-311.pyc`
//! (`.opt-1.pyc`/`.opt-2.pyc` under `-O`/`-OO`), valid while the source's mtime
//! and size are those recorded and the compiler is the same build (the file
//! format and its checks are `compiler::cache`'s). A file that is missing, stale,
//! damaged or another compiler's is ignored and rewritten; writing is skipped
//! with `-B`, `PYTHONDONTWRITEBYTECODE` or `sys.dont_write_bytecode`, and
//! silently when the directory is not writable. Files are written to a temporary
//! name and renamed, so a reader never sees half a file.

use crate::object::PyResult;
use crate::value::Value;
use crate::vm::Vm;
use compiler::cache::Stamp;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `sys.implementation.cache_tag`.
pub const CACHE_TAG: &str = "ferropy-311";

/// `DIR/__pycache__/NAME.ferropy-311[.opt-N].pyc`: where the code of the source
/// file `DIR/NAME.py` is cached, as `importlib.util.cache_from_source` (in
/// `_frozen_importlib_external`, CPython's code) computes it.
pub fn cache_path(source: &Path, optimize: u8) -> Option<PathBuf> {
    let file = source.file_name()?.to_str()?;
    let almost = match file.rsplit_once('.') {
        Some(("", rest)) => format!("{rest}.{CACHE_TAG}"),
        Some((base, _)) => format!("{base}.{CACHE_TAG}"),
        None => format!("{file}{CACHE_TAG}"),
    };
    let opt = if optimize > 0 { format!(".opt-{optimize}") } else { String::new() };
    Some(source.with_file_name("__pycache__").join(format!("{almost}{opt}.pyc")))
}

/// The code value of a module's source file `path`, named `code_name` in
/// tracebacks: from the cache when it is valid, else compiled (SyntaxError as
/// `compile`) and cached.
pub fn module_code(vm: &mut Vm, path: &str, code_name: &str) -> PyResult {
    let optimize = vm.config.optimize;
    let source = Path::new(path);
    let stamp = std::fs::metadata(source).ok().map(|m| stamp_of(&m, optimize));
    let cache = cache_path(source, optimize);
    if let (Some(stamp), Some(cp)) = (stamp, &cache) {
        if let Some(code) = std::fs::read(cp).ok().and_then(|data| compiler::cache::decode(&data, stamp, code_name)) {
            return Ok(crate::function::new_code(vm, std::rc::Rc::new(code)));
        }
    }
    let src = crate::import::read_source(vm, path)?;
    let code = crate::import::compile_to_code(vm, &src, code_name, compiler::Mode::Exec, optimize)?;
    if let (Some(stamp), Some(cp)) = (stamp, &cache) {
        if may_write(vm) {
            // Best effort, as CPython: an unwritable directory just means no cache.
            let _ = write_atomic(cp, &compiler::cache::encode(&code, stamp), source);
        }
    }
    Ok(crate::function::new_code(vm, std::rc::Rc::new(code)))
}

fn stamp_of(meta: &std::fs::Metadata, optimize: u8) -> Stamp {
    use std::os::unix::fs::MetadataExt;
    let mtime_ns = meta.mtime().saturating_mul(1_000_000_000).saturating_add(meta.mtime_nsec());
    Stamp { mtime_ns, size: meta.len(), optimize }
}

/// `not sys.dont_write_bytecode` (which `-B` and `PYTHONDONTWRITEBYTECODE` set).
fn may_write(vm: &mut Vm) -> bool {
    match crate::sys::sys_attr(vm, "dont_write_bytecode") {
        Ok(v) => !crate::ops::truthy(vm, v).unwrap_or(true),
        Err(_) => false,
    }
}

/// Writes `data` to a temporary file beside `path` and renames it over `path`,
/// creating `__pycache__` if needed. The file gets the source's permission bits
/// plus owner write (CPython's `_calc_mode`).
fn write_atomic(path: &Path, data: &[u8], source: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let dir = path.parent().ok_or(std::io::ErrorKind::NotFound)?;
    match std::fs::create_dir(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(e),
        _ => {}
    }
    let mode = std::fs::metadata(source).map(|m| m.permissions().mode()).unwrap_or(0o644) | 0o200;
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.tmp", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode & 0o666)
        .open(&tmp)
        .and_then(|mut f| f.write_all(data))
        .and_then(|_| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// `__spec__.cached`/`__cached__` of a module loaded from `source`.
pub fn cached_value(vm: &mut Vm, source: &Path) -> Value {
    match cache_path(source, vm.config.optimize) {
        Some(p) => crate::str::alloc_str(vm, &p.to_string_lossy()),
        None => vm.none,
    }
}
