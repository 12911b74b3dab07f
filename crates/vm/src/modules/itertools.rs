//! The `itertools` module, following CPython's Modules/itertoolsmodule.c: the same
//! argument checks and messages, the same order of calls into the argument
//! iterators, the same reprs.
//!
//! Every iterator is an `IterObj` whose `State` names its kind; each Python type
//! (`itertools.count`, `itertools.chain`, ...) is a separate type object sharing
//! the payload. Values are copied out of the state before any Python code runs
//! (no `RefCell` borrow is held across a call).

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyErr, PyResult};
use crate::ops;
use crate::payload;
use crate::typeobj::{add_method, add_static, new_static_type};
use crate::typeobj::tflag as flag;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

/// Values a `tee` data block holds before linking to the next block.
const LINKCELLS: usize = 57;

enum State {
    Count { cur: Value, step: Value },
    Cycle { it: Value, saved: Value, index: usize, first_pass: bool },
    Repeat { obj: Value, times: Option<usize> },
    Accumulate { it: Value, func: Value, total: Value, initial: Value },
    Chain { source: Value, active: Value },
    Compress { data: Value, selectors: Value },
    DropWhile { pred: Value, it: Value, dropping: bool },
    TakeWhile { pred: Value, it: Value, stopped: bool },
    FilterFalse { pred: Value, it: Value },
    StarMap { func: Value, it: Value },
    ISlice { it: Value, next: usize, stop: Option<usize>, step: usize, cnt: usize },
    ZipLongest { its: Vec<Value>, active: usize, fill: Value },
    Pairwise { it: Value, old: Value },
    GroupBy { it: Value, key: Value, tgtkey: Value, currkey: Value, currvalue: Value, grouper: Value },
    Grouper { parent: Value, tgtkey: Value },
    Tee { data: Value, index: usize },
    Product { pools: Value, indices: Vec<usize>, first: bool, stopped: bool },
    Combinations { pool: Value, indices: Vec<usize>, first: bool, stopped: bool, replace: bool },
    Permutations { pool: Value, indices: Vec<usize>, cycles: Vec<usize>, r: usize, first: bool, stopped: bool },
}

impl State {
    fn values(&self) -> Vec<Value> {
        use State::*;
        match self {
            Count { cur, step } => vec![*cur, *step],
            Cycle { it, saved, .. } => vec![*it, *saved],
            Repeat { obj, .. } => vec![*obj],
            Accumulate { it, func, total, initial } => vec![*it, *func, *total, *initial],
            Chain { source, active } => vec![*source, *active],
            Compress { data, selectors } => vec![*data, *selectors],
            DropWhile { pred, it, .. } | TakeWhile { pred, it, .. } | FilterFalse { pred, it } => vec![*pred, *it],
            StarMap { func, it } => vec![*func, *it],
            ISlice { it, .. } => vec![*it],
            ZipLongest { its, fill, .. } => its.iter().copied().chain([*fill]).collect(),
            Pairwise { it, old } => vec![*it, *old],
            GroupBy { it, key, tgtkey, currkey, currvalue, grouper } => vec![*it, *key, *tgtkey, *currkey, *currvalue, *grouper],
            Grouper { parent, tgtkey } => vec![*parent, *tgtkey],
            Tee { data, .. } => vec![*data],
            Product { pools, .. } => vec![*pools],
            Combinations { pool, .. } | Permutations { pool, .. } => vec![*pool],
        }
    }
}

pub struct IterObj {
    state: RefCell<State>,
}

impl Trace for IterObj {
    fn trace(&self, t: &mut Tracer) {
        match self.state.try_borrow() {
            Ok(s) => s.values().into_iter().for_each(|v| t.value(v)),
            Err(_) => t.poisoned_borrow = true,
        }
    }
}
payload!(IterObj, "itertools");

/// A block of values read from the iterator `tee` objects share.
pub struct TeeData {
    it: Value,
    values: RefCell<Vec<Value>>,
    next: Cell<Value>,
    running: Cell<bool>,
}

impl Trace for TeeData {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.it);
        t.value(self.next.get());
        match self.values.try_borrow() {
            Ok(v) => v.iter().for_each(|x| t.value(*x)),
            Err(_) => t.poisoned_borrow = true,
        }
    }
}
payload!(TeeData, "_tee_dataobject");

thread_local! {
    /// The `_tee` and `_tee_dataobject` types (made at module init).
    static TEE_TYPES: Cell<[Value; 3]> = const { Cell::new([Value::NULL; 3]) };
}

fn obj(v: Value) -> &'static IterObj {
    v.downcast::<IterObj>().expect("itertools object")
}

fn new_obj(vm: &mut Vm, cls: Value, s: State) -> Value {
    vm.alloc(cls, IterObj { state: RefCell::new(s) })
}

fn next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    ops::next(vm, it)
}

fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    ops::truthy(vm, v)
}

/// A non-negative `Py_ssize_t` argument, or the given error message.
fn index_arg(vm: &mut Vm, v: Value, msg: &str) -> PyResult<usize> {
    let r = if crate::int::is_int(vm, v) || crate::typeobj::lookup_str(vm, vm.type_of(v), "__index__").is_some() {
        crate::number::index_i64(vm, v).ok()
    } else {
        None
    };
    match r {
        Some(n) if n >= 0 => Ok(n as usize),
        _ => Err(vm.value_error(msg.to_string())),
    }
}

fn tuple_of(vm: &mut Vm, v: Value) -> PyResult {
    if vm.type_of(v) == vm.t.tuple {
        return Ok(v);
    }
    let l = crate::list::from_iterable(vm, v)?;
    Ok(crate::list::list_to_tuple(vm, l))
}

/// `PyNumber_Check`: ints, floats, complex numbers and objects converting to one.
pub(crate) fn is_number(vm: &mut Vm, v: Value) -> bool {
    let t = vm.type_of(v);
    v.is_small_int()
        || ["__index__", "__int__", "__float__", "__complex__"].iter().any(|n| crate::typeobj::lookup_str(vm, t, n).is_some())
}

// ---- constructors ----

fn count_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [start, step] = args.shift().bind(vm, "count", ["start", "step"], 0, 0)?;
    let start = if start.is_null() { Value::small(0) } else { start };
    let step = if step.is_null() { Value::small(1) } else { step };
    for v in [start, step] {
        if !is_number(vm, v) {
            return Err(vm.type_error("a number is required"));
        }
    }
    Ok(new_obj(vm, cls, State::Count { cur: start, step }))
}

fn cycle_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    args.no_kw(vm, "cycle")?;
    let a = args.shift().exact(vm, "cycle", 1, 1)?;
    let it = ops::iter(vm, a[0])?;
    let saved = crate::list::new_list(vm, vec![]);
    Ok(new_obj(vm, cls, State::Cycle { it, saved, index: 0, first_pass: true }))
}

fn repeat_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [o, times] = args.shift().bind(vm, "repeat", ["object", "times"], 1, 0)?;
    let times = if times.is_null() { None } else { Some(crate::number::index_i64(vm, times)?.max(0) as usize) };
    Ok(new_obj(vm, cls, State::Repeat { obj: o, times }))
}

fn accumulate_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [iterable, func, initial] = args.shift().bind(vm, "accumulate", ["iterable", "func", "initial"], 1, 0)?;
    let it = ops::iter(vm, iterable)?;
    let func = if func.is_null() { vm.none } else { func };
    let initial = if initial.is_null() || initial == vm.none { Value::NULL } else { initial };
    Ok(new_obj(vm, cls, State::Accumulate { it, func, total: Value::NULL, initial }))
}

fn chain_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    args.no_kw(vm, "chain")?;
    let items = args.shift().pos().to_vec();
    let t = crate::tuple::new_tuple(vm, items);
    let source = ops::iter(vm, t)?;
    Ok(new_obj(vm, cls, State::Chain { source, active: Value::NULL }))
}

fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "from_iterable", 2, 2)?;
    let source = ops::iter(vm, a[1])?;
    Ok(new_obj(vm, a[0], State::Chain { source, active: Value::NULL }))
}

fn compress_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [data, selectors] = args.shift().bind(vm, "compress", ["data", "selectors"], 2, 0)?;
    let data = ops::iter(vm, data)?;
    let selectors = ops::iter(vm, selectors)?;
    Ok(new_obj(vm, cls, State::Compress { data, selectors }))
}

/// `(predicate, iterable)` constructors: dropwhile, takewhile, filterfalse, starmap.
fn pred_args(vm: &mut Vm, args: Args, name: &str) -> PyResult<(Value, Value, Value)> {
    let cls = args.vals[0];
    args.no_kw(vm, name)?;
    let a = args.shift().exact(vm, name, 2, 2)?;
    let it = ops::iter(vm, a[1])?;
    Ok((cls, a[0], it))
}

fn dropwhile_new(vm: &mut Vm, args: Args) -> PyResult {
    let (cls, pred, it) = pred_args(vm, args, "dropwhile")?;
    Ok(new_obj(vm, cls, State::DropWhile { pred, it, dropping: true }))
}

fn takewhile_new(vm: &mut Vm, args: Args) -> PyResult {
    let (cls, pred, it) = pred_args(vm, args, "takewhile")?;
    Ok(new_obj(vm, cls, State::TakeWhile { pred, it, stopped: false }))
}

fn filterfalse_new(vm: &mut Vm, args: Args) -> PyResult {
    let (cls, pred, it) = pred_args(vm, args, "filterfalse")?;
    Ok(new_obj(vm, cls, State::FilterFalse { pred, it }))
}

fn starmap_new(vm: &mut Vm, args: Args) -> PyResult {
    let (cls, func, it) = pred_args(vm, args, "starmap")?;
    Ok(new_obj(vm, cls, State::StarMap { func, it }))
}

const ISLICE_STOP: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const ISLICE_INDEX: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

fn islice_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    args.no_kw(vm, "islice")?;
    let a = args.shift().exact(vm, "islice", 2, 4)?;
    let none = vm.none;
    let opt = |vm: &mut Vm, v: Value, msg: &str| -> PyResult<Option<usize>> { if v == none { Ok(None) } else { index_arg(vm, v, msg).map(Some) } };
    let (start, stop, step) = if a.len() == 2 {
        (0, opt(vm, a[1], ISLICE_STOP)?, 1)
    } else {
        let start = opt(vm, a[1], ISLICE_INDEX)?.unwrap_or(0);
        let stop = opt(vm, a[2], ISLICE_INDEX)?;
        let step = match a.get(3) {
            Some(s) if *s != none => index_arg(vm, *s, "Step for islice() must be a positive integer or None.").ok().filter(|s| *s >= 1),
            _ => Some(1),
        };
        let Some(step) = step else { return Err(vm.value_error("Step for islice() must be a positive integer or None.")) };
        (start, stop, step)
    };
    let it = ops::iter(vm, a[0])?;
    Ok(new_obj(vm, cls, State::ISlice { it, next: start, stop, step, cnt: 0 }))
}

fn zip_longest_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let mut fill = vm.none;
    for (k, v) in args.kw() {
        if crate::str::as_str(k) != Some("fillvalue") {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
        fill = v;
    }
    let holder = crate::list::new_list(vm, vec![]);
    for v in args.shift().pos() {
        let it = ops::iter(vm, *v)?;
        crate::list::lobj(holder).items.borrow_mut().push(it);
    }
    let its = crate::list::lobj(holder).items.borrow().clone();
    let active = its.len();
    Ok(new_obj(vm, cls, State::ZipLongest { its, active, fill }))
}

fn pairwise_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    args.no_kw(vm, "pairwise")?;
    let a = args.shift().exact(vm, "pairwise", 1, 1)?;
    let it = ops::iter(vm, a[0])?;
    Ok(new_obj(vm, cls, State::Pairwise { it, old: Value::NULL }))
}

fn groupby_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [iterable, key] = args.shift().bind(vm, "groupby", ["iterable", "key"], 1, 0)?;
    let it = ops::iter(vm, iterable)?;
    let key = if key.is_null() { vm.none } else { key };
    let n = Value::NULL;
    Ok(new_obj(vm, cls, State::GroupBy { it, key, tgtkey: n, currkey: n, currvalue: n, grouper: n }))
}

fn product_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let mut repeat = 1usize;
    for (k, v) in args.kw() {
        if crate::str::as_str(k) != Some("repeat") {
            return Err(vm.type_error("product() got an unexpected keyword argument"));
        }
        let n = crate::number::index_i64(vm, v)?;
        if n < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
        repeat = n as usize;
    }
    let holder = crate::list::new_list(vm, vec![]);
    for v in args.shift().pos() {
        let t = tuple_of(vm, *v)?;
        crate::list::lobj(holder).items.borrow_mut().push(t);
    }
    let one = crate::list::lobj(holder).items.borrow().clone();
    let all: Vec<Value> = (0..repeat).flat_map(|_| one.iter().copied()).collect();
    let indices = vec![0; all.len()];
    let pools = crate::tuple::new_tuple(vm, all);
    std::hint::black_box(holder);
    Ok(new_obj(vm, cls, State::Product { pools, indices, first: true, stopped: false }))
}

fn combinations_common(vm: &mut Vm, args: Args, name: &str, replace: bool) -> PyResult {
    let cls = args.vals[0];
    let [iterable, r] = args.shift().bind(vm, name, ["iterable", "r"], 2, 0)?;
    let pool = tuple_of(vm, iterable)?;
    let r = crate::number::index_i64(vm, r)?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    let (n, r) = (crate::tuple::items(pool).len(), r as usize);
    let (indices, stopped) = if replace { (vec![0; r], n == 0 && r > 0) } else { ((0..r).collect(), r > n) };
    Ok(new_obj(vm, cls, State::Combinations { pool, indices, first: true, stopped, replace }))
}

fn combinations_new(vm: &mut Vm, args: Args) -> PyResult {
    combinations_common(vm, args, "combinations", false)
}

fn cwr_new(vm: &mut Vm, args: Args) -> PyResult {
    combinations_common(vm, args, "combinations_with_replacement", true)
}

fn permutations_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [iterable, r] = args.shift().bind(vm, "permutations", ["iterable", "r"], 1, 0)?;
    let pool = tuple_of(vm, iterable)?;
    let n = crate::tuple::items(pool).len();
    let r = if r.is_null() || r == vm.none {
        n
    } else {
        let r = crate::number::index_i64(vm, r)?;
        if r < 0 {
            return Err(vm.value_error("r must be non-negative"));
        }
        r as usize
    };
    let cycles = (0..r.min(n)).map(|i| n - i).collect();
    Ok(new_obj(vm, cls, State::Permutations { pool, indices: (0..n).collect(), cycles, r, first: true, stopped: r > n }))
}

// ---- tee ----

fn tee_types() -> [Value; 3] {
    TEE_TYPES.with(|c| c.get())
}

fn new_teedata(vm: &mut Vm, it: Value) -> Value {
    let ty = tee_types()[1];
    vm.alloc(ty, TeeData { it, values: RefCell::new(vec![]), next: Cell::new(Value::NULL), running: Cell::new(false) })
}

/// The `i`th value of a data block, reading the iterator when it is the next one.
fn teedata_get(vm: &mut Vm, d: Value, i: usize) -> PyResult<Option<Value>> {
    let td = d.downcast::<TeeData>().expect("tee data");
    if let Some(v) = td.values.borrow().get(i) {
        return Ok(Some(*v));
    }
    if td.running.get() {
        return Err(vm.runtime_error("cannot re-enter the tee iterator"));
    }
    td.running.set(true);
    let r = next(vm, td.it);
    td.running.set(false);
    let Some(v) = r? else { return Ok(None) };
    td.values.borrow_mut().push(v);
    Ok(Some(v))
}

fn teedata_link(vm: &mut Vm, d: Value) -> Value {
    let td = d.downcast::<TeeData>().expect("tee data");
    if td.next.get().is_null() {
        let n = new_teedata(vm, td.it);
        td.next.set(n);
    }
    td.next.get()
}

fn new_tee(vm: &mut Vm, data: Value, index: usize) -> Value {
    let ty = tee_types()[0];
    new_obj(vm, ty, State::Tee { data, index })
}

fn tee_copy(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__copy__", 1, 1)?;
    let (data, index) = match &*obj(a[0]).state.borrow() {
        State::Tee { data, index } => (*data, *index),
        _ => return Err(vm.type_error("not a tee object")),
    };
    Ok(new_tee(vm, data, index))
}

fn tee_new(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.shift().exact(vm, "_tee", 1, 1)?;
    let it = ops::iter(vm, a[0])?;
    if it.is::<IterObj>() && vm.type_of(it) == tee_types()[0] {
        return tee_copy(vm, Args::new(&[it]));
    }
    let d = new_teedata(vm, it);
    Ok(new_tee(vm, d, 0))
}

fn tee(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "tee")?;
    let a = args.exact(vm, "tee", 1, 2)?;
    let n = match a.get(1) {
        Some(v) => crate::number::index_i64(vm, *v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    let out = crate::list::new_list(vm, vec![]);
    if n > 0 {
        let it = ops::iter(vm, a[0])?;
        let mut cur = match crate::typeobj::lookup_str(vm, vm.type_of(it), "__copy__") {
            Some(_) => it,
            None => {
                let d = new_teedata(vm, it);
                new_tee(vm, d, 0)
            }
        };
        crate::list::lobj(out).items.borrow_mut().push(cur);
        for _ in 1..n {
            cur = crate::call::call_method(vm, cur, "__copy__", &[])?;
            crate::list::lobj(out).items.borrow_mut().push(cur);
        }
    }
    Ok(crate::list::list_to_tuple(vm, out))
}

// ---- __next__ of each kind ----

fn next_count(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (cur, step) = match &*o.state.borrow() {
        State::Count { cur, step } => (*cur, *step),
        _ => unreachable!(),
    };
    let n = ops::binary_op(vm, cur, step, compiler::bytecode::BinOp::Add)?;
    if let State::Count { cur, .. } = &mut *o.state.borrow_mut() {
        *cur = n;
    }
    Ok(Some(cur))
}

fn next_cycle(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (it, saved, index, first_pass) = match &*o.state.borrow() {
        State::Cycle { it, saved, index, first_pass } => (*it, *saved, *index, *first_pass),
        _ => unreachable!(),
    };
    if first_pass {
        if let Some(v) = next(vm, it)? {
            crate::list::lobj(saved).items.borrow_mut().push(v);
            return Ok(Some(v));
        }
    }
    let items = crate::list::lobj(saved).items.borrow().clone();
    if items.is_empty() {
        return Ok(None);
    }
    let i = if first_pass { 0 } else { index };
    if let State::Cycle { index, first_pass, .. } = &mut *o.state.borrow_mut() {
        *index = (i + 1) % items.len();
        *first_pass = false;
    }
    Ok(Some(items[i]))
}

fn next_repeat(o: &IterObj) -> Option<Value> {
    match &mut *o.state.borrow_mut() {
        State::Repeat { obj, times: Some(t) } => {
            if *t == 0 {
                return None;
            }
            *t -= 1;
            Some(*obj)
        }
        State::Repeat { obj, times: None } => Some(*obj),
        _ => unreachable!(),
    }
}

fn next_accumulate(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (it, func, total, initial) = match &mut *o.state.borrow_mut() {
        State::Accumulate { it, func, total, initial } => (*it, *func, *total, std::mem::replace(initial, Value::NULL)),
        _ => unreachable!(),
    };
    if !initial.is_null() {
        set_total(o, initial);
        return Ok(Some(initial));
    }
    let Some(v) = next(vm, it)? else { return Ok(None) };
    let new = if total.is_null() {
        v
    } else if func == vm.none {
        ops::binary_op(vm, total, v, compiler::bytecode::BinOp::Add)?
    } else {
        crate::call::call(vm, func, &[total, v])?
    };
    set_total(o, new);
    Ok(Some(new))
}

fn set_total(o: &IterObj, v: Value) {
    if let State::Accumulate { total, .. } = &mut *o.state.borrow_mut() {
        *total = v;
    }
}

fn next_chain(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    loop {
        let (source, active) = match &*o.state.borrow() {
            State::Chain { source, active } => (*source, *active),
            _ => unreachable!(),
        };
        if source.is_null() {
            return Ok(None);
        }
        if active.is_null() {
            let Some(iterable) = next(vm, source)? else {
                set_chain(o, Value::NULL, Value::NULL);
                return Ok(None);
            };
            let it = ops::iter(vm, iterable)?;
            set_chain(o, source, it);
            continue;
        }
        if let Some(v) = next(vm, active)? {
            return Ok(Some(v));
        }
        set_chain(o, source, Value::NULL);
    }
}

fn set_chain(o: &IterObj, s: Value, a: Value) {
    if let State::Chain { source, active } = &mut *o.state.borrow_mut() {
        *source = s;
        *active = a;
    }
}

fn next_compress(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (data, selectors) = match &*o.state.borrow() {
        State::Compress { data, selectors } => (*data, *selectors),
        _ => unreachable!(),
    };
    loop {
        let Some(d) = next(vm, data)? else { return Ok(None) };
        let Some(s) = next(vm, selectors)? else { return Ok(None) };
        if truthy(vm, s)? {
            return Ok(Some(d));
        }
    }
}

fn pred_true(vm: &mut Vm, pred: Value, v: Value) -> PyResult<bool> {
    if pred == vm.none {
        return truthy(vm, v);
    }
    let r = crate::call::call(vm, pred, &[v])?;
    truthy(vm, r)
}

fn next_dropwhile(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (pred, it, dropping) = match &*o.state.borrow() {
        State::DropWhile { pred, it, dropping } => (*pred, *it, *dropping),
        _ => unreachable!(),
    };
    loop {
        let Some(v) = next(vm, it)? else { return Ok(None) };
        if !dropping || !pred_true(vm, pred, v)? {
            if let State::DropWhile { dropping, .. } = &mut *o.state.borrow_mut() {
                *dropping = false;
            }
            return Ok(Some(v));
        }
    }
}

fn next_takewhile(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (pred, it, stopped) = match &*o.state.borrow() {
        State::TakeWhile { pred, it, stopped } => (*pred, *it, *stopped),
        _ => unreachable!(),
    };
    if stopped {
        return Ok(None);
    }
    let Some(v) = next(vm, it)? else { return Ok(None) };
    if pred_true(vm, pred, v)? {
        return Ok(Some(v));
    }
    if let State::TakeWhile { stopped, .. } = &mut *o.state.borrow_mut() {
        *stopped = true;
    }
    Ok(None)
}

fn next_filterfalse(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (pred, it) = match &*o.state.borrow() {
        State::FilterFalse { pred, it } => (*pred, *it),
        _ => unreachable!(),
    };
    loop {
        let Some(v) = next(vm, it)? else { return Ok(None) };
        if !pred_true(vm, pred, v)? {
            return Ok(Some(v));
        }
    }
}

fn next_starmap(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (func, it) = match &*o.state.borrow() {
        State::StarMap { func, it } => (*func, *it),
        _ => unreachable!(),
    };
    let Some(args) = next(vm, it)? else { return Ok(None) };
    let t = tuple_of(vm, args)?;
    let items = crate::tuple::items(t).to_vec();
    let r = crate::call::call(vm, func, &items)?;
    std::hint::black_box(t);
    Ok(Some(r))
}

fn next_islice(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (it, nxt, stop) = match &*o.state.borrow() {
        State::ISlice { it, next, stop, .. } => (*it, *next, *stop),
        _ => unreachable!(),
    };
    if it.is_null() {
        return Ok(None);
    }
    loop {
        let cnt = islice_cnt(o);
        if cnt >= nxt {
            break;
        }
        if next(vm, it)?.is_none() {
            return islice_done(o);
        }
        islice_bump(o);
    }
    if stop.is_some_and(|s| islice_cnt(o) >= s) {
        return islice_done(o);
    }
    let Some(v) = next(vm, it)? else { return islice_done(o) };
    islice_bump(o);
    if let State::ISlice { next, stop, step, .. } = &mut *o.state.borrow_mut() {
        let n = next.saturating_add(*step);
        *next = match *stop {
            Some(s) if n > s => s,
            _ => n,
        };
    }
    Ok(Some(v))
}

fn islice_cnt(o: &IterObj) -> usize {
    match &*o.state.borrow() {
        State::ISlice { cnt, .. } => *cnt,
        _ => unreachable!(),
    }
}

fn islice_bump(o: &IterObj) {
    if let State::ISlice { cnt, .. } = &mut *o.state.borrow_mut() {
        *cnt += 1;
    }
}

fn islice_done(o: &IterObj) -> PyResult<Option<Value>> {
    if let State::ISlice { it, .. } = &mut *o.state.borrow_mut() {
        *it = Value::NULL;
    }
    Ok(None)
}

fn next_zip_longest(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (its, active, fill) = match &*o.state.borrow() {
        State::ZipLongest { its, active, fill } => (its.clone(), *active, *fill),
        _ => unreachable!(),
    };
    if its.is_empty() || active == 0 {
        return Ok(None);
    }
    let out = crate::list::new_list(vm, vec![]);
    for (i, it) in its.iter().enumerate() {
        let v = if it.is_null() { None } else { next(vm, *it)? };
        let v = match v {
            Some(v) => v,
            None if it.is_null() => fill,
            None => {
                if zip_exhaust(o, i) == 0 {
                    return Ok(None);
                }
                fill
            }
        };
        crate::list::lobj(out).items.borrow_mut().push(v);
    }
    Ok(Some(crate::list::list_to_tuple(vm, out)))
}

/// Marks iterator `i` exhausted; the number still active.
fn zip_exhaust(o: &IterObj, i: usize) -> usize {
    match &mut *o.state.borrow_mut() {
        State::ZipLongest { its, active, .. } => {
            its[i] = Value::NULL;
            *active -= 1;
            *active
        }
        _ => unreachable!(),
    }
}

fn next_pairwise(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (it, mut old) = match &*o.state.borrow() {
        State::Pairwise { it, old } => (*it, *old),
        _ => unreachable!(),
    };
    if it.is_null() {
        return Ok(None);
    }
    if old.is_null() {
        match next(vm, it)? {
            Some(v) => old = v,
            None => return pairwise_set(o, Value::NULL, Value::NULL),
        }
        pairwise_set(o, it, old)?;
    }
    let Some(new) = next(vm, it)? else { return pairwise_set(o, Value::NULL, Value::NULL) };
    pairwise_set(o, it, new)?;
    Ok(Some(crate::tuple::new_tuple(vm, vec![old, new])))
}

fn pairwise_set(o: &IterObj, i: Value, v: Value) -> PyResult<Option<Value>> {
    if let State::Pairwise { it, old } = &mut *o.state.borrow_mut() {
        *it = i;
        *old = v;
    }
    Ok(None)
}

// ---- groupby ----

struct Group {
    it: Value,
    key: Value,
    tgtkey: Value,
    currkey: Value,
}

fn group_state(o: &IterObj) -> Group {
    match &*o.state.borrow() {
        State::GroupBy { it, key, tgtkey, currkey, .. } => Group { it: *it, key: *key, tgtkey: *tgtkey, currkey: *currkey },
        _ => unreachable!(),
    }
}

/// Reads the next value and its key (`groupby_step`); false when exhausted.
fn groupby_step(vm: &mut Vm, o: &IterObj) -> PyResult<bool> {
    let g = group_state(o);
    let Some(v) = next(vm, g.it)? else { return Ok(false) };
    let k = if g.key == vm.none { v } else { crate::call::call(vm, g.key, &[v])? };
    if let State::GroupBy { currkey, currvalue, .. } = &mut *o.state.borrow_mut() {
        *currvalue = v;
        *currkey = k;
    }
    Ok(true)
}

fn next_groupby(vm: &mut Vm, this: Value, o: &IterObj) -> PyResult<Option<Value>> {
    if let State::GroupBy { grouper, .. } = &mut *o.state.borrow_mut() {
        *grouper = Value::NULL;
    }
    loop {
        let g = group_state(o);
        if !g.currkey.is_null() && (g.tgtkey.is_null() || !ops::eq(vm, g.tgtkey, g.currkey)?) {
            break;
        }
        if !groupby_step(vm, o)? {
            return Ok(None);
        }
    }
    let key = group_state(o).currkey;
    let ty = vm.type_of(this);
    let gty = crate::typeobj::lookup_str(vm, ty, "_grouper_type").unwrap_or(ty);
    let grouper = new_obj(vm, gty, State::Grouper { parent: this, tgtkey: key });
    if let State::GroupBy { tgtkey, grouper: gr, .. } = &mut *o.state.borrow_mut() {
        *tgtkey = key;
        *gr = grouper;
    }
    Ok(Some(crate::tuple::new_tuple(vm, vec![key, grouper])))
}

fn next_grouper(vm: &mut Vm, this: Value, o: &IterObj) -> PyResult<Option<Value>> {
    let (parent, tgtkey) = match &*o.state.borrow() {
        State::Grouper { parent, tgtkey } => (*parent, *tgtkey),
        _ => unreachable!(),
    };
    let po = obj(parent);
    let (current, has_value) = match &*po.state.borrow() {
        State::GroupBy { grouper, currvalue, .. } => (*grouper, !currvalue.is_null()),
        _ => unreachable!(),
    };
    if current != this {
        return Ok(None);
    }
    if !has_value && !groupby_step(vm, po)? {
        return Ok(None);
    }
    let currkey = group_state(po).currkey;
    if !ops::eq(vm, tgtkey, currkey)? {
        return Ok(None);
    }
    match &mut *po.state.borrow_mut() {
        State::GroupBy { currvalue, currkey, .. } => {
            *currkey = Value::NULL;
            Ok(Some(std::mem::replace(currvalue, Value::NULL)))
        }
        _ => unreachable!(),
    }
}

// ---- combinatorics ----

fn pick(vm: &mut Vm, pool: Value, idx: &[usize]) -> Value {
    let items = crate::tuple::items(pool);
    let v: Vec<Value> = idx.iter().map(|i| items[*i]).collect();
    crate::tuple::new_tuple(vm, v)
}

fn next_product(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (pools, idx) = {
        let mut s = o.state.borrow_mut();
        let State::Product { pools, indices, first, stopped } = &mut *s else { unreachable!() };
        if *stopped {
            return Ok(None);
        }
        let p = crate::tuple::items(*pools);
        let lens: Vec<usize> = p.iter().map(|t| crate::tuple::items(*t).len()).collect();
        if std::mem::take(first) {
            *stopped = lens.contains(&0);
        } else {
            *stopped = !advance_product(indices, &lens);
        }
        if *stopped {
            return Ok(None);
        }
        (*pools, indices.clone())
    };
    let p = crate::tuple::items(pools);
    let v: Vec<Value> = p.iter().zip(&idx).map(|(t, i)| crate::tuple::items(*t)[*i]).collect();
    Ok(Some(crate::tuple::new_tuple(vm, v)))
}

/// Odometer step, rightmost pool fastest; false when every pool rolled over.
fn advance_product(indices: &mut [usize], lens: &[usize]) -> bool {
    for i in (0..indices.len()).rev() {
        indices[i] += 1;
        if indices[i] < lens[i] {
            return true;
        }
        indices[i] = 0;
    }
    false
}

fn next_combinations(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (pool, idx) = {
        let mut s = o.state.borrow_mut();
        let State::Combinations { pool, indices, first, stopped, replace } = &mut *s else { unreachable!() };
        let n = crate::tuple::items(*pool).len();
        if !*stopped && !std::mem::take(first) {
            *stopped = !if *replace { advance_cwr(indices, n) } else { advance_comb(indices, n) };
        }
        if *stopped {
            return Ok(None);
        }
        (*pool, indices.clone())
    };
    Ok(Some(pick(vm, pool, &idx)))
}

fn advance_comb(indices: &mut [usize], n: usize) -> bool {
    let r = indices.len();
    let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else { return false };
    indices[i] += 1;
    for j in i + 1..r {
        indices[j] = indices[j - 1] + 1;
    }
    true
}

fn advance_cwr(indices: &mut [usize], n: usize) -> bool {
    let r = indices.len();
    let Some(i) = (0..r).rev().find(|&i| indices[i] != n - 1) else { return false };
    let v = indices[i] + 1;
    indices[i..].iter_mut().for_each(|x| *x = v);
    true
}

fn next_permutations(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (pool, idx) = {
        let mut s = o.state.borrow_mut();
        let State::Permutations { pool, indices, cycles, r, first, stopped } = &mut *s else { unreachable!() };
        if !*stopped && !std::mem::take(first) {
            *stopped = indices.is_empty() || !advance_perm(indices, cycles, *r);
        }
        if *stopped {
            return Ok(None);
        }
        (*pool, indices[..*r].to_vec())
    };
    Ok(Some(pick(vm, pool, &idx)))
}

fn advance_perm(indices: &mut [usize], cycles: &mut [usize], r: usize) -> bool {
    let n = indices.len();
    for i in (0..r).rev() {
        cycles[i] -= 1;
        if cycles[i] == 0 {
            indices[i..].rotate_left(1);
            cycles[i] = n - i;
        } else {
            let j = cycles[i];
            indices.swap(i, n - j);
            return true;
        }
    }
    false
}

fn next_tee(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let (mut data, mut index) = match &*o.state.borrow() {
        State::Tee { data, index } => (*data, *index),
        _ => unreachable!(),
    };
    if index >= LINKCELLS {
        data = teedata_link(vm, data);
        index = 0;
    }
    let v = teedata_get(vm, data, index)?;
    if let State::Tee { data: d, index: i } = &mut *o.state.borrow_mut() {
        *d = data;
        *i = if v.is_some() { index + 1 } else { index };
    }
    Ok(v)
}

// ---- the shared protocol methods ----

type NextFn = fn(&mut Vm, &IterObj) -> PyResult<Option<Value>>;

/// The `__next__` of this object's kind (chosen before any borrow is held).
fn next_fn(s: &State) -> NextFn {
    match s {
        State::Count { .. } => next_count,
        State::Cycle { .. } => next_cycle,
        State::Repeat { .. } => |_, o| Ok(next_repeat(o)),
        State::Accumulate { .. } => next_accumulate,
        State::Chain { .. } => next_chain,
        State::Compress { .. } => next_compress,
        State::DropWhile { .. } => next_dropwhile,
        State::TakeWhile { .. } => next_takewhile,
        State::FilterFalse { .. } => next_filterfalse,
        State::StarMap { .. } => next_starmap,
        State::ISlice { .. } => next_islice,
        State::ZipLongest { .. } => next_zip_longest,
        State::Pairwise { .. } => next_pairwise,
        State::Tee { .. } => next_tee,
        State::Product { .. } => next_product,
        State::Combinations { .. } => next_combinations,
        State::Permutations { .. } => next_permutations,
        State::GroupBy { .. } | State::Grouper { .. } => unreachable!("handled by it_next_value"),
    }
}

fn it_next_value(vm: &mut Vm, this: Value) -> PyResult<Option<Value>> {
    let o = obj(this);
    let (group, grouper) = {
        let s = o.state.borrow();
        (matches!(&*s, State::GroupBy { .. }), matches!(&*s, State::Grouper { .. }))
    };
    if group {
        return next_groupby(vm, this, o);
    }
    if grouper {
        return next_grouper(vm, this, o);
    }
    let f = next_fn(&o.state.borrow());
    f(vm, o)
}

fn it_next(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__next__", 1, 1)?;
    match it_next_value(vm, a[0])? {
        Some(v) => Ok(v),
        None => Err(PyErr(crate::call::call(vm, vm.e.stop_iteration, &[])?)),
    }
}

fn it_iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__iter__", 1, 1)?;
    Ok(a[0])
}

fn count_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let (cur, step) = match &*obj(a[0]).state.borrow() {
        State::Count { cur, step } => (*cur, *step),
        _ => return Err(vm.type_error("not a count object")),
    };
    let name = vm.type_name(a[0]);
    let c = ops::repr_string(vm, cur)?;
    let s = if step == Value::small(1) { format!("{name}({c})") } else { format!("{name}({c}, {})", ops::repr_string(vm, step)?) };
    Ok(crate::str::new_str(vm, s))
}

fn repeat_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let (o, times) = match &*obj(a[0]).state.borrow() {
        State::Repeat { obj, times } => (*obj, *times),
        _ => return Err(vm.type_error("not a repeat object")),
    };
    let name = vm.type_name(a[0]);
    let r = ops::repr_string(vm, o)?;
    let s = match times {
        Some(t) => format!("{name}({r}, {t})"),
        None => format!("{name}({r})"),
    };
    Ok(crate::str::new_str(vm, s))
}

fn repeat_length_hint(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__length_hint__", 1, 1)?;
    let times = match &*obj(a[0]).state.borrow() {
        State::Repeat { times, .. } => *times,
        _ => None,
    };
    match times {
        Some(t) => Ok(crate::int::from_usize(vm, t)),
        None => Err(vm.type_error("len() of unsized object")),
    }
}

type Ctor = (&'static str, crate::object::NativeFn);

const TYPES: &[Ctor] = &[
    ("count", count_new),
    ("cycle", cycle_new),
    ("repeat", repeat_new),
    ("accumulate", accumulate_new),
    ("chain", chain_new),
    ("compress", compress_new),
    ("dropwhile", dropwhile_new),
    ("takewhile", takewhile_new),
    ("filterfalse", filterfalse_new),
    ("starmap", starmap_new),
    ("islice", islice_new),
    ("zip_longest", zip_longest_new),
    ("pairwise", pairwise_new),
    ("groupby", groupby_new),
    ("product", product_new),
    ("combinations", combinations_new),
    ("combinations_with_replacement", cwr_new),
    ("permutations", permutations_new),
    ("_tee", tee_new),
];

fn make_type(vm: &mut Vm, m: Value, name: &str) -> PyResult<Value> {
    let obj_t = vm.t.object;
    let t = new_static_type(vm, name, obj_t, flag::BASETYPE);
    let modname = vm.intern("itertools");
    crate::typeobj::set_attr_raw(vm, t, "__module__", modname)?;
    add_method(vm, t, "__iter__", it_iter);
    add_method(vm, t, "__next__", it_next);
    super::set_attr(vm, m, name, t)?;
    Ok(t)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    for (name, ctor) in TYPES {
        let t = make_type(vm, m, name)?;
        add_static(vm, t, "__new__", *ctor);
        match *name {
            "count" => add_method(vm, t, "__repr__", count_repr),
            "repeat" => {
                add_method(vm, t, "__repr__", repeat_repr);
                add_method(vm, t, "__length_hint__", repeat_length_hint);
            }
            "chain" => {
                crate::typeobj::add_classmethod(vm, t, "from_iterable", chain_from_iterable);
                crate::typeobj::add_classmethod(vm, t, "__class_getitem__", crate::generic_alias::class_getitem);
            }
            "_tee" => add_method(vm, t, "__copy__", tee_copy),
            _ => {}
        }
    }
    let grouper = make_type(vm, m, "_grouper")?;
    let groupby = crate::dict::get_item_str(vm, crate::module::module_dict(m), "groupby")?.expect("groupby type");
    crate::typeobj::set_attr_raw(vm, groupby, "_grouper_type", grouper)?;
    let tee_t = crate::dict::get_item_str(vm, crate::module::module_dict(m), "_tee")?.expect("tee type");
    let obj_t = vm.t.object;
    let data_t = new_static_type(vm, "_tee_dataobject", obj_t, 0);
    super::set_attr(vm, m, "_tee_dataobject", data_t)?;
    TEE_TYPES.with(|c| c.set([tee_t, data_t, grouper]));
    // The types stay reachable from the module; keep them alive with it.
    vm.extra_roots.push(tee_t);
    vm.extra_roots.push(data_t);
    super::add_functions(vm, m, &[("tee", tee)])?;
    Ok(())
}
