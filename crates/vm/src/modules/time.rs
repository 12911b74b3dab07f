//! The `time` module: clocks, sleep, and calendar conversions. Calendar work
//! (local time, time zones, `strftime`) is done by the C library, as in CPython,
//! so results follow `TZ` and the C library's formatting exactly.

use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::ffi::{c_char, c_int, c_long, CStr, CString};
use std::time::{Duration, Instant};

const CLOCK_REALTIME: i32 = 0;
const CLOCK_MONOTONIC: i32 = 1;
const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

/// C's `struct tm` (glibc layout, with the BSD `tm_gmtoff`/`tm_zone` fields).
#[repr(C)]
#[derive(Clone, Copy)]
struct Tm {
    tm_sec: c_int,
    tm_min: c_int,
    tm_hour: c_int,
    tm_mday: c_int,
    tm_mon: c_int,
    tm_year: c_int,
    tm_wday: c_int,
    tm_yday: c_int,
    tm_isdst: c_int,
    tm_gmtoff: c_long,
    tm_zone: *const c_char,
}

impl Tm {
    fn zeroed() -> Tm {
        Tm {
            tm_sec: 0,
            tm_min: 0,
            tm_hour: 0,
            tm_mday: 0,
            tm_mon: 0,
            tm_year: 0,
            tm_wday: 0,
            tm_yday: 0,
            tm_isdst: 0,
            tm_gmtoff: 0,
            tm_zone: std::ptr::null(),
        }
    }
}

extern "C" {
    fn clock_gettime(clk: i32, ts: *mut Timespec) -> i32;
    fn clock_getres(clk: i32, ts: *mut Timespec) -> i32;
    fn localtime_r(t: *const i64, tm: *mut Tm) -> *mut Tm;
    fn gmtime_r(t: *const i64, tm: *mut Tm) -> *mut Tm;
    fn mktime(tm: *mut Tm) -> i64;
    fn strftime(s: *mut c_char, max: usize, format: *const c_char, tm: *const Tm) -> usize;
    fn tzset();
}

/// Nanoseconds of a POSIX clock (0 if the clock is unavailable).
fn clock_ns(clk: i32) -> Option<i128> {
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime only writes into our local struct.
    let r = unsafe { clock_gettime(clk, &mut ts) };
    (r == 0).then(|| ts.sec as i128 * 1_000_000_000 + ts.nsec as i128)
}

fn clock_res(clk: i32) -> Option<f64> {
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_getres only writes into our local struct.
    let r = unsafe { clock_getres(clk, &mut ts) };
    (r == 0).then(|| ts.sec as f64 + ts.nsec as f64 * 1e-9)
}

/// `_PyTime_AsSecondsDouble`.
fn ns_to_secs(ns: i128) -> f64 {
    if ns % 1_000_000_000 == 0 {
        (ns / 1_000_000_000) as f64
    } else {
        ns as f64 / 1e9
    }
}

/// `PyArg_ParseTuple`'s argument-count messages ("f() takes at most 1 argument (2 given)").
fn parse_args<'a>(vm: &mut Vm, args: &Args<'a>, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
    args.no_kw(vm, fname)?;
    let got = args.vals.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let m = if min == max && got != min {
        format!("{fname}() takes exactly {min} argument{} ({got} given)", plural(min))
    } else if got < min {
        format!("{fname}() takes at least {min} argument{} ({got} given)", plural(min))
    } else if got > max {
        format!("{fname}() takes at most {max} argument{} ({got} given)", plural(max))
    } else {
        return Ok(args.vals);
    };
    Err(vm.type_error(m))
}

fn float_clock(vm: &mut Vm, clk: i32) -> PyResult {
    let ns = clock_ns(clk).unwrap_or(0);
    Ok(crate::float::new_float(vm, ns_to_secs(ns)))
}

fn ns_clock(vm: &mut Vm, clk: i32) -> PyResult {
    let ns = clock_ns(clk).unwrap_or(0);
    Ok(crate::int::from_bigint(vm, num_bigint::BigInt::from(ns)))
}

fn t_time(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "time.time", 0, 0)?;
    float_clock(vm, CLOCK_REALTIME)
}
fn t_time_ns(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "time.time_ns", 0, 0)?;
    ns_clock(vm, CLOCK_REALTIME)
}
fn t_monotonic(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "time.monotonic", 0, 0)?;
    float_clock(vm, CLOCK_MONOTONIC)
}
fn t_monotonic_ns(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "time.monotonic_ns", 0, 0)?;
    ns_clock(vm, CLOCK_MONOTONIC)
}
fn t_perf_counter(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "time.perf_counter", 0, 0)?;
    float_clock(vm, CLOCK_MONOTONIC)
}
fn t_perf_counter_ns(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "time.perf_counter_ns", 0, 0)?;
    ns_clock(vm, CLOCK_MONOTONIC)
}
fn t_process_time(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "time.process_time", 0, 0)?;
    float_clock(vm, CLOCK_PROCESS_CPUTIME_ID)
}
fn t_process_time_ns(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "time.process_time_ns", 0, 0)?;
    ns_clock(vm, CLOCK_PROCESS_CPUTIME_ID)
}
fn t_thread_time(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "time.thread_time", 0, 0)?;
    float_clock(vm, CLOCK_THREAD_CPUTIME_ID)
}
fn t_thread_time_ns(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "time.thread_time_ns", 0, 0)?;
    ns_clock(vm, CLOCK_THREAD_CPUTIME_ID)
}

fn clock_id(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let i = crate::number::index_i64(vm, v)?;
    i32::try_from(i).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

fn os_error(vm: &mut Vm) -> PyErr {
    crate::exceptions::os_error_from_io(vm, &std::io::Error::last_os_error(), None)
}

fn t_clock_gettime(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse_args(vm, &args, "clock_gettime", 1, 1)?;
    let clk = clock_id(vm, a[0])?;
    match clock_ns(clk) {
        Some(ns) => Ok(crate::float::new_float(vm, ns_to_secs(ns))),
        None => Err(os_error(vm)),
    }
}

fn t_clock_gettime_ns(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse_args(vm, &args, "clock_gettime_ns", 1, 1)?;
    let clk = clock_id(vm, a[0])?;
    match clock_ns(clk) {
        Some(ns) => Ok(crate::int::from_bigint(vm, num_bigint::BigInt::from(ns))),
        None => Err(os_error(vm)),
    }
}

fn t_clock_getres(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse_args(vm, &args, "clock_getres", 1, 1)?;
    let clk = clock_id(vm, a[0])?;
    match clock_res(clk) {
        Some(r) => Ok(crate::float::new_float(vm, r)),
        None => Err(os_error(vm)),
    }
}

fn t_get_clock_info(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse_args(vm, &args, "get_clock_info", 1, 1)?;
    let Some(name) = crate::str::as_str(a[0]) else {
        let m = format!("get_clock_info() argument 1 must be str, not {}", vm.type_name(a[0]));
        return Err(vm.type_error(m));
    };
    let (imp, clk, monotonic, adjustable) = match name {
        "time" => ("clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, true, false),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let ns_type = vm.t.simple_namespace;
    let ns = crate::object_type::new_instance(vm, ns_type);
    let imp = crate::str::alloc_str(vm, imp);
    let res = crate::float::new_float(vm, clock_res(clk).unwrap_or(1e-9));
    let (m, adj) = (vm.bool(monotonic), vm.bool(adjustable));
    for (k, v) in [("implementation", imp), ("monotonic", m), ("adjustable", adj), ("resolution", res)] {
        let k = vm.intern(k);
        crate::attr::generic_setattr(vm, ns, k, v)?;
    }
    Ok(ns)
}

fn t_sleep(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "time.sleep", 1, 1)?;
    let secs = match crate::float::as_f64(a[0]) {
        Some(f) => f,
        None => crate::number::index_i64(vm, a[0])? as f64,
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs > 9.2e9 {
        return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    let end = Instant::now() + Duration::from_secs_f64(secs);
    loop {
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        std::thread::sleep(left.min(Duration::from_millis(50)));
        crate::signals::check(vm)?;
    }
    Ok(vm.none)
}

// ---- struct_time

const FIELDS: [&str; 11] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
];
/// Fields that are part of the tuple; the rest are attributes only.
const N_SEQUENCE: usize = 9;

thread_local! {
    static STRUCT_TIME: std::cell::Cell<Value> = const { std::cell::Cell::new(Value::NULL) };
}

fn struct_time_type() -> Value {
    STRUCT_TIME.with(|c| c.get())
}

/// A `time.struct_time` from its 11 field values: the first 9 are the tuple, the
/// zone and offset live in the object's (hidden) header dict.
/// The caller keeps the values alive (they are small ints, or items of a live
/// tuple, or locals it holds).
fn new_struct_time(vm: &mut Vm, ty: Value, vals: &[Value], zone: Value, gmtoff: Value) -> PyResult {
    let st = crate::tuple::alloc_tuple_of_type(vm, ty, vals.to_vec());
    let d = crate::func_type::header_dict(vm, st)?;
    crate::dict::set_item_str(vm, d, "tm_zone", zone)?;
    crate::dict::set_item_str(vm, d, "tm_gmtoff", gmtoff)?;
    std::hint::black_box((zone, gmtoff));
    Ok(st)
}

macro_rules! seq_getters {
    ($($fname:ident: $i:expr;)*) => {
        $( fn $fname(_vm: &mut Vm, v: Value) -> PyResult { Ok(crate::tuple::items(v)[$i]) } )*
    };
}
seq_getters! {
    get_year: 0; get_mon: 1; get_mday: 2; get_hour: 3; get_min: 4; get_sec: 5; get_wday: 6; get_yday: 7; get_isdst: 8;
}

fn extra_field(vm: &mut Vm, v: Value, name: &str) -> PyResult {
    let d = crate::func_type::header_dict(vm, v)?;
    Ok(crate::dict::get_item_str(vm, d, name)?.unwrap_or(vm.none))
}
fn get_zone(vm: &mut Vm, v: Value) -> PyResult {
    extra_field(vm, v, "tm_zone")
}
fn get_gmtoff(vm: &mut Vm, v: Value) -> PyResult {
    extra_field(vm, v, "tm_gmtoff")
}

/// `struct_time(sequence, dict=None)`.
fn struct_time_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [seq, dict] = args.shift().bind(vm, "structseq", ["sequence", "dict"], 1, 0)?;
    // Any iterable will do (PySequence_Fast).
    if crate::ops::iter(vm, seq).is_err() {
        return Err(vm.type_error("constructor requires a sequence"));
    }
    let items = crate::tuple::from_iterable(vm, seq)?;
    super::structseq::check_dict_arg(vm, dict, "time.struct_time")?;
    let n = crate::tuple::items(items).len();
    if n < N_SEQUENCE {
        let m = format!("time.struct_time() takes an at least 9-sequence ({n}-sequence given)");
        return Err(vm.type_error(m));
    }
    if n > FIELDS.len() {
        let m = format!("time.struct_time() takes an at most 11-sequence ({n}-sequence given)");
        return Err(vm.type_error(m));
    }
    let given = crate::tuple::items(items);
    let mut extra = [vm.none; 2];
    for (i, name) in FIELDS[N_SEQUENCE..].iter().enumerate() {
        extra[i] = if N_SEQUENCE + i < n {
            given[N_SEQUENCE + i]
        } else if dict.is_null() || dict == vm.none {
            vm.none
        } else {
            let key = crate::str::alloc_str(vm, name);
            crate::ops::mapping_get(vm, dict, key)?.unwrap_or(vm.none)
        };
    }
    let r = new_struct_time(vm, cls, &given[..N_SEQUENCE], extra[0], extra[1]);
    std::hint::black_box((items, extra));
    r
}

fn struct_time_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let vals = crate::tuple::items(a[0]).to_vec();
    let mut parts = Vec::new();
    for (n, v) in FIELDS.iter().zip(vals.iter()) {
        parts.push(format!("{n}={}", crate::ops::repr_string(vm, *v)?));
    }
    std::hint::black_box(a[0]);
    Ok(crate::str::new_str(vm, format!("time.struct_time({})", parts.join(", "))))
}

/// Fields are read-only members; there is no instance dict for other names.
fn struct_time_setattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setattr__", 2, 3)?;
    let name = crate::str::as_str(a[1]).unwrap_or("");
    if FIELDS.contains(&name) {
        return Err(vm.attribute_error("readonly attribute"));
    }
    let m = format!("'time.struct_time' object has no attribute '{name}'");
    Err(vm.attribute_error(m))
}

fn struct_time_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    let st = a[0];
    let seq = crate::tuple::new_tuple(vm, crate::tuple::items(st).to_vec());
    let d = crate::dict::new_dict(vm);
    for name in &FIELDS[N_SEQUENCE..] {
        let v = extra_field(vm, st, name)?;
        crate::dict::set_item_str(vm, d, name, v)?;
    }
    let args = crate::tuple::new_tuple(vm, vec![seq, d]);
    let ty = vm.type_of(st);
    Ok(crate::tuple::new_tuple(vm, vec![ty, args]))
}

fn make_struct_time_type(vm: &mut Vm) -> PyResult {
    use crate::typeobj::{add_getter, add_method, add_static, new_static_type, set_attr_raw, tflag};
    let tuple = vm.t.tuple;
    let ty = new_static_type(vm, "struct_time", tuple, tflag::BASETYPE);
    vm.extra_roots.push(ty);
    STRUCT_TIME.with(|c| c.set(ty));
    let module = vm.intern("time");
    set_attr_raw(vm, ty, "__module__", module)?;
    add_static(vm, ty, "__new__", struct_time_new);
    add_method(vm, ty, "__repr__", struct_time_repr);
    add_method(vm, ty, "__reduce__", struct_time_reduce);
    add_method(vm, ty, "__setattr__", struct_time_setattr);
    add_method(vm, ty, "__delattr__", struct_time_setattr);
    let getters: [crate::function::Getter; 11] =
        [get_year, get_mon, get_mday, get_hour, get_min, get_sec, get_wday, get_yday, get_isdst, get_zone, get_gmtoff];
    for (name, g) in FIELDS.iter().zip(getters) {
        add_getter(vm, ty, name, g);
    }
    for (name, n) in [("n_sequence_fields", 9), ("n_fields", 11), ("n_unnamed_fields", 0)] {
        set_attr_raw(vm, ty, name, Value::small(n))?;
    }
    // The names go into a list as they are made (a Vec would not root them).
    let names = crate::list::new_list(vm, vec![]);
    for n in &FIELDS[..N_SEQUENCE] {
        let v = crate::str::alloc_str(vm, n);
        crate::list::lobj(names).items.borrow_mut().push(v);
    }
    let ma = crate::list::list_to_tuple(vm, names);
    set_attr_raw(vm, ty, "__match_args__", ma)?;
    Ok(ty)
}

/// A struct_time from a C `struct tm` (CPython's `tmtotuple`).
fn tm_to_struct(vm: &mut Vm, tm: &Tm, zone: Option<&str>, gmtoff: i64) -> PyResult {
    let nums = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ];
    let vals: Vec<Value> = nums.iter().map(|&n| Value::small(n)).collect();
    let z = match zone {
        Some(z) => crate::str::alloc_str(vm, z),
        None => vm.none,
    };
    let off = crate::int::from_i64(vm, gmtoff);
    let ty = struct_time_type();
    new_struct_time(vm, ty, &vals, z, off)
}

fn zone_of(tm: &Tm) -> Option<String> {
    if tm.tm_zone.is_null() {
        return None;
    }
    // SAFETY: tm_zone was set by the C library to a NUL-terminated string that
    // lives as long as the time zone data (or points into our own CString).
    Some(unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned())
}

fn timestamp_overflow(vm: &mut Vm) -> PyErr {
    vm.overflow_error("timestamp out of range for platform time_t")
}

/// `_PyTime_ObjectToTime_t` with floor rounding; None/absent means now.
fn seconds_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    let v = match v {
        Some(v) if v != vm.none => v,
        _ => return Ok((clock_ns(CLOCK_REALTIME).unwrap_or(0) / 1_000_000_000) as i64),
    };
    if let Some(f) = crate::float::as_f64(v) {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let f = f.floor();
        if !(-9.223372036854776e18..9.223372036854776e18).contains(&f) {
            return Err(timestamp_overflow(vm));
        }
        return Ok(f as i64);
    }
    let b = crate::number::index_bigint(vm, v)?;
    num_traits::ToPrimitive::to_i64(&b).ok_or_else(|| timestamp_overflow(vm))
}

fn broken_down(vm: &mut Vm, t: i64, local: bool) -> PyResult {
    let mut tm = Tm::zeroed();
    // SAFETY: localtime_r/gmtime_r read our i64 and write into our local struct;
    // they are the thread-safe variants.
    let ok = unsafe {
        if local {
            !localtime_r(&t, &mut tm).is_null()
        } else {
            !gmtime_r(&t, &mut tm).is_null()
        }
    };
    if !ok {
        let e = std::io::Error::last_os_error();
        let e = if e.raw_os_error().unwrap_or(0) == 0 { std::io::Error::from_raw_os_error(22) } else { e };
        return Err(crate::exceptions::os_error_from_io(vm, &e, None));
    }
    let zone = zone_of(&tm);
    tm_to_struct(vm, &tm, zone.as_deref(), tm.tm_gmtoff as i64)
}

fn t_gmtime(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse_args(vm, &args, "gmtime", 0, 1)?;
    let t = seconds_arg(vm, a.first().copied())?;
    broken_down(vm, t, false)
}

fn t_localtime(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse_args(vm, &args, "localtime", 0, 1)?;
    let t = seconds_arg(vm, a.first().copied())?;
    broken_down(vm, t, true)
}

/// A C int from a time tuple item (the "i" argument format).
fn tuple_int(vm: &mut Vm, v: Value) -> PyResult<c_int> {
    if crate::float::as_f64(v).is_some() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let b = crate::number::index_bigint(vm, v)?;
    match num_traits::ToPrimitive::to_i64(&b) {
        Some(i) if i > c_int::MAX as i64 => Err(vm.overflow_error("signed integer is greater than maximum")),
        Some(i) if i < c_int::MIN as i64 => Err(vm.overflow_error("signed integer is less than minimum")),
        Some(i) => Ok(i as c_int),
        None if num_traits::Signed::is_negative(&b) => Err(vm.overflow_error("signed integer is less than minimum")),
        None => Err(vm.overflow_error("signed integer is greater than maximum")),
    }
}

/// CPython's `gettmarg`: a 9-tuple (or struct_time) to a `struct tm`. The zone
/// name, when the argument carries one, is returned to keep it alive.
fn time_tuple(vm: &mut Vm, v: Value, fname: &str) -> PyResult<(Tm, Option<CString>)> {
    if !crate::tuple::is_tuple(v) {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    }
    let items = crate::tuple::items(v).to_vec();
    if items.len() != N_SEQUENCE {
        let m = format!("{fname}(): illegal time tuple argument");
        return Err(vm.type_error(m));
    }
    let mut n = [0 as c_int; 9];
    for (slot, item) in n.iter_mut().zip(items.iter()) {
        *slot = tuple_int(vm, *item)?;
    }
    std::hint::black_box(v);
    if n[0] < c_int::MIN + 1900 {
        return Err(vm.overflow_error("year out of range"));
    }
    let mut tm = Tm::zeroed();
    tm.tm_year = n[0] - 1900;
    tm.tm_mon = n[1].wrapping_sub(1);
    tm.tm_mday = n[2];
    tm.tm_hour = n[3];
    tm.tm_min = n[4];
    tm.tm_sec = n[5];
    tm.tm_wday = (n[6].wrapping_add(1)) % 7;
    tm.tm_yday = n[7].wrapping_sub(1);
    tm.tm_isdst = n[8];
    let mut zone = None;
    if vm.type_of(v) == struct_time_type() {
        let z = extra_field(vm, v, "tm_zone")?;
        if z != vm.none {
            let s = crate::str::as_str(z).ok_or_else(|| vm.type_error("bad argument type for built-in operation"))?;
            let c = CString::new(s).map_err(|_| vm.value_error("embedded null character"))?;
            tm.tm_zone = c.as_ptr();
            zone = Some(c);
        }
        let off = extra_field(vm, v, "tm_gmtoff")?;
        if off != vm.none {
            tm.tm_gmtoff = crate::number::index_i64(vm, off)? as c_long;
        }
    }
    Ok((tm, zone))
}

/// CPython's `checktm`: range checks before indexing name tables; zeros are
/// accepted for the month, day and day of year.
fn check_tm(vm: &mut Vm, tm: &mut Tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    Ok(())
}

fn now_local() -> Tm {
    let t = (clock_ns(CLOCK_REALTIME).unwrap_or(0) / 1_000_000_000) as i64;
    let mut tm = Tm::zeroed();
    // SAFETY: localtime_r reads our i64 and writes into our local struct.
    unsafe { localtime_r(&t, &mut tm) };
    tm
}

fn t_strftime(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse_args(vm, &args, "strftime", 1, 2)?;
    let Some(fmt) = crate::str::as_str(a[0]) else {
        let m = format!("strftime() argument 1 must be str, not {}", vm.type_name(a[0]));
        return Err(vm.type_error(m));
    };
    let (mut tm, _zone) = match a.get(1) {
        Some(t) => time_tuple(vm, *t, "strftime")?,
        None => (now_local(), None),
    };
    check_tm(vm, &mut tm)?;
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    let cfmt = CString::new(fmt).map_err(|_| vm.value_error("embedded null character"))?;
    let fmtlen = fmt.len();
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: buf has `size` writable bytes, cfmt is NUL-terminated, and tm
        // (with its zone string kept alive in `_zone`) is a valid struct tm.
        let n = unsafe { strftime(buf.as_mut_ptr() as *mut c_char, size, cfmt.as_ptr(), &tm) };
        if n > 0 || size >= 256 * fmtlen {
            let s = String::from_utf8_lossy(&buf[..n]).into_owned();
            return Ok(crate::str::new_str(vm, s));
        }
        size += size;
    }
}

/// `asctime` text: "Thu Jan  1 00:00:00 1970".
fn asctime_text(tm: &Tm) -> String {
    const WDAY: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MON: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        WDAY[tm.tm_wday.rem_euclid(7) as usize],
        MON[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    )
}

fn t_asctime(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "asctime", 0, 1)?;
    let tm = match a.first() {
        Some(t) => {
            let (mut tm, _zone) = time_tuple(vm, *t, "asctime")?;
            check_tm(vm, &mut tm)?;
            tm
        }
        None => now_local(),
    };
    Ok(crate::str::new_str(vm, asctime_text(&tm)))
}

fn t_ctime(vm: &mut Vm, args: Args) -> PyResult {
    let a = parse_args(vm, &args, "ctime", 0, 1)?;
    let t = seconds_arg(vm, a.first().copied())?;
    let mut tm = Tm::zeroed();
    // SAFETY: localtime_r reads our i64 and writes into our local struct.
    if unsafe { localtime_r(&t, &mut tm) }.is_null() {
        return Err(os_error(vm));
    }
    Ok(crate::str::new_str(vm, asctime_text(&tm)))
}

fn t_mktime(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "time.mktime", 1, 1)?;
    let (mut tm, _zone) = time_tuple(vm, a[0], "mktime")?;
    // tm_wday stays -1 only if mktime failed (-1 is also a valid result).
    tm.tm_wday = -1;
    // SAFETY: tm is a valid struct tm that mktime normalises in place.
    let t = unsafe { mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    Ok(crate::float::new_float(vm, t as f64))
}

fn t_strptime(vm: &mut Vm, args: Args) -> PyResult {
    let m = crate::import::import_dotted(vm, "_strptime")?;
    let name = vm.intern("_strptime_time");
    let f = crate::attr::getattr(vm, m, name)?;
    crate::call::call_args(vm, f, args)
}

/// `timezone`, `altzone`, `daylight` and `tzname` as CPython computes them on
/// glibc: from the local time of a January and a July instant of this year
/// (names at most 9 bytes; in the southern hemisphere the two are swapped).
fn init_timezone(vm: &mut Vm, m: Value) -> PyResult<()> {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    // SAFETY: tzset (re)reads TZ into the C library's time zone state.
    unsafe { tzset() };
    let probe = |t: i64| -> (String, i64) {
        let mut tm = Tm::zeroed();
        // SAFETY: localtime_r reads our i64 and writes into our local struct.
        unsafe { localtime_r(&t, &mut tm) };
        let mut name = zone_of(&tm).unwrap_or_else(|| "   ".into());
        name.truncate(9);
        (name, -(tm.tm_gmtoff as i64))
    };
    let now = (clock_ns(CLOCK_REALTIME).unwrap_or(0) / 1_000_000_000) as i64;
    let t = now / YEAR * YEAR;
    let (jan_name, jan_zone) = probe(t);
    let (jul_name, jul_zone) = probe(t + YEAR / 2);
    const MAX_TIMEZONE: i64 = 48 * 3600;
    if jan_zone.abs() > MAX_TIMEZONE || jul_zone.abs() > MAX_TIMEZONE {
        return Err(vm.runtime_error("invalid GMT offset"));
    }
    let (tz, alt, names) = if jan_zone < jul_zone {
        (jul_zone, jan_zone, [jul_name, jan_name])
    } else {
        (jan_zone, jul_zone, [jan_name, jul_name])
    };
    let tzv = crate::int::from_i64(vm, tz);
    super::set_attr(vm, m, "timezone", tzv)?;
    let alt = crate::int::from_i64(vm, alt);
    super::set_attr(vm, m, "altzone", alt)?;
    super::set_attr(vm, m, "daylight", Value::small((jan_zone != jul_zone) as i64))?;
    let n0 = crate::str::alloc_str(vm, &names[0]);
    let n1 = crate::str::alloc_str(vm, &names[1]);
    let t = crate::tuple::new_tuple(vm, vec![n0, n1]);
    super::set_attr(vm, m, "tzname", t)
}

fn t_tzset(vm: &mut Vm, args: Args) -> PyResult {
    args.exact(vm, "time.tzset", 0, 0)?;
    let m = crate::import::import_dotted(vm, "time")?;
    init_timezone(vm, m)?;
    Ok(vm.none)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let ty = make_struct_time_type(vm)?;
    super::set_attr(vm, m, "struct_time", ty)?;
    // struct_time's field count (tm_zone and tm_gmtoff included).
    super::set_attr(vm, m, "_STRUCT_TM_ITEMS", Value::small(FIELDS.len() as i64))?;
    init_timezone(vm, m)?;
    for (name, v) in [
        ("CLOCK_REALTIME", CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", CLOCK_MONOTONIC),
        ("CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_MONOTONIC_RAW", 4),
        ("CLOCK_BOOTTIME", 7),
        ("CLOCK_TAI", 11),
    ] {
        super::set_attr(vm, m, name, Value::small(v as i64))?;
    }
    super::add_functions(vm, m, &[
        ("time", t_time),
        ("time_ns", t_time_ns),
        ("monotonic", t_monotonic),
        ("monotonic_ns", t_monotonic_ns),
        ("perf_counter", t_perf_counter),
        ("perf_counter_ns", t_perf_counter_ns),
        ("process_time", t_process_time),
        ("process_time_ns", t_process_time_ns),
        ("thread_time", t_thread_time),
        ("thread_time_ns", t_thread_time_ns),
        ("clock_gettime", t_clock_gettime),
        ("clock_gettime_ns", t_clock_gettime_ns),
        ("clock_getres", t_clock_getres),
        ("get_clock_info", t_get_clock_info),
        ("sleep", t_sleep),
        ("gmtime", t_gmtime),
        ("localtime", t_localtime),
        ("mktime", t_mktime),
        ("strftime", t_strftime),
        ("strptime", t_strptime),
        ("asctime", t_asctime),
        ("ctime", t_ctime),
        ("tzset", t_tzset),
    ])
}
