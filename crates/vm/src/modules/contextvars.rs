//! The `_contextvars` module, following CPython's Python/context.c:
//! `Context`, `ContextVar`, `Token` and `copy_context`.
//!
//! A context's variables live in a dict that is never mutated once shared:
//! `ContextVar.set` replaces the current context's dict by an updated copy,
//! so `Context.copy()` (and `copy_context()`) can share it, as CPython shares
//! its immutable HAMT. The current context of the thread is kept in a rooted
//! holder list (slot 0), created on first use like CPython's per-thread one.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::{add_classmethod, add_getter, add_method, add_static, new_static_type, set_attr_raw};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

pub struct ContextObj {
    /// The variables: a dict from ContextVar to value, replaced rather than mutated.
    vars: Cell<Value>,
    /// The context that was current when `run` entered this one (NULL when not entered).
    prev: Cell<Value>,
    entered: Cell<bool>,
}

impl Trace for ContextObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.vars.get());
        t.value(self.prev.get());
    }
}
payload!(ContextObj, "Context");

pub struct VarObj {
    name: Value,
    /// NULL when the variable has no default.
    default: Value,
}

impl Trace for VarObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.name);
        t.value(self.default);
    }
}
payload!(VarObj, "ContextVar");

pub struct TokenObj {
    ctx: Value,
    var: Value,
    /// NULL when the variable had no value (Token.MISSING).
    old: Value,
    used: Cell<bool>,
}

impl Trace for TokenObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.ctx);
        t.value(self.var);
        t.value(self.old);
    }
}
payload!(TokenObj, "Token");

thread_local! {
    /// Context, ContextVar, Token, Token.MISSING, the holder of the current context.
    static TYPES: Cell<[Value; 5]> = const { Cell::new([Value::NULL; 5]) };
}

fn types() -> [Value; 5] {
    TYPES.with(|c| c.get())
}

fn new_context(vm: &mut Vm, vars: Value) -> Value {
    let t = types()[0];
    vm.alloc(t, ContextObj { vars: Cell::new(vars), prev: Cell::new(Value::NULL), entered: Cell::new(false) })
}

/// The thread's current context, created empty on first use.
fn current(vm: &mut Vm) -> Value {
    let holder = types()[4];
    let cur = crate::list::lobj(holder).items.borrow()[0];
    if cur != vm.none {
        return cur;
    }
    let d = crate::dict::new_dict(vm);
    let c = new_context(vm, d);
    crate::list::lobj(holder).items.borrow_mut()[0] = c;
    c
}

fn set_current(vm: &mut Vm, c: Value) {
    let _ = vm;
    let holder = types()[4];
    crate::list::lobj(holder).items.borrow_mut()[0] = c;
}

fn ctx_of(v: Value) -> &'static ContextObj {
    v.downcast::<ContextObj>().expect("Context")
}

fn this_ctx(vm: &mut Vm, v: Value) -> PyResult<&'static ContextObj> {
    v.downcast::<ContextObj>().ok_or_else(|| {
        let m = format!("descriptor requires a '_contextvars.Context' object but received a '{}'", vm.type_name(v));
        vm.type_error(m)
    })
}

fn this_var(vm: &mut Vm, v: Value) -> PyResult<&'static VarObj> {
    v.downcast::<VarObj>().ok_or_else(|| {
        let m = format!("descriptor requires a '_contextvars.ContextVar' object but received a '{}'", vm.type_name(v));
        vm.type_error(m)
    })
}

fn this_token(vm: &mut Vm, v: Value) -> PyResult<&'static TokenObj> {
    v.downcast::<TokenObj>().ok_or_else(|| {
        let m = format!("descriptor requires a '_contextvars.Token' object but received a '{}'", vm.type_name(v));
        vm.type_error(m)
    })
}

/// A mapping key that must be a ContextVar.
fn var_key(vm: &mut Vm, k: Value) -> PyResult<()> {
    if k.is::<VarObj>() {
        return Ok(());
    }
    let r = crate::ops::repr_string(vm, k)?;
    Err(vm.type_error(format!("a ContextVar key was expected, got {r}")))
}

// ---- Context ----

fn ctx_new(vm: &mut Vm, args: Args) -> PyResult {
    if args.vals.len() > 1 {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    let d = crate::dict::new_dict(vm);
    Ok(new_context(vm, d))
}

fn ctx_run(vm: &mut Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    }
    let cv = pos[0];
    let c = this_ctx(vm, cv)?;
    if c.entered.get() {
        let r = crate::ops::repr_string(vm, cv)?;
        return Err(vm.runtime_error(format!("cannot enter context: {r} is already entered")));
    }
    let prev = current(vm);
    c.prev.set(prev);
    c.entered.set(true);
    set_current(vm, cv);
    let call_args = Args { vals: &args.vals[2..], kwnames: args.kwnames };
    let r = crate::call::call_args(vm, pos[1], call_args);
    set_current(vm, prev);
    c.entered.set(false);
    c.prev.set(Value::NULL);
    r
}

fn ctx_copy(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "Context.copy", 0, 0)?;
    let c = this_ctx(vm, a[0])?;
    Ok(new_context(vm, c.vars.get()))
}

fn ctx_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    let c = this_ctx(vm, a[0])?;
    var_key(vm, a[1])?;
    match crate::dict::get_item(vm, c.vars.get(), a[1])? {
        Some(v) => Ok(v),
        None => Err(vm.key_error(a[1])),
    }
}

fn ctx_get(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "get", 1, 2)?;
    let c = this_ctx(vm, a[0])?;
    var_key(vm, a[1])?;
    let d = a.get(2).copied().unwrap_or(vm.none);
    Ok(crate::dict::get_item(vm, c.vars.get(), a[1])?.unwrap_or(d))
}

fn ctx_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    let c = this_ctx(vm, a[0])?;
    var_key(vm, a[1])?;
    let found = crate::dict::get_item(vm, c.vars.get(), a[1])?.is_some();
    Ok(vm.bool(found))
}

fn ctx_len(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__len__", 1, 1)?;
    let c = this_ctx(vm, a[0])?;
    Ok(crate::int::from_usize(vm, crate::dict::dobj(c.vars.get()).len()))
}

/// A list of the context's keys, values or items, in insertion order.
fn ctx_view(vm: &mut Vm, v: Value, which: u8) -> PyResult {
    let c = this_ctx(vm, v)?;
    let d = c.vars.get();
    let buf = crate::list::ValueBuf::new(vm);
    for (k, val) in crate::dict::dobj(d).items() {
        let x = match which {
            0 => k,
            1 => val,
            _ => crate::tuple::new_tuple(vm, vec![k, val]),
        };
        buf.push(x);
    }
    std::hint::black_box(d);
    Ok(buf.into_list())
}

fn ctx_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    let l = ctx_view(vm, a[0], 0)?;
    crate::ops::iter(vm, l)
}

fn ctx_keys(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "Context.keys", 0, 0)?;
    let l = ctx_view(vm, a[0], 0)?;
    crate::ops::iter(vm, l)
}

fn ctx_values(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "Context.values", 0, 0)?;
    let l = ctx_view(vm, a[0], 1)?;
    crate::ops::iter(vm, l)
}

fn ctx_items(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "Context.items", 0, 0)?;
    let l = ctx_view(vm, a[0], 2)?;
    crate::ops::iter(vm, l)
}

fn ctx_eq(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__eq__", 2, 2)?;
    let (Some(x), Some(y)) = (a[0].downcast::<ContextObj>(), a[1].downcast::<ContextObj>()) else {
        return Ok(vm.not_implemented);
    };
    crate::ops::compare(vm, x.vars.get(), y.vars.get(), compiler::bytecode::CmpOp::Eq)
}

// ---- ContextVar ----

fn var_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let rest = args.shift();
    let pos = rest.pos();
    if pos.len() + rest.kwnames.len() > 2 {
        let m = format!("ContextVar() takes at most 2 arguments ({} given)", pos.len() + rest.kwnames.len());
        return Err(vm.type_error(m));
    }
    if pos.len() != 1 {
        let m = format!("ContextVar() takes exactly 1 positional argument ({} given)", pos.len());
        return Err(vm.type_error(m));
    }
    let mut default = Value::NULL;
    for (k, v) in rest.kw() {
        if crate::str::as_str(k) != Some("default") {
            let m = format!("'{}' is an invalid keyword argument for ContextVar()", crate::str::as_str(k).unwrap_or("?"));
            return Err(vm.type_error(m));
        }
        default = v;
    }
    let name = pos[0];
    if crate::str::as_str(name).is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    Ok(vm.alloc(cls, VarObj { name, default }))
}

fn var_get(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "get", 0, 1)?;
    let var = this_var(vm, a[0])?;
    let c = current(vm);
    if let Some(v) = crate::dict::get_item(vm, ctx_of(c).vars.get(), a[0])? {
        return Ok(v);
    }
    if let Some(d) = a.get(1) {
        return Ok(*d);
    }
    if !var.default.is_null() {
        return Ok(var.default);
    }
    let t = vm.e.lookup_error;
    Err(crate::object::PyErr(crate::exceptions::new_exception(vm, t, &[a[0]])))
}

fn var_set(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "ContextVar.set", 1, 1)?;
    this_var(vm, a[0])?;
    let c = current(vm);
    let ctx = ctx_of(c);
    let old_vars = ctx.vars.get();
    let old = crate::dict::get_item(vm, old_vars, a[0])?.unwrap_or(Value::NULL);
    let vars = crate::dict::copy(vm, old_vars)?;
    crate::dict::set_item(vm, vars, a[0], a[1])?;
    ctx.vars.set(vars);
    let t = types()[2];
    Ok(vm.alloc(t, TokenObj { ctx: c, var: a[0], old, used: Cell::new(false) }))
}

fn var_reset(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "ContextVar.reset", 1, 1)?;
    this_var(vm, a[0])?;
    let Some(tok) = a[1].downcast::<TokenObj>() else {
        let r = crate::ops::repr_string(vm, a[1])?;
        return Err(vm.type_error(format!("expected an instance of Token, got {r}")));
    };
    if tok.used.get() {
        let r = crate::ops::repr_string(vm, a[1])?;
        return Err(vm.runtime_error(format!("{r} has already been used once")));
    }
    if tok.var != a[0] {
        let r = crate::ops::repr_string(vm, a[1])?;
        return Err(vm.value_error(format!("{r} was created by a different ContextVar")));
    }
    let c = current(vm);
    if tok.ctx != c {
        let r = crate::ops::repr_string(vm, a[1])?;
        return Err(vm.value_error(format!("{r} was created in a different Context")));
    }
    tok.used.set(true);
    let ctx = ctx_of(c);
    let vars = crate::dict::copy(vm, ctx.vars.get())?;
    if tok.old.is_null() {
        crate::dict::pop_item(vm, vars, a[0])?;
    } else {
        crate::dict::set_item(vm, vars, a[0], tok.old)?;
    }
    ctx.vars.set(vars);
    Ok(vm.none)
}

fn var_name(vm: &mut Vm, v: Value) -> PyResult {
    Ok(this_var(vm, v)?.name)
}

/// ContextVar.name is a read-only member in CPython.
fn readonly(vm: &mut Vm, _obj: Value, _v: Value) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

fn var_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let var = this_var(vm, a[0])?;
    let name = crate::ops::repr_string(vm, var.name)?;
    let mut s = format!("<ContextVar name={name}");
    if !var.default.is_null() {
        let d = crate::ops::repr_string(vm, var.default)?;
        s.push_str(&format!(" default={d}"));
    }
    s.push_str(&format!(" at {}>", format!("{:#x}", a[0].id())));
    Ok(crate::str::new_str(vm, s))
}

fn var_hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__hash__", 1, 1)?;
    let h = crate::hash::hash_pointer(a[0]);
    Ok(crate::int::from_i64(vm, h))
}

// ---- Token ----

fn token_new(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.runtime_error("Tokens can only be created by ContextVars"))
}

fn token_var(vm: &mut Vm, v: Value) -> PyResult {
    Ok(this_token(vm, v)?.var)
}

fn token_old_value(vm: &mut Vm, v: Value) -> PyResult {
    let t = this_token(vm, v)?;
    Ok(if t.old.is_null() { types()[3] } else { t.old })
}

fn token_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let t = this_token(vm, a[0])?;
    let var = crate::ops::repr_string(vm, t.var)?;
    let used = if t.used.get() { " used" } else { "" };
    let s = format!("<Token{used} var={var} at {}>", format!("{:#x}", a[0].id()));
    Ok(crate::str::new_str(vm, s))
}

fn missing_repr(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__repr__", 1, 1)?;
    Ok(crate::str::alloc_str(vm, "<Token.MISSING>"))
}

fn copy_context(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "copy_context", 0, 0)?;
    let c = current(vm);
    let vars = ctx_of(c).vars.get();
    Ok(new_context(vm, vars))
}

fn mk_type(vm: &mut Vm, name: &str, flags: u32) -> PyResult<Value> {
    let obj = vm.t.object;
    let t = new_static_type(vm, name, obj, flags);
    super::array::short_qualname(t);
    let m = vm.intern("_contextvars");
    set_attr_raw(vm, t, "__module__", m)?;
    Ok(t)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    if !types()[0].is_null() {
        // The types and the current context are per thread, shared by re-imports.
        let [c, v, t, _, _] = types();
        super::set_attr(vm, m, "Context", c)?;
        super::set_attr(vm, m, "ContextVar", v)?;
        super::set_attr(vm, m, "Token", t)?;
        return super::add_functions(vm, m, &[("copy_context", copy_context)]);
    }
    let ctx = mk_type(vm, "_contextvars.Context", 0)?;
    add_static(vm, ctx, "__new__", ctx_new);
    add_method(vm, ctx, "run", ctx_run);
    add_method(vm, ctx, "copy", ctx_copy);
    add_method(vm, ctx, "__getitem__", ctx_getitem);
    add_method(vm, ctx, "get", ctx_get);
    add_method(vm, ctx, "__contains__", ctx_contains);
    add_method(vm, ctx, "__len__", ctx_len);
    add_method(vm, ctx, "__iter__", ctx_iter);
    add_method(vm, ctx, "keys", ctx_keys);
    add_method(vm, ctx, "values", ctx_values);
    add_method(vm, ctx, "items", ctx_items);
    add_method(vm, ctx, "__eq__", ctx_eq);
    let none = vm.none;
    set_attr_raw(vm, ctx, "__hash__", none)?;

    let var = mk_type(vm, "_contextvars.ContextVar", 0)?;
    add_static(vm, var, "__new__", var_new);
    add_method(vm, var, "get", var_get);
    add_method(vm, var, "set", var_set);
    add_method(vm, var, "reset", var_reset);
    add_method(vm, var, "__repr__", var_repr);
    add_method(vm, var, "__hash__", var_hash);
    crate::typeobj::add_getset(vm, var, "name", var_name, readonly);
    add_classmethod(vm, var, "__class_getitem__", crate::generic_alias::class_getitem);

    let tok = mk_type(vm, "_contextvars.Token", 0)?;
    add_static(vm, tok, "__new__", token_new);
    add_method(vm, tok, "__repr__", token_repr);
    add_getter(vm, tok, "var", token_var);
    add_getter(vm, tok, "old_value", token_old_value);
    add_classmethod(vm, tok, "__class_getitem__", crate::generic_alias::class_getitem);

    // Token.MISSING: the only instance of a small marker type.
    let mt = mk_type(vm, "Token.MISSING", 0)?;
    add_method(vm, mt, "__repr__", missing_repr);
    let missing = crate::object_type::new_instance(vm, mt);
    set_attr_raw(vm, tok, "MISSING", missing)?;

    let holder = crate::list::new_list(vm, vec![vm.none]);
    TYPES.with(|c| c.set([ctx, var, tok, missing, holder]));
    vm.extra_roots.extend([ctx, var, tok, missing, holder, mt]);
    super::set_attr(vm, m, "Context", ctx)?;
    super::set_attr(vm, m, "ContextVar", var)?;
    super::set_attr(vm, m, "Token", tok)?;
    super::add_functions(vm, m, &[("copy_context", copy_context)])
}
