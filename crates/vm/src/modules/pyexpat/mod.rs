//! The `pyexpat` module (CPython 3.11's Modules/pyexpat.c over expat 2.5): the
//! `xmlparser` type made by `ParserCreate`, its handler attributes and
//! settings, `ExpatError`, and the `errors` and `model` submodules. The
//! tokenizer (`scan`), the parser state machine (`parse`) and the DTD reader
//! (`dtd`) are plain Rust; this file decodes the input, runs the parser and
//! calls the Python handlers, one event at a time, with expat's character
//! data buffering (`buffer_text`).

mod dtd;
mod parse;
mod scan;

use crate::gc::{Trace, Tracer};
use crate::list::ValueBuf;
use crate::object::{Args, PyResult};
use crate::payload;
use crate::str::new_str;
use crate::value::Value;
use crate::vm::Vm;
use parse::{Core, Ev, Model, Pos};
use std::cell::{Cell, RefCell};

const ERRORS: &[(&str, &str)] = &[
    ("NO_MEMORY", "out of memory"),
    ("SYNTAX", "syntax error"),
    ("NO_ELEMENTS", "no element found"),
    ("INVALID_TOKEN", "not well-formed (invalid token)"),
    ("UNCLOSED_TOKEN", "unclosed token"),
    ("PARTIAL_CHAR", "partial character"),
    ("TAG_MISMATCH", "mismatched tag"),
    ("DUPLICATE_ATTRIBUTE", "duplicate attribute"),
    ("JUNK_AFTER_DOC_ELEMENT", "junk after document element"),
    ("PARAM_ENTITY_REF", "illegal parameter entity reference"),
    ("UNDEFINED_ENTITY", "undefined entity"),
    ("RECURSIVE_ENTITY_REF", "recursive entity reference"),
    ("ASYNC_ENTITY", "asynchronous entity"),
    ("BAD_CHAR_REF", "reference to invalid character number"),
    ("BINARY_ENTITY_REF", "reference to binary entity"),
    ("ATTRIBUTE_EXTERNAL_ENTITY_REF", "reference to external entity in attribute"),
    ("MISPLACED_XML_PI", "XML or text declaration not at start of entity"),
    ("UNKNOWN_ENCODING", "unknown encoding"),
    ("INCORRECT_ENCODING", "encoding specified in XML declaration is incorrect"),
    ("UNCLOSED_CDATA_SECTION", "unclosed CDATA section"),
    ("EXTERNAL_ENTITY_HANDLING", "error in processing external entity reference"),
    ("NOT_STANDALONE", "document is not standalone"),
    ("UNEXPECTED_STATE", "unexpected parser state - please send a bug report"),
    ("ENTITY_DECLARED_IN_PE", "entity declared in parameter entity"),
    ("FEATURE_REQUIRES_XML_DTD", "requested feature requires XML_DTD support in Expat"),
    ("CANT_CHANGE_FEATURE_ONCE_PARSING", "cannot change setting once parsing has begun"),
    ("UNBOUND_PREFIX", "unbound prefix"),
    ("UNDECLARING_PREFIX", "must not undeclare prefix"),
    ("INCOMPLETE_PE", "incomplete markup in parameter entity"),
    ("XML_DECL", "XML declaration not well-formed"),
    ("TEXT_DECL", "text declaration not well-formed"),
    ("PUBLICID", "illegal character(s) in public id"),
    ("SUSPENDED", "parser suspended"),
    ("NOT_SUSPENDED", "parser not suspended"),
    ("ABORTED", "parsing aborted"),
    ("FINISHED", "parsing finished"),
    ("SUSPEND_PE", "cannot suspend in external parameter entity"),
    ("RESERVED_PREFIX_XML", "reserved prefix (xml) must not be undeclared or bound to another namespace name"),
    ("RESERVED_PREFIX_XMLNS", "reserved prefix (xmlns) must not be declared or undeclared"),
    ("RESERVED_NAMESPACE_URI", "prefix must not be bound to one of the reserved namespace names"),
    ("INVALID_ARGUMENT", "invalid argument"),
    ("NO_BUFFER", "a successful prior call to function XML_GetBuffer is required"),
    ("AMPLIFICATION_LIMIT_BREACH", "limit on input amplification factor (from DTD and entities) breached"),
];

/// The handler attributes, in pyexpat's order.
const HANDLERS: [&str; 22] = [
    "StartElementHandler",
    "EndElementHandler",
    "ProcessingInstructionHandler",
    "CharacterDataHandler",
    "UnparsedEntityDeclHandler",
    "NotationDeclHandler",
    "StartNamespaceDeclHandler",
    "EndNamespaceDeclHandler",
    "CommentHandler",
    "StartCdataSectionHandler",
    "EndCdataSectionHandler",
    "DefaultHandler",
    "DefaultHandlerExpand",
    "NotStandaloneHandler",
    "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler",
    "EntityDeclHandler",
    "XmlDeclHandler",
    "ElementDeclHandler",
    "AttlistDeclHandler",
    "SkippedEntityHandler",
];

const START: usize = 0;
const END: usize = 1;
const PI: usize = 2;
const CHARS: usize = 3;
const UNPARSED: usize = 4;
const NOTATION: usize = 5;
const START_NS: usize = 6;
const END_NS: usize = 7;
const COMMENT: usize = 8;
const START_CDATA: usize = 9;
const END_CDATA: usize = 10;
const DEFAULT: usize = 11;
const DEFAULT_EXPAND: usize = 12;
const NOT_STANDALONE: usize = 13;
const EXTERNAL: usize = 14;
const START_DOCTYPE: usize = 15;
const END_DOCTYPE: usize = 16;
const ENTITY_DECL: usize = 17;
const XML_DECL: usize = 18;
const ELEMENT_DECL: usize = 19;
const ATTLIST_DECL: usize = 20;
const SKIPPED: usize = 21;

/// The size of expat's conversion buffer for input not in UTF-8.
const CONVERT_CHUNK: usize = 1024;

/// How input bytes become the UTF-8 text the parser reads.
enum Decoder {
    /// Not known yet: waiting for a byte order mark or the XML declaration.
    Undecided,
    Utf8,
    Utf16 { le: bool },
    /// A single-byte encoding: the character of each byte (None: invalid).
    Table(Box<[Option<char>; 256]>),
}

pub struct XmlParserObj {
    core: RefCell<Core>,
    handlers: [Cell<Value>; 22],
    intern: Cell<Value>,
    /// Which of `DefaultHandler`/`DefaultHandlerExpand` was set last (expat
    /// keeps one default handler).
    default_slot: Cell<usize>,
    buffer: RefCell<Option<String>>,
    buffer_size: Cell<usize>,
    ordered: Cell<bool>,
    specified: Cell<bool>,
    encoding: RefCell<Option<String>>,
    decoder: RefCell<Decoder>,
    /// Undecoded input: bytes before the encoding is known, or a split UTF-16 unit.
    raw: RefCell<Vec<u8>>,
    /// Position of the event being reported (None before any parsing).
    cur: Cell<Option<Pos>>,
    started: Cell<bool>,
    base: Cell<Value>,
    /// The exception a handler raised during this `Parse` call.
    pending_exc: Cell<Value>,
}

impl Trace for XmlParserObj {
    fn trace(&self, t: &mut Tracer) {
        for h in &self.handlers {
            t.value(h.get());
        }
        t.value(self.intern.get());
        t.value(self.base.get());
        t.value(self.pending_exc.get());
    }
}
payload!(XmlParserObj, "xmlparser");

thread_local! {
    static TYPES: Cell<(Value, Value)> = const { Cell::new((Value::NULL, Value::NULL)) };
}

fn parser_type() -> Value {
    TYPES.with(|c| c.get().0)
}

fn expat_error_type() -> Value {
    TYPES.with(|c| c.get().1)
}

fn pobj(vm: &mut Vm, v: Value) -> PyResult<&'static XmlParserObj> {
    match v.downcast::<XmlParserObj>() {
        Some(p) => Ok(p),
        None => {
            let m = format!("descriptor requires a 'pyexpat.xmlparser' object but received '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

fn message(code: u32) -> Option<&'static str> {
    ERRORS.get((code as usize).wrapping_sub(1)).map(|e| e.1)
}

/// `ExpatError("message: line L, column C")` with `code`, `lineno`, `offset`.
fn expat_error(vm: &mut Vm, code: u32, at: Pos) -> crate::object::PyErr {
    let msg = format!("{}: line {}, column {}", message(code).unwrap_or("unknown error"), at.line, at.col);
    let m = new_str(vm, msg);
    let e = crate::exceptions::new_exception(vm, expat_error_type(), &[m]);
    for (k, v) in [("code", code as i64), ("offset", at.col as i64), ("lineno", at.line as i64)] {
        let v = crate::int::from_i64(vm, v);
        if let Err(err) = crate::attr::setattr_str(vm, e, k, v) {
            return err;
        }
    }
    crate::object::PyErr(e)
}

fn opt_str(vm: &mut Vm, s: Option<String>) -> Value {
    match s {
        Some(s) => new_str(vm, s),
        None => vm.none,
    }
}

/// A name through the parser's `intern` dict, so repeated names share one str.
fn interned(vm: &mut Vm, p: &XmlParserObj, s: String) -> PyResult {
    let v = new_str(vm, s);
    let d = p.intern.get();
    if d.is_null() {
        return Ok(v);
    }
    if let Some(old) = crate::dict::get_item(vm, d, v)? {
        return Ok(old);
    }
    crate::dict::set_item(vm, d, v, v)?;
    Ok(v)
}

fn model_tuple(vm: &mut Vm, m: &Model) -> PyResult {
    let buf = crate::list::ValueBuf::new(vm);
    for c in &m.children {
        let t = model_tuple(vm, c)?;
        buf.push(t);
    }
    let children = buf.into_tuple(vm);
    let _pin = crate::gc::pin(children);
    let ty = Value::small(m.ty as i64);
    let q = Value::small(m.quant as i64);
    let name = opt_str(vm, m.name.clone());
    Ok(crate::tuple::new_tuple(vm, vec![ty, q, name, children]))
}

impl XmlParserObj {
    fn handler(&self, i: usize) -> Option<Value> {
        let h = self.handlers[i].get();
        if h.is_null() {
            None
        } else {
            Some(h)
        }
    }

    /// The default handler expat would call: the one of the two set last.
    fn default_handler(&self) -> Option<Value> {
        self.handler(self.default_slot.get())
    }

    fn set_keep_refs(&self) {
        let keep = self.default_slot.get() == DEFAULT && self.handler(DEFAULT).is_some();
        if let Ok(mut c) = self.core.try_borrow_mut() {
            c.keep_refs = keep;
        }
    }
}

/// Calls a handler; a failure clears all handlers (as pyexpat's `flag_error`),
/// keeps the exception for the end of `Parse`, and the parse goes on.
fn call_handler(vm: &mut Vm, pv: Value, h: Value, args: &[Value]) -> PyResult<Option<Value>> {
    let p = pobj(vm, pv)?;
    if !p.pending_exc.get().is_null() {
        return Ok(None);
    }
    match crate::call::call(vm, h, args) {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            p.pending_exc.set(e.0);
            for h in &p.handlers {
                h.set(Value::NULL);
            }
            p.set_keep_refs();
            Ok(None)
        }
    }
}

/// Sends the buffered character data to the handler.
fn flush(vm: &mut Vm, pv: Value) -> PyResult<()> {
    let p = pobj(vm, pv)?;
    let text = match &mut *p.buffer.borrow_mut() {
        Some(b) if !b.is_empty() => std::mem::take(b),
        _ => return Ok(()),
    };
    if let Some(h) = p.handler(CHARS) {
        let s = new_str(vm, text);
        call_handler(vm, pv, h, &[s])?;
    }
    Ok(())
}

/// Calls handler `i` with arguments made by `make` (after flushing buffered
/// text); when it is not set, gives the raw text to the default handler.
fn report(vm: &mut Vm, pv: Value, i: usize, raw: &[String], make: impl FnOnce(&mut Vm, &ValueBuf) -> PyResult<()>) -> PyResult<()> {
    let p = pobj(vm, pv)?;
    if let Some(h) = p.handler(i) {
        flush(vm, pv)?;
        let buf = ValueBuf::new(vm);
        make(vm, &buf)?;
        let t = buf.into_tuple(vm);
        let _pin = crate::gc::pin(t);
        let items = crate::tuple::items(t).to_vec();
        call_handler(vm, pv, h, &items)?;
        return Ok(());
    }
    default_text(vm, pv, raw)
}

fn default_text(vm: &mut Vm, pv: Value, raw: &[String]) -> PyResult<()> {
    let p = pobj(vm, pv)?;
    for t in raw {
        if t.is_empty() {
            continue;
        }
        let Some(h) = p.default_handler() else { return Ok(()) };
        flush(vm, pv)?;
        let s = new_str(vm, t.clone());
        call_handler(vm, pv, h, &[s])?;
    }
    Ok(())
}

fn chars(vm: &mut Vm, pv: Value, text: String, raw: String) -> PyResult<()> {
    let p = pobj(vm, pv)?;
    let Some(h) = p.handler(CHARS) else {
        return default_text(vm, pv, &[raw]);
    };
    let size = p.buffer_size.get();
    let direct = {
        let mut b = p.buffer.borrow_mut();
        match &mut *b {
            None => true,
            Some(buf) => {
                if buf.len() + text.len() > size {
                    false
                } else {
                    buf.push_str(&text);
                    return Ok(());
                }
            }
        }
    };
    if !direct {
        flush(vm, pv)?;
        if text.len() <= size {
            if let Some(buf) = &mut *p.buffer.borrow_mut() {
                buf.push_str(&text);
            }
            return Ok(());
        }
    }
    let s = new_str(vm, text);
    call_handler(vm, pv, h, &[s])?;
    Ok(())
}

fn start_element(vm: &mut Vm, pv: Value, name: String, attrs: Vec<(String, String)>, specified: usize, raw: String) -> PyResult<()> {
    let p = pobj(vm, pv)?;
    let Some(h) = p.handler(START) else {
        return default_text(vm, pv, &[raw]);
    };
    flush(vm, pv)?;
    let n = if p.specified.get() { specified } else { attrs.len() };
    let name_v = interned(vm, p, name)?;
    let _pn = crate::gc::pin(name_v);
    let a = if p.ordered.get() {
        let l = crate::list::new_list(vm, vec![]);
        let _pl = crate::gc::pin(l);
        for (k, v) in attrs.into_iter().take(n) {
            let k = interned(vm, p, k)?;
            crate::list::lobj(l).items.borrow_mut().push(k);
            let v = new_str(vm, v);
            crate::list::lobj(l).items.borrow_mut().push(v);
        }
        l
    } else {
        let d = crate::dict::new_dict(vm);
        let _pd = crate::gc::pin(d);
        for (k, v) in attrs.into_iter().take(n) {
            let k = interned(vm, p, k)?;
            let _pk = crate::gc::pin(k);
            let v = new_str(vm, v);
            crate::dict::set_item(vm, d, k, v)?;
        }
        d
    };
    let _pa = crate::gc::pin(a);
    call_handler(vm, pv, h, &[name_v, a])?;
    Ok(())
}

fn dispatch(vm: &mut Vm, pv: Value, ev: Ev) -> PyResult<()> {
    match ev {
        Ev::Chars { text, raw } => {
            let p = pobj(vm, pv)?;
            if text.len() <= CONVERT_CHUNK || matches!(*p.decoder.borrow(), Decoder::Utf8 | Decoder::Undecided) {
                return chars(vm, pv, text, raw);
            }
            // expat converts other encodings through a 1024-byte buffer, so
            // their character data arrive in pieces of at most that size.
            let mut rest = text.as_str();
            while !rest.is_empty() {
                let mut cut = rest.len().min(CONVERT_CHUNK);
                while !rest.is_char_boundary(cut) {
                    cut -= 1;
                }
                let piece = rest[..cut].to_string();
                chars(vm, pv, piece.clone(), piece)?;
                rest = &rest[cut..];
            }
            Ok(())
        }
        Ev::Start { name, attrs, specified, raw } => start_element(vm, pv, name, attrs, specified, raw),
        Ev::End { name, raw } => {
            let p = pobj(vm, pv)?;
            report(vm, pv, END, &[raw], |vm, b| Ok(b.push(interned(vm, p, name)?)))
        }
        Ev::StartNs { prefix, uri } => report(vm, pv, START_NS, &[], |vm, b| push_strs(vm, b, vec![prefix, uri])),
        Ev::EndNs { prefix } => report(vm, pv, END_NS, &[], |vm, b| push_strs(vm, b, vec![prefix])),
        Ev::Pi { target, data, raw } => report(vm, pv, PI, &[raw], |vm, b| push_strs(vm, b, vec![Some(target), Some(data)])),
        Ev::Comment { text, raw } => report(vm, pv, COMMENT, &[raw], |vm, b| push_strs(vm, b, vec![Some(text)])),
        Ev::StartCdata => report(vm, pv, START_CDATA, &["<![CDATA[".into()], |_, _| Ok(())),
        Ev::EndCdata => report(vm, pv, END_CDATA, &["]]>".into()], |_, _| Ok(())),
        Ev::EntityRef { raw } => default_text(vm, pv, &[raw]),
        Ev::Default(t) => default_text(vm, pv, &[t]),
        Ev::XmlDecl { version, encoding, standalone, raw } => report(vm, pv, XML_DECL, &[raw], |vm, b| {
            push_strs(vm, b, vec![version, encoding])?;
            b.push(Value::small(standalone as i64));
            Ok(())
        }),
        Ev::StartDoctype { name, sysid, pubid, internal, raw } => report(vm, pv, START_DOCTYPE, &raw, |vm, b| {
            push_strs(vm, b, vec![Some(name), sysid, pubid])?;
            b.push(Value::small(internal as i64));
            Ok(())
        }),
        Ev::EndDoctype { raw } => report(vm, pv, END_DOCTYPE, &raw, |_, _| Ok(())),
        Ev::EntityDecl { name, pe, value, sysid, pubid, notation, raw } => {
            let p = pobj(vm, pv)?;
            if notation.is_some() && p.handler(UNPARSED).is_some() {
                return report(vm, pv, UNPARSED, &raw, |vm, b| push_strs(vm, b, vec![Some(name), None, sysid, pubid, notation]));
            }
            report(vm, pv, ENTITY_DECL, &raw, |vm, b| {
                push_strs(vm, b, vec![Some(name)])?;
                b.push(Value::small(pe as i64));
                push_strs(vm, b, vec![value, None, sysid, pubid, notation])
            })
        }
        Ev::NotationDecl { name, sysid, pubid, raw } => report(vm, pv, NOTATION, &raw, |vm, b| push_strs(vm, b, vec![Some(name), None, sysid, pubid])),
        Ev::ElementDecl { name, model, raw } => report(vm, pv, ELEMENT_DECL, &raw, |vm, b| {
            push_strs(vm, b, vec![Some(name)])?;
            let m = model_tuple(vm, &model)?;
            b.push(m);
            Ok(())
        }),
        Ev::AttlistDecl { elname, attname, ty, default, required, raw } => report(vm, pv, ATTLIST_DECL, &raw, |vm, b| {
            push_strs(vm, b, vec![Some(elname), Some(attname), Some(ty), default])?;
            b.push(Value::small(required as i64));
            Ok(())
        }),
        Ev::Skipped { name, pe } => {
            let raw = if pe { format!("%{name};") } else { format!("&{name};") };
            report(vm, pv, SKIPPED, &[raw], |vm, b| {
                push_strs(vm, b, vec![Some(name)])?;
                b.push(Value::small(pe as i64));
                Ok(())
            })
        }
        Ev::NotStandalone => {
            let p = pobj(vm, pv)?;
            let Some(h) = p.handler(NOT_STANDALONE) else { return Ok(()) };
            flush(vm, pv)?;
            if let Some(r) = call_handler(vm, pv, h, &[])? {
                if !crate::ops::truthy(vm, r)? {
                    let at = p.cur.get().unwrap_or_default();
                    p.core.borrow_mut().error = Some((scan::code::NOT_STANDALONE, at));
                }
            }
            Ok(())
        }
        Ev::ExternalRef { sysid, pubid, raw, name } => {
            let p = pobj(vm, pv)?;
            let Some(h) = p.handler(EXTERNAL) else {
                return default_text(vm, pv, &[raw]);
            };
            flush(vm, pv)?;
            let base = p.base.get();
            let buf = ValueBuf::new(vm);
            push_strs(vm, &buf, vec![name])?;
            buf.push(if base.is_null() { vm.none } else { base });
            push_strs(vm, &buf, vec![sysid, pubid])?;
            let t = buf.into_tuple(vm);
            let _pin = crate::gc::pin(t);
            let items = crate::tuple::items(t).to_vec();
            if let Some(r) = call_handler(vm, pv, h, &items)? {
                if !crate::ops::truthy(vm, r)? {
                    let at = p.cur.get().unwrap_or_default();
                    let mut c = p.core.borrow_mut();
                    c.error = Some((scan::code::EXTERNAL_ENTITY_HANDLING, at));
                }
            }
            Ok(())
        }
    }
}

/// Strings (None for missing) as handler arguments.
fn push_strs(vm: &mut Vm, buf: &ValueBuf, items: Vec<Option<String>>) -> PyResult<()> {
    for s in items {
        let v = opt_str(vm, s);
        buf.push(v);
    }
    Ok(())
}

/// Runs the parser over what has been fed, reporting events; `last` at the end
/// of the document.
fn run(vm: &mut Vm, pv: Value, last: bool) -> PyResult<()> {
    let p = pobj(vm, pv)?;
    loop {
        let next = p.core.borrow_mut().pending.pop_front();
        if let Some((ev, at)) = next {
            p.cur.set(Some(at));
            dispatch(vm, pv, ev)?;
            continue;
        }
        let r = {
            let mut c = p.core.borrow_mut();
            match c.error {
                Some(e) => Err(e),
                None => c.step(last),
            }
        };
        match r {
            Ok(true) => continue,
            Ok(false) => break,
            Err((code, at)) => {
                p.core.borrow_mut().error = Some((code, at));
                // Nothing read at all: expat has no event position (byte index -1).
                let at_opt = if at.byte == 0 && code == scan::code::NO_ELEMENTS { None } else { Some(at) };
                p.cur.set(at_opt);
                // Events read before the error still reach their handlers.
                let evs: Vec<(Ev, Pos)> = p.core.borrow_mut().pending.drain(..).collect();
                for (ev, at2) in evs {
                    p.cur.set(Some(at2));
                    dispatch(vm, pv, ev)?;
                }
                p.cur.set(at_opt);
                return finish_call(vm, pv, Some((code, at)));
            }
        }
    }
    let end = p.core.borrow().pos;
    p.cur.set(Some(end));
    if last {
        p.core.borrow_mut().finished = true;
    }
    finish_call(vm, pv, None)
}

/// The end of a `Parse` call: a handler's exception first, then the parse error.
fn finish_call(vm: &mut Vm, pv: Value, err: Option<(u32, Pos)>) -> PyResult<()> {
    let p = pobj(vm, pv)?;
    let exc = p.pending_exc.replace(Value::NULL);
    if !exc.is_null() {
        return Err(crate::object::PyErr(exc));
    }
    if let Some((code, at)) = err {
        return Err(expat_error(vm, code, at));
    }
    flush(vm, pv)?;
    let exc = p.pending_exc.replace(Value::NULL);
    if !exc.is_null() {
        return Err(crate::object::PyErr(exc));
    }
    Ok(())
}

/// The decoder for an encoding name: expat's own encodings, else (as
/// pyexpat's unknown-encoding handler) a single-byte Python codec.
fn decoder_for(vm: &mut Vm, name: &str) -> PyResult<Decoder> {
    Ok(match name.to_ascii_uppercase().as_str() {
        "UTF-8" => Decoder::Utf8,
        "UTF-16LE" => Decoder::Utf16 { le: true },
        "UTF-16BE" | "UTF-16" => Decoder::Utf16 { le: false },
        "ISO-8859-1" => {
            let mut t = Box::new([None; 256]);
            for (i, c) in t.iter_mut().enumerate() {
                *c = char::from_u32(i as u32);
            }
            Decoder::Table(t)
        }
        "US-ASCII" => {
            let mut t = Box::new([None; 256]);
            for (i, c) in t.iter_mut().enumerate().take(128) {
                *c = char::from_u32(i as u32);
            }
            Decoder::Table(t)
        }
        _ => {
            let all: Vec<u8> = (0..=255).collect();
            let b = crate::bytes::new_bytes(vm, all);
            let _p = crate::gc::pin(b);
            let enc = new_str(vm, name.to_string());
            let _pe = crate::gc::pin(enc);
            let errors = crate::str::alloc_str(vm, "replace");
            let s = crate::call::call_method(vm, b, "decode", &[enc, errors])?;
            let text = crate::str::as_str(s).unwrap_or("");
            if text.chars().count() != 256 {
                return Err(vm.value_error("multi-byte encodings are not supported"));
            }
            let mut t = Box::new([None; 256]);
            for (slot, c) in t.iter_mut().zip(text.chars()) {
                *slot = if c == '\u{fffd}' { None } else { Some(c) };
            }
            Decoder::Table(t)
        }
    })
}

/// The encoding named in an XML declaration at the start of `s`.
fn declared_encoding(s: &[u8]) -> Option<String> {
    let end = s.windows(2).position(|w| w == b"?>")?;
    let d = std::str::from_utf8(&s[..end]).ok()?;
    let i = d.find("encoding")?;
    let rest = d[i + 8..].trim_start().strip_prefix('=')?.trim_start();
    let q = rest.chars().next()?;
    if q != '"' && q != '\'' {
        return None;
    }
    let v = &rest[1..];
    Some(v[..v.find(q)?].to_string())
}

/// Decodes what can be decoded of the raw input and feeds it to the parser.
fn feed_bytes(vm: &mut Vm, p: &XmlParserObj, data: &[u8], last: bool) -> PyResult<()> {
    p.raw.borrow_mut().extend_from_slice(data);
    if matches!(*p.decoder.borrow(), Decoder::Undecided) {
        let raw = p.raw.borrow().clone();
        let forced = p.encoding.borrow().clone();
        let name = if let Some(e) = forced {
            Some(e)
        } else if raw.starts_with(b"\xfe\xff") {
            p.raw.borrow_mut().drain(..2);
            Some("utf-16be".to_string())
        } else if raw.starts_with(b"\xff\xfe") {
            p.raw.borrow_mut().drain(..2);
            Some("utf-16le".to_string())
        } else if raw.first() == Some(&0) {
            // A document cannot start with NUL: expat takes it for UTF-16BE,
            // and a NUL second byte for UTF-16LE.
            Some("utf-16be".to_string())
        } else if raw.get(1) == Some(&0) {
            Some("utf-16le".to_string())
        } else if raw.len() < 5 && b"<?xml".starts_with(&raw) && !last {
            return Ok(());
        } else if raw.starts_with(b"<?xml") {
            match declared_encoding(&raw) {
                Some(e) => Some(e),
                None if !last && !raw.windows(2).any(|w| w == b"?>") && raw.len() < 1024 => return Ok(()),
                None => None,
            }
        } else {
            None
        };
        let dec = match name {
            None => Decoder::Utf8,
            Some(n) => decoder_for(vm, &n)?,
        };
        *p.decoder.borrow_mut() = dec;
    }
    let raw = std::mem::take(&mut *p.raw.borrow_mut());
    let mut out = Vec::with_capacity(raw.len());
    let mut keep = Vec::new();
    match &*p.decoder.borrow() {
        Decoder::Undecided | Decoder::Utf8 => out = raw,
        Decoder::Table(t) => {
            for &b in &raw {
                match t[b as usize] {
                    Some(c) => {
                        let mut tmp = [0u8; 4];
                        out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
                    }
                    // Stays invalid for the tokenizer.
                    None => out.push(0xff),
                }
            }
        }
        Decoder::Utf16 { le } => {
            let n = raw.len() & !1;
            let units: Vec<u16> = raw[..n].chunks(2).map(|c| if *le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) }).collect();
            let mut upto = units.len();
            if let Some(&u) = units.last() {
                if (0xd800..0xdc00).contains(&u) && !last {
                    upto -= 1;
                }
            }
            for r in char::decode_utf16(units[..upto].iter().copied()) {
                match r {
                    Ok(c) => {
                        let mut tmp = [0u8; 4];
                        out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
                    }
                    Err(_) => out.push(0xff),
                }
            }
            keep = raw[upto * 2..].to_vec();
        }
    }
    let odd = last && !keep.is_empty();
    *p.raw.borrow_mut() = keep;
    let mut c = p.core.borrow_mut();
    c.feed(&out);
    // Half a UTF-16 unit at the end of the document.
    c.truncated = odd;
    Ok(())
}

fn do_parse(vm: &mut Vm, pv: Value, data: &[u8], is_str: bool, last: bool) -> PyResult<()> {
    let p = pobj(vm, pv)?;
    p.started.set(true);
    {
        let c = p.core.borrow();
        if let Some((code, at)) = c.error {
            drop(c);
            return Err(expat_error(vm, code, at));
        }
        if c.finished {
            let at = c.pos;
            drop(c);
            return Err(expat_error(vm, scan::code::FINISHED, at));
        }
    }
    if is_str && matches!(*p.decoder.borrow(), Decoder::Undecided) {
        *p.decoder.borrow_mut() = Decoder::Utf8;
    }
    feed_bytes(vm, p, data, last)?;
    if !matches!(*p.decoder.borrow(), Decoder::Undecided) || last {
        run(vm, pv, last)
    } else {
        Ok(())
    }
}

fn xp_parse(vm: &mut Vm, args: Args) -> PyResult {
    let [pv, data, isfinal] = args.bind(vm, "Parse", ["self", "data", "isfinal"], 2, 3)?;
    let last = !isfinal.is_null() && crate::ops::truthy(vm, isfinal)?;
    let (bytes, is_str) = match crate::str::as_str(data) {
        Some(_) => {
            let b = crate::str::as_wtf8(data).unwrap_or_default().to_vec();
            if std::str::from_utf8(&b).is_err() {
                // Lone surrogates: let str.encode raise its UnicodeEncodeError.
                let enc = crate::str::alloc_str(vm, "utf-8");
                crate::call::call_method(vm, data, "encode", &[enc])?;
            }
            (b, true)
        }
        None => (crate::bytes::buffer_arg(vm, data)?, false),
    };
    do_parse(vm, pv, &bytes, is_str, last)?;
    Ok(Value::small(1))
}

fn xp_parse_file(vm: &mut Vm, args: Args) -> PyResult {
    let [pv, file] = args.bind(vm, "ParseFile", ["self", "file"], 2, 2)?;
    let name = vm.intern("read");
    let Some(read) = crate::attr::getattr_opt(vm, file, name)? else {
        return Err(vm.type_error("argument must have 'read' attribute"));
    };
    let _pr = crate::gc::pin(read);
    loop {
        let n = Value::small(2048);
        let chunk = crate::call::call(vm, read, &[n])?;
        let Some(b) = crate::bytes::as_bytes_opt(chunk) else {
            let m = format!("read() did not return a bytes object (type={})", vm.type_name(chunk));
            return Err(vm.type_error(m));
        };
        let last = b.is_empty();
        do_parse(vm, pv, &b, false, last)?;
        if last {
            return Ok(Value::small(1));
        }
    }
}

fn xp_set_base(vm: &mut Vm, args: Args) -> PyResult {
    let [pv, base] = args.bind(vm, "SetBase", ["self", "base"], 2, 2)?;
    if crate::str::as_str(base).is_none() {
        let m = format!("SetBase() argument must be str, not {}", vm.type_name(base));
        return Err(vm.type_error(m));
    }
    pobj(vm, pv)?.base.set(base);
    Ok(vm.none)
}

fn xp_get_base(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "GetBase", 1, 1)?;
    let b = pobj(vm, a[0])?.base.get();
    Ok(if b.is_null() { vm.none } else { b })
}

fn xp_input_context(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "GetInputContext", 1, 1)?;
    let _ = pobj(vm, a[0])?;
    Ok(vm.none)
}

fn xp_param_entity(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "SetParamEntityParsing", 2, 2)?;
    let p = pobj(vm, a[0])?;
    let flag = crate::number::index_i64(vm, a[1])?;
    if !(0..=2).contains(&flag) {
        return Ok(Value::small(0));
    }
    p.core.borrow_mut().param_entities = flag as u32;
    Ok(Value::small(1))
}

fn xp_foreign_dtd(vm: &mut Vm, args: Args) -> PyResult {
    let [pv, flag] = args.bind(vm, "UseForeignDTD", ["self", "flag"], 1, 2)?;
    let p = pobj(vm, pv)?;
    let on = flag.is_null() || crate::ops::truthy(vm, flag)?;
    if p.started.get() {
        let at = p.cur.get().unwrap_or(Pos { byte: 0, line: 1, col: 0 });
        return Err(expat_error(vm, 26, at));
    }
    p.core.borrow_mut().foreign_dtd = on;
    Ok(vm.none)
}

fn xp_external_parser(vm: &mut Vm, args: Args) -> PyResult {
    let [pv, _context, encoding] = args.bind(vm, "ExternalEntityParserCreate", ["self", "context", "encoding"], 2, 3)?;
    let p = pobj(vm, pv)?;
    let enc = if encoding.is_null() || encoding == vm.none { None } else { crate::str::as_str(encoding).map(str::to_string) };
    let ns = p.core.borrow().ns_sep.clone();
    let child = new_parser(vm, enc, ns, p.intern.get());
    let c = pobj(vm, child)?;
    for (a, b) in c.handlers.iter().zip(&p.handlers) {
        a.set(b.get());
    }
    c.default_slot.set(p.default_slot.get());
    c.ordered.set(p.ordered.get());
    c.specified.set(p.specified.get());
    c.base.set(p.base.get());
    c.core.borrow_mut().external_entity();
    c.set_keep_refs();
    Ok(child)
}

fn new_parser(vm: &mut Vm, encoding: Option<String>, ns_sep: Option<String>, intern: Value) -> Value {
    let ty = parser_type();
    vm.alloc(
        ty,
        XmlParserObj {
            core: RefCell::new(Core::new(ns_sep)),
            handlers: std::array::from_fn(|_| Cell::new(Value::NULL)),
            intern: Cell::new(intern),
            default_slot: Cell::new(DEFAULT),
            buffer: RefCell::new(None),
            buffer_size: Cell::new(8192),
            ordered: Cell::new(false),
            specified: Cell::new(false),
            encoding: RefCell::new(encoding),
            decoder: RefCell::new(Decoder::Undecided),
            raw: RefCell::new(Vec::new()),
            cur: Cell::new(None),
            started: Cell::new(false),
            base: Cell::new(Value::NULL),
            pending_exc: Cell::new(Value::NULL),
        },
    )
}

fn parser_create(vm: &mut Vm, args: Args) -> PyResult {
    let [encoding, sep, intern] = args.bind(vm, "ParserCreate", ["encoding", "namespace_separator", "intern"], 0, 0)?;
    let enc = if encoding.is_null() || encoding == vm.none {
        None
    } else {
        match crate::str::as_str(encoding) {
            Some(s) => Some(s.to_string()),
            None => {
                let m = format!("ParserCreate() argument 'encoding' must be str or None, not {}", vm.type_name(encoding));
                return Err(vm.type_error(m));
            }
        }
    };
    let ns = if sep.is_null() || sep == vm.none {
        None
    } else {
        match crate::str::as_str(sep) {
            Some(s) if s.chars().count() > 1 => {
                return Err(vm.value_error("namespace_separator must be at most one character, omitted, or None"));
            }
            Some(s) => Some(s.to_string()),
            None => {
                let m = format!("ParserCreate() argument 'namespace_separator' must be str or None, not {}", vm.type_name(sep));
                return Err(vm.type_error(m));
            }
        }
    };
    let intern = if intern.is_null() {
        crate::dict::new_dict(vm)
    } else if intern == vm.none {
        Value::NULL
    } else if crate::typeobj::is_instance(vm, intern, vm.t.dict) {
        intern
    } else {
        return Err(vm.type_error("intern must be a dictionary"));
    };
    let _pi = crate::gc::pin(intern);
    Ok(new_parser(vm, enc, ns, intern))
}

fn error_string(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "ErrorString", 1, 1)?;
    let c = crate::number::index_i64(vm, a[0])?;
    Ok(match u32::try_from(c).ok().and_then(message) {
        Some(m) => crate::str::alloc_str(vm, m),
        None => vm.none,
    })
}

// ---- attributes ----------------------------------------------------------------

fn get_handler<const I: usize>(vm: &mut Vm, pv: Value) -> PyResult {
    let p = pobj(vm, pv)?;
    Ok(p.handler(I).unwrap_or(vm.none))
}

fn set_handler<const I: usize>(vm: &mut Vm, pv: Value, v: Value) -> PyResult<()> {
    let p = pobj(vm, pv)?;
    if v.is_null() {
        return Err(vm.runtime_error("Cannot delete attribute"));
    }
    if I == CHARS {
        flush(vm, pv)?;
    }
    p.handlers[I].set(if v == vm.none { Value::NULL } else { v });
    if I == DEFAULT || I == DEFAULT_EXPAND {
        p.default_slot.set(I);
    }
    p.set_keep_refs();
    Ok(())
}

fn flag_value(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if v.is_null() {
        return Err(vm.runtime_error("Cannot delete attribute"));
    }
    crate::ops::truthy(vm, v)
}

fn get_buffer_text(vm: &mut Vm, pv: Value) -> PyResult {
    let on = pobj(vm, pv)?.buffer.borrow().is_some();
    Ok(vm.bool(on))
}

fn set_buffer_text(vm: &mut Vm, pv: Value, v: Value) -> PyResult<()> {
    let on = flag_value(vm, v)?;
    let p = pobj(vm, pv)?;
    if on {
        if p.buffer.borrow().is_none() {
            *p.buffer.borrow_mut() = Some(String::new());
        }
    } else if p.buffer.borrow().is_some() {
        flush(vm, pv)?;
        *p.buffer.borrow_mut() = None;
        let exc = p.pending_exc.replace(Value::NULL);
        if !exc.is_null() {
            return Err(crate::object::PyErr(exc));
        }
    }
    Ok(())
}

fn get_buffer_size(vm: &mut Vm, pv: Value) -> PyResult {
    Ok(Value::small(pobj(vm, pv)?.buffer_size.get() as i64))
}

fn set_buffer_size(vm: &mut Vm, pv: Value, v: Value) -> PyResult<()> {
    if v.is_null() {
        return Err(vm.runtime_error("Cannot delete attribute"));
    }
    if !crate::typeobj::is_instance(vm, v, vm.t.int) {
        return Err(vm.type_error("buffer_size must be an integer"));
    }
    let n = crate::number::index_i64(vm, v)?;
    if n <= 0 {
        return Err(vm.value_error("buffer_size must be greater than zero"));
    }
    if n > i32::MAX as i64 {
        let m = format!("buffer_size must not be greater than {}", i32::MAX);
        return Err(vm.value_error(m));
    }
    flush(vm, pv)?;
    pobj(vm, pv)?.buffer_size.set(n as usize);
    Ok(())
}

fn get_buffer_used(vm: &mut Vm, pv: Value) -> PyResult {
    let n = pobj(vm, pv)?.buffer.borrow().as_ref().map_or(0, |b| b.len());
    Ok(Value::small(n as i64))
}

fn get_ordered(vm: &mut Vm, pv: Value) -> PyResult {
    let b = pobj(vm, pv)?.ordered.get();
    Ok(vm.bool(b))
}

fn set_ordered(vm: &mut Vm, pv: Value, v: Value) -> PyResult<()> {
    let b = flag_value(vm, v)?;
    pobj(vm, pv)?.ordered.set(b);
    Ok(())
}

fn get_specified(vm: &mut Vm, pv: Value) -> PyResult {
    let b = pobj(vm, pv)?.specified.get();
    Ok(vm.bool(b))
}

fn set_specified(vm: &mut Vm, pv: Value, v: Value) -> PyResult<()> {
    let b = flag_value(vm, v)?;
    pobj(vm, pv)?.specified.set(b);
    Ok(())
}

fn get_ns_prefixes(vm: &mut Vm, pv: Value) -> PyResult {
    let b = pobj(vm, pv)?.core.borrow().ns_prefixes;
    Ok(vm.bool(b))
}

fn set_ns_prefixes(vm: &mut Vm, pv: Value, v: Value) -> PyResult<()> {
    let b = flag_value(vm, v)?;
    pobj(vm, pv)?.core.borrow_mut().ns_prefixes = b;
    Ok(())
}

fn get_intern(vm: &mut Vm, pv: Value) -> PyResult {
    let d = pobj(vm, pv)?.intern.get();
    Ok(if d.is_null() { vm.none } else { d })
}

/// The position expat reports: the current event's, -1 as byte index before any.
fn position(vm: &mut Vm, pv: Value) -> PyResult<(i64, i64, i64)> {
    let p = pobj(vm, pv)?;
    Ok(match p.cur.get() {
        Some(at) => (at.byte as i64, at.line as i64, at.col as i64),
        None => (-1, 1, 0),
    })
}

fn get_error_code(vm: &mut Vm, pv: Value) -> PyResult {
    let c = pobj(vm, pv)?.core.borrow().error.map_or(0, |e| e.0);
    Ok(Value::small(c as i64))
}

fn get_line(vm: &mut Vm, pv: Value) -> PyResult {
    Ok(Value::small(position(vm, pv)?.1))
}

fn get_column(vm: &mut Vm, pv: Value) -> PyResult {
    Ok(Value::small(position(vm, pv)?.2))
}

fn get_byte_index(vm: &mut Vm, pv: Value) -> PyResult {
    Ok(Value::small(position(vm, pv)?.0))
}

fn parser_new(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.type_error("cannot create 'pyexpat.xmlparser' instances"))
}

macro_rules! handler_getsets {
    ($vm:expr, $t:expr, $($i:literal),*) => {
        $(crate::typeobj::add_getset($vm, $t, HANDLERS[$i], get_handler::<$i>, set_handler::<$i>);)*
    };
}

fn make_submodule(vm: &mut Vm, m: Value, name: &str, doc: &str) -> PyResult {
    let full = format!("pyexpat.{name}");
    let sub = crate::module::new_module(vm, &full)?;
    let d = crate::str::alloc_str(vm, doc);
    super::set_attr(vm, sub, "__doc__", d)?;
    super::set_attr(vm, m, name, sub)?;
    let modules = vm.modules;
    crate::dict::set_item_str(vm, modules, &full, sub)?;
    Ok(sub)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    use crate::typeobj::{add_getset, add_getter, add_method, add_static};
    let obj = vm.t.object;
    let t = super::new_module_type(vm, "pyexpat.xmlparser", obj, 0)?;
    add_static(vm, t, "__new__", parser_new);
    add_method(vm, t, "Parse", xp_parse);
    add_method(vm, t, "ParseFile", xp_parse_file);
    add_method(vm, t, "SetBase", xp_set_base);
    add_method(vm, t, "GetBase", xp_get_base);
    add_method(vm, t, "GetInputContext", xp_input_context);
    add_method(vm, t, "ExternalEntityParserCreate", xp_external_parser);
    add_method(vm, t, "SetParamEntityParsing", xp_param_entity);
    add_method(vm, t, "UseForeignDTD", xp_foreign_dtd);
    handler_getsets!(vm, t, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21);
    add_getset(vm, t, "buffer_text", get_buffer_text, set_buffer_text);
    add_getset(vm, t, "buffer_size", get_buffer_size, set_buffer_size);
    add_getter(vm, t, "buffer_used", get_buffer_used);
    add_getset(vm, t, "ordered_attributes", get_ordered, set_ordered);
    add_getset(vm, t, "specified_attributes", get_specified, set_specified);
    add_getset(vm, t, "namespace_prefixes", get_ns_prefixes, set_ns_prefixes);
    add_getter(vm, t, "intern", get_intern);
    add_getter(vm, t, "ErrorCode", get_error_code);
    add_getter(vm, t, "ErrorLineNumber", get_line);
    add_getter(vm, t, "ErrorColumnNumber", get_column);
    add_getter(vm, t, "ErrorByteIndex", get_byte_index);
    add_getter(vm, t, "CurrentLineNumber", get_line);
    add_getter(vm, t, "CurrentColumnNumber", get_column);
    add_getter(vm, t, "CurrentByteIndex", get_byte_index);

    let exception = vm.e.exception;
    let err = super::new_module_exception(vm, "xml.parsers.expat.ExpatError", exception)?;
    TYPES.with(|c| c.set((t, err)));

    super::add_functions(vm, m, &[("ParserCreate", parser_create), ("ErrorString", error_string)])?;
    super::set_attr(vm, m, "XMLParserType", t)?;
    super::set_attr(vm, m, "ExpatError", err)?;
    super::set_attr(vm, m, "error", err)?;
    let doc = crate::str::alloc_str(vm, "Python wrapper for Expat parser.");
    super::set_attr(vm, m, "__doc__", doc)?;
    let v = crate::str::alloc_str(vm, "expat_2.5.0");
    super::set_attr(vm, m, "EXPAT_VERSION", v)?;
    let vi = crate::tuple::new_tuple(vm, vec![Value::small(2), Value::small(5), Value::small(0)]);
    super::set_attr(vm, m, "version_info", vi)?;
    let ne = crate::str::alloc_str(vm, "UTF-8");
    super::set_attr(vm, m, "native_encoding", ne)?;
    for (n, v) in [("XML_PARAM_ENTITY_PARSING_NEVER", 0), ("XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", 1), ("XML_PARAM_ENTITY_PARSING_ALWAYS", 2)] {
        super::set_attr(vm, m, n, Value::small(v))?;
    }
    let feats = crate::list::ValueBuf::new(vm);
    for (n, v) in [("sizeof(XML_Char)", 1), ("sizeof(XML_LChar)", 1), ("XML_DTD", 0), ("XML_CONTEXT_BYTES", 1024), ("XML_NS", 0), ("XML_BLAP_MAX_AMP", 100), ("XML_BLAP_ACT_THRES", 8388608)] {
        let s = crate::str::alloc_str(vm, n);
        let _p = crate::gc::pin(s);
        let tup = crate::tuple::new_tuple(vm, vec![s, Value::small(v)]);
        feats.push(tup);
    }
    let fl = feats.into_list();
    super::set_attr(vm, m, "features", fl)?;

    let errors = make_submodule(vm, m, "errors", "Constants used to describe error conditions.")?;
    let codes = crate::dict::new_dict(vm);
    super::set_attr(vm, errors, "codes", codes)?;
    let messages = crate::dict::new_dict(vm);
    super::set_attr(vm, errors, "messages", messages)?;
    for (i, (name, msg)) in ERRORS.iter().enumerate() {
        let s = crate::str::alloc_str(vm, msg);
        let _p = crate::gc::pin(s);
        super::set_attr(vm, errors, &format!("XML_ERROR_{name}"), s)?;
        let c = Value::small(i as i64 + 1);
        crate::dict::set_item(vm, codes, s, c)?;
        crate::dict::set_item(vm, messages, c, s)?;
    }
    let model = make_submodule(vm, m, "model", "Constants used to interpret content model information.")?;
    for (n, v) in [
        ("XML_CTYPE_EMPTY", 1),
        ("XML_CTYPE_ANY", 2),
        ("XML_CTYPE_MIXED", 3),
        ("XML_CTYPE_NAME", 4),
        ("XML_CTYPE_CHOICE", 5),
        ("XML_CTYPE_SEQ", 6),
        ("XML_CQUANT_NONE", 0),
        ("XML_CQUANT_OPT", 1),
        ("XML_CQUANT_REP", 2),
        ("XML_CQUANT_PLUS", 3),
    ] {
        super::set_attr(vm, model, n, Value::small(v))?;
    }
    Ok(())
}
