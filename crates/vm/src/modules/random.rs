//! The `_random` module, following CPython's Modules/_randommodule.c: the
//! Mersenne Twister MT19937 behind `random.Random`, seeded exactly as CPython
//! seeds it (an int's absolute value split into 32-bit words for
//! `init_by_array`, other objects through their hash, None from the OS), so a
//! given seed yields CPython's numbers.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::{add_method, add_static, new_static_type, set_attr_raw, tflag};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};
use std::cell::{Cell, RefCell};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len();
        for _ in 0..N.max(len) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    fn genrand_u32(&mut self) -> u32 {
        let mag01 = [0u32, MATRIX_A];
        if self.index >= N {
            let mt = &mut self.state;
            let mut kk = 0;
            while kk < N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[(y & 1) as usize];
                kk += 1;
            }
            while kk < N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01[(y & 1) as usize];
                kk += 1;
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    fn random(&mut self) -> f64 {
        let a = (self.genrand_u32() >> 5) as f64;
        let b = (self.genrand_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

pub struct RandomObj {
    /// Boxed: the 2.5 KB state exceeds the heap's size classes.
    mt: RefCell<Box<Mt>>,
}

impl Trace for RandomObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(RandomObj, "Random");

thread_local! {
    static RANDOM_TYPE: Cell<Value> = const { Cell::new(Value::NULL) };
}

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static RandomObj> {
    match v.downcast::<RandomObj>() {
        Some(r) => Ok(r),
        None => {
            let m = format!("descriptor requires a '_random.Random' object but received a '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

/// Seeds from the OS (CPython's `random_seed_urandom`), or from the time and
/// process id if that fails.
fn seed_from_os(mt: &mut Mt) {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).is_ok();
    if ok {
        let key: Vec<u32> = buf.chunks(4).map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).collect();
        mt.init_by_array(&key);
    } else {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        let key = [now.as_secs() as u32, now.subsec_nanos(), std::process::id(), (now.as_secs() >> 32) as u32];
        mt.init_by_array(&key);
    }
}

/// `random_seed`: None, an int (its absolute value) or anything hashable.
fn seed(vm: &mut Vm, r: &RandomObj, arg: Value) -> PyResult<()> {
    if arg.is_null() || arg == vm.none {
        seed_from_os(&mut r.mt.borrow_mut());
        return Ok(());
    }
    let n: BigInt = match crate::int::to_bigint(vm, arg) {
        // int.__abs__, never a subclass's own __abs__.
        Some(b) => b.abs(),
        None => {
            let h = crate::hash::hash(vm, arg)?;
            BigInt::from(h as u64)
        }
    };
    // The absolute value as little-endian 32-bit words, at least one.
    let (_, mut key) = n.to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    r.mt.borrow_mut().init_by_array(&key);
    Ok(())
}

fn random_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let mut mt = Mt { state: [0; N], index: N + 1 };
    // Seeded again by __init__; an unseeded generator still works.
    mt.init_genrand(5489);
    Ok(vm.alloc(cls, RandomObj { mt: RefCell::new(Box::new(mt)) }))
}

fn random_init(vm: &mut Vm, args: Args) -> PyResult {
    let self_ = args.vals[0];
    let r = this(vm, self_)?;
    let ty = vm.type_of(self_);
    let base = RANDOM_TYPE.with(|c| c.get());
    let own_init = ty == base || crate::typeobj::lookup_str(vm, ty, "__init__") == crate::typeobj::lookup_str(vm, base, "__init__");
    if own_init && args.has_kw() {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    let pos = &args.pos()[1..];
    if pos.len() > 1 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    seed(vm, r, pos.first().copied().unwrap_or(Value::NULL))?;
    Ok(vm.none)
}

fn random_seed(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "seed", 0, 1)?;
    let r = this(vm, a[0])?;
    seed(vm, r, a.get(1).copied().unwrap_or(Value::NULL))?;
    Ok(vm.none)
}

fn random_random(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "Random.random", 0, 0)?;
    let r = this(vm, a[0])?;
    let x = r.mt.borrow_mut().random();
    Ok(crate::float::new_float(vm, x))
}

fn random_getrandbits(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "Random.getrandbits", 1, 1)?;
    let r = this(vm, a[0])?;
    let k = crate::number::index_c_int(vm, a[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::small(0));
    }
    let mut mt = r.mt.borrow_mut();
    if k <= 32 {
        let v = mt.genrand_u32() >> (32 - k);
        drop(mt);
        return Ok(crate::int::from_i64(vm, v as i64));
    }
    // Little-endian 32-bit words; the last one keeps only its top bits.
    let words = ((k - 1) / 32 + 1) as usize;
    let mut digits = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut w = mt.genrand_u32();
        if left < 32 {
            w >>= 32 - left;
        }
        digits.push(w);
        left -= 32;
    }
    drop(mt);
    let b = BigInt::from_slice(Sign::Plus, &digits);
    Ok(crate::int::from_bigint(vm, b))
}

fn random_getstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "Random.getstate", 0, 0)?;
    let r = this(vm, a[0])?;
    let (state, index) = {
        let mt = r.mt.borrow();
        (mt.state, mt.index)
    };
    let buf = crate::list::ValueBuf::new(vm);
    for w in state {
        let v = crate::int::from_i64(vm, w as i64);
        buf.push(v);
    }
    let iv = crate::int::from_usize(vm, index);
    buf.push(iv);
    Ok(buf.into_tuple(vm))
}

fn random_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "Random.setstate", 1, 1)?;
    let r = this(vm, a[0])?;
    let st = a[1];
    if !crate::typeobj::is_instance(vm, st, vm.t.tuple) {
        return Err(vm.type_error("state vector must be a tuple"));
    }
    let items = crate::tuple::items(st);
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (i, v) in items[..N].iter().enumerate() {
        state[i] = as_ulong(vm, *v)? as u32;
    }
    let index = as_long(vm, items[N])?;
    if !(0..=N as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    let mut mt = r.mt.borrow_mut();
    mt.state = state;
    mt.index = index as usize;
    Ok(vm.none)
}

/// `PyLong_AsUnsignedLong`: ints only.
fn as_ulong(vm: &mut Vm, v: Value) -> PyResult<u64> {
    let Some(b) = crate::int::to_bigint(vm, v) else {
        return Err(vm.type_error("an integer is required"));
    };
    if b.is_negative() {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    b.to_u64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C unsigned long"))
}

/// `PyLong_AsLong` (which accepts `__index__`).
fn as_long(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let b = crate::number::index_bigint(vm, v)?;
    b.to_i64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let obj = vm.t.object;
    let t = new_static_type(vm, "_random.Random", obj, tflag::BASETYPE);
    super::array::short_qualname(t);
    let modname = vm.intern("_random");
    set_attr_raw(vm, t, "__module__", modname)?;
    add_static(vm, t, "__new__", random_new);
    add_method(vm, t, "__init__", random_init);
    add_method(vm, t, "seed", random_seed);
    add_method(vm, t, "random", random_random);
    add_method(vm, t, "getrandbits", random_getrandbits);
    add_method(vm, t, "getstate", random_getstate);
    add_method(vm, t, "setstate", random_setstate);
    RANDOM_TYPE.with(|c| c.set(t));
    vm.extra_roots.push(t);
    super::set_attr(vm, m, "Random", t)?;
    Ok(())
}
