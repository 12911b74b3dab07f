//! The `_operator` module (CPython's Modules/_operator.c): the functions behind
//! `operator`, each the one Python operation it names (`ops::*`), and
//! `_compare_digest` (used by `hmac`), and the `itemgetter`, `attrgetter` and
//! `methodcaller` classes. `operator.py` imports all of it over its pure-Python
//! definitions.

use crate::gc::{Trace, Tracer};
use crate::object::{count_message, Args, PyResult};
use crate::ops;
use crate::payload;
use crate::typeobj::{add_method, add_static, new_static_type, set_attr_raw};
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::{BinOp, CmpOp};

/// The `n` positional arguments of `_operator.name`, with its messages.
fn positional<'a>(vm: &mut Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if args.has_kw() {
        return Err(vm.type_error(format!("_operator.{name}() takes no keyword arguments")));
    }
    let got = args.vals.len();
    if got != n {
        let m = if n == 1 { count_message(&format!("_operator.{name}"), 1, 1, got) } else { count_message(name, n, n, got) };
        return Err(vm.type_error(m));
    }
    Ok(args.vals)
}

/// Functions of two operands, each `$call(vm, a, b, $op)`, listed in `$table`.
macro_rules! two_operands {
    ($table:ident, $call:path; $($f:ident => $name:literal, $op:expr;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult {
            let a = positional(vm, &args, $name, 2)?;
            $call(vm, a[0], a[1], $op)
        })*
        const $table: &[(&str, crate::object::NativeFn)] = &[$(($name, $f)),*];
    };
}

two_operands! { BINARY, ops::binary_op;
    op_add => "add", BinOp::Add;
    op_and => "and_", BinOp::And;
    op_floordiv => "floordiv", BinOp::FloorDivide;
    op_lshift => "lshift", BinOp::Lshift;
    op_matmul => "matmul", BinOp::MatrixMultiply;
    op_mod => "mod", BinOp::Remainder;
    op_mul => "mul", BinOp::Multiply;
    op_or => "or_", BinOp::Or;
    op_pow => "pow", BinOp::Power;
    op_rshift => "rshift", BinOp::Rshift;
    op_sub => "sub", BinOp::Subtract;
    op_truediv => "truediv", BinOp::TrueDivide;
    op_xor => "xor", BinOp::Xor;
    op_iadd => "iadd", BinOp::InplaceAdd;
    op_iand => "iand", BinOp::InplaceAnd;
    op_ifloordiv => "ifloordiv", BinOp::InplaceFloorDivide;
    op_ilshift => "ilshift", BinOp::InplaceLshift;
    op_imatmul => "imatmul", BinOp::InplaceMatrixMultiply;
    op_imod => "imod", BinOp::InplaceRemainder;
    op_imul => "imul", BinOp::InplaceMultiply;
    op_ior => "ior", BinOp::InplaceOr;
    op_ipow => "ipow", BinOp::InplacePower;
    op_irshift => "irshift", BinOp::InplaceRshift;
    op_isub => "isub", BinOp::InplaceSubtract;
    op_itruediv => "itruediv", BinOp::InplaceTrueDivide;
    op_ixor => "ixor", BinOp::InplaceXor;
}

two_operands! { COMPARISONS, ops::compare;
    op_lt => "lt", CmpOp::Lt;
    op_le => "le", CmpOp::Le;
    op_eq => "eq", CmpOp::Eq;
    op_ne => "ne", CmpOp::Ne;
    op_gt => "gt", CmpOp::Gt;
    op_ge => "ge", CmpOp::Ge;
}

fn op_not(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "not_", 1)?;
    let t = ops::truthy(vm, a[0])?;
    Ok(vm.bool(!t))
}

fn op_truth(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "truth", 1)?;
    let t = ops::truthy(vm, a[0])?;
    Ok(vm.bool(t))
}

fn op_is(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "is_", 2)?;
    Ok(vm.bool(a[0] == a[1]))
}

fn op_is_not(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "is_not", 2)?;
    Ok(vm.bool(a[0] != a[1]))
}

fn op_index(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "index", 1)?;
    crate::number::index(vm, a[0])
}

fn op_neg(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "neg", 1)?;
    ops::neg(vm, a[0])
}

fn op_pos(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "pos", 1)?;
    ops::pos(vm, a[0])
}

fn op_invert(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "invert", 1)?;
    ops::invert(vm, a[0])
}

fn op_inv(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "inv", 1)?;
    ops::invert(vm, a[0])
}

/// `abs(a)`, the builtin.
fn op_abs(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "abs", 1)?;
    let abs = vm.intern("abs");
    let builtins = vm.builtins;
    let f = crate::attr::getattr(vm, builtins, abs)?;
    crate::call::call(vm, f, &[a[0]])
}

/// Whether `v`'s type concatenates as a builtin sequence does (CPython's
/// `sq_concat` slot).
fn has_sq_concat(vm: &mut Vm, v: Value) -> bool {
    let t = vm.type_of(v);
    let vm_t = &vm.t;
    [vm_t.list, vm_t.tuple, vm_t.str, vm_t.bytes, vm_t.bytearray].iter().any(|b| crate::typeobj::is_subtype(t, *b))
}

/// `PySequence_Concat` / `PySequence_InPlaceConcat`.
fn concat_with(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult {
    if has_sq_concat(vm, a) {
        return ops::binary_op(vm, a, b, op);
    }
    if ops::sequence_check(vm, a) && ops::sequence_check(vm, b) {
        // `__iadd__` first for the in-place form (CPython's `binary_iop1`).
        if op == BinOp::InplaceAdd {
            if let Some(r) = crate::call::call_special(vm, a, "__iadd__", &[b])? {
                if r != vm.not_implemented {
                    return Ok(r);
                }
            }
        }
        let r = ops::binary_op1(vm, a, b, BinOp::Add)?;
        if r != vm.not_implemented {
            return Ok(r);
        }
    }
    let m = format!("'{}' object can't be concatenated", vm.type_name(a));
    Err(vm.type_error(m))
}

fn op_concat(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "concat", 2)?;
    concat_with(vm, a[0], a[1], BinOp::Add)
}

fn op_iconcat(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "iconcat", 2)?;
    concat_with(vm, a[0], a[1], BinOp::InplaceAdd)
}

/// `b in a`.
fn op_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "contains", 2)?;
    let r = ops::contains(vm, a[0], a[1])?;
    Ok(vm.bool(r))
}

/// The positions in iterable `seq` of items that are or equal `v`, up to the first
/// one when `first` (`_PySequence_IterSearch`).
fn search(vm: &mut Vm, seq: Value, v: Value, first: bool) -> PyResult<(i64, bool)> {
    let it = match ops::iter(vm, seq) {
        Ok(it) => it,
        Err(e) if crate::exceptions::matches(vm, e, vm.e.type_error) && ops::lacks_iter(vm, seq) => {
            let m = format!("argument of type '{}' is not iterable", vm.type_name(seq));
            return Err(vm.type_error(m));
        }
        Err(e) => return Err(e),
    };
    let (mut n, mut i) = (0i64, 0i64);
    while let Some(x) = ops::next(vm, it)? {
        if x == v || ops::eq(vm, x, v)? {
            if first {
                return Ok((i, true));
            }
            n += 1;
        }
        i += 1;
    }
    Ok((n, false))
}

fn op_count_of(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "countOf", 2)?;
    let (n, _) = search(vm, a[0], a[1], false)?;
    Ok(crate::int::from_i64(vm, n))
}

fn op_index_of(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "indexOf", 2)?;
    match search(vm, a[0], a[1], true)? {
        (i, true) => Ok(crate::int::from_i64(vm, i)),
        _ => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn op_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "getitem", 2)?;
    ops::getitem(vm, a[0], a[1])
}

fn op_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "setitem", 3)?;
    ops::setitem(vm, a[0], a[1], a[2])?;
    Ok(vm.none)
}

fn op_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "delitem", 2)?;
    ops::delitem(vm, a[0], a[1])?;
    Ok(vm.none)
}

/// `length_hint(obj, default=0, /)`.
fn op_length_hint(vm: &mut Vm, args: Args) -> PyResult {
    if args.has_kw() {
        return Err(vm.type_error("_operator.length_hint() takes no keyword arguments"));
    }
    let a = args.vals;
    if a.is_empty() || a.len() > 2 {
        return Err(vm.type_error(count_message("length_hint", 1, 2, a.len())));
    }
    let default = match a.get(1) {
        Some(&d) => crate::number::index_i64(vm, d)?,
        None => 0,
    };
    // A negative default comes back as is when there is no hint.
    let n = crate::iter::length_hint(vm, a[0], usize::MAX)?;
    let n = if n == usize::MAX { default } else { n as i64 };
    Ok(crate::int::from_i64(vm, n))
}

/// `call(obj, /, *args, **kwargs)`.
fn op_call(vm: &mut Vm, args: Args) -> PyResult {
    let Some(&f) = args.pos().first() else {
        return Err(vm.type_error(count_message("call", 1, usize::MAX, 0)));
    };
    crate::call::call_args(vm, f, Args::with_kw(&args.vals[1..], args.kwnames))
}

/// `_compare_digest(a, b, /)`: equality of two ASCII str or two bytes-like
/// objects in time independent of where they differ.
fn op_compare_digest(vm: &mut Vm, args: Args) -> PyResult {
    let a = positional(vm, &args, "_compare_digest", 2)?;
    let (x, y) = (a[0], a[1]);
    let (xs, ys) = (crate::str::as_str(x), crate::str::as_str(y));
    let (xb, yb): (Vec<u8>, Vec<u8>) = match (xs, ys) {
        (Some(p), Some(q)) => {
            if !p.is_ascii() || !q.is_ascii() {
                return Err(vm.type_error("comparing strings with non-ASCII characters is not supported"));
            }
            (p.as_bytes().to_vec(), q.as_bytes().to_vec())
        }
        _ => {
            let p = crate::bytes::buffer_bytes(x);
            let q = crate::bytes::buffer_bytes(y);
            match (p, q) {
                (Some(p), Some(q)) => (p.to_vec(), q.to_vec()),
                (None, None) => {
                    let m = format!("unsupported operand types(s) or combination of types: '{}' and '{}'", vm.type_name(x), vm.type_name(y));
                    return Err(vm.type_error(m));
                }
                (p, _) => {
                    let bad = if p.is_none() { x } else { y };
                    let m = format!("a bytes-like object is required, not '{}'", vm.type_name(bad));
                    return Err(vm.type_error(m));
                }
            }
        }
    };
    // Every byte of `yb` is looked at whatever `xb` holds (CPython's
    // `_tscmp`: the time depends on the length of the second argument only).
    let mut diff = (xb.len() != yb.len()) as u8;
    for (i, &c) in yb.iter().enumerate() {
        let l = if xb.len() == yb.len() { xb[i] } else { c };
        diff |= l ^ c;
    }
    Ok(vm.bool(diff == 0))
}

/// `itemgetter(item, ...)`: `obj[item]`, or a tuple of several.
pub struct ItemGetter {
    /// The items (a tuple).
    items: Value,
}
impl Trace for ItemGetter {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.items);
    }
}
payload!(ItemGetter, "itemgetter");

/// `attrgetter(attr, ...)`: the (dotted) attribute, or a tuple of several.
pub struct AttrGetter {
    /// The names as given (a tuple of str).
    names: Value,
    /// Each name split at its dots (a tuple of tuples of interned str).
    paths: Value,
}
impl Trace for AttrGetter {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.names);
        t.value(self.paths);
    }
}
payload!(AttrGetter, "attrgetter");

/// `methodcaller(name, /, *args, **kwargs)`: `obj.name(*args, **kwargs)`.
pub struct MethodCaller {
    name: Value,
    /// The positional arguments (a tuple) and the keyword ones (a dict).
    args: Value,
    kwargs: Value,
}
impl Trace for MethodCaller {
    fn trace(&self, t: &mut Tracer) {
        for v in [self.name, self.args, self.kwargs] {
            t.value(v);
        }
    }
}
payload!(MethodCaller, "methodcaller");

/// The constructor arguments of `name`: positional only, at least one.
fn constructor_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a [Value]> {
    if args.has_kw() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let a = &args.vals[1..];
    if a.is_empty() {
        return Err(vm.type_error(format!("{name} expected 1 argument, got 0")));
    }
    Ok(a)
}

/// The one object a getter is called with.
fn call_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    if args.has_kw() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    match args.vals {
        [_, obj] => Ok(*obj),
        a => Err(vm.type_error(format!("{name} expected 1 argument, got {}", a.len() - 1))),
    }
}

fn this<T: crate::gc::Payload>(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static T> {
    match v.downcast::<T>() {
        Some(p) => Ok(p),
        None => {
            let m = format!("descriptor requires a 'operator.{name}' object but received a '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

fn itemgetter_new(vm: &mut Vm, args: Args) -> PyResult {
    let a = constructor_args(vm, &args, "itemgetter")?;
    let items = crate::tuple::new_tuple(vm, a.to_vec());
    let cls = args.vals[0];
    Ok(vm.alloc(cls, ItemGetter { items }))
}

fn itemgetter_call(vm: &mut Vm, args: Args) -> PyResult {
    let g = this::<ItemGetter>(vm, args.vals[0], "itemgetter")?;
    let obj = call_arg(vm, &args, "itemgetter")?;
    let items = crate::tuple::items(g.items);
    if let [item] = items {
        return ops::getitem(vm, obj, *item);
    }
    let buf = crate::list::ValueBuf::new(vm);
    for &item in items {
        let v = ops::getitem(vm, obj, item)?;
        buf.push(v);
    }
    Ok(buf.into_tuple(vm))
}

/// `operator.itemgetter(1)`, `operator.itemgetter(1, 2)`, or `operator.itemgetter(...)`
/// for a getter within its own items.
fn itemgetter_repr(vm: &mut Vm, args: Args) -> PyResult {
    let self_ = args.vals[0];
    let g = this::<ItemGetter>(vm, self_, "itemgetter")?;
    let items = crate::tuple::items(g.items);
    let inner = crate::list::repr_items(vm, self_, items, "(", ")")?;
    let s = format!("operator.itemgetter{inner}");
    Ok(crate::str::new_str(vm, s))
}

fn itemgetter_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let self_ = args.vals[0];
    let g = this::<ItemGetter>(vm, self_, "itemgetter")?;
    let ty = vm.type_of(self_);
    Ok(crate::tuple::new_tuple(vm, vec![ty, g.items]))
}

fn attrgetter_new(vm: &mut Vm, args: Args) -> PyResult {
    let a = constructor_args(vm, &args, "attrgetter")?;
    let paths = crate::list::ValueBuf::new(vm);
    for &name in a {
        let Some(s) = crate::str::as_str(name) else {
            return Err(vm.type_error("attribute name must be a string"));
        };
        let parts = crate::list::ValueBuf::new(vm);
        for part in s.to_owned().split('.') {
            let p = vm.intern(part);
            parts.push(p);
        }
        let t = parts.into_tuple(vm);
        paths.push(t);
    }
    let paths = paths.into_tuple(vm);
    let names = crate::tuple::new_tuple(vm, a.to_vec());
    let cls = args.vals[0];
    Ok(vm.alloc(cls, AttrGetter { names, paths }))
}

/// `obj.a.b.c` for the path (a, b, c).
fn get_path(vm: &mut Vm, mut obj: Value, path: Value) -> PyResult {
    for &name in crate::tuple::items(path) {
        obj = crate::attr::getattr(vm, obj, name)?;
    }
    Ok(obj)
}

fn attrgetter_call(vm: &mut Vm, args: Args) -> PyResult {
    let g = this::<AttrGetter>(vm, args.vals[0], "attrgetter")?;
    let obj = call_arg(vm, &args, "attrgetter")?;
    let paths = crate::tuple::items(g.paths);
    if let [path] = paths {
        return get_path(vm, obj, *path);
    }
    let buf = crate::list::ValueBuf::new(vm);
    for &path in paths {
        let v = get_path(vm, obj, path)?;
        buf.push(v);
    }
    Ok(buf.into_tuple(vm))
}

fn attrgetter_repr(vm: &mut Vm, args: Args) -> PyResult {
    let self_ = args.vals[0];
    let g = this::<AttrGetter>(vm, self_, "attrgetter")?;
    let inner = crate::list::repr_items(vm, self_, crate::tuple::items(g.names), "(", ")")?;
    let s = format!("operator.attrgetter{inner}");
    Ok(crate::str::new_str(vm, s))
}

fn attrgetter_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let self_ = args.vals[0];
    let g = this::<AttrGetter>(vm, self_, "attrgetter")?;
    let ty = vm.type_of(self_);
    Ok(crate::tuple::new_tuple(vm, vec![ty, g.names]))
}

fn methodcaller_new(vm: &mut Vm, args: Args) -> PyResult {
    let pos = &args.pos()[1..];
    let Some(&name) = pos.first() else {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    };
    if crate::str::as_str(name).is_none() {
        return Err(vm.type_error("method name must be a string"));
    }
    let name = vm.intern_value(name);
    let margs = crate::tuple::new_tuple(vm, pos[1..].to_vec());
    let kwargs = crate::dict::new_dict(vm);
    for (k, v) in args.kw() {
        crate::dict::set_item(vm, kwargs, k, v)?;
    }
    let cls = args.vals[0];
    Ok(vm.alloc(cls, MethodCaller { name, args: margs, kwargs }))
}

fn methodcaller_call(vm: &mut Vm, args: Args) -> PyResult {
    let c = this::<MethodCaller>(vm, args.vals[0], "methodcaller")?;
    let obj = call_arg(vm, &args, "methodcaller")?;
    let method = crate::attr::getattr(vm, obj, c.name)?;
    let mut vals = crate::tuple::items(c.args).to_vec();
    let mut names = Vec::new();
    // The kwargs dict is the caller's own copy and outlives the call.
    for (k, v) in crate::dict::dobj(c.kwargs).items() {
        names.push(k);
        vals.push(v);
    }
    crate::call::call_args(vm, method, Args::with_kw(&vals, &names))
}

/// `operator.methodcaller('name', 1, key=2)`.
fn methodcaller_repr(vm: &mut Vm, args: Args) -> PyResult {
    let self_ = args.vals[0];
    let c = this::<MethodCaller>(vm, self_, "methodcaller")?;
    if vm.repr_active.contains(&self_) {
        return Ok(crate::str::new_str(vm, "operator.methodcaller(...)".to_string()));
    }
    vm.repr_active.push(self_);
    let r = methodcaller_parts(vm, c);
    vm.repr_active.retain(|x| *x != self_);
    let s = format!("operator.methodcaller({})", r?.join(", "));
    Ok(crate::str::new_str(vm, s))
}

fn methodcaller_parts(vm: &mut Vm, c: &MethodCaller) -> PyResult<Vec<String>> {
    let mut parts = vec![ops::repr_string(vm, c.name)?];
    for &a in crate::tuple::items(c.args) {
        parts.push(ops::repr_string(vm, a)?);
    }
    for (k, v) in crate::dict::dobj(c.kwargs).items() {
        let r = ops::repr_string(vm, v)?;
        parts.push(format!("{}={r}", crate::str::as_str(k).unwrap_or("?")));
    }
    Ok(parts)
}

/// `(type, (name, *args))`, or with keyword arguments
/// `(functools.partial(type, name, **kwargs), args)`.
fn methodcaller_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let self_ = args.vals[0];
    let c = this::<MethodCaller>(vm, self_, "methodcaller")?;
    let ty = vm.type_of(self_);
    if crate::dict::dobj(c.kwargs).items().is_empty() {
        let mut all = vec![c.name];
        all.extend_from_slice(crate::tuple::items(c.args));
        let t = crate::tuple::new_tuple(vm, all);
        return Ok(crate::tuple::new_tuple(vm, vec![ty, t]));
    }
    let functools = crate::import::import_simple(vm, "functools")?;
    let partial_name = vm.intern("partial");
    let partial = crate::attr::getattr(vm, functools, partial_name)?;
    let mut vals = vec![ty, c.name];
    let mut names = Vec::new();
    for (k, v) in crate::dict::dobj(c.kwargs).items() {
        names.push(k);
        vals.push(v);
    }
    let p = crate::call::call_args(vm, partial, Args::with_kw(&vals, &names))?;
    Ok(crate::tuple::new_tuple(vm, vec![p, c.args]))
}

/// Makes `operator.<name>` (not subclassable, as in CPython).
fn make_class(vm: &mut Vm, m: Value, name: &str, new: crate::object::NativeFn, methods: &[(&'static str, crate::object::NativeFn)]) -> PyResult<()> {
    let obj = vm.t.object;
    let t = new_static_type(vm, &format!("operator.{name}"), obj, 0);
    super::array::short_qualname(t);
    vm.extra_roots.push(t);
    let modname = vm.intern("operator");
    set_attr_raw(vm, t, "__module__", modname)?;
    add_static(vm, t, "__new__", new);
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    super::set_attr(vm, m, name, t)
}

const MODULE_DOC: &str = "Operator interface.

This module exports a set of functions implemented in C corresponding
to the intrinsic operators of Python.  For example, operator.add(x, y)
is equivalent to the expression x+y.  The function names are those
used for special methods; variants without leading and trailing
'__' are also provided for convenience.";

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(vm, m, BINARY)?;
    super::add_functions(vm, m, COMPARISONS)?;
    super::add_functions(
        vm,
        m,
        &[
            ("not_", op_not),
            ("truth", op_truth),
            ("is_", op_is),
            ("is_not", op_is_not),
            ("index", op_index),
            ("neg", op_neg),
            ("pos", op_pos),
            ("invert", op_invert),
            ("inv", op_inv),
            ("abs", op_abs),
            ("concat", op_concat),
            ("iconcat", op_iconcat),
            ("contains", op_contains),
            ("countOf", op_count_of),
            ("indexOf", op_index_of),
            ("getitem", op_getitem),
            ("setitem", op_setitem),
            ("delitem", op_delitem),
            ("length_hint", op_length_hint),
            ("call", op_call),
            ("_compare_digest", op_compare_digest),
        ],
    )?;
    make_class(vm, m, "itemgetter", itemgetter_new, &[("__call__", itemgetter_call), ("__repr__", itemgetter_repr), ("__reduce__", itemgetter_reduce)])?;
    make_class(vm, m, "attrgetter", attrgetter_new, &[("__call__", attrgetter_call), ("__repr__", attrgetter_repr), ("__reduce__", attrgetter_reduce)])?;
    make_class(vm, m, "methodcaller", methodcaller_new, &[("__call__", methodcaller_call), ("__repr__", methodcaller_repr), ("__reduce__", methodcaller_reduce)])?;
    let doc = crate::str::alloc_str(vm, MODULE_DOC);
    super::set_attr(vm, m, "__doc__", doc)?;
    Ok(())
}
