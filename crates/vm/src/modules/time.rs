//! The `time` module: clocks, sleep, and calendar conversions.

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn now() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

thread_local! {
    static START: Instant = Instant::now();
}

fn monotonic_ns() -> u128 {
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes into our local struct.
    unsafe { clock_gettime(1, &mut ts) };
    ts.sec as u128 * 1_000_000_000 + ts.nsec as u128
}

fn process_ns() -> u128 {
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes into our local struct; 2 = CLOCK_PROCESS_CPUTIME_ID.
    unsafe { clock_gettime(2, &mut ts) };
    ts.sec as u128 * 1_000_000_000 + ts.nsec as u128
}

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

extern "C" {
    fn clock_gettime(clk: i32, ts: *mut Timespec) -> i32;
}

fn t_time(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(crate::float::new_float(vm, now().as_secs_f64()))
}
fn t_time_ns(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(crate::int::from_bigint(vm, num_bigint::BigInt::from(now().as_nanos())))
}
fn t_monotonic(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(crate::float::new_float(vm, monotonic_ns() as f64 / 1e9))
}
fn t_monotonic_ns(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(crate::int::from_bigint(vm, num_bigint::BigInt::from(monotonic_ns())))
}
fn t_process_time(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(crate::float::new_float(vm, process_ns() as f64 / 1e9))
}
fn t_process_time_ns(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(crate::int::from_bigint(vm, num_bigint::BigInt::from(process_ns())))
}

fn t_sleep(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "sleep", 1, 1)?;
    let secs = crate::float::to_float(vm, a[0]).map_err(|_| { let __arg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(a[0])); vm.type_error(__arg) })?;
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
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

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    START.with(|_| ());
    super::add_functions(vm, m, &[
        ("time", t_time),
        ("time_ns", t_time_ns),
        ("monotonic", t_monotonic),
        ("monotonic_ns", t_monotonic_ns),
        ("perf_counter", t_monotonic),
        ("perf_counter_ns", t_monotonic_ns),
        ("process_time", t_process_time),
        ("process_time_ns", t_process_time_ns),
        ("sleep", t_sleep),
    ])
}
