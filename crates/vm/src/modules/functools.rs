//! The `_functools` module, as CPython's Modules/_functoolsmodule.c: `reduce`,
//! `partial`, `cmp_to_key` (its `KeyWrapper` objects) and `_lru_cache_wrapper`.
//! functools.py would fall back to pure-Python versions of the last three, but
//! those add a Python frame to every call (tracebacks, warning stack levels)
//! and are slow.

use std::cell::{Cell, RefCell};

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::ops;
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::CmpOp;

fn reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "reduce", 2, 3)?;
    let (func, seq) = (a[0], a[1]);
    let mut result = a.get(2).copied().unwrap_or(Value::NULL);
    let it = match ops::iter(vm, seq) {
        Ok(it) => it,
        Err(e) if crate::exceptions::matches(vm, e, vm.e.type_error) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"));
        }
        Err(e) => return Err(e),
    };
    while let Some(v) = ops::next(vm, it)? {
        result = if result.is_null() { v } else { crate::call::call(vm, func, &[result, v])? };
    }
    if result.is_null() {
        return Err(vm.type_error("reduce() of empty iterable with no initial value"));
    }
    Ok(result)
}

thread_local! {
    /// The `partial` and `KeyWrapper` types, which natives below allocate or
    /// compare with (rooted by `new_module_type`).
    static TYPES: Cell<(Value, Value)> = const { Cell::new((Value::NULL, Value::NULL)) };
}

fn partial_type() -> Value {
    TYPES.with(|t| t.get().0)
}

fn key_wrapper_type() -> Value {
    TYPES.with(|t| t.get().1)
}

// ---- partial ----

pub struct PartialObj {
    func: Cell<Value>,
    /// A tuple.
    args: Cell<Value>,
    /// A dict.
    kw: Cell<Value>,
}
impl Trace for PartialObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.func.get());
        t.value(self.args.get());
        t.value(self.kw.get());
    }
}
payload!(PartialObj, "functools.partial");

fn this_partial(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static PartialObj> {
    super::receiver::<PartialObj>(vm, v, name, "functools.partial")
}

/// `partial(func, /, *args, **keywords)`. A partial whose instance dict was never
/// used is unwrapped: its function, arguments and keywords are taken over.
fn partial_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let pos = &args.pos()[1..];
    let Some((&first, rest)) = pos.split_first() else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    if !crate::builtins::is_callable(vm, first) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let (mut func, mut fargs, mut fkw) = (first, Vec::new(), Value::NULL);
    if let Some(inner) = first.downcast::<PartialObj>() {
        if calls_as_partial(vm, first) && first.header().is_none_or(|h| h.dict().is_null()) {
            func = inner.func.get();
            fargs.extend_from_slice(crate::tuple::items(inner.args.get()));
            fkw = inner.kw.get();
        }
    }
    fargs.extend_from_slice(rest);
    let t = crate::tuple::new_tuple(vm, fargs);
    let kw = if fkw.is_null() { crate::dict::new_dict(vm) } else { crate::dict::copy(vm, fkw)? };
    for (k, v) in args.kw() {
        crate::dict::set_item(vm, kw, k, v)?;
    }
    Ok(vm.alloc(cls, PartialObj { func: Cell::new(func), args: Cell::new(t), kw: Cell::new(kw) }))
}

/// Whether calling `v` runs `partial.__call__` (a subclass may override it).
fn calls_as_partial(vm: &mut Vm, v: Value) -> bool {
    let ty = vm.type_of(v);
    let partial = partial_type();
    crate::typeobj::lookup_str(vm, ty, "__call__") == crate::typeobj::lookup_str(vm, partial, "__call__")
}

/// `p(*args, **kw)`: `p.func(*p.args, *args, **{**p.keywords, **kw})`.
fn partial_call(vm: &mut Vm, args: Args) -> PyResult {
    let p = this_partial(vm, args.vals[0], "__call__")?;
    let stored = p.kw.get();
    let mut vals: Vec<Value> = crate::tuple::items(p.args.get()).to_vec();
    vals.extend_from_slice(&args.pos()[1..]);
    let mut names: Vec<Value> = Vec::new();
    if crate::dict::dobj(stored).len() == 0 {
        vals.extend(args.kw().map(|(_, v)| v));
        names.extend_from_slice(args.kwnames);
    } else {
        let merged = crate::dict::copy(vm, stored)?;
        for (k, v) in args.kw() {
            crate::dict::set_item(vm, merged, k, v)?;
        }
        for (k, v) in crate::dict::dobj(merged).items() {
            if crate::str::as_str(k).is_none() {
                return Err(vm.type_error("keywords must be strings"));
            }
            names.push(k);
            vals.push(v);
        }
        // `merged` dies here, but each key and value is still held by `stored` or `args`.
    }
    crate::call::call_args(vm, p.func.get(), Args::with_kw(&vals, &names))
}

/// `repr(p)`: `functools.partial(func, *args, k=v, ...)`, `...` when recursive.
fn partial_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let p = this_partial(vm, a[0], "__repr__")?;
    if vm.repr_active.contains(&a[0]) {
        return Ok(vm.intern("..."));
    }
    vm.repr_active.push(a[0]);
    let r = partial_repr_text(vm, p);
    vm.repr_active.retain(|x| *x != a[0]);
    let name = vm.type_name(a[0]).to_string();
    let text = format!("{name}({})", r?);
    Ok(crate::str::new_str(vm, text))
}

fn partial_repr_text(vm: &mut Vm, p: &PartialObj) -> PyResult<String> {
    // A repr may change the partial (`__setstate__`): what is shown is held in
    // one tuple, (func, args, k1, v1, k2, v2, ...), for the whole rendering.
    let mut held = vec![p.func.get(), p.args.get()];
    for (k, v) in crate::dict::dobj(p.kw.get()).items() {
        held.extend([k, v]);
    }
    let held = crate::tuple::new_tuple(vm, held);
    let _pin = crate::gc::pin(held);
    let items = crate::tuple::items(held);
    let mut list = String::new();
    for v in crate::tuple::items(items[1]) {
        list.push_str(", ");
        list.push_str(&ops::repr_string(vm, *v)?);
    }
    for pair in items[2..].chunks(2) {
        let k = ops::str(vm, pair[0])?;
        list.push_str(&format!(", {}=", crate::str::as_str(k).unwrap_or("")));
        list.push_str(&ops::repr_string(vm, pair[1])?);
    }
    let f = ops::repr_string(vm, items[0])?;
    Ok(format!("{f}{list}"))
}

/// `p.__reduce__()`: `(type(p), (func,), (func, args, keywords, __dict__ or None))`.
fn partial_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    let p = this_partial(vm, a[0], "__reduce__")?;
    let ty = vm.type_of(a[0]);
    let func = p.func.get();
    let d = a[0].header().map_or(Value::NULL, |h| h.dict());
    let d = if d.is_null() { vm.none } else { d };
    let f = crate::tuple::new_tuple(vm, vec![func]);
    let state = crate::tuple::new_tuple(vm, vec![func, p.args.get(), p.kw.get(), d]);
    Ok(crate::tuple::new_tuple(vm, vec![ty, f, state]))
}

/// `p.__setstate__((func, args, keywords, dict))`.
fn partial_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setstate__", 2, 2)?;
    let p = this_partial(vm, a[0], "__setstate__")?;
    let state = a[1];
    let items = match crate::tuple::is_tuple(state) {
        true => crate::tuple::items(state),
        false => &[],
    };
    let &[func, fargs, kw, d] = items else { return Err(vm.type_error("invalid partial state")) };
    let kw_ok = kw == vm.none || kw.is::<crate::dict::DictObj>();
    if !crate::builtins::is_callable(vm, func) || !crate::tuple::is_tuple(fargs) || !kw_ok {
        return Err(vm.type_error("invalid partial state"));
    }
    let fargs = if vm.type_of(fargs) == vm.t.tuple { fargs } else { crate::tuple::new_tuple(vm, crate::tuple::items(fargs).to_vec()) };
    let kw = if kw == vm.none {
        crate::dict::new_dict(vm)
    } else if crate::dict::is_exact(kw) {
        kw
    } else {
        crate::dict::copy(vm, kw)?
    };
    p.func.set(func);
    p.args.set(fargs);
    p.kw.set(kw);
    if let Some(h) = a[0].header() {
        h.set_dict(if d == vm.none { Value::NULL } else { d });
    }
    Ok(vm.none)
}

fn partial_func(vm: &mut Vm, v: Value) -> PyResult {
    Ok(this_partial(vm, v, "func")?.func.get())
}
fn partial_args(vm: &mut Vm, v: Value) -> PyResult {
    Ok(this_partial(vm, v, "args")?.args.get())
}
fn partial_keywords(vm: &mut Vm, v: Value) -> PyResult {
    Ok(this_partial(vm, v, "keywords")?.kw.get())
}

// ---- cmp_to_key ----

/// Both what `cmp_to_key(cmp)` returns and the keys it makes (`obj` set).
pub struct KeyObj {
    cmp: Value,
    obj: Cell<Value>,
}
impl Trace for KeyObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cmp);
        t.value(self.obj.get());
    }
}
payload!(KeyObj, "functools.KeyWrapper");

fn cmp_to_key(vm: &mut Vm, args: Args) -> PyResult {
    let [cmp] = args.bind(vm, "cmp_to_key", ["mycmp"], 1, 0)?;
    let t = key_wrapper_type();
    Ok(vm.alloc(t, KeyObj { cmp, obj: Cell::new(Value::NULL) }))
}

/// `K(obj)`: the key of `obj`.
fn key_call(vm: &mut Vm, args: Args) -> PyResult {
    let k = super::receiver::<KeyObj>(vm, args.vals[0], "__call__", "functools.KeyWrapper")?;
    let [obj] = args.shift().bind(vm, "K", ["obj"], 1, 0)?;
    let t = key_wrapper_type();
    Ok(vm.alloc(t, KeyObj { cmp: k.cmp, obj: Cell::new(obj) }))
}

/// `K(a) < K(b)`: `cmp(a, b) < 0`, and so on.
fn key_richcmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let a = args.exact(vm, "comparison", 2, 2)?;
    let k = super::receiver::<KeyObj>(vm, a[0], "comparison", "functools.KeyWrapper")?;
    let Some(other) = a[1].downcast::<KeyObj>().filter(|_| vm.type_of(a[1]) == vm.type_of(a[0])) else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let (x, y) = (k.obj.get(), other.obj.get());
    if x.is_null() || y.is_null() {
        return Err(vm.attribute_error("object"));
    }
    let r = crate::call::call(vm, k.cmp, &[x, y])?;
    ops::compare(vm, r, Value::small(0), op)
}
crate::int::cmp_methods! { key_richcmp:
    key_lt: Lt; key_le: Le; key_eq: Eq; key_ne: Ne; key_gt: Gt; key_ge: Ge;
}

fn key_obj_get(vm: &mut Vm, v: Value) -> PyResult {
    let k = super::receiver::<KeyObj>(vm, v, "obj", "functools.KeyWrapper")?;
    let o = k.obj.get();
    if o.is_null() {
        return Err(vm.attribute_error("obj"));
    }
    Ok(o)
}
fn key_obj_set(vm: &mut Vm, v: Value, o: Value) -> PyResult<()> {
    let k = super::receiver::<KeyObj>(vm, v, "obj", "functools.KeyWrapper")?;
    k.obj.set(o);
    Ok(())
}

// ---- the LRU cache ----

/// One entry of a bounded cache, in a doubly linked list by recency.
struct Link {
    key: Value,
    hash: i64,
    result: Value,
    prev: usize,
    next: usize,
}

/// The entries of a bounded cache: `links[0]` is the list's root (oldest after
/// it, newest before it); the cache dict maps each key to its link's index.
struct Links {
    links: Vec<Link>,
    free: Vec<usize>,
}

impl Links {
    fn new() -> Links {
        Links { links: vec![Link { key: Value::NULL, hash: 0, result: Value::NULL, prev: 0, next: 0 }], free: Vec::new() }
    }

    fn unlink(&mut self, i: usize) {
        let (p, n) = (self.links[i].prev, self.links[i].next);
        self.links[p].next = n;
        self.links[n].prev = p;
    }

    /// Makes link `i` the newest.
    fn push_newest(&mut self, i: usize) {
        let last = self.links[0].prev;
        self.links[i].prev = last;
        self.links[i].next = 0;
        self.links[last].next = i;
        self.links[0].prev = i;
    }

    fn add(&mut self, key: Value, hash: i64, result: Value) -> usize {
        let link = Link { key, hash, result, prev: 0, next: 0 };
        let i = match self.free.pop() {
            Some(i) => {
                self.links[i] = link;
                i
            }
            None => {
                self.links.push(link);
                self.links.len() - 1
            }
        };
        self.push_newest(i);
        i
    }
}

pub struct LruObj {
    func: Value,
    /// The keys' dict: results (unbounded) or link indexes (bounded).
    cache: Value,
    info_type: Value,
    /// Separates positional from keyword arguments in keys.
    kwd_mark: Value,
    typed: bool,
    /// None: unbounded.
    maxsize: Option<usize>,
    hits: Cell<u64>,
    misses: Cell<u64>,
    links: RefCell<Links>,
}
impl Trace for LruObj {
    fn trace(&self, t: &mut Tracer) {
        for v in [self.func, self.cache, self.info_type, self.kwd_mark] {
            t.value(v);
        }
        for l in &self.links.borrow().links {
            t.value(l.key);
            t.value(l.result);
        }
    }
}
payload!(LruObj, "functools._lru_cache_wrapper");

fn this_lru(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static LruObj> {
    super::receiver::<LruObj>(vm, v, name, "functools._lru_cache_wrapper")
}

/// `_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)`.
fn lru_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [func, maxsize, typed, info_type] =
        args.shift().bind(vm, "lru_cache", ["user_function", "maxsize", "typed", "cache_info_type"], 4, 0)?;
    if !crate::builtins::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let typed = ops::truthy(vm, typed)?;
    let maxsize = if maxsize == vm.none {
        None
    } else if crate::number::has_index(vm, maxsize) {
        let n = crate::number::as_ssize(vm, maxsize, vm.e.overflow_error)?;
        Some(n.max(0) as usize)
    } else {
        return Err(vm.type_error("maxsize should be integer or None"));
    };
    let cache = crate::dict::new_dict(vm);
    let obj = vm.t.object;
    let kwd_mark = crate::object_type::new_instance(vm, obj);
    let lru = LruObj {
        func,
        cache,
        info_type,
        kwd_mark,
        typed,
        maxsize,
        hits: Cell::new(0),
        misses: Cell::new(0),
        links: RefCell::new(Links::new()),
    };
    Ok(vm.alloc(cls, lru))
}

/// The cache key of a call: the single int or str argument itself, else a
/// tuple of the arguments, the keyword mark and keyword (name, value) pairs,
/// and (typed) the types of all the values.
fn make_key(vm: &mut Vm, c: &LruObj, args: &Args) -> Value {
    let pos = args.pos();
    if !c.typed && !args.has_kw() {
        if let [one] = pos {
            let t = vm.type_of(*one);
            if t == vm.t.int || t == vm.t.str {
                return *one;
            }
        }
        return crate::tuple::new_tuple(vm, pos.to_vec());
    }
    let mut key = pos.to_vec();
    if args.has_kw() {
        key.push(c.kwd_mark);
        for (k, v) in args.kw() {
            key.push(k);
            key.push(v);
        }
    }
    if c.typed {
        key.extend(pos.iter().map(|v| vm.type_of(*v)));
        key.extend(args.kw().map(|(_, v)| vm.type_of(v)));
    }
    crate::tuple::new_tuple(vm, key)
}

fn lru_call(vm: &mut Vm, args: Args) -> PyResult {
    let c = this_lru(vm, args.vals[0], "__call__")?;
    let fargs = args.shift();
    let Some(maxsize) = c.maxsize else { return unbounded_call(vm, c, fargs) };
    if maxsize == 0 {
        c.misses.set(c.misses.get() + 1);
        return crate::call::call_args(vm, c.func, fargs);
    }
    let key = make_key(vm, c, &fargs);
    let hash = crate::hash::hash(vm, key)?;
    if let Some(ix) = crate::dict::get_item_hashed(vm, c.cache, key, hash)? {
        if let Some(result) = touch(c, ix) {
            c.hits.set(c.hits.get() + 1);
            return Ok(result);
        }
    }
    c.misses.set(c.misses.get() + 1);
    let result = crate::call::call_args(vm, c.func, fargs)?;
    // The call may have cached this key already (recursion) or cleared the cache.
    if crate::dict::get_item_hashed(vm, c.cache, key, hash)?.is_some() {
        return Ok(result);
    }
    if crate::dict::dobj(c.cache).len() >= maxsize {
        evict_oldest(vm, c)?;
    }
    let ix = c.links.borrow_mut().add(key, hash, result);
    crate::dict::set_item_hashed(vm, c.cache, key, hash, Value::small(ix as i64))?;
    Ok(result)
}

/// Marks link `ix` (a cache dict value) the newest; its result.
fn touch(c: &LruObj, ix: Value) -> Option<Value> {
    let i = ix.as_small()? as usize;
    let mut links = c.links.borrow_mut();
    if i == 0 || i >= links.links.len() {
        return None;
    }
    links.unlink(i);
    links.push_newest(i);
    Some(links.links[i].result)
}

/// Drops the least recently used entry.
fn evict_oldest(vm: &mut Vm, c: &LruObj) -> PyResult<()> {
    let (key, hash) = {
        let mut links = c.links.borrow_mut();
        let oldest = links.links[0].next;
        if oldest == 0 {
            return Ok(());
        }
        links.unlink(oldest);
        links.free.push(oldest);
        let l = &mut links.links[oldest];
        let key = std::mem::replace(&mut l.key, Value::NULL);
        l.result = Value::NULL;
        (key, l.hash)
    };
    // `key` stays on the native stack (a conservative root) until popped.
    crate::dict::pop_item_hashed(vm, c.cache, key, hash)?;
    std::hint::black_box(key);
    Ok(())
}

fn unbounded_call(vm: &mut Vm, c: &LruObj, fargs: Args) -> PyResult {
    let key = make_key(vm, c, &fargs);
    let hash = crate::hash::hash(vm, key)?;
    if let Some(r) = crate::dict::get_item_hashed(vm, c.cache, key, hash)? {
        c.hits.set(c.hits.get() + 1);
        return Ok(r);
    }
    c.misses.set(c.misses.get() + 1);
    let result = crate::call::call_args(vm, c.func, fargs)?;
    crate::dict::set_item_hashed(vm, c.cache, key, hash, result)?;
    Ok(result)
}

fn lru_cache_info(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "cache_info", 1, 1)?;
    let c = this_lru(vm, a[0], "cache_info")?;
    let hits = crate::int::from_i64(vm, c.hits.get() as i64);
    let misses = crate::int::from_i64(vm, c.misses.get() as i64);
    let maxsize = match c.maxsize {
        Some(n) => crate::int::from_usize(vm, n),
        None => vm.none,
    };
    let size = crate::int::from_usize(vm, crate::dict::dobj(c.cache).len());
    crate::call::call(vm, c.info_type, &[hits, misses, maxsize, size])
}

fn lru_cache_clear(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "cache_clear", 1, 1)?;
    let c = this_lru(vm, a[0], "cache_clear")?;
    c.hits.set(0);
    c.misses.set(0);
    *c.links.borrow_mut() = Links::new();
    crate::dict::dobj(c.cache).clear();
    Ok(vm.none)
}

/// As a function: bound to the instance it is read from.
fn lru_get(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__get__", 2, 3)?;
    if a[1] == vm.none {
        return Ok(a[0]);
    }
    Ok(crate::function::new_bound_method(vm, a[0], a[1]))
}

/// Pickled by reference, as the function it wraps: its qualified name.
fn lru_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    crate::attr::getattr_str(vm, a[0], "__qualname__")
}

fn lru_copy(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__copy__", 1, 1)?;
    Ok(a[0])
}

fn lru_deepcopy(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__deepcopy__", 2, 2)?;
    Ok(a[0])
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    use crate::typeobj::{add_classmethod, add_getset, add_method, add_readonly, add_static, tflag};
    super::add_functions(vm, m, &[("reduce", reduce), ("cmp_to_key", cmp_to_key)])?;
    let obj = vm.t.object;
    let dict_weak = tflag::HAS_DICT | tflag::WEAKREFABLE;

    let partial = super::new_module_type(vm, "functools.partial", obj, tflag::BASETYPE | dict_weak)?;
    add_static(vm, partial, "__new__", partial_new);
    let methods: [(&'static str, crate::object::NativeFn); 4] =
        [("__call__", partial_call), ("__repr__", partial_repr), ("__reduce__", partial_reduce), ("__setstate__", partial_setstate)];
    for (n, f) in methods {
        add_method(vm, partial, n, f);
    }
    add_readonly(vm, partial, "func", partial_func);
    add_readonly(vm, partial, "args", partial_args);
    add_readonly(vm, partial, "keywords", partial_keywords);
    add_classmethod(vm, partial, "__class_getitem__", crate::generic_alias::class_getitem);
    add_getset(vm, partial, "__dict__", crate::func_type::header_dict, crate::func_type::set_header_dict);

    let key = super::new_module_type(vm, "functools.KeyWrapper", obj, 0)?;
    let methods: [(&'static str, crate::object::NativeFn); 7] =
        [("__call__", key_call), ("__lt__", key_lt), ("__le__", key_le), ("__eq__", key_eq), ("__ne__", key_ne), ("__gt__", key_gt), ("__ge__", key_ge)];
    for (n, f) in methods {
        add_method(vm, key, n, f);
    }
    add_getset(vm, key, "obj", key_obj_get, key_obj_set);
    let none = vm.none;
    crate::typeobj::set_attr_raw(vm, key, "__hash__", none)?;

    let lru = super::new_module_type(vm, "functools._lru_cache_wrapper", obj, dict_weak | tflag::NATIVE_GET)?;
    add_static(vm, lru, "__new__", lru_new);
    let methods: [(&'static str, crate::object::NativeFn); 7] = [
        ("__call__", lru_call),
        ("cache_info", lru_cache_info),
        ("cache_clear", lru_cache_clear),
        ("__get__", lru_get),
        ("__reduce__", lru_reduce),
        ("__copy__", lru_copy),
        ("__deepcopy__", lru_deepcopy),
    ];
    for (n, f) in methods {
        add_method(vm, lru, n, f);
    }
    add_getset(vm, lru, "__dict__", crate::func_type::header_dict, crate::func_type::set_header_dict);

    TYPES.with(|t| t.set((partial, key)));
    super::set_attr(vm, m, "partial", partial)?;
    super::set_attr(vm, m, "_lru_cache_wrapper", lru)?;
    Ok(())
}
