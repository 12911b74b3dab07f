//! The `_collections` module, following CPython's Modules/_collectionsmodule.c:
//! `deque` (with its forward and reverse iterators), `defaultdict` and the
//! `_count_elements` helper of `Counter`.
//!
//! A deque keeps its items in a `VecDeque` and a `state` counter bumped whenever
//! the items move (append, pop, rotate, clear), exactly where CPython bumps it:
//! iterators and the searching methods compare it to detect mutation. Item
//! assignment and `reverse()` do not move items and leave it alone, as in CPython.
//! No borrow of the items is held while Python code runs.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyErr, PyResult};
use crate::ops;
use crate::payload;
use crate::typeobj::{add_classmethod, add_getset, add_getter, add_method, add_static, new_static_type, set_attr_raw, tflag};
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::CmpOp;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

pub struct DequeObj {
    items: RefCell<VecDeque<Value>>,
    state: Cell<u64>,
    /// -1 for an unbounded deque.
    maxlen: Cell<i64>,
}

impl Trace for DequeObj {
    fn trace(&self, t: &mut Tracer) {
        match self.items.try_borrow() {
            Ok(items) => items.iter().for_each(|v| t.value(*v)),
            Err(_) => t.poisoned_borrow = true,
        }
    }
}
payload!(DequeObj, "deque");

pub struct DequeIter {
    deque: Value,
    state: u64,
    /// Items left to produce.
    counter: Cell<usize>,
    reverse: bool,
}

impl Trace for DequeIter {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.deque);
    }
}
payload!(DequeIter, "_deque_iterator");

thread_local! {
    /// deque, _deque_iterator, _deque_reverse_iterator, defaultdict.
    static TYPES: Cell<[Value; 4]> = const { Cell::new([Value::NULL; 4]) };
}

fn types() -> [Value; 4] {
    TYPES.with(|c| c.get())
}

fn dq(v: Value) -> &'static DequeObj {
    v.downcast::<DequeObj>().expect("deque")
}

/// `self` of a deque method, checked (a method descriptor may be called on anything).
fn this(vm: &mut Vm, args: &Args) -> PyResult<&'static DequeObj> {
    match args.vals.first().and_then(|v| v.downcast::<DequeObj>()) {
        Some(d) => Ok(d),
        None => Err(vm.type_error("descriptor requires a 'collections.deque' object")),
    }
}

fn is_deque(v: Value) -> bool {
    v.is::<DequeObj>()
}

impl DequeObj {
    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn needs_trim(&self, maxlen: i64) -> bool {
        maxlen >= 0 && self.len() > maxlen as usize
    }

    fn append(&self, v: Value, maxlen: i64) {
        self.items.borrow_mut().push_back(v);
        if self.needs_trim(maxlen) {
            self.popleft();
        } else {
            self.bump();
        }
    }

    fn appendleft(&self, v: Value, maxlen: i64) {
        self.items.borrow_mut().push_front(v);
        if self.needs_trim(maxlen) {
            self.pop();
        } else {
            self.bump();
        }
    }

    fn pop(&self) -> Option<Value> {
        let v = self.items.borrow_mut().pop_back()?;
        self.bump();
        Some(v)
    }

    fn popleft(&self) -> Option<Value> {
        let v = self.items.borrow_mut().pop_front()?;
        self.bump();
        Some(v)
    }

    fn clear(&self) {
        if self.len() == 0 {
            return;
        }
        // Swap the items out first: nothing can see a half-cleared deque.
        let old = std::mem::take(&mut *self.items.borrow_mut());
        self.bump();
        drop(old);
    }

    /// `_deque_rotate`: n steps to the right (left if negative).
    fn rotate(&self, n: i64) {
        let len = self.len() as i64;
        if len <= 1 {
            return;
        }
        let half = len >> 1;
        let mut n = n;
        if n > half || n < -half {
            n %= len;
            if n > half {
                n -= len;
            } else if n < -half {
                n += len;
            }
        }
        self.bump();
        let mut items = self.items.borrow_mut();
        if n > 0 {
            items.rotate_right(n as usize);
        } else if n < 0 {
            items.rotate_left((-n) as usize);
        }
    }

    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).copied()
    }
}

fn new_deque(vm: &mut Vm, cls: Value, maxlen: i64) -> Value {
    vm.alloc(cls, DequeObj { items: RefCell::new(VecDeque::new()), state: Cell::new(0), maxlen: Cell::new(maxlen) })
}

fn none_ret(vm: &mut Vm) -> PyResult {
    Ok(vm.none)
}

// ---- construction ----

fn deque_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    Ok(new_deque(vm, cls, -1))
}

fn deque_init(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args)?;
    let self_ = args.vals[0];
    let rest = args.shift();
    let pos = rest.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!("deque() takes at most 2 arguments ({} given)", pos.len())));
    }
    let [iterable, maxlen_obj] = rest.bind(vm, "deque", ["iterable", "maxlen"], 0, 0)?;
    let mut maxlen = -1;
    if !maxlen_obj.is_null() && maxlen_obj != vm.none {
        if !crate::int::is_int(vm, maxlen_obj) {
            return Err(vm.type_error("an integer is required"));
        }
        maxlen = crate::number::index_i64(vm, maxlen_obj)?;
        if maxlen < 0 {
            return Err(vm.value_error("maxlen must be non-negative"));
        }
    }
    d.maxlen.set(maxlen);
    d.clear();
    if !iterable.is_null() {
        extend(vm, self_, iterable, false)?;
    }
    none_ret(vm)
}

/// `deque_extend` / `deque_extendleft`.
fn extend(vm: &mut Vm, d: Value, iterable: Value, left: bool) -> PyResult<()> {
    if d == iterable {
        let l = crate::list::from_iterable(vm, iterable)?;
        return extend(vm, d, l, left);
    }
    let it = ops::iter(vm, iterable)?;
    let o = dq(d);
    let maxlen = o.maxlen.get();
    while let Some(v) = ops::next(vm, it)? {
        if maxlen == 0 {
            continue;
        }
        if left {
            o.appendleft(v, maxlen);
        } else {
            o.append(v, maxlen);
        }
    }
    Ok(())
}

// ---- methods ----

fn deque_append(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "deque.append", 1, 1)?;
    let d = this(vm, &args)?;
    d.append(a[1], d.maxlen.get());
    none_ret(vm)
}

fn deque_appendleft(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "deque.appendleft", 1, 1)?;
    let d = this(vm, &args)?;
    d.appendleft(a[1], d.maxlen.get());
    none_ret(vm)
}

fn deque_pop(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "deque.pop", 0, 0)?;
    match this(vm, &args)?.pop() {
        Some(v) => Ok(v),
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn deque_popleft(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "deque.popleft", 0, 0)?;
    match this(vm, &args)?.popleft() {
        Some(v) => Ok(v),
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn deque_extend(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "deque.extend", 1, 1)?;
    this(vm, &args)?;
    extend(vm, a[0], a[1], false)?;
    none_ret(vm)
}

fn deque_extendleft(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "deque.extendleft", 1, 1)?;
    this(vm, &args)?;
    extend(vm, a[0], a[1], true)?;
    none_ret(vm)
}

fn deque_iadd(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iadd__", 2, 2)?;
    this(vm, &args)?;
    extend(vm, a[0], a[1], false)?;
    Ok(a[0])
}

fn deque_clear(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "deque.clear", 0, 0)?;
    this(vm, &args)?.clear();
    none_ret(vm)
}

/// `deque_copy`: an exact deque copies itself; a subclass is called with the deque
/// (and its maxlen).
fn copy(vm: &mut Vm, d: Value) -> PyResult {
    let o = dq(d);
    let deque_t = types()[0];
    if vm.type_of(d) == deque_t {
        let n = new_deque(vm, deque_t, o.maxlen.get());
        let items = o.items.borrow().clone();
        let maxlen = o.maxlen.get();
        let no = dq(n);
        for v in items {
            no.append(v, maxlen);
        }
        return Ok(n);
    }
    let cls = vm.type_of(d);
    let r = if o.maxlen.get() < 0 {
        crate::call::call(vm, cls, &[d])?
    } else {
        let m = Value::small(o.maxlen.get());
        crate::call::call(vm, cls, &[d, m])?
    };
    if !is_deque(r) {
        let m = format!("{}() must return a deque, not {}", crate::typeobj::type_name(cls), vm.type_name(r));
        return Err(vm.type_error(m));
    }
    Ok(r)
}

fn deque_copy(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "deque.copy", 0, 0)?;
    this(vm, &args)?;
    copy(vm, args.vals[0])
}

fn deque_dunder_copy(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "deque.__copy__", 0, 0)?;
    this(vm, &args)?;
    copy(vm, args.vals[0])
}

fn deque_concat(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__add__", 2, 2)?;
    this(vm, &args)?;
    if !is_deque(a[1]) {
        let m = format!("can only concatenate deque (not \"{}\") to deque", vm.type_name(a[1]));
        return Err(vm.type_error(m));
    }
    let n = copy(vm, a[0])?;
    extend(vm, n, a[1], false)?;
    Ok(n)
}

/// `deque_inplace_repeat`.
fn inplace_repeat(vm: &mut Vm, d: Value, n: usize) -> PyResult {
    let o = dq(d);
    let size = o.len();
    if size == 0 || n == 1 {
        return Ok(d);
    }
    if n == 0 {
        o.clear();
        return Ok(d);
    }
    let maxlen = o.maxlen.get();
    if size == 1 {
        let mut n = n;
        if maxlen >= 0 && n as i64 > maxlen {
            n = maxlen as usize;
        }
        let item = o.items.borrow()[0];
        o.bump();
        o.items.borrow_mut().extend(std::iter::repeat(item).take(n - 1));
        return Ok(d);
    }
    if size.checked_mul(n).map_or(true, |t| t > isize::MAX as usize / 8) {
        return Err(vm.memory_error());
    }
    let seq = crate::list::from_iterable(vm, d)?;
    let mut n = n;
    if maxlen >= 0 && (n * size) as i64 > maxlen {
        n = (maxlen as usize + size - 1) / size;
    }
    for _ in 1..n {
        extend(vm, d, seq, false)?;
    }
    Ok(d)
}

fn deque_mul(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__mul__", 2, 2)?;
    this(vm, &args)?;
    let Some(n) = crate::list::repeat_count(vm, a[1])? else { return Ok(vm.not_implemented) };
    let c = copy(vm, a[0])?;
    inplace_repeat(vm, c, n)
}

fn deque_imul(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__imul__", 2, 2)?;
    this(vm, &args)?;
    let Some(n) = crate::list::repeat_count(vm, a[1])? else { return Ok(vm.not_implemented) };
    inplace_repeat(vm, a[0], n)
}

fn deque_rotate(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "deque.rotate")?;
    if args.vals.len() > 2 {
        return Err(vm.type_error(format!("deque.rotate expected at most 1 argument, got {}", args.vals.len() - 1)));
    }
    let a = args.vals;
    let d = this(vm, &args)?;
    let n = match a.get(1) {
        Some(v) => ssize_arg(vm, *v)?,
        None => 1,
    };
    d.rotate(n);
    none_ret(vm)
}

/// A `Py_ssize_t` argument ("n" format).
fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if crate::float::is_float(v) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    crate::number::index_i64(vm, v)
}

fn deque_reverse(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "deque.reverse", 0, 0)?;
    let d = this(vm, &args)?;
    d.items.borrow_mut().make_contiguous().reverse();
    none_ret(vm)
}

/// Walks the items from `start` comparing each to `v` until `stop(found)` says to
/// end; RuntimeError if the deque changes meanwhile. Returns the position found.
fn search(vm: &mut Vm, d: &DequeObj, v: Value, start: usize, stop: usize, count: bool) -> PyResult<(Option<usize>, usize)> {
    let state = d.state.get();
    let mut n = 0;
    for i in start..stop {
        let Some(item) = d.get(i) else { break };
        let eq = ops::eq(vm, item, v)?;
        if eq && !count {
            return Ok((Some(i), n));
        }
        n += eq as usize;
        if state != d.state.get() {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
    }
    Ok((None, n))
}

fn deque_count(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "deque.count", 1, 1)?;
    let d = this(vm, &args)?;
    let len = d.len();
    let (_, n) = search(vm, d, a[1], 0, len, true)?;
    Ok(crate::int::from_usize(vm, n))
}

fn deque_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    let d = this(vm, &args)?;
    let len = d.len();
    let (found, _) = search(vm, d, a[1], 0, len, false)?;
    Ok(vm.bool(found.is_some()))
}

fn slice_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if !crate::number::has_index(vm, v) {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    crate::number::index_clamped(vm, v)
}

fn deque_index(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "index")?;
    let n = args.vals.len() - 1;
    if n < 1 {
        return Err(vm.type_error(format!("index() takes at least 1 argument ({n} given)")));
    }
    if n > 3 {
        return Err(vm.type_error(format!("index() takes at most 3 arguments ({n} given)")));
    }
    let d = this(vm, &args)?;
    let a = args.vals;
    let len = d.len() as i64;
    let mut start = if n > 1 { slice_index(vm, a[2])? } else { 0 };
    let mut stop = if n > 2 { slice_index(vm, a[3])? } else { len };
    if start < 0 {
        start = (start + len).max(0);
    }
    if stop < 0 {
        stop = (stop + len).max(0);
    }
    stop = stop.min(len);
    start = start.min(stop);
    match search(vm, d, a[1], start as usize, stop as usize, false)?.0 {
        Some(i) => Ok(crate::int::from_usize(vm, i)),
        None => {
            let m = format!("{} is not in deque", ops::repr_string(vm, a[1])?);
            Err(vm.value_error(m))
        }
    }
}

fn deque_insert(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "insert")?;
    let n = args.vals.len() - 1;
    if n != 2 {
        return Err(vm.type_error(format!("insert() takes exactly 2 arguments ({n} given)")));
    }
    let d = this(vm, &args)?;
    let index = ssize_arg(vm, args.vals[1])?;
    let v = args.vals[2];
    let len = d.len() as i64;
    let maxlen = d.maxlen.get();
    if maxlen == len {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    if index >= len {
        d.append(v, maxlen);
    } else if index <= -len || index == 0 {
        d.appendleft(v, maxlen);
    } else {
        d.rotate(-index);
        if index < 0 {
            d.append(v, maxlen);
        } else {
            d.appendleft(v, maxlen);
        }
        d.rotate(index);
    }
    none_ret(vm)
}

fn deque_remove(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "deque.remove", 1, 1)?;
    let d = this(vm, &args)?;
    let n = d.len();
    let state = d.state.get();
    for i in 0..n {
        let Some(item) = d.get(i) else { break };
        let eq = ops::eq(vm, item, a[1])?;
        if state != d.state.get() {
            return Err(vm.index_error("deque mutated during iteration"));
        }
        if eq {
            d.rotate(-(i as i64));
            d.popleft();
            d.rotate(i as i64);
            return none_ret(vm);
        }
    }
    let m = format!("{} is not in deque", ops::repr_string(vm, a[1])?);
    Err(vm.value_error(m))
}

/// The position a sequence index names (`sq_item` semantics: negative counts from
/// the end), IndexError if outside.
fn item_index(vm: &mut Vm, d: &DequeObj, k: Value) -> PyResult<usize> {
    if !crate::number::has_index(vm, k) {
        let m = format!("sequence index must be integer, not '{}'", vm.type_name(k));
        return Err(vm.type_error(m));
    }
    let big = crate::number::index_bigint(vm, k)?;
    use num_traits::ToPrimitive;
    let Some(mut i) = big.to_i64() else {
        return Err(vm.index_error("cannot fit 'int' into an index-sized integer"));
    };
    let len = d.len() as i64;
    if i < 0 {
        i += len;
    }
    if i < 0 || i >= len {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(i as usize)
}

fn deque_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    let d = this(vm, &args)?;
    let i = item_index(vm, d, a[1])?;
    match d.get(i) {
        Some(v) => Ok(v),
        None => Err(vm.index_error("deque index out of range")),
    }
}

fn deque_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setitem__", 3, 3)?;
    let d = this(vm, &args)?;
    let i = item_index(vm, d, a[1])?;
    if let Some(slot) = d.items.borrow_mut().get_mut(i) {
        *slot = a[2];
    }
    none_ret(vm)
}

fn deque_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__delitem__", 2, 2)?;
    let d = this(vm, &args)?;
    let i = item_index(vm, d, a[1])? as i64;
    d.rotate(-i);
    d.popleft();
    d.rotate(i);
    none_ret(vm)
}

fn deque_len(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__len__", 1, 1)?;
    let n = this(vm, &args)?.len();
    Ok(crate::int::from_usize(vm, n))
}

fn deque_bool(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__bool__", 1, 1)?;
    let n = this(vm, &args)?.len();
    Ok(vm.bool(n != 0))
}

fn deque_maxlen(vm: &mut Vm, d: Value) -> PyResult {
    let Some(o) = d.downcast::<DequeObj>() else { return Err(vm.type_error("descriptor requires a 'collections.deque' object")) };
    match o.maxlen.get() {
        m if m < 0 => Ok(vm.none),
        m => Ok(crate::int::from_i64(vm, m)),
    }
}

fn deque_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let d = this(vm, &args)?;
    let self_ = a[0];
    if vm.repr_active.contains(&self_) {
        return Ok(crate::str::alloc_str(vm, "[...]"));
    }
    vm.repr_active.push(self_);
    let r = (|| -> PyResult<String> {
        let l = crate::list::from_iterable(vm, self_)?;
        ops::repr_string(vm, l)
    })();
    vm.repr_active.retain(|x| *x != self_);
    let list = r?;
    let name = crate::typeobj::type_name(vm.type_of(self_));
    let s = match d.maxlen.get() {
        m if m >= 0 => format!("{name}({list}, maxlen={m})"),
        _ => format!("{name}({list})"),
    };
    Ok(crate::str::new_str(vm, s))
}

fn deque_richcmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let a = args.exact(vm, "__eq__", 2, 2)?;
    let (v, w) = (a[0], a[1]);
    if !is_deque(v) || !is_deque(w) {
        return Ok(vm.not_implemented);
    }
    let (vs, ws) = (dq(v).len(), dq(w).len());
    match op {
        CmpOp::Eq if v == w => return Ok(vm.true_),
        CmpOp::Eq if vs != ws => return Ok(vm.false_),
        CmpOp::Ne if v == w => return Ok(vm.false_),
        CmpOp::Ne if vs != ws => return Ok(vm.true_),
        _ => {}
    }
    let it1 = ops::iter(vm, v)?;
    let it2 = ops::iter(vm, w)?;
    loop {
        let x = ops::next(vm, it1)?;
        let y = ops::next(vm, it2)?;
        let (Some(x), Some(y)) = (x, y) else {
            let r = match op {
                CmpOp::Lt => y.is_some(),
                CmpOp::Le => x.is_none(),
                CmpOp::Eq => x.is_none() && y.is_none(),
                CmpOp::Ne => x.is_some() != y.is_some(),
                CmpOp::Gt => x.is_some(),
                _ => y.is_none(),
            };
            return Ok(vm.bool(r));
        };
        if !ops::eq(vm, x, y)? {
            let r = ops::compare(vm, x, y, op)?;
            let b = ops::truthy(vm, r)?;
            return Ok(vm.bool(b));
        }
    }
}

macro_rules! deque_cmp {
    ($($fname:ident => $op:ident),*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult { deque_richcmp(vm, args, CmpOp::$op) } )*
    };
}
deque_cmp!(deque_lt => Lt, deque_le => Le, deque_eq => Eq, deque_ne => Ne, deque_gt => Gt, deque_ge => Ge);

fn deque_reduce(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "deque.__reduce__", 0, 0)?;
    let d = this(vm, &args)?;
    let self_ = args.vals[0];
    // The instance dict and slots, as `_PyObject_GetState` gives them.
    let state = crate::call::call_method(vm, self_, "__getstate__", &[])?;
    let it = ops::iter(vm, self_)?;
    let cls = vm.type_of(self_);
    let cargs = match d.maxlen.get() {
        m if m < 0 => crate::tuple::new_tuple(vm, vec![]),
        m => {
            let e = crate::tuple::new_tuple(vm, vec![]);
            let mv = crate::int::from_i64(vm, m);
            crate::tuple::new_tuple(vm, vec![e, mv])
        }
    };
    Ok(crate::tuple::new_tuple(vm, vec![cls, cargs, state, it]))
}

// ---- iterators ----

fn new_iter(vm: &mut Vm, d: Value, reverse: bool) -> Value {
    let o = dq(d);
    let t = types()[if reverse { 2 } else { 1 }];
    vm.alloc(t, DequeIter { deque: d, state: o.state.get(), counter: Cell::new(o.len()), reverse })
}

fn deque_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    this(vm, &args)?;
    Ok(new_iter(vm, a[0], false))
}

fn deque_reversed(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "deque.__reversed__", 0, 0)?;
    this(vm, &args)?;
    Ok(new_iter(vm, args.vals[0], true))
}

fn iter_next_value(vm: &mut Vm, it: &DequeIter) -> PyResult<Option<Value>> {
    let d = dq(it.deque);
    let mutated = d.state.get() != it.state;
    // The forward iterator checks for mutation first, the reverse one for the end.
    if it.reverse && it.counter.get() == 0 {
        return Ok(None);
    }
    if mutated {
        it.counter.set(0);
        return Err(vm.runtime_error("deque mutated during iteration"));
    }
    let c = it.counter.get();
    if c == 0 {
        return Ok(None);
    }
    let pos = if it.reverse { c - 1 } else { d.len() - c };
    it.counter.set(c - 1);
    Ok(d.get(pos))
}

fn dit(vm: &mut Vm, args: &Args) -> PyResult<&'static DequeIter> {
    match args.vals.first().and_then(|v| v.downcast::<DequeIter>()) {
        Some(d) => Ok(d),
        None => Err(vm.type_error("descriptor requires a '_collections._deque_iterator' object")),
    }
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__next__", 1, 1)?;
    let it = dit(vm, &args)?;
    match iter_next_value(vm, it)? {
        Some(v) => Ok(v),
        None => Err(PyErr(crate::call::call(vm, vm.e.stop_iteration, &[])?)),
    }
}

fn iter_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(a[0])
}

fn iter_length_hint(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__length_hint__", 1, 1)?;
    let it = dit(vm, &args)?;
    Ok(crate::int::from_usize(vm, it.counter.get()))
}

fn iter_reduce(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__reduce__", 1, 1)?;
    let it = dit(vm, &args)?;
    let cls = vm.type_of(args.vals[0]);
    let done = crate::int::from_usize(vm, dq(it.deque).len().saturating_sub(it.counter.get()));
    let inner = crate::tuple::new_tuple(vm, vec![it.deque, done]);
    Ok(crate::tuple::new_tuple(vm, vec![cls, inner]))
}

/// `_deque_iterator(deque, index=0)`: an iterator advanced by `index` items.
fn iter_new(vm: &mut Vm, args: Args, reverse: bool) -> PyResult {
    let name = if reverse { "_deque_reverse_iterator" } else { "_deque_iterator" };
    args.no_kw(vm, name)?;
    let a = args.shift().exact(vm, name, 1, 2)?;
    if !is_deque(a[0]) {
        let m = format!("{name}() argument 1 must be collections.deque, not {}", vm.type_name(a[0]));
        return Err(vm.type_error(m));
    }
    let index = match a.get(1) {
        Some(v) => ssize_arg(vm, *v)?,
        None => 0,
    };
    let it = new_iter(vm, a[0], reverse);
    let o = it.downcast::<DequeIter>().expect("deque iterator");
    for _ in 0..index.max(0) {
        match iter_next_value(vm, o) {
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(e) if o.counter.get() != 0 => return Err(e),
            Err(_) => break,
        }
    }
    Ok(it)
}

fn fwd_iter_new(vm: &mut Vm, args: Args) -> PyResult {
    iter_new(vm, args, false)
}

fn rev_iter_new(vm: &mut Vm, args: Args) -> PyResult {
    iter_new(vm, args, true)
}

// ---- defaultdict ----

fn dd_self(vm: &mut Vm, v: Value) -> PyResult<&'static crate::dict::DictObj> {
    let t = types()[3];
    match v.downcast::<crate::dict::DictObj>() {
        Some(d) if crate::typeobj::is_instance(vm, v, t) => Ok(d),
        _ => Err(vm.type_error("descriptor requires a 'collections.defaultdict' object")),
    }
}

fn factory(vm: &mut Vm, d: Value) -> PyResult<Value> {
    let f = dd_self(vm, d)?.extra.get();
    Ok(if f.is_null() { vm.none } else { f })
}

fn dd_init(vm: &mut Vm, args: Args) -> PyResult {
    let d = dd_self(vm, args.vals[0])?;
    let pos = args.pos();
    let (newdefault, rest) = if pos.len() > 1 {
        let f = pos[1];
        if f != vm.none && !crate::builtins::is_callable(vm, f) {
            return Err(vm.type_error("first argument must be callable or None"));
        }
        (f, &args.vals[2..])
    } else {
        (Value::NULL, &args.vals[1..])
    };
    d.extra.set(newdefault);
    let init = crate::typeobj::lookup_str(vm, vm.t.dict, "__init__").expect("dict.__init__");
    crate::call::call_method_descr(vm, init, args.vals[0], Args::with_kw(rest, args.kwnames))
}

fn dd_missing(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "defaultdict.__missing__", 1, 1)?;
    let f = factory(vm, a[0])?;
    if f == vm.none {
        return Err(vm.key_error(a[1]));
    }
    let v = crate::call::call(vm, f, &[])?;
    ops::setitem(vm, a[0], a[1], v)?;
    Ok(v)
}

/// `type(dd)(dd.default_factory, arg)`.
fn new_defdict(vm: &mut Vm, dd: Value, arg: Value) -> PyResult {
    let f = factory(vm, dd)?;
    let cls = vm.type_of(dd);
    crate::call::call(vm, cls, &[f, arg])
}

fn dd_copy(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "defaultdict.copy", 0, 0)?;
    new_defdict(vm, args.vals[0], args.vals[0])
}

fn dd_dunder_copy(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "defaultdict.__copy__", 0, 0)?;
    new_defdict(vm, args.vals[0], args.vals[0])
}

fn dd_reduce(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "defaultdict.__reduce__", 0, 0)?;
    let d = args.vals[0];
    let f = factory(vm, d)?;
    let fargs = if f == vm.none { vec![] } else { vec![f] };
    let fargs = crate::tuple::new_tuple(vm, fargs);
    let items = crate::call::call_method(vm, d, "items", &[])?;
    let it = ops::iter(vm, items)?;
    let cls = vm.type_of(d);
    let none = vm.none;
    Ok(crate::tuple::new_tuple(vm, vec![cls, fargs, none, none, it]))
}

fn dd_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let d = a[0];
    let f = dd_self(vm, d)?.extra.get();
    let dict_repr = crate::typeobj::lookup_str(vm, vm.t.dict, "__repr__").expect("dict.__repr__");
    let base = crate::call::call_method_descr(vm, dict_repr, d, Args::new(&[]))?;
    let _pin = crate::gc::pin(base);
    let defrepr = if f.is_null() {
        "None".to_string()
    } else if vm.repr_active.contains(&f) {
        "...".to_string()
    } else {
        vm.repr_active.push(f);
        let r = ops::repr_string(vm, f);
        vm.repr_active.retain(|x| *x != f);
        r?
    };
    let s = format!("{}({defrepr}, {})", vm.type_name(d), crate::str::as_str(base).unwrap_or(""));
    Ok(crate::str::new_str(vm, s))
}

/// `defdict_or` for both `dd | other` and `other | dd`.
fn dd_or_impl(vm: &mut Vm, left: Value, right: Value, self_: Value) -> PyResult {
    let other = if self_ == left { right } else { left };
    if !other.is::<crate::dict::DictObj>() {
        return Ok(vm.not_implemented);
    }
    let n = new_defdict(vm, self_, left)?;
    crate::dict_methods::update_from(vm, n, right)?;
    Ok(n)
}

fn dd_or(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__or__", 2, 2)?;
    dd_self(vm, a[0])?;
    dd_or_impl(vm, a[0], a[1], a[0])
}

fn dd_ror(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__ror__", 2, 2)?;
    dd_self(vm, a[0])?;
    dd_or_impl(vm, a[1], a[0], a[0])
}

fn dd_get_factory(vm: &mut Vm, d: Value) -> PyResult {
    factory(vm, d)
}

fn dd_set_factory(vm: &mut Vm, d: Value, v: Value) -> PyResult<()> {
    dd_self(vm, d)?.extra.set(v);
    Ok(())
}

// ---- _count_elements ----

/// `_count_elements(mapping, iterable)`: counts into `mapping`, directly when it
/// is a dict whose `get` and `__setitem__` are dict's own.
fn count_elements(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_count_elements", 2, 2)?;
    let (mapping, iterable) = (a[0], a[1]);
    let it = ops::iter(vm, iterable)?;
    let one = Value::small(1);
    let mt = vm.type_of(mapping);
    let dict_t = vm.t.dict;
    let fast = mapping.is::<crate::dict::DictObj>()
        && crate::typeobj::lookup_str(vm, mt, "get") == crate::typeobj::lookup_str(vm, dict_t, "get")
        && crate::typeobj::lookup_str(vm, mt, "__setitem__") == crate::typeobj::lookup_str(vm, dict_t, "__setitem__");
    if fast {
        while let Some(k) = ops::next(vm, it)? {
            let h = crate::hash::hash(vm, k)?;
            let new = match crate::dict::get_item_hashed(vm, mapping, k, h)? {
                None => one,
                Some(old) => ops::binary_op(vm, old, one, compiler::bytecode::BinOp::Add)?,
            };
            crate::dict::set_item_hashed(vm, mapping, k, h, new)?;
        }
    } else {
        let n = vm.intern("get");
        let get = crate::attr::getattr(vm, mapping, n)?;
        let zero = Value::small(0);
        while let Some(k) = ops::next(vm, it)? {
            let old = crate::call::call(vm, get, &[k, zero])?;
            let new = ops::binary_op(vm, old, one, compiler::bytecode::BinOp::Add)?;
            ops::setitem(vm, mapping, k, new)?;
        }
    }
    none_ret(vm)
}

// ---- module ----

fn set_module(vm: &mut Vm, t: Value, m: &str) -> PyResult<()> {
    let m = vm.intern(m);
    set_attr_raw(vm, t, "__module__", m)
}

fn init_deque(vm: &mut Vm) -> PyResult<Value> {
    let obj = vm.t.object;
    let t = new_static_type(vm, "deque", obj, tflag::BASETYPE | tflag::WEAKREFABLE | tflag::SEQUENCE);
    set_module(vm, t, "collections")?;
    add_static(vm, t, "__new__", deque_new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__init__", deque_init),
        ("__repr__", deque_repr),
        ("__len__", deque_len),
        ("__bool__", deque_bool),
        ("__getitem__", deque_getitem),
        ("__setitem__", deque_setitem),
        ("__delitem__", deque_delitem),
        ("__contains__", deque_contains),
        ("__iter__", deque_iter),
        ("__reversed__", deque_reversed),
        ("__add__", deque_concat),
        ("__iadd__", deque_iadd),
        ("__mul__", deque_mul),
        ("__rmul__", deque_mul),
        ("__imul__", deque_imul),
        ("__lt__", deque_lt),
        ("__le__", deque_le),
        ("__eq__", deque_eq),
        ("__ne__", deque_ne),
        ("__gt__", deque_gt),
        ("__ge__", deque_ge),
        ("__copy__", deque_dunder_copy),
        ("__reduce__", deque_reduce),
        ("append", deque_append),
        ("appendleft", deque_appendleft),
        ("clear", deque_clear),
        ("copy", deque_copy),
        ("count", deque_count),
        ("extend", deque_extend),
        ("extendleft", deque_extendleft),
        ("index", deque_index),
        ("insert", deque_insert),
        ("pop", deque_pop),
        ("popleft", deque_popleft),
        ("remove", deque_remove),
        ("reverse", deque_reverse),
        ("rotate", deque_rotate),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    add_getter(vm, t, "maxlen", deque_maxlen);
    add_classmethod(vm, t, "__class_getitem__", crate::generic_alias::class_getitem);
    let none = vm.none;
    set_attr_raw(vm, t, "__hash__", none)?;
    Ok(t)
}

fn init_iter(vm: &mut Vm, name: &str, new: crate::object::NativeFn) -> PyResult<Value> {
    let obj = vm.t.object;
    let t = new_static_type(vm, name, obj, 0);
    set_module(vm, t, "_collections")?;
    add_static(vm, t, "__new__", new);
    add_method(vm, t, "__iter__", iter_iter);
    add_method(vm, t, "__next__", iter_next);
    add_method(vm, t, "__length_hint__", iter_length_hint);
    add_method(vm, t, "__reduce__", iter_reduce);
    Ok(t)
}

fn init_defaultdict(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.t.dict;
    let t = new_static_type(vm, "defaultdict", dict, tflag::BASETYPE);
    set_module(vm, t, "collections")?;
    add_method(vm, t, "__init__", dd_init);
    add_method(vm, t, "__missing__", dd_missing);
    add_method(vm, t, "__repr__", dd_repr);
    add_method(vm, t, "copy", dd_copy);
    add_method(vm, t, "__copy__", dd_dunder_copy);
    add_method(vm, t, "__reduce__", dd_reduce);
    add_method(vm, t, "__or__", dd_or);
    add_method(vm, t, "__ror__", dd_ror);
    add_getset(vm, t, "default_factory", dd_get_factory, dd_set_factory);
    add_classmethod(vm, t, "__class_getitem__", crate::generic_alias::class_getitem);
    Ok(t)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let deque = init_deque(vm)?;
    let it = init_iter(vm, "_deque_iterator", fwd_iter_new)?;
    let rit = init_iter(vm, "_deque_reverse_iterator", rev_iter_new)?;
    let dd = init_defaultdict(vm)?;
    TYPES.with(|c| c.set([deque, it, rit, dd]));
    // The types outlive any one module object.
    vm.extra_roots.extend([deque, it, rit, dd]);
    super::set_attr(vm, m, "deque", deque)?;
    super::set_attr(vm, m, "_deque_iterator", it)?;
    super::set_attr(vm, m, "_deque_reverse_iterator", rit)?;
    super::set_attr(vm, m, "defaultdict", dd)?;
    super::add_functions(vm, m, &[("_count_elements", count_elements)])?;
    Ok(())
}
