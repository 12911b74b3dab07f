//! `list`: a growable array of values, plus the sequence helpers that lists, tuples
//! and other sequences share (index normalisation, comparison, repr, repetition).
//!
//! No `RefCell` borrow of `items` is held across a call into Python code.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::ops;
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::CmpOp;
use std::cell::RefCell;

pub struct ListObj {
    pub items: RefCell<Vec<Value>>,
}
impl Trace for ListObj {
    fn trace(&self, t: &mut Tracer) {
        self.items.trace(t)
    }
}
payload!(ListObj, "list");

pub fn new_list(vm: &mut Vm, items: Vec<Value>) -> Value {
    let t = vm.t.list;
    vm.alloc(t, ListObj { items: RefCell::new(items) })
}

pub fn lobj(l: Value) -> &'static ListObj {
    l.downcast::<ListObj>().expect("list")
}

/// Moves a list's items into a new tuple (the list is left empty).
pub fn list_to_tuple(vm: &mut Vm, l: Value) -> Value {
    let items = lobj(l).items.borrow().clone();
    let t = crate::tuple::new_tuple(vm, items);
    std::hint::black_box(l);
    t
}

/// `list(iterable)`: a new exact list.
pub fn from_iterable(vm: &mut Vm, v: Value) -> PyResult {
    let l = new_list(vm, vec![]);
    extend(vm, l, v)?;
    Ok(l)
}

/// `l.extend(iterable)`.
pub fn extend(vm: &mut Vm, l: Value, src: Value) -> PyResult<()> {
    // Exact lists and tuples are copied directly; subclasses may override
    // __iter__, so they are iterated (CPython's list_extend).
    let t = vm.type_of(src);
    if t == vm.t.list {
        let copy = lobj(src).items.borrow().clone();
        lobj(l).items.borrow_mut().extend(copy);
        return Ok(());
    }
    if t == vm.t.tuple {
        lobj(l).items.borrow_mut().extend_from_slice(crate::tuple::items(src));
        return Ok(());
    }
    let it = ops::iter(vm, src)?;
    // Room for the expected items up front, as CPython's list_extend: a length
    // that cannot be allocated is a MemoryError rather than a long loop. A
    // hint that would overflow the size is ignored (it may be a lie).
    let hint = crate::iter::length_hint(vm, src, 8)?;
    let len = list_size(l);
    if len.checked_add(hint).is_some_and(|n| n <= isize::MAX as usize)
        && !crate::memory::try_reserve(&mut lobj(l).items.borrow_mut(), hint)
    {
        return Err(vm.memory_error());
    }
    // Appending never runs Python code, so a generator's items are taken in its frame.
    crate::generator::for_each(vm, it, &mut |_, v, _| {
        lobj(l).items.borrow_mut().push(v);
        Ok(true)
    })?;
    let mut items = lobj(l).items.borrow_mut();
    if items.capacity() > items.len() * 2 + 8 {
        items.shrink_to_fit();
    }
    Ok(())
}

/// Normalises a sequence index (negative counts from the end); IndexError
/// "<what> index out of range".
pub fn seq_index(vm: &mut Vm, idx: Value, len: usize, what: &str) -> PyResult<usize> {
    seq_index_with(vm, idx, len, what, None)
}

/// `seq_index` with its own out-of-range message (e.g. "list assignment index out of
/// range"). An index too big for a C `Py_ssize_t` is an IndexError "cannot fit 'int'
/// into an index-sized integer", as CPython's `PyNumber_AsSsize_t(idx, IndexError)`.
pub fn seq_index_with(vm: &mut Vm, idx: Value, len: usize, what: &str, out_of_range: Option<&str>) -> PyResult<usize> {
    let i = match idx.as_small() {
        Some(i) => i,
        None => {
            if !crate::number::has_index(vm, idx) {
                return Err({ let __arg = format!("{what} indices must be integers or slices, not {}", vm.type_name(idx)); vm.type_error(__arg) });
            }
            crate::number::as_ssize(vm, idx, vm.e.index_error)?
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(match out_of_range {
            Some(m) => vm.index_error(m),
            None => vm.index_error(format!("{what} index out of range")),
        });
    }
    Ok(j as usize)
}

pub fn getitem_index(vm: &mut Vm, l: Value, i: i64) -> PyResult {
    item_at(l, i).ok_or_else(|| vm.index_error("list index out of range"))
}

pub fn setitem_index(vm: &mut Vm, l: Value, i: i64, v: Value) -> PyResult<()> {
    if set_item_at(l, i, v) {
        return Ok(());
    }
    Err(vm.index_error("list assignment index out of range"))
}

/// The item of list `l` at index `i` (negative counts from the end), None when out
/// of range.
#[inline(always)]
pub fn item_at(l: Value, i: i64) -> Option<Value> {
    let items = lobj(l).items.borrow();
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return None;
    }
    Some(items[j as usize])
}

/// Sets the item of list `l` at index `i` (negative counts from the end); false
/// when out of range.
#[inline(always)]
pub fn set_item_at(l: Value, i: i64, v: Value) -> bool {
    let mut items = lobj(l).items.borrow_mut();
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return false;
    }
    items[j as usize] = v;
    true
}

/// `c[k]` for an exact list or tuple and an int index in range, the interpreter's
/// inline case of `ops::getitem` (CPython's BINARY_SUBSCR_LIST_INT); None otherwise.
#[inline(always)]
pub fn exact_subscript(vm: &Vm, c: Value, k: Value) -> Option<Value> {
    let i = k.as_small()?;
    let t = vm.type_of(c);
    if t == vm.t.list {
        item_at(c, i)
    } else if t == vm.t.tuple {
        crate::tuple::item_at(c, i)
    } else {
        None
    }
}

/// `l[k] = v` for an exact list and an int index in range, the interpreter's inline
/// case of `ops::setitem`; false when it does not apply (nothing done).
#[inline(always)]
pub fn exact_store_subscript(vm: &Vm, l: Value, k: Value, v: Value) -> bool {
    match k.as_small() {
        Some(i) if vm.type_of(l) == vm.t.list => set_item_at(l, i, v),
        _ => false,
    }
}

/// `repr` of a sequence's items between brackets, with `...` for recursion.
pub fn repr_items(vm: &mut Vm, owner: Value, items: &[Value], open: &str, close: &str) -> PyResult<String> {
    if vm.repr_active.contains(&owner) {
        return Ok(format!("{open}...{close}"));
    }
    vm.repr_active.push(owner);
    let mut s = String::from(open);
    let mut result = Ok(());
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        match ops::repr_string(vm, *v) {
            Ok(r) => s.push_str(&r),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.repr_active.retain(|x| *x != owner);
    result?;
    s.push_str(close);
    Ok(s)
}

/// Lexicographic comparison of two sequences (lists, tuples), as CPython's
/// list_richcompare/tuplerichcompare: `item(seq, i)` reads the live sequence
/// at each step, so an `__eq__` that mutates either list ends the scan at the
/// current sizes (which then decide), as CPython's does.
pub fn compare_seqs(vm: &mut Vm, a: Value, b: Value, item: fn(Value, usize) -> Option<Value>, size: fn(Value) -> usize, op: CmpOp) -> PyResult {
    let mut i = 0;
    let differing = loop {
        let (Some(x), Some(y)) = (item(a, i), item(b, i)) else {
            break None;
        };
        if x != y && !ops::eq(vm, x, y)? {
            break Some(i);
        }
        i += 1;
    };
    let pair = differing.and_then(|i| Some((item(a, i)?, item(b, i)?)));
    let Some((x, y)) = pair else {
        // No more items to compare: the sizes decide.
        return Ok(vm.bool(ops::cmp_ord(size(a).cmp(&size(b)), op)));
    };
    match op {
        CmpOp::Eq => Ok(vm.false_),
        CmpOp::Ne => Ok(vm.true_),
        _ => ops::compare(vm, x, y, op),
    }
}

/// The count of `seq * n`: None (NotImplemented) if `n` has no `__index__`.
pub fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<usize>> {
    if !crate::number::has_index(vm, n) {
        return Ok(None);
    }
    // A Py_ssize_t, as CPython's PyNumber_AsSsize_t(n, OverflowError): a count
    // beyond it is an error even when negative.
    let oexc = vm.e.overflow_error;
    let i = crate::number::as_ssize(vm, n, oexc)?;
    Ok(Some(i.max(0) as usize))
}

/// The `start, stop` arguments of `index()`, normalised.
pub fn search_bounds(vm: &mut Vm, a: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let norm = |i: i64| -> usize {
        if i < 0 {
            (i + len as i64).max(0) as usize
        } else {
            (i as usize).min(len)
        }
    };
    let start = match a.first() {
        Some(v) => norm(crate::number::index_clamped(vm, *v)?),
        None => 0,
    };
    let stop = match a.get(1) {
        Some(v) => norm(crate::number::index_clamped(vm, *v)?),
        None => len,
    };
    Ok((start, stop))
}

fn this(args: &Args) -> &'static ListObj {
    lobj(args.vals[0])
}

fn list_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    Ok(vm.alloc(cls, ListObj { items: RefCell::new(vec![]) }))
}

fn list_init(vm: &mut Vm, args: Args) -> PyResult {
    // Keywords are refused only where list's own __new__ ran (a subclass
    // with its own __new__ may take keywords; CPython's list___init__).
    if args.has_kw() {
        let t = vm.type_of(args.vals[0]);
        let list_t = vm.t.list;
        if t == list_t || crate::typeobj::lookup_str(vm, t, "__new__") == crate::typeobj::lookup_str(vm, list_t, "__new__") {
            return Err(vm.type_error("list() takes no keyword arguments"));
        }
    }
    let a = &args.pos()[..];
    if a.len() > 2 {
        let m = format!("list expected at most 1 argument, got {}", a.len() - 1);
        return Err(vm.type_error(m));
    }
    this(&args).items.borrow_mut().clear();
    if let Some(src) = a.get(1) {
        extend(vm, a[0], *src)?;
    }
    Ok(vm.none)
}

fn list_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let items = this(&args).items.borrow().clone();
    let s = repr_items(vm, a[0], &items, "[", "]")?;
    Ok(crate::str::new_str(vm, s))
}

fn list_len(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__len__", 1, 1)?;
    let n = this(&args).items.borrow().len();
    Ok(crate::int::from_usize(vm, n))
}

fn list_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    if let Some(s) = a[1].downcast::<crate::slice::SliceObj>() {
        return get_slice(vm, a[0], s);
    }
    let n = this(&args).items.borrow().len();
    let i = seq_index(vm, a[1], n, "list")?;
    Ok(this(&args).items.borrow()[i])
}

/// `l[s]` for a slice `s`: a new list.
pub fn get_slice(vm: &mut Vm, l: Value, s: &crate::slice::SliceObj) -> PyResult {
    let n = lobj(l).items.borrow().len();
    let (start, _, step, count) = crate::slice::indices(vm, s, n)?;
    // The items stay rooted by `l` while the new list is allocated. `__index__`
    // code run by `indices` may have shrunk the list: missing items are skipped.
    let v: Vec<Value> = {
        let items = lobj(l).items.borrow();
        if step == 1 {
            let lo = (start as usize).min(items.len());
            let hi = (start as usize + count).min(items.len());
            items[lo..hi].to_vec()
        } else {
            let mut v = Vec::with_capacity(count);
            v.extend((0..count).filter_map(|i| items.get((start + i as i64 * step) as usize).copied()));
            v
        }
    };
    Ok(new_list(vm, v))
}

fn list_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setitem__", 3, 3)?;
    if let Some(s) = a[1].downcast::<crate::slice::SliceObj>() {
        set_slice(vm, a[0], s, a[2])?;
        return Ok(vm.none);
    }
    let n = this(&args).items.borrow().len();
    let i = seq_index_with(vm, a[1], n, "list", Some("list assignment index out of range"))?;
    this(&args).items.borrow_mut()[i] = a[2];
    Ok(vm.none)
}

/// `l[s] = v` for a slice `s`.
pub fn set_slice(vm: &mut Vm, l: Value, s: &crate::slice::SliceObj, v: Value) -> PyResult<()> {
    // `src` is never `l` itself (a list assigned to a slice of itself is copied).
    let src = if v == l || vm.type_of(v) != vm.t.list { seq_fast(vm, v, "can only assign an iterable")? } else { v };
    let n = lobj(l).items.borrow().len();
    let (start, stop, step, count) = crate::slice::indices(vm, s, n)?;
    if step == 1 {
        let new_items = lobj(src).items.borrow();
        let mut items = lobj(l).items.borrow_mut();
        let len = items.len();
        let lo = (start as usize).min(len);
        let hi = (stop.max(start) as usize).min(len);
        if hi - lo == new_items.len() {
            items[lo..hi].copy_from_slice(&new_items);
        } else {
            items.splice(lo..hi, new_items.iter().copied());
        }
    } else {
        let new_items = lobj(src).items.borrow().clone();
        if new_items.len() != count {
            return Err(vm.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {count}",
                new_items.len()
            )));
        }
        let mut items = lobj(l).items.borrow_mut();
        for (k, v) in new_items.into_iter().enumerate() {
            if let Some(slot) = items.get_mut((start + k as i64 * step) as usize) {
                *slot = v;
            }
        }
    }
    std::hint::black_box(src);
    Ok(())
}

/// `PySequence_Fast`: the items of an iterable in a new list; TypeError `msg` when
/// `v` is not iterable.
pub fn seq_fast(vm: &mut Vm, v: Value, msg: &str) -> PyResult {
    let it = match crate::ops::iter(vm, v) {
        Err(e) if crate::exceptions::matches(vm, e, vm.e.type_error) => return Err(vm.type_error(msg.to_string())),
        r => r?,
    };
    from_iterable(vm, it)
}

fn list_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__delitem__", 2, 2)?;
    let n = this(&args).items.borrow().len();
    if let Some(s) = a[1].downcast::<crate::slice::SliceObj>() {
        let (start, _, step, count) = crate::slice::indices(vm, s, n)?;
        let mut idx: Vec<usize> = (0..count).map(|k| (start + k as i64 * step) as usize).collect();
        idx.sort_unstable();
        let removed: Vec<Value> = {
            let mut items = this(&args).items.borrow_mut();
            let mut out = Vec::new();
            for i in idx.into_iter().rev() {
                out.push(items.remove(i));
            }
            out
        };
        std::hint::black_box(&removed);
        return Ok(vm.none);
    }
    let i = seq_index_with(vm, a[1], n, "list", Some("list assignment index out of range"))?;
    this(&args).items.borrow_mut().remove(i);
    Ok(vm.none)
}

fn list_append(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "list.append", 1, 1)?;
    this(&args).items.borrow_mut().push(a[1]);
    Ok(vm.none)
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "list.extend", 1, 1)?;
    extend(vm, a[0], a[1])?;
    Ok(vm.none)
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "list.insert", 2, 2)?;
    let i = crate::number::index_clamped(vm, a[1])?;
    let mut items = this(&args).items.borrow_mut();
    let n = items.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(j as usize, a[2]);
    Ok(vm.none)
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "list.pop", 0, 1)?;
    let n = this(&args).items.borrow().len();
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match a.get(1) {
        Some(v) => {
            let i = crate::number::index_clamped(vm, *v)?;
            let j = if i < 0 { i + n as i64 } else { i };
            if j < 0 || j >= n as i64 {
                return Err(vm.index_error("pop index out of range"));
            }
            j as usize
        }
        None => n - 1,
    };
    let v = this(&args).items.borrow_mut().remove(i);
    Ok(v)
}

fn find(vm: &mut Vm, l: Value, x: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        let v = {
            let items = lobj(l).items.borrow();
            if i >= stop.min(items.len()) {
                return Ok(None);
            }
            items[i]
        };
        if ops::eq(vm, v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "list.remove", 1, 1)?;
    match find(vm, a[0], a[1], 0, usize::MAX)? {
        Some(i) => {
            this(&args).items.borrow_mut().remove(i);
            Ok(vm.none)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn list_index(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "list.index", 1, 3)?;
    let n = this(&args).items.borrow().len();
    let (start, stop) = search_bounds(vm, &a[2..], n)?;
    match find(vm, a[0], a[1], start, stop)? {
        Some(i) => Ok(crate::int::from_usize(vm, i)),
        None => Err({ let __arg = format!("{} is not in list", ops::repr_string(vm, a[1])?); vm.value_error(__arg) }),
    }
}

fn list_count(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "list.count", 1, 1)?;
    let mut count = 0;
    let mut i = 0;
    while let Some(j) = find(vm, a[0], a[1], i, usize::MAX)? {
        count += 1;
        i = j + 1;
    }
    Ok(crate::int::from_usize(vm, count))
}

fn list_clear(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "list.clear", 0, 0)?;
    let old = std::mem::take(&mut *this(&args).items.borrow_mut());
    drop(old);
    Ok(vm.none)
}

fn list_copy(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "list.copy", 0, 0)?;
    let items = this(&args).items.borrow().clone();
    Ok(new_list(vm, items))
}

fn list_reverse(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "list.reverse", 0, 0)?;
    this(&args).items.borrow_mut().reverse();
    Ok(vm.none)
}

fn list_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    Ok({ let __arg = find(vm, a[0], a[1], 0, usize::MAX)?.is_some(); vm.bool(__arg) })
}

fn list_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(crate::iter::new_list_iter(vm, a[0]))
}

fn list_reversed(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reversed__", 1, 1)?;
    Ok(crate::iter::new_list_reverse_iter(vm, a[0]))
}

fn list_add(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__add__", 2, 2)?;
    if !a[1].is::<ListObj>() {
        return Ok(vm.not_implemented);
    }
    Ok(concat(vm, a[0], a[1]))
}

/// `a + b` of two lists: a new list.
pub fn concat(vm: &mut Vm, a: Value, b: Value) -> Value {
    let mut v = lobj(a).items.borrow().clone();
    v.extend_from_slice(&lobj(b).items.borrow());
    new_list(vm, v)
}

fn list_iadd(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iadd__", 2, 2)?;
    extend(vm, a[0], a[1])?;
    Ok(a[0])
}

fn list_mul(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__mul__", 2, 2)?;
    let Some(n) = repeat_count(vm, a[1])? else {
        return Ok(vm.not_implemented);
    };
    let items = this(&args).items.borrow().clone();
    let v = crate::memory::repeat(vm, &items, n, None)?;
    Ok(new_list(vm, v))
}

fn list_imul(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__imul__", 2, 2)?;
    let Some(n) = repeat_count(vm, a[1])? else {
        return Ok(vm.not_implemented);
    };
    let items = this(&args).items.borrow().clone();
    let v = crate::memory::repeat(vm, &items, n, None)?;
    *this(&args).items.borrow_mut() = v;
    Ok(a[0])
}

fn list_item(l: Value, i: usize) -> Option<Value> {
    lobj(l).items.borrow().get(i).copied()
}

fn list_size(l: Value) -> usize {
    lobj(l).items.borrow().len()
}

fn list_richcmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let a = args.exact(vm, "cmp", 2, 2)?;
    if !a[1].is::<ListObj>() {
        return Ok(vm.not_implemented);
    }
    // Lists of different lengths are unequal without comparing items.
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && list_size(a[0]) != list_size(a[1]) {
        return Ok(vm.bool(op == CmpOp::Ne));
    }
    compare_seqs(vm, a[0], a[1], list_item, list_size, op)
}

macro_rules! list_cmp {
    ($($fname:ident: $op:ident;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult { list_richcmp(vm, args, CmpOp::$op) } )*
    };
}
list_cmp! { list_lt: Lt; list_le: Le; list_eq: Eq; list_ne: Ne; list_gt: Gt; list_ge: Ge; }

/// `list.sort(*, key=None, reverse=False)`: a stable merge sort whose comparisons
/// may raise. The list is empty while it is sorted, as in CPython, and
/// "list modified during sort" is reported if Python code changed it.
pub fn list_sort(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos().len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let [this_v, key, reverse] = args.bind(vm, "sort", ["self", "key", "reverse"], 1, 1)?;
    // `reverse` is parsed as a C int: it must support `__index__`.
    let reverse = !reverse.is_null() && crate::number::index_i64(vm, reverse)? != 0;
    sort_list(vm, this_v, key, reverse)?;
    Ok(vm.none)
}

pub fn sort_list(vm: &mut Vm, l: Value, key: Value, reverse: bool) -> PyResult<()> {
    let values = std::mem::take(&mut *lobj(l).items.borrow_mut());
    // Both lists keep their values rooted while Python code runs during the sort.
    let vals = new_list(vm, values);
    let keys = if key.is_null() || key == vm.none {
        vals
    } else {
        let kl = new_list(vm, vec![]);
        let n = lobj(vals).items.borrow().len();
        for i in 0..n {
            let v = lobj(vals).items.borrow()[i];
            match crate::call::call(vm, key, &[v]) {
                Ok(k) => lobj(kl).items.borrow_mut().push(k),
                Err(e) => {
                    *lobj(l).items.borrow_mut() = lobj(vals).items.take();
                    return Err(e);
                }
            }
        }
        kl
    };
    let n = lobj(vals).items.borrow().len();
    let mut order: Vec<usize> = (0..n).collect();
    if reverse {
        order.reverse();
    }
    let r = merge_sort(vm, &mut order, keys, reverse);
    let vs = lobj(vals).items.borrow().clone();
    let mut sorted: Vec<Value> = order.iter().map(|&i| vs[i]).collect();
    if r.is_err() {
        sorted = vs;
    } else if reverse {
        sorted.reverse();
    }
    // The list is an unallocated Vec while it is sorted: any change that stored an
    // item allocated it, even if the list is empty again (CPython's allocated == -1).
    let modified = lobj(l).items.borrow().capacity() != 0;
    *lobj(l).items.borrow_mut() = sorted;
    std::hint::black_box((vals, keys));
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(())
}

fn merge_sort(vm: &mut Vm, order: &mut [usize], keys: Value, reverse: bool) -> PyResult<()> {
    // Reversal keeps stability: sort the reversed order ascending, then reverse.
    let _ = reverse;
    let n = order.len();
    if n < 2 {
        return Ok(());
    }
    let mut buf = order.to_vec();
    let mut width = 1;
    // Insertion-sort small runs first (fewer comparisons for short lists).
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let hi = (i + 2 * width).min(n);
            merge(vm, &order[i..mid], &order[mid..hi], &mut buf[i..hi], keys)?;
            i += 2 * width;
        }
        order.copy_from_slice(&buf);
        width *= 2;
    }
    Ok(())
}

fn merge(vm: &mut Vm, a: &[usize], b: &[usize], out: &mut [usize], keys: Value) -> PyResult<()> {
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (ka, kb) = {
            let ks = lobj(keys).items.borrow();
            (ks[a[i]], ks[b[j]])
        };
        // Take from b only when b < a (stability: ties keep a first).
        if ops::lt(vm, kb, ka)? {
            out[k] = b[j];
            j += 1;
        } else {
            out[k] = a[i];
            i += 1;
        }
        k += 1;
    }
    while i < a.len() {
        out[k] = a[i];
        i += 1;
        k += 1;
    }
    while j < b.len() {
        out[k] = b[j];
        j += 1;
        k += 1;
    }
    Ok(())
}

fn list_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__sizeof__", 1, 1)?;
    let cap = this(&args).items.borrow().capacity();
    Ok(crate::int::from_usize(vm, 40 + 8 * cap))
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_classmethod, add_method, add_static, set_attr_raw};
    let t = vm.t.list;
    add_static(vm, t, "__new__", list_new);
    add_method(vm, t, "__init__", list_init);
    add_method(vm, t, "__repr__", list_repr);
    add_method(vm, t, "__len__", list_len);
    add_method(vm, t, "__getitem__", list_getitem);
    add_method(vm, t, "__setitem__", list_setitem);
    add_method(vm, t, "__delitem__", list_delitem);
    add_method(vm, t, "__contains__", list_contains);
    add_method(vm, t, "__iter__", list_iter);
    add_method(vm, t, "__reversed__", list_reversed);
    add_method(vm, t, "__add__", list_add);
    add_method(vm, t, "__iadd__", list_iadd);
    add_method(vm, t, "__mul__", list_mul);
    add_method(vm, t, "__rmul__", list_mul);
    add_method(vm, t, "__imul__", list_imul);
    add_method(vm, t, "__lt__", list_lt);
    add_method(vm, t, "__le__", list_le);
    add_method(vm, t, "__eq__", list_eq);
    add_method(vm, t, "__ne__", list_ne);
    add_method(vm, t, "__gt__", list_gt);
    add_method(vm, t, "__ge__", list_ge);
    add_method(vm, t, "__sizeof__", list_sizeof);
    add_method(vm, t, "append", list_append);
    add_method(vm, t, "extend", list_extend);
    add_method(vm, t, "insert", list_insert);
    add_method(vm, t, "pop", list_pop);
    add_method(vm, t, "remove", list_remove);
    add_method(vm, t, "index", list_index);
    add_method(vm, t, "count", list_count);
    add_method(vm, t, "clear", list_clear);
    add_method(vm, t, "copy", list_copy);
    add_method(vm, t, "reverse", list_reverse);
    add_method(vm, t, "sort", list_sort);
    add_classmethod(vm, t, "__class_getitem__", crate::generic_alias::class_getitem);
    let none = vm.none;
    set_attr_raw(vm, t, "__hash__", none).unwrap();
}

/// `search_bounds` where None means "not given" (str/bytes methods' start, end).
pub fn search_bounds_opt(vm: &mut Vm, a: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let none = vm.none;
    let given: Vec<Value> = a.iter().copied().take_while(|_| true).collect();
    match (given.first().copied(), given.get(1).copied()) {
        (Some(s), Some(e)) if s == none && e == none => Ok((0, len)),
        (Some(s), Some(e)) if s == none => {
            let (_, stop) = search_bounds(vm, &[Value::small(0), e], len)?;
            Ok((0, stop))
        }
        (Some(s), Some(e)) if e == none => search_bounds(vm, &[s], len),
        (Some(s), None) if s == none => Ok((0, len)),
        _ => search_bounds(vm, a, len),
    }
}

/// A growable buffer of values that is safe to fill while allocating: the values
/// live in a pinned heap list (see gc.rs on values kept in Rust heap memory).
pub struct ValueBuf {
    list: Value,
    _pin: crate::gc::Pin,
}

impl ValueBuf {
    pub fn new(vm: &mut Vm) -> ValueBuf {
        let list = new_list(vm, vec![]);
        ValueBuf { list, _pin: crate::gc::pin(list) }
    }

    pub fn push(&self, v: Value) {
        lobj(self.list).items.borrow_mut().push(v);
    }

    pub fn into_tuple(self, vm: &mut Vm) -> Value {
        list_to_tuple(vm, self.list)
    }

    pub fn into_list(self) -> Value {
        self.list
    }
}
