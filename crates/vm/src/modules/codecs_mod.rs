//! The `_codecs` module: the codec registry (search functions, the cache of
//! their answers keyed by normalized name, the error-handler registry), the
//! built-in error handlers as Python functions, and the codec functions the
//! `encodings` package calls (`utf_8_decode`, `charmap_encode`, ...), each a
//! thin wrapper over crates/vm/src/codecs. `str.encode`/`bytes.decode` come
//! here (`encode_text`/`decode_text`) for encodings not written in Rust.
//!
//! The registry is initialised on first use, as CPython's
//! `_PyCodecRegistry_Init`: the built-in error handlers are registered and the
//! `encodings` package is imported (it registers its search function).

use crate::codecs::{self, DecodeCtx, EncodeCtx};
use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

thread_local! {
    /// A tuple (search functions list, cache dict, error handlers dict).
    static REGISTRY: Cell<Value> = const { Cell::new(Value::NULL) };
}

/// The registry's (search path, cache, error handlers), created on first use.
fn registry(vm: &mut Vm) -> PyResult<(Value, Value, Value)> {
    let r = REGISTRY.with(|c| c.get());
    if !r.is_null() {
        let it = crate::tuple::items(r);
        return Ok((it[0], it[1], it[2]));
    }
    let path = crate::list::new_list(vm, vec![]);
    let _p1 = crate::gc::pin(path);
    let cache = crate::dict::new_dict(vm);
    let _p2 = crate::gc::pin(cache);
    let handlers = crate::dict::new_dict(vm);
    let _p3 = crate::gc::pin(handlers);
    let r = crate::tuple::new_tuple(vm, vec![path, cache, handlers]);
    vm.extra_roots.push(r);
    REGISTRY.with(|c| c.set(r));
    for (name, f) in BUILTIN_HANDLERS {
        let fname = if name.starts_with("surrogate") { name } else { handler_function_name(name) };
        let v = crate::function::new_native(vm, fname, *f, crate::function::NativeKind::Function, Value::NULL);
        crate::dict::set_item_str(vm, handlers, name, v)?;
    }
    crate::import::import_simple(vm, "encodings")?;
    Ok((path, cache, handlers))
}

fn handler_function_name(name: &str) -> &'static str {
    match name {
        "strict" => "strict_errors",
        "ignore" => "ignore_errors",
        "replace" => "replace_errors",
        "xmlcharrefreplace" => "xmlcharrefreplace_errors",
        "backslashreplace" => "backslashreplace_errors",
        _ => "namereplace_errors",
    }
}

const BUILTIN_HANDLERS: &[(&str, crate::object::NativeFn)] = &[
    ("strict", strict_errors),
    ("ignore", ignore_errors),
    ("replace", replace_errors),
    ("xmlcharrefreplace", xmlcharrefreplace_errors),
    ("backslashreplace", backslashreplace_errors),
    ("namereplace", namereplace_errors),
    ("surrogateescape", surrogateescape_errors),
    ("surrogatepass", surrogatepass_errors),
];

/// A str argument: TypeError "f() argument must be str, not int".
pub(crate) fn str_param(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'static str> {
    match crate::str::as_str(v) {
        Some(s) => Ok(s),
        None => {
            let m = format!("{what} must be str, not {}", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

/// The codec info for `encoding`: the cache, else the search functions in
/// order of registration (each given the normalized name).
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult {
    let (path, cache, _) = registry(vm)?;
    let key = crate::str::new_str(vm, codecs::normalize_encoding(encoding));
    if let Some(v) = crate::dict::get_item(vm, cache, key)? {
        return Ok(v);
    }
    let n = crate::list::lobj(path).items.borrow().len();
    if n == 0 {
        let t = vm.e.lookup_error;
        return Err(vm.new_exc(t, "no codec search functions registered: can't find encoding"));
    }
    for i in 0..n {
        let f = crate::list::lobj(path).items.borrow().get(i).copied();
        let Some(f) = f else { break };
        let r = crate::call::call(vm, f, &[key])?;
        if r == vm.none {
            continue;
        }
        if !crate::tuple::is_tuple(r) || crate::tuple::items(r).len() != 4 {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        crate::dict::set_item(vm, cache, key, r)?;
        return Ok(r);
    }
    let t = vm.e.lookup_error;
    Err(vm.new_exc(t, format!("unknown encoding: {encoding}")))
}

/// The error handler registered as `name`.
pub fn lookup_error(vm: &mut Vm, name: &str) -> PyResult {
    let (_, _, handlers) = registry(vm)?;
    match crate::dict::get_item_str(vm, handlers, name)? {
        Some(h) => Ok(h),
        None => {
            let t = vm.e.lookup_error;
            Err(vm.new_exc(t, format!("unknown error handler name '{name}'")))
        }
    }
}

/// A codec for str.encode/bytes.decode: LookupError for codecs that say they
/// are not text encodings (`_is_text_encoding` false), as rot13 and hex.
fn lookup_text(vm: &mut Vm, encoding: &str, alternative: &str) -> PyResult {
    let codec = lookup(vm, encoding)?;
    if vm.type_of(codec) != vm.t.tuple {
        let name = vm.intern("_is_text_encoding");
        if let Some(v) = crate::attr::getattr_opt(vm, codec, name)? {
            if !crate::ops::truthy(vm, v)? {
                let t = vm.e.lookup_error;
                let m = format!("'{encoding}' is not a text encoding; use {alternative} to handle arbitrary codecs");
                return Err(vm.new_exc(t, m));
            }
        }
    }
    Ok(codec)
}

/// Exception types that carry more than a message (CPython will not wrap them).
fn keeps_state(vm: &Vm, ty: Value) -> bool {
    let e = &vm.e;
    [e.system_exit, e.import_error, e.os_error, e.syntax_error, e.unicode_encode_error, e.unicode_decode_error, e.unicode_translate_error, e.stop_iteration, e.name_error, e.attribute_error, e.base_exception_group]
        .iter()
        .any(|t| crate::typeobj::is_subtype(ty, *t))
}

/// CPython 3.11's `wrap_codec_error`: an exception of a plain type with at
/// most a str argument and no attributes is replaced by one of the same type
/// saying "encoding with 'hex' codec failed (Error: ...)", caused by it.
fn wrap_codec_error(vm: &mut Vm, err: PyErr, operation: &str, encoding: &str) -> PyErr {
    let exc = err.0;
    let ty = vm.type_of(exc);
    let base = vm.e.base_exception;
    let plain_init = crate::typeobj::lookup_str(vm, ty, "__init__") == crate::typeobj::lookup_str(vm, base, "__init__");
    let plain_new = crate::typeobj::lookup_str(vm, ty, "__new__") == crate::typeobj::lookup_str(vm, base, "__new__");
    if !plain_init || !plain_new || keeps_state(vm, ty) {
        return err;
    }
    let args = crate::exceptions::eobj(exc).args.get();
    let simple_args = match crate::tuple::is_tuple(args).then(|| crate::tuple::items(args)) {
        Some([]) => true,
        Some([a]) => vm.type_of(*a) == vm.t.str,
        _ => false,
    };
    let dict = exc.header().map_or(Value::NULL, |h| h.dict());
    let no_attrs = dict.is_null() || crate::dict::dobj(dict).items().is_empty();
    if !simple_args || !no_attrs {
        return err;
    }
    let text = match crate::ops::str_string(vm, exc) {
        Ok(t) => t,
        Err(_) => return err,
    };
    let m = format!("{operation} with '{encoding}' codec failed ({}: {text})", crate::typeobj::short_name(vm.type_of(exc)));
    let new = vm.new_exc(ty, m);
    crate::exceptions::set_cause(vm, new.0, exc);
    new
}

/// Calls an encoder or decoder as `_PyCodec_EncodeInternal` does: with the
/// errors argument only when one was given; returns the first item of its
/// (object, length) answer.
fn call_codec(vm: &mut Vm, f: Value, obj: Value, errors: Value, operation: &str, encoding: &str) -> PyResult {
    let r = if errors.is_null() { crate::call::call(vm, f, &[obj]) } else { crate::call::call(vm, f, &[obj, errors]) };
    let r = r.map_err(|e| wrap_codec_error(vm, e, operation, encoding))?;
    if !crate::tuple::is_tuple(r) || crate::tuple::items(r).len() != 2 {
        let m = if operation == "encoding" { "encoder must return a tuple (object, integer)" } else { "decoder must return a tuple (object,integer)" };
        return Err(vm.type_error(m));
    }
    Ok(crate::tuple::items(r)[0])
}

/// `str.encode` with an encoding found through the registry.
pub fn encode_text(vm: &mut Vm, s: Value, encoding: &str, errors: Value) -> PyResult {
    let codec = lookup_text(vm, encoding, "codecs.encode()")?;
    let encoder = crate::tuple::items(codec)[0];
    let v = call_codec(vm, encoder, s, errors, "encoding", encoding)?;
    if v.is::<crate::bytes::BytesObj>() {
        return Ok(v);
    }
    if let Some(b) = v.downcast::<crate::bytes::ByteArrayObj>() {
        let m = format!("encoder {encoding} returned bytearray instead of bytes; use codecs.encode() to encode to arbitrary types");
        let c = vm.e.runtime_warning;
        crate::modules::warnings::warn_str(vm, c, &m, 1)?;
        let data = b.data.borrow().clone();
        return Ok(crate::bytes::new_bytes(vm, data));
    }
    let m = format!("'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types", vm.type_name(v));
    Err(vm.type_error(m))
}

/// `bytes.decode` with an encoding found through the registry.
pub fn decode_text(vm: &mut Vm, b: Value, encoding: &str, errors: Value) -> PyResult {
    let codec = lookup_text(vm, encoding, "codecs.decode()")?;
    let decoder = crate::tuple::items(codec)[1];
    let v = call_codec(vm, decoder, b, errors, "decoding", encoding)?;
    if crate::str::as_str(v).is_some() {
        return Ok(v);
    }
    let m = format!("'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types", vm.type_name(v));
    Err(vm.type_error(m))
}

// ---- registry functions ----

fn register(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_codecs.register", 1, 1)?;
    let (path, _, _) = registry(vm)?;
    if !crate::builtins::is_callable(vm, a[0]) {
        return Err(vm.type_error("argument must be callable"));
    }
    crate::list::lobj(path).items.borrow_mut().push(a[0]);
    Ok(vm.none)
}

fn unregister(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_codecs.unregister", 1, 1)?;
    let (path, cache, _) = registry(vm)?;
    let pos = crate::list::lobj(path).items.borrow().iter().position(|f| *f == a[0]);
    if let Some(i) = pos {
        crate::list::lobj(path).items.borrow_mut().remove(i);
        crate::dict::dobj(cache).clear();
    }
    Ok(vm.none)
}

fn lookup_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_codecs.lookup", 1, 1)?;
    let enc = str_param(vm, a[0], "lookup() argument")?;
    lookup(vm, enc)
}

/// `_codecs.encode(obj, encoding='utf-8', errors='strict')` / `decode`: any codec, any types.
fn encode_or_decode(vm: &mut Vm, args: Args, fname: &str, index: usize) -> PyResult {
    let [obj, encoding, errors] = args.bind(vm, fname, ["obj", "encoding", "errors"], 1, 0)?;
    let enc = if encoding.is_null() { "utf-8" } else { str_param(vm, encoding, &format!("{fname}() argument 'encoding'"))? };
    if !errors.is_null() {
        str_param(vm, errors, &format!("{fname}() argument 'errors'"))?;
    }
    let codec = lookup(vm, enc)?;
    let f = crate::tuple::items(codec)[index];
    let operation = if index == 0 { "encoding" } else { "decoding" };
    call_codec(vm, f, obj, errors, operation, enc)
}

fn encode(vm: &mut Vm, args: Args) -> PyResult {
    encode_or_decode(vm, args, "encode", 0)
}

fn decode(vm: &mut Vm, args: Args) -> PyResult {
    encode_or_decode(vm, args, "decode", 1)
}

fn register_error(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "register_error", 2, 2)?;
    let name = str_param(vm, a[0], "register_error() argument 1")?;
    let (_, _, handlers) = registry(vm)?;
    if !crate::builtins::is_callable(vm, a[1]) {
        return Err(vm.type_error("handler must be callable"));
    }
    crate::dict::set_item_str(vm, handlers, name, a[1])?;
    Ok(vm.none)
}

fn lookup_error_fn(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_codecs.lookup_error", 1, 1)?;
    let name = str_param(vm, a[0], "lookup_error() argument")?;
    lookup_error(vm, name)
}

// ---- the built-in error handlers as functions ----

#[derive(Clone, Copy, PartialEq)]
enum ErrKind {
    Encode,
    Decode,
    Translate,
}

/// The kind of a Unicode error, or TypeError "don't know how to handle X in error callback".
fn err_kind(vm: &mut Vm, exc: Value) -> PyResult<ErrKind> {
    let kinds = [(vm.e.unicode_encode_error, ErrKind::Encode), (vm.e.unicode_decode_error, ErrKind::Decode), (vm.e.unicode_translate_error, ErrKind::Translate)];
    match kinds.iter().find(|(t, _)| crate::typeobj::is_instance(vm, exc, *t)) {
        Some((_, k)) => Ok(*k),
        None => Err(wrong_exception_type(vm, exc)),
    }
}

fn wrong_exception_type(vm: &mut Vm, exc: Value) -> PyErr {
    let m = format!("don't know how to handle {} in error callback", vm.type_name(exc));
    vm.type_error(m)
}

/// The error's object and its start and end, clamped as CPython's
/// `PyUnicodeEncodeError_GetStart`/`GetEnd` clamp them.
fn err_range(vm: &mut Vm, exc: Value) -> PyResult<(Value, usize, usize)> {
    let names = ["object", "start", "end"].map(|n| vm.intern(n));
    let object = crate::attr::getattr(vm, exc, names[0])?;
    let s = crate::attr::getattr(vm, exc, names[1])?;
    let start = crate::number::index_i64(vm, s)?;
    let e = crate::attr::getattr(vm, exc, names[2])?;
    let end = crate::number::index_i64(vm, e)?;
    let size = match crate::str::as_str(object) {
        Some(t) => t.chars().count(),
        None => crate::bytes::buffer_bytes(object).map_or(0, |b| b.len()),
    } as i64;
    let start = start.max(0).min((size - 1).max(0));
    let end = end.max(1).min(size);
    Ok((object, start as usize, end.max(start) as usize))
}

fn handler_result(vm: &mut Vm, text: String, end: usize) -> PyResult {
    let s = crate::str::new_str(vm, text);
    let e = crate::int::from_usize(vm, end);
    Ok(crate::tuple::new_tuple(vm, vec![s, e]))
}

/// One built-in handler called as a function: its replacement for the
/// error's range, or TypeError for the kinds of error it cannot handle.
fn run_builtin_handler(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let a = args.exact(vm, handler_function_name(name), 1, 1)?;
    let exc = a[0];
    let kind = err_kind(vm, exc)?;
    let (object, start, end) = err_range(vm, exc)?;
    let text = match kind {
        ErrKind::Decode => {
            let data = crate::bytes::buffer_bytes(object).unwrap_or_default();
            codecs::builtin_decode_replacement(name, &data[start.min(data.len())..end.min(data.len())])
        }
        _ => {
            let chars: Vec<u32> = object.downcast::<crate::str::StrObj>().map_or(Vec::new(), |s| s.code_points()).into_iter().skip(start).take(end - start).collect();
            match (kind, name) {
                (ErrKind::Translate, "replace") => Some("\u{fffd}".repeat(chars.len())),
                (_, "surrogateescape" | "surrogatepass") => None,
                (ErrKind::Translate, "xmlcharrefreplace" | "namereplace") => None,
                _ => codecs::builtin_encode_replacement(name, &chars),
            }
        }
    };
    match text {
        Some(t) => handler_result(vm, t, end),
        None => Err(wrong_exception_type(vm, exc)),
    }
}

fn strict_errors(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "strict_errors", 1, 1)?;
    if crate::typeobj::is_instance(vm, a[0], vm.e.base_exception) {
        return Err(PyErr(a[0]));
    }
    Err(vm.type_error("codec must pass exception instance"))
}

fn ignore_errors(vm: &mut Vm, args: Args) -> PyResult {
    run_builtin_handler(vm, args, "ignore")
}

fn replace_errors(vm: &mut Vm, args: Args) -> PyResult {
    run_builtin_handler(vm, args, "replace")
}

fn xmlcharrefreplace_errors(vm: &mut Vm, args: Args) -> PyResult {
    run_builtin_handler(vm, args, "xmlcharrefreplace")
}

fn backslashreplace_errors(vm: &mut Vm, args: Args) -> PyResult {
    run_builtin_handler(vm, args, "backslashreplace")
}

fn namereplace_errors(vm: &mut Vm, args: Args) -> PyResult {
    run_builtin_handler(vm, args, "namereplace")
}

/// 'surrogateescape' and 'surrogatepass' called as functions: surrogates back to
/// bytes when encoding, undecodable bytes to surrogates when decoding; any other
/// range re-raises the error.
fn surrogate_handler(vm: &mut Vm, args: Args, fname: &str) -> PyResult {
    let a = args.exact(vm, fname, 1, 1)?;
    let exc = a[0];
    let kind = err_kind(vm, exc)?;
    if kind == ErrKind::Translate {
        return Err(wrong_exception_type(vm, exc));
    }
    let (object, start, end) = err_range(vm, exc)?;
    let enc_name = vm.intern("encoding");
    let enc = crate::attr::getattr(vm, exc, enc_name)?;
    let enc = crate::str::as_str(enc).unwrap_or("").to_string();
    if kind == ErrKind::Encode {
        let cx = EncodeCtx::new(&enc, fname, object);
        let Some(b) = cx.surrogate_bytes(start, end) else { return Err(PyErr(exc)) };
        let rep = crate::bytes::new_bytes(vm, b);
        let e = crate::int::from_usize(vm, end);
        return Ok(crate::tuple::new_tuple(vm, vec![rep, e]));
    }
    let data = crate::bytes::buffer_bytes(object).unwrap_or_default();
    let cx = DecodeCtx::new(&enc, fname, &data);
    let Some((cps, next)) = cx.surrogate_text(start, end) else { return Err(PyErr(exc)) };
    let rep = crate::str::from_code_points(vm, &cps);
    let e = crate::int::from_usize(vm, next);
    Ok(crate::tuple::new_tuple(vm, vec![rep, e]))
}

fn surrogateescape_errors(vm: &mut Vm, args: Args) -> PyResult {
    surrogate_handler(vm, args, "surrogateescape")
}

fn surrogatepass_errors(vm: &mut Vm, args: Args) -> PyResult {
    surrogate_handler(vm, args, "surrogatepass")
}

// ---- codec functions: argument helpers ----

/// The text argument `argno` of `fname`.
fn text_arg(vm: &mut Vm, a: &[Value], fname: &str, argno: usize) -> PyResult<Value> {
    let v = a[argno - 1];
    str_param(vm, v, &format!("{fname}() argument {argno}"))?;
    Ok(v)
}

/// The optional `errors` argument at index `i`: None or missing mean 'strict'.
fn errors_arg(vm: &mut Vm, a: &[Value], fname: &str, i: usize) -> PyResult<&'static str> {
    match a.get(i) {
        None => Ok("strict"),
        Some(v) if *v == vm.none => Ok("strict"),
        Some(v) => match crate::str::as_str(*v) {
            Some(s) => Ok(s),
            None => {
                let m = format!("{fname}() argument {} must be str or None, not {}", i + 1, vm.type_name(*v));
                Err(vm.type_error(m))
            }
        },
    }
}

/// An int-valued flag or byte order at index `i` (default `default`).
fn int_arg(vm: &mut Vm, a: &[Value], i: usize, default: i64) -> PyResult<i64> {
    match a.get(i) {
        None => Ok(default),
        Some(v) => crate::number::index_i64(vm, *v),
    }
}

/// A bytes-like argument, or (`str_ok`) a str taken as its UTF-8 bytes.
fn data_arg(vm: &mut Vm, v: Value, str_ok: bool) -> PyResult<Vec<u8>> {
    match crate::str::as_str(v) {
        Some(s) if str_ok => Ok(s.as_bytes().to_vec()),
        _ => crate::bytes::buffer_arg(vm, v),
    }
}

fn bytes_result(vm: &mut Vm, data: Vec<u8>, consumed: usize) -> PyResult {
    let b = crate::bytes::new_bytes(vm, data);
    let n = crate::int::from_usize(vm, consumed);
    Ok(crate::tuple::new_tuple(vm, vec![b, n]))
}

/// A decoder's `(str, consumed)` answer.
fn str_result(vm: &mut Vm, cx: &DecodeCtx, text: String, consumed: usize) -> PyResult {
    let s = cx.finish(vm, text);
    let n = crate::int::from_usize(vm, consumed);
    Ok(crate::tuple::new_tuple(vm, vec![s, n]))
}

/// The length of the str `s` in code points.
fn char_len(s: Value) -> usize {
    crate::str::as_str(s).map_or(0, |t| t.chars().count())
}

// ---- encoders ----

/// Which Rust encoder an `X_encode` function runs.
#[derive(Clone, Copy)]
enum Enc {
    Utf8,
    Utf7,
    Wide(usize, i32),
    Ascii,
    Latin1,
    UnicodeEscape,
    RawUnicodeEscape,
}

/// `X_encode(str, errors=None[, byteorder])` -> (bytes, len(str)).
fn run_encoder(vm: &mut Vm, args: Args, fname: &str, enc: Enc) -> PyResult {
    let max = if matches!(enc, Enc::Wide(_, 0)) { 3 } else { 2 };
    let a = args.exact(vm, fname, 1, max)?;
    let s = text_arg(vm, a, fname, 1)?;
    let errors = errors_arg(vm, a, fname, 1)?;
    let text = crate::str::as_str(s).unwrap_or("");
    let data = match enc {
        Enc::Utf8 => codecs::encode_utf8(vm, s, errors)?,
        Enc::Utf7 => codecs::utf7::encode(text),
        Enc::Wide(width, bo) => {
            let bo = if bo == 0 { int_arg(vm, a, 2, 0)? } else { i64::from(bo) };
            codecs::encode_wide_str(vm, s, errors, width, bo.signum() as i32)?
        }
        Enc::Ascii => codecs::encode_limited(vm, s, "ascii", errors, 0x80)?,
        Enc::Latin1 => codecs::encode_limited(vm, s, "latin-1", errors, 0x100)?,
        Enc::UnicodeEscape => codecs::escape::unicode_escape_encode(text),
        Enc::RawUnicodeEscape => codecs::escape::raw_unicode_escape_encode(text),
    };
    bytes_result(vm, data, char_len(s))
}

/// One native function per codec: `name: kind;` calls `runner(vm, args, "name", kind)`.
macro_rules! codec_functions {
    ($runner:ident; $($name:ident: $kind:expr;)*) => {
        $(fn $name(vm: &mut Vm, args: Args) -> PyResult {
            $runner(vm, args, stringify!($name), $kind)
        })*
    };
}

codec_functions! {
    run_encoder;
    utf_8_encode: Enc::Utf8;
    utf_7_encode: Enc::Utf7;
    utf_16_encode: Enc::Wide(2, 0);
    utf_16_le_encode: Enc::Wide(2, -1);
    utf_16_be_encode: Enc::Wide(2, 1);
    utf_32_encode: Enc::Wide(4, 0);
    utf_32_le_encode: Enc::Wide(4, -1);
    utf_32_be_encode: Enc::Wide(4, 1);
    ascii_encode: Enc::Ascii;
    latin_1_encode: Enc::Latin1;
    unicode_escape_encode: Enc::UnicodeEscape;
    raw_unicode_escape_encode: Enc::RawUnicodeEscape;
}

fn charmap_encode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "charmap_encode", 1, 3)?;
    let s = text_arg(vm, a, "charmap_encode", 1)?;
    let errors = errors_arg(vm, a, "charmap_encode", 1)?;
    let mapping = a.get(2).copied().unwrap_or(vm.none);
    let data = if mapping == vm.none {
        codecs::encode_limited(vm, s, "latin-1", errors, 0x100)?
    } else {
        codecs::charmap::encode(vm, &EncodeCtx::new("charmap", errors, s), mapping)?
    };
    bytes_result(vm, data, char_len(s))
}

fn charmap_build(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_codecs.charmap_build", 1, 1)?;
    let table = str_param(vm, a[0], "charmap_build() argument")?;
    codecs::charmap::build(vm, table)
}

fn escape_encode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "escape_encode", 1, 2)?;
    let Some(b) = a[0].downcast::<crate::bytes::BytesObj>() else {
        let m = format!("escape_encode() argument 1 must be bytes, not {}", vm.type_name(a[0]));
        return Err(vm.type_error(m));
    };
    errors_arg(vm, a, "escape_encode", 1)?;
    let n = b.data.len();
    let out = codecs::escape::bytes_escape_encode(&b.data);
    bytes_result(vm, out, n)
}

fn escape_decode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "escape_decode", 1, 2)?;
    let data = data_arg(vm, a[0], true)?;
    let errors = errors_arg(vm, a, "escape_decode", 1)?;
    match codecs::escape::bytes_escape_decode(&data, errors) {
        Ok((out, warning)) => {
            deprecation_warning(vm, warning)?;
            bytes_result(vm, out, data.len())
        }
        Err(m) => Err(vm.value_error(m)),
    }
}

/// The DeprecationWarning of an invalid escape sequence, if any.
fn deprecation_warning(vm: &mut Vm, warning: Option<String>) -> PyResult<()> {
    match warning {
        Some(m) => {
            let c = vm.e.deprecation_warning;
            crate::modules::warnings::warn_str(vm, c, &m, 1)
        }
        None => Ok(()),
    }
}

fn readbuffer_encode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "readbuffer_encode", 1, 2)?;
    let data = data_arg(vm, a[0], true)?;
    errors_arg(vm, a, "readbuffer_encode", 1)?;
    let n = data.len();
    bytes_result(vm, data, n)
}

// ---- decoders ----

/// Which Rust decoder an `X_decode` function runs.
#[derive(Clone, Copy)]
enum Dec {
    Utf8,
    Utf7,
    /// (width, byte order); `ex` decoders also take and return the byte order.
    Wide(usize, i32, bool),
    Ascii,
    Latin1,
    /// raw or not
    Escape(bool),
}

/// `X_decode(data, errors=None[, byteorder][, final])` -> (str, consumed[, byteorder]).
fn run_decoder(vm: &mut Vm, args: Args, fname: &str, dec: Dec) -> PyResult {
    let max = match dec {
        Dec::Ascii | Dec::Latin1 => 2,
        Dec::Wide(_, _, true) => 4,
        _ => 3,
    };
    let a = args.exact(vm, fname, 1, max)?;
    let data = data_arg(vm, a[0], matches!(dec, Dec::Escape(_)))?;
    let errors = errors_arg(vm, a, fname, 1)?;
    let final_index = if max == 4 { 3 } else { 2 };
    let final_default = matches!(dec, Dec::Escape(_)) as i64;
    let final_ = int_arg(vm, a, final_index, final_default)? != 0;
    let mut cx = DecodeCtx::new("", errors, &data);
    let (text, consumed) = match dec {
        Dec::Utf8 => {
            cx.encoding = "utf-8";
            codecs::decode_utf8(vm, &mut cx, final_)?
        }
        Dec::Utf7 => {
            cx.encoding = "utf7";
            codecs::utf7::decode(vm, &mut cx, final_)?
        }
        Dec::Wide(width, bo, ex) => {
            let mut order = if ex { int_arg(vm, a, 2, 0)?.signum() as i32 } else { bo };
            let (text, consumed) = codecs::decode_wide(vm, &mut cx, width, &mut order, final_)?;
            if ex {
                let s = cx.finish(vm, text);
                let n = crate::int::from_usize(vm, consumed);
                let o = crate::int::from_i64(vm, i64::from(order));
                return Ok(crate::tuple::new_tuple(vm, vec![s, n, o]));
            }
            (text, consumed)
        }
        Dec::Ascii => {
            cx.encoding = "ascii";
            (codecs::decode_ascii(vm, &mut cx)?, data.len())
        }
        Dec::Latin1 => (codecs::decode_latin1(&data), data.len()),
        Dec::Escape(raw) => {
            cx.encoding = if raw { "rawunicodeescape" } else { "unicodeescape" };
            let (text, consumed, warning) = codecs::escape::decode(vm, &mut cx, raw, final_)?;
            deprecation_warning(vm, warning)?;
            (text, consumed)
        }
    };
    str_result(vm, &cx, text, consumed)
}

codec_functions! {
    run_decoder;
    utf_8_decode: Dec::Utf8;
    utf_7_decode: Dec::Utf7;
    utf_16_decode: Dec::Wide(2, 0, false);
    utf_16_le_decode: Dec::Wide(2, -1, false);
    utf_16_be_decode: Dec::Wide(2, 1, false);
    utf_16_ex_decode: Dec::Wide(2, 0, true);
    utf_32_decode: Dec::Wide(4, 0, false);
    utf_32_le_decode: Dec::Wide(4, -1, false);
    utf_32_be_decode: Dec::Wide(4, 1, false);
    utf_32_ex_decode: Dec::Wide(4, 0, true);
    ascii_decode: Dec::Ascii;
    latin_1_decode: Dec::Latin1;
    unicode_escape_decode: Dec::Escape(false);
    raw_unicode_escape_decode: Dec::Escape(true);
}

fn charmap_decode(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "charmap_decode", 1, 3)?;
    let data = data_arg(vm, a[0], false)?;
    let errors = errors_arg(vm, a, "charmap_decode", 1)?;
    let mapping = a.get(2).copied().unwrap_or(vm.none);
    let mut cx = DecodeCtx::new("charmap", errors, &data);
    let text = if mapping == vm.none {
        codecs::decode_latin1(&data)
    } else {
        codecs::charmap::decode(vm, &mut cx, mapping)?
    };
    str_result(vm, &cx, text, data.len())
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(
        vm,
        m,
        &[
            ("register", register),
            ("unregister", unregister),
            ("lookup", lookup_fn),
            ("encode", encode),
            ("decode", decode),
            ("register_error", register_error),
            ("lookup_error", lookup_error_fn),
            ("utf_8_encode", utf_8_encode),
            ("utf_8_decode", utf_8_decode),
            ("utf_7_encode", utf_7_encode),
            ("utf_7_decode", utf_7_decode),
            ("utf_16_encode", utf_16_encode),
            ("utf_16_decode", utf_16_decode),
            ("utf_16_le_encode", utf_16_le_encode),
            ("utf_16_le_decode", utf_16_le_decode),
            ("utf_16_be_encode", utf_16_be_encode),
            ("utf_16_be_decode", utf_16_be_decode),
            ("utf_16_ex_decode", utf_16_ex_decode),
            ("utf_32_encode", utf_32_encode),
            ("utf_32_decode", utf_32_decode),
            ("utf_32_le_encode", utf_32_le_encode),
            ("utf_32_le_decode", utf_32_le_decode),
            ("utf_32_be_encode", utf_32_be_encode),
            ("utf_32_be_decode", utf_32_be_decode),
            ("utf_32_ex_decode", utf_32_ex_decode),
            ("ascii_encode", ascii_encode),
            ("ascii_decode", ascii_decode),
            ("latin_1_encode", latin_1_encode),
            ("latin_1_decode", latin_1_decode),
            ("unicode_escape_encode", unicode_escape_encode),
            ("unicode_escape_decode", unicode_escape_decode),
            ("raw_unicode_escape_encode", raw_unicode_escape_encode),
            ("raw_unicode_escape_decode", raw_unicode_escape_decode),
            ("charmap_encode", charmap_encode),
            ("charmap_decode", charmap_decode),
            ("charmap_build", charmap_build),
            ("escape_encode", escape_encode),
            ("escape_decode", escape_decode),
            ("readbuffer_encode", readbuffer_encode),
        ],
    )
}
