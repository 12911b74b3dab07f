//! Sizes that come from user input (repetition counts, widths, `bytearray(n)`,
//! length hints): CPython's limits and its MemoryError when the allocator refuses,
//! instead of an abort. Any other failed Rust allocation ends the process with
//! "Fatal Python error: out of memory" (see `gc::fallible`).

use crate::object::PyResult;
use crate::vm::Vm;

/// `PY_SSIZE_T_MAX`: no object holds more items or bytes than this.
pub const MAX_SIZE: usize = isize::MAX as usize;

/// An empty `Vec` with room for `n` items, or MemoryError.
pub fn vec_with_capacity<T>(vm: &mut Vm, n: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    reserve(vm, &mut v, n)?;
    Ok(v)
}

/// Makes room for `n` more items in `v`, or MemoryError (`v` is unchanged then).
pub fn reserve<T>(vm: &mut Vm, v: &mut Vec<T>, n: usize) -> PyResult<()> {
    if try_reserve(v, n) {
        Ok(())
    } else {
        Err(vm.memory_error())
    }
}

/// Makes room for `n` more items in `v`; false if the allocator refuses. Needs no
/// `Vm`, so it can run while a payload's `RefCell` is borrowed (raise afterwards).
pub fn try_reserve<T>(v: &mut Vec<T>, n: usize) -> bool {
    crate::gc::fallible(|| v.try_reserve_exact(n)).is_ok()
}

/// Checks that a result of `n` bytes can be allocated, for results that the pure
/// formatting functions build (padding widths): MemoryError up front rather than a
/// failed allocation inside them.
pub fn check_size(vm: &mut Vm, n: usize) -> PyResult<()> {
    let probe: Vec<u8> = vec_with_capacity(vm, n)?;
    drop(probe);
    Ok(())
}

/// `items * n` for list, tuple, bytes and bytearray (CPython's `*_repeat`): empty for
/// an empty operand; a result longer than `PY_SSIZE_T_MAX` is an OverflowError
/// `too_long` where CPython says so (bytes), MemoryError otherwise (list, tuple,
/// bytearray); a refused allocation is a MemoryError.
pub fn repeat<T: Copy>(vm: &mut Vm, items: &[T], n: usize, too_long: Option<&str>) -> PyResult<Vec<T>> {
    if items.is_empty() || n == 0 {
        return Ok(Vec::new());
    }
    let total = match items.len().checked_mul(n).filter(|t| *t <= MAX_SIZE) {
        Some(t) => t,
        None => {
            return Err(match too_long {
                Some(m) => vm.overflow_error(m),
                None => vm.memory_error(),
            })
        }
    };
    let mut v = vec_with_capacity(vm, total)?;
    v.extend_from_slice(items);
    // Doubling copies: O(log n) calls for small operands repeated many times.
    while v.len() < total {
        let k = v.len().min(total - v.len());
        v.extend_from_within(..k);
    }
    Ok(v)
}

/// `format(x, spec)` pads its result to the spec's width: MemoryError up front when
/// that much memory cannot be had (a spec that does not parse is left to the
/// formatting function, which reports it).
pub fn check_format_width(vm: &mut Vm, spec: &str) -> PyResult<()> {
    match format::spec::Spec::parse(spec, "") {
        Ok(s) => check_size(vm, s.width.unwrap_or(0)),
        Err(_) => Ok(()),
    }
}
