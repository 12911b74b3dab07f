//! The `_blake2` module (CPython's Modules/_blake2): `blake2b` and `blake2s`
//! hash objects with every BLAKE2 parameter (digest size, key, salt,
//! personalization and the tree-hashing fields), computed by a BLAKE2b/BLAKE2s
//! implementation following RFC 7693 and the BLAKE2 parameter-block layout.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::{add_getter, add_method, add_static, new_static_type, set_attr_raw};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

const IV_B: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];
const IV_S: [u32; 8] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/// Mixing rounds and rotations of one BLAKE2 variant, over 64-bit (b) or
/// 32-bit (s) words.
macro_rules! compress_fn {
    ($name:ident, $w:ty, $iv:expr, $rounds:expr, $r1:expr, $r2:expr, $r3:expr, $r4:expr) => {
        fn $name(h: &mut [$w; 8], block: &[u8], t: u128, last: bool, last_node: bool) {
            const W: usize = std::mem::size_of::<$w>();
            let mut m = [0 as $w; 16];
            for (i, c) in block.chunks(W).enumerate() {
                let mut b = [0u8; W];
                b.copy_from_slice(c);
                m[i] = <$w>::from_le_bytes(b);
            }
            let mut v = [0 as $w; 16];
            v[..8].copy_from_slice(h);
            v[8..].copy_from_slice(&$iv);
            v[12] ^= t as $w;
            v[13] ^= (t >> (W * 8)) as $w;
            if last {
                v[14] = !v[14];
                if last_node {
                    v[15] = !v[15];
                }
            }
            let g = |v: &mut [$w; 16], a: usize, b: usize, c: usize, d: usize, x: $w, y: $w| {
                v[a] = v[a].wrapping_add(v[b]).wrapping_add(x);
                v[d] = (v[d] ^ v[a]).rotate_right($r1);
                v[c] = v[c].wrapping_add(v[d]);
                v[b] = (v[b] ^ v[c]).rotate_right($r2);
                v[a] = v[a].wrapping_add(v[b]).wrapping_add(y);
                v[d] = (v[d] ^ v[a]).rotate_right($r3);
                v[c] = v[c].wrapping_add(v[d]);
                v[b] = (v[b] ^ v[c]).rotate_right($r4);
            };
            for r in 0..$rounds {
                let s = &SIGMA[r % 10];
                g(&mut v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
                g(&mut v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
                g(&mut v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
                g(&mut v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
                g(&mut v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
                g(&mut v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
                g(&mut v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
                g(&mut v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
            }
            for i in 0..8 {
                h[i] ^= v[i] ^ v[i + 8];
            }
        }
    };
}

compress_fn!(compress_b, u64, IV_B, 12, 32, 24, 16, 63);
compress_fn!(compress_s, u32, IV_S, 10, 16, 12, 8, 7);

#[derive(Clone)]
enum Words {
    B([u64; 8]),
    S([u32; 8]),
}

#[derive(Clone)]
struct State {
    h: Words,
    /// Bytes compressed so far.
    t: u128,
    /// Pending input; a full block stays here until more input shows it is not the last.
    buf: Vec<u8>,
    digest_size: usize,
    last_node: bool,
}

impl State {
    fn block(&self) -> usize {
        match self.h {
            Words::B(_) => 128,
            Words::S(_) => 64,
        }
    }

    fn compress(&mut self, last: bool) {
        let n = self.block();
        let mut blk = self.buf[..self.buf.len().min(n)].to_vec();
        blk.resize(n, 0);
        match &mut self.h {
            Words::B(h) => compress_b(h, &blk, self.t, last, self.last_node),
            Words::S(h) => compress_s(h, &blk, self.t, last, self.last_node),
        }
    }

    fn update(&mut self, data: &[u8]) {
        let n = self.block();
        self.buf.extend_from_slice(data);
        while self.buf.len() > n {
            self.t += n as u128;
            self.compress(false);
            self.buf.drain(..n);
        }
    }

    fn digest(&self) -> Vec<u8> {
        let mut s = self.clone();
        s.t += s.buf.len() as u128;
        s.compress(true);
        let mut out = Vec::new();
        match s.h {
            Words::B(h) => h.iter().for_each(|w| out.extend_from_slice(&w.to_le_bytes())),
            Words::S(h) => h.iter().for_each(|w| out.extend_from_slice(&w.to_le_bytes())),
        }
        out.truncate(s.digest_size);
        out
    }
}

pub struct Blake2Obj {
    wide: bool,
    state: RefCell<State>,
}

impl Trace for Blake2Obj {
    fn trace(&self, _t: &mut Tracer) {}
}
payload!(Blake2Obj, "blake2");

thread_local! {
    /// blake2b, blake2s.
    static TYPES: Cell<[Value; 2]> = const { Cell::new([Value::NULL; 2]) };
}

/// Sizes of one variant: (max digest, max key, salt, person).
fn limits(wide: bool) -> (usize, usize, usize, usize) {
    if wide {
        (64, 64, 16, 16)
    } else {
        (32, 32, 8, 8)
    }
}

fn bytes_param(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if v.is_null() {
        return Ok(Vec::new());
    }
    crate::bytes::buffer_arg(vm, v)
}

fn int_param(vm: &mut Vm, v: Value, default: i64) -> PyResult<i64> {
    if v.is_null() {
        return Ok(default);
    }
    let b = crate::number::index_bigint(vm, v)?;
    num_traits::ToPrimitive::to_i64(&b).ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
}

/// An unsigned parameter parsed bitwise (negative values wrap, as CPython's
/// `unsigned_long(bitwise=True)` converters do).
fn unsigned_param(vm: &mut Vm, v: Value) -> PyResult<u64> {
    if v.is_null() {
        return Ok(0);
    }
    let b = crate::number::index_bigint(vm, v)?;
    let (_, digits) = b.to_u64_digits();
    let low = digits.first().copied().unwrap_or(0);
    Ok(if num_traits::Signed::is_negative(&b) { low.wrapping_neg() } else { low })
}

fn new_hash(vm: &mut Vm, args: Args, wide: bool) -> PyResult {
    let cls = args.vals[0];
    let rest = args.shift();
    let name = if wide { "blake2b" } else { "blake2s" };
    let [data, digest_size, key, salt, person, fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node, _usedforsecurity] = rest.bind(
        vm,
        name,
        ["data", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity"],
        0,
        1,
    )?;
    if rest.pos().len() > 1 {
        let m = format!("{name}() takes at most 1 positional argument ({} given)", rest.pos().len());
        return Err(vm.type_error(m));
    }
    let (max_digest, max_key, salt_size, person_size) = limits(wide);
    let ds = int_param(vm, digest_size, max_digest as i64)?;
    if ds <= 0 || ds > max_digest as i64 {
        return Err(vm.value_error(format!("digest_size must be between 1 and {max_digest} bytes")));
    }
    let salt = bytes_param(vm, salt)?;
    if salt.len() > salt_size {
        return Err(vm.value_error(format!("maximum salt length is {salt_size} bytes")));
    }
    let person = bytes_param(vm, person)?;
    if person.len() > person_size {
        return Err(vm.value_error(format!("maximum person length is {person_size} bytes")));
    }
    let fanout = int_param(vm, fanout, 1)?;
    if !(0..=255).contains(&fanout) {
        return Err(vm.value_error("fanout must be between 0 and 255"));
    }
    let depth = int_param(vm, depth, 1)?;
    if !(1..=255).contains(&depth) {
        return Err(vm.value_error("depth must be between 1 and 255"));
    }
    let leaf = unsigned_param(vm, leaf_size)?;
    if leaf > 0xffff_ffff {
        return Err(vm.overflow_error("leaf_size is too large"));
    }
    let offset = unsigned_param(vm, node_offset)?;
    if !wide && offset > 0xffff_ffff_ffff {
        return Err(vm.overflow_error("node_offset is too large"));
    }
    let node_depth = int_param(vm, node_depth, 0)?;
    if !(0..=255).contains(&node_depth) {
        return Err(vm.value_error("node_depth must be between 0 and 255"));
    }
    let inner = int_param(vm, inner_size, 0)?;
    if inner < 0 || inner > max_digest as i64 {
        return Err(vm.value_error(format!("inner_size must be between 0 and is {max_digest}")));
    }
    let last = if last_node.is_null() { false } else { crate::ops::truthy(vm, last_node)? };
    let key = bytes_param(vm, key)?;
    if key.len() > max_key {
        return Err(vm.value_error(format!("maximum key length is {max_key} bytes")));
    }

    // The parameter block, XORed into the IV.
    let mut p = vec![0u8; if wide { 64 } else { 32 }];
    p[0] = ds as u8;
    p[1] = key.len() as u8;
    p[2] = fanout as u8;
    p[3] = depth as u8;
    p[4..8].copy_from_slice(&(leaf as u32).to_le_bytes());
    if wide {
        p[8..16].copy_from_slice(&offset.to_le_bytes());
        p[16] = node_depth as u8;
        p[17] = inner as u8;
        p[32..32 + salt.len()].copy_from_slice(&salt);
        p[48..48 + person.len()].copy_from_slice(&person);
    } else {
        p[8..14].copy_from_slice(&offset.to_le_bytes()[..6]);
        p[14] = node_depth as u8;
        p[15] = inner as u8;
        p[16..16 + salt.len()].copy_from_slice(&salt);
        p[24..24 + person.len()].copy_from_slice(&person);
    }
    let h = if wide {
        let mut h = IV_B;
        for (i, c) in p.chunks(8).enumerate() {
            h[i] ^= u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        }
        Words::B(h)
    } else {
        let mut h = IV_S;
        for (i, c) in p.chunks(4).enumerate() {
            h[i] ^= u32::from_le_bytes(c.try_into().unwrap_or([0; 4]));
        }
        Words::S(h)
    };
    let mut state = State { h, t: 0, buf: Vec::new(), digest_size: ds as usize, last_node: last };
    if !key.is_empty() {
        // The key, padded to a full block, is hashed first.
        let mut k = key.clone();
        k.resize(state.block(), 0);
        state.buf = k;
    }
    if !data.is_null() {
        let d = data_arg(vm, data)?;
        state.update(&d);
    }
    Ok(vm.alloc(cls, Blake2Obj { wide, state: RefCell::new(state) }))
}

fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if crate::str::as_str(v).is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match crate::bytes::buffer_bytes(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

fn new_b(vm: &mut Vm, args: Args) -> PyResult {
    new_hash(vm, args, true)
}

fn new_s(vm: &mut Vm, args: Args) -> PyResult {
    new_hash(vm, args, false)
}

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static Blake2Obj> {
    v.downcast::<Blake2Obj>().ok_or_else(|| {
        let m = format!("descriptor requires a blake2 object but received a '{}'", vm.type_name(v));
        vm.type_error(m)
    })
}

fn qual(args: &Args, method: &str) -> String {
    let wide = args.vals.first().and_then(|v| v.downcast::<Blake2Obj>()).is_none_or(|b| b.wide);
    format!("{}.{method}", if wide { "blake2b" } else { "blake2s" })
}

fn b_update(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, &qual(&args, "update"), 1, 1)?;
    let h = this(vm, a[0])?;
    let d = data_arg(vm, a[1])?;
    h.state.borrow_mut().update(&d);
    Ok(vm.none)
}

fn b_digest(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, &qual(&args, "digest"), 0, 0)?;
    let d = this(vm, a[0])?.state.borrow().digest();
    Ok(crate::bytes::new_bytes(vm, d))
}

fn b_hexdigest(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, &qual(&args, "hexdigest"), 0, 0)?;
    let d = this(vm, a[0])?.state.borrow().digest();
    Ok(super::hashes::hex_str(vm, &d))
}

fn b_copy(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, &qual(&args, "copy"), 0, 0)?;
    let h = this(vm, a[0])?;
    let st = h.state.borrow().clone();
    let t = vm.type_of(a[0]);
    Ok(vm.alloc(t, Blake2Obj { wide: h.wide, state: RefCell::new(st) }))
}

fn b_name(vm: &mut Vm, v: Value) -> PyResult {
    let h = this(vm, v)?;
    Ok(crate::str::alloc_str(vm, if h.wide { "blake2b" } else { "blake2s" }))
}

fn b_digest_size(vm: &mut Vm, v: Value) -> PyResult {
    let h = this(vm, v)?;
    Ok(Value::small(h.state.borrow().digest_size as i64))
}

fn b_block_size(vm: &mut Vm, v: Value) -> PyResult {
    let h = this(vm, v)?;
    Ok(Value::small(h.state.borrow().block() as i64))
}

fn make_type(vm: &mut Vm, name: &str, ctor: crate::object::NativeFn) -> PyResult<Value> {
    let obj = vm.t.object;
    let t = new_static_type(vm, name, obj, crate::typeobj::tflag::BASETYPE);
    super::array::short_qualname(t);
    let m = vm.intern("_blake2");
    set_attr_raw(vm, t, "__module__", m)?;
    add_static(vm, t, "__new__", ctor);
    add_method(vm, t, "update", b_update);
    add_method(vm, t, "digest", b_digest);
    add_method(vm, t, "hexdigest", b_hexdigest);
    add_method(vm, t, "copy", b_copy);
    add_getter(vm, t, "name", b_name);
    add_getter(vm, t, "digest_size", b_digest_size);
    add_getter(vm, t, "block_size", b_block_size);
    for (k, v) in [("SALT_SIZE", 0), ("PERSON_SIZE", 1), ("MAX_KEY_SIZE", 2), ("MAX_DIGEST_SIZE", 3)] {
        let (d, key, salt, person) = limits(name.ends_with('b'));
        let n = [salt, person, key, d][v];
        set_attr_raw(vm, t, k, Value::small(n as i64))?;
    }
    vm.extra_roots.push(t);
    Ok(t)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let b = make_type(vm, "_blake2.blake2b", new_b)?;
    let s = make_type(vm, "_blake2.blake2s", new_s)?;
    TYPES.with(|c| c.set([b, s]));
    super::set_attr(vm, m, "blake2b", b)?;
    super::set_attr(vm, m, "blake2s", s)?;
    for (wide, prefix) in [(true, "BLAKE2B"), (false, "BLAKE2S")] {
        let (d, k, salt, person) = limits(wide);
        for (n, v) in [("SALT_SIZE", salt), ("PERSON_SIZE", person), ("MAX_KEY_SIZE", k), ("MAX_DIGEST_SIZE", d)] {
            super::set_attr(vm, m, &format!("{prefix}_{n}"), Value::small(v as i64))?;
        }
    }
    Ok(())
}
