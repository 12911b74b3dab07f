//! The `_stat` module: `stat`'s C accelerator, with the file type tests,
//! `S_IMODE`/`S_IFMT`, `filemode` and the constants of Linux.

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;

const CONSTANTS: &[(&str, i64)] = &[
    ("SF_APPEND", 262144), ("SF_ARCHIVED", 65536), ("SF_IMMUTABLE", 131072),
    ("SF_NOUNLINK", 1048576), ("SF_SNAPSHOT", 2097152), ("ST_ATIME", 7), ("ST_CTIME", 9),
    ("ST_DEV", 2), ("ST_GID", 5), ("ST_INO", 1), ("ST_MODE", 0), ("ST_MTIME", 8), ("ST_NLINK", 3),
    ("ST_SIZE", 6), ("ST_UID", 4), ("S_ENFMT", 1024), ("S_IEXEC", 64), ("S_IFBLK", 24576),
    ("S_IFCHR", 8192), ("S_IFDIR", 16384), ("S_IFDOOR", 0), ("S_IFIFO", 4096), ("S_IFLNK", 40960),
    ("S_IFPORT", 0), ("S_IFREG", 32768), ("S_IFSOCK", 49152), ("S_IFWHT", 0), ("S_IREAD", 256),
    ("S_IRGRP", 32), ("S_IROTH", 4), ("S_IRUSR", 256), ("S_IRWXG", 56), ("S_IRWXO", 7),
    ("S_IRWXU", 448), ("S_ISGID", 1024), ("S_ISUID", 2048), ("S_ISVTX", 512), ("S_IWGRP", 16),
    ("S_IWOTH", 2), ("S_IWRITE", 128), ("S_IWUSR", 128), ("S_IXGRP", 8), ("S_IXOTH", 1),
    ("S_IXUSR", 64), ("UF_APPEND", 4), ("UF_COMPRESSED", 32), ("UF_HIDDEN", 32768),
    ("UF_IMMUTABLE", 2), ("UF_NODUMP", 1), ("UF_NOUNLINK", 16), ("UF_OPAQUE", 8),
];

const S_IFMT: u32 = 0o170000;

/// A `mode_t` argument as CPython's `_PyLong_AsMode_t` reads it: an int (no
/// `__index__`), not negative, fitting 32 bits.
fn mode_arg(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<u32> {
    let a = args.exact(vm, &format!("_stat.{fname}"), 1, 1)?;
    let v = a[0];
    if !crate::int::is_int(vm, v) {
        return Err(vm.type_error("an integer is required"));
    }
    let b = crate::int::to_bigint(vm, v).unwrap_or_default();
    if b.sign() == num_bigint::Sign::Minus {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    let Some(n) = num_traits::ToPrimitive::to_u64(&b) else {
        return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
    };
    u32::try_from(n).map_err(|_| vm.overflow_error("mode out of range"))
}

/// The file type tests: `S_ISDIR(mode)` and the others, by their S_IF* value
/// (0 for the types Linux does not have, which no mode is).
const TYPE_TESTS: &[(&str, u32)] = &[
    ("S_ISDIR", 0o040000), ("S_ISCHR", 0o020000), ("S_ISBLK", 0o060000), ("S_ISREG", 0o100000),
    ("S_ISFIFO", 0o010000), ("S_ISLNK", 0o120000), ("S_ISSOCK", 0o140000), ("S_ISDOOR", 0),
    ("S_ISPORT", 0), ("S_ISWHT", 0),
];

fn type_test(vm: &mut Vm, args: Args, index: usize) -> PyResult {
    let (name, kind) = TYPE_TESTS[index];
    let mode = mode_arg(vm, &args, name)?;
    Ok(vm.bool(kind != 0 && mode & S_IFMT == kind))
}

fn s_isdir(vm: &mut Vm, args: Args) -> PyResult {
    type_test(vm, args, 0)
}
fn s_ischr(vm: &mut Vm, args: Args) -> PyResult {
    type_test(vm, args, 1)
}
fn s_isblk(vm: &mut Vm, args: Args) -> PyResult {
    type_test(vm, args, 2)
}
fn s_isreg(vm: &mut Vm, args: Args) -> PyResult {
    type_test(vm, args, 3)
}
fn s_isfifo(vm: &mut Vm, args: Args) -> PyResult {
    type_test(vm, args, 4)
}
fn s_islnk(vm: &mut Vm, args: Args) -> PyResult {
    type_test(vm, args, 5)
}
fn s_issock(vm: &mut Vm, args: Args) -> PyResult {
    type_test(vm, args, 6)
}
fn s_isdoor(vm: &mut Vm, args: Args) -> PyResult {
    type_test(vm, args, 7)
}
fn s_isport(vm: &mut Vm, args: Args) -> PyResult {
    type_test(vm, args, 8)
}
fn s_iswht(vm: &mut Vm, args: Args) -> PyResult {
    type_test(vm, args, 9)
}

/// `S_IMODE(mode)`: the permission bits (with set-id and sticky bits).
fn s_imode(vm: &mut Vm, args: Args) -> PyResult {
    let mode = mode_arg(vm, &args, "S_IMODE")?;
    Ok(Value::small((mode & 0o7777) as i64))
}

/// `S_IFMT(mode)`: the file type bits.
fn s_ifmt(vm: &mut Vm, args: Args) -> PyResult {
    let mode = mode_arg(vm, &args, "S_IFMT")?;
    Ok(Value::small((mode & S_IFMT) as i64))
}

/// The `ls -l` type letter of a mode.
fn type_letter(mode: u32) -> char {
    match mode & S_IFMT {
        0o100000 => '-',
        0o040000 => 'd',
        0o120000 => 'l',
        0o060000 => 'b',
        0o020000 => 'c',
        0o010000 => 'p',
        0o140000 => 's',
        _ => '?',
    }
}

/// `filemode(mode)`: the `ls -l` form, e.g. '-rwxr-xr-x'.
fn filemode(vm: &mut Vm, args: Args) -> PyResult {
    let mode = mode_arg(vm, &args, "filemode")?;
    let mut s = String::with_capacity(10);
    s.push(type_letter(mode));
    // Per class (user, group, other): read, write, and execute combined with
    // its special bit (set-uid, set-gid, sticky).
    for (shift, special, on, off) in [(6, 0o4000, 's', 'S'), (3, 0o2000, 's', 'S'), (0, 0o1000, 't', 'T')] {
        let bits = mode >> shift;
        s.push(if bits & 4 != 0 { 'r' } else { '-' });
        s.push(if bits & 2 != 0 { 'w' } else { '-' });
        let x = bits & 1 != 0;
        s.push(match (mode & special != 0, x) {
            (true, true) => on,
            (true, false) => off,
            (false, true) => 'x',
            (false, false) => '-',
        });
    }
    Ok(crate::str::new_str(vm, s))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(vm, m, &[
        ("S_ISDIR", s_isdir),
        ("S_ISCHR", s_ischr),
        ("S_ISBLK", s_isblk),
        ("S_ISREG", s_isreg),
        ("S_ISFIFO", s_isfifo),
        ("S_ISLNK", s_islnk),
        ("S_ISSOCK", s_issock),
        ("S_ISDOOR", s_isdoor),
        ("S_ISPORT", s_isport),
        ("S_ISWHT", s_iswht),
        ("S_IMODE", s_imode),
        ("S_IFMT", s_ifmt),
        ("filemode", filemode),
    ])?;
    super::add_int_constants(vm, m, CONSTANTS)?;
    Ok(())
}
