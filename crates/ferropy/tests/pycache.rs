//! The bytecode cache seen from outside: files written where CPython would put
//! them (with our tag), reused while valid, rewritten when stale, damaged or
//! another compiler's, never written with `-B`. (The differential cases
//! `tests/cases/stdlib/pycache_*` and `tests/cli/pycache_*` check the behaviour
//! CPython shares; these check what is ours: the file format and its checks.)

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("ferropy-pycache-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `ferropy ARGS` in `dir` without the caller's PYTHON* variables
/// (PYTHONDONTWRITEBYTECODE would turn the cache off); returns stdout, stderr.
fn run(dir: &Path, args: &[&str]) -> (String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ferropy"));
    for (k, _) in std::env::vars() {
        if k.starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    let out = cmd.args(args).current_dir(dir).output().unwrap();
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Writes a module's source with a fixed mtime (so that an edit can keep it).
fn write_module(path: &Path, text: &str, mtime_secs: u64) {
    std::fs::write(path, text).unwrap();
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(mtime_secs)).unwrap();
}

const IMPORT: &str = "import sys; sys.path.insert(0, '.'); import m; print(m.V)";

/// A directory with module `m` (source `text`, mtime fixed), imported once so
/// that its cache file exists and `print(m.V)` gave `printed`: the directory,
/// the source's path, the cache file's path and its bytes.
fn cached_module(name: &str, text: &str, printed: &str) -> (TempDir, PathBuf, PathBuf, Vec<u8>) {
    let d = TempDir::new(name);
    let src = d.0.join("m.py");
    let pyc = d.0.join("__pycache__/m.ferropy-311.pyc");
    write_module(&src, text, 1_000_000_000);
    assert_eq!(run(&d.0, &["-c", IMPORT]).0, printed);
    let file = std::fs::read(&pyc).expect("cache file written");
    assert_eq!(&file[..8], b"FerroPyC");
    (d, src, pyc, file)
}

#[test]
fn cache_is_written_reused_and_revalidated() {
    let (d, src, pyc, file) = cached_module("reuse", "V = 'one'\n", "one\n");

    // Same size and mtime: the cached code runs, not the edited text.
    write_module(&src, "V = 'two'\n", 1_000_000_000);
    assert_eq!(run(&d.0, &["-c", IMPORT]).0, "one\n");
    assert_eq!(std::fs::read(&pyc).unwrap(), file, "a valid cache is not rewritten");

    // Another mtime (a nanosecond is enough): recompiled and rewritten.
    std::fs::File::options()
        .write(true)
        .open(&src)
        .unwrap()
        .set_modified(SystemTime::UNIX_EPOCH + Duration::new(1_000_000_000, 1))
        .unwrap();
    assert_eq!(run(&d.0, &["-c", IMPORT]).0, "two\n");
    assert_ne!(std::fs::read(&pyc).unwrap(), file);
}

#[test]
fn damaged_or_foreign_files_are_recompiled() {
    let (d, _, pyc, good) = cached_module("damaged", "def f():\n    return 'ok'\nV = f()\n", "ok\n");
    let mut damaged: Vec<Vec<u8>> = vec![good[..good.len() / 2].to_vec(), good[..20].to_vec(), Vec::new()];
    for at in [8, 60, good.len() / 2, good.len() - 1] {
        // at 8: the compiler fingerprint (another build's file); then the payload.
        let mut bad = good.clone();
        bad[at] ^= 0x41;
        damaged.push(bad);
    }
    for bad in damaged {
        std::fs::write(&pyc, &bad).unwrap();
        let (out, err) = run(&d.0, &["-c", IMPORT]);
        assert_eq!((out.as_str(), err.as_str()), ("ok\n", ""));
        assert_eq!(std::fs::read(&pyc).unwrap(), good, "rewritten after a damaged file of {} bytes", bad.len());
    }
}

#[test]
fn dont_write_bytecode_and_optimization_levels() {
    let d = TempDir::new("flags");
    write_module(&d.0.join("m.py"), "V = __debug__\n", 1_000_000_000);
    assert_eq!(run(&d.0, &["-B", "-c", IMPORT]).0, "True\n");
    assert!(!d.0.join("__pycache__").exists(), "-B wrote a cache");
    let (out, _) = run(&d.0, &["-c", "import sys; sys.dont_write_bytecode = True; sys.path.insert(0, '.'); import m"]);
    assert_eq!(out, "");
    assert!(!d.0.join("__pycache__").exists(), "sys.dont_write_bytecode wrote a cache");
    assert_eq!(run(&d.0, &["-O", "-c", IMPORT]).0, "False\n");
    assert_eq!(run(&d.0, &["-OO", "-c", IMPORT]).0, "False\n");
    assert_eq!(run(&d.0, &["-c", IMPORT]).0, "True\n");
    let mut names: Vec<String> =
        std::fs::read_dir(d.0.join("__pycache__")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["m.ferropy-311.opt-1.pyc", "m.ferropy-311.opt-2.pyc", "m.ferropy-311.pyc"]);
    // Each level reads its own file.
    assert_eq!(run(&d.0, &["-O", "-c", IMPORT]).0, "False\n");
    assert_eq!(run(&d.0, &["-c", IMPORT]).0, "True\n");
}

#[test]
fn tracebacks_through_cached_code() {
    let d = TempDir::new("traceback");
    write_module(&d.0.join("m.py"), "def f(x):\n    y = x + 1\n    return y / 0\n", 1_000_000_000);
    let prog = "import sys; sys.path.insert(0, '.'); import m; m.f(1)";
    let cold = run(&d.0, &["-c", prog]).1;
    assert!(d.0.join("__pycache__/m.ferropy-311.pyc").exists());
    let warm = run(&d.0, &["-c", prog]).1;
    assert_eq!(cold, warm);
    assert!(warm.contains("m.py\", line 3, in f\n    return y / 0\n"), "{warm}");
}
