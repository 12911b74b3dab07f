//! The `builtins` module: thin wrappers over the semantic functions of `ops`,
//! `attr`, `call` and the type modules, with CPython's argument handling.

use crate::dict;
use crate::object::{Args, PyResult};
use crate::ops;
use crate::typeobj;
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::{BinOp, CmpOp};

fn b_abs(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "abs", 1, 1)?;
    if let Some(r) = crate::int::unary(vm, a[0], "abs")? {
        return Ok(r);
    }
    match crate::call::call_special(vm, a[0], "__abs__", &[])? {
        Some(r) => Ok(r),
        None => Err({ let __arg = format!("bad operand type for abs(): '{}'", vm.type_name(a[0])); vm.type_error(__arg) }),
    }
}

fn b_all(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "all", 1, 1)?;
    let it = ops::iter(vm, a[0])?;
    while let Some(v) = ops::next(vm, it)? {
        if !ops::truthy(vm, v)? {
            return Ok(vm.false_);
        }
    }
    Ok(vm.true_)
}

fn b_any(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "any", 1, 1)?;
    let it = ops::iter(vm, a[0])?;
    while let Some(v) = ops::next(vm, it)? {
        if ops::truthy(vm, v)? {
            return Ok(vm.true_);
        }
    }
    Ok(vm.false_)
}

fn b_ascii(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "ascii", 1, 1)?;
    ops::ascii(vm, a[0])
}

fn radix(vm: &mut Vm, args: Args, name: &str, spec: &str) -> PyResult {
    let a = args.exact(vm, name, 1, 1)?;
    let i = crate::number::index_bigint(vm, a[0])?;
    let s = format::spec::format_int_spec(&i, spec, "int").map_err(|e| crate::number::fmt_err(vm, e))?;
    Ok(crate::str::new_str(vm, s))
}
fn b_bin(vm: &mut Vm, args: Args) -> PyResult {
    radix(vm, args, "bin", "#b")
}
fn b_oct(vm: &mut Vm, args: Args) -> PyResult {
    radix(vm, args, "oct", "#o")
}
fn b_hex(vm: &mut Vm, args: Args) -> PyResult {
    radix(vm, args, "hex", "#x")
}

fn b_callable(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "callable", 1, 1)?;
    Ok({ let __arg = is_callable(vm, a[0]); vm.bool(__arg) })
}

pub fn is_callable(vm: &mut Vm, v: Value) -> bool {
    if v.is::<crate::function::FunctionObj>() || v.is::<crate::function::NativeFunction>() || v.is::<crate::function::BoundMethod>() || typeobj::is_type(v) {
        return true;
    }
    let t = vm.type_of(v);
    typeobj::lookup_str(vm, t, "__call__").is_some()
}

fn b_chr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "chr", 1, 1)?;
    let i = crate::number::index_bigint(vm, a[0])?;
    use num_traits::ToPrimitive;
    match i.to_u32().filter(|c| *c < 0x110000) {
        Some(c) => Ok(crate::str::code_point_str(vm, c)),
        None if i.to_i32().is_some() => Err(vm.value_error("chr() arg not in range(0x110000)")),
        None => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn b_ord(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "ord", 1, 1)?;
    if let Some(s) = a[0].downcast::<crate::str::StrObj>() {
        return match s.len() {
            1 => Ok(Value::small(i64::from(s.code_point_at(0)))),
            n => Err(vm.type_error(format!("ord() expected a character, but string of length {n} found"))),
        };
    }
    if let Some(b) = crate::bytes::as_bytes(a[0]) {
        if b.len() == 1 {
            return Ok(Value::small(b[0] as i64));
        }
        return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", b.len())));
    }
    Err({ let __arg = format!("ord() expected string of length 1, but {} found", vm.type_name(a[0])); vm.type_error(__arg) })
}

fn b_delattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "delattr", 2, 2)?;
    check_attr_name(vm, a[1])?;
    crate::attr::setattr(vm, a[0], a[1], Value::NULL)?;
    Ok(vm.none)
}

fn check_attr_name(vm: &mut Vm, n: Value) -> PyResult<()> {
    if crate::str::as_str(n).is_none() {
        return Err({ let __arg = format!("attribute name must be string, not '{}'", vm.type_name(n)); vm.type_error(__arg) });
    }
    Ok(())
}

fn b_getattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "getattr", 2, 3)?;
    check_attr_name(vm, a[1])?;
    let name = vm.intern_value(a[1]);
    if a.len() == 3 {
        return Ok(crate::attr::getattr_opt(vm, a[0], name)?.unwrap_or(a[2]));
    }
    crate::attr::getattr(vm, a[0], name)
}

fn b_hasattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "hasattr", 2, 2)?;
    check_attr_name(vm, a[1])?;
    let name = vm.intern_value(a[1]);
    Ok({ let __arg = crate::attr::getattr_opt(vm, a[0], name)?.is_some(); vm.bool(__arg) })
}

fn b_setattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "setattr", 3, 3)?;
    check_attr_name(vm, a[1])?;
    crate::attr::setattr(vm, a[0], a[1], a[2])?;
    Ok(vm.none)
}

fn b_divmod(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "divmod", 2, 2)?;
    let (x, y) = (a[0], a[1]);
    let r = binary_dunder(vm, x, y, "__divmod__", "__rdivmod__")?;
    if r != vm.not_implemented {
        return Ok(r);
    }
    Err({ let __arg = format!("unsupported operand type(s) for divmod(): '{}' and '{}'", vm.type_name(x), vm.type_name(y)); vm.type_error(__arg) })
}

/// A binary operation by explicit dunder names (divmod, 3-arg pow): the same
/// reflected-operand rules as `ops::binary_op1`.
fn binary_dunder(vm: &mut Vm, x: Value, y: Value, name: &'static str, rname: &'static str) -> PyResult {
    let (tx, ty) = (vm.type_of(x), vm.type_of(y));
    let fx = typeobj::lookup_str(vm, tx, name);
    let mut fy = if tx != ty { typeobj::lookup_str(vm, ty, rname) } else { None };
    if let Some(f) = fy {
        if typeobj::is_subtype(ty, tx) && typeobj::lookup_str(vm, tx, rname) != Some(f) {
            let r = crate::call::call_method_descr(vm, f, y, Args::new(&[x]))?;
            if r != vm.not_implemented {
                return Ok(r);
            }
            fy = None;
        }
    }
    if let Some(f) = fx {
        let r = crate::call::call_method_descr(vm, f, x, Args::new(&[y]))?;
        if r != vm.not_implemented {
            return Ok(r);
        }
    }
    if let Some(f) = fy {
        return crate::call::call_method_descr(vm, f, y, Args::new(&[x]));
    }
    Ok(vm.not_implemented)
}

fn b_pow(vm: &mut Vm, args: Args) -> PyResult {
    let [base, exp, m] = args.bind(vm, "pow", ["base", "exp", "mod"], 2, 0)?;
    if m.is_null() || m == vm.none {
        return ops::binary_op(vm, base, exp, BinOp::Power);
    }
    if crate::int::is_int(vm, base) && crate::int::is_int(vm, exp) && crate::int::is_int(vm, m) {
        let (b, e, md) = (crate::int::to_bigint(vm, base).unwrap(), crate::int::to_bigint(vm, exp).unwrap(), crate::int::to_bigint(vm, m).unwrap());
        return crate::int::power(vm, b, e, Some(md));
    }
    // CPython's ternary_op: base's __pow__, then the builtin power slot of the
    // exponent's and the modulus's types (Python-level __rpow__ is never used
    // for three-argument pow).
    let (tb, te, tm) = (vm.type_of(base), vm.type_of(exp), vm.type_of(m));
    if let Some(f) = typeobj::lookup_str(vm, tb, "__pow__") {
        let r = crate::call::call_method_descr(vm, f, base, Args::new(&[exp, m]))?;
        if r != vm.not_implemented {
            return Ok(r);
        }
    }
    for (t, other, name) in [(te, exp, "__rpow__"), (tm, m, "__pow__")] {
        if t == tb || (other == m && t == te) {
            continue;
        }
        let native = typeobj::lookup_str(vm, t, name).and_then(|f| f.downcast::<crate::function::NativeFunction>());
        if let Some(nf) = native {
            // The slot function itself: it gets operands of other types, as in C.
            let args = if other == exp { [exp, base, m] } else { [base, exp, m] };
            let r = (nf.func)(vm, Args::new(&args))?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    Err({ let __arg = format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        vm.type_name(base),
        vm.type_name(exp),
        vm.type_name(m)
    ); vm.type_error(__arg) })
}

fn b_format(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "format", 1, 2)?;
    let spec = match a.get(1) {
        Some(s) => {
            if crate::str::as_str(*s).is_none() {
                return Err({ let __arg = format!("format() argument 2 must be str, not {}", vm.arg_type_name(*s)); vm.type_error(__arg) });
            }
            *s
        }
        None => vm.empty_str,
    };
    ops::format(vm, a[0], spec)
}

fn b_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "hash", 1, 1)?;
    let h = crate::hash::hash(vm, a[0])?;
    Ok(crate::int::from_i64(vm, h))
}

fn b_id(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "id", 1, 1)?;
    let n = a[0].id_number();
    Ok(match i64::try_from(n) {
        Ok(i) => crate::int::from_i64(vm, i),
        Err(_) => crate::int::from_bigint(vm, num_bigint::BigInt::from(n)),
    })
}

fn b_isinstance(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "isinstance", 2, 2)?;
    let r = isinstance(vm, a[0], a[1])?;
    Ok(vm.bool(r))
}

/// `isinstance(obj, cls)` with tuples, unions and `__instancecheck__`
/// (CPython's `object_recursive_isinstance`).
pub fn isinstance(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<bool> {
    if vm.type_of(obj) == cls {
        return Ok(true);
    }
    if vm.type_of(cls) == vm.t.type_ {
        return object_isinstance(vm, obj, cls);
    }
    let cls = crate::generic_alias::union_args(cls).unwrap_or(cls);
    if crate::tuple::is_tuple(cls) {
        return any_of(vm, cls, " in __instancecheck__", |vm, c| isinstance(vm, obj, c));
    }
    match crate::call::call_special(vm, cls, "__instancecheck__", &[obj])? {
        Some(r) => ops::truthy(vm, r),
        None => object_isinstance(vm, obj, cls),
    }
}

/// True if `test` holds for an item of tuple `t` (under the recursion guard).
fn any_of(vm: &mut Vm, t: Value, guard: &str, mut test: impl FnMut(&mut Vm, Value) -> PyResult<bool>) -> PyResult<bool> {
    vm.enter_recursion(guard)?;
    let mut r = Ok(false);
    for &c in crate::tuple::items(t) {
        r = test(vm, c);
        if !matches!(r, Ok(false)) {
            break;
        }
    }
    vm.leave_recursion();
    r
}

/// `type.__instancecheck__` (`_PyObject_RealIsInstance`): by the type's MRO, or by
/// `obj.__class__` (proxies); classes that are not types take part through their
/// `__bases__`.
pub fn object_isinstance(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<bool> {
    let cn = vm.intern("__class__");
    if typeobj::is_type(cls) {
        if typeobj::is_instance(vm, obj, cls) {
            return Ok(true);
        }
        let c = crate::attr::getattr_opt(vm, obj, cn)?;
        return Ok(match c {
            Some(c) if c != vm.type_of(obj) && typeobj::is_type(c) => typeobj::is_subtype(c, cls),
            _ => false,
        });
    }
    check_class(vm, cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")?;
    match crate::attr::getattr_opt(vm, obj, cn)? {
        Some(c) => abstract_issubclass(vm, c, cls),
        None => Ok(false),
    }
}

/// `cls.__bases__` when it is a tuple (what makes an object a class for
/// `isinstance`/`issubclass`).
fn abstract_bases(vm: &mut Vm, cls: Value) -> PyResult<Option<Value>> {
    let n = vm.intern("__bases__");
    let b = crate::attr::getattr_opt(vm, cls, n)?;
    Ok(b.filter(|b| crate::tuple::is_tuple(*b)))
}

fn check_class(vm: &mut Vm, cls: Value, msg: &str) -> PyResult<()> {
    if abstract_bases(vm, cls)?.is_none() {
        return Err(vm.type_error(msg.to_string()));
    }
    Ok(())
}

/// Is `derived` a subclass of `cls` by walking `__bases__`?
fn abstract_issubclass(vm: &mut Vm, derived: Value, cls: Value) -> PyResult<bool> {
    let mut d = derived;
    loop {
        if d == cls {
            return Ok(true);
        }
        let Some(bases) = abstract_bases(vm, d)? else { return Ok(false) };
        let items = crate::tuple::items(bases);
        match items.len() {
            0 => return Ok(false),
            1 => d = items[0],
            _ => return any_of(vm, bases, " in __issubclass__", |vm, b| abstract_issubclass(vm, b, cls)),
        }
    }
}

fn b_issubclass(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "issubclass", 2, 2)?;
    let r = issubclass(vm, a[0], a[1])?;
    Ok(vm.bool(r))
}

/// `issubclass(sub, cls)` with tuples, unions and `__subclasscheck__`
/// (CPython's `object_issubclass`).
pub fn issubclass(vm: &mut Vm, sub: Value, cls: Value) -> PyResult<bool> {
    if vm.type_of(cls) == vm.t.type_ {
        return Ok(sub == cls || recursive_issubclass(vm, sub, cls)?);
    }
    let cls = crate::generic_alias::union_args(cls).unwrap_or(cls);
    if crate::tuple::is_tuple(cls) {
        return any_of(vm, cls, " in __subclasscheck__", |vm, c| issubclass(vm, sub, c));
    }
    match crate::call::call_special(vm, cls, "__subclasscheck__", &[sub])? {
        Some(r) => ops::truthy(vm, r),
        None => recursive_issubclass(vm, sub, cls),
    }
}

/// `type.__subclasscheck__` (`_PyObject_RealIsSubclass`).
pub fn recursive_issubclass(vm: &mut Vm, sub: Value, cls: Value) -> PyResult<bool> {
    if typeobj::is_type(sub) && typeobj::is_type(cls) {
        return Ok(typeobj::is_subtype(sub, cls));
    }
    check_class(vm, sub, "issubclass() arg 1 must be a class")?;
    if crate::generic_alias::union_args(cls).is_none() {
        check_class(vm, cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union")?;
    }
    abstract_issubclass(vm, sub, cls)
}

fn b_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "iter", 1, 2)?;
    if a.len() == 2 {
        if !is_callable(vm, a[0]) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(crate::iter::new_callable_iter(vm, a[0], a[1]));
    }
    ops::iter(vm, a[0])
}

fn b_next(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "next", 1, 2)?;
    let t = vm.type_of(a[0]);
    if typeobj::lookup_str(vm, t, "__next__").is_none() {
        return Err({ let __arg = format!("'{}' object is not an iterator", vm.type_name(a[0])); vm.type_error(__arg) });
    }
    match crate::call::call_special(vm, a[0], "__next__", &[]) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => unreachable!("checked above"),
        Err(e) if a.len() == 2 && crate::exceptions::matches(vm, e, vm.e.stop_iteration) => Ok(a[1]),
        Err(e) => Err(e),
    }
}

fn b_len(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "len", 1, 1)?;
    let n = ops::len(vm, a[0])?;
    Ok(crate::int::from_usize(vm, n))
}

fn b_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "repr", 1, 1)?;
    ops::repr(vm, a[0])
}

fn minmax(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult {
    let pos = args.pos();
    let mut key = Value::NULL;
    let mut default = Value::NULL;
    for (k, v) in args.kw() {
        match crate::str::as_str(k) {
            Some("key") => key = v,
            Some("default") => default = v,
            _ => return Err(crate::object::invalid_keyword(vm, name, crate::str::as_str(k).unwrap_or("?"))),
        }
    }
    if key == vm.none {
        key = Value::NULL;
    }
    if pos.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let src = if pos.len() == 1 {
        pos[0]
    } else {
        if !default.is_null() {
            return Err(vm.type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
        }
        crate::tuple::new_tuple(vm, pos.to_vec())
    };
    let it = ops::iter(vm, src)?;
    let mut best = Value::NULL;
    let mut best_key = Value::NULL;
    // best and best_key live in a heap tuple while Python code runs.
    let holder = crate::list::new_list(vm, vec![Value::NULL, Value::NULL]);
    while let Some(v) = ops::next(vm, it)? {
        let k = if key.is_null() { v } else { crate::call::call(vm, key, &[v])? };
        if best.is_null() {
            best = v;
            best_key = k;
        } else {
            let r = ops::compare(vm, k, best_key, op)?;
            if ops::truthy(vm, r)? {
                best = v;
                best_key = k;
            }
        }
        *crate::list::lobj(holder).items.borrow_mut() = vec![best, best_key];
    }
    if best.is_null() {
        if !default.is_null() {
            return Ok(default);
        }
        return Err(vm.value_error(format!("{name}() arg is an empty sequence")));
    }
    std::hint::black_box(holder);
    Ok(best)
}

fn b_max(vm: &mut Vm, args: Args) -> PyResult {
    minmax(vm, args, "max", CmpOp::Gt)
}
fn b_min(vm: &mut Vm, args: Args) -> PyResult {
    minmax(vm, args, "min", CmpOp::Lt)
}

/// `sep=` / `end=` of `print`: a str, or the default for None or missing.
fn print_text_arg(vm: &mut Vm, v: Value, what: &str, default: &str) -> PyResult {
    if v.is_null() || v == vm.none {
        return Ok(vm.intern(default));
    }
    if crate::str::as_str(v).is_none() {
        let m = format!("{what} must be None or a string, not {}", vm.type_name(v));
        return Err(vm.type_error(m));
    }
    Ok(v)
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`: writes each piece
/// with its own `file.write()` call, as CPython does.
fn b_print(vm: &mut Vm, args: Args) -> PyResult {
    let [sep, end, file, flush] = print_kwargs(vm, &args)?;
    let sep = print_text_arg(vm, sep, "sep", " ")?;
    let end = print_text_arg(vm, end, "end", "\n")?;
    let file = if file.is_null() || file == vm.none { crate::sys::stdout(vm)? } else { file };
    if file == vm.none {
        return Ok(vm.none);
    }
    for (i, v) in args.pos().iter().enumerate() {
        if i > 0 {
            print_piece(vm, file, sep)?;
        }
        let s = ops::str(vm, *v)?;
        print_piece(vm, file, s)?;
    }
    print_piece(vm, file, end)?;
    if !flush.is_null() && ops::truthy(vm, flush)? {
        crate::call::call_method(vm, file, "flush", &[])?;
    }
    Ok(vm.none)
}

/// `file.write(s)`, straight to the TextIOWrapper code for the standard streams.
fn print_piece(vm: &mut Vm, file: Value, s: Value) -> PyResult<()> {
    if let Some(r) = crate::modules::io::textio::print_write(vm, file, s) {
        return r;
    }
    crate::call::call_method(vm, file, "write", &[s])?;
    Ok(())
}

/// print's keyword arguments: sep, end, file, flush (NULL when not given).
fn print_kwargs(vm: &mut Vm, args: &Args) -> PyResult<[Value; 4]> {
    let mut out = [Value::NULL; 4];
    for (k, v) in args.kw() {
        let i = match crate::str::as_str(k) {
            Some("sep") => 0,
            Some("end") => 1,
            Some("file") => 2,
            Some("flush") => 3,
            other => return Err(crate::object::invalid_keyword(vm, "print", other.unwrap_or("?"))),
        };
        out[i] = v;
    }
    Ok(out)
}

fn b_input(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "input", 0, 1)?;
    let out = crate::sys::stdout(vm)?;
    if let Some(p) = a.first() {
        let s = ops::str_string(vm, *p)?;
        crate::sys::write_to(vm, out, &s)?;
    }
    let _ = crate::call::call_method(vm, out, "flush", &[]);
    let stdin = crate::sys::sys_attr(vm, "stdin")?;
    let line = crate::call::call_method(vm, stdin, "readline", &[])?;
    let s = crate::str::as_str(line).unwrap_or("").to_string();
    if s.is_empty() {
        let t = vm.e.eof_error;
        return Err(vm.new_exc(t, "EOF when reading a line"));
    }
    let s = s.strip_suffix('\n').unwrap_or(&s).to_string();
    Ok(crate::str::new_str(vm, s))
}

fn b_round(vm: &mut Vm, args: Args) -> PyResult {
    let [number, ndigits] = args.bind(vm, "round", ["number", "ndigits"], 1, 0)?;
    let t = vm.type_of(number);
    let Some(f) = typeobj::lookup_str(vm, t, "__round__") else {
        return Err({ let __arg = format!("type {} doesn't define __round__ method", vm.type_name(number)); vm.type_error(__arg) });
    };
    let a: &[Value] = if ndigits.is_null() || ndigits == vm.none { &[] } else { std::slice::from_ref(&ndigits) };
    crate::call::call_method_descr(vm, f, number, Args::new(a))
}

/// `sorted(iterable, /, **kw)`: a new list, sorted by `list.sort(**kw)`.
fn b_sorted(vm: &mut Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let l = crate::list::from_iterable(vm, pos[0])?;
    let mut vals = vec![l];
    vals.extend(args.kw().map(|(_, v)| v));
    crate::list::list_sort(vm, Args::with_kw(&vals, args.kwnames))?;
    Ok(l)
}

fn b_sum(vm: &mut Vm, args: Args) -> PyResult {
    let [iterable, start] = args.bind(vm, "sum", ["iterable", "start"], 1, 1)?;
    let mut acc = if start.is_null() { Value::small(0) } else { start };
    if crate::str::as_str(acc).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if crate::bytes::as_bytes(acc).is_some() {
        let what = if acc.is::<crate::bytes::ByteArrayObj>() { "bytearray" } else { "bytes" };
        return Err(vm.type_error(format!("sum() can't sum {what} [use b''.join(seq) instead]")));
    }
    let it = ops::iter(vm, iterable)?;
    // Exact float sums use Neumaier-free plain addition as CPython does for floats.
    let holder = crate::list::new_list(vm, vec![acc]);
    while let Some(v) = ops::next(vm, it)? {
        acc = ops::binary_op(vm, acc, v, BinOp::Add)?;
        crate::list::lobj(holder).items.borrow_mut()[0] = acc;
    }
    Ok(acc)
}

fn b_globals(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "globals", 0, 0)?;
    Ok(vm.frames.last().map(|f| f.globals).unwrap_or(vm.none))
}

fn b_locals(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "locals", 0, 0)?;
    current_locals(vm)
}

/// `locals()` of the calling frame.
pub fn current_locals(vm: &mut Vm) -> PyResult {
    let n = vm.frames.len();
    if n == 0 {
        return Ok(vm.none);
    }
    let f = &vm.frames[n - 1];
    if !f.locals.is_null() {
        return Ok(f.locals);
    }
    // A function's locals: the dict of its frame object, brought up to date (the
    // same dict at each call, as in CPython).
    let fo = crate::frame::object_of(vm, n - 1);
    crate::frame::locals_of(vm, fo)
}

fn b_vars(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "vars", 0, 1)?;
    match a.first() {
        None => current_locals(vm),
        Some(o) => {
            let n = vm.intern("__dict__");
            match crate::attr::getattr_opt(vm, *o, n)? {
                Some(d) => Ok(d),
                None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
            }
        }
    }
}

fn b_dir(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "dir", 0, 1)?;
    let l = match a.first() {
        None => {
            let loc = current_locals(vm)?;
            let keys = crate::call::call_method(vm, loc, "keys", &[])?;
            crate::list::from_iterable(vm, keys)?
        }
        Some(o) => {
            let r = match crate::call::call_special(vm, *o, "__dir__", &[])? {
                Some(r) => r,
                None => return Err(vm.type_error("object does not provide __dir__")),
            };
            crate::list::from_iterable(vm, r)?
        }
    };
    crate::list::sort_list(vm, l, Value::NULL, false)?;
    Ok(l)
}

fn b_compile(vm: &mut Vm, args: Args) -> PyResult {
    let [source, filename, mode, flags, dont_inherit, optimize, feature_version] =
        args.bind(vm, "compile", ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"], 3, 0)?;
    // The parser's grammar is 3.11's whatever `_feature_version` asks for.
    let _ = (dont_inherit, feature_version);
    let fname = ops::str_string(vm, filename)?;
    let flags = if flags.is_null() { 0 } else { crate::number::index_i64(vm, flags)? };
    let opt = if optimize.is_null() { vm.config.optimize as i64 } else { crate::number::index_i64(vm, optimize)? };
    let opt = if opt < 0 { vm.config.optimize } else { opt as u8 };
    // ASTs in or out: the `_ast` module's part.
    if let Some(r) = crate::modules::ast::compile(vm, source, &fname, mode, flags, opt)? {
        return Ok(r);
    }
    let src = source_text(vm, source, "compile")?;
    let mode_s = crate::str_methods::str_arg(vm, mode, "compile() mode")?;
    let mode = match mode_s {
        "exec" => compiler::Mode::Exec,
        "eval" => compiler::Mode::Eval,
        "single" => compiler::Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let top_level_await = flags & crate::modules::ast::PYCF_ALLOW_TOP_LEVEL_AWAIT != 0;
    crate::import::compile_source_with(vm, &src, &fname, mode, compiler::CompileOptions { optimize: opt, top_level_await, ..Default::default() })
}

pub(crate) fn source_text(vm: &mut Vm, source: Value, fname: &str) -> PyResult<String> {
    if let Some(s) = crate::str::as_str(source) {
        return crate::import::check_no_nul(vm, s.to_string());
    }
    // Any bytes-like object will do (CPython's `_Py_SourceAsString`).
    if let Some(b) = crate::bytes::buffer_bytes(source) {
        let s = decode_source(vm, b)?;
        return crate::import::check_no_nul(vm, s);
    }
    let other = if fname == "compile" { "AST" } else { "code" };
    Err(vm.type_error(format!("{fname}() arg 1 must be a string, bytes or {other} object")))
}

/// The PEP 263 encoding declaration of source bytes: a comment matching
/// `coding[:=]\s*([-\w.]+)` on the first line, or on the second after a first
/// line that is blank or a comment.
fn coding_cookie(b: &[u8]) -> Option<String> {
    let mut lines = b.split(|c| *c == b'\n');
    for _ in 0..2 {
        let line = lines.next()?;
        let text = String::from_utf8_lossy(line);
        let t = text.trim_start_matches([' ', '\t', '\x0c']);
        if let Some(comment) = t.strip_prefix('#') {
            if let Some(i) = comment.find("coding") {
                let rest = &comment[i + 6..];
                if let Some(rest) = rest.strip_prefix([':', '=']) {
                    let name: String = rest
                        .trim_start_matches([' ', '\t'])
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
                        .collect();
                    if !name.is_empty() {
                        return Some(name);
                    }
                }
            }
        } else if !t.trim().is_empty() {
            return None;
        }
    }
    None
}

/// The tokenizer's `get_normal_name`: spellings of UTF-8 and Latin-1 (in their
/// first 12 characters) become `utf-8` and `iso-8859-1`.
fn normal_encoding_name(name: String) -> String {
    let b: String = name.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    if b == "utf-8" || b.starts_with("utf-8-") {
        return "utf-8".into();
    }
    let latin = ["latin-1", "iso-8859-1", "iso-latin-1"];
    if latin.iter().any(|l| b == *l || b.starts_with(&format!("{l}-"))) {
        return "iso-8859-1".into();
    }
    name
}

/// A script's bytes as text (`python FILE`), decoded as `decode_source` does; invalid
/// UTF-8 in a file without an encoding declaration is CPython's tokenizer's "Non-UTF-8
/// code" error.
pub fn decode_source_file(vm: &mut Vm, b: Vec<u8>, path: &str) -> PyResult<String> {
    let body = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&b);
    if coding_cookie(body).is_none() {
        if let Err(e) = std::str::from_utf8(body) {
            let at = e.valid_up_to();
            let line = body[..at].iter().filter(|c| **c == b'\n').count() + 1;
            let m = format!(
                "Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                body[at]
            );
            return Err(vm.new_exc(vm.e.syntax_error, m));
        }
    }
    decode_source(vm, b)
}

/// Source bytes as text: a UTF-8 BOM, or the encoding an encoding declaration
/// names (decoded through the codec registry), else UTF-8; decoding errors are
/// SyntaxErrors, as CPython's tokenizer reports them.
pub(crate) fn decode_source(vm: &mut Vm, b: Vec<u8>) -> PyResult<String> {
    let (body, bom) = match b.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest.to_vec(), true),
        None => (b, false),
    };
    let cookie = coding_cookie(&body).map(normal_encoding_name);
    let utf8 = cookie.as_deref().is_none_or(|c| c == "utf-8");
    if utf8 {
        if let Ok(s) = String::from_utf8(body.clone()) {
            return Ok(s);
        }
    } else if bom {
        let m = format!("encoding problem: {} with BOM", cookie.unwrap_or_default());
        return Err(vm.new_exc(vm.e.syntax_error, m));
    }
    let enc = cookie.unwrap_or_else(|| "utf-8".to_string());
    let data = crate::bytes::new_bytes(vm, body);
    let name = crate::str::new_str(vm, enc.clone());
    match crate::call::call_method(vm, data, "decode", &[name]) {
        Ok(s) => ops::str_string(vm, s),
        Err(e) if crate::exceptions::matches(vm, e, vm.e.unicode_decode_error) => {
            let m = format!("(unicode error) {}", ops::str_string(vm, e.0)?);
            Err(vm.new_exc(vm.e.syntax_error, m))
        }
        Err(e) if crate::exceptions::matches(vm, e, vm.e.lookup_error) => {
            Err(vm.new_exc(vm.e.syntax_error, format!("unknown encoding: {enc}")))
        }
        Err(e) => Err(e),
    }
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)` and
/// `eval(source, globals=None, locals=None, /)`.
fn exec_or_eval(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let [source, globals, locals, closure] = if name == "exec" {
        if args.pos().len() > 3 {
            let m = format!("exec() takes at most 3 positional arguments ({} given)", args.pos().len());
            return Err(vm.type_error(m));
        }
        args.bind(vm, name, ["source", "globals", "locals", "closure"], 1, 3)?
    } else {
        let [s, g, l] = args.bind(vm, name, ["source", "globals", "locals"], 1, 3)?;
        [s, g, l, Value::NULL]
    };
    let none = vm.none;
    if name == "eval" {
        check_eval_namespaces(vm, globals, locals)?;
    }
    let (globals, locals) = {
        let g = if globals.is_null() || globals == none { Value::NULL } else { globals };
        let l = if locals.is_null() || locals == none { Value::NULL } else { locals };
        match (g, l) {
            (Value::NULL, Value::NULL) => {
                let g = vm.frames.last().map(|f| f.globals).unwrap_or(vm.builtins_dict);
                let l = current_locals(vm)?;
                (g, l)
            }
            (g, Value::NULL) => (g, g),
            (Value::NULL, l) => {
                let g = vm.frames.last().map(|f| f.globals).unwrap_or(vm.builtins_dict);
                (g, l)
            }
            (g, l) => (g, l),
        }
    };
    if !globals.is::<dict::DictObj>() {
        return Err({ let __arg = format!("{name}() globals must be a dict, not {}", vm.type_name(globals)); vm.type_error(__arg) });
    }
    if !is_mapping(vm, locals) {
        let m = format!("locals must be a mapping or None, not {}", vm.type_name(locals));
        return Err(vm.type_error(m));
    }
    let closure = if closure == none { Value::NULL } else { closure };
    let code = if let Some(co) = source.downcast::<crate::function::CodeObj>() {
        check_free_vars(vm, co, closure, name)?;
        source
    } else {
        if !closure.is_null() {
            return Err(vm.type_error("closure can only be used when source is a code object"));
        }
        let src = source_text(vm, source, name)?;
        let src = if name == "eval" { src.trim_start_matches([' ', '\t']).to_string() } else { src };
        let mode = if name == "eval" { compiler::Mode::Eval } else { compiler::Mode::Exec };
        let opt = vm.config.optimize;
        crate::import::compile_source(vm, &src, "<string>", mode, opt)?
    };
    crate::interp::builtins_for(vm, globals)?;
    let r = if closure.is_null() {
        crate::interp::run_code(vm, code, globals, locals)?
    } else {
        run_with_closure(vm, code, globals, locals, closure)?
    };
    Ok(if name == "exec" { vm.none } else { r })
}

/// `eval`'s checks of its namespaces, in CPython's order and words.
fn check_eval_namespaces(vm: &mut Vm, globals: Value, locals: Value) -> PyResult<()> {
    let none = vm.none;
    let given = |v: Value| !v.is_null() && v != none;
    if given(locals) && !is_mapping(vm, locals) {
        return Err(vm.type_error("locals must be a mapping"));
    }
    if given(globals) && !globals.is::<dict::DictObj>() {
        let m = if is_mapping(vm, globals) {
            "globals must be a real dict; try eval(expr, {}, mapping)"
        } else {
            "globals must be a dict"
        };
        return Err(vm.type_error(m));
    }
    Ok(())
}

/// A code object's free variables need cells: `exec`'s `closure` gives them (a
/// tuple of exactly that many cells); `eval` takes no code object that has any.
fn check_free_vars(vm: &mut Vm, co: &crate::function::CodeObj, closure: Value, name: &str) -> PyResult<()> {
    let nfree = co.code.freevars.len();
    if name == "eval" {
        if nfree > 0 {
            return Err(vm.type_error("code object passed to eval() may not contain free variables"));
        }
        return Ok(());
    }
    if nfree == 0 {
        if !closure.is_null() {
            return Err(vm.type_error("cannot use a closure with this code object"));
        }
        return Ok(());
    }
    let ok = !closure.is_null()
        && vm.type_of(closure) == vm.t.tuple
        && crate::tuple::items(closure).len() == nfree
        && crate::tuple::items(closure).iter().all(|c| c.is::<crate::function::CellObj>());
    if !ok {
        return Err(vm.type_error(format!("code object requires a closure of exactly length {nfree}")));
    }
    Ok(())
}

/// `run_code` for a code object with free variables, bound to `closure`'s cells.
fn run_with_closure(vm: &mut Vm, code: Value, globals: Value, locals: Value, closure: Value) -> PyResult {
    let builtins = crate::interp::builtins_for(vm, globals)?;
    let frame = crate::interp::Frame::new(vm, code, globals, builtins, locals)?;
    let co = code.downcast::<crate::function::CodeObj>().expect("code");
    let nvars = co.varnames.len();
    let ncellvars = co.code.cellvars.len();
    for i in 0..ncellvars {
        let c = crate::function::new_cell(vm, Value::NULL);
        vm.stack.set(frame.base + nvars + i, c);
    }
    for (j, c) in crate::tuple::items(closure).iter().enumerate() {
        vm.stack.set(frame.base + nvars + ncellvars + j, *c);
    }
    crate::interp::run_frame(vm, frame)
}

fn b_exec(vm: &mut Vm, args: Args) -> PyResult {
    exec_or_eval(vm, args, "exec")
}
fn b_eval(vm: &mut Vm, args: Args) -> PyResult {
    exec_or_eval(vm, args, "eval")
}

fn b_import(vm: &mut Vm, args: Args) -> PyResult {
    let [name, globals, _locals, fromlist, level] =
        args.bind(vm, "__import__", ["name", "globals", "locals", "fromlist", "level"], 1, 0)?;
    let level = if level.is_null() { 0 } else { crate::number::index_i64(vm, level)? };
    let globals = if globals.is_null() { vm.none } else { globals };
    let fromlist = if fromlist.is_null() { vm.none } else { fromlist };
    crate::import::import_module_level(vm, name, globals, fromlist, level)
}

fn b_build_class(vm: &mut Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = pos[0];
    if !func.is::<crate::function::FunctionObj>() {
        return Err(vm.type_error("__build_class__: func must be a function"));
    }
    let name = pos[1];
    if crate::str::as_str(name).is_none() {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let orig_bases = crate::tuple::new_tuple(vm, pos[2..].to_vec());
    let bases = resolve_mro_entries(vm, orig_bases)?;
    let mut meta = Value::NULL;
    let mut kw_names = Vec::new();
    let mut kw_vals = Vec::new();
    for (k, v) in args.kw() {
        if crate::str::as_str(k) == Some("metaclass") {
            meta = v;
        } else {
            kw_names.push(k);
            kw_vals.push(v);
        }
    }
    let base_items = crate::tuple::items(bases).to_vec();
    let is_class = meta.is_null() || typeobj::is_type(meta);
    if meta.is_null() {
        meta = match base_items.first() {
            Some(b) => vm.type_of(*b),
            None => vm.t.type_,
        };
    }
    if is_class {
        meta = calculate_meta(vm, meta, &base_items)?;
    }
    let ns = match { let __n = vm.intern("__prepare__"); crate::attr::getattr_opt(vm, meta, __n) }? {
        Some(p) => {
            let mut vals = vec![name, bases];
            vals.extend(kw_vals.iter().copied());
            crate::call::call_args(vm, p, Args::with_kw(&vals, &kw_names))?
        }
        None => dict::new_dict(vm),
    };
    if !is_mapping(vm, ns) {
        let mn = if typeobj::is_type(meta) { typeobj::type_name(meta) } else { "<metaclass>".into() };
        return Err({ let __arg = format!("{mn}.__prepare__() must return a mapping, not {}", vm.type_name(ns)); vm.type_error(__arg) });
    }
    let cell = crate::interp::run_class_body(vm, func, ns)?;
    if bases != orig_bases {
        { let __n = vm.intern("__orig_bases__"); ops::setitem(vm, ns, __n, orig_bases) }?;
    }
    let mut vals = vec![name, bases, ns];
    vals.extend(kw_vals.iter().copied());
    let cls = crate::call::call_args(vm, meta, Args::with_kw(&vals, &kw_names))?;
    if let Some(c) = cell.downcast::<crate::function::CellObj>() {
        if typeobj::is_type(cls) && c.value.get() != cls {
            let cv = c.value.get();
            if cv.is_null() {
                return Err({ let __arg = format!(
                    "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                    ops::repr_string(vm, name)?,
                    ops::repr_string(vm, cls)?
                ); vm.runtime_error(__arg) });
            }
            return Err({ let __arg = format!(
                "__class__ set to {} defining {} as {}",
                ops::repr_string(vm, cv)?,
                ops::repr_string(vm, name)?,
                ops::repr_string(vm, cls)?
            ); vm.type_error(__arg) });
        }
    }
    Ok(cls)
}

fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    if v.is::<dict::DictObj>() {
        return true;
    }
    let t = vm.type_of(v);
    typeobj::lookup_str(vm, t, "__getitem__").is_some()
}

/// PEP 560: replace bases that define `__mro_entries__`.
fn resolve_mro_entries(vm: &mut Vm, bases: Value) -> PyResult {
    let items = crate::tuple::items(bases).to_vec();
    if items.iter().all(|b| typeobj::is_type(*b)) {
        return Ok(bases);
    }
    let out = crate::list::new_list(vm, vec![]);
    for b in items {
        if typeobj::is_type(b) {
            crate::list::lobj(out).items.borrow_mut().push(b);
            continue;
        }
        let n = vm.intern("__mro_entries__");
        match crate::attr::getattr_opt(vm, b, n)? {
            Some(f) => {
                let r = crate::call::call(vm, f, &[bases])?;
                if !crate::tuple::is_tuple(r) {
                    return Err(vm.type_error("__mro_entries__ must return a tuple"));
                }
                crate::list::lobj(out).items.borrow_mut().extend_from_slice(crate::tuple::items(r));
            }
            None => crate::list::lobj(out).items.borrow_mut().push(b),
        }
    }
    Ok(crate::list::list_to_tuple(vm, out))
}

/// The most derived metaclass of `meta` and the bases' metaclasses.
pub fn calculate_meta(vm: &mut Vm, meta: Value, bases: &[Value]) -> PyResult<Value> {
    let mut winner = meta;
    for b in bases {
        let bt = vm.type_of(*b);
        if typeobj::is_subtype(winner, bt) {
            continue;
        }
        if typeobj::is_subtype(bt, winner) {
            winner = bt;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

fn b_aiter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "aiter", 1, 1)?;
    crate::generator::get_aiter(vm, a[0])
}

fn b_anext(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "anext", 1, 2)?;
    let r = match crate::call::call_special(vm, a[0], "__anext__", &[])? {
        Some(r) => r,
        None => return Err({ let __arg = format!("'{}' object is not an async iterator", vm.type_name(a[0])); vm.type_error(__arg) }),
    };
    match a.get(1) {
        Some(default) => Ok(crate::generator::new_anext_awaitable(vm, r, *default)),
        None => Ok(r),
    }
}

/// `breakpoint(*args, **kws)`: `sys.breakpointhook(*args, **kws)`.
fn b_breakpoint(vm: &mut Vm, args: Args) -> PyResult {
    let hook = crate::sys::sys_attr(vm, "breakpointhook")?;
    crate::call::call_args(vm, hook, args)
}

pub fn init(vm: &mut Vm) {
    let m = crate::module::new_module(vm, "builtins").expect("builtins module");
    vm.builtins = m;
    let d = crate::module::module_dict(m);
    vm.builtins_dict = d;
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("abs", b_abs),
        ("all", b_all),
        ("any", b_any),
        ("ascii", b_ascii),
        ("bin", b_bin),
        ("oct", b_oct),
        ("hex", b_hex),
        ("callable", b_callable),
        ("chr", b_chr),
        ("ord", b_ord),
        ("delattr", b_delattr),
        ("getattr", b_getattr),
        ("hasattr", b_hasattr),
        ("setattr", b_setattr),
        ("divmod", b_divmod),
        ("pow", b_pow),
        ("format", b_format),
        ("hash", b_hash),
        ("id", b_id),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("iter", b_iter),
        ("next", b_next),
        ("len", b_len),
        ("repr", b_repr),
        ("max", b_max),
        ("min", b_min),
        ("print", b_print),
        ("input", b_input),
        ("round", b_round),
        ("sorted", b_sorted),
        ("sum", b_sum),
        ("globals", b_globals),
        ("locals", b_locals),
        ("vars", b_vars),
        ("dir", b_dir),
        ("compile", b_compile),
        ("exec", b_exec),
        ("eval", b_eval),
        ("__import__", b_import),
        ("__build_class__", b_build_class),
        ("aiter", b_aiter),
        ("anext", b_anext),
        ("breakpoint", b_breakpoint),
    ];
    for (n, f) in fns {
        let v = crate::function::new_native(vm, n, *f, crate::function::NativeKind::Function, m);
        dict::set_item_str(vm, d, n, v).unwrap();
    }
    let t = &vm.t;
    let types = [
        ("object", t.object), ("type", t.type_), ("int", t.int), ("bool", t.bool), ("float", t.float),
        ("complex", t.complex), ("str", t.str), ("bytes", t.bytes), ("bytearray", t.bytearray),
        ("memoryview", t.memoryview), ("list", t.list), ("tuple", t.tuple), ("dict", t.dict),
        ("set", t.set), ("frozenset", t.frozenset), ("range", t.range), ("slice", t.slice),
        ("enumerate", t.enumerate), ("zip", t.zip), ("map", t.map), ("filter", t.filter),
        ("reversed", t.reversed), ("property", t.property), ("classmethod", t.classmethod),
        ("staticmethod", t.staticmethod), ("super", t.super_),
    ];
    for (n, ty) in types {
        dict::set_item_str(vm, d, n, ty).unwrap();
    }
    for (n, e) in vm.e.all() {
        dict::set_item_str(vm, d, n, e).unwrap();
    }
    let consts = [("None", vm.none), ("Ellipsis", vm.ellipsis), ("NotImplemented", vm.not_implemented), ("True", vm.true_), ("False", vm.false_)];
    for (n, v) in consts {
        dict::set_item_str(vm, d, n, v).unwrap();
    }
    let debug = { let __arg = vm.config.optimize == 0; vm.bool(__arg) };
    dict::set_item_str(vm, d, "__debug__", debug).unwrap();
    let env_err = vm.e.os_error;
    dict::set_item_str(vm, d, "EnvironmentError", env_err).unwrap();
    dict::set_item_str(vm, d, "IOError", env_err).unwrap();
    crate::super_type::init_type(vm);
}
