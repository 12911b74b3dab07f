//! The builtin hash modules hashlib falls back on without OpenSSL: `_md5`,
//! `_sha1`, `_sha256` (sha224, sha256) and `_sha512` (sha384, sha512), as in
//! CPython's Modules/md5module.c, sha1module.c, sha256module.c and
//! sha512module.c. Each constructor makes an object with `update`, `digest`,
//! `hexdigest`, `copy` and the `name`/`digest_size`/`block_size` attributes.
//! The digests come from the RustCrypto crates.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::{add_getter, add_method, add_static, new_static_type, set_attr_raw};
use crate::value::Value;
use crate::vm::Vm;
use sha2::Digest;
use std::cell::{Cell, RefCell};

#[derive(Clone)]
enum Hasher {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Algo {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha3_224,
    Sha3_256,
    Sha3_384,
    Sha3_512,
    Shake128,
    Shake256,
}

const ALGOS: [Algo; 12] = [
    Algo::Md5,
    Algo::Sha1,
    Algo::Sha224,
    Algo::Sha256,
    Algo::Sha384,
    Algo::Sha512,
    Algo::Sha3_224,
    Algo::Sha3_256,
    Algo::Sha3_384,
    Algo::Sha3_512,
    Algo::Shake128,
    Algo::Shake256,
];

impl Algo {
    fn name(self) -> &'static str {
        match self {
            Algo::Md5 => "md5",
            Algo::Sha1 => "sha1",
            Algo::Sha224 => "sha224",
            Algo::Sha256 => "sha256",
            Algo::Sha384 => "sha384",
            Algo::Sha512 => "sha512",
            Algo::Sha3_224 => "sha3_224",
            Algo::Sha3_256 => "sha3_256",
            Algo::Sha3_384 => "sha3_384",
            Algo::Sha3_512 => "sha3_512",
            Algo::Shake128 => "shake_128",
            Algo::Shake256 => "shake_256",
        }
    }
    fn module(self) -> &'static str {
        match self {
            Algo::Md5 => "_md5",
            Algo::Sha1 => "_sha1",
            Algo::Sha224 | Algo::Sha256 => "_sha256",
            Algo::Sha384 | Algo::Sha512 => "_sha512",
            _ => "_sha3",
        }
    }
    fn digest_size(self) -> usize {
        match self {
            Algo::Md5 => 16,
            Algo::Sha1 => 20,
            Algo::Sha224 => 28,
            Algo::Sha256 => 32,
            Algo::Sha384 => 48,
            Algo::Sha512 => 64,
            Algo::Sha3_224 => 28,
            Algo::Sha3_256 => 32,
            Algo::Sha3_384 => 48,
            Algo::Sha3_512 => 64,
            // Extendable output: the length is given to digest().
            Algo::Shake128 | Algo::Shake256 => 0,
        }
    }
    fn block_size(self) -> usize {
        match self {
            Algo::Sha384 | Algo::Sha512 => 128,
            Algo::Sha3_224 => 144,
            Algo::Sha3_256 | Algo::Shake256 => 136,
            Algo::Sha3_384 => 104,
            Algo::Sha3_512 => 72,
            Algo::Shake128 => 168,
            _ => 64,
        }
    }
    fn is_sha3(self) -> bool {
        self.module() == "_sha3"
    }
    fn is_shake(self) -> bool {
        matches!(self, Algo::Shake128 | Algo::Shake256)
    }
    fn new_hasher(self) -> Hasher {
        match self {
            Algo::Md5 => Hasher::Md5(md5::Md5::new()),
            Algo::Sha1 => Hasher::Sha1(sha1::Sha1::new()),
            Algo::Sha224 => Hasher::Sha224(sha2::Sha224::new()),
            Algo::Sha256 => Hasher::Sha256(sha2::Sha256::new()),
            Algo::Sha384 => Hasher::Sha384(sha2::Sha384::new()),
            Algo::Sha512 => Hasher::Sha512(sha2::Sha512::new()),
            Algo::Sha3_224 => Hasher::Sha3_224(sha3::Sha3_224::new()),
            Algo::Sha3_256 => Hasher::Sha3_256(sha3::Sha3_256::new()),
            Algo::Sha3_384 => Hasher::Sha3_384(sha3::Sha3_384::new()),
            Algo::Sha3_512 => Hasher::Sha3_512(sha3::Sha3_512::new()),
            Algo::Shake128 => Hasher::Shake128(sha3::Shake128::default()),
            Algo::Shake256 => Hasher::Shake256(sha3::Shake256::default()),
        }
    }
    fn index(self) -> usize {
        ALGOS.iter().position(|a| *a == self).unwrap_or(0)
    }
}

impl Hasher {
    fn update(&mut self, d: &[u8]) {
        match self {
            Hasher::Md5(h) => h.update(d),
            Hasher::Sha1(h) => h.update(d),
            Hasher::Sha224(h) => h.update(d),
            Hasher::Sha256(h) => h.update(d),
            Hasher::Sha384(h) => h.update(d),
            Hasher::Sha512(h) => h.update(d),
            Hasher::Sha3_224(h) => h.update(d),
            Hasher::Sha3_256(h) => h.update(d),
            Hasher::Sha3_384(h) => h.update(d),
            Hasher::Sha3_512(h) => h.update(d),
            Hasher::Shake128(h) => sha3::digest::Update::update(h, d),
            Hasher::Shake256(h) => sha3::digest::Update::update(h, d),
        }
    }
    /// The digest so far (the state itself is kept for later updates); `len`
    /// bytes of a SHAKE's output.
    fn digest(&self, len: usize) -> Vec<u8> {
        use sha3::digest::{ExtendableOutput, XofReader};
        match self.clone() {
            Hasher::Sha3_224(h) => h.finalize().to_vec(),
            Hasher::Sha3_256(h) => h.finalize().to_vec(),
            Hasher::Sha3_384(h) => h.finalize().to_vec(),
            Hasher::Sha3_512(h) => h.finalize().to_vec(),
            Hasher::Shake128(h) => {
                let mut out = vec![0u8; len];
                h.finalize_xof().read(&mut out);
                out
            }
            Hasher::Shake256(h) => {
                let mut out = vec![0u8; len];
                h.finalize_xof().read(&mut out);
                out
            }
            Hasher::Md5(h) => h.finalize().to_vec(),
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha224(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
        }
    }
}

pub struct HashObj {
    algo: Algo,
    state: RefCell<Hasher>,
}

impl Trace for HashObj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(HashObj, "hash");

thread_local! {
    /// One type per algorithm, in `ALGOS` order (NULL until its module is imported).
    static TYPES: Cell<[Value; 12]> = const { Cell::new([Value::NULL; 12]) };
}

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static HashObj> {
    match v.downcast::<HashObj>() {
        Some(h) => Ok(h),
        None => {
            let m = format!("descriptor requires a hash object but received a '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

/// The bytes of data to hash (CPython's GET_BUFFER_VIEW_OR_ERROUT).
fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if crate::str::as_str(v).is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match crate::bytes::buffer_bytes(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

fn make(vm: &mut Vm, algo: Algo, args: Args) -> PyResult {
    let name = algo.name();
    let data = if algo.is_sha3() {
        // sha3_*(data=b'', /, *, usedforsecurity=True); CPython's shared
        // argument parser names every one "sha3_224" in its messages.
        let name = "sha3_224";
        for (k, _) in args.kw() {
            if crate::str::as_str(k) != Some("usedforsecurity") {
                return Err(crate::object::invalid_keyword(vm, name, crate::str::as_str(k).unwrap_or("?")));
            }
        }
        if args.pos().len() > 1 {
            let m = format!("{name}() takes at most 1 positional argument ({} given)", args.pos().len());
            return Err(vm.type_error(m));
        }
        args.pos().first().copied().unwrap_or(Value::NULL)
    } else {
        args.bind(vm, name, ["string", "usedforsecurity"], 0, 0)?[0]
    };
    if !algo.is_sha3() && args.pos().len() > 1 {
        let m = format!("{name}() takes at most 1 positional argument ({} given)", args.pos().len());
        return Err(vm.type_error(m));
    }
    let mut h = algo.new_hasher();
    if !data.is_null() {
        let d = data_arg(vm, data)?;
        h.update(&d);
    }
    let t = TYPES.with(|c| c.get())[algo.index()];
    Ok(vm.alloc(t, HashObj { algo, state: RefCell::new(h) }))
}

fn new_md5(vm: &mut Vm, args: Args) -> PyResult {
    make(vm, Algo::Md5, args)
}
fn new_sha1(vm: &mut Vm, args: Args) -> PyResult {
    make(vm, Algo::Sha1, args)
}
fn new_sha224(vm: &mut Vm, args: Args) -> PyResult {
    make(vm, Algo::Sha224, args)
}
fn new_sha256(vm: &mut Vm, args: Args) -> PyResult {
    make(vm, Algo::Sha256, args)
}
fn new_sha384(vm: &mut Vm, args: Args) -> PyResult {
    make(vm, Algo::Sha384, args)
}
fn new_sha512(vm: &mut Vm, args: Args) -> PyResult {
    make(vm, Algo::Sha512, args)
}
fn new_sha3_224(vm: &mut Vm, args: Args) -> PyResult {
    make(vm, Algo::Sha3_224, args)
}
fn new_sha3_256(vm: &mut Vm, args: Args) -> PyResult {
    make(vm, Algo::Sha3_256, args)
}
fn new_sha3_384(vm: &mut Vm, args: Args) -> PyResult {
    make(vm, Algo::Sha3_384, args)
}
fn new_sha3_512(vm: &mut Vm, args: Args) -> PyResult {
    make(vm, Algo::Sha3_512, args)
}
fn new_shake128(vm: &mut Vm, args: Args) -> PyResult {
    make(vm, Algo::Shake128, args)
}
fn new_shake256(vm: &mut Vm, args: Args) -> PyResult {
    make(vm, Algo::Shake256, args)
}

/// "sha1.update": a method's name qualified by its type's, for messages.
fn qual(args: &Args, method: &str) -> String {
    let t = args.vals.first().and_then(|v| v.downcast::<HashObj>()).map_or("hash", |h| h.algo.name());
    format!("{t}.{method}")
}

fn h_update(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, &qual(&args, "update"), 1, 1)?;
    let h = this(vm, a[0])?;
    let d = data_arg(vm, a[1])?;
    h.state.borrow_mut().update(&d);
    Ok(vm.none)
}

/// The digest for `digest()`/`hexdigest()`; a SHAKE takes the output length.
fn digest_of(vm: &mut Vm, args: Args, name: &str) -> PyResult<Vec<u8>> {
    let shake = args.vals.first().and_then(|v| v.downcast::<HashObj>()).is_some_and(|h| h.algo.is_shake());
    if !shake {
        let a = args.method(vm, &qual(&args, name), 0, 0)?;
        return Ok(this(vm, a[0])?.state.borrow().digest(0));
    }
    let a = args.method(vm, &qual(&args, name), 1, 1)?;
    let (s, len) = (a[0], a[1]);
    let n = crate::number::index_i64(vm, len)?;
    if n < 0 {
        return Err(vm.value_error("value must be positive"));
    }
    if n >= 1 << 29 {
        return Err(vm.value_error("length is too large"));
    }
    Ok(this(vm, s)?.state.borrow().digest(n as usize))
}

fn h_digest(vm: &mut Vm, args: Args) -> PyResult {
    let d = digest_of(vm, args, "digest")?;
    Ok(crate::bytes::new_bytes(vm, d))
}

fn h_hexdigest(vm: &mut Vm, args: Args) -> PyResult {
    let d = digest_of(vm, args, "hexdigest")?;
    Ok(hex_str(vm, &d))
}

/// `hexdigest()`'s result: lowercase hex digits of `digest`.
pub(crate) fn hex_str(vm: &mut Vm, digest: &[u8]) -> Value {
    let s: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    crate::str::new_str(vm, s)
}

fn h_copy(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, &qual(&args, "copy"), 0, 0)?;
    let h = this(vm, a[0])?;
    let state = h.state.borrow().clone();
    let t = vm.type_of(a[0]);
    Ok(vm.alloc(t, HashObj { algo: h.algo, state: RefCell::new(state) }))
}

fn h_name(vm: &mut Vm, v: Value) -> PyResult {
    let h = this(vm, v)?;
    Ok(crate::str::alloc_str(vm, h.algo.name()))
}

fn h_digest_size(vm: &mut Vm, v: Value) -> PyResult {
    let h = this(vm, v)?;
    Ok(Value::small(h.algo.digest_size() as i64))
}

fn h_block_size(vm: &mut Vm, v: Value) -> PyResult {
    let h = this(vm, v)?;
    Ok(Value::small(h.algo.block_size() as i64))
}

fn h_rate_bits(vm: &mut Vm, v: Value) -> PyResult {
    let h = this(vm, v)?;
    Ok(Value::small(h.algo.block_size() as i64 * 8))
}

fn h_capacity_bits(vm: &mut Vm, v: Value) -> PyResult {
    let h = this(vm, v)?;
    Ok(Value::small(1600 - h.algo.block_size() as i64 * 8))
}

fn h_suffix(vm: &mut Vm, v: Value) -> PyResult {
    let h = this(vm, v)?;
    let b = if h.algo.is_shake() { 0x1f } else { 0x06 };
    Ok(crate::bytes::new_bytes(vm, vec![b]))
}

fn no_new(vm: &mut Vm, args: Args) -> PyResult {
    let m = format!("cannot create '{}' instances", crate::typeobj::type_name(args.vals[0]));
    Err(vm.type_error(m))
}

/// Makes the object type of `algo` and its constructor function in module `m`.
fn add_algo(vm: &mut Vm, m: Value, algo: Algo, ctor: crate::object::NativeFn) -> PyResult<()> {
    let obj = vm.t.object;
    let tname = format!("{}.{}", algo.module(), algo.name());
    let t = new_static_type(vm, &tname, obj, 0);
    super::array::short_qualname(t);
    let modname = vm.intern(algo.module());
    set_attr_raw(vm, t, "__module__", modname)?;
    add_static(vm, t, "__new__", no_new);
    add_method(vm, t, "update", h_update);
    add_method(vm, t, "digest", h_digest);
    add_method(vm, t, "hexdigest", h_hexdigest);
    add_method(vm, t, "copy", h_copy);
    add_getter(vm, t, "name", h_name);
    add_getter(vm, t, "digest_size", h_digest_size);
    add_getter(vm, t, "block_size", h_block_size);
    if algo.is_sha3() {
        add_getter(vm, t, "_capacity_bits", h_capacity_bits);
        add_getter(vm, t, "_rate_bits", h_rate_bits);
        add_getter(vm, t, "_suffix", h_suffix);
    }
    vm.extra_roots.push(t);
    TYPES.with(|c| {
        let mut ts = c.get();
        ts[algo.index()] = t;
        c.set(ts);
    });
    let name: &'static str = algo.name();
    super::add_functions(vm, m, &[(name, ctor)])
}

pub fn init_md5(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_algo(vm, m, Algo::Md5, new_md5)
}

pub fn init_sha1(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_algo(vm, m, Algo::Sha1, new_sha1)
}

pub fn init_sha256(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_algo(vm, m, Algo::Sha224, new_sha224)?;
    add_algo(vm, m, Algo::Sha256, new_sha256)
}

pub fn init_sha512(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_algo(vm, m, Algo::Sha384, new_sha384)?;
    add_algo(vm, m, Algo::Sha512, new_sha512)
}

pub fn init_sha3(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_algo(vm, m, Algo::Sha3_224, new_sha3_224)?;
    add_algo(vm, m, Algo::Sha3_256, new_sha3_256)?;
    add_algo(vm, m, Algo::Sha3_384, new_sha3_384)?;
    add_algo(vm, m, Algo::Sha3_512, new_sha3_512)?;
    add_algo(vm, m, Algo::Shake128, new_shake128)?;
    add_algo(vm, m, Algo::Shake256, new_shake256)?;
    let impl_name = crate::str::alloc_str(vm, "tiny_sha3");
    super::set_attr(vm, m, "implementation", impl_name)?;
    super::set_attr(vm, m, "keccakopt", Value::small(0))
}
