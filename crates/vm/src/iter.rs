//! Iterators of the builtin containers and the builtin iterator types (`enumerate`,
//! `zip`, `map`, `filter`, `reversed`, `iter(callable, sentinel)`, the sequence
//! iterator behind the `__getitem__` protocol). `fast_iter`/`fast_next` give the
//! interpreter's `for` loops a path without special-method dispatch.

use crate::dict_methods::ViewKind;
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::ops;
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

/// An index-based iterator over a list, tuple, str, range, dict or set.
pub struct SeqIter {
    pub seq: Cell<Value>,
    pub index: Cell<usize>,
    pub kind: IterKind,
    /// dict iterators: the size at creation, to detect changes.
    pub expected_len: usize,
    /// range iterators: start and step.
    pub start: i64,
    pub step: i64,
    pub len: usize,
    /// dict iterators: the items not yet produced (an item found beyond them
    /// means keys changed while the size did not).
    pub left: Cell<usize>,
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum IterKind {
    List,
    ListReverse,
    Tuple,
    Str,
    Range,
    Dict(ViewKind),
    Set,
    /// `__getitem__` with 0, 1, 2, ... until IndexError/StopIteration.
    GetItem,
    Bytes,
}

impl Trace for SeqIter {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.seq.get())
    }
}
payload!(SeqIter, "iterator");

fn new_iter(vm: &mut Vm, ty: Value, seq: Value, kind: IterKind) -> Value {
    vm.alloc(ty, SeqIter { seq: Cell::new(seq), index: Cell::new(0), kind, expected_len: 0, start: 0, step: 0, len: 0, left: Cell::new(0) })
}

pub fn new_list_iter(vm: &mut Vm, l: Value) -> Value {
    let t = vm.t.list_iterator;
    new_iter(vm, t, l, IterKind::List)
}

pub fn new_list_reverse_iter(vm: &mut Vm, l: Value) -> Value {
    let t = vm.t.list_reverseiterator;
    let n = crate::list::lobj(l).items.borrow().len();
    let it = new_iter(vm, t, l, IterKind::ListReverse);
    it.downcast::<SeqIter>().unwrap().index.set(n);
    it
}

pub fn new_tuple_iter(vm: &mut Vm, t: Value) -> Value {
    let ty = vm.t.tuple_iterator;
    new_iter(vm, ty, t, IterKind::Tuple)
}

pub fn new_str_iter(vm: &mut Vm, s: Value) -> Value {
    let ty = vm.t.str_iterator;
    new_iter(vm, ty, s, IterKind::Str)
}

pub fn new_bytes_iter(vm: &mut Vm, s: Value) -> Value {
    let ty = vm.t.bytes_iterator;
    new_iter(vm, ty, s, IterKind::Bytes)
}

pub fn new_seq_iter(vm: &mut Vm, s: Value) -> Value {
    let ty = vm.t.seq_iterator;
    new_iter(vm, ty, s, IterKind::GetItem)
}

pub fn new_range_iter(vm: &mut Vm, start: i64, step: i64, len: usize) -> Value {
    let ty = vm.t.range_iterator;
    vm.alloc(ty, SeqIter { seq: Cell::new(Value::NULL), index: Cell::new(0), kind: IterKind::Range, expected_len: 0, start, step, len, left: Cell::new(0) })
}

pub fn new_dict_iter(vm: &mut Vm, d: Value, kind: ViewKind) -> Value {
    let ty = match kind {
        ViewKind::Keys => vm.t.dict_keyiterator,
        ViewKind::Values => vm.t.dict_valueiterator,
        ViewKind::Items => vm.t.dict_itemiterator,
    };
    let n = crate::dict::dobj(d).len();
    vm.alloc(ty, SeqIter { seq: Cell::new(d), index: Cell::new(0), kind: IterKind::Dict(kind), expected_len: n, start: 0, step: 0, len: 0, left: Cell::new(n) })
}

pub fn new_set_iter(vm: &mut Vm, s: Value) -> Value {
    let ty = vm.t.set_iterator;
    let n = crate::set::len(s);
    vm.alloc(ty, SeqIter { seq: Cell::new(s), index: Cell::new(0), kind: IterKind::Set, expected_len: n, start: 0, step: 0, len: 0, left: Cell::new(0) })
}

/// `iter(v)` for exact builtin containers.
pub fn fast_iter(vm: &mut Vm, v: Value) -> Option<Value> {
    let t = vm.type_of(v);
    fast_iter_as(vm, v, t)
}

/// `fast_iter` for `v` as an instance of the builtin type `t` (its own type, or the
/// builtin base whose layout and `__iter__` it has).
pub fn fast_iter_as(vm: &mut Vm, v: Value, t: Value) -> Option<Value> {
    if t == vm.t.list {
        Some(new_list_iter(vm, v))
    } else if t == vm.t.tuple {
        Some(new_tuple_iter(vm, v))
    } else if t == vm.t.range {
        Some(crate::range::iter(vm, v))
    } else if t == vm.t.dict {
        Some(new_dict_iter(vm, v, ViewKind::Keys))
    } else if t == vm.t.str {
        Some(new_str_iter(vm, v))
    } else if v.is::<SeqIter>() || t == vm.t.generator {
        // Builtin iterators (their types cannot be subclassed) and generators
        // are their own iterators.
        Some(v)
    } else {
        None
    }
}

/// `next(it)` for the builtin iterators and generators; None if `it` is not one.
pub fn fast_next(vm: &mut Vm, it: Value) -> Option<PyResult<Option<Value>>> {
    if let Some(s) = it.downcast::<SeqIter>() {
        return Some(seq_next(vm, s));
    }
    if it.is::<crate::generator::GenObj>() && vm.type_of(it) == vm.t.generator {
        return Some(crate::generator::next_value(vm, it));
    }
    if let Some(c) = it.downcast::<Combinator>() {
        let step = step_of(vm, vm.type_of(it))?;
        // A StopIteration escaping the function of a `map` or `filter` ends the
        // iteration, as it does through `__next__`.
        return Some(match step(vm, c) {
            Err(e) if crate::exceptions::is_instance_of(vm, e.0, vm.e.stop_iteration) => Ok(None),
            r => r,
        });
    }
    None
}

/// `next(it)` for a list or range iterator whose next item needs no allocation
/// (Some(None): exhausted); None for the other iterators and items. The
/// interpreter's `for` loops take it before anything else.
#[inline(always)]
pub fn next_plain(it: Value) -> Option<Option<Value>> {
    plain_next(it.downcast::<SeqIter>()?)
}

#[inline(always)]
fn plain_next(s: &SeqIter) -> Option<Option<Value>> {
    match s.kind {
        IterKind::List => Some(list_next(s)),
        IterKind::Range => {
            let i = s.index.get();
            if i >= s.len {
                return Some(None);
            }
            let v = (i as i64).checked_mul(s.step).and_then(|d| d.checked_add(s.start)).and_then(Value::try_small)?;
            s.index.set(i + 1);
            Some(Some(v))
        }
        _ => None,
    }
}

#[inline(always)]
fn list_next(s: &SeqIter) -> Option<Value> {
    let seq = s.seq.get();
    if seq.is_null() {
        return None;
    }
    let i = s.index.get();
    let v = crate::list::lobj(seq).items.borrow().get(i).copied();
    match v {
        Some(_) => s.index.set(i + 1),
        None => s.seq.set(Value::NULL),
    }
    v
}

fn seq_next(vm: &mut Vm, s: &SeqIter) -> PyResult<Option<Value>> {
    if let Some(r) = plain_next(s) {
        return Ok(r);
    }
    let seq = s.seq.get();
    if seq.is_null() && s.kind != IterKind::Range {
        return Ok(None);
    }
    let i = s.index.get();
    let r = match s.kind {
        IterKind::List => return Ok(list_next(s)),
        IterKind::ListReverse => {
            if i == 0 {
                None
            } else {
                let items = crate::list::lobj(seq).items.borrow();
                s.index.set(i - 1);
                if i - 1 < items.len() {
                    return Ok(Some(items[i - 1]));
                }
                None
            }
        }
        IterKind::Tuple => crate::tuple::items(seq).get(i).copied(),
        IterKind::Str => {
            let so = seq.downcast::<crate::str::StrObj>().unwrap();
            if i < so.len() {
                s.index.set(i + 1);
                return Ok(Some(crate::str::char_value_at(vm, so, i)));
            }
            None
        }
        IterKind::Bytes => {
            crate::bytes::byte_at(seq, i).map(|x| Value::small(x as i64))
        }
        IterKind::Range => {
            if i < s.len {
                s.index.set(i + 1);
                let v = s.start as i128 + i as i128 * s.step as i128;
                return Ok(Some(match i64::try_from(v) {
                    Ok(v) => crate::int::from_i64(vm, v),
                    Err(_) => crate::int::from_bigint(vm, num_bigint::BigInt::from(v)),
                }));
            }
            return Ok(None);
        }
        IterKind::Dict(kind) => return dict_next(vm, s, seq, kind),
        IterKind::Set => {
            if crate::set::len(seq) != s.expected_len {
                return Err(vm.runtime_error("Set changed size during iteration"));
            }
            match crate::set::entry_from(seq, i) {
                Some((next, k)) => {
                    s.index.set(next);
                    return Ok(Some(k));
                }
                None => None,
            }
        }
        IterKind::GetItem => {
            let idx = Value::small(i as i64);
            return match ops::getitem(vm, seq, idx) {
                Ok(v) => {
                    s.index.set(i + 1);
                    Ok(Some(v))
                }
                Err(e) if crate::exceptions::matches(vm, e, vm.e.index_error) || crate::exceptions::matches(vm, e, vm.e.stop_iteration) => {
                    s.seq.set(Value::NULL);
                    Ok(None)
                }
                Err(e) => Err(e),
            };
        }
    };
    match r {
        Some(v) => {
            if s.kind != IterKind::ListReverse {
                s.index.set(i + 1);
            }
            Ok(Some(v))
        }
        None => {
            s.seq.set(Value::NULL);
            Ok(None)
        }
    }
}

fn dict_next(vm: &mut Vm, s: &SeqIter, d: Value, kind: ViewKind) -> PyResult<Option<Value>> {
    let dobj = crate::dict::dobj(d);
    if dobj.len() != s.expected_len {
        s.seq.set(Value::NULL);
        return Err(vm.runtime_error("dictionary changed size during iteration"));
    }
    match dobj.entry_from(s.index.get()) {
        Some(_) if s.left.get() == 0 => {
            s.seq.set(Value::NULL);
            Err(vm.runtime_error("dictionary keys changed during iteration"))
        }
        Some((next, k, v)) => {
            s.index.set(next);
            s.left.set(s.left.get() - 1);
            Ok(Some(match kind {
                ViewKind::Keys => k,
                ViewKind::Values => v,
                ViewKind::Items => crate::tuple::new_tuple(vm, vec![k, v]),
            }))
        }
        None => {
            s.seq.set(Value::NULL);
            Ok(None)
        }
    }
}

fn iter_self(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(a[0])
}

fn seq_iter_next(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__next__", 1, 1)?;
    let s = a[0].downcast::<SeqIter>().unwrap();
    let r = seq_next(vm, s)?;
    ops::next_or_stop(vm, r)
}

fn seq_iter_length_hint(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__length_hint__", 1, 1)?;
    let s = a[0].downcast::<SeqIter>().unwrap();
    let i = s.index.get();
    let seq = s.seq.get();
    let n = match s.kind {
        IterKind::Range => s.len.saturating_sub(i),
        _ if seq.is_null() => 0,
        IterKind::List => crate::list::lobj(seq).items.borrow().len().saturating_sub(i),
        // CPython's listreviter_len: nothing left once the list shrank below it.
        IterKind::ListReverse if crate::list::lobj(seq).items.borrow().len() < i => 0,
        IterKind::ListReverse => i,
        // Nothing left once the dict or set changed size (its next step raises).
        IterKind::Set if crate::set::len(seq) != s.expected_len => 0,
        IterKind::Dict(_) if crate::dict::dobj(seq).len() != s.expected_len => 0,
        IterKind::Dict(_) => s.left.get(),
        IterKind::Tuple => crate::tuple::items(seq).len().saturating_sub(i),
        _ => ops::len(vm, seq)?.saturating_sub(i),
    };
    Ok(crate::int::from_usize(vm, n))
}

/// `enumerate`, `zip`, `map`, `filter`, `iter(callable, sentinel)`: iterators
/// combining other iterators (and a function or counter).
pub struct Combinator {
    pub iters: Cell<Value>,
    pub func: Cell<Value>,
    pub count: Cell<Value>,
    pub strict: Cell<bool>,
    pub done: Cell<bool>,
}
impl Trace for Combinator {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.iters.get());
        t.value(self.func.get());
        t.value(self.count.get());
    }
}
payload!(Combinator, "combinator");

fn iters_of(vm: &mut Vm, srcs: &[Value]) -> PyResult<Value> {
    let l = crate::list::new_list(vm, vec![]);
    for s in srcs {
        let it = ops::iter(vm, *s)?;
        crate::list::lobj(l).items.borrow_mut().push(it);
    }
    Ok(crate::list::list_to_tuple(vm, l))
}

fn enumerate_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [iterable, start] = args.shift().bind(vm, "enumerate", ["iterable", "start"], 1, 0)?;
    let count = if start.is_null() { Value::small(0) } else { crate::number::index(vm, start)? };
    let iters = iters_of(vm, &[iterable])?;
    Ok(vm.alloc(cls, Combinator { iters: Cell::new(iters), func: Cell::new(Value::NULL), count: Cell::new(count), strict: Cell::new(false), done: Cell::new(false) }))
}

impl Combinator {
    /// Marks a `reversed` or callable iterator exhausted and lets go of what it
    /// iterated, as CPython does, so that the sequence can be freed at once.
    fn exhaust(&self) {
        self.done.set(true);
        self.iters.set(Value::NULL);
        self.func.set(Value::NULL);
        self.count.set(Value::NULL);
    }
}

fn comb(args: &Args) -> &'static Combinator {
    args.vals[0].downcast::<Combinator>().expect("iterator")
}

fn enumerate_step(vm: &mut Vm, c: &'static Combinator) -> PyResult<Option<Value>> {
    Ok(match enumerate_pair(vm, c)? {
        Some((n, v)) => Some(crate::tuple::new_tuple(vm, vec![n, v])),
        None => None,
    })
}

/// The next (count, item) of an enumerate.
fn enumerate_pair(vm: &mut Vm, c: &'static Combinator) -> PyResult<Option<(Value, Value)>> {
    let it = crate::tuple::items(c.iters.get())[0];
    match ops::next(vm, it)? {
        Some(v) => {
            let n = c.count.get();
            let next = crate::ops::binary_op(vm, n, Value::small(1), compiler::bytecode::BinOp::Add)?;
            c.count.set(next);
            Ok(Some((n, v)))
        }
        None => Ok(None),
    }
}

/// The next (count, item) of an exact `enumerate` without making the tuple, for a
/// `for i, x in enumerate(...)` that unpacks it at once (the tuple could not be
/// seen); None when `it` is not an exact enumerate.
pub fn enumerate_next_pair(vm: &mut Vm, it: Value) -> Option<PyResult<Option<(Value, Value)>>> {
    let c = it.downcast::<Combinator>()?;
    if vm.type_of(it) != vm.t.enumerate {
        return None;
    }
    Some(enumerate_pair(vm, c))
}

fn zip_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let strict = match args.kwarg("strict") {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    for (k, _) in args.kw() {
        if crate::str::as_str(k) != Some("strict") {
            return Err(crate::object::invalid_keyword(vm, "zip", crate::str::as_str(k).unwrap_or("?")));
        }
    }
    let iters = iters_of(vm, &args.pos()[1..])?;
    Ok(vm.alloc(cls, Combinator { iters: Cell::new(iters), func: Cell::new(Value::NULL), count: Cell::new(Value::NULL), strict: Cell::new(strict), done: Cell::new(false) }))
}

fn zip_step(vm: &mut Vm, c: &'static Combinator) -> PyResult<Option<Value>> {
    let its = crate::tuple::items(c.iters.get());
    if its.is_empty() || c.done.get() {
        return Ok(None);
    }
    let out = crate::list::new_list(vm, vec![]);
    for (i, it) in its.iter().enumerate() {
        match ops::next(vm, *it)? {
            Some(v) => crate::list::lobj(out).items.borrow_mut().push(v),
            None => {
                c.done.set(true);
                if c.strict.get() {
                    if i > 0 {
                        let msg = if i == 1 {
                            "zip() argument 2 is shorter than argument 1".to_string()
                        } else {
                            format!("zip() argument {} is shorter than arguments 1-{i}", i + 1)
                        };
                        return Err(vm.value_error(msg));
                    }
                    for (j, other) in its.iter().enumerate().skip(1) {
                        if ops::next(vm, *other)?.is_some() {
                            let msg = if j == 1 { "zip() argument 2 is longer than argument 1".to_string() } else { format!("zip() argument {} is longer than arguments 1-{j}", j + 1) };
                            return Err(vm.value_error(msg));
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(crate::list::list_to_tuple(vm, out)))
}

fn map_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    args.no_kw(vm, "map")?;
    let pos = args.pos();
    if pos.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let iters = iters_of(vm, &pos[2..])?;
    Ok(vm.alloc(cls, Combinator { iters: Cell::new(iters), func: Cell::new(pos[1]), count: Cell::new(Value::NULL), strict: Cell::new(false), done: Cell::new(false) }))
}

fn map_step(vm: &mut Vm, c: &'static Combinator) -> PyResult<Option<Value>> {
    let its = crate::tuple::items(c.iters.get());
    let vals = crate::list::new_list(vm, vec![]);
    for it in its {
        match ops::next(vm, *it)? {
            Some(v) => crate::list::lobj(vals).items.borrow_mut().push(v),
            None => return Ok(None),
        }
    }
    let a = crate::list::lobj(vals).items.borrow().clone();
    let r = crate::call::call(vm, c.func.get(), &a);
    std::hint::black_box(vals);
    r.map(Some)
}

fn filter_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    args.no_kw(vm, "filter")?;
    let a = args.shift().exact(vm, "filter", 2, 2)?;
    let iters = iters_of(vm, &a[1..2])?;
    Ok(vm.alloc(cls, Combinator { iters: Cell::new(iters), func: Cell::new(a[0]), count: Cell::new(Value::NULL), strict: Cell::new(false), done: Cell::new(false) }))
}

fn filter_step(vm: &mut Vm, c: &'static Combinator) -> PyResult<Option<Value>> {
    let it = crate::tuple::items(c.iters.get())[0];
    loop {
        let Some(v) = ops::next(vm, it)? else {
            return Ok(None);
        };
        let keep = if c.func.get() == vm.none || c.func.get() == vm.t.bool {
            ops::truthy(vm, v)?
        } else {
            let r = crate::call::call(vm, c.func.get(), &[v])?;
            ops::truthy(vm, r)?
        };
        if keep {
            return Ok(Some(v));
        }
    }
}

/// `iter(callable, sentinel)`.
pub fn new_callable_iter(vm: &mut Vm, func: Value, sentinel: Value) -> Value {
    let ty = vm.t.callable_iterator;
    vm.alloc(ty, Combinator { iters: Cell::new(vm.empty_tuple), func: Cell::new(func), count: Cell::new(sentinel), strict: Cell::new(false), done: Cell::new(false) })
}

fn callable_iter_step(vm: &mut Vm, c: &'static Combinator) -> PyResult<Option<Value>> {
    if c.done.get() {
        return Ok(None);
    }
    let v = crate::call::call(vm, c.func.get(), &[])?;
    if ops::eq(vm, v, c.count.get())? {
        c.exhaust();
        return Ok(None);
    }
    Ok(Some(v))
}

fn reversed_new(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.shift().exact(vm, "reversed", 1, 1)?;
    let seq = a[0];
    if let Some(r) = crate::call::call_special(vm, seq, "__reversed__", &[])? {
        return Ok(r);
    }
    let ty = vm.type_of(seq);
    if crate::typeobj::lookup_str(vm, ty, "__getitem__").is_none() || crate::typeobj::lookup_str(vm, ty, "__len__").is_none() || seq.is::<crate::dict::DictObj>() {
        return Err({ let __arg = format!("'{}' object is not reversible", vm.type_name(seq)); vm.type_error(__arg) });
    }
    let n = ops::len(vm, seq)?;
    let cls = args.vals[0];
    Ok(vm.alloc(cls, Combinator { iters: Cell::new(seq), func: Cell::new(Value::NULL), count: Cell::new(Value::small(n as i64)), strict: Cell::new(false), done: Cell::new(false) }))
}

fn reversed_step(vm: &mut Vm, c: &'static Combinator) -> PyResult<Option<Value>> {
    let i = c.count.get().as_small().unwrap_or(0);
    if i <= 0 || c.done.get() {
        c.exhaust();
        return Ok(None);
    }
    c.count.set(Value::small(i - 1));
    match ops::getitem(vm, c.iters.get(), Value::small(i - 1)) {
        Err(e) if crate::exceptions::matches(vm, e, vm.e.index_error) || crate::exceptions::matches(vm, e, vm.e.stop_iteration) => {
            c.exhaust();
            Ok(None)
        }
        r => r.map(Some),
    }
}

/// One step of a combinator iterator: the next item, or None when exhausted.
type Step = fn(&mut Vm, &'static Combinator) -> PyResult<Option<Value>>;

/// The step of a combinator of exactly the builtin type `ty` (a subclass may
/// override `__next__`, so it goes through the method).
fn step_of(vm: &Vm, ty: Value) -> Option<Step> {
    let t = &vm.t;
    let steps: [(Value, Step); 6] = [
        (t.enumerate, enumerate_step),
        (t.zip, zip_step),
        (t.map, map_step),
        (t.filter, filter_step),
        (t.reversed, reversed_step),
        (t.callable_iterator, callable_iter_step),
    ];
    steps.into_iter().find(|(st, _)| *st == ty).map(|(_, f)| f)
}

/// `__next__` of the combinators: their step, StopIteration at the end.
macro_rules! native_next {
    ($name:ident, $step:ident) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult {
            match $step(vm, comb(&args))? {
                Some(v) => Ok(v),
                None => Err(vm.stop_iteration(Value::NULL)),
            }
        }
    };
}
native_next!(enumerate_next, enumerate_step);
native_next!(zip_next, zip_step);
native_next!(map_next, map_step);
native_next!(filter_next, filter_step);
native_next!(reversed_next, reversed_step);
native_next!(callable_iter_next, callable_iter_step);

/// `__reduce__` of the index-based sequence iterators, as CPython's: `(iter,
/// (seq,), index)` (`reversed` for a list's reverse iterator, whose index is
/// the next item's), or, once exhausted, `iter` of an empty sequence.
fn seq_iter_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let qualname = format!("{}.__reduce__", vm.type_name(args.vals[0]));
    let a = args.method(vm, &qualname, 0, 0)?;
    let s = a[0].downcast::<SeqIter>().unwrap();
    let reverse = s.kind == IterKind::ListReverse;
    // The builtins first: looking them up may run code that moves the iterator.
    let iter_fn = builtin(vm, "iter")?;
    let reversed_fn = if reverse { Some(builtin(vm, "reversed")?) } else { None };
    let seq = s.seq.get();
    let f = match reversed_fn {
        Some(r) if !seq.is_null() => r,
        _ => iter_fn,
    };
    if seq.is_null() {
        let empty = match s.kind {
            IterKind::List | IterKind::ListReverse => crate::list::new_list(vm, vec![]),
            IterKind::Str => vm.intern(""),
            _ => crate::tuple::new_tuple(vm, vec![]),
        };
        let fargs = crate::tuple::new_tuple(vm, vec![empty]);
        return Ok(crate::tuple::new_tuple(vm, vec![f, fargs]));
    }
    let index = s.index.get() as i64 - reverse as i64;
    let fargs = crate::tuple::new_tuple(vm, vec![seq]);
    let idx = crate::int::from_i64(vm, index);
    Ok(crate::tuple::new_tuple(vm, vec![f, fargs, idx]))
}

/// `__setstate__(index)`: the position, clamped to the sequence as CPython
/// clamps it (the `__getitem__` iterator has no upper bound).
fn seq_iter_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let qualname = format!("{}.__setstate__", vm.type_name(args.vals[0]));
    let a = args.method(vm, &qualname, 1, 1)?;
    let s = a[0].downcast::<SeqIter>().unwrap();
    // PyLong_AsSsize_t: an int, no __index__.
    if !crate::int::is_int(vm, a[1]) {
        return Err(vm.type_error("an integer is required"));
    }
    let index = crate::number::index_i64(vm, a[1])?;
    let seq = s.seq.get();
    if seq.is_null() {
        return Ok(vm.none);
    }
    let len = match s.kind {
        IterKind::GetItem => i64::MAX,
        IterKind::List | IterKind::ListReverse => crate::list::lobj(seq).items.borrow().len() as i64,
        IterKind::Tuple => crate::tuple::items(seq).len() as i64,
        _ => ops::len(vm, seq)? as i64,
    };
    // The reverse iterator stores the next item's index plus one.
    let stored = if s.kind == IterKind::ListReverse { index.clamp(-1, len - 1) + 1 } else { index.clamp(0, len) };
    s.index.set(stored as usize);
    Ok(vm.none)
}

/// `builtins.iter` or another builtin, for the `__reduce__` results.
fn builtin(vm: &mut Vm, name: &str) -> PyResult {
    let n = vm.intern(name);
    let b = vm.builtins;
    crate::attr::getattr(vm, b, n)
}

/// `range_iterator.__reduce__`: `(iter, (range(start, end, step),), index)`.
fn range_iter_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "range_iterator.__reduce__", 0, 0)?;
    let s = a[0].downcast::<SeqIter>().unwrap();
    let end = s.start as i128 + s.len as i128 * s.step as i128;
    let bounds = [s.start as i128, end, s.step as i128].map(|b| crate::int::from_bigint(vm, num_bigint::BigInt::from(b)));
    let t = vm.t.range;
    let r = vm.alloc(t, crate::range::RangeObj { start: bounds[0], stop: bounds[1], step: bounds[2] });
    let f = builtin(vm, "iter")?;
    let fargs = crate::tuple::new_tuple(vm, vec![r]);
    let idx = crate::int::from_i64(vm, s.index.get() as i64);
    Ok(crate::tuple::new_tuple(vm, vec![f, fargs, idx]))
}

/// `range_iterator.__setstate__(index)`, clamped to `0..=len`.
fn range_iter_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "range_iterator.__setstate__", 1, 1)?;
    let s = a[0].downcast::<SeqIter>().unwrap();
    // PyLong_AsLong: any `__index__`.
    let index = crate::number::index_i64(vm, a[1])?;
    s.index.set(index.clamp(0, s.len as i64) as usize);
    Ok(vm.none)
}

/// `__reduce__` of the dict and set iterators: `(iter, (list of what is left,))`,
/// read from a copy of the iterator so that this one stays where it is.
fn drained_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let qualname = format!("{}.__reduce__", vm.type_name(args.vals[0]));
    let a = args.method(vm, &qualname, 0, 0)?;
    let s = a[0].downcast::<SeqIter>().unwrap();
    let ty = vm.type_of(a[0]);
    let copy = SeqIter { seq: Cell::new(s.seq.get()), index: Cell::new(s.index.get()), kind: s.kind, expected_len: s.expected_len, start: s.start, step: s.step, len: s.len, left: Cell::new(s.left.get()) };
    let c = vm.alloc(ty, copy);
    let _pin = crate::gc::pin(c);
    let rest = crate::list::new_list(vm, vec![]);
    let _pr = crate::gc::pin(rest);
    while let Some(v) = ops::next(vm, c)? {
        crate::list::lobj(rest).items.borrow_mut().push(v);
    }
    let f = builtin(vm, "iter")?;
    let fargs = crate::tuple::new_tuple(vm, vec![rest]);
    Ok(crate::tuple::new_tuple(vm, vec![f, fargs]))
}

/// `__reduce__` of enumerate, zip, map, filter, reversed and the callable iterator:
/// the call that makes an iterator in the same state from the same iterators.
fn combinator_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let qualname = format!("{}.__reduce__", vm.type_name(args.vals[0]));
    let a = args.method(vm, &qualname, 0, 0)?;
    let c = comb(&args);
    let t = &vm.t;
    let ty = vm.type_of(a[0]);
    let cls = if crate::typeobj::is_subtype(ty, t.enumerate) {
        t.enumerate
    } else if crate::typeobj::is_subtype(ty, t.zip) {
        t.zip
    } else if crate::typeobj::is_subtype(ty, t.map) {
        t.map
    } else if crate::typeobj::is_subtype(ty, t.filter) {
        t.filter
    } else if crate::typeobj::is_subtype(ty, t.reversed) {
        t.reversed
    } else {
        t.callable_iterator
    };
    // A reversed object keeps its sequence where the others keep a tuple of iterators.
    let its = if cls == vm.t.reversed || cls == vm.t.callable_iterator { Vec::new() } else { crate::tuple::items(c.iters.get()).to_vec() };
    let (callee, fargs, state) = if cls == vm.t.enumerate {
        (ty, vec![its[0], c.count.get()], None)
    } else if cls == vm.t.zip {
        (ty, its, c.strict.get().then_some(vm.true_))
    } else if cls == vm.t.map {
        (ty, [vec![c.func.get()], its].concat(), None)
    } else if cls == vm.t.filter {
        (ty, vec![c.func.get(), its[0]], None)
    } else if cls == vm.t.reversed {
        let i = c.count.get().as_small().unwrap_or(0);
        if c.done.get() || i <= 0 {
            let empty = vm.empty_tuple;
            (ty, vec![empty], None)
        } else {
            (ty, vec![c.iters.get()], Some(Value::small(i - 1)))
        }
    } else {
        let f = builtin(vm, "iter")?;
        if c.done.get() {
            let empty = vm.empty_tuple;
            (f, vec![empty], None)
        } else {
            (f, vec![c.func.get(), c.count.get()], None)
        }
    };
    let fargs = crate::tuple::new_tuple(vm, fargs);
    let mut out = vec![callee, fargs];
    out.extend(state);
    Ok(crate::tuple::new_tuple(vm, out))
}

/// `zip.__setstate__(strict)`.
fn zip_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "zip.__setstate__", 1, 1)?;
    let strict = ops::truthy(vm, a[1])?;
    comb(&args).strict.set(strict);
    Ok(vm.none)
}

/// `reversed.__length_hint__()`: the items left, none once the sequence shrank
/// below the next index (CPython's `reversed_len`).
fn reversed_length_hint(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "reversed.__length_hint__", 0, 0)?;
    let c = comb(&args);
    let left = c.count.get().as_small().unwrap_or(0);
    if c.done.get() || left <= 0 {
        return Ok(Value::small(0));
    }
    let n = ops::len(vm, c.iters.get())? as i64;
    Ok(Value::small(if n < left { 0 } else { left }))
}

/// `reversed.__setstate__(index)`: the next index to read, clamped to the
/// sequence (-1: exhausted).
fn reversed_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "reversed.__setstate__", 1, 1)?;
    let c = comb(&args);
    if !crate::int::is_int(vm, a[1]) {
        return Err(vm.type_error("an integer is required"));
    }
    let index = crate::number::index_i64(vm, a[1])?;
    if !c.done.get() {
        let n = ops::len(vm, c.iters.get())? as i64;
        c.count.set(Value::small(index.clamp(-1, n - 1) + 1));
    }
    Ok(vm.none)
}

pub fn init_types(vm: &mut Vm) {
    use crate::typeobj::{add_method, add_static};
    for t in [
        vm.t.list_iterator, vm.t.list_reverseiterator, vm.t.tuple_iterator, vm.t.range_iterator,
        vm.t.str_iterator, vm.t.dict_keyiterator, vm.t.dict_valueiterator, vm.t.dict_itemiterator,
        vm.t.set_iterator, vm.t.seq_iterator, vm.t.bytes_iterator,
    ] {
        add_method(vm, t, "__iter__", iter_self);
        add_method(vm, t, "__next__", seq_iter_next);
        add_method(vm, t, "__length_hint__", seq_iter_length_hint);
    }
    for t in [
        vm.t.list_iterator, vm.t.list_reverseiterator, vm.t.tuple_iterator, vm.t.str_iterator,
        vm.t.seq_iterator, vm.t.bytes_iterator,
    ] {
        add_method(vm, t, "__reduce__", seq_iter_reduce);
        add_method(vm, t, "__setstate__", seq_iter_setstate);
    }
    let r = vm.t.range_iterator;
    add_method(vm, r, "__reduce__", range_iter_reduce);
    add_method(vm, r, "__setstate__", range_iter_setstate);
    for t in [vm.t.dict_keyiterator, vm.t.dict_valueiterator, vm.t.dict_itemiterator, vm.t.set_iterator] {
        add_method(vm, t, "__reduce__", drained_reduce);
    }
    for t in [vm.t.enumerate, vm.t.zip, vm.t.map, vm.t.filter, vm.t.reversed, vm.t.callable_iterator] {
        add_method(vm, t, "__reduce__", combinator_reduce);
    }
    let (z, rv, e) = (vm.t.zip, vm.t.reversed, vm.t.enumerate);
    crate::typeobj::add_classmethod(vm, e, "__class_getitem__", crate::generic_alias::class_getitem);
    add_method(vm, z, "__setstate__", zip_setstate);
    add_method(vm, rv, "__setstate__", reversed_setstate);
    add_method(vm, rv, "__length_hint__", reversed_length_hint);
    let table: [(Value, crate::object::NativeFn, Option<crate::object::NativeFn>); 6] = [
        (vm.t.enumerate, enumerate_next, Some(enumerate_new)),
        (vm.t.zip, zip_next, Some(zip_new)),
        (vm.t.map, map_next, Some(map_new)),
        (vm.t.filter, filter_next, Some(filter_new)),
        (vm.t.reversed, reversed_next, Some(reversed_new)),
        (vm.t.callable_iterator, callable_iter_next, None),
    ];
    for (t, next, new) in table {
        add_method(vm, t, "__iter__", iter_self);
        add_method(vm, t, "__next__", next);
        if let Some(n) = new {
            add_static(vm, t, "__new__", n);
        }
    }
}

/// `operator.length_hint(v, default)` (CPython's `PyObject_LengthHint`): `len(v)` if
/// the type has `__len__` (a TypeError from it falls through), else
/// `__length_hint__()` (TypeError or NotImplemented give `default`).
pub fn length_hint(vm: &mut Vm, v: Value, default: usize) -> PyResult<usize> {
    let t = vm.type_of(v);
    if crate::typeobj::lookup_str(vm, t, "__len__").is_some() {
        match ops::len(vm, v) {
            Ok(n) => return Ok(n),
            Err(e) if crate::exceptions::matches(vm, e, vm.e.type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let r = match crate::call::call_special(vm, v, "__length_hint__", &[]) {
        Ok(Some(r)) => r,
        Ok(None) => return Ok(default),
        Err(e) if crate::exceptions::matches(vm, e, vm.e.type_error) => return Ok(default),
        Err(e) => return Err(e),
    };
    if r == vm.not_implemented {
        return Ok(default);
    }
    if !crate::int::is_int(vm, r) {
        let m = format!("__length_hint__ must be an integer, not {}", vm.type_name(r));
        return Err(vm.type_error(m));
    }
    let n = crate::number::index_i64(vm, r)?;
    if n < 0 {
        return Err(vm.value_error("__length_hint__() should return >= 0"));
    }
    Ok(n as usize)
}
