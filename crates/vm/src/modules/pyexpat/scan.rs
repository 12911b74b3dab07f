//! Expat's tokenizer rules over UTF-8 text: each function reads one token at the
//! start of a slice and says how long it is, that it needs more input
//! (`Stop::Partial`: the caller waits for the next chunk, or reports "unclosed
//! token" at the end of the document), or where it stops being well-formed
//! (`Stop::Bad(code, offset)`, offsets relative to the token's start, as expat
//! places its error pointer). No VM values here.

/// Expat's error codes (`XML_Error`), in the order of `errors.codes`.
pub mod code {
    pub const SYNTAX: u32 = 2;
    pub const NO_ELEMENTS: u32 = 3;
    pub const INVALID_TOKEN: u32 = 4;
    pub const UNCLOSED_TOKEN: u32 = 5;
    pub const PARTIAL_CHAR: u32 = 6;
    pub const TAG_MISMATCH: u32 = 7;
    pub const DUPLICATE_ATTRIBUTE: u32 = 8;
    pub const JUNK_AFTER_DOC_ELEMENT: u32 = 9;
    pub const UNDEFINED_ENTITY: u32 = 11;
    pub const RECURSIVE_ENTITY_REF: u32 = 12;
    pub const ASYNC_ENTITY: u32 = 13;
    pub const BAD_CHAR_REF: u32 = 14;
    pub const BINARY_ENTITY_REF: u32 = 15;
    pub const ATTRIBUTE_EXTERNAL_ENTITY_REF: u32 = 16;
    pub const MISPLACED_XML_PI: u32 = 17;
    pub const UNCLOSED_CDATA_SECTION: u32 = 20;
    pub const EXTERNAL_ENTITY_HANDLING: u32 = 21;
    pub const NOT_STANDALONE: u32 = 22;
    pub const UNBOUND_PREFIX: u32 = 27;
    pub const UNDECLARING_PREFIX: u32 = 28;
    pub const XML_DECL: u32 = 30;
    pub const FINISHED: u32 = 36;
    pub const RESERVED_PREFIX_XML: u32 = 38;
    pub const RESERVED_PREFIX_XMLNS: u32 = 39;
    pub const RESERVED_NAMESPACE_URI: u32 = 40;
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stop {
    /// The token continues past the end of the data seen so far.
    Partial,
    /// Not well-formed: error code and the offset expat reports.
    Bad(u32, usize),
}

pub type Scan<T> = Result<T, Stop>;

fn bad<T>(at: usize) -> Scan<T> {
    Err(Stop::Bad(code::INVALID_TOKEN, at))
}

/// The character at `s[i]`: its value and length; Partial when the slice ends
/// inside it, Bad when the bytes are not UTF-8 or not an XML character.
pub fn char_at(s: &[u8], i: usize) -> Scan<(char, usize)> {
    let b = match s.get(i) {
        Some(&b) => b,
        None => return Err(Stop::Partial),
    };
    let n = match b {
        0..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return bad(i),
    };
    if i + n > s.len() {
        // Only a valid prefix waits for more input.
        for (k, &c) in s[i + 1..].iter().enumerate() {
            if c & 0xc0 != 0x80 || (k == 0 && !second_byte_ok(b, c)) {
                return bad(i);
            }
        }
        return Err(Stop::Partial);
    }
    match std::str::from_utf8(&s[i..i + n]) {
        Ok(t) => {
            let c = t.chars().next().unwrap_or('\0');
            if is_xml_char(c) {
                Ok((c, n))
            } else {
                bad(i)
            }
        }
        Err(_) => bad(i),
    }
}

fn second_byte_ok(lead: u8, c: u8) -> bool {
    match lead {
        0xe0 => c >= 0xa0,
        0xed => c < 0xa0,
        0xf0 => c >= 0x90,
        0xf4 => c < 0x90,
        _ => true,
    }
}

pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

pub fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c == ':' || (!c.is_ascii() && c.is_alphabetic())
}

pub fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '_' | ':' | '-' | '.' | '\u{b7}' | '\u{300}'..='\u{36f}' | '\u{203f}'..='\u{2040}')
        || (!c.is_ascii() && c.is_alphanumeric())
}

/// A Name at `s[i..]`: its end. Bad at the first character if it cannot start one.
pub fn name(s: &[u8], i: usize) -> Scan<usize> {
    let (c, n) = char_at(s, i)?;
    if !is_name_start(c) {
        return bad(i);
    }
    let mut j = i + n;
    loop {
        match char_at(s, j) {
            Ok((c, n)) if is_name_char(c) => j += n,
            Ok(_) => return Ok(j),
            Err(Stop::Partial) => return Err(Stop::Partial),
            Err(Stop::Bad(..)) => return Ok(j),
        }
    }
}

fn skip_space(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    i
}

fn need(s: &[u8], i: usize) -> Scan<u8> {
    s.get(i).copied().ok_or(Stop::Partial)
}

/// A start tag: `<name (S attr=value)* S? (/>|>)`.
pub struct StartTag {
    pub name: (usize, usize),
    /// Name span and value span (inside the quotes) of each attribute.
    pub attrs: Vec<((usize, usize), (usize, usize))>,
    pub empty: bool,
    pub len: usize,
}

pub fn start_tag(s: &[u8]) -> Scan<StartTag> {
    let ne = name(s, 1)?;
    let mut t = StartTag { name: (1, ne), attrs: Vec::new(), empty: false, len: 0 };
    let mut i = ne;
    loop {
        let b = need(s, i)?;
        if b == b'>' {
            t.len = i + 1;
            return Ok(t);
        }
        if b == b'/' {
            return match need(s, i + 1)? {
                b'>' => {
                    t.empty = true;
                    t.len = i + 2;
                    Ok(t)
                }
                _ => bad(i + 1),
            };
        }
        if !is_space(b) {
            return bad(i);
        }
        i = skip_space(s, i);
        let b = need(s, i)?;
        if b == b'>' || b == b'/' {
            continue;
        }
        let an = name(s, i)?;
        let mut j = skip_space(s, an);
        if need(s, j)? != b'=' {
            return bad(j);
        }
        j = skip_space(s, j + 1);
        let q = need(s, j)?;
        if q != b'"' && q != b'\'' {
            return bad(j);
        }
        let vs = j + 1;
        let ve = att_value(s, vs, q)?;
        t.attrs.push(((i, an), (vs, ve)));
        i = ve + 1;
        // Attributes must be separated by white space.
        let b = need(s, i)?;
        if !is_space(b) && b != b'>' && b != b'/' {
            return bad(i);
        }
    }
}

/// The end of an attribute value quoted by `q` starting at `i` (the quote's index).
fn att_value(s: &[u8], mut i: usize, q: u8) -> Scan<usize> {
    loop {
        let b = need(s, i)?;
        if b == q {
            return Ok(i);
        }
        match b {
            b'<' => return bad(i),
            b'&' => i += reference(&s[i..]).map_err(|e| shift(e, i))?.0,
            _ => i += char_at(s, i)?.1,
        }
    }
}

fn shift(e: Stop, by: usize) -> Stop {
    match e {
        Stop::Bad(c, o) => Stop::Bad(c, o + by),
        p => p,
    }
}

/// A reference `&name;`, `&#N;` or `&#xH;`: its length and what it names.
pub enum Ref {
    Entity(usize, usize),
    Char(u32),
}

pub fn reference(s: &[u8]) -> Scan<(usize, Ref)> {
    let b = need(s, 1)?;
    if b == b'#' {
        let hex = need(s, 2)? == b'x';
        let mut i = if hex { 3 } else { 2 };
        let start = i;
        let mut v: u32 = 0;
        loop {
            let b = need(s, i)?;
            let d = match b {
                b';' if i > start => return Ok((i + 1, Ref::Char(v))),
                b'0'..=b'9' => (b - b'0') as u32,
                b'a'..=b'f' if hex => (b - b'a' + 10) as u32,
                b'A'..=b'F' if hex => (b - b'A' + 10) as u32,
                _ => return bad(i),
            };
            v = v.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
            i += 1;
        }
    }
    let e = name(s, 1)?;
    if need(s, e)? != b';' {
        return bad(e);
    }
    Ok((e + 1, Ref::Entity(1, e)))
}

/// An end tag `</name S?>`: the name's span and the length.
pub fn end_tag(s: &[u8]) -> Scan<((usize, usize), usize)> {
    let e = name(s, 2)?;
    let i = skip_space(s, e);
    match need(s, i)? {
        b'>' => Ok(((2, e), i + 1)),
        _ => bad(i),
    }
}

/// A comment `<!-- text -->`: the text's span and the length.
pub fn comment(s: &[u8]) -> Scan<((usize, usize), usize)> {
    let mut i = 4;
    loop {
        let b = need(s, i)?;
        if b == b'-' && need(s, i + 1)? == b'-' {
            return match need(s, i + 2)? {
                b'>' => Ok(((4, i), i + 3)),
                _ => bad(i + 2),
            };
        }
        i += char_at(s, i)?.1;
    }
}

/// A processing instruction `<?target S data?>`: target span, data span, length.
pub fn pi(s: &[u8]) -> Scan<((usize, usize), (usize, usize), usize)> {
    let te = name(s, 2)?;
    let b = need(s, te)?;
    if b == b'?' {
        return match need(s, te + 1)? {
            b'>' => Ok(((2, te), (te, te), te + 2)),
            _ => bad(te + 1),
        };
    }
    if !is_space(b) {
        return bad(te);
    }
    let ds = skip_space(s, te);
    let mut i = ds;
    loop {
        let b = need(s, i)?;
        if b == b'?' && need(s, i + 1)? == b'>' {
            return Ok(((2, te), (ds, i), i + 2));
        }
        i += char_at(s, i)?.1;
    }
}

/// A run of character data at the start of `s` (no markup, references or line
/// ends): its length, 0 when `s` starts with something else. With `more` false
/// the data is complete, so a `]` at the end is data.
pub fn data_run(s: &[u8], more: bool) -> Scan<usize> {
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'<' | b'&' | b'\r' | b'\n' => break,
            b']' => {
                if s.get(i + 1) == Some(&b']') {
                    match s.get(i + 2) {
                        Some(&b'>') => break,
                        None if more => break,
                        _ => {}
                    }
                } else if i + 1 == s.len() && more {
                    break;
                }
                i += 1;
            }
            b if b < 0x80 && b >= 0x20 => i += 1,
            _ => match char_at(s, i) {
                Ok((_, n)) => i += n,
                Err(e) => {
                    if i > 0 {
                        break;
                    }
                    return Err(e);
                }
            },
        }
    }
    Ok(i)
}

/// The end of the DOCTYPE declaration that starts `s` (after `<!DOCTYPE`),
/// skipping quoted literals, comments and PIs of the internal subset.
pub fn doctype_end(s: &[u8]) -> Scan<usize> {
    let mut i = 9;
    let mut depth = 0;
    loop {
        let b = need(s, i)?;
        match b {
            b'"' | b'\'' => {
                let mut j = i + 1;
                while need(s, j)? != b {
                    j += 1;
                }
                i = j + 1;
            }
            b'[' => {
                depth += 1;
                i += 1;
            }
            b']' => {
                depth -= 1;
                i += 1;
            }
            b'>' if depth <= 0 => return Ok(i + 1),
            b'<' if s.get(i + 1) == Some(&b'!') && s.get(i + 2) == Some(&b'-') => {
                i += comment(&s[i..]).map_err(|e| shift(e, i))?.1;
            }
            b'<' if s.get(i + 1) == Some(&b'?') => {
                i += pi(&s[i..]).map_err(|e| shift(e, i))?.2;
            }
            b'<' if depth > 0 && i + 1 >= s.len() => return Err(Stop::Partial),
            _ => i += char_at(s, i)?.1,
        }
    }
}

/// Advances a (line, column) position over `s`: CR LF, CR and LF end lines;
/// columns count characters.
pub fn advance(line: &mut u64, col: &mut u64, s: &[u8]) {
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'\r' => {
                *line += 1;
                *col = 0;
                if s.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\n' => {
                *line += 1;
                *col = 0;
            }
            b if b & 0xc0 == 0x80 => {}
            _ => *col += 1,
        }
        i += 1;
    }
}
