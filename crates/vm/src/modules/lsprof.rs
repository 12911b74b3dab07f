//! The `_lsprof` module (CPython 3.11's Modules/_lsprof.c): the `Profiler` behind
//! `cProfile`. Installed as the profile hook (`crate::profile`), it keeps, per
//! function (a code object, or a builtin identified by its Rust function and name),
//! call counts and total and inline times, and per caller the same for each
//! callee; `getstats()` returns them as `profiler_entry`/`profiler_subentry`
//! struct sequences.

use super::structseq::{self, Spec};
use crate::function::{NativeFunction, NativeKind};
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::profile::Event;
use crate::typeobj::{add_method, add_static, new_static_type, set_attr_raw, tflag};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// What identifies a profiled function: its code object, or a builtin's Rust
/// function and name (CPython keys builtins by their `PyMethodDef`, shared by
/// every binding of a method).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Code(u64),
    Native(usize, usize),
}

/// Times and counts of calls to a function (from anywhere, or from one caller).
#[derive(Default)]
struct Counts {
    /// Total time (outermost calls only) and inline time (not in subcalls).
    tt: i64,
    it: i64,
    callcount: i64,
    reccallcount: i64,
    /// Calls in progress.
    rec_level: i64,
}

impl Counts {
    /// Charges a finished call: its total time only when it was the outermost of
    /// recursive calls, else it counts as a recursive call.
    fn charge(&mut self, tt: i64, it: i64) {
        self.rec_level -= 1;
        if self.rec_level == 0 {
            self.tt += tt;
        } else {
            self.reccallcount += 1;
        }
        self.it += it;
        self.callcount += 1;
    }

    fn stats(&self) -> [i64; 4] {
        [self.callcount, self.reccallcount, self.tt, self.it]
    }
}

struct Entry {
    /// The code object, or a builtin's description (`<built-in method len>`).
    user: Value,
    counts: Counts,
    /// Calls made from this function, by callee entry.
    calls: Vec<(usize, Counts)>,
}

/// A call in progress.
struct Ctx {
    t0: i64,
    /// Time spent in its subcalls so far.
    subt: i64,
    entry: usize,
}

#[derive(Default)]
struct State {
    entries: Vec<Entry>,
    index: HashMap<Key, usize>,
    stack: Vec<Ctx>,
    subcalls: bool,
    builtins: bool,
    enabled: bool,
}

pub struct ProfilerObj {
    st: RefCell<State>,
    /// The timer function, NULL for the built-in clock.
    timer: Cell<Value>,
    /// Seconds per unit of an integer timer; 0.0 when the timer gives seconds.
    timeunit: Cell<f64>,
}

impl Trace for ProfilerObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.timer.get());
        if let Ok(st) = self.st.try_borrow() {
            for e in &st.entries {
                t.value(e.user);
            }
        }
    }
}
payload!(ProfilerObj, "Profiler");

fn prof(v: Value) -> &'static ProfilerObj {
    v.downcast::<ProfilerObj>().expect("a Profiler")
}

/// Nanoseconds since the first use (the built-in timer, CPython's perf counter).
fn perf_counter_ns() -> i64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_nanos() as i64
}

/// The time now in timer units; an error of the timer is reported as unraisable
/// and counts as 0 (CPython's `CallExternalTimer`).
fn now(vm: &mut Vm, p: &ProfilerObj) -> i64 {
    let timer = p.timer.get();
    if timer.is_null() {
        return perf_counter_ns();
    }
    let r = crate::call::call(vm, timer, &[]).and_then(|o| timer_value(vm, p, o));
    r.unwrap_or_else(|e| {
        crate::unraisable::write_unraisable(vm, e, None, timer);
        0
    })
}

const TIME_OVERFLOW: &str = "timestamp too large to convert to C _PyTime_t";

/// A timer's result as a time: an int of units when `timeunit` is set
/// (`_PyTime_FromNanosecondsObject`), else seconds as an int or float, in
/// nanoseconds rounded down (`_PyTime_FromSecondsObject`).
fn timer_value(vm: &mut Vm, p: &ProfilerObj, o: Value) -> PyResult<i64> {
    use num_traits::ToPrimitive;
    let is_int = crate::typeobj::is_instance(vm, o, vm.t.int);
    if p.timeunit.get() > 0.0 {
        if !is_int {
            let m = format!("expect int, got {}", vm.type_name(o));
            return Err(vm.type_error(m));
        }
        let b = crate::number::index_bigint(vm, o)?;
        return b.to_i64().ok_or_else(|| vm.overflow_error(TIME_OVERFLOW));
    }
    if crate::typeobj::is_instance(vm, o, vm.t.float) {
        let d = crate::float::as_f64(o).unwrap_or(0.0);
        if d.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let ns = (d * 1e9).floor();
        if !(ns >= i64::MIN as f64 && ns < i64::MAX as f64) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(ns as i64);
    }
    let secs = match crate::number::index_bigint(vm, o) {
        Ok(b) => b.to_i64(),
        Err(e) => return Err(e),
    };
    secs.and_then(|s| s.checked_mul(1_000_000_000)).ok_or_else(|| vm.overflow_error(TIME_OVERFLOW))
}

/// Reports event `ev` to profiler `hook` (`profiler_callback`).
pub fn event(vm: &mut Vm, hook: Value, ev: Event) {
    let p = prof(hook);
    match ev {
        Event::Call | Event::Return(_) => {
            let Some(code) = vm.frames.last().map(|f| f.code) else { return };
            let key = Key::Code(code.id() as u64);
            if matches!(ev, Event::Call) {
                enter_call(vm, p, key, code);
            } else {
                leave_call(vm, p, key);
            }
        }
        Event::CCall(f) | Event::CReturn(f) | Event::CException(f) => {
            let Some(n) = f.downcast::<NativeFunction>() else { return };
            if !p.st.borrow().builtins {
                return;
            }
            let key = Key::Native(n.func as usize, n.name.as_ptr() as usize);
            if matches!(ev, Event::CCall(_)) {
                enter_call(vm, p, key, f);
            } else {
                leave_call(vm, p, key);
            }
        }
    }
}

/// Starts a call of the function `key` (`ptrace_enter_call` and `initContext`).
fn enter_call(vm: &mut Vm, p: &ProfilerObj, key: Key, obj: Value) {
    let found = p.st.borrow().index.get(&key).copied();
    let entry = match found {
        Some(i) => i,
        None => {
            let Ok(user) = user_object(vm, obj) else { return };
            let mut st = p.st.borrow_mut();
            let i = st.entries.len();
            st.entries.push(Entry { user, counts: Counts::default(), calls: Vec::new() });
            st.index.insert(key, i);
            i
        }
    };
    {
        let mut st = p.st.borrow_mut();
        let st = &mut *st;
        st.entries[entry].counts.rec_level += 1;
        if st.subcalls {
            if let Some(caller) = st.stack.last().map(|c| c.entry) {
                let calls = &mut st.entries[caller].calls;
                let k = match calls.iter().position(|(e, _)| *e == entry) {
                    Some(k) => k,
                    None => {
                        calls.push((entry, Counts::default()));
                        calls.len() - 1
                    }
                };
                calls[k].1.rec_level += 1;
            }
        }
        st.stack.push(Ctx { t0: 0, subt: 0, entry });
    }
    let depth = p.st.borrow().stack.len();
    let t0 = now(vm, p);
    // The timer may have cleared the profiler.
    if let Some(c) = p.st.borrow_mut().stack.get_mut(depth - 1) {
        c.t0 = t0;
    }
}

/// Ends the innermost call, of the function `key` (`ptrace_leave_call`).
fn leave_call(vm: &mut Vm, p: &ProfilerObj, key: Key) {
    let found = {
        let st = p.st.borrow();
        if st.stack.is_empty() {
            return;
        }
        st.index.get(&key).copied()
    };
    match found {
        Some(entry) => {
            let t = now(vm, p);
            stop(p, entry, t);
        }
        None => {
            p.st.borrow_mut().stack.pop();
        }
    }
}

/// Pops the innermost call, charging its time to `entry` and to the caller's
/// subentry for it (`Stop`).
fn stop(p: &ProfilerObj, entry: usize, now: i64) {
    let mut st = p.st.borrow_mut();
    let st = &mut *st;
    let Some(ctx) = st.stack.pop() else { return };
    let Some(e) = st.entries.get_mut(entry) else { return };
    let tt = now - ctx.t0;
    let it = tt - ctx.subt;
    e.counts.charge(tt, it);
    let Some(prev) = st.stack.last_mut() else { return };
    prev.subt += tt;
    if !st.subcalls {
        return;
    }
    let caller = prev.entry;
    if let Some((_, sub)) = st.entries[caller].calls.iter_mut().find(|(e, _)| *e == entry) {
        sub.charge(tt, it);
    }
}

/// Ends every call in progress (`flush_unmatched`).
fn flush_unmatched(vm: &mut Vm, p: &ProfilerObj) {
    loop {
        let Some(entry) = p.st.borrow().stack.last().map(|c| c.entry) else { return };
        let t = now(vm, p);
        stop(p, entry, t);
    }
}

/// What `getstats()` reports as a function (`normalizeUserObj`): a code object
/// itself; for a builtin, `repr(type(self).name)` when its receiver's type has it
/// (`<method 'append' of 'list' objects>`), else `<built-in method mod.name>`.
fn user_object(vm: &mut Vm, obj: Value) -> PyResult {
    let Some(n) = obj.downcast::<NativeFunction>() else { return Ok(obj) };
    // CPython's `m_self`: the receiver, the type of a `__new__`, or the module of
    // a module function; `m_module`: that module's name.
    let mut modname = None;
    let self_ = if !n.self_.is_null() {
        n.self_
    } else if n.kind == NativeKind::Static {
        n.owner
    } else if n.owner.is::<crate::module::ModuleObj>() {
        let name = vm.intern("__name__");
        modname = crate::attr::getattr_opt(vm, n.owner, name)?.and_then(|m| crate::str::as_str(m).map(str::to_owned));
        n.owner
    } else {
        Value::NULL
    };
    if self_.is_null() {
        return Ok(crate::str::new_str(vm, format!("<{}>", n.name)));
    }
    let ty = vm.type_of(self_);
    if let Some(m) = crate::typeobj::lookup_str(vm, ty, n.name) {
        if let Ok(r) = crate::ops::repr(vm, m) {
            return Ok(r);
        }
    }
    let s = match modname {
        Some(m) => format!("<built-in method {m}.{}>", n.name),
        None => format!("<built-in method {}>", n.name),
    };
    Ok(crate::str::new_str(vm, s))
}

/// `PyArg_Parse`'s 'i' converter.
fn c_int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    use num_traits::ToPrimitive;
    let b = crate::number::index_bigint(vm, v)?;
    match b.to_i32() {
        Some(i) => Ok(i as i64),
        None if b.sign() == num_bigint::Sign::Minus => Err(vm.overflow_error("signed integer is less than minimum")),
        None => Err(vm.overflow_error("signed integer is greater than maximum")),
    }
}

/// Sets the flags from `enable()`/`Profiler()` arguments: 0 clears, a positive
/// value sets, a negative one keeps.
fn set_flags(p: &ProfilerObj, subcalls: i64, builtins: i64) {
    let mut st = p.st.borrow_mut();
    if subcalls >= 0 {
        st.subcalls = subcalls > 0;
    }
    if builtins >= 0 {
        st.builtins = builtins > 0;
    }
}

/// The value of an optional 'i' argument, `default` when absent.
fn opt_int(vm: &mut Vm, v: Value, default: i64) -> PyResult<i64> {
    if v.is_null() {
        Ok(default)
    } else {
        c_int(vm, v)
    }
}

fn profiler_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let st = State { subcalls: true, builtins: true, ..State::default() };
    Ok(vm.alloc(cls, ProfilerObj { st: RefCell::new(st), timer: Cell::new(Value::NULL), timeunit: Cell::new(0.0) }))
}

/// `Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True)`.
fn profiler_init(vm: &mut Vm, args: Args) -> PyResult {
    let [self_, timer, timeunit, subcalls, builtins] =
        args.bind(vm, "Profiler", ["self", "timer", "timeunit", "subcalls", "builtins"], 1, 1)?;
    let unit = if timeunit.is_null() { 0.0 } else { crate::float::as_double(vm, timeunit)? };
    let subcalls = opt_int(vm, subcalls, 1)?;
    let builtins = opt_int(vm, builtins, 1)?;
    let p = prof(self_);
    set_flags(p, subcalls, builtins);
    p.timeunit.set(unit);
    p.timer.set(timer);
    Ok(vm.none)
}

/// `enable(subcalls=True, builtins=True)`: installs the profiler as the profile
/// hook, replacing any other.
fn profiler_enable(vm: &mut Vm, args: Args) -> PyResult {
    let [self_, subcalls, builtins] = args.bind(vm, "enable", ["self", "subcalls", "builtins"], 1, 1)?;
    let subcalls = opt_int(vm, subcalls, -1)?;
    let builtins = opt_int(vm, builtins, -1)?;
    let p = prof(self_);
    set_flags(p, subcalls, builtins);
    crate::profile::set(vm, self_);
    p.st.borrow_mut().enabled = true;
    Ok(vm.none)
}

/// `disable()`: removes the profile hook (whichever is installed) and ends the
/// calls in progress.
fn profiler_disable(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "Profiler.disable", 0, 0)?;
    crate::profile::set(vm, Value::NULL);
    let p = prof(a[0]);
    p.st.borrow_mut().enabled = false;
    flush_unmatched(vm, p);
    Ok(vm.none)
}

/// `clear()`: forgets everything collected.
fn profiler_clear(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "Profiler.clear", 0, 0)?;
    let p = prof(a[0]);
    let mut st = p.st.borrow_mut();
    st.entries.clear();
    st.index.clear();
    st.stack.clear();
    Ok(vm.none)
}

/// `getstats()`: a list of `profiler_entry` (code, callcount, reccallcount,
/// totaltime, inlinetime, calls), `calls` a list of `profiler_subentry` or None.
fn profiler_getstats(vm: &mut Vm, args: Args) -> PyResult {
    if args.vals.len() != 1 || args.has_kw() {
        return Err(vm.type_error("getstats() takes no arguments"));
    }
    let self_ = args.vals[0];
    let p = prof(self_);
    let factor = if p.timer.get().is_null() || p.timeunit.get() == 0.0 { 1e-9 } else { p.timeunit.get() };
    let (entry_ty, sub_ty) = TYPES.with(|t| t.get());
    let out = crate::list::new_list(vm, vec![]);
    let n = p.st.borrow().entries.len();
    for i in 0..n {
        let (user, counts, calls) = {
            let st = p.st.borrow();
            let Some(e) = st.entries.get(i) else { break };
            let calls: Vec<(Value, [i64; 4])> = e
                .calls
                .iter()
                .map(|(c, s)| (st.entries[*c].user, s.stats()))
                .collect();
            (e.user, e.counts.stats(), calls)
        };
        if counts[0] == 0 {
            continue;
        }
        // The entries' values stay rooted by the profiler (traced) throughout.
        let sublist = if calls.is_empty() {
            vm.none
        } else {
            let l = crate::list::new_list(vm, vec![]);
            for (code, c) in calls {
                let s = stat_record(vm, sub_ty, code, c, factor, None)?;
                crate::list::lobj(l).items.borrow_mut().push(s);
            }
            l
        };
        let e = stat_record(vm, entry_ty, user, counts, factor, Some(sublist))?;
        crate::list::lobj(out).items.borrow_mut().push(e);
    }
    std::hint::black_box(self_);
    Ok(out)
}

/// One `profiler_entry` (with `calls`) or `profiler_subentry`.
fn stat_record(vm: &mut Vm, ty: Value, code: Value, c: [i64; 4], factor: f64, calls: Option<Value>) -> PyResult {
    let callcount = crate::int::from_i64(vm, c[0]);
    let reccallcount = crate::int::from_i64(vm, c[1]);
    let tt = crate::float::new_float(vm, factor * c[2] as f64);
    let it = crate::float::new_float(vm, factor * c[3] as f64);
    match calls {
        Some(l) => structseq::new(vm, ty, &[code, callcount, reccallcount, tt, it, l]),
        None => structseq::new(vm, ty, &[code, callcount, reccallcount, tt, it]),
    }
}

thread_local! {
    /// (profiler_entry, profiler_subentry).
    static TYPES: Cell<(Value, Value)> = const { Cell::new((Value::NULL, Value::NULL)) };
}

static ENTRY_SPEC: Spec = Spec {
    name: "_lsprof.profiler_entry",
    module: "_lsprof",
    fields: &["code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls"],
    n_seq: 6,
    copy_if_none: &[],
};
static SUBENTRY_SPEC: Spec = Spec {
    name: "_lsprof.profiler_subentry",
    module: "_lsprof",
    fields: &["code", "callcount", "reccallcount", "totaltime", "inlinetime"],
    n_seq: 5,
    copy_if_none: &[],
};

crate::structseq_getters!(
    g_code => "code", g_callcount => "callcount", g_reccallcount => "reccallcount",
    g_totaltime => "totaltime", g_inlinetime => "inlinetime", g_calls => "calls",
);

const PROFILER_DOC: &str = "Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)

    Builds a profiler object using the specified timer function.
    The default timer is a fast built-in one based on real time.
    For custom timer functions returning integers, timeunit can
    be a float specifying a scale (i.e. how long each integer unit
    is, in seconds).
";

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let obj = vm.t.object;
    let t = new_static_type(vm, "_lsprof.Profiler", obj, tflag::BASETYPE);
    super::array::short_qualname(t);
    vm.extra_roots.push(t);
    let modname = vm.intern("_lsprof");
    set_attr_raw(vm, t, "__module__", modname)?;
    let doc = crate::str::alloc_str(vm, PROFILER_DOC);
    set_attr_raw(vm, t, "__doc__", doc)?;
    add_static(vm, t, "__new__", profiler_new);
    add_method(vm, t, "__init__", profiler_init);
    add_method(vm, t, "getstats", profiler_getstats);
    add_method(vm, t, "enable", profiler_enable);
    add_method(vm, t, "disable", profiler_disable);
    add_method(vm, t, "clear", profiler_clear);
    super::set_attr(vm, m, "Profiler", t)?;
    let entry = structseq::make_type(vm, &ENTRY_SPEC, &[g_code, g_callcount, g_reccallcount, g_totaltime, g_inlinetime, g_calls])?;
    let sub = structseq::make_type(vm, &SUBENTRY_SPEC, &[g_code, g_callcount, g_reccallcount, g_totaltime, g_inlinetime])?;
    TYPES.with(|c| c.set((entry, sub)));
    super::set_attr(vm, m, "profiler_entry", entry)?;
    super::set_attr(vm, m, "profiler_subentry", sub)?;
    let doc = crate::str::alloc_str(vm, "Fast profiler");
    super::set_attr(vm, m, "__doc__", doc)?;
    Ok(())
}
