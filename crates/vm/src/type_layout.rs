//! `type.__basicsize__` and `type.__itemsize__`: CPython's `tp_basicsize` and
//! `tp_itemsize`, the instance sizes code such as `test_list` and `test_descr` reads
//! (`2 ** (tuple.__itemsize__ * 8)` is the largest size a container may reach).
//! Ferropy's own object sizes differ, so these report CPython 3.11's values on
//! 64-bit builds: a table for the builtin types, and for classes the layout
//! CPython's `type_new` gives them (base size, one word per `__slots__` member, a
//! word for the weak-reference list and for a `__dict__` that cannot be managed).

use crate::object::PyResult;
use crate::typeobj::{has_flag, tflag, tobj};
use crate::value::Value;
use crate::vm::Vm;

const WORD: usize = 8;

/// `(name, tp_basicsize, tp_itemsize)` of the builtin types whose sizes differ from
/// their base's (the others, exception classes mostly, inherit them).
const BUILTIN_SIZES: &[(&str, usize, usize)] = &[
    ("AttributeError", 88, 0), ("BaseException", 72, 0), ("BaseExceptionGroup", 88, 0),
    ("GenericAlias", 64, 0), ("ImportError", 96, 0), ("NameError", 80, 0), ("OSError", 112, 0),
    ("SimpleNamespace", 24, 0), ("StopIteration", 80, 0), ("SyntaxError", 136, 0),
    ("SystemExit", 80, 0), ("UnicodeDecodeError", 112, 0), ("UnicodeEncodeError", 112, 0),
    ("UnicodeTranslateError", 112, 0), ("UnionType", 32, 0), ("async_generator", 152, 8),
    ("bool", 32, 4), ("builtin_function_or_method", 56, 0), ("bytearray", 56, 0),
    ("bytes", 33, 1), ("cell", 24, 0), ("classmethod", 32, 0), ("classmethod_descriptor", 56, 0),
    ("code", 184, 2), ("complex", 32, 0), ("coroutine", 152, 8), ("dict", 48, 0),
    ("enumerate", 56, 0), ("filter", 32, 0), ("float", 24, 0), ("frame", 120, 8),
    ("frozenset", 200, 0), ("function", 136, 0), ("generator", 152, 8),
    ("getset_descriptor", 48, 0), ("int", 24, 4), ("list", 40, 0), ("map", 32, 0),
    ("mappingproxy", 24, 0), ("member_descriptor", 48, 0), ("memoryview", 144, 8),
    ("method", 48, 0), ("method-wrapper", 32, 0), ("method_descriptor", 56, 0),
    ("module", 56, 0), ("object", 16, 0), ("property", 64, 0), ("range", 48, 0),
    ("reversed", 32, 0), ("set", 200, 0), ("slice", 40, 0), ("staticmethod", 32, 0),
    ("str", 80, 0), ("super", 40, 0), ("traceback", 40, 0), ("tuple", 24, 8),
    ("type", 904, 40), ("wrapper_descriptor", 56, 0), ("zip", 48, 0),
];

/// The subclassable builtin types whose instances have a weak-reference list in
/// CPython (`__weakrefoffset__ != 0`); only `type` among them has both items and a
/// `__dict__`.
const BUILTIN_WEAKREFABLE: &[&str] = &["type", "set", "frozenset", "GenericAlias", "module"];

/// Whether instances of `ty` have a `__dict__` (`flag`: `tflag::HAS_DICT`) or weak
/// references, as their CPython layout says.
fn layout_has(ty: Value, flag: u32) -> bool {
    if has_flag(ty, tflag::HEAPTYPE) {
        return has_flag(ty, flag);
    }
    let name = tobj(ty).name.borrow();
    let listed = if flag == tflag::WEAKREFABLE { BUILTIN_WEAKREFABLE.contains(&name.as_str()) } else { name.as_str() == "type" };
    listed || has_flag(ty, flag)
}

/// `(basicsize, itemsize)` of a type.
fn sizes(ty: Value) -> (usize, usize) {
    let t = tobj(ty);
    let base = t.base.get();
    if !has_flag(ty, tflag::HEAPTYPE) {
        let name = t.name.borrow();
        if let Some(&(_, b, i)) = BUILTIN_SIZES.iter().find(|e| e.0 == name.as_str()) {
            return (b, i);
        }
        return if base.is_null() { (WORD * 2, 0) } else { sizes(base) };
    }
    let (mut basic, item) = sizes(base);
    basic += WORD * t.slot_count.get().saturating_sub(tobj(base).slot_count.get());
    // A `__dict__` is kept before the object (managed) unless the base has items.
    let adds = |f: u32| has_flag(ty, f) && !layout_has(base, f);
    if adds(tflag::HAS_DICT) && item != 0 {
        basic += WORD;
    }
    if adds(tflag::WEAKREFABLE) {
        basic += WORD;
    }
    (basic, item)
}

fn get_basicsize(vm: &mut Vm, ty: Value) -> PyResult {
    Ok(crate::int::from_i64(vm, sizes(ty).0 as i64))
}

fn get_itemsize(vm: &mut Vm, ty: Value) -> PyResult {
    Ok(crate::int::from_i64(vm, sizes(ty).1 as i64))
}

pub fn init_type(vm: &mut Vm) {
    let t = vm.t.type_;
    crate::typeobj::add_getter(vm, t, "__basicsize__", get_basicsize);
    crate::typeobj::add_getter(vm, t, "__itemsize__", get_itemsize);
}
