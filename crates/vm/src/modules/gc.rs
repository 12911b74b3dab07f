//! The `gc` module: explicit collections and the collector's switches.

use crate::object::{Args, PyResult};
use crate::value::Value;
use std::collections::HashMap;
use crate::vm::Vm;

/// `gc.collect()`: a trampoline with no locals of its own, so that the stack below
/// it is scrubbed before the frames that run the collection exist (see
/// `gc::scrub_stack`).
#[inline(never)]
fn collect(vm: &mut Vm, args: Args) -> PyResult {
    crate::gc::scrub_stack();
    collect_now(vm, args)
}

#[inline(never)]
fn collect_now(vm: &mut Vm, args: Args) -> PyResult {
    let [generation] = args.bind(vm, "collect", ["generation"], 0, 0)?;
    let mut g = 2;
    if !generation.is_null() {
        g = crate::number::index_c_int(vm, generation)? as i64;
        if !(0..=2).contains(&g) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    invoke_callbacks(vm, "start", g, 0)?;
    // Counted as CPython does: the tracked objects left unreachable once reference
    // counting freed all it could; automatic collections in between are not counted.
    vm.heap.list_unreachable = true;
    vm.collect();
    vm.heap.list_unreachable = false;
    let freed = vm.take_cyclic_found();
    vm.run_finalizers();
    invoke_callbacks(vm, "stop", g, freed)?;
    Ok(crate::int::from_usize(vm, freed))
}

fn enable(vm: &mut Vm, _args: Args) -> PyResult {
    vm.heap.enabled = true;
    Ok(vm.none)
}

fn disable(vm: &mut Vm, _args: Args) -> PyResult {
    vm.heap.enabled = false;
    Ok(vm.none)
}

fn isenabled(vm: &mut Vm, _args: Args) -> PyResult {
    Ok({ let __arg = vm.heap.enabled; vm.bool(__arg) })
}

fn get_count(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(crate::tuple::new_tuple(vm, vec![Value::small(0), Value::small(0), Value::small(0)]))
}

fn get_threshold(vm: &mut Vm, _args: Args) -> PyResult {
    let th: Vec<Value> = vm.gc_state.threshold.iter().map(|t| Value::small(*t)).collect();
    Ok(crate::tuple::new_tuple(vm, th))
}

/// `set_threshold(threshold0[, threshold1[, threshold2]])`: remembered for
/// `get_threshold` (Ferropy paces collections by memory, not by these counts).
fn set_threshold(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "set_threshold")?;
    let a = args.vals;
    // PyArg_ParseTuple's wording.
    if a.is_empty() {
        return Err(vm.type_error(format!("set_threshold() takes at least 1 argument ({} given)", a.len())));
    }
    if a.len() > 3 {
        return Err(vm.type_error(format!("set_threshold() takes at most 3 arguments ({} given)", a.len())));
    }
    let mut th = vm.gc_state.threshold;
    for (i, v) in a.iter().enumerate() {
        th[i] = crate::number::index_c_int(vm, *v)? as i64;
    }
    vm.gc_state.threshold = th;
    Ok(vm.none)
}

fn get_debug(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::small(vm.gc_state.debug))
}

fn set_debug(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "set_debug", 1, 1)?;
    vm.gc_state.debug = crate::number::index_c_int(vm, a[0])? as i64;
    Ok(vm.none)
}

/// Whether CPython's collector would track `v` now (`gc.is_tracked`): instances of
/// container types are tracked; atomic builtins (numbers, strings, bytes, None,
/// `object()`, code, frames, ranges) are not; the empty tuple is not; a dict only
/// once it holds something that may be tracked.
pub fn tracked(vm: &Vm, v: Value) -> bool {
    if v.is_small_int() || v.is_null() {
        return false;
    }
    let t = vm.type_of(v);
    if crate::typeobj::has_flag(t, crate::typeobj::tflag::HEAPTYPE) {
        return true;
    }
    let tt = &vm.t;
    let atomic = [
        tt.int, tt.bool, tt.float, tt.complex, tt.str, tt.bytes, tt.bytearray, tt.none_type, tt.ellipsis_type,
        tt.not_implemented_type, tt.range, tt.code, tt.object, tt.frame,
    ];
    if atomic.contains(&t) {
        return false;
    }
    if t == tt.tuple {
        return !crate::tuple::items(v).is_empty();
    }
    if let Some(d) = v.downcast::<crate::dict::DictObj>().filter(|_| t == tt.dict) {
        // CPython's _PyObject_GC_MAY_BE_TRACKED: any container may be, a tuple if it
        // is tracked now (not recursive: a dict may hold itself).
        let may_be = |x: Value| x.is::<crate::dict::DictObj>() || tracked(vm, x);
        return d.items().iter().any(|(k, x)| may_be(*k) || may_be(*x));
    }
    true
}

/// How many of the `unreachable` objects CPython's collector would report.
/// CPython frees an unreachable object by reference counting as soon as nothing
/// unreachable refers to it; its collector only finds what is left: the objects on
/// a reference cycle and those they reach. Kahn's algorithm over the references
/// between unreachable objects removes the rest; the tracked survivors are counted.
pub fn cyclic_garbage(vm: &Vm, is_live: &dyn Fn(Value) -> bool, unreachable: &[Value]) -> usize {
    let index: HashMap<u64, u32> = unreachable.iter().enumerate().map(|(i, v)| (v.raw(), i as u32)).collect();
    // The references of object i are edges[starts[i]..starts[i + 1]].
    let mut starts = Vec::with_capacity(unreachable.len() + 1);
    let mut edges: Vec<u32> = Vec::new();
    let mut indegree = vec![0u32; unreachable.len()];
    for v in unreachable {
        starts.push(edges.len());
        let h = v.header().expect("heap object");
        let mut refs = crate::gc::referents(*v);
        refs.push(h.ty.get());
        refs.push(h.dict());
        for r in refs {
            if r.is_null() || is_live(r) {
                continue;
            }
            if let Some(&j) = index.get(&r.raw()) {
                edges.push(j);
                indegree[j as usize] += 1;
            }
        }
    }
    starts.push(edges.len());
    let mut freed = vec![false; unreachable.len()];
    let mut queue: Vec<u32> = (0..unreachable.len() as u32).filter(|&i| indegree[i as usize] == 0).collect();
    while let Some(i) = queue.pop() {
        freed[i as usize] = true;
        for &j in &edges[starts[i as usize]..starts[i as usize + 1]] {
            indegree[j as usize] -= 1;
            if indegree[j as usize] == 0 {
                queue.push(j);
            }
        }
    }
    unreachable.iter().zip(&freed).filter(|(v, f)| !**f && tracked(vm, **v)).count()
}

fn is_tracked(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "is_tracked", 1, 1)?;
    Ok(vm.bool(tracked(vm, a[0])))
}

fn is_finalized(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "is_finalized", 1, 1)?;
    let f = a[0].header().is_some_and(|h| h.has_flag(crate::gc::flag::FINALIZED));
    Ok(vm.bool(f))
}

/// The objects a Python program can see: everything with a type, except the
/// collector's own freed-cell markers.
fn visible(vm: &Vm, v: Value) -> bool {
    v.header().is_some_and(|h| !h.is_dead() && !h.ty.get().is_null()) && tracked(vm, v)
}

/// What `v` refers to, as its type's traverse reports it: a heap type's instances
/// also refer to their class; every instance dict is included.
fn referents_of(vm: &Vm, v: Value) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(h) = v.header() {
        let t = h.ty.get();
        if !t.is_null() && crate::typeobj::has_flag(t, crate::typeobj::tflag::HEAPTYPE) {
            out.push(t);
        }
        if !h.dict().is_null() {
            out.push(h.dict());
        }
    }
    out.extend(crate::gc::referents(v));
    let _ = vm;
    out
}

/// `gc.get_referents(*objs)`: the objects each one refers to.
fn get_referents(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "get_referents", 0, usize::MAX)?;
    crate::generator::forget_fresh(vm);
    let mut out = Vec::new();
    for v in a {
        if tracked(vm, *v) {
            out.extend(referents_of(vm, *v));
        }
    }
    // The values are reachable from the arguments until the list holds them.
    Ok(crate::list::new_list(vm, out))
}

/// `gc.get_referrers(*objs)`: the tracked objects in the heap that refer to any of
/// `objs`.
fn get_referrers(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "get_referrers", 0, usize::MAX)?;
    crate::generator::forget_fresh(vm);
    let all = vm.heap.objects();
    let mut out = Vec::new();
    for o in all {
        if visible(vm, o) && referents_of(vm, o).iter().any(|r| a.contains(r)) {
            out.push(o);
        }
    }
    // No allocation happened since the heap walk: `out` goes into the list whole.
    Ok(crate::list::new_list(vm, out))
}

/// `gc.get_objects(generation=None)`: every tracked object (Ferropy has one
/// generation: each generation number lists them all).
fn get_objects(vm: &mut Vm, args: Args) -> PyResult {
    let [generation] = args.bind(vm, "get_objects", ["generation"], 0, 0)?;
    crate::generator::forget_fresh(vm);
    if !generation.is_null() && generation != vm.none {
        let g = crate::number::index_i64(vm, generation)?;
        if g >= 3 {
            return Err(vm.value_error("generation parameter must be less than the number of available generations (3)"));
        }
        // -1 is the default: every generation.
        if g < -1 {
            return Err(vm.value_error("generation parameter cannot be negative"));
        }
    }
    let all = vm.heap.objects();
    let out: Vec<Value> = all.into_iter().filter(|o| visible(vm, *o)).collect();
    Ok(crate::list::new_list(vm, out))
}

/// `gc.freeze()`: CPython moves every tracked object to a permanent generation;
/// Ferropy remembers how many there were for `get_freeze_count`.
fn freeze(vm: &mut Vm, _args: Args) -> PyResult {
    let all = vm.heap.objects();
    vm.gc_state.frozen = all.into_iter().filter(|o| visible(vm, *o)).count();
    Ok(vm.none)
}

fn unfreeze(vm: &mut Vm, _args: Args) -> PyResult {
    vm.gc_state.frozen = 0;
    Ok(vm.none)
}

fn get_freeze_count(vm: &mut Vm, _args: Args) -> PyResult {
    let n = vm.gc_state.frozen;
    Ok(crate::int::from_usize(vm, n))
}

fn get_stats(vm: &mut Vm, _args: Args) -> PyResult {
    let l = crate::list::new_list(vm, vec![]);
    let collections = crate::int::from_i64(vm, vm.heap.collections as i64);
    for _ in 0..3 {
        let d = crate::dict::new_dict(vm);
        crate::dict::set_item_str(vm, d, "collections", collections)?;
        crate::dict::set_item_str(vm, d, "collected", Value::small(0))?;
        crate::dict::set_item_str(vm, d, "uncollectable", Value::small(0))?;
        crate::list::lobj(l).items.borrow_mut().push(d);
    }
    Ok(l)
}

/// Calls each of `gc.callbacks` with `(phase, info)` around an explicit collection,
/// as CPython's `invoke_gc_callback`; errors are reported as unraisable.
fn invoke_callbacks(vm: &mut Vm, phase: &str, generation: i64, collected: usize) -> PyResult<()> {
    let cbs = vm.gc_state.callbacks;
    if cbs.is_null() || crate::list::lobj(cbs).items.borrow().is_empty() {
        return Ok(());
    }
    let phase = vm.intern(phase);
    let info = crate::dict::new_dict(vm);
    crate::dict::set_item_str(vm, info, "generation", Value::small(generation))?;
    let c = crate::int::from_usize(vm, collected);
    crate::dict::set_item_str(vm, info, "collected", c)?;
    crate::dict::set_item_str(vm, info, "uncollectable", Value::small(0))?;
    // A callback may change the list: index it afresh each time.
    let mut i = 0;
    loop {
        let cb = match crate::list::lobj(cbs).items.borrow().get(i) {
            Some(cb) => *cb,
            None => break,
        };
        if let Err(e) = crate::call::call(vm, cb, &[phase, info]) {
            crate::unraisable::write_unraisable(vm, e, None, cb);
        }
        i += 1;
    }
    std::hint::black_box(info);
    Ok(())
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(vm, m, &[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("is_tracked", is_tracked),
        ("is_finalized", is_finalized),
        ("freeze", freeze),
        ("unfreeze", unfreeze),
        ("get_freeze_count", get_freeze_count),
        ("get_stats", get_stats),
        ("get_debug", get_debug),
        ("set_debug", set_debug),
        ("get_referents", get_referents),
        ("get_referrers", get_referrers),
        ("get_objects", get_objects),
    ])?;
    let garbage = crate::list::new_list(vm, vec![]);
    super::set_attr(vm, m, "garbage", garbage)?;
    // The collector keeps its own reference, as CPython: rebinding gc.callbacks
    // does not change which list is called.
    let callbacks = crate::list::new_list(vm, vec![]);
    vm.gc_state.callbacks = callbacks;
    super::set_attr(vm, m, "callbacks", callbacks)?;
    for (n, v) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
        super::set_attr(vm, m, n, Value::small(v))?;
    }
    Ok(())
}
