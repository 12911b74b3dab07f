//! The DOCTYPE declaration and its internal subset: split into expat's prolog
//! tokens (each is what a default handler receives when the declaration's own
//! handler is not set), then read declaration by declaration.

use super::parse::{Core, Entity, Ev, Model, Pos};
use super::scan::{self, code, Stop};

#[derive(Clone, Copy, PartialEq, Debug)]
enum K {
    Space,
    Name,
    Literal,
    Punct(u8),
    /// `<!NAME`
    Decl,
    PeRef,
    Comment,
    Pi,
}

struct Piece {
    k: K,
    a: usize,
    b: usize,
}

fn pieces(s: &[u8]) -> Result<Vec<Piece>, (u32, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |e: Stop, at: usize| match e {
        Stop::Bad(c, o) => (c, at + o),
        Stop::Partial => (code::SYNTAX, at),
    };
    while i < s.len() {
        let b = s[i];
        let (k, n) = if scan::is_space(b) {
            (K::Space, s[i..].iter().take_while(|&&c| scan::is_space(c)).count())
        } else if b == b'"' || b == b'\'' {
            let e = s[i + 1..].iter().position(|&c| c == b).ok_or((code::SYNTAX, i))?;
            (K::Literal, e + 2)
        } else if s[i..].starts_with(b"<!--") {
            (K::Comment, scan::comment(&s[i..]).map_err(|e| bad(e, i))?.1)
        } else if s[i..].starts_with(b"<?") {
            (K::Pi, scan::pi(&s[i..]).map_err(|e| bad(e, i))?.2)
        } else if s[i..].starts_with(b"<!") {
            (K::Decl, scan::name(s, i + 2).map_err(|e| bad(e, 0))? - i)
        } else if b == b'%' {
            if s.get(i + 1).map_or(false, |&c| scan::is_space(c)) {
                (K::Punct(b'%'), 1)
            } else {
                let e = scan::name(s, i + 1).map_err(|e| bad(e, 0))?;
                if s.get(e) != Some(&b';') {
                    return Err((code::INVALID_TOKEN, e));
                }
                (K::PeRef, e + 1 - i)
            }
        } else if b == b')' && s.get(i + 1).map_or(false, |c| b"?*+".contains(c)) {
            // `)*` is one token, as a name with its quantifier is.
            (K::Punct(b')'), 2)
        } else if b"[]>()|,?*+".contains(&b) {
            (K::Punct(b), 1)
        } else if b == b'#' {
            (K::Name, scan::name(s, i + 1).map_err(|e| bad(e, 0))? - i)
        } else {
            let (c, _) = scan::char_at(s, i).map_err(|e| bad(e, 0))?;
            if !scan::is_name_char(c) {
                return Err((code::INVALID_TOKEN, i));
            }
            // Name tokens (NMTOKEN) may start with any name character.
            let mut j = i;
            while let Ok((c, n)) = scan::char_at(s, j) {
                if !scan::is_name_char(c) {
                    break;
                }
                j += n;
            }
            if s.get(j).map_or(false, |c| b"?*+".contains(c)) {
                j += 1;
            }
            (K::Name, j - i)
        };
        out.push(Piece { k, a: i, b: i + n });
        i += n;
    }
    Ok(out)
}

struct Reader<'a> {
    s: &'a [u8],
    p: Vec<Piece>,
    i: usize,
    at: Pos,
    raw: Vec<String>,
}

type R<T = ()> = Result<T, (u32, Pos)>;

impl<'a> Reader<'a> {
    fn text(&self, p: &Piece) -> String {
        String::from_utf8_lossy(&self.s[p.a..p.b]).into_owned()
    }
    fn pos_of(&self, i: usize) -> Pos {
        let off = self.p.get(i).map_or(self.s.len(), |p| p.a);
        let mut at = self.at;
        at.byte += off as u64;
        scan::advance(&mut at.line, &mut at.col, &self.s[..off]);
        at
    }
    fn err<T>(&self) -> R<T> {
        Err((code::SYNTAX, self.pos_of(self.i)))
    }
    fn peek(&self) -> Option<K> {
        self.p.get(self.i).map(|p| p.k)
    }
    /// Takes the next piece into the raw text.
    fn take(&mut self) -> R<(K, String)> {
        let Some(p) = self.p.get(self.i) else { return self.err() };
        let t = self.text(p);
        let k = p.k;
        self.raw.push(t.clone());
        self.i += 1;
        Ok((k, t))
    }
    fn space(&mut self) {
        while self.peek() == Some(K::Space) {
            let _ = self.take();
        }
    }
    fn expect(&mut self, k: K) -> R<String> {
        self.space();
        match self.take()? {
            (got, t) if got == k => Ok(t),
            _ => {
                self.i -= 1;
                self.err()
            }
        }
    }
    fn raw(&mut self) -> Vec<String> {
        std::mem::take(&mut self.raw)
    }
}

/// A content particle's text without its quantifier, and the quantifier
/// (`?` 1, `*` 2, `+` 3).
fn split_quant(mut t: String) -> (String, u32) {
    let q = match t.as_bytes().last() {
        Some(b'?') => 1,
        Some(b'*') => 2,
        Some(b'+') => 3,
        _ => return (t, 0),
    };
    t.pop();
    (t, q)
}

fn unquote(t: &str) -> String {
    t[1..t.len() - 1].to_string()
}

impl Core {
    /// Reads a complete DOCTYPE declaration `s` (starting at `at`) into events.
    pub(super) fn doctype(&mut self, s: &[u8], at: Pos) -> R {
        let p = pieces(s).map_err(|(c, off)| {
            let mut a = at;
            a.byte += off as u64;
            scan::advance(&mut a.line, &mut a.col, &s[..off.min(s.len())]);
            (c, a)
        })?;
        let mut r = Reader { s, p, i: 0, at, raw: Vec::new() };
        r.take()?;
        let name = r.expect(K::Name)?;
        r.space();
        let (mut sysid, mut pubid) = (None, None);
        if r.peek() == Some(K::Name) {
            let (sys, publ) = self.external_id(&mut r, false)?;
            sysid = sys;
            pubid = publ;
            if sysid.is_some() {
                self.has_pe_refs = true;
                if !self.standalone && self.param_entities == 0 {
                    // Reported at the system literal.
                    let lit = r.pos_of(r.i - 1);
                    self.push(Ev::NotStandalone, lit);
                }
            }
        }
        self.saw_doctype = true;
        r.space();
        let internal = r.peek() == Some(K::Punct(b'['));
        if internal {
            r.take()?;
        }
        let raw = r.raw();
        self.push(Ev::StartDoctype { name, sysid: sysid.clone(), pubid: pubid.clone(), internal, raw }, at);
        if internal {
            loop {
                let pos = r.pos_of(r.i);
                match r.peek() {
                    None => return r.err(),
                    Some(K::Punct(b']')) => {
                        r.take()?;
                        break;
                    }
                    Some(K::Space) => {
                        let (_, t) = r.take()?;
                        r.raw.clear();
                        self.push(Ev::Default(t), pos);
                    }
                    Some(K::Comment) => {
                        let (_, t) = r.take()?;
                        r.raw.clear();
                        let body = t[4..t.len() - 3].to_string();
                        self.push(Ev::Comment { text: body, raw: t }, pos);
                    }
                    Some(K::Pi) => {
                        let (_, t) = r.take()?;
                        r.raw.clear();
                        let inner = &t[2..t.len() - 2];
                        let (target, data) = match inner.find(|c: char| c.is_ascii_whitespace()) {
                            Some(k) => (&inner[..k], inner[k..].trim_start()),
                            None => (inner, ""),
                        };
                        self.push(Ev::Pi { target: target.into(), data: data.into(), raw: t }, pos);
                    }
                    Some(K::PeRef) => {
                        let (_, t) = r.take()?;
                        r.raw.clear();
                        // Parameter entities are not read: later declarations
                        // are skipped unless the document is standalone.
                        self.has_pe_refs = true;
                        if self.param_entities == 0 {
                            self.keep_processing = self.standalone;
                        } else {
                            let name = t[1..t.len() - 1].to_string();
                            if !self.pe_entities.contains_key(&name) {
                                self.push(Ev::Skipped { name, pe: true }, pos);
                            }
                        }
                        if !self.standalone {
                            self.push(Ev::NotStandalone, pos);
                        }
                        if self.param_entities == 0 {
                            self.push(Ev::Default(t), pos);
                        }
                    }
                    Some(K::Decl) => self.declaration(&mut r, pos)?,
                    Some(_) => return r.err(),
                }
            }
            r.space();
        }
        let end = r.pos_of(r.i);
        match r.take()? {
            (K::Punct(b'>'), _) => {}
            _ => {
                r.i -= 1;
                return r.err();
            }
        }
        if r.i != r.p.len() {
            return r.err();
        }
        let reads_subset = self.param_entities == 2 || (self.param_entities == 1 && !self.standalone);
        if (sysid.is_some() || self.foreign_dtd) && reads_subset {
            self.push(Ev::ExternalRef { sysid: sysid.clone(), pubid: pubid.clone(), raw: String::new(), name: None }, end);
        }
        let raw = r.raw();
        self.push(Ev::EndDoctype { raw }, end);
        Ok(())
    }

    /// `SYSTEM lit` or `PUBLIC lit lit` (the system literal optional in a notation).
    fn external_id(&mut self, r: &mut Reader, notation: bool) -> R<(Option<String>, Option<String>)> {
        let kw = r.expect(K::Name)?;
        match kw.as_str() {
            "SYSTEM" => Ok((Some(unquote(&r.expect(K::Literal)?)), None)),
            "PUBLIC" => {
                let pubid = unquote(&r.expect(K::Literal)?);
                if !pubid.chars().all(|c| c.is_ascii_alphanumeric() || " \r\n-'()+,./:=?;!*#@$_%".contains(c)) {
                    return Err((32, r.pos_of(r.i - 1)));
                }
                let pubid = pubid.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
                let save = (r.i, r.raw.len());
                r.space();
                if r.peek() == Some(K::Literal) {
                    let sys = unquote(&r.take()?.1);
                    return Ok((Some(sys), Some(pubid)));
                }
                r.i = save.0;
                r.raw.truncate(save.1);
                if notation {
                    Ok((None, Some(pubid)))
                } else {
                    r.err()
                }
            }
            _ => {
                r.i -= 1;
                r.err()
            }
        }
    }

    fn declaration(&mut self, r: &mut Reader, pos: Pos) -> R {
        let (_, kw) = r.take()?;
        match &kw[2..] {
            "ENTITY" => self.entity_decl(r, pos),
            "NOTATION" => {
                let name = r.expect(K::Name)?;
                let (sysid, pubid) = self.external_id(r, true)?;
                r.expect(K::Punct(b'>'))?;
                let raw = r.raw();
                self.push(Ev::NotationDecl { name, sysid, pubid, raw }, pos);
                Ok(())
            }
            "ELEMENT" => {
                let name = r.expect(K::Name)?;
                r.space();
                let model = match r.take()? {
                    (K::Name, t) if t == "EMPTY" => Model { ty: 1, quant: 0, name: None, children: vec![] },
                    (K::Name, t) if t == "ANY" => Model { ty: 2, quant: 0, name: None, children: vec![] },
                    (K::Punct(b'('), _) => self.group(r)?,
                    _ => {
                        r.i -= 1;
                        return r.err();
                    }
                };
                r.expect(K::Punct(b'>'))?;
                let raw = r.raw();
                self.push(Ev::ElementDecl { name, model, raw }, pos);
                Ok(())
            }
            "ATTLIST" => self.attlist(r, pos),
            _ => r.err(),
        }
    }

    /// A content model after its `(`.
    fn group(&mut self, r: &mut Reader) -> R<Model> {
        r.space();
        if r.peek() == Some(K::Name) && r.p.get(r.i).map_or(false, |p| r.s[p.a] == b'#') {
            let (_, t) = r.take()?;
            if t != "#PCDATA" {
                return r.err();
            }
            let mut children = Vec::new();
            loop {
                r.space();
                match r.take()? {
                    (K::Punct(b'|'), _) => {
                        let n = r.expect(K::Name)?;
                        children.push(Model { ty: 4, quant: 0, name: Some(n), children: vec![] });
                    }
                    (K::Punct(b')'), close) => {
                        let (_, quant) = split_quant(close);
                        return Ok(Model { ty: 3, quant, name: None, children });
                    }
                    _ => {
                        r.i -= 1;
                        return r.err();
                    }
                }
            }
        }
        let mut children = Vec::new();
        let mut sep = None;
        loop {
            r.space();
            let item = match r.take()? {
                (K::Name, n) => {
                    let (name, quant) = split_quant(n);
                    Model { ty: 4, quant, name: Some(name), children: vec![] }
                }
                (K::Punct(b'('), _) => self.group(r)?,
                _ => {
                    r.i -= 1;
                    return r.err();
                }
            };
            children.push(item);
            r.space();
            match r.take()? {
                (K::Punct(b')'), close) => {
                    let (_, quant) = split_quant(close);
                    return Ok(Model { ty: if sep == Some(b'|') { 5 } else { 6 }, quant, name: None, children });
                }
                (K::Punct(c @ (b'|' | b',')), _) if sep.map_or(true, |s| s == c) => sep = Some(c),
                _ => {
                    r.i -= 1;
                    return r.err();
                }
            }
        }
    }

    fn attlist(&mut self, r: &mut Reader, pos: Pos) -> R {
        let elname = r.expect(K::Name)?;
        let mut decls = Vec::new();
        loop {
            r.space();
            if r.peek() == Some(K::Punct(b'>')) {
                r.take()?;
                break;
            }
            let attname = r.expect(K::Name)?;
            r.space();
            let ty = match r.take()? {
                (K::Name, t) if t == "NOTATION" => {
                    r.expect(K::Punct(b'('))?;
                    format!("NOTATION({})", self.enumeration(r)?)
                }
                (K::Name, t) if ["CDATA", "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "NMTOKEN", "NMTOKENS"].contains(&t.as_str()) => t,
                (K::Punct(b'('), _) => format!("({})", self.enumeration(r)?),
                _ => {
                    r.i -= 1;
                    return r.err();
                }
            };
            r.space();
            let (default, required) = match r.take()? {
                (K::Name, t) if t == "#REQUIRED" => (None, true),
                (K::Name, t) if t == "#IMPLIED" => (None, false),
                (K::Name, t) if t == "#FIXED" => (Some(r.expect(K::Literal)?), true),
                (K::Literal, t) => (Some(t), false),
                _ => {
                    r.i -= 1;
                    return r.err();
                }
            };
            let default = match default {
                Some(lit) => {
                    let v = self.att_value(&lit.as_bytes()[1..lit.len() - 1], pos, pos)?;
                    Some(if ty == "CDATA" { v } else { super::parse::collapse_spaces(&v) })
                }
                None => None,
            };
            if ty != "CDATA" && self.keep_processing {
                let list = self.tokenized.entry(elname.clone()).or_default();
                if !list.contains(&attname) {
                    list.push(attname.clone());
                }
            }
            if let Some(v) = &default {
                if self.keep_processing {
                    let list = self.defaults.entry(elname.clone()).or_default();
                    if !list.iter().any(|(n, _)| *n == attname) {
                        list.push((attname.clone(), v.clone()));
                    }
                }
            }
            decls.push((attname, ty, default, required));
        }
        let raw = r.raw();
        if decls.is_empty() || !self.keep_processing {
            for t in raw {
                self.push(Ev::Default(t), pos);
            }
            return Ok(());
        }
        let n = decls.len();
        for (k, (attname, ty, default, required)) in decls.into_iter().enumerate() {
            let raw = if k + 1 == n { raw.clone() } else { Vec::new() };
            self.push(Ev::AttlistDecl { elname: elname.clone(), attname, ty, default, required, raw }, pos);
        }
        Ok(())
    }

    fn enumeration(&mut self, r: &mut Reader) -> R<String> {
        let mut names = Vec::new();
        loop {
            names.push(r.expect(K::Name)?);
            r.space();
            match r.take()? {
                (K::Punct(b'|'), _) => {}
                (K::Punct(b')'), _) => return Ok(names.join("|")),
                _ => {
                    r.i -= 1;
                    return r.err();
                }
            }
        }
    }

    fn entity_decl(&mut self, r: &mut Reader, pos: Pos) -> R {
        r.space();
        let pe = r.peek() == Some(K::Punct(b'%'));
        if pe {
            r.take()?;
        }
        let name = r.expect(K::Name)?;
        r.space();
        let mut ent = Entity { value: None, sysid: None, pubid: None, notation: None };
        if r.peek() == Some(K::Literal) {
            let (_, lit) = r.take()?;
            ent.value = Some(self.entity_value(&lit[1..lit.len() - 1], r.pos_of(r.i - 1))?);
        } else {
            let (sysid, pubid) = self.external_id(r, false)?;
            ent.sysid = sysid;
            ent.pubid = pubid;
            r.space();
            if !pe && r.peek() == Some(K::Name) {
                if r.take()?.1 != "NDATA" {
                    r.i -= 1;
                    return r.err();
                }
                ent.notation = Some(r.expect(K::Name)?);
            }
        }
        r.expect(K::Punct(b'>'))?;
        let raw = r.raw();
        let table = if pe { &mut self.pe_entities } else { &mut self.entities };
        if !self.keep_processing || table.contains_key(&name) {
            for t in raw {
                self.push(Ev::Default(t), pos);
            }
            return Ok(());
        }
        let ev = Ev::EntityDecl {
            name: name.clone(),
            pe,
            value: ent.value.clone(),
            sysid: ent.sysid.clone(),
            pubid: ent.pubid.clone(),
            notation: ent.notation.clone(),
            raw,
        };
        table.insert(name, ent);
        self.push(ev, pos);
        Ok(())
    }

    /// An entity's replacement text: character references replaced, general
    /// entity references kept; parameter entity references are not allowed in
    /// the internal subset's declarations.
    fn entity_value(&self, v: &str, at: Pos) -> R<String> {
        let s = v.as_bytes();
        let mut out = String::with_capacity(v.len());
        let mut i = 0;
        while i < s.len() {
            match s[i] {
                b'%' => return Err((10, at)),
                b'&' => {
                    let (n, r) = scan::reference(&s[i..]).map_err(|_| (code::INVALID_TOKEN, at))?;
                    match r {
                        scan::Ref::Char(c) => {
                            let c = char::from_u32(c).filter(|&c| scan::is_xml_char(c)).ok_or((code::BAD_CHAR_REF, at))?;
                            out.push(c);
                        }
                        scan::Ref::Entity(..) => out.push_str(&v[i..i + n]),
                    }
                    i += n;
                }
                b'\r' => {
                    out.push('\n');
                    i += if s.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                }
                _ => {
                    let n = scan::char_at(s, i).map(|x| x.1).unwrap_or(1);
                    out.push_str(&v[i..i + n]);
                    i += n;
                }
            }
        }
        Ok(out)
    }
}
