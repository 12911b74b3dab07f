//! `_io.TextIOWrapper`: text over a buffered binary stream (CPython's textio.c).
//!
//! Writing encodes and hands the bytes to the buffer: straight into our
//! `BufferedWriter`'s buffer (or `FileIO`'s descriptor) when the buffer is exactly
//! one of ours, else through a pending byte string given to `buffer.write()` once it
//! reaches the chunk size, as CPython does. Reading decodes one chunk at a time
//! (`read1`) and keeps the decoded text of the last chunk with a snapshot of what
//! produced it, from which `tell()` computes a position. For the native codecs a
//! cookie is a plain byte offset at which the decoder is in its initial state; for
//! codecs objects it is CPython's packing `offset | flags << 64`, `flags` being the
//! decoder's `getstate()` flags there (a UTF-16 decoder that has read its BOM).

use super::buffered::{self, BufferedObj};
use super::newlines::{LineEnd, NlState};
use super::textcodec::{self, DecState, Native};
use super::{closed_error, unsupported};
use crate::call::call_method;
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::{add_getset, add_getter, add_method, add_static};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

/// What produced the decoded text: the decoder's state before it and the bytes it
/// was given (its pending bytes included), which end at the buffer's position.
#[derive(Clone)]
struct Snapshot {
    nl: Option<NlState>,
    dec: DecState,
    /// The flags of a codecs decoder's state (0 for native codecs).
    py_flags: i64,
    input: Vec<u8>,
}

#[derive(Default)]
struct State {
    ready: bool,
    native: Option<Native>,
    errors: String,
    dec: DecState,
    bom_to_write: bool,
    /// Universal-newline state (newline None or '').
    nl: Option<NlState>,
    line_end: Option<LineEnd>,
    /// What "\n" becomes when written (None: unchanged).
    writenl: Option<&'static str>,
    line_buffering: bool,
    write_through: bool,
    decoded: String,
    dpos: usize,
    snap: Option<Snapshot>,
    /// Encoded text not yet given to the buffer (when the buffer is not ours).
    pending: Vec<u8>,
    readable: bool,
    writable: bool,
    seekable: bool,
    telling: bool,
    has_read1: bool,
    chunk_size: usize,
}

pub struct TextIOObj {
    buffer: Cell<Value>,
    encoding: Cell<Value>,
    errors: Cell<Value>,
    /// Incremental codec objects for encodings that are not native (else NULL).
    encoder: Cell<Value>,
    decoder: Cell<Value>,
    st: RefCell<State>,
}
impl Trace for TextIOObj {
    fn trace(&self, t: &mut Tracer) {
        for v in [&self.buffer, &self.encoding, &self.errors, &self.encoder, &self.decoder] {
            t.value(v.get());
        }
    }
}
// Most wrappers get a `mode` attribute (`open()` sets it), and `print` checks the
// instance dict for a `write` on every call: a dict slot.
payload!(TextIOObj, "TextIOWrapper", dict);

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static TextIOObj> {
    match v.downcast::<TextIOObj>() {
        Some(t) if t.st.borrow().ready => {
            if t.buffer.get().is_null() {
                return Err(vm.value_error("underlying buffer has been detached"));
            }
            Ok(t)
        }
        Some(_) => Err(vm.value_error("I/O operation on uninitialized object")),
        None => {
            let m = format!("descriptor requires a '_io.TextIOWrapper' object but received a '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

/// The layer below, when its methods are ours.
enum Below {
    Buffered(&'static BufferedObj),
    File(i32),
    Other(Value),
}

fn below(vm: &Vm, t: &TextIOObj) -> Below {
    let b = t.buffer.get();
    if let Some(bo) = buffered::fast(vm, b) {
        return Below::Buffered(bo);
    }
    if vm.type_of(b) == vm.io.fileio {
        if let Some(f) = b.downcast::<super::fileio::FileIOObj>() {
            return Below::File(f.raw_fd());
        }
    }
    Below::Other(b)
}

fn buffer_closed(vm: &mut Vm, t: &TextIOObj) -> PyResult<bool> {
    let b = below(vm, t);
    below_closed(vm, &b)
}

fn below_closed(vm: &mut Vm, below: &Below) -> PyResult<bool> {
    match *below {
        Below::Buffered(b) => buffered::raw_closed(vm, b),
        Below::File(fd) => Ok(fd < 0),
        Below::Other(b) => super::is_closed(vm, b),
    }
}

/// The open wrapper `v`.
fn open_obj(vm: &mut Vm, v: Value) -> PyResult<&'static TextIOObj> {
    let t = this(vm, v)?;
    if buffer_closed(vm, t)? {
        return Err(closed_error(vm));
    }
    Ok(t)
}

// ---- writing -------------------------------------------------------------------------------

fn encode(vm: &mut Vm, t: &TextIOObj, text: &str, s: Value) -> PyResult<Vec<u8>> {
    let (native, bom) = {
        let mut st = t.st.borrow_mut();
        (st.native, std::mem::replace(&mut st.bom_to_write, false))
    };
    let Some(native) = native else {
        let s = if s.is_null() { crate::str::alloc_str(vm, text) } else { s };
        let r = call_method(vm, t.encoder.get(), "encode", &[s])?;
        return match crate::bytes::as_bytes(r) {
            Some(b) => Ok(b),
            None => {
                let m = format!("encoder should return a bytes object, not '{}'", vm.type_name(r));
                Err(vm.type_error(m))
            }
        };
    };
    let errors = t.st.borrow().errors.clone();
    let mut out = textcodec::encode_native(vm, native, &errors, text, s)?;
    if bom {
        out.splice(0..0, b"\xef\xbb\xbf".iter().copied());
    }
    Ok(out)
}

/// Gives the pending bytes to a buffer that is not ours.
fn flush_pending(vm: &mut Vm, t: &TextIOObj) -> PyResult<()> {
    let data = std::mem::take(&mut t.st.borrow_mut().pending);
    if data.is_empty() {
        return Ok(());
    }
    let b = crate::bytes::new_bytes(vm, data);
    call_method(vm, t.buffer.get(), "write", &[b])?;
    Ok(())
}

/// Hands encoded bytes to the layer below.
fn put_bytes(vm: &mut Vm, t: &TextIOObj, below: &Below, data: &[u8], force: bool) -> PyResult<()> {
    match *below {
        Below::Buffered(b) => buffered::write_bytes(vm, b, data),
        Below::File(fd) => super::fileio::fd_write_all(vm, fd, data),
        Below::Other(_) => {
            let big = {
                let mut st = t.st.borrow_mut();
                st.pending.extend_from_slice(data);
                st.pending.len() > st.chunk_size
            };
            if big || force {
                flush_pending(vm, t)?;
            }
            Ok(())
        }
    }
}

/// `buffer.flush()`.
fn flush_buffer(vm: &mut Vm, t: &TextIOObj) -> PyResult<()> {
    match below(vm, t) {
        Below::Buffered(b) => buffered::flush_writes(vm, b),
        Below::File(_) => Ok(()),
        Below::Other(b) => call_method(vm, b, "flush", &[]).map(|_| ()),
    }
}

/// `write(s)`: `print`'s path to `sys.stdout`, so UTF-8 text without newline
/// translation goes down without a copy.
fn write(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "write", 1, 1)?;
    let t = this(vm, a[0])?;
    let below = below(vm, t);
    if below_closed(vm, &below)? {
        return Err(closed_error(vm));
    }
    let Some(text) = crate::str::as_str(a[1]) else {
        let m = format!("write() argument must be str, not {}", vm.type_name(a[1]));
        return Err(vm.type_error(m));
    };
    let nchars = a[1].downcast::<crate::str::StrObj>().map_or(0, |s| s.len());
    let (writable, plain, writenl, line_buffering, write_through, reading) = {
        let st = t.st.borrow();
        // A lone surrogate goes through the encoder, which applies the error handler.
        let plain = st.native == Some(Native::Utf8) && st.writenl.is_none() && !crate::str::has_surrogates(a[1]);
        (st.writable, plain, st.writenl, st.line_buffering, st.write_through, st.snap.is_some() || st.dpos < st.decoded.len())
    };
    if !writable {
        return Err(unsupported(vm, "not writable"));
    }
    let needflush = line_buffering && (text.contains('\n') || text.contains('\r'));
    let force = needflush || write_through;
    if plain {
        put_bytes(vm, t, &below, text.as_bytes(), force)?;
    } else {
        let data = match writenl {
            Some(nl) if text.contains('\n') => encode(vm, t, &text.replace('\n', nl), Value::NULL)?,
            _ => encode(vm, t, text, a[1])?,
        };
        put_bytes(vm, t, &below, &data, force)?;
    }
    if needflush {
        flush_buffer(vm, t)?;
    }
    if reading {
        reset_reading(vm, t)?;
    }
    Ok(crate::int::from_usize(vm, nchars))
}

/// `file.write(s)` for `print` when `file` is exactly a TextIOWrapper whose `write`
/// is ours (no instance attribute hides it); `None` otherwise.
pub fn print_write(vm: &mut Vm, file: Value, s: Value) -> Option<PyResult<()>> {
    if vm.type_of(file) != vm.io.text_wrapper {
        return None;
    }
    let d = file.header()?.dict();
    if !d.is_null() {
        let k = vm.n.write;
        if !matches!(crate::dict::get_item(vm, d, k), Ok(None)) {
            return None;
        }
    }
    Some(write(vm, Args::new(&[file, s])).map(|_| ()))
}

/// Forgets decoded text and the snapshot (after a write or a seek).
fn reset_reading(vm: &mut Vm, t: &TextIOObj) -> PyResult<()> {
    {
        let mut st = t.st.borrow_mut();
        st.decoded.clear();
        st.dpos = 0;
        st.snap = None;
        st.dec = DecState { pending: Vec::new(), bom_done: true };
        if let Some(nl) = st.nl.as_mut() {
            nl.pendingcr = false;
        }
    }
    let d = t.decoder.get();
    if !d.is_null() {
        call_method(vm, d, "reset", &[])?;
    }
    Ok(())
}

// ---- reading ---------------------------------------------------------------------------

/// The buffer was readable when the wrapper was set up (CPython: a decoder exists).
fn check_readable(vm: &mut Vm, t: &TextIOObj) -> PyResult<()> {
    if !t.st.borrow().readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

fn decode(vm: &mut Vm, t: &TextIOObj, input: &[u8], final_: bool) -> PyResult<String> {
    let native = t.st.borrow().native;
    let text = match native {
        Some(n) => {
            let (mut dec, errors) = {
                let mut st = t.st.borrow_mut();
                (std::mem::take(&mut st.dec), st.errors.clone())
            };
            let r = textcodec::decode_native(vm, &mut dec, n, &errors, input, final_);
            t.st.borrow_mut().dec = dec;
            r?
        }
        None => {
            let b = crate::bytes::new_bytes(vm, input.to_vec());
            let f = vm.bool(final_);
            let m = crate::attr::getattr_str(vm, t.decoder.get(), "decode")?;
            let kw = [vm.intern("final")];
            let r = crate::call::call_args(vm, m, Args::with_kw(&[b, f], &kw))?;
            match crate::str::as_str(r) {
                Some(s) => s.to_string(),
                None => {
                    let m = format!("decoder should return a string result, not '{}'", vm.type_name(r));
                    return Err(vm.type_error(m));
                }
            }
        }
    };
    let mut st = t.st.borrow_mut();
    Ok(match st.nl.as_mut() {
        Some(nl) => nl.decode(&text, final_),
        None => text,
    })
}

/// Bytes for the next chunk: `read1` (or `read`) of the buffer.
fn read_input(vm: &mut Vm, t: &TextIOObj, size: usize) -> PyResult<Vec<u8>> {
    if let Below::Buffered(b) = below(vm, t) {
        return buffered::read1(vm, b, size as i64);
    }
    let name = if t.st.borrow().has_read1 { "read1" } else { "read" };
    let n = crate::int::from_usize(vm, size);
    let r = call_method(vm, t.buffer.get(), name, &[n])?;
    if r == vm.none {
        return Ok(Vec::new());
    }
    match crate::bytes::buffer_bytes(r) {
        Some(b) => Ok(b),
        None => {
            let m = format!("underlying {name}() should have returned a bytes-like object, not '{}'", vm.type_name(r));
            Err(vm.type_error(m))
        }
    }
}

/// Decodes the next chunk into `decoded` (replacing it): false at end of file.
fn read_chunk(vm: &mut Vm, t: &TextIOObj, size_hint: usize) -> PyResult<bool> {
    let size = t.st.borrow().chunk_size.max(size_hint);
    let snap = {
        let st = t.st.borrow();
        st.telling.then(|| Snapshot { nl: st.nl, dec: st.dec.clone(), py_flags: 0, input: Vec::new() })
    };
    // A codecs decoder's own pending bytes and flags (CPython's `getstate()` call).
    let py_state = match (&snap, t.decoder.get().is_null()) {
        (Some(_), false) => Some(decoder_state(vm, t.decoder.get())?),
        _ => None,
    };
    let input = read_input(vm, t, size)?;
    let eof = input.is_empty();
    let text = decode(vm, t, &input, eof)?;
    let mut st = t.st.borrow_mut();
    st.snap = snap.map(|mut s| {
        let pending = match &py_state {
            Some((buf, flags)) => {
                s.py_flags = *flags;
                buf.clone()
            }
            None => s.dec.pending.clone(),
        };
        s.input = pending.into_iter().chain(input.iter().copied()).collect();
        s
    });
    st.decoded = text;
    st.dpos = 0;
    Ok(!eof)
}

/// Takes up to `n` chars (all when `None`) of the decoded text.
fn take_decoded(t: &TextIOObj, n: Option<usize>) -> String {
    let mut st = t.st.borrow_mut();
    let rest = &st.decoded[st.dpos..];
    let end = match n {
        Some(n) => rest.char_indices().nth(n).map_or(rest.len(), |(b, _)| b),
        None => rest.len(),
    };
    let out = rest[..end].to_string();
    st.dpos += end;
    out
}

fn read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "read", 0, 1)?;
    let t = open_obj(vm, a[0])?;
    let n = super::size_arg(vm, a.get(1))?;
    check_readable(vm, t)?;
    flush_pending(vm, t)?;
    if n < 0 {
        let mut out = take_decoded(t, None);
        let input = match below(vm, t) {
            Below::Buffered(b) => buffered::read(vm, b, -1)?.unwrap_or_default(),
            _ => {
                let r = call_method(vm, t.buffer.get(), "read", &[])?;
                if r == vm.none { Vec::new() } else { super::bytes_arg(vm, r)? }
            }
        };
        out.push_str(&decode(vm, t, &input, true)?);
        {
            let mut st = t.st.borrow_mut();
            st.decoded.clear();
            st.dpos = 0;
            st.snap = None;
        }
        return Ok(crate::str::new_str(vm, out));
    }
    let n = n as usize;
    let mut out = take_decoded(t, Some(n));
    let mut got = out.chars().count();
    while got < n && read_chunk(vm, t, 0)? {
        let more = take_decoded(t, Some(n - got));
        got += more.chars().count();
        out.push_str(&more);
    }
    if got < n {
        out.push_str(&take_decoded(t, Some(n - got)));
    }
    Ok(crate::str::new_str(vm, out))
}

/// One line, at most `limit` chars when `limit >= 0`.
fn readline_text(vm: &mut Vm, t: &TextIOObj, limit: i64) -> PyResult<String> {
    let line_end = t.st.borrow().line_end.unwrap_or(LineEnd::Lf);
    let mut acc = String::new();
    loop {
        let from = if line_end == LineEnd::CrLf { acc.len().saturating_sub(1) } else { acc.len() };
        let rest_len = {
            let mut st = t.st.borrow_mut();
            let rest = st.decoded[st.dpos..].to_string();
            st.dpos = st.decoded.len();
            acc.push_str(&rest);
            rest.len()
        };
        let mut end = line_end.find(&acc[from..]).map(|e| from + e);
        if limit >= 0 {
            if let Some((b, _)) = acc.char_indices().nth(limit as usize) {
                end = Some(end.map_or(b, |e| e.min(b)));
            }
        }
        if let Some(e) = end {
            let excess = acc.len() - e;
            debug_assert!(excess <= rest_len);
            t.st.borrow_mut().dpos -= excess;
            acc.truncate(e);
            return Ok(acc);
        }
        if !read_chunk(vm, t, 0)? {
            acc.push_str(&take_decoded(t, None));
            return Ok(acc);
        }
    }
}

fn readline(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "readline", 0, 1)?;
    let t = open_obj(vm, a[0])?;
    let limit = super::size_arg(vm, a.get(1))?;
    check_readable(vm, t)?;
    flush_pending(vm, t)?;
    let line = readline_text(vm, t, limit)?;
    Ok(crate::str::new_str(vm, line))
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    let me = args.vals[0];
    let t = open_obj(vm, me)?;
    t.st.borrow_mut().telling = false;
    let line = if super::exact(vm, me, vm.io.text_wrapper) {
        check_readable(vm, t)?;
        flush_pending(vm, t)?;
        let l = readline_text(vm, t, -1)?;
        crate::str::new_str(vm, l)
    } else {
        let l = call_method(vm, me, "readline", &[])?;
        if crate::str::as_str(l).is_none() {
            let m = format!("readline() should have returned a str object, not '{}'", vm.type_name(l));
            let e = vm.e.os_error;
            return Err(vm.new_exc(e, m));
        }
        l
    };
    if crate::ops::len(vm, line)? == 0 {
        let mut st = t.st.borrow_mut();
        st.snap = None;
        st.telling = st.seekable;
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(line)
}

// ---- positions -------------------------------------------------------------------------

/// The byte offset within `snap.input` after which the decoder has produced `used`
/// chars and holds nothing back (native codecs).
fn consumed_bytes(native: Native, errors: &str, snap: &Snapshot, used: usize) -> usize {
    let _ = errors;
    let mut dec = DecState { pending: Vec::new(), bom_done: snap.dec.bom_done };
    let mut nl = snap.nl;
    let mut out = 0usize;
    for (k, byte) in snap.input.iter().enumerate() {
        if out >= used && dec.is_clean() && !nl.is_some_and(|n| n.pendingcr) {
            return k;
        }
        let held_cr = nl.is_some_and(|n| n.pendingcr);
        let text = dec.decode_pure(native, std::slice::from_ref(byte), false).unwrap_or_else(|| "\u{fffd}".into());
        let text = match nl.as_mut() {
            Some(n) => n.decode(&text, false),
            None => text,
        };
        let produced = text.chars().count();
        // A held '\r' came out first: between it and this byte is a clean position.
        if held_cr && produced > 0 && out + 1 == used && produced > 1 {
            return k;
        }
        out += produced;
    }
    snap.input.len()
}

/// A codecs decoder's `getstate()`: (pending bytes, flags).
fn decoder_state(vm: &mut Vm, dec: Value) -> PyResult<(Vec<u8>, i64)> {
    let st = call_method(vm, dec, "getstate", &[])?;
    let _pin = crate::gc::pin(st);
    let buf = crate::ops::getitem(vm, st, Value::small(0))?;
    let buf = super::bytes_arg(vm, buf)?;
    let f = crate::ops::getitem(vm, st, Value::small(1))?;
    Ok((buf, crate::number::index_i64(vm, f)?))
}

fn set_decoder_state(vm: &mut Vm, dec: Value, flags: i64) -> PyResult<()> {
    let b = crate::bytes::new_bytes(vm, vec![]);
    let f = crate::int::from_i64(vm, flags);
    let st = crate::tuple::new_tuple(vm, vec![b, f]);
    call_method(vm, dec, "setstate", &[st])?;
    Ok(())
}

/// (offset within `snap.input`, decoder flags) after which a codecs decoder has
/// produced `used` chars and holds no bytes back (CPython's `tell()` reconstruction,
/// one byte at a time); the decoder's state is restored afterwards.
fn consumed_by_decoder(vm: &mut Vm, dec: Value, snap: &Snapshot, used: usize) -> PyResult<(usize, i64)> {
    let saved = call_method(vm, dec, "getstate", &[])?;
    let _pin = crate::gc::pin(saved);
    set_decoder_state(vm, dec, snap.py_flags)?;
    let mut nl = snap.nl;
    let mut out = 0usize;
    let mut found = (snap.input.len(), snap.py_flags);
    for (k, byte) in snap.input.iter().enumerate() {
        let (pending, flags) = decoder_state(vm, dec)?;
        if out >= used && pending.is_empty() && !nl.is_some_and(|n| n.pendingcr) {
            found = (k, flags);
            break;
        }
        let b = crate::bytes::new_bytes(vm, vec![*byte]);
        let r = call_method(vm, dec, "decode", &[b])?;
        let text = crate::str::as_str(r).unwrap_or("");
        let text = match nl.as_mut() {
            Some(n) => n.decode(text, false),
            None => text.to_string(),
        };
        out += text.chars().count();
    }
    call_method(vm, dec, "setstate", &[saved])?;
    Ok(found)
}

/// A cookie: `pos` with decoder flags packed above bit 64 as CPython does.
fn cookie_value(vm: &mut Vm, pos: i64, flags: i64) -> Value {
    if flags == 0 {
        return crate::int::from_i64(vm, pos);
    }
    let c = (num_bigint::BigInt::from(flags) << 64u32) | num_bigint::BigInt::from(pos);
    crate::int::from_bigint(vm, c)
}

/// A cookie's (position, decoder flags).
fn cookie_parts(vm: &mut Vm, cookie: Value) -> PyResult<(i64, i64)> {
    if let Some(i) = crate::int::as_i64(cookie) {
        return Ok((i, 0));
    }
    let big = crate::number::index_bigint(vm, cookie)?;
    let mask = (num_bigint::BigInt::from(1u8) << 64u32) - 1u8;
    let pos: i64 = num_traits::ToPrimitive::to_i64(&(&big & &mask)).unwrap_or(i64::MAX);
    let flags: i64 = num_traits::ToPrimitive::to_i64(&(big >> 64u32)).unwrap_or(0);
    Ok((pos, flags))
}

fn tell_value(vm: &mut Vm, t: &TextIOObj) -> PyResult {
    {
        let st = t.st.borrow();
        if !st.seekable {
            drop(st);
            return Err(unsupported(vm, "underlying stream is not seekable"));
        }
        if !st.telling {
            drop(st);
            let e = vm.e.os_error;
            return Err(vm.new_exc(e, "telling position disabled by next() call"));
        }
    }
    flush_pending(vm, t)?;
    let pos = match below(vm, t) {
        Below::Buffered(b) => buffered::tell(vm, b)?,
        _ => {
            let r = call_method(vm, t.buffer.get(), "tell", &[])?;
            crate::number::index_i64(vm, r)?
        }
    };
    let (snap, used, native, errors) = {
        let st = t.st.borrow();
        let used = st.decoded[..st.dpos].chars().count();
        (st.snap.clone(), used, st.native, st.errors.clone())
    };
    let Some(snap) = snap else { return Ok(crate::int::from_i64(vm, pos)) };
    let start = pos - snap.input.len() as i64;
    // A '\r' held back before the chunk is the byte just before `start`.
    let held = snap.nl.is_some_and(|n| n.pendingcr) as i64;
    if used == 0 {
        return Ok(cookie_value(vm, start - held, snap.py_flags));
    }
    let (consumed, flags) = match native {
        Some(n) => (consumed_bytes(n, &errors, &snap, used), 0),
        None => consumed_by_decoder(vm, t.decoder.get(), &snap, used)?,
    };
    Ok(cookie_value(vm, start + consumed as i64, flags))
}

fn tell(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "tell", 0, 0)?;
    let t = open_obj(vm, a[0])?;
    if super::exact(vm, a[0], vm.io.text_wrapper) {
        flush_buffer(vm, t)?;
    } else {
        call_method(vm, a[0], "flush", &[])?;
    }
    tell_value(vm, t)
}

fn buffer_seek(vm: &mut Vm, t: &TextIOObj, pos: i64, whence: i32) -> PyResult {
    match below(vm, t) {
        Below::Buffered(b) => {
            let r = buffered::seek(vm, b, pos, whence)?;
            Ok(crate::int::from_i64(vm, r))
        }
        _ => {
            let p = crate::int::from_i64(vm, pos);
            call_method(vm, t.buffer.get(), "seek", &[p, Value::small(whence as i64)])
        }
    }
}

fn seek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "seek", 1, 2)?;
    let t = open_obj(vm, a[0])?;
    let whence = super::fileio::whence_arg(vm, a.get(2))?;
    if !t.st.borrow().seekable {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let mut cookie = a[1];
    let zero = crate::int::as_i64(cookie) == Some(0);
    match whence {
        1 | 2 if !zero => {
            let what = if whence == 1 { "cur" } else { "end" };
            return Err(unsupported(vm, &format!("can't do nonzero {what}-relative seeks")));
        }
        1 => cookie = tell_value(vm, t)?,
        2 => {
            call_method(vm, a[0], "flush", &[])?;
            reset_reading(vm, t)?;
            t.st.borrow_mut().bom_to_write = false;
            let r = buffer_seek(vm, t, 0, 2)?;
            let end = crate::number::index_i64(vm, r)?;
            restore_encoder(vm, t, end)?;
            return Ok(r);
        }
        0 if crate::float::is_float(cookie) => return Err(vm.type_error("an integer is required")),
        0 => {}
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    let _pin = crate::gc::pin(cookie);
    let (target, flags) = cookie_parts(vm, cookie)?;
    if target < 0 {
        let r = crate::ops::repr_string(vm, cookie)?;
        return Err(vm.value_error(format!("negative seek position {r}")));
    }
    call_method(vm, a[0], "flush", &[])?;
    reset_reading(vm, t)?;
    {
        let mut st = t.st.borrow_mut();
        st.bom_to_write = target == 0 && st.native == Some(Native::Utf8Sig);
        st.dec.bom_done = target != 0;
    }
    buffer_seek(vm, t, target, 0)?;
    restore_codecs(vm, t, target, flags)?;
    Ok(cookie)
}

/// After a seek to `pos`: a codecs decoder gets the cookie's flags, a codecs encoder
/// writes no BOM except at the start (CPython's `setstate(0)`).
fn restore_codecs(vm: &mut Vm, t: &TextIOObj, pos: i64, flags: i64) -> PyResult<()> {
    let dec = t.decoder.get();
    if !dec.is_null() && (pos != 0 || flags != 0) {
        set_decoder_state(vm, dec, flags)?;
    }
    restore_encoder(vm, t, pos)
}

fn restore_encoder(vm: &mut Vm, t: &TextIOObj, pos: i64) -> PyResult<()> {
    let enc = t.encoder.get();
    if !enc.is_null() {
        if pos == 0 {
            call_method(vm, enc, "reset", &[])?;
        } else {
            call_method(vm, enc, "setstate", &[Value::small(0)])?;
        }
    }
    Ok(())
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "truncate", 0, 1)?;
    let t = this(vm, a[0])?;
    call_method(vm, a[0], "flush", &[])?;
    let pos = a.get(1).copied().unwrap_or(vm.none);
    call_method(vm, t.buffer.get(), "truncate", &[pos])
}

// ---- flushing, closing, detaching -----------------------------------------------------------

fn flush(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "flush", 0, 0)?;
    let t = open_obj(vm, a[0])?;
    {
        let mut st = t.st.borrow_mut();
        st.telling = st.seekable;
    }
    flush_pending(vm, t)?;
    match below(vm, t) {
        Below::Buffered(b) => buffered::flush_writes(vm, b)?,
        Below::File(_) => {}
        Below::Other(b) => {
            call_method(vm, b, "flush", &[])?;
        }
    }
    Ok(vm.none)
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "close", 0, 0)?;
    let t = this(vm, a[0])?;
    if buffer_closed(vm, t)? {
        return Ok(vm.none);
    }
    let flushed = call_method(vm, a[0], "flush", &[]).map(|_| ());
    let closed = call_method(vm, t.buffer.get(), "close", &[]);
    super::chain(vm, flushed, closed)?;
    Ok(vm.none)
}

fn detach(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "detach", 0, 0)?;
    let t = this(vm, a[0])?;
    call_method(vm, a[0], "flush", &[])?;
    Ok(t.buffer.replace(Value::NULL))
}

fn delegate(vm: &mut Vm, args: Args, name: &'static str) -> PyResult {
    let a = args.method(vm, name, 0, 0)?;
    let t = this(vm, a[0])?;
    call_method(vm, t.buffer.get(), name, &[])
}
fn fileno(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, args, "fileno")
}
fn isatty(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, args, "isatty")
}
fn readable(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, args, "readable")
}
fn writable(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, args, "writable")
}
fn seekable(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, args, "seekable")
}

// ---- attributes ---------------------------------------------------------------------------

fn g_closed(vm: &mut Vm, v: Value) -> PyResult {
    let t = this(vm, v)?;
    let c = buffer_closed(vm, t)?;
    Ok(vm.bool(c))
}
fn g_name(vm: &mut Vm, v: Value) -> PyResult {
    let t = this(vm, v)?;
    crate::attr::getattr_str(vm, t.buffer.get(), "name")
}
fn g_buffer(vm: &mut Vm, v: Value) -> PyResult {
    Ok(this(vm, v)?.buffer.get())
}
fn g_encoding(vm: &mut Vm, v: Value) -> PyResult {
    Ok(this(vm, v)?.encoding.get())
}
fn g_errors(vm: &mut Vm, v: Value) -> PyResult {
    Ok(this(vm, v)?.errors.get())
}
fn g_line_buffering(vm: &mut Vm, v: Value) -> PyResult {
    let b = this(vm, v)?.st.borrow().line_buffering;
    Ok(vm.bool(b))
}
fn g_write_through(vm: &mut Vm, v: Value) -> PyResult {
    let b = this(vm, v)?.st.borrow().write_through;
    Ok(vm.bool(b))
}
fn g_newlines(vm: &mut Vm, v: Value) -> PyResult {
    let t = this(vm, v)?;
    let nl = t.st.borrow().nl;
    Ok(match nl {
        Some(nl) => nl.newlines(vm),
        None => vm.none,
    })
}
fn g_chunk_size(vm: &mut Vm, v: Value) -> PyResult {
    let n = this(vm, v)?.st.borrow().chunk_size;
    Ok(crate::int::from_usize(vm, n))
}
fn s_chunk_size(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    let t = this(vm, v)?;
    if n.is_null() {
        return Err(vm.attribute_error("cannot delete attribute"));
    }
    let n = crate::number::index_i64(vm, n)?;
    if n <= 0 {
        return Err(vm.value_error("a strictly positive integer is required"));
    }
    t.st.borrow_mut().chunk_size = n as usize;
    Ok(())
}

fn repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "__repr__", 0, 0)?;
    // CPython names the class so even for subclasses.
    let mut s = String::from("<_io.TextIOWrapper");
    if let Some(n) = super::fileio::repr_name(vm, a[0])? {
        s.push_str(&format!(" name={n}"));
    }
    let m = vm.intern("mode");
    if let Ok(Some(mode)) = crate::attr::getattr_opt(vm, a[0], m) {
        let r = crate::ops::repr_string(vm, mode)?;
        s.push_str(&format!(" mode={r}"));
    }
    if let Some(t) = a[0].downcast::<TextIOObj>() {
        let e = t.encoding.get();
        if !e.is_null() {
            let r = crate::ops::repr_string(vm, e)?;
            s.push_str(&format!(" encoding={r}"));
        }
    }
    s.push('>');
    Ok(crate::str::new_str(vm, s))
}

// ---- construction ------------------------------------------------------------------------

fn new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let n = Value::NULL;
    let st = State { chunk_size: 8192, ..State::default() };
    Ok(vm.alloc(cls, TextIOObj { buffer: Cell::new(n), encoding: Cell::new(n), errors: Cell::new(n), encoder: Cell::new(n), decoder: Cell::new(n), st: RefCell::new(st) }))
}

/// A str argument or None (`TextIOWrapper() argument 'X' must be str or None`).
fn opt_str(vm: &mut Vm, v: Value, what: &str) -> PyResult<Option<&'static str>> {
    if v.is_null() || v == vm.none {
        return Ok(None);
    }
    match crate::str::as_str(v) {
        Some(s) => Ok(Some(s)),
        None => {
            let m = format!("TextIOWrapper() argument '{what}' must be str or None, not {}", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

/// The locale's encoding, for `encoding=None` or "locale".
fn locale_encoding(vm: &mut Vm) -> Value {
    let e = crate::modules::posix::locale_encoding(&vm.config);
    vm.intern(&e)
}

/// Sets the newline rules from a checked `newline=` argument.
fn set_newline(st: &mut State, newline: Option<&'static str>) {
    st.nl = matches!(newline, None | Some("")).then(|| NlState::new(newline.is_none()));
    st.line_end = Some(LineEnd::for_newline(newline));
    st.writenl = newline.filter(|n| n.starts_with('\r'));
}

/// Sets the codec: native or `codecs` objects for the directions the buffer has.
fn set_codec(vm: &mut Vm, t: &TextIOObj, enc: Value, errors: Value, readable: bool, writable: bool) -> PyResult<()> {
    let name = crate::str::as_str(enc).unwrap_or("utf-8");
    let native = textcodec::check_encoding(vm, name, enc)?;
    let (mut d, mut e) = (Value::NULL, Value::NULL);
    if native.is_none() {
        if readable {
            d = textcodec::python_codec(vm, "getincrementaldecoder", enc, errors)?;
        }
        let _pin = crate::gc::pin(d);
        if writable {
            e = textcodec::python_codec(vm, "getincrementalencoder", enc, errors)?;
        }
    }
    t.encoding.set(enc);
    t.errors.set(errors);
    t.decoder.set(d);
    t.encoder.set(e);
    let mut st = t.st.borrow_mut();
    st.native = native;
    st.errors = crate::str::as_str(errors).unwrap_or("strict").to_string();
    st.dec = DecState::default();
    Ok(())
}

/// Sets up the wrapper (`__init__` and the standard streams).
#[allow(clippy::too_many_arguments)]
pub fn setup(vm: &mut Vm, obj: Value, buffer: Value, encoding: Value, errors: Value, newline: Option<&'static str>, line_buffering: bool, write_through: bool) -> PyResult<()> {
    let Some(t) = obj.downcast::<TextIOObj>() else { return Err(vm.type_error("TextIOWrapper expected")) };
    let enc = match opt_str(vm, encoding, "encoding")? {
        None | Some("locale") => locale_encoding(vm),
        Some(_) => encoding,
    };
    let _pin = crate::gc::pin(enc);
    let errors = match opt_str(vm, errors, "errors")? {
        None => vm.intern("strict"),
        Some(_) => errors,
    };
    t.buffer.set(buffer);
    let readable = super::call_truthy(vm, buffer, "readable", &[])?;
    let writable = super::call_truthy(vm, buffer, "writable", &[])?;
    let seekable = super::call_truthy(vm, buffer, "seekable", &[])?;
    set_codec(vm, t, enc, errors, readable, writable)?;
    let read1 = vm.intern("read1");
    let has_read1 = crate::attr::getattr_opt(vm, buffer, read1)?.is_some();
    let at_start = !seekable || {
        let r = call_method(vm, buffer, "tell", &[])?;
        crate::int::as_i64(r) == Some(0)
    };
    if !at_start && writable && !t.encoder.get().is_null() {
        call_method(vm, t.encoder.get(), "setstate", &[Value::small(0)])?;
    }
    let mut st = t.st.borrow_mut();
    set_newline(&mut st, newline);
    st.line_buffering = line_buffering;
    st.write_through = write_through;
    st.readable = readable;
    st.writable = writable;
    st.seekable = seekable;
    st.telling = seekable;
    st.has_read1 = has_read1;
    st.bom_to_write = writable && at_start && st.native == Some(Native::Utf8Sig);
    st.dec.bom_done = !at_start;
    st.decoded.clear();
    st.dpos = 0;
    st.snap = None;
    st.pending.clear();
    st.ready = true;
    Ok(())
}

fn init(vm: &mut Vm, args: Args) -> PyResult {
    let [self_, buffer, encoding, errors, newline, lb, wt] =
        args.bind(vm, "TextIOWrapper", ["self", "buffer", "encoding", "errors", "newline", "line_buffering", "write_through"], 2, 0)?;
    let newline = super::newlines::newline_arg(vm, newline, false)?;
    let lb = !lb.is_null() && crate::ops::truthy(vm, lb)?;
    let wt = !wt.is_null() && crate::ops::truthy(vm, wt)?;
    setup(vm, self_, buffer, encoding, errors, newline, lb, wt)?;
    Ok(vm.none)
}

/// A new wrapper of our class over `buffer` (`open()` and the standard streams).
#[allow(clippy::too_many_arguments)]
pub fn new_over(vm: &mut Vm, buffer: Value, encoding: Value, errors: Value, newline: Option<&'static str>, line_buffering: bool, write_through: bool) -> PyResult {
    let ty = vm.io.text_wrapper;
    let obj = new(vm, Args::new(&[ty]))?;
    setup(vm, obj, buffer, encoding, errors, newline, line_buffering, write_through)?;
    Ok(obj)
}

fn reconfigure(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos().len() > 1 {
        let n = args.pos().len() - 1;
        return Err(vm.type_error(format!("reconfigure() takes exactly 0 positional arguments ({n} given)")));
    }
    let me = args.vals[0];
    let t = this(vm, me)?;
    let [_, encoding, errors, newline, lb, wt] = args.bind(vm, "reconfigure", ["self", "encoding", "errors", "newline", "line_buffering", "write_through"], 1, 1)?;
    let newline = if newline.is_null() { None } else { Some(super::newlines::newline_arg(vm, newline, false)?) };
    let enc_given = !encoding.is_null() && encoding != vm.none;
    let errs_given = !errors.is_null() && errors != vm.none;
    if (enc_given || errs_given || newline.is_some()) && (t.st.borrow().snap.is_some() || !t.st.borrow().decoded.is_empty()) {
        return Err(unsupported(vm, "It is not possible to set the encoding or newline of stream after the first read"));
    }
    call_method(vm, me, "flush", &[])?;
    if enc_given || errs_given {
        let enc = if enc_given {
            opt_str(vm, encoding, "encoding")?;
            if crate::str::as_str(encoding) == Some("locale") { locale_encoding(vm) } else { encoding }
        } else {
            t.encoding.get()
        };
        let _pin = crate::gc::pin(enc);
        let errs = if errs_given {
            opt_str(vm, errors, "errors")?;
            errors
        } else if enc_given {
            vm.intern("strict")
        } else {
            t.errors.get()
        };
        let b = t.buffer.get();
        let readable = super::call_truthy(vm, b, "readable", &[])?;
        let writable = super::call_truthy(vm, b, "writable", &[])?;
        set_codec(vm, t, enc, errs, readable, writable)?;
        let mut st = t.st.borrow_mut();
        st.readable = readable;
        st.writable = writable;
    }
    let mut st = t.st.borrow_mut();
    if let Some(nl) = newline {
        set_newline(&mut st, nl);
    }
    drop(st);
    if !lb.is_null() && lb != vm.none {
        let b = crate::ops::truthy(vm, lb)?;
        t.st.borrow_mut().line_buffering = b;
    }
    if !wt.is_null() && wt != vm.none {
        let b = crate::ops::truthy(vm, wt)?;
        t.st.borrow_mut().write_through = b;
    }
    Ok(vm.none)
}

pub fn init_type(vm: &mut Vm) {
    let base = vm.io.text_iobase;
    let t = super::new_io_type(vm, "TextIOWrapper", base, true);
    vm.io.text_wrapper = t;
    add_static(vm, t, "__new__", new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__init__", init),
        ("write", write),
        ("read", read),
        ("readline", readline),
        ("__next__", next),
        ("tell", tell),
        ("seek", seek),
        ("truncate", truncate),
        ("flush", flush),
        ("close", close),
        ("detach", detach),
        ("fileno", fileno),
        ("isatty", isatty),
        ("readable", readable),
        ("writable", writable),
        ("seekable", seekable),
        ("reconfigure", reconfigure),
        ("__repr__", repr),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    add_getter(vm, t, "closed", g_closed);
    add_getter(vm, t, "name", g_name);
    add_getter(vm, t, "buffer", g_buffer);
    add_getter(vm, t, "encoding", g_encoding);
    add_getter(vm, t, "errors", g_errors);
    add_getter(vm, t, "line_buffering", g_line_buffering);
    add_getter(vm, t, "write_through", g_write_through);
    add_getter(vm, t, "newlines", g_newlines);
    add_getset(vm, t, "_CHUNK_SIZE", g_chunk_size, s_chunk_size);
}
