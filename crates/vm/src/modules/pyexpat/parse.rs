//! The parser proper: turns the UTF-8 text fed so far into expat's callbacks,
//! one event at a time, as expat's processors do (prolog, content, epilog),
//! with namespace processing, internal entities and the internal DTD subset.
//! Events carry the raw text a default handler receives when no specific
//! handler takes them. No VM values here.

use super::scan::{self, code, Ref, Stop};
use std::collections::{HashMap, VecDeque};

#[derive(Clone, Copy, Debug, Default)]
pub struct Pos {
    pub byte: u64,
    pub line: u64,
    pub col: u64,
}

impl Pos {
    fn after(mut self, s: &[u8]) -> Pos {
        self.byte += s.len() as u64;
        scan::advance(&mut self.line, &mut self.col, s);
        self
    }
}

/// A content model (`ElementDeclHandler`'s argument): type, quantifier, name, children.
#[derive(Debug, Clone)]
pub struct Model {
    pub ty: u32,
    pub quant: u32,
    pub name: Option<String>,
    pub children: Vec<Model>,
}

#[derive(Debug)]
pub enum Ev {
    XmlDecl { version: Option<String>, encoding: Option<String>, standalone: i32, raw: String },
    StartDoctype { name: String, sysid: Option<String>, pubid: Option<String>, internal: bool, raw: Vec<String> },
    EndDoctype { raw: Vec<String> },
    EntityDecl { name: String, pe: bool, value: Option<String>, sysid: Option<String>, pubid: Option<String>, notation: Option<String>, raw: Vec<String> },
    NotationDecl { name: String, sysid: Option<String>, pubid: Option<String>, raw: Vec<String> },
    ElementDecl { name: String, model: Model, raw: Vec<String> },
    AttlistDecl { elname: String, attname: String, ty: String, default: Option<String>, required: bool, raw: Vec<String> },
    StartNs { prefix: Option<String>, uri: Option<String> },
    EndNs { prefix: Option<String> },
    Start { name: String, attrs: Vec<(String, String)>, specified: usize, raw: String },
    End { name: String, raw: String },
    Chars { text: String, raw: String },
    Pi { target: String, data: String, raw: String },
    Comment { text: String, raw: String },
    StartCdata,
    EndCdata,
    /// A reference to an internal entity the default handler takes unexpanded.
    EntityRef { raw: String },
    Skipped { name: String, pe: bool },
    /// An external entity: its name (None for the external DTD subset).
    ExternalRef { sysid: Option<String>, pubid: Option<String>, raw: String, name: Option<String> },
    /// The document refers to declarations it does not read (`NotStandaloneHandler`).
    NotStandalone,
    Default(String),
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Prolog,
    Content,
    Epilog,
}

pub(super) struct Entity {
    pub value: Option<String>,
    pub sysid: Option<String>,
    pub pubid: Option<String>,
    pub notation: Option<String>,
}

/// An internal entity being expanded in content.
struct Open {
    text: Vec<u8>,
    off: usize,
    name: String,
    depth: usize,
    at: Pos,
}

pub struct Core {
    pub ns_sep: Option<String>,
    pub ns_prefixes: bool,
    /// Whether internal entity references go to the default handler unexpanded
    /// (a `DefaultHandler` without expansion is set).
    pub keep_refs: bool,
    /// Set when a `SkippedEntityHandler`/default is wanted for undefined entities.
    buf: Vec<u8>,
    start: usize,
    /// Position of `buf[start]`.
    pub pos: Pos,
    phase: Phase,
    seen_any: bool,
    pub(super) stack: Vec<(String, usize)>,
    /// Namespace bindings: prefix ("" for the default), URI (None: unbound).
    bindings: Vec<(String, Option<String>)>,
    pub(super) entities: HashMap<String, Entity>,
    pub(super) pe_entities: HashMap<String, Entity>,
    pub(super) defaults: HashMap<String, Vec<(String, String)>>,
    /// Attributes declared with a type other than CDATA, by element.
    pub(super) tokenized: HashMap<String, Vec<String>>,
    pub(super) has_pe_refs: bool,
    pub(super) standalone: bool,
    /// Cleared by an unread parameter entity reference: later declarations are skipped.
    pub(super) keep_processing: bool,
    /// `SetParamEntityParsing`: 0 never, 1 unless standalone, 2 always.
    pub param_entities: u32,
    /// `UseForeignDTD`: report an external subset for a document without DOCTYPE.
    pub foreign_dtd: bool,
    pub(super) saw_doctype: bool,
    open: Vec<Open>,
    pub pending: VecDeque<(Ev, Pos)>,
    pub error: Option<(u32, Pos)>,
    pub finished: bool,
    /// The input ended inside an encoded character.
    pub truncated: bool,
    in_cdata: bool,
    external: bool,
}

type Res<T = ()> = Result<T, (u32, Pos)>;

fn text(s: &[u8]) -> String {
    String::from_utf8_lossy(s).into_owned()
}

/// The normalization of attributes not of type CDATA: no leading or trailing
/// spaces, single spaces between tokens.
pub(super) fn collapse_spaces(v: &str) -> String {
    v.split(' ').filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A tokenizer stop as (code, position); code 0 means "needs more input".
fn bad_at(e: Stop, s: &[u8], at: Pos) -> (u32, Pos) {
    match e {
        Stop::Partial => (0, at),
        Stop::Bad(c, off) => (c, at.after(&s[..off.min(s.len())])),
    }
}

fn char_ref_ok(v: u32) -> Option<char> {
    char::from_u32(v).filter(|&c| scan::is_xml_char(c))
}

fn predefined(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    })
}

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

impl Core {
    pub fn new(ns_sep: Option<String>) -> Core {
        Core {
            ns_sep,
            ns_prefixes: false,
            keep_refs: false,
            buf: Vec::new(),
            start: 0,
            pos: Pos { byte: 0, line: 1, col: 0 },
            phase: Phase::Prolog,
            seen_any: false,
            stack: Vec::new(),
            bindings: vec![("xml".into(), Some(XML_NS.into()))],
            entities: HashMap::new(),
            pe_entities: HashMap::new(),
            defaults: HashMap::new(),
            tokenized: HashMap::new(),
            has_pe_refs: false,
            standalone: false,
            keep_processing: true,
            param_entities: 0,
            foreign_dtd: false,
            saw_doctype: false,
            open: Vec::new(),
            pending: VecDeque::new(),
            error: None,
            finished: false,
            truncated: false,
            in_cdata: false,
            external: false,
        }
    }

    /// Reads an external parsed entity: content without a document element.
    pub fn external_entity(&mut self) {
        self.phase = Phase::Content;
        self.external = true;
    }

    pub fn feed(&mut self, data: &[u8]) {
        if self.start > 0 && self.start >= self.buf.len() / 2 {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        self.buf.extend_from_slice(data);
    }

    fn fail<T>(&self, c: u32, at: Pos) -> Res<T> {
        Err((c, at))
    }

    /// Produces the next events into `pending`; false when more input is needed
    /// (or, at the end, the document is complete).
    pub fn step(&mut self, last: bool) -> Res<bool> {
        if let Some(top) = self.open.last() {
            let idx = self.open.len() - 1;
            let at = top.at;
            if top.off >= top.text.len() {
                let o = self.open.pop().expect("an open entity");
                if self.stack.len() != o.depth {
                    return self.fail(code::ASYNC_ENTITY, o.at);
                }
                return Ok(true);
            }
            // The text is lent out while its token is read (no copy per token).
            let text = std::mem::take(&mut self.open[idx].text);
            let off = self.open[idx].off;
            let r = self.content_token(&text[off..], false, at, true);
            self.open[idx].text = text;
            let n = r.map_err(|e| if e.0 == 0 { (code::UNCLOSED_TOKEN, at) } else { (e.0, at) })?;
            // Entities opened by this token sit above the one read.
            self.open[idx].off += n;
            return Ok(true);
        }
        let buf = std::mem::take(&mut self.buf);
        let r = self.main_token(&buf[self.start..], last);
        self.buf = buf;
        match r? {
            Some(n) => {
                self.consume(n);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// One token of the document text `s`: its length, None when more input is needed.
    fn main_token(&mut self, s: &[u8], last: bool) -> Res<Option<usize>> {
        let at = self.pos;
        if s.is_empty() {
            return self.at_end(last, at).map(|_| None);
        }
        let r = match self.phase {
            _ if self.in_cdata => self.cdata_token(s, !last, at),
            Phase::Prolog => self.prolog_token(s, last, at),
            Phase::Content => self.content_token(s, !last, at, false),
            Phase::Epilog => self.epilog_token(s, last, at),
        };
        match r {
            Ok(n) => Ok(Some(n)),
            Err((0, _)) => {
                if last {
                    self.unclosed(s, at).map(|_| None)
                } else {
                    Ok(None)
                }
            }
            Err(e) => Err(e),
        }
    }

    fn consume(&mut self, n: usize) {
        let s = &self.buf[self.start..self.start + n];
        self.pos = self.pos.after(s);
        self.start += n;
        self.seen_any = true;
    }

    fn at_end(&mut self, last: bool, at: Pos) -> Res<bool> {
        if !last {
            return Ok(false);
        }
        if self.truncated {
            return self.fail(code::UNCLOSED_TOKEN, at);
        }
        if self.in_cdata {
            return self.fail(code::UNCLOSED_CDATA_SECTION, at);
        }
        if self.phase != Phase::Epilog && !(self.external && self.stack.is_empty()) {
            return self.fail(code::NO_ELEMENTS, at);
        }
        Ok(false)
    }

    /// The error for a token left open at the end of the document.
    fn unclosed(&mut self, s: &[u8], at: Pos) -> Res<bool> {
        if s[0] == b'<' || s[0] == b'&' {
            return self.fail(code::UNCLOSED_TOKEN, at);
        }
        if s.iter().all(|&b| scan::is_space(b)) {
            return self.fail(code::NO_ELEMENTS, at.after(s));
        }
        self.fail(code::PARTIAL_CHAR, at)
    }

    pub(super) fn push(&mut self, ev: Ev, at: Pos) {
        self.pending.push_back((ev, at));
    }

    fn prolog_token(&mut self, s: &[u8], last: bool, at: Pos) -> Res<usize> {
        let sc = |e: Stop| bad_at(e, s, at);
        if let Some(r) = self.space_run(s, last, at) {
            return r;
        }
        if s.starts_with(b"\xef\xbb\xbf") && at.byte == 0 {
            return Ok(3);
        }
        if s[0] != b'<' {
            // Text in the prolog: expat complains after a name, or at the character.
            let (c, _) = scan::char_at(s, 0).map_err(sc)?;
            if scan::is_name_start(c) {
                // A name is a syntax error where a name token may end (end of
                // input, white space), else the next character is invalid.
                let e = match scan::name(s, 0) {
                    Ok(e) => e,
                    Err(Stop::Partial) if last => s.len(),
                    Err(e) => return Err(sc(e)),
                };
                if e == s.len() || scan::is_space(s[e]) {
                    return Err((code::SYNTAX, at));
                }
                return Err((code::INVALID_TOKEN, at.after(&s[..e])));
            }
            return Err((code::INVALID_TOKEN, at));
        }
        let b1 = *s.get(1).ok_or((0, at))?;
        match b1 {
            b'?' => {
                // The XML declaration only at the very start (after a BOM).
                let start = at.byte == 0 || (at.byte == 3 && self.seen_any);
                self.pi_token(s, at, if start { None } else { Some(code::MISPLACED_XML_PI) })
            }
            b'!' => {
                if s.len() < 4 && b"<!--".starts_with(s) || s.len() < 9 && b"<!DOCTYPE".starts_with(s) {
                    return Err((0, at));
                }
                if s.starts_with(b"<!--") {
                    return self.comment_token(s, at);
                }
                if s.starts_with(b"<!DOCTYPE") {
                    let n = scan::doctype_end(s).map_err(sc)?;
                    self.doctype(&s[..n], at)?;
                    return Ok(n);
                }
                Err((code::INVALID_TOKEN, at.after(&s[..2])))
            }
            _ => {
                self.phase = Phase::Content;
                let n = self.content_token(s, !last, at, false)?;
                Ok(n)
            }
        }
    }

    /// White space outside the document element, for the default handler.
    fn space_run(&mut self, s: &[u8], last: bool, at: Pos) -> Option<Res<usize>> {
        let n = s.iter().take_while(|&&b| scan::is_space(b)).count();
        if n == 0 {
            return None;
        }
        if n == s.len() && !last {
            return Some(Err((0, at)));
        }
        self.push(Ev::Default(text(&s[..n])), at);
        Some(Ok(n))
    }

    fn comment_token(&mut self, s: &[u8], at: Pos) -> Res<usize> {
        let (t, n) = scan::comment(s).map_err(|e| bad_at(e, s, at))?;
        self.push(Ev::Comment { text: text(&s[t.0..t.1]), raw: text(&s[..n]) }, at);
        Ok(n)
    }

    /// A processing instruction; one with target `xml` is the XML declaration
    /// where `xml_error` is None, else that error.
    fn pi_token(&mut self, s: &[u8], at: Pos, xml_error: Option<u32>) -> Res<usize> {
        let (t, d, n) = scan::pi(s).map_err(|e| bad_at(e, s, at))?;
        let target = &s[t.0..t.1];
        if target.eq_ignore_ascii_case(b"xml") {
            if let Some(c) = xml_error {
                return Err((c, at));
            }
            let decl = self.xml_decl(&s[d.0..d.1], at.after(&s[..d.0]))?;
            self.push(Ev::XmlDecl { version: decl.0, encoding: decl.1, standalone: decl.2, raw: text(&s[..n]) }, at);
            return Ok(n);
        }
        self.push(Ev::Pi { target: text(target), data: text(&s[d.0..d.1]), raw: text(&s[..n]) }, at);
        Ok(n)
    }

    fn epilog_token(&mut self, s: &[u8], last: bool, at: Pos) -> Res<usize> {
        let sc = |e: Stop| bad_at(e, s, at);
        if let Some(r) = self.space_run(s, last, at) {
            return r;
        }
        if s[0] == b'<' {
            let b1 = *s.get(1).ok_or((0, at))?;
            if b1 == b'?' {
                return self.pi_token(s, at, Some(code::JUNK_AFTER_DOC_ELEMENT));
            }
            if b1 == b'!' {
                if s.len() < 4 && b"<!--".starts_with(s) {
                    return Err((0, at));
                }
                if s.starts_with(b"<!--") {
                    return self.comment_token(s, at);
                }
            }
        }
        if s[0] == b'&' {
            return Err((code::INVALID_TOKEN, at));
        }
        if s[0] != b'<' {
            scan::char_at(s, 0).map_err(sc)?;
        }
        Err((code::JUNK_AFTER_DOC_ELEMENT, at))
    }

    /// One token of element content; `more` says more text may follow.
    fn content_token(&mut self, s: &[u8], more: bool, at: Pos, in_entity: bool) -> Res<usize> {
        let sc = |e: Stop| bad_at(e, s, at);
        match s[0] {
            b'<' => {
                let b1 = *s.get(1).ok_or((0, at))?;
                match b1 {
                    b'/' => {
                        let ((a, b), n) = scan::end_tag(s).map_err(sc)?;
                        let name = text(&s[a..b]);
                        let limit = self.open.last().map_or(0, |o| o.depth);
                        match self.stack.last() {
                            Some((top, _)) if *top == name && self.stack.len() > limit => {}
                            _ => return Err((code::TAG_MISMATCH, at.after(&s[..2]))),
                        }
                        let (_, nb) = self.stack.pop().expect("an open element");
                        let ename = self.expand_element(&name, at)?;
                        self.push(Ev::End { name: ename, raw: text(&s[..n]) }, at);
                        let mut k = self.bindings.len();
                        while k > nb {
                            k -= 1;
                            let (p, _) = self.bindings.pop().expect("a binding");
                            self.push(Ev::EndNs { prefix: if p.is_empty() { None } else { Some(p) } }, at);
                        }
                        if self.stack.is_empty() && !in_entity && !self.external {
                            self.phase = Phase::Epilog;
                        }
                        Ok(n)
                    }
                    b'!' => {
                        if s.len() < 4 && b"<!--".starts_with(s) || s.len() < 9 && b"<![CDATA[".starts_with(s) {
                            return Err((0, at));
                        }
                        if s.starts_with(b"<!--") {
                            return self.comment_token(s, at);
                        }
                        if s.starts_with(b"<![CDATA[") {
                            self.push(Ev::StartCdata, at);
                            self.in_cdata = true;
                            return Ok(9);
                        }
                        Err((code::INVALID_TOKEN, at.after(&s[..2])))
                    }
                    b'?' => self.pi_token(s, at, Some(code::MISPLACED_XML_PI)),
                    _ => {
                        let t = scan::start_tag(s).map_err(sc)?;
                        if self.foreign_dtd && !self.saw_doctype && self.stack.is_empty() && !self.external {
                            self.saw_doctype = true;
                            self.has_pe_refs = true;
                            self.push(Ev::ExternalRef { sysid: None, pubid: None, raw: String::new(), name: None }, at);
                        }
                        self.start_element(s, &t, at)?;
                        if t.empty && self.stack.is_empty() && !in_entity {
                            self.phase = Phase::Epilog;
                        }
                        Ok(t.len)
                    }
                }
            }
            b'&' => {
                let (n, r) = scan::reference(s).map_err(sc)?;
                match r {
                    Ref::Char(v) => match char_ref_ok(v) {
                        Some(c) => {
                            self.push(Ev::Chars { text: c.to_string(), raw: text(&s[..n]) }, at);
                            Ok(n)
                        }
                        None => Err((code::BAD_CHAR_REF, at)),
                    },
                    Ref::Entity(a, b) => {
                        let name = text(&s[a..b]);
                        self.entity_ref(name, text(&s[..n]), at)?;
                        Ok(n)
                    }
                }
            }
            b'\r' | b'\n' => self.line_end(s, more, at),
            _ => {
                if s[0] == b']' && s.get(1) == Some(&b']') && s.get(2) == Some(&b'>') {
                    return Err((code::INVALID_TOKEN, at.after(&s[..2])));
                }
                let n = scan::data_run(s, more).map_err(sc)?;
                if n == 0 {
                    return Err((0, at));
                }
                let t = text(&s[..n]);
                self.push(Ev::Chars { text: t.clone(), raw: t }, at);
                Ok(n)
            }
        }
    }

    /// A line end in character data: CR LF, CR or LF, reported as one "\n".
    fn line_end(&mut self, s: &[u8], more: bool, at: Pos) -> Res<usize> {
        if s[0] == b'\r' && s.len() == 1 && more {
            return Err((0, at));
        }
        let n = if s[0] == b'\r' && s.get(1) == Some(&b'\n') { 2 } else { 1 };
        self.push(Ev::Chars { text: "\n".into(), raw: text(&s[..n]) }, at);
        Ok(n)
    }

    /// One token inside a CDATA section, read as expat does: text up to a
    /// `]` or line end, each `]` and line end alone, and `]]>` ending it.
    fn cdata_token(&mut self, s: &[u8], more: bool, at: Pos) -> Res<usize> {
        let sc = |e: Stop| bad_at(e, s, at);
        match s[0] {
            b']' => {
                if s.starts_with(b"]]>") {
                    self.in_cdata = false;
                    self.push(Ev::EndCdata, at);
                    return Ok(3);
                }
                if more && s.len() < 3 && b"]]>".starts_with(s) {
                    return Err((0, at));
                }
                self.push(Ev::Chars { text: "]".into(), raw: "]".into() }, at);
                Ok(1)
            }
            b'\r' | b'\n' => self.line_end(s, more, at),
            _ => {
                let mut i = 0;
                while i < s.len() && !matches!(s[i], b']' | b'\r' | b'\n') {
                    match scan::char_at(s, i) {
                        Ok((_, n)) => i += n,
                        Err(e) if i == 0 => return Err(sc(e)),
                        Err(_) => break,
                    }
                }
                let t = text(&s[..i]);
                self.push(Ev::Chars { text: t.clone(), raw: t }, at);
                Ok(i)
            }
        }
    }

    fn entity_ref(&mut self, name: String, raw: String, at: Pos) -> Res {
        if let Some(c) = predefined(&name) {
            self.push(Ev::Chars { text: c.into(), raw }, at);
            return Ok(());
        }
        let Some(ent) = self.entities.get(&name) else {
            if !self.has_pe_refs || self.standalone {
                return Err((code::UNDEFINED_ENTITY, at));
            }
            self.push(Ev::Skipped { name, pe: false }, at);
            return Ok(());
        };
        if ent.notation.is_some() {
            return Err((code::BINARY_ENTITY_REF, at));
        }
        match &ent.value {
            Some(v) => {
                if self.open.iter().any(|o| o.name == name) {
                    return Err((code::RECURSIVE_ENTITY_REF, at));
                }
                if self.keep_refs {
                    self.push(Ev::EntityRef { raw }, at);
                    return Ok(());
                }
                let text = v.clone().into_bytes();
                let depth = self.stack.len();
                self.open.push(Open { text, off: 0, name, depth, at });
                Ok(())
            }
            None => {
                let (sysid, pubid) = (ent.sysid.clone(), ent.pubid.clone());
                let context = self.entity_context(&name);
                self.push(Ev::ExternalRef { sysid, pubid, raw, name: Some(context) }, at);
                Ok(())
            }
        }
    }

    fn start_element(&mut self, s: &[u8], t: &scan::StartTag, at: Pos) -> Res {
        let qname = text(&s[t.name.0..t.name.1]);
        let mut attrs: Vec<(String, String)> = Vec::with_capacity(t.attrs.len());
        for &((a, b), (c, d)) in &t.attrs {
            let n = text(&s[a..b]);
            if attrs.iter().any(|(k, _)| *k == n) {
                return Err((code::DUPLICATE_ATTRIBUTE, at.after(&s[..a])));
            }
            let mut v = self.att_value(&s[c..d], at, at.after(&s[..c]))?;
            if self.tokenized.get(&qname).map_or(false, |l| l.contains(&n)) {
                v = collapse_spaces(&v);
            }
            attrs.push((n, v));
        }
        let specified = attrs.len();
        if let Some(defs) = self.defaults.get(&qname) {
            for (k, v) in defs {
                if !attrs.iter().any(|(n, _)| n == k) {
                    attrs.push((k.clone(), v.clone()));
                }
            }
        }
        let nb = self.bindings.len();
        let raw = text(&s[..t.len]);
        if self.ns_sep.is_none() {
            self.push(Ev::Start { name: qname.clone(), attrs, specified, raw }, at);
        } else {
            let mut kept = Vec::with_capacity(attrs.len());
            let mut kept_specified = 0;
            for (i, (k, v)) in attrs.into_iter().enumerate() {
                let prefix = if k == "xmlns" {
                    ""
                } else if let Some(p) = k.strip_prefix("xmlns:") {
                    p
                } else {
                    if i < specified {
                        kept_specified += 1;
                    }
                    kept.push((k, v));
                    continue;
                };
                let prefix = prefix.to_string();
                if prefix == "xmlns" {
                    return Err((code::RESERVED_PREFIX_XMLNS, at));
                }
                if prefix == "xml" && v != XML_NS {
                    return Err((code::RESERVED_PREFIX_XML, at));
                }
                if prefix != "xml" && (v == XML_NS || v == XMLNS_NS) {
                    return Err((code::RESERVED_NAMESPACE_URI, at));
                }
                if v.is_empty() && !prefix.is_empty() {
                    return Err((code::UNDECLARING_PREFIX, at));
                }
                // expat 2.4.5 and later reject URIs containing the separator.
                if let Some(sep) = self.ns_sep.as_deref() {
                    if !sep.is_empty() && v.contains(sep) {
                        return Err((code::SYNTAX, at));
                    }
                }
                let uri = if v.is_empty() { None } else { Some(v) };
                self.push(Ev::StartNs { prefix: if prefix.is_empty() { None } else { Some(prefix.clone()) }, uri: uri.clone() }, at);
                self.bindings.push((prefix, uri));
            }
            let name = self.expand_element(&qname, at)?;
            let mut out: Vec<(String, String)> = Vec::with_capacity(kept.len());
            for (k, v) in kept {
                let ek = if k.contains(':') { self.expand(&k, false, at)? } else { k };
                if out.iter().any(|(n, _)| *n == ek) {
                    // expat ends the new bindings before reporting the error.
                    while self.bindings.len() > nb {
                        let (p, _) = self.bindings.pop().expect("a binding");
                        self.push(Ev::EndNs { prefix: if p.is_empty() { None } else { Some(p) } }, at);
                    }
                    return Err((code::DUPLICATE_ATTRIBUTE, at));
                }
                out.push((ek, v));
            }
            self.push(Ev::Start { name, attrs: out, specified: kept_specified, raw }, at);
        }
        if t.empty {
            // expat reports the end of an empty element after its tag.
            let name = self.expand_element(&qname, at)?;
            let end = at.after(&s[..t.len]);
            self.push(Ev::End { name, raw: String::new() }, end);
            while self.bindings.len() > nb {
                let (p, _) = self.bindings.pop().expect("a binding");
                self.push(Ev::EndNs { prefix: if p.is_empty() { None } else { Some(p) } }, end);
            }
        } else {
            self.stack.push((qname, nb));
        }
        Ok(())
    }

    fn lookup(&self, prefix: &str) -> Option<&Option<String>> {
        self.bindings.iter().rev().find(|(p, _)| p == prefix).map(|(_, u)| u)
    }

    fn expand_element(&self, qname: &str, at: Pos) -> Res<String> {
        if self.ns_sep.is_none() {
            return Ok(qname.to_string());
        }
        self.expand(qname, true, at)
    }

    /// `uri SEP local [SEP prefix]` for a prefixed name or (elements only) a
    /// name in the default namespace.
    fn expand(&self, qname: &str, element: bool, at: Pos) -> Res<String> {
        let sep = self.ns_sep.as_deref().unwrap_or("");
        let (prefix, local) = match qname.split_once(':') {
            Some((p, l)) => (p, l),
            None => {
                if !element {
                    return Ok(qname.to_string());
                }
                return Ok(match self.lookup("") {
                    Some(Some(u)) => format!("{u}{sep}{qname}"),
                    _ => qname.to_string(),
                });
            }
        };
        match self.lookup(prefix) {
            Some(Some(u)) => Ok(if self.ns_prefixes { format!("{u}{sep}{local}{sep}{prefix}") } else { format!("{u}{sep}{local}") }),
            _ => Err((code::UNBOUND_PREFIX, at)),
        }
    }

    /// An attribute value with references replaced and white space normalized.
    /// `at` is the tag's position, `vat` the value's (where expat reports a
    /// reference to an external entity).
    pub(super) fn att_value(&self, s: &[u8], at: Pos, vat: Pos) -> Res<String> {
        let mut out = String::with_capacity(s.len());
        self.att_text(s, at, Some(vat), &mut out, &mut Vec::new())?;
        Ok(out)
    }

    fn att_text(&self, s: &[u8], at: Pos, vat: Option<Pos>, out: &mut String, opened: &mut Vec<String>) -> Res {
        let mut i = 0;
        while i < s.len() {
            match s[i] {
                b'\r' => {
                    out.push(' ');
                    i += if s.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                }
                b'\n' | b'\t' => {
                    out.push(' ');
                    i += 1;
                }
                b'<' => return Err((code::INVALID_TOKEN, at)),
                b'&' => {
                    let (n, r) = scan::reference(&s[i..]).map_err(|_| (code::INVALID_TOKEN, at))?;
                    match r {
                        Ref::Char(v) => out.push(char_ref_ok(v).ok_or((code::BAD_CHAR_REF, at))?),
                        Ref::Entity(a, b) => {
                            let name = text(&s[i + a..i + b]);
                            if let Some(c) = predefined(&name) {
                                out.push_str(c);
                            } else {
                                match self.entities.get(&name) {
                                    None => {
                                        if !self.has_pe_refs || self.standalone {
                                            return Err((code::UNDEFINED_ENTITY, at));
                                        }
                                    }
                                    Some(e) => match &e.value {
                                        None => {
                                            let ref_at = vat.map_or(at, |v| v.after(&s[..i]));
                                            return Err((code::ATTRIBUTE_EXTERNAL_ENTITY_REF, ref_at));
                                        }
                                        Some(v) => {
                                            if opened.contains(&name) {
                                                return Err((code::RECURSIVE_ENTITY_REF, at));
                                            }
                                            opened.push(name);
                                            self.att_text(v.as_bytes(), at, vat.map(|_| at), out, opened)?;
                                            opened.pop();
                                        }
                                    },
                                }
                            }
                        }
                    }
                    i += n;
                }
                _ => {
                    let n = scan::char_at(s, i).map(|x| x.1).unwrap_or(1);
                    out.push_str(&String::from_utf8_lossy(&s[i..i + n]));
                    i += n;
                }
            }
        }
        Ok(())
    }

    /// The XML declaration's pseudo-attributes: version, encoding, standalone.
    /// `d` is the declaration's text after `<?xml `, starting at `base`; errors
    /// point at the unexpected name or value, as expat's do.
    fn xml_decl(&mut self, d: &[u8], base: Pos) -> Res<(Option<String>, Option<String>, i32)> {
        let err = |off: usize| (code::XML_DECL, base.after(&d[..off.min(d.len())]));
        // (name, value, name offset, value offset)
        let mut vals: Vec<(String, String, usize, usize)> = Vec::new();
        let mut i = 0;
        while i < d.len() {
            i = d[i..].iter().position(|&b| !scan::is_space(b)).map_or(d.len(), |k| i + k);
            if i >= d.len() {
                break;
            }
            let ne = d[i..].iter().position(|&b| b == b'=' || scan::is_space(b)).map(|k| i + k).ok_or(err(i))?;
            let name = text(&d[i..ne]);
            let mut j = ne;
            while j < d.len() && scan::is_space(d[j]) {
                j += 1;
            }
            if d.get(j) != Some(&b'=') {
                return Err(err(j));
            }
            j += 1;
            while j < d.len() && scan::is_space(d[j]) {
                j += 1;
            }
            let q = *d.get(j).ok_or(err(j))?;
            if q != b'"' && q != b'\'' {
                return Err(err(j));
            }
            let ve = d[j + 1..].iter().position(|&b| b == q).map(|k| j + 1 + k).ok_or(err(j))?;
            vals.push((name, text(&d[j + 1..ve]), i, j + 1));
            i = ve + 1;
            if i < d.len() && !scan::is_space(d[i]) {
                return Err(err(i));
            }
        }
        let mut it = vals.into_iter().peekable();
        let mut encoding = None;
        let mut standalone = -1;
        let version = match it.next() {
            Some((n, v, _, _)) if n == "version" => Some(v),
            Some((_, _, off, _)) => return Err(err(off)),
            None => return Err(err(0)),
        };
        if it.peek().map(|x| x.0 == "encoding") == Some(true) {
            encoding = it.next().map(|x| x.1);
        }
        if it.peek().map(|x| x.0 == "standalone") == Some(true) {
            let (_, v, _, voff) = it.next().unwrap_or_default();
            standalone = match v.as_str() {
                "yes" => 1,
                "no" => 0,
                _ => return Err(err(voff)),
            };
            self.standalone = standalone == 1;
        }
        if let Some((_, _, off, _)) = it.next() {
            return Err(err(off));
        }
        Ok((version, encoding, standalone))
    }

    /// The context string expat gives an external entity's handler: in
    /// namespace mode, the bindings in scope (`prefix=uri`, form feed
    /// separated) before the entity's name.
    fn entity_context(&self, name: &str) -> String {
        if self.ns_sep.is_none() {
            return name.to_string();
        }
        let mut parts: Vec<String> = Vec::new();
        if let Some(Some(u)) = self.lookup("") {
            parts.push(format!("={u}"));
        }
        let mut seen: Vec<&str> = Vec::new();
        for (p, _) in &self.bindings {
            if p.is_empty() || seen.contains(&p.as_str()) {
                continue;
            }
            seen.push(p);
            if let Some(Some(u)) = self.lookup(p) {
                parts.push(format!("{p}={u}"));
            }
        }
        parts.push(name.to_string());
        parts.join("\x0c")
    }
}
