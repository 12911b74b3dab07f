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
    let cache = std::fs::metadata(source).ok().and_then(|m| {
        use std::os::unix::fs::PermissionsExt;
        Some((stamp_of(&m, optimize), cache_path(source, optimize)?, m.permissions().mode()))
    });
    cached_or_compiled(vm, cache, code_name, |vm| {
        let src = crate::import::read_source(vm, path)?;
        crate::import::compile_to_code(vm, &src, code_name, compiler::Mode::Exec, optimize)
    })
}

/// The code value of a module the binary embeds as source text (the
/// `_frozen_importlib` shims), named `<frozen NAME>`: cached like a source file's,
/// in the standard library's `__pycache__` as `frozen-NAME-HASH.ferropy-311.pyc`,
/// and valid for exactly this text (the stamp's mtime field holds a hash of the
/// text: CPython's hash-based pycs, PEP 552, for sources that have no file).
pub fn embedded_code(vm: &mut Vm, src: &str, name: &str) -> PyResult {
    let hash = compiler::cache::checksum(src.as_bytes());
    let stamp = Stamp { mtime_ns: hash as i64, size: src.len() as u64, optimize: 0 };
    let file = format!("frozen-{name}-{:08x}.{CACHE_TAG}.pyc", hash as u32);
    let cache = crate::import::stdlib_dir().map(|d| (stamp, d.join("__pycache__").join(file), 0o644));
    let code_name = format!("<frozen {name}>");
    cached_or_compiled(vm, cache, &code_name, |vm| crate::import::compile_to_code(vm, src, &code_name, compiler::Mode::Exec, 0))
}

/// The code from the cache file of `cache` (stamp, path, permission bits of
/// the source) when valid, else `compile`'s, written to that file.
fn cached_or_compiled(
    vm: &mut Vm,
    cache: Option<(Stamp, PathBuf, u32)>,
    code_name: &str,
    compile: impl FnOnce(&mut Vm) -> PyResult<compiler::CodeObject>,
) -> PyResult {
    if let Some((stamp, path, _)) = &cache {
        // A cache file that decodes but fails verification (damaged or written by a
        // different build) counts as stale.
        let cached = std::fs::read(path).ok().and_then(|data| compiler::cache::decode(&data, *stamp, code_name));
        if let Some(code) = cached.and_then(|c| compiler::verify::Verified::new(std::rc::Rc::new(c)).ok()) {
            return Ok(crate::function::new_code(vm, code));
        }
    }
    let code = compile(vm)?;
    if let Some((stamp, path, mode)) = &cache {
        if may_write(vm) {
            // Best effort, as CPython: an unwritable directory just means no cache.
            let _ = write_atomic(path, &compiler::cache::encode(&code, *stamp), *mode);
        }
    }
    let code = crate::function::verified(vm, code)?;
    Ok(crate::function::new_code(vm, code))
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
/// `mode` plus owner write (CPython's `_calc_mode`).
fn write_atomic(path: &Path, data: &[u8], mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let dir = path.parent().ok_or(std::io::ErrorKind::NotFound)?;
    match std::fs::create_dir(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(e),
        _ => {}
    }
    let mode = mode | 0o200;
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
