//! Weak references: `weakref.ref` (`ReferenceType`) and the proxies
//! (`ProxyType`, `CallableProxyType`), as CPython's Objects/weakrefobject.c. A weak
//! reference does not keep its target alive; the collector clears it when the target
//! dies and queues its callback, which runs at the next safe point (a loop back-edge
//! or call exit).
//!
//! Each target's weak references are listed in `WeakTable` in CPython's order: the
//! basic ref (no callback, exact `ref`) first, then the basic proxy, then the others,
//! newest first. `weakref.ref(o)` reuses the basic ref, `weakref.proxy(o)` the basic
//! proxy.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::{FxBuild, Vm};
use compiler::bytecode::{BinOp, CmpOp};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

pub struct WeakRefObj {
    /// Not traced: NULL once the target died.
    pub target: Cell<Value>,
    /// NULL when there is none, and once the target died (CPython clears it).
    pub callback: Cell<Value>,
    pub hash: Cell<i64>,
    /// `__slots__` storage of subclasses (`WeakMethod`, `KeyedRef`).
    pub slots: RefCell<Box<[Value]>>,
}
impl Trace for WeakRefObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.callback.get());
        self.slots.trace(t);
    }
}
payload!(WeakRefObj, "weakref");

/// The live weak references of each target. Neither keys nor entries are roots:
/// the collector prunes dead references and clears those whose target died.
#[derive(Default)]
pub struct WeakTable {
    by_target: HashMap<Value, Vec<Value>, FxBuild>,
}

impl WeakTable {
    /// The weak references to `target`, in CPython's list order.
    pub fn refs_to(&self, target: Value) -> Vec<Value> {
        self.by_target.get(&target).cloned().unwrap_or_default()
    }

    pub fn count(&self, target: Value) -> usize {
        self.by_target.get(&target).map_or(0, |l| l.len())
    }

    /// (basic ref, basic proxy) of `target`, as CPython's `get_basic_refs`.
    fn basic(&self, vm: &Vm, target: Value) -> (Option<Value>, Option<Value>) {
        let Some(l) = self.by_target.get(&target) else { return (None, None) };
        let mut it = l.iter().copied().peekable();
        let mut r = None;
        if let Some(&h) = it.peek() {
            if wobj(h).callback.get().is_null() && vm.type_of(h) == vm.t.weakref {
                r = Some(h);
                it.next();
            }
        }
        let p = it.next().filter(|h| wobj(*h).callback.get().is_null() && is_proxy(vm, *h));
        (r, p)
    }

    /// Adds `w` to `target`'s list: first if `first`, else after the basic ones.
    fn insert(&mut self, vm: &Vm, target: Value, w: Value, first: bool) {
        let (r, p) = self.basic(vm, target);
        let at = if first { 0 } else { r.is_some() as usize + p.is_some() as usize };
        self.by_target.entry(target).or_default().insert(at, w);
    }

    /// Inserts a basic proxy: after the basic ref if any, else first.
    fn insert_basic_proxy(&mut self, vm: &Vm, target: Value, w: Value) {
        let (r, _) = self.basic(vm, target);
        self.by_target.entry(target).or_default().insert(r.is_some() as usize, w);
    }
}

fn wobj(v: Value) -> &'static WeakRefObj {
    v.downcast::<WeakRefObj>().expect("weak reference")
}

fn is_proxy(vm: &Vm, v: Value) -> bool {
    let t = vm.type_of(v);
    t == vm.t.weakproxy || t == vm.t.weakcallableproxy
}

fn can_weakref(vm: &Vm, v: Value) -> bool {
    if v.is_small_int() {
        return false;
    }
    let t = vm.type_of(v);
    crate::typeobj::has_flag(t, crate::typeobj::tflag::WEAKREFABLE)
        || crate::typeobj::is_type(v)
        || v.is::<crate::function::FunctionObj>()
        || v.is::<crate::function::NativeFunction>()
        || v.is::<crate::set::SetObj>()
        || v.is::<crate::generator::GenObj>()
        || v.is::<crate::module::ModuleObj>()
        || v.is::<crate::function::BoundMethod>()
        || v.is::<crate::function::CodeObj>()
        || v.is::<crate::memoryview::MemoryViewObj>()
        || v.is::<crate::generic_alias::AliasObj>()
}

fn check_weakrefable(vm: &mut Vm, v: Value) -> PyResult<()> {
    if can_weakref(vm, v) {
        return Ok(());
    }
    let m = format!("cannot create weak reference to '{}' object", vm.type_name(v));
    Err(vm.type_error(m))
}

fn new_weak(vm: &mut Vm, cls: Value, target: Value, callback: Value) -> Value {
    let n = if crate::typeobj::is_type(cls) { crate::typeobj::tobj(cls).slot_count.get() } else { 0 };
    vm.alloc(
        cls,
        WeakRefObj { target: Cell::new(target), callback: Cell::new(callback), hash: Cell::new(-1), slots: RefCell::new(vec![Value::NULL; n].into_boxed_slice()) },
    )
}

fn ref_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    // Keywords are for a subclass's `__init__`: `__new__` ignores them.
    let a = args.shift().pos();
    if a.is_empty() || a.len() > 2 {
        let bound = if a.is_empty() { "at least 1 argument" } else { "at most 2 arguments" };
        return Err(vm.type_error(format!("__new__ expected {bound}, got {}", a.len())));
    }
    let target = a[0];
    check_weakrefable(vm, target)?;
    let cb = match a.get(1) {
        Some(c) if *c != vm.none => *c,
        _ => Value::NULL,
    };
    Ok(make_ref(vm, cls, target, cb))
}

/// `weakref.ref(target, callback)` (callback NULL for none): TypeError when
/// `target` cannot be weakly referenced.
pub fn new_ref(vm: &mut Vm, target: Value, callback: Value) -> PyResult {
    check_weakrefable(vm, target)?;
    let cls = vm.t.weakref;
    Ok(make_ref(vm, cls, target, callback))
}

/// A weak reference of class `cls`: the basic one is shared.
fn make_ref(vm: &mut Vm, cls: Value, target: Value, cb: Value) -> Value {
    let basic = cb.is_null() && cls == vm.t.weakref;
    if basic {
        if let (Some(r), _) = vm.weakrefs.basic(vm, target) {
            return r;
        }
    }
    let r = new_weak(vm, cls, target, cb);
    let mut table = std::mem::take(&mut vm.weakrefs);
    table.insert(vm, target, r, basic);
    vm.weakrefs = table;
    r
}

/// The referent of weak reference `w`, NULL once it died.
pub fn target(w: Value) -> Value {
    wobj(w).target.get()
}

fn ref_init(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.shift();
    a.no_kw(vm, "ref")?;
    a.exact(vm, "__init__", 1, 2)?;
    Ok(vm.none)
}

fn ref_call(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.shift();
    a.no_kw(vm, "weakref")?;
    if !a.vals.is_empty() {
        return Err(vm.type_error(format!("weakref expected 0 arguments, got {}", a.vals.len())));
    }
    let t = wobj(args.vals[0]).target.get();
    Ok(if t.is_null() { vm.none } else { t })
}

fn ref_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let t = wobj(a[0]).target.get();
    if t.is_null() {
        return Ok(crate::str::new_str(vm, format!("<weakref at {:#x}; dead>", a[0].id())));
    }
    // The name a class or function has (not an instance's `__getattr__`).
    let name = crate::attr::lookup_special(vm, t, "__name__")?.and_then(|n| crate::str::as_str(n).map(str::to_string));
    let base = format!("<weakref at {:#x}; to '{}' at {:#x}", a[0].id(), vm.type_name(t), t.id());
    let s = match name {
        Some(n) => format!("{base} ({n})>"),
        None => format!("{base}>"),
    };
    Ok(crate::str::new_str(vm, s))
}

fn ref_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let w = wobj(a[0]);
    if w.hash.get() == -1 {
        let t = w.target.get();
        if t.is_null() {
            return Err(vm.type_error("weak object has gone away"));
        }
        let h = crate::hash::hash(vm, t)?;
        w.hash.set(h);
    }
    Ok(crate::int::from_i64(vm, w.hash.get()))
}

/// `==`/`!=` only: referents compared while both live, identity otherwise.
fn ref_richcmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let a = args.exact(vm, "cmp", 2, 2)?;
    if a[1].downcast::<WeakRefObj>().is_none() || is_proxy(vm, a[1]) {
        return Ok(vm.not_implemented);
    }
    let (t1, t2) = (wobj(a[0]).target.get(), wobj(a[1]).target.get());
    if t1.is_null() || t2.is_null() {
        let same = a[0] == a[1];
        return Ok(vm.bool(if op == CmpOp::Eq { same } else { !same }));
    }
    crate::ops::compare(vm, t1, t2, op)
}

fn ref_eq(vm: &mut Vm, args: Args) -> PyResult {
    ref_richcmp(vm, args, CmpOp::Eq)
}

fn ref_ne(vm: &mut Vm, args: Args) -> PyResult {
    ref_richcmp(vm, args, CmpOp::Ne)
}

fn ref_callback(vm: &mut Vm, v: Value) -> PyResult {
    let c = wobj(v).callback.get();
    Ok(if c.is_null() { vm.none } else { c })
}

/// Called by the collector after marking and before sweeping: forgets weak
/// references that are themselves garbage, clears those whose target died and
/// queues their callbacks (which it keeps alive), in list order.
pub fn clear_dead(table: &mut WeakTable, is_live: &dyn Fn(Value) -> bool, t: &mut Tracer, queued: &mut Vec<(Value, Value)>) {
    table.by_target.retain(|target, refs| {
        refs.retain(|w| is_live(*w));
        if is_live(*target) {
            return !refs.is_empty();
        }
        for w in refs.iter() {
            let o = wobj(*w);
            o.target.set(Value::NULL);
            let cb = o.callback.replace(Value::NULL);
            if !cb.is_null() {
                t.value(cb);
                queued.push((cb, *w));
            }
        }
        false
    });
}

/// Runs queued weakref callbacks (outside the collector), oldest first; errors are
/// reported as unraisable.
pub fn run_callbacks(vm: &mut Vm) {
    // The queue stays a root until each callback has been taken off it.
    vm.weakref_callbacks.reverse();
    while let Some((cb, w)) = vm.weakref_callbacks.pop() {
        if let Err(e) = crate::call::call(vm, cb, &[w]) {
            crate::unraisable::write_unraisable(vm, e, None, cb);
        }
    }
}

/// `obj.__weakref__`: the first weak reference to `obj`, or None.
fn get_weakref(vm: &mut Vm, obj: Value) -> PyResult {
    let first = vm.weakrefs.by_target.get(&obj).and_then(|l| l.first().copied());
    Ok(first.unwrap_or(vm.none))
}

/// The `__weakref__` attribute classes get when their instances support weak
/// references.
pub fn weakref_descriptor(vm: &mut Vm, owner: Value) -> Value {
    crate::function::new_getset(vm, "__weakref__", owner, get_weakref, None)
}

// ---- proxies ---------------------------------------------------------------------

/// `weakref.proxy(object[, callback])`.
pub fn proxy_new(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "proxy", 1, 2)?;
    let target = a[0];
    check_weakrefable(vm, target)?;
    let cb = match a.get(1) {
        Some(c) if *c != vm.none => *c,
        _ => Value::NULL,
    };
    if cb.is_null() {
        if let (_, Some(p)) = vm.weakrefs.basic(vm, target) {
            return Ok(p);
        }
    }
    let cls = if crate::builtins::is_callable(vm, target) { vm.t.weakcallableproxy } else { vm.t.weakproxy };
    let p = new_weak(vm, cls, target, cb);
    let mut table = std::mem::take(&mut vm.weakrefs);
    if cb.is_null() {
        table.insert_basic_proxy(vm, target, p);
    } else {
        table.insert(vm, target, p, false);
    }
    vm.weakrefs = table;
    Ok(p)
}

/// The referent of a proxy operand (other operands unchanged); ReferenceError once
/// it died.
fn unwrap(vm: &mut Vm, v: Value) -> PyResult {
    if !is_proxy(vm, v) {
        return Ok(v);
    }
    let t = wobj(v).target.get();
    if t.is_null() {
        let e = vm.e.reference_error;
        return Err(vm.new_exc(e, "weakly-referenced object no longer exists"));
    }
    Ok(t)
}

fn proxy_getattribute(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getattribute__", 2, 2)?;
    let o = unwrap(vm, a[0])?;
    crate::attr::getattr(vm, o, a[1])
}

fn proxy_setattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setattr__", 3, 3)?;
    let o = unwrap(vm, a[0])?;
    crate::attr::setattr(vm, o, a[1], a[2])?;
    Ok(vm.none)
}

fn proxy_delattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__delattr__", 2, 2)?;
    let o = unwrap(vm, a[0])?;
    crate::attr::setattr(vm, o, a[1], Value::NULL)?;
    Ok(vm.none)
}

fn proxy_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    // CPython shows a dead proxy's referent as None.
    let t = match wobj(a[0]).target.get() {
        t if t.is_null() => vm.none,
        t => t,
    };
    let s = format!("<weakproxy at {:#x} to {} at {:#x}>", a[0].id(), vm.type_name(t), t.id());
    Ok(crate::str::new_str(vm, s))
}

fn proxy_str(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__str__", 1, 1)?;
    let o = unwrap(vm, a[0])?;
    crate::ops::str(vm, o)
}

fn proxy_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let m = format!("unhashable type: '{}'", vm.type_name(a[0]));
    Err(vm.type_error(m))
}

fn proxy_bool(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__bool__", 1, 1)?;
    let o = unwrap(vm, a[0])?;
    let b = crate::ops::truthy(vm, o)?;
    Ok(vm.bool(b))
}

fn proxy_len(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__len__", 1, 1)?;
    let o = unwrap(vm, a[0])?;
    let n = crate::ops::len(vm, o)?;
    Ok(crate::int::from_usize(vm, n))
}

fn proxy_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    let o = unwrap(vm, a[0])?;
    crate::ops::getitem(vm, o, a[1])
}

fn proxy_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setitem__", 3, 3)?;
    let o = unwrap(vm, a[0])?;
    crate::ops::setitem(vm, o, a[1], a[2])?;
    Ok(vm.none)
}

fn proxy_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__delitem__", 2, 2)?;
    let o = unwrap(vm, a[0])?;
    crate::ops::delitem(vm, o, a[1])?;
    Ok(vm.none)
}

fn proxy_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    let o = unwrap(vm, a[0])?;
    let b = crate::ops::contains(vm, o, a[1])?;
    Ok(vm.bool(b))
}

fn proxy_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    let o = unwrap(vm, a[0])?;
    crate::ops::iter(vm, o)
}

fn proxy_next(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__next__", 1, 1)?;
    let o = unwrap(vm, a[0])?;
    let t = vm.type_of(o);
    if crate::typeobj::lookup_str(vm, t, "__next__").is_none() {
        let m = format!("Weakref proxy referenced a non-iterator '{}' object", vm.type_name(o));
        return Err(vm.type_error(m));
    }
    let r = crate::ops::next(vm, o)?;
    crate::ops::next_or_stop(vm, r)
}

fn proxy_call(vm: &mut Vm, args: Args) -> PyResult {
    let o = unwrap(vm, args.vals[0])?;
    crate::call::call_args(vm, o, args.shift())
}

/// A method of the referent called by name (`__bytes__`, `__reversed__`).
fn proxy_method(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let a = args.exact(vm, name, 1, 1)?;
    let o = unwrap(vm, a[0])?;
    crate::call::call_method(vm, o, name, &[])
}

fn proxy_bytes(vm: &mut Vm, args: Args) -> PyResult {
    proxy_method(vm, args, "__bytes__")
}

fn proxy_reversed(vm: &mut Vm, args: Args) -> PyResult {
    proxy_method(vm, args, "__reversed__")
}

/// A unary operation on the referent, by the builtin that performs it.
fn proxy_unary(vm: &mut Vm, args: Args, name: &str, f: fn(&mut Vm, Value) -> PyResult) -> PyResult {
    let a = args.exact(vm, name, 1, 1)?;
    let o = unwrap(vm, a[0])?;
    f(vm, o)
}

fn do_abs(vm: &mut Vm, o: Value) -> PyResult {
    match crate::call::call_special(vm, o, "__abs__", &[])? {
        Some(r) => Ok(r),
        None => Err({ let m = format!("bad operand type for abs(): '{}'", vm.type_name(o)); vm.type_error(m) }),
    }
}

fn do_int(vm: &mut Vm, o: Value) -> PyResult {
    let int = vm.t.int;
    crate::call::call(vm, int, &[o])
}

fn do_float(vm: &mut Vm, o: Value) -> PyResult {
    let float = vm.t.float;
    crate::call::call(vm, float, &[o])
}

fn do_index(vm: &mut Vm, o: Value) -> PyResult {
    crate::number::index(vm, o)
}

macro_rules! proxy_unaries {
    ($($fname:ident: $name:literal => $f:path;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult { proxy_unary(vm, args, $name, $f) } )*
        const PROXY_UNARIES: &[(&str, crate::object::NativeFn)] = &[$(($name, $fname)),*];
    };
}
proxy_unaries! {
    proxy_neg: "__neg__" => crate::ops::neg;
    proxy_pos: "__pos__" => crate::ops::pos;
    proxy_invert: "__invert__" => crate::ops::invert;
    proxy_abs: "__abs__" => do_abs;
    proxy_int: "__int__" => do_int;
    proxy_float: "__float__" => do_float;
    proxy_index: "__index__" => do_index;
}

/// `x OP y` with both operands unwrapped (CPython's WRAP_BINARY); `reflected` when
/// the proxy is the right operand.
fn proxy_binary(vm: &mut Vm, args: Args, op: BinOp, reflected: bool) -> PyResult {
    let a = args.exact(vm, "op", 2, 3)?;
    let x = unwrap(vm, a[0])?;
    let y = unwrap(vm, a[1])?;
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    if op.base() == BinOp::Power {
        if let Some(&m) = a.get(2).filter(|m| **m != vm.none) {
            let m = unwrap(vm, m)?;
            let pow = crate::dict::get_item_str(vm, vm.builtins_dict, "pow")?.expect("builtins.pow");
            return crate::call::call(vm, pow, &[x, y, m]);
        }
    }
    crate::ops::binary_op(vm, x, y, op)
}

macro_rules! proxy_binaries {
    ($($op:ident: $f:ident, $rf:ident, $if_:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult { proxy_binary(vm, args, BinOp::$op, false) }
            fn $rf(vm: &mut Vm, args: Args) -> PyResult { proxy_binary(vm, args, BinOp::$op, true) }
            fn $if_(vm: &mut Vm, args: Args) -> PyResult { proxy_binary(vm, args, BinOp::$op.inplace(), false) }
        )*
        const PROXY_BINARIES: &[(BinOp, [crate::object::NativeFn; 3])] = &[$((BinOp::$op, [$f, $rf, $if_])),*];
    };
}
proxy_binaries! {
    Add: p_add, p_radd, p_iadd;
    And: p_and, p_rand, p_iand;
    FloorDivide: p_floordiv, p_rfloordiv, p_ifloordiv;
    Lshift: p_lshift, p_rlshift, p_ilshift;
    MatrixMultiply: p_matmul, p_rmatmul, p_imatmul;
    Multiply: p_mul, p_rmul, p_imul;
    Remainder: p_mod, p_rmod, p_imod;
    Or: p_or, p_ror, p_ior;
    Power: p_pow, p_rpow, p_ipow;
    Rshift: p_rshift, p_rrshift, p_irshift;
    Subtract: p_sub, p_rsub, p_isub;
    TrueDivide: p_truediv, p_rtruediv, p_itruediv;
    Xor: p_xor, p_rxor, p_ixor;
}

fn proxy_divmod(vm: &mut Vm, args: Args, reflected: bool) -> PyResult {
    let a = args.exact(vm, "divmod", 2, 2)?;
    let x = unwrap(vm, a[0])?;
    let y = unwrap(vm, a[1])?;
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    let divmod = crate::dict::get_item_str(vm, vm.builtins_dict, "divmod")?.expect("builtins.divmod");
    crate::call::call(vm, divmod, &[x, y])
}

fn p_divmod(vm: &mut Vm, args: Args) -> PyResult {
    proxy_divmod(vm, args, false)
}

fn p_rdivmod(vm: &mut Vm, args: Args) -> PyResult {
    proxy_divmod(vm, args, true)
}

fn proxy_richcmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let a = args.exact(vm, "cmp", 2, 2)?;
    let x = unwrap(vm, a[0])?;
    let y = unwrap(vm, a[1])?;
    crate::ops::compare(vm, x, y, op)
}

macro_rules! proxy_cmps {
    ($($fname:ident: $name:literal => $op:ident;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult { proxy_richcmp(vm, args, CmpOp::$op) } )*
        const PROXY_CMPS: &[(&str, crate::object::NativeFn)] = &[$(($name, $fname)),*];
    };
}
proxy_cmps! {
    p_lt: "__lt__" => Lt; p_le: "__le__" => Le; p_eq: "__eq__" => Eq;
    p_ne: "__ne__" => Ne; p_gt: "__gt__" => Gt; p_ge: "__ge__" => Ge;
}

fn init_proxy_type(vm: &mut Vm, t: Value, callable: bool) {
    use crate::typeobj::add_method;
    let plain: &[(&str, crate::object::NativeFn)] = &[
        ("__getattribute__", proxy_getattribute), ("__setattr__", proxy_setattr), ("__delattr__", proxy_delattr),
        ("__repr__", proxy_repr), ("__str__", proxy_str), ("__hash__", proxy_hash), ("__bool__", proxy_bool),
        ("__len__", proxy_len), ("__getitem__", proxy_getitem), ("__setitem__", proxy_setitem),
        ("__delitem__", proxy_delitem), ("__contains__", proxy_contains), ("__iter__", proxy_iter),
        ("__next__", proxy_next), ("__bytes__", proxy_bytes), ("__reversed__", proxy_reversed),
        ("__divmod__", p_divmod), ("__rdivmod__", p_rdivmod),
    ];
    for (n, f) in plain.iter().chain(PROXY_UNARIES).chain(PROXY_CMPS) {
        add_method(vm, t, n, *f);
    }
    for (op, fs) in PROXY_BINARIES {
        let (n, rn, iname) = crate::ops::binop_dunders(*op);
        add_method(vm, t, n, fs[0]);
        add_method(vm, t, rn, fs[1]);
        add_method(vm, t, iname, fs[2]);
    }
    if callable {
        add_method(vm, t, "__call__", proxy_call);
    }
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_classmethod, add_getter, add_method, add_static, set_attr_raw};
    let t = vm.t.weakref;
    add_static(vm, t, "__new__", ref_new);
    add_method(vm, t, "__init__", ref_init);
    add_method(vm, t, "__call__", ref_call);
    add_method(vm, t, "__repr__", ref_repr);
    add_method(vm, t, "__hash__", ref_hash);
    add_method(vm, t, "__eq__", ref_eq);
    add_method(vm, t, "__ne__", ref_ne);
    add_getter(vm, t, "__callback__", ref_callback);
    add_classmethod(vm, t, "__class_getitem__", crate::generic_alias::class_getitem);
    let (p, cp) = (vm.t.weakproxy, vm.t.weakcallableproxy);
    init_proxy_type(vm, p, false);
    init_proxy_type(vm, cp, true);
    for ty in [t, p, cp] {
        let m = vm.intern("weakref");
        set_attr_raw(vm, ty, "__module__", m).expect("type setup");
    }
}
