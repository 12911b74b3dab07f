//! The `zlib` module over the `zlib-rs` crate (a Rust port of zlib): one-shot
//! `compress`/`decompress`, the `Compress`/`Decompress` stream objects, `crc32`,
//! `adler32` and the constants, with CPython 3.11's argument rules, buffer loops
//! and messages (`Modules/zlibmodule.c`).
//!
//! zlib-rs's safe API has no `deflateCopy`/`inflateCopy`, so `copy()` rebuilds a
//! stream by replaying the calls made on the original with the same arguments
//! (zlib is deterministic); each object keeps that call history, up to
//! `HISTORY_LIMIT` bytes of input, past which `copy()` fails (docs/compat.md).

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyErr, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use zlib_rs::{Deflate, DeflateConfig, DeflateError, Inflate, InflateError, Status};
use zlib_rs::{DeflateFlush, InflateFlush};

const MAX_WBITS: i32 = 15;
const DEFLATED: i32 = 8;
const DEF_MEM_LEVEL: i32 = 8;
const DEF_BUF_SIZE: i64 = 16 * 1024;
const Z_DEFAULT_COMPRESSION: i32 = -1;
const Z_FINISH: i32 = 4;
/// The zlib API version zlib-rs implements.
const ZLIB_VERSION: &str = "1.3.1";
/// `copy()`'s message for a stream it cannot copy.
const INCONSISTENT: &str = "Inconsistent stream state";
/// Input bytes a stream object remembers for `copy()`.
const HISTORY_LIMIT: usize = 16 << 20;

// zlib's return codes, as CPython's messages print them.
const Z_OK: i32 = 0;
const Z_STREAM_END: i32 = 1;
const Z_NEED_DICT: i32 = 2;
const Z_STREAM_ERROR: i32 = -2;
const Z_MEM_ERROR: i32 = -4;
const Z_BUF_ERROR: i32 = -5;

thread_local! {
    static ERROR: Cell<Value> = const { Cell::new(Value::NULL) };
    static TYPES: Cell<(Value, Value)> = const { Cell::new((Value::NULL, Value::NULL)) };
}

/// CPython's `zlib_error`: "Error N <what>: <zlib's message>".
fn zlib_error(vm: &mut Vm, code: i32, what: &str, zmsg: Option<&str>) -> PyErr {
    let zmsg = zmsg.or(match code {
        Z_BUF_ERROR => Some("incomplete or truncated stream"),
        Z_STREAM_ERROR => Some("inconsistent stream state"),
        -3 => Some("invalid input data"),
        _ => None,
    });
    let m = match zmsg {
        Some(z) => format!("Error {code} {what}: {z}"),
        None => format!("Error {code} {what}"),
    };
    let cls = ERROR.with(|c| c.get());
    vm.new_exc(cls, m)
}

fn status_code(s: Status) -> i32 {
    match s {
        Status::Ok => Z_OK,
        Status::StreamEnd => Z_STREAM_END,
        Status::BufError => Z_BUF_ERROR,
    }
}

fn deflate_code(r: Result<Status, DeflateError>) -> i32 {
    match r {
        Ok(s) => status_code(s),
        Err(e) => e as i32,
    }
}

fn inflate_code(r: Result<Status, InflateError>) -> i32 {
    match r {
        Ok(s) => status_code(s),
        Err(InflateError::NeedDict { .. }) => Z_NEED_DICT,
        Err(InflateError::StreamError) => Z_STREAM_ERROR,
        Err(InflateError::DataError) => -3,
        Err(InflateError::MemError) => Z_MEM_ERROR,
    }
}

/// The sizes of CPython's output buffer blocks (`pycore_blocks_output_buffer.h`).
fn block_size(n: usize) -> usize {
    const KB: usize = 1024;
    const MB: usize = 1024 * KB;
    const SIZES: [usize; 17] =
        [32 * KB, 64 * KB, 256 * KB, MB, 4 * MB, 8 * MB, 16 * MB, 16 * MB, 32 * MB, 32 * MB, 32 * MB, 32 * MB, 64 * MB, 64 * MB, 128 * MB, 128 * MB, 256 * MB];
    SIZES[n.min(SIZES.len() - 1)]
}

/// A growing output buffer: `first` bytes, then CPython's block sizes, never past `max`.
struct OutBuf {
    data: Vec<u8>,
    filled: usize,
    blocks: usize,
    max: Option<usize>,
}

impl OutBuf {
    fn new(first: Option<usize>, max: Option<usize>) -> OutBuf {
        let mut b = OutBuf { data: Vec::new(), filled: 0, blocks: 0, max };
        b.grow_by(first.unwrap_or_else(|| block_size(0)));
        b
    }
    fn grow(&mut self) {
        self.grow_by(block_size(self.blocks));
    }
    fn grow_by(&mut self, n: usize) {
        let n = match self.max {
            Some(m) => n.min(m - self.data.len()),
            None => n,
        };
        self.data.resize(self.data.len() + n, 0);
        self.blocks += 1;
    }
    fn full(&self) -> bool {
        self.filled == self.data.len()
    }
    fn at_max(&self) -> bool {
        self.max == Some(self.filled)
    }
    fn finish(mut self) -> Vec<u8> {
        self.data.truncate(self.filled);
        self.data
    }
}

/// Feeds all of `input` to `z` with `flush` until the output stops filling the
/// buffer, as CPython's compress loops; the last return code.
fn deflate_run(z: &mut Deflate, input: &[u8], flush: DeflateFlush) -> (Vec<u8>, i32) {
    let mut out = OutBuf::new(None, None);
    let mut pos = 0;
    loop {
        if out.full() {
            out.grow();
        }
        let (in0, out0) = (z.total_in(), z.total_out());
        let r = z.compress(&input[pos..], &mut out.data[out.filled..], flush);
        pos += (z.total_in() - in0) as usize;
        out.filled += (z.total_out() - out0) as usize;
        let code = deflate_code(r);
        if code == Z_STREAM_ERROR || !out.full() {
            return (out.finish(), code);
        }
    }
}

/// What one inflate loop did.
struct InflateRun {
    out: Vec<u8>,
    consumed: usize,
    code: i32,
    /// Set when setting the dictionary failed (its return code).
    dict_error: Option<i32>,
}

/// CPython's inflate loops: `decompress()` (`flush` Z_SYNC_FLUSH, `dict` given
/// when the object has a zdict, `max` the output limit), `flush()` and the one-shot
/// `decompress` (Z_FINISH, which stop at an error, `first` the initial buffer size).
fn inflate_run(z: Option<&mut Inflate>, input: &[u8], flush: InflateFlush, first: Option<usize>, max: Option<usize>, dict: Option<&[u8]>) -> InflateRun {
    let mut out = OutBuf::new(first, max);
    let Some(z) = z else {
        // An ended stream: inflate() says Z_STREAM_ERROR.
        return InflateRun { out: Vec::new(), consumed: 0, code: Z_STREAM_ERROR, dict_error: None };
    };
    let mut pos = 0;
    let mut code;
    loop {
        if out.full() {
            if out.at_max() {
                code = Z_OK;
                break;
            }
            out.grow();
        }
        let (in0, out0) = (z.total_in(), z.total_out());
        let r = z.decompress(&input[pos..], &mut out.data[out.filled..], flush);
        pos += (z.total_in() - in0) as usize;
        out.filled += (z.total_out() - out0) as usize;
        code = inflate_code(r);
        match code {
            Z_OK | Z_BUF_ERROR | Z_STREAM_END => {}
            Z_NEED_DICT if dict.is_some() => {
                if let Err(e) = z.set_dictionary(dict.unwrap_or_default()) {
                    let c = inflate_code(Err(e));
                    return InflateRun { out: Vec::new(), consumed: pos, code: c, dict_error: Some(c) };
                }
            }
            _ => break,
        }
        if !(out.full() || code == Z_NEED_DICT) {
            break;
        }
    }
    InflateRun { out: out.finish(), consumed: pos, code, dict_error: None }
}

// ---- arguments ----

/// An integer argument through `__index__` (floats refused, as the clinic's
/// converters do); None when missing.
fn index_arg(vm: &mut Vm, v: Value) -> PyResult<Option<num_bigint::BigInt>> {
    if v.is_null() {
        return Ok(None);
    }
    if crate::float::is_float(v) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    crate::number::index_bigint(vm, v).map(Some)
}

/// A C `int` argument (`i` converter), `default` when missing.
fn int_arg(vm: &mut Vm, v: Value, default: i32) -> PyResult<i32> {
    match index_arg(vm, v)? {
        None => Ok(default),
        Some(b) => b.try_into().map_err(|_| vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// A `Py_ssize_t` argument (`n` converter), `default` when missing.
fn ssize_arg(vm: &mut Vm, v: Value, default: i64) -> PyResult<i64> {
    match index_arg(vm, v)? {
        None => Ok(default),
        Some(b) => b.try_into().map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// An `unsigned int(bitwise=True)` argument: any int, taken modulo 2**32.
fn uint_mask_arg(vm: &mut Vm, v: Value, default: u32) -> PyResult<u32> {
    match index_arg(vm, v)? {
        None => Ok(default),
        Some(b) => Ok((b & num_bigint::BigInt::from(0xffff_ffffu32)).try_into().unwrap_or(0)),
    }
}

fn bytes_value(vm: &mut Vm, data: Vec<u8>) -> Value {
    crate::bytes::new_bytes(vm, data)
}

/// The deflate flush mode for a Python `mode`; None for one zlib rejects.
fn deflate_flush(mode: i32) -> Option<DeflateFlush> {
    Some(match mode {
        0 => DeflateFlush::NoFlush,
        1 => DeflateFlush::PartialFlush,
        2 => DeflateFlush::SyncFlush,
        3 => DeflateFlush::FullFlush,
        4 => DeflateFlush::Finish,
        5 => DeflateFlush::Block,
        _ => return None,
    })
}

/// `deflateInit2`'s checks; the configuration when they pass.
fn deflate_config(level: i32, method: i32, wbits: i32, mem_level: i32, strategy: i32) -> Option<DeflateConfig> {
    let level = if level == Z_DEFAULT_COMPRESSION { 6 } else { level };
    let (bits, wrap) = if wbits < 0 {
        (-(wbits as i64), 0)
    } else if wbits > MAX_WBITS {
        (wbits as i64 - 16, 2)
    } else {
        (wbits as i64, 1)
    };
    let strategy = zlib_rs::Strategy::try_from(strategy).ok()?;
    let method = zlib_rs::Method::try_from(method).ok()?;
    if !(1..=9).contains(&mem_level) || !(8..=15).contains(&bits) || !(0..=9).contains(&level) || (bits == 8 && wrap != 1) {
        return None;
    }
    Some(DeflateConfig { level, method, window_bits: wbits, mem_level, strategy })
}

/// `inflateInit2`'s window-bits check.
fn inflate_wbits_ok(wbits: i32) -> bool {
    let bits = if wbits < 0 {
        if wbits < -MAX_WBITS {
            return false;
        }
        -wbits
    } else if wbits < 48 {
        wbits & 15
    } else {
        wbits
    };
    bits == 0 || (8..=15).contains(&bits)
}

fn new_inflate(wbits: i32) -> Inflate {
    // inflate_wbits_ok has checked the range, so the casts keep the value.
    if wbits < 0 {
        Inflate::new(false, (-wbits) as u8)
    } else {
        Inflate::new(true, wbits as u8)
    }
}

// ---- one-shot functions ----

fn compress(vm: &mut Vm, args: Args) -> PyResult {
    let [data, level, wbits] = args.bind(vm, "compress", ["data", "level", "wbits"], 1, 1)?;
    let data = crate::bytes::buffer_arg(vm, data)?;
    let level = int_arg(vm, level, Z_DEFAULT_COMPRESSION)?;
    let wbits = int_arg(vm, wbits, MAX_WBITS)?;
    let Some(config) = deflate_config(level, DEFLATED, wbits, DEF_MEM_LEVEL, 0) else {
        let cls = ERROR.with(|c| c.get());
        return Err(vm.new_exc(cls, "Bad compression level"));
    };
    let mut z = Deflate::new_with_config(config);
    let (out, code) = deflate_run(&mut z, &data, DeflateFlush::Finish);
    if code == Z_STREAM_ERROR {
        return Err(zlib_error(vm, code, "while compressing data", z.error_message()));
    }
    Ok(bytes_value(vm, out))
}

fn decompress(vm: &mut Vm, args: Args) -> PyResult {
    let [data, wbits, bufsize] = args.bind(vm, "decompress", ["data", "wbits", "bufsize"], 1, 1)?;
    let data = crate::bytes::buffer_arg(vm, data)?;
    let wbits = int_arg(vm, wbits, MAX_WBITS)?;
    let bufsize = ssize_arg(vm, bufsize, DEF_BUF_SIZE)?;
    if bufsize < 0 {
        return Err(vm.value_error("bufsize must be non-negative"));
    }
    if !inflate_wbits_ok(wbits) {
        return Err(zlib_error(vm, Z_STREAM_ERROR, "while preparing to decompress data", None));
    }
    let mut z = new_inflate(wbits);
    let first = (bufsize.max(1) as usize).min(1 << 32);
    let run = inflate_run(Some(&mut z), &data, InflateFlush::Finish, Some(first), None, None);
    match run.code {
        Z_STREAM_END => Ok(bytes_value(vm, run.out)),
        Z_MEM_ERROR => Err(vm.new_exc(vm.e.memory_error, "Out of memory while decompressing data")),
        c => Err(zlib_error(vm, c, "while decompressing data", z.error_message())),
    }
}

fn crc32(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "zlib.crc32")?;
    let a = args.exact(vm, "crc32", 1, 2)?;
    let data = crate::bytes::buffer_arg(vm, a[0])?;
    let start = uint_mask_arg(vm, a.get(1).copied().unwrap_or(Value::NULL), 0)?;
    Ok(crate::int::from_i64(vm, i64::from(zlib_rs::crc32::crc32(start, &data))))
}

fn adler32(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "zlib.adler32")?;
    let a = args.exact(vm, "adler32", 1, 2)?;
    let data = crate::bytes::buffer_arg(vm, a[0])?;
    let start = uint_mask_arg(vm, a.get(1).copied().unwrap_or(Value::NULL), 1)?;
    Ok(crate::int::from_i64(vm, i64::from(zlib_rs::adler32::adler32(start, &data))))
}

// ---- Compress ----

/// One call on a stream object, kept to replay it in `copy()`.
#[derive(Clone)]
enum Step {
    /// `Compress.compress(data)` (None) or `Compress.flush(mode)`.
    Deflate(Vec<u8>, Option<DeflateFlush>),
    /// `Decompress.decompress(data, max_length)`, with the dictionary it offered.
    Inflate(Vec<u8>, Option<usize>, Option<Vec<u8>>),
    /// `Decompress.flush(length)` over the unconsumed tail.
    InflateFlush(Vec<u8>, usize),
}

/// The calls made on a stream so far; None once they outgrew `HISTORY_LIMIT`.
#[derive(Clone, Default)]
struct History {
    steps: Option<Vec<Step>>,
    bytes: usize,
}

impl History {
    fn new() -> History {
        History { steps: Some(Vec::new()), bytes: 0 }
    }
    /// The calls to replay for `copy()` of a stream that is `live`, or the ValueError's
    /// message: an ended stream cannot be copied (as `deflateCopy`), nor one whose
    /// history outgrew its limit.
    fn replay(&self, live: bool) -> Result<&[Step], &'static str> {
        match (&self.steps, live) {
            (_, false) => Err(INCONSISTENT),
            (None, true) => Err("the stream is too long to copy (zlib-rs keeps no copyable state)"),
            (Some(s), true) => Ok(s),
        }
    }
    /// Keeps `step` (of `len` input bytes), made only while the history is kept.
    fn record(&mut self, len: usize, step: impl FnOnce() -> Step) {
        self.bytes += len;
        if self.bytes > HISTORY_LIMIT {
            self.steps = None;
        } else if let Some(s) = &mut self.steps {
            s.push(step());
        }
    }
}

pub struct CompObj {
    st: RefCell<CompState>,
}

struct CompState {
    /// None once `flush(Z_FINISH)` ended the stream.
    z: Option<Deflate>,
    config: DeflateConfig,
    zdict: Option<Vec<u8>>,
    history: History,
}

payload!(CompObj, "zlib.Compress");
impl Trace for CompObj {
    fn trace(&self, _t: &mut Tracer) {}
}

fn new_deflate(config: DeflateConfig, zdict: Option<&[u8]>) -> Result<Deflate, DeflateError> {
    let mut z = Deflate::new_with_config(config);
    if let Some(d) = zdict {
        z.set_dictionary(d)?;
    }
    Ok(z)
}

/// `compress`/`flush` on a live stream: the output and deflate's code.
fn comp_step(z: &mut Deflate, step: &Step) -> (Vec<u8>, i32) {
    match step {
        Step::Deflate(data, None) => deflate_run(z, data, DeflateFlush::NoFlush),
        Step::Deflate(_, Some(mode)) => deflate_run(z, &[], *mode),
        _ => (Vec::new(), Z_OK),
    }
}

fn compressobj(vm: &mut Vm, args: Args) -> PyResult {
    let [level, method, wbits, mem_level, strategy, zdict] =
        args.bind(vm, "compressobj", ["level", "method", "wbits", "memLevel", "strategy", "zdict"], 0, 0)?;
    let level = int_arg(vm, level, Z_DEFAULT_COMPRESSION)?;
    let method = int_arg(vm, method, DEFLATED)?;
    let wbits = int_arg(vm, wbits, MAX_WBITS)?;
    let mem_level = int_arg(vm, mem_level, DEF_MEM_LEVEL)?;
    let strategy = int_arg(vm, strategy, 0)?;
    let zdict = if zdict.is_null() { None } else { Some(crate::bytes::buffer_arg(vm, zdict)?) };
    let Some(config) = deflate_config(level, method, wbits, mem_level, strategy) else {
        return Err(vm.value_error("Invalid initialization option"));
    };
    let Ok(z) = new_deflate(config, zdict.as_deref()) else {
        return Err(vm.value_error("Invalid dictionary"));
    };
    let t = TYPES.with(|c| c.get()).0;
    Ok(vm.alloc(t, CompObj { st: RefCell::new(CompState { z: Some(z), config, zdict, history: History::new() }) }))
}

fn comp_this(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static CompObj> {
    super::receiver(vm, v, name, "zlib.Compress")
}

/// Runs `step` on the stream of `c`, recording it; the output or the error.
fn comp_run(vm: &mut Vm, c: &CompObj, step: Step, what: &str) -> PyResult {
    let result = {
        let mut st = c.st.borrow_mut();
        let len = match &step {
            Step::Deflate(d, _) => d.len(),
            _ => 0,
        };
        match st.z.as_mut() {
            None => Err((Z_STREAM_ERROR, None)),
            Some(z) => {
                let (out, code) = comp_step(z, &step);
                let msg = z.error_message();
                let finished = matches!(step, Step::Deflate(_, Some(DeflateFlush::Finish))) && code == Z_STREAM_END;
                if code == Z_STREAM_ERROR || (!finished && code != Z_OK && code != Z_BUF_ERROR && code != Z_STREAM_END) {
                    Err((code, msg))
                } else {
                    if finished {
                        st.z = None;
                    }
                    st.history.record(len, || step);
                    Ok(out)
                }
            }
        }
    };
    match result {
        Ok(out) => Ok(bytes_value(vm, out)),
        Err((code, msg)) => Err(zlib_error(vm, code, what, msg)),
    }
}

fn comp_compress(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "compress", 1, 1)?;
    let c = comp_this(vm, a[0], "compress")?;
    let data = crate::bytes::buffer_arg(vm, a[1])?;
    comp_run(vm, c, Step::Deflate(data, None), "while compressing data")
}

fn comp_flush(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "flush", 0, 1)?;
    let c = comp_this(vm, a[0], "flush")?;
    let mode = int_arg(vm, a.get(1).copied().unwrap_or(Value::NULL), Z_FINISH)?;
    if mode == 0 {
        return Ok(bytes_value(vm, Vec::new()));
    }
    match deflate_flush(mode) {
        Some(f) => comp_run(vm, c, Step::Deflate(Vec::new(), Some(f)), "while flushing"),
        None => {
            let live = c.st.borrow().z.is_some();
            let msg = c.st.borrow().z.as_ref().and_then(|z| z.error_message());
            Err(zlib_error(vm, Z_STREAM_ERROR, "while flushing", if live { msg } else { None }))
        }
    }
}

fn comp_copy(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "copy", 0, 0)?;
    let c = comp_this(vm, a[0], "copy")?;
    let copied = {
        let st = c.st.borrow();
        st.history.replay(st.z.is_some()).and_then(|steps| {
            // The original accepted this configuration and dictionary.
            let mut z = new_deflate(st.config, st.zdict.as_deref()).map_err(|_| INCONSISTENT)?;
            for s in steps {
                comp_step(&mut z, s);
            }
            Ok(CompState { z: Some(z), config: st.config, zdict: st.zdict.clone(), history: st.history.clone() })
        })
    };
    let state = copied.map_err(|m| vm.value_error(m))?;
    let t = TYPES.with(|c| c.get()).0;
    Ok(vm.alloc(t, CompObj { st: RefCell::new(state) }))
}

// ---- Decompress ----

pub struct DecompObj {
    st: RefCell<DecompState>,
    /// The zdict object (NULL when not given); read when the stream asks for it.
    zdict: Value,
    unused_data: Cell<Value>,
    unconsumed_tail: Cell<Value>,
    eof: Cell<bool>,
}

struct DecompState {
    /// None once `flush()` reached the end of the stream.
    z: Option<Inflate>,
    wbits: i32,
    /// The dictionary set when the object was made (raw streams).
    init_dict: Option<Vec<u8>>,
    history: History,
}

payload!(DecompObj, "zlib.Decompress");
impl Trace for DecompObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.zdict);
        t.value(self.unused_data.get());
        t.value(self.unconsumed_tail.get());
    }
}

fn decomp_this(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static DecompObj> {
    super::receiver(vm, v, name, "zlib.Decompress")
}

fn decompressobj(vm: &mut Vm, args: Args) -> PyResult {
    let [wbits, zdict] = args.bind(vm, "decompressobj", ["wbits", "zdict"], 0, 0)?;
    let wbits = int_arg(vm, wbits, MAX_WBITS)?;
    let dict_bytes = if zdict.is_null() {
        None
    } else {
        match crate::bytes::buffer_bytes(zdict) {
            Some(b) => Some(b),
            None => return Err(vm.type_error("zdict argument must support the buffer protocol")),
        }
    };
    if !inflate_wbits_ok(wbits) {
        return Err(vm.value_error("Invalid initialization option"));
    }
    let mut z = new_inflate(wbits);
    let init_dict = if wbits < 0 { dict_bytes } else { None };
    if let Some(d) = &init_dict {
        if let Err(e) = z.set_dictionary(d) {
            return Err(zlib_error(vm, inflate_code(Err(e)), "while setting zdict", z.error_message()));
        }
    }
    let empty = bytes_value(vm, Vec::new());
    let t = TYPES.with(|c| c.get()).1;
    let st = DecompState { z: Some(z), wbits, init_dict, history: History::new() };
    Ok(vm.alloc(
        t,
        DecompObj { st: RefCell::new(st), zdict, unused_data: Cell::new(empty), unconsumed_tail: Cell::new(empty), eof: Cell::new(false) },
    ))
}

/// A decompress or flush step on a live stream.
fn decomp_step(z: Option<&mut Inflate>, step: &Step) -> InflateRun {
    match step {
        Step::Inflate(data, max, dict) => inflate_run(z, data, InflateFlush::SyncFlush, None, *max, dict.as_deref()),
        Step::InflateFlush(data, len) => inflate_run(z, data, InflateFlush::Finish, Some(*len), None, None),
        Step::Deflate(..) => InflateRun { out: Vec::new(), consumed: 0, code: Z_OK, dict_error: None },
    }
}

/// CPython's `save_unconsumed_input`: leftover input after the end of the stream
/// goes to `unused_data`; input left by the output limit to `unconsumed_tail`.
fn save_unconsumed(vm: &mut Vm, d: &DecompObj, input: &[u8], consumed: usize, code: i32) {
    let left = &input[consumed.min(input.len())..];
    let mut avail = !left.is_empty();
    if code == Z_STREAM_END && avail {
        let old = crate::bytes::buffer_bytes(d.unused_data.get()).unwrap_or_default();
        let mut new = old;
        new.extend_from_slice(left);
        let v = bytes_value(vm, new);
        d.unused_data.set(v);
        avail = false;
    }
    let tail_len = crate::bytes::buffer_bytes(d.unconsumed_tail.get()).map_or(0, |b| b.len());
    if avail || tail_len > 0 {
        let v = bytes_value(vm, left.to_vec());
        d.unconsumed_tail.set(v);
    }
}

fn decomp_decompress(vm: &mut Vm, args: Args) -> PyResult {
    let [this, data, max_length] = args.bind(vm, "decompress", ["self", "data", "max_length"], 2, 2)?;
    let d = decomp_this(vm, this, "decompress")?;
    let data = crate::bytes::buffer_arg(vm, data)?;
    let max_length = ssize_arg(vm, max_length, 0)?;
    if max_length < 0 {
        return Err(vm.value_error("max_length must be non-negative"));
    }
    let max = if max_length == 0 { None } else { Some(max_length as usize) };
    let dict = if d.zdict.is_null() { None } else { crate::bytes::buffer_bytes(d.zdict) };
    let step = Step::Inflate(data, max, dict);
    let (run, msg) = {
        let mut st = d.st.borrow_mut();
        let run = decomp_step(st.z.as_mut(), &step);
        let msg = st.z.as_ref().and_then(|z| z.error_message());
        if run.dict_error.is_none() {
            let Step::Inflate(data, ..) = &step else { unreachable!() };
            let len = data.len();
            st.history.record(len, || step.clone());
        }
        (run, msg)
    };
    if let Some(code) = run.dict_error {
        return Err(zlib_error(vm, code, "while setting zdict", msg));
    }
    let Step::Inflate(input, ..) = &step else { unreachable!() };
    save_unconsumed(vm, d, input, run.consumed, run.code);
    match run.code {
        Z_STREAM_END => d.eof.set(true),
        Z_OK | Z_BUF_ERROR => {}
        c => return Err(zlib_error(vm, c, "while decompressing data", msg)),
    }
    Ok(bytes_value(vm, run.out))
}

fn decomp_flush(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "flush", 0, 1)?;
    let d = decomp_this(vm, a[0], "flush")?;
    let length = ssize_arg(vm, a.get(1).copied().unwrap_or(Value::NULL), DEF_BUF_SIZE)?;
    if length <= 0 {
        return Err(vm.value_error("length must be greater than zero"));
    }
    let tail = crate::bytes::buffer_bytes(d.unconsumed_tail.get()).unwrap_or_default();
    let step = Step::InflateFlush(tail, (length as usize).min(1 << 32));
    let run = {
        let mut st = d.st.borrow_mut();
        let run = decomp_step(st.z.as_mut(), &step);
        let Step::InflateFlush(tail, _) = &step else { unreachable!() };
        let len = tail.len();
        st.history.record(len, || step.clone());
        if run.code == Z_STREAM_END {
            st.z = None;
        }
        run
    };
    let Step::InflateFlush(input, _) = &step else { unreachable!() };
    save_unconsumed(vm, d, input, run.consumed, run.code);
    if run.code == Z_STREAM_END {
        d.eof.set(true);
    }
    Ok(bytes_value(vm, run.out))
}

fn decomp_copy(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "copy", 0, 0)?;
    let d = decomp_this(vm, a[0], "copy")?;
    let copied = {
        let st = d.st.borrow();
        st.history.replay(st.z.is_some()).map(|steps| {
            let mut z = new_inflate(st.wbits);
            if let Some(dict) = &st.init_dict {
                // It was accepted when the original was made.
                let _ = z.set_dictionary(dict);
            }
            for s in steps {
                decomp_step(Some(&mut z), s);
            }
            DecompState { z: Some(z), wbits: st.wbits, init_dict: st.init_dict.clone(), history: st.history.clone() }
        })
    };
    let state = copied.map_err(|m| vm.value_error(m))?;
    let t = TYPES.with(|c| c.get()).1;
    let obj = DecompObj {
        st: RefCell::new(state),
        zdict: d.zdict,
        unused_data: Cell::new(d.unused_data.get()),
        unconsumed_tail: Cell::new(d.unconsumed_tail.get()),
        eof: Cell::new(d.eof.get()),
    };
    Ok(vm.alloc(t, obj))
}

fn decomp_unused_data(vm: &mut Vm, v: Value) -> PyResult {
    Ok(decomp_this(vm, v, "unused_data")?.unused_data.get())
}

fn decomp_unconsumed_tail(vm: &mut Vm, v: Value) -> PyResult {
    Ok(decomp_this(vm, v, "unconsumed_tail")?.unconsumed_tail.get())
}

fn decomp_eof(vm: &mut Vm, v: Value) -> PyResult {
    let d = decomp_this(vm, v, "eof")?;
    Ok(vm.bool(d.eof.get()))
}

fn no_new(vm: &mut Vm, args: Args) -> PyResult {
    let m = format!("cannot create '{}' instances", crate::typeobj::type_name(args.vals[0]));
    Err(vm.type_error(m))
}

fn deepcopy(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "__deepcopy__", 1, 1)?;
    let copy = crate::call::call_method(vm, a[0], "copy", &[])?;
    Ok(copy)
}

fn new_type(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let obj = vm.t.object;
    let t = super::new_module_type(vm, &format!("zlib.{name}"), obj, 0)?;
    crate::typeobj::add_static(vm, t, "__new__", no_new);
    Ok(t)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    use crate::typeobj::{add_getter, add_method};
    super::add_functions(
        vm,
        m,
        &[
            ("compress", compress),
            ("decompress", decompress),
            ("compressobj", compressobj),
            ("decompressobj", decompressobj),
            ("crc32", crc32),
            ("adler32", adler32),
        ],
    )?;
    let comp = new_type(vm, "Compress")?;
    add_method(vm, comp, "compress", comp_compress);
    add_method(vm, comp, "flush", comp_flush);
    add_method(vm, comp, "copy", comp_copy);
    add_method(vm, comp, "__copy__", comp_copy);
    add_method(vm, comp, "__deepcopy__", deepcopy);
    let decomp = new_type(vm, "Decompress")?;
    add_method(vm, decomp, "decompress", decomp_decompress);
    add_method(vm, decomp, "flush", decomp_flush);
    add_method(vm, decomp, "copy", decomp_copy);
    add_method(vm, decomp, "__copy__", decomp_copy);
    add_method(vm, decomp, "__deepcopy__", deepcopy);
    add_getter(vm, decomp, "unused_data", decomp_unused_data);
    add_getter(vm, decomp, "unconsumed_tail", decomp_unconsumed_tail);
    add_getter(vm, decomp, "eof", decomp_eof);
    TYPES.with(|c| c.set((comp, decomp)));

    let base = vm.e.exception;
    let err = super::new_module_exception(vm, "zlib.error", base)?;
    ERROR.with(|c| c.set(err));
    super::set_attr(vm, m, "error", err)?;

    let ints: [(&str, i64); 20] = [
        ("MAX_WBITS", MAX_WBITS as i64),
        ("DEFLATED", DEFLATED as i64),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL as i64),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION as i64),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", Z_FINISH as i64),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ];
    for (name, v) in ints {
        super::set_attr(vm, m, name, Value::small(v))?;
    }
    for (name, text) in [("ZLIB_VERSION", ZLIB_VERSION), ("ZLIB_RUNTIME_VERSION", ZLIB_VERSION), ("__version__", "1.0")] {
        let s = crate::str::alloc_str(vm, text);
        super::set_attr(vm, m, name, s)?;
    }
    Ok(())
}
