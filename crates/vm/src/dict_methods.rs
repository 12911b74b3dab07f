//! The methods of `dict` and its views (`dict.rs` holds the table itself).

use crate::dict::{self, dobj, DictObj};
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::ops;
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::CmpOp;

/// `target.update(src)`: from a dict, a mapping with `keys()`, or an iterable of pairs.
pub fn update_from(vm: &mut Vm, target: Value, src: Value) -> PyResult<()> {
    if merge_mapping(vm, target, src)? {
        return Ok(());
    }
    update_from_pairs(vm, target, src)
}

/// `PyDict_Merge`: copies the items of a mapping (anything with `keys()`) into
/// `target`; false, copying nothing, when `src` has no `keys`.
pub fn merge_mapping(vm: &mut Vm, target: Value, src: Value) -> PyResult<bool> {
    Ok(!matches!(merge(vm, target, src, false)?, Merge::NotMapping))
}

/// What `merge` did.
pub enum Merge {
    Done,
    /// `src` is not a dict and has no `keys`.
    NotMapping,
    /// With `reject_dups`: this key of `src` was already in the target.
    Duplicate(Value),
}

/// Merges mapping `src` into dict `target` (CPython's `_PyDict_MergeEx`): a dict (whose
/// `keys` is dict's) by its items, another mapping through `keys()` and `[]`. With
/// `reject_dups` (`f(**m)`), a key already present, perhaps put there by `src` itself
/// (a mapping whose `keys()` repeats a key), stops the merge.
pub fn merge(vm: &mut Vm, target: Value, src: Value, reject_dups: bool) -> PyResult<Merge> {
    if let Some(s) = src.downcast::<DictObj>() {
        if dict::iterates_as_dict(vm, src) {
            return merge_dict(vm, target, src, s, reject_dups);
        }
    }
    let keys_name = vm.intern("keys");
    let Some(keys) = crate::attr::getattr_opt(vm, src, keys_name)? else { return Ok(Merge::NotMapping) };
    let ks = crate::call::call(vm, keys, &[])?;
    let it = ops::iter(vm, ks)?;
    while let Some(k) = ops::next(vm, it)? {
        if reject_dups && dict::get_item(vm, target, k)?.is_some() {
            return Ok(Merge::Duplicate(k));
        }
        let v = ops::getitem(vm, src, k)?;
        dict::set_item(vm, target, k, v)?;
    }
    Ok(Merge::Done)
}

/// `merge` from a dict: its stored hashes are reused, and a change of its size
/// by a key's `__eq__` or `__hash__` stops the merge with RuntimeError.
fn merge_dict(vm: &mut Vm, target: Value, src: Value, s: &DictObj, reject_dups: bool) -> PyResult<Merge> {
    let n = s.len();
    let (entries, owner) = dict::entries_hashed(vm, src);
    for (k, v, h) in entries {
        if reject_dups && dict::get_item_hashed(vm, target, k, h)?.is_some() {
            return Ok(Merge::Duplicate(k));
        }
        dict::set_item_hashed(vm, target, k, h, v)?;
        if dobj(src).len() != n {
            return Err(vm.runtime_error("dict mutated during update"));
        }
    }
    std::hint::black_box(owner);
    Ok(Merge::Done)
}

fn update_from_pairs(vm: &mut Vm, target: Value, src: Value) -> PyResult<()> {
    let it = ops::iter(vm, src)?;
    let mut i = 0;
    while let Some(item) = ops::next(vm, it)? {
        let pair = match crate::list::from_iterable(vm, item) {
            Ok(p) => p,
            Err(e) if crate::exceptions::matches(vm, e, vm.e.type_error) => {
                return Err(vm.type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence")))
            }
            Err(e) => return Err(e),
        };
        let kv = crate::list::lobj(pair).items.borrow().clone();
        if kv.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            )));
        }
        dict::set_item(vm, target, kv[0], kv[1])?;
        std::hint::black_box(pair);
        i += 1;
    }
    Ok(())
}

/// `d[k]` for a missing key: `__missing__` of a subclass, else KeyError.
pub fn missing(vm: &mut Vm, d: Value, k: Value) -> PyResult {
    if vm.type_of(d) != vm.t.dict {
        if let Some(r) = crate::call::call_special(vm, d, "__missing__", &[k])? {
            return Ok(r);
        }
    }
    Err(vm.key_error(k))
}

fn this(args: &Args) -> Value {
    args.vals[0]
}

fn dict_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    Ok(vm.alloc(cls, DictObj::new()))
}

fn dict_init(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(&args);
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {}", pos.len() - 1)));
    }
    if let Some(src) = pos.get(1) {
        update_from(vm, d, *src)?;
    }
    for (k, v) in args.kw() {
        dict::set_item(vm, d, k, v)?;
    }
    Ok(vm.none)
}

fn dict_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let d = a[0];
    if vm.repr_active.contains(&d) {
        return Ok(vm.intern("{...}"));
    }
    vm.repr_active.push(d);
    let r = (|| -> PyResult<String> {
        let mut s = String::from("{");
        for (i, (k, v)) in dobj(d).items().into_iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&ops::repr_string(vm, k)?);
            s.push_str(": ");
            s.push_str(&ops::repr_string(vm, v)?);
        }
        s.push('}');
        Ok(s)
    })();
    vm.repr_active.retain(|x| *x != d);
    let s = r?;
    Ok(crate::str::new_str(vm, s))
}

fn dict_len(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__len__", 1, 1)?;
    Ok(crate::int::from_usize(vm, dobj(this(&args)).len()))
}

fn dict_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    match dict::get_item(vm, a[0], a[1])? {
        Some(v) => Ok(v),
        None => missing(vm, a[0], a[1]),
    }
}

fn dict_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setitem__", 3, 3)?;
    dict::set_item(vm, a[0], a[1], a[2])?;
    Ok(vm.none)
}

fn dict_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__delitem__", 2, 2)?;
    match dict::pop_item(vm, a[0], a[1])? {
        Some(_) => Ok(vm.none),
        None => Err(vm.key_error(a[1])),
    }
}

fn dict_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    Ok({ let __arg = dict::get_item(vm, a[0], a[1])?.is_some(); vm.bool(__arg) })
}

fn dict_get(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "dict.get", 1, 2)?;
    match dict::get_item(vm, a[0], a[1])? {
        Some(v) => Ok(v),
        None => Ok(a.get(2).copied().unwrap_or(vm.none)),
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "dict.setdefault", 1, 2)?;
    // The key is hashed and looked up once, as CPython's setdefault does.
    let h = crate::hash::hash(vm, a[1])?;
    let d = a.get(2).copied().unwrap_or(vm.none);
    dict::setdefault_hashed(vm, a[0], a[1], h, d)
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "dict.pop", 1, 2)?;
    match dict::pop_item(vm, a[0], a[1])? {
        Some(v) => Ok(v),
        None => match a.get(2) {
            Some(d) => Ok(*d),
            None => Err(vm.key_error(a[1])),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "dict.popitem", 0, 0)?;
    match dict::pop_last(dobj(this(&args))) {
        Some((k, v)) => Ok(crate::tuple::new_tuple(vm, vec![k, v])),
        None => Err({ let __arg = vm.intern("popitem(): dictionary is empty"); vm.key_error(__arg) }),
    }
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!("update expected at most 1 argument, got {}", pos.len() - 1)));
    }
    if let Some(src) = pos.get(1) {
        update_from(vm, pos[0], *src)?;
    }
    for (k, v) in args.kw() {
        dict::set_item(vm, pos[0], k, v)?;
    }
    Ok(vm.none)
}

fn dict_clear(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "dict.clear", 0, 0)?;
    dobj(this(&args)).clear();
    Ok(vm.none)
}

fn dict_copy(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "dict.copy", 0, 0)?;
    dict::copy(vm, this(&args))
}

fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "dict.fromkeys", 1, 2)?;
    let value = a.get(2).copied().unwrap_or(vm.none);
    let d = crate::call::call(vm, a[0], &[])?;
    // From an exact dict or set into an exact dict, the keys' stored hashes are
    // reused (CPython's `_PyDict_FromKeys`): no `__hash__` is called again.
    if vm.type_of(d) == vm.t.dict {
        let src_t = vm.type_of(a[1]);
        let hashed = if src_t == vm.t.dict {
            let (entries, owner) = dict::entries_hashed(vm, a[1]);
            Some((entries.into_iter().map(|(k, _, h)| (k, h)).collect::<Vec<_>>(), owner))
        } else if src_t == vm.t.set || src_t == vm.t.frozenset {
            Some(crate::set::entries(vm, a[1]))
        } else {
            None
        };
        if let Some((pairs, owner)) = hashed {
            for (k, h) in pairs {
                crate::dict::set_item_hashed(vm, d, k, h, value)?;
            }
            std::hint::black_box(owner);
            return Ok(d);
        }
    }
    let it = ops::iter(vm, a[1])?;
    while let Some(k) = ops::next(vm, it)? {
        ops::setitem(vm, d, k, value)?;
    }
    Ok(d)
}

fn dict_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(crate::iter::new_dict_iter(vm, a[0], ViewKind::Keys))
}

fn dict_reversed(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reversed__", 1, 1)?;
    let keys: Vec<Value> = dobj(a[0]).items().into_iter().rev().map(|(k, _)| k).collect();
    let l = crate::list::new_list(vm, keys);
    ops::iter(vm, l)
}

fn dict_eq(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__eq__", 2, 2)?;
    if !a[1].is::<DictObj>() {
        return Ok(vm.not_implemented);
    }
    Ok({ let __arg = dicts_equal(vm, a[0], a[1])?; vm.bool(__arg) })
}

fn dict_ne(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__ne__", 2, 2)?;
    if !a[1].is::<DictObj>() {
        return Ok(vm.not_implemented);
    }
    Ok({ let __arg = !dicts_equal(vm, a[0], a[1])?; vm.bool(__arg) })
}

fn dicts_equal(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if dobj(a).len() != dobj(b).len() {
        return Ok(false);
    }
    for (k, v) in dobj(a).items() {
        match dict::get_item(vm, b, k)? {
            Some(w) => {
                if !ops::eq(vm, v, w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

fn dict_or(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__or__", 2, 2)?;
    if !a[1].is::<DictObj>() {
        return Ok(vm.not_implemented);
    }
    let d = dict::copy(vm, a[0])?;
    update_from(vm, d, a[1])?;
    Ok(d)
}

fn dict_ror(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__ror__", 2, 2)?;
    if !a[1].is::<DictObj>() {
        return Ok(vm.not_implemented);
    }
    let d = dict::copy(vm, a[1])?;
    update_from(vm, d, a[0])?;
    Ok(d)
}

fn dict_ior(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__ior__", 2, 2)?;
    update_from(vm, a[0], a[1])?;
    Ok(a[0])
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// `dict_keys`, `dict_values`, `dict_items`.
pub struct DictView {
    pub dict: Value,
    pub kind: ViewKind,
}
impl Trace for DictView {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.dict)
    }
}
payload!(DictView, "dict_view");

fn new_view(vm: &mut Vm, d: Value, kind: ViewKind) -> Value {
    let ty = match kind {
        ViewKind::Keys => vm.t.dict_keys,
        ViewKind::Values => vm.t.dict_values,
        ViewKind::Items => vm.t.dict_items,
    };
    vm.alloc(ty, DictView { dict: d, kind })
}

fn dict_keys(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "dict.keys", 0, 0)?;
    Ok(new_view(vm, a[0], ViewKind::Keys))
}
fn dict_values(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "dict.values", 0, 0)?;
    Ok(new_view(vm, a[0], ViewKind::Values))
}
fn dict_items(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "dict.items", 0, 0)?;
    Ok(new_view(vm, a[0], ViewKind::Items))
}

fn view(args: &Args) -> &'static DictView {
    args.vals[0].downcast::<DictView>().expect("dict view")
}

fn view_len(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__len__", 1, 1)?;
    Ok(crate::int::from_usize(vm, dobj(view(&args).dict).len()))
}

fn view_iter(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__iter__", 1, 1)?;
    let v = view(&args);
    Ok(crate::iter::new_dict_iter(vm, v.dict, v.kind))
}

fn view_reversed(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__reversed__", 1, 1)?;
    let v = view(&args);
    let items = dobj(v.dict).items();
    let l = crate::list::new_list(vm, vec![]);
    for (k, val) in items.into_iter().rev() {
        let x = match v.kind {
            ViewKind::Keys => k,
            ViewKind::Values => val,
            ViewKind::Items => crate::tuple::new_tuple(vm, vec![k, val]),
        };
        crate::list::lobj(l).items.borrow_mut().push(x);
    }
    ops::iter(vm, l)
}

fn view_contains(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__contains__", 2, 2)?;
    let v = view(&args);
    let r = match v.kind {
        ViewKind::Keys => dict::get_item(vm, v.dict, a[1])?.is_some(),
        ViewKind::Items => {
            if !crate::tuple::is_tuple(a[1]) || crate::tuple::items(a[1]).len() != 2 {
                false
            } else {
                let kv = crate::tuple::items(a[1]);
                match dict::get_item(vm, v.dict, kv[0])? {
                    Some(x) => ops::eq(vm, x, kv[1])?,
                    None => false,
                }
            }
        }
        ViewKind::Values => {
            let mut found = false;
            for (_, x) in dobj(v.dict).items() {
                if ops::eq(vm, x, a[1])? {
                    found = true;
                    break;
                }
            }
            found
        }
    };
    Ok(vm.bool(r))
}

fn view_repr(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "__repr__", 1, 1)?;
    let v = view(&args);
    let l = crate::list::new_list(vm, vec![]);
    for (k, val) in dobj(v.dict).items() {
        let x = match v.kind {
            ViewKind::Keys => k,
            ViewKind::Values => val,
            ViewKind::Items => crate::tuple::new_tuple(vm, vec![k, val]),
        };
        crate::list::lobj(l).items.borrow_mut().push(x);
    }
    let _pin = crate::gc::pin(l);
    let items = crate::list::lobj(l).items.borrow().clone();
    let name = vm.type_name(args.vals[0]);
    let inner = crate::list::repr_items(vm, args.vals[0], &items, "[", "]")?;
    Ok(crate::str::new_str(vm, format!("{name}({inner})")))
}

/// Set operations on keys/items views, as CPython's dictviews_* slots: a set
/// of the left operand's items, updated with the other operand, which may be
/// any iterable (`reflected`: the view is the right operand).
fn view_setop(vm: &mut Vm, args: Args, op: &str, update: &str, reflected: bool) -> PyResult {
    let a = args.exact(vm, op, 2, 2)?;
    let (left, right) = if reflected { (a[1], a[0]) } else { (a[0], a[1]) };
    let s = crate::set::from_iterable(vm, left)?;
    crate::call::call_method(vm, s, update, &[right])?;
    Ok(s)
}
fn view_and(vm: &mut Vm, args: Args) -> PyResult {
    view_setop(vm, args, "__and__", "intersection_update", false)
}
fn view_or(vm: &mut Vm, args: Args) -> PyResult {
    view_setop(vm, args, "__or__", "update", false)
}
fn view_sub(vm: &mut Vm, args: Args) -> PyResult {
    view_setop(vm, args, "__sub__", "difference_update", false)
}
fn view_xor(vm: &mut Vm, args: Args) -> PyResult {
    view_setop(vm, args, "__xor__", "symmetric_difference_update", false)
}
fn view_rand(vm: &mut Vm, args: Args) -> PyResult {
    view_setop(vm, args, "__rand__", "intersection_update", true)
}
fn view_ror(vm: &mut Vm, args: Args) -> PyResult {
    view_setop(vm, args, "__ror__", "update", true)
}
fn view_rsub(vm: &mut Vm, args: Args) -> PyResult {
    view_setop(vm, args, "__rsub__", "difference_update", true)
}
fn view_rxor(vm: &mut Vm, args: Args) -> PyResult {
    view_setop(vm, args, "__rxor__", "symmetric_difference_update", true)
}
/// `isdisjoint(other)` (CPython's dictviews_isdisjoint): no item of `other`
/// is in the view; against a set or keys/items view the shorter one is
/// iterated and the longer one asked.
fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "isdisjoint", 2, 2)?;
    let (mut this, mut other) = (a[0], a[1]);
    if this == other {
        return Ok(vm.bool(dobj(view(&args).dict).len() == 0));
    }
    if crate::set::is_anyset(other) || other.downcast::<DictView>().is_some_and(|v| v.kind != ViewKind::Values) {
        if crate::ops::len(vm, other)? > dobj(view(&args).dict).len() {
            std::mem::swap(&mut this, &mut other);
        }
    }
    let it = crate::ops::iter(vm, other)?;
    while let Some(item) = crate::ops::next(vm, it)? {
        if crate::ops::contains(vm, this, item)? {
            return Ok(vm.false_);
        }
    }
    Ok(vm.true_)
}

/// Rich comparison of keys and items views as sets (`dictview_richcompare`):
/// against another such view or a set, by sizes and then containment, so
/// items need not be hashable.
fn view_richcmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let a = args.exact(vm, "comparison", 2, 2)?;
    let (this, other) = (a[0], a[1]);
    let set_like = |v: Value| crate::set::is_anyset(v) || v.downcast::<DictView>().is_some_and(|w| w.kind != ViewKind::Values);
    if !set_like(other) {
        return Ok(vm.not_implemented);
    }
    let (n, m) = (ops::len(vm, this)?, ops::len(vm, other)?);
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let same = n == m && all_contained_in(vm, this, other)?;
            same == (op == CmpOp::Eq)
        }
        CmpOp::Lt => n < m && all_contained_in(vm, this, other)?,
        CmpOp::Le => n <= m && all_contained_in(vm, this, other)?,
        CmpOp::Gt => n > m && all_contained_in(vm, other, this)?,
        CmpOp::Ge => n >= m && all_contained_in(vm, other, this)?,
    };
    Ok(vm.bool(r))
}
crate::int::cmp_methods! { view_richcmp:
    view_lt: Lt; view_le: Le; view_eq: Eq; view_ne: Ne; view_gt: Gt; view_ge: Ge;
}

/// Whether every item of `a` is in `b`.
fn all_contained_in(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let it = ops::iter(vm, a)?;
    while let Some(x) = ops::next(vm, it)? {
        if !ops::contains(vm, b, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_mapping(vm: &mut Vm, v: Value) -> PyResult {
    let d = v.downcast::<DictView>().unwrap().dict;
    Ok(crate::module::new_mappingproxy(vm, d))
}

pub fn init_type(vm: &mut Vm) {
    use crate::typeobj::{add_classmethod, add_getter, add_method, add_static, set_attr_raw};
    let t = vm.t.dict;
    add_static(vm, t, "__new__", dict_new);
    add_method(vm, t, "__init__", dict_init);
    add_method(vm, t, "__repr__", dict_repr);
    add_method(vm, t, "__len__", dict_len);
    add_method(vm, t, "__getitem__", dict_getitem);
    add_method(vm, t, "__setitem__", dict_setitem);
    add_method(vm, t, "__delitem__", dict_delitem);
    add_method(vm, t, "__contains__", dict_contains);
    add_method(vm, t, "__iter__", dict_iter);
    add_method(vm, t, "__reversed__", dict_reversed);
    add_method(vm, t, "__eq__", dict_eq);
    add_method(vm, t, "__ne__", dict_ne);
    add_method(vm, t, "__or__", dict_or);
    add_method(vm, t, "__ror__", dict_ror);
    add_method(vm, t, "__ior__", dict_ior);
    add_method(vm, t, "get", dict_get);
    add_method(vm, t, "setdefault", dict_setdefault);
    add_method(vm, t, "pop", dict_pop);
    add_method(vm, t, "popitem", dict_popitem);
    add_method(vm, t, "update", dict_update);
    add_method(vm, t, "clear", dict_clear);
    add_method(vm, t, "copy", dict_copy);
    add_method(vm, t, "keys", dict_keys);
    add_method(vm, t, "values", dict_values);
    add_method(vm, t, "items", dict_items);
    add_classmethod(vm, t, "fromkeys", dict_fromkeys);
    add_classmethod(vm, t, "__class_getitem__", crate::generic_alias::class_getitem);
    let none = vm.none;
    set_attr_raw(vm, t, "__hash__", none).unwrap();
    for vt in [vm.t.dict_keys, vm.t.dict_values, vm.t.dict_items] {
        add_method(vm, vt, "__len__", view_len);
        add_method(vm, vt, "__iter__", view_iter);
        add_method(vm, vt, "__reversed__", view_reversed);
        add_method(vm, vt, "__contains__", view_contains);
        add_method(vm, vt, "__repr__", view_repr);
        add_getter(vm, vt, "mapping", view_mapping);
        if vt != vm.t.dict_values {
            let cmps: [(&'static str, crate::object::NativeFn); 6] =
                [("__lt__", view_lt), ("__le__", view_le), ("__eq__", view_eq), ("__ne__", view_ne), ("__gt__", view_gt), ("__ge__", view_ge)];
            for (n, f) in cmps {
                add_method(vm, vt, n, f);
            }
            add_method(vm, vt, "__and__", view_and);
            add_method(vm, vt, "__or__", view_or);
            add_method(vm, vt, "__sub__", view_sub);
            add_method(vm, vt, "__xor__", view_xor);
            add_method(vm, vt, "isdisjoint", view_isdisjoint);
            add_method(vm, vt, "__rand__", view_rand);
            add_method(vm, vt, "__ror__", view_ror);
            add_method(vm, vt, "__rsub__", view_rsub);
            add_method(vm, vt, "__rxor__", view_rxor);
            set_attr_raw(vm, vt, "__hash__", none).unwrap();
        }
    }
}
