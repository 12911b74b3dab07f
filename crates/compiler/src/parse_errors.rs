//! Mapping ruff's parse errors to CPython 3.11's SyntaxError messages and positions.
//!
//! CPython reports tokenizer errors (brackets, unterminated strings, inconsistent
//! indentation) in preference to parser errors: after a parser error it tokenizes the
//! rest of the file and lets a tokenizer error win. `scan` is a small tokenizer that
//! finds those errors; `map_parse_error` turns ruff's error kinds into CPython's
//! messages for the common mistakes.

use crate::parse::LineIndex;
use crate::{CompileError, ErrorKind};
use ruff_python_ast::Expr;
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType, UnsupportedSyntaxError,
    UnsupportedSyntaxErrorKind,
};
use ruff_python_ast::token::TokenKind;
use ruff_text_size::{TextRange, TextSize};

/// CPython's tokenizer limit on bracket nesting (MAXLEVEL).
const MAX_PAREN_LEVEL: usize = 200;

/// What the tokenizer-level scan found.
#[derive(Default)]
pub struct Scan {
    /// First tokenizer error (unmatched bracket, unterminated string, TabError, ...).
    error: Option<CompileError>,
    /// Whether `error` is one ruff's parser may accept (number literals): it is
    /// reported even when the parse succeeds.
    error_certain: bool,
    /// First string-decoding error (the parser's, not the tokenizer's): the
    /// string's start and the error.
    escape_error: Option<(usize, CompileError)>,
    /// Innermost bracket still open at the end: (char, byte offset).
    unclosed: Option<(u8, usize)>,
    /// Bracket nesting deeper than CPython's tokenizer allows; checked before
    /// parsing so the parser never recurses that deep.
    too_deep: Option<CompileError>,
}

impl Scan {
    /// The error to report without consulting the parser.
    pub fn first_error_if_certain(&mut self) -> Option<CompileError> {
        if let Some(e) = self.too_deep.take() {
            return Some(e);
        }
        if self.error_certain {
            return self.error.take();
        }
        None
    }

    /// The error to report when the parser accepted the source.
    pub fn error_after_parse(&mut self) -> Option<CompileError> {
        self.error.take().or_else(|| self.escape_error.take().map(|(_, e)| e))
    }
}

fn at(i: usize) -> TextRange {
    TextRange::empty(TextSize::new(i as u32))
}

/// CPython's tokenizer over the whole source: its errors (in source order) and
/// its warnings (recorded on `index`).
pub fn scan(source: &str, index: &LineIndex<'_>) -> Scan {
    scan_with(source, index, false)
}

/// `scan`; with `subparse`, f-string expressions are also parsed on their own for
/// CPython's "f-string: ..." errors (only needed once the parser found an error:
/// otherwise ruff has accepted them).
pub fn scan_with(source: &str, index: &LineIndex<'_>, subparse: bool) -> Scan {
    let b = source.as_bytes();
    let mut out = Scan::default();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut indents: Vec<(u32, u32)> = vec![(0, 0)];
    let mut i = 0;
    let mut line_start = true;
    let mut continuation = false;
    // The bytes-mode of the previous token if it was a string literal (adjacent
    // literals are concatenated and may not mix bytes and str).
    let mut last_string: Option<bool> = None;
    let mut run_start = 0;
    let set = |out: &mut Scan, e: CompileError| {
        if out.error.is_none() {
            out.error = Some(e);
        }
    };
    while i < b.len() {
        if line_start {
            line_start = false;
            if stack.is_empty() && !continuation {
                let (mut col, mut altcol) = (0u32, 0u32);
                let mut j = i;
                while j < b.len() {
                    match b[j] {
                        b' ' => {
                            col += 1;
                            altcol += 1;
                        }
                        b'\t' => {
                            col = (col / 8 + 1) * 8;
                            altcol += 1;
                        }
                        b'\x0c' => {
                            col = 0;
                            altcol = 0;
                        }
                        _ => break,
                    }
                    j += 1;
                }
                let blank = j >= b.len() || matches!(b[j], b'#' | b'\n' | b'\r') || (b[j] == b'\\' && j + 1 < b.len() && matches!(b[j + 1], b'\n' | b'\r'));
                if !blank {
                    let (top, alttop) = *indents.last().unwrap_or(&(0, 0));
                    let tab_error = || index.parse_error(ErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", at(i));
                    if col == top {
                        if altcol != alttop {
                            let mut e = tab_error();
                            e.end_offset = 0;
                            set(&mut out, e);
                        }
                    } else if col > top {
                        if altcol <= alttop {
                            let mut e = tab_error();
                            e.end_offset = 0;
                            set(&mut out, e);
                        }
                        indents.push((col, altcol));
                    } else {
                        while indents.len() > 1 && col < indents.last().map_or(0, |t| t.0) {
                            indents.pop();
                        }
                        let (top, alttop) = *indents.last().unwrap_or(&(0, 0));
                        if col != top {
                            let line = index.line_number(TextSize::new(i as u32));
                            let text = index.line_text(line - 1);
                            let mut e = index.parse_error(ErrorKind::IndentationError, "unindent does not match any outer indentation level", at(i));
                            e.offset = text.trim_end_matches(['\n', '\r']).chars().count() as u32 + 1;
                            e.end_offset = -1;
                            set(&mut out, e);
                        } else if altcol != alttop {
                            let mut e = tab_error();
                            e.end_offset = 0;
                            set(&mut out, e);
                        }
                    }
                }
                i = j;
                continue;
            }
        }
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            // A continuation that ends the input: the tokenizer's implicit newline
            // follows it, then EOF.
            b'\\' if i + 1 == b.len() && stack.is_empty() => {
                set(&mut out, eof_error(index, ErrorKind::SyntaxError, "unexpected EOF while parsing"));
                i += 1;
                continue;
            }
            b'\\' if i + 1 < b.len() && matches!(b[i + 1], b'\n' | b'\r') => {
                i += 1;
                if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                i += 1;
                continuation = true;
                line_start = true;
                continue;
            }
            b'\n' | b'\r' => {
                if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                i += 1;
                if stack.is_empty() {
                    last_string = None;
                }
                continuation = false;
                line_start = true;
                continue;
            }
            b'\'' | b'"' => {
                let start = string_start(b, i);
                let (end, ok, triple) = skip_string(b, i, c);
                if ok {
                    let quotes = if triple { 3 } else { 1 };
                    let bytes = b[start..i].iter().any(|c| c.eq_ignore_ascii_case(&b'b'));
                    if last_string.is_none() {
                        run_start = start;
                    }
                    if out.escape_error.is_none() {
                        let prev = last_string;
                        if let Some(e) = check_string(index, b, start, (i + quotes, end - quotes), end, !stack.is_empty(), prev, subparse) {
                            out.escape_error = Some((run_start, e));
                        }
                    }
                    last_string = Some(bytes);
                } else {
                    let line = index.line_number(TextSize::new(start as u32));
                    let msg = if triple {
                        let last = index.line_number(TextSize::new(b.len().saturating_sub(1) as u32));
                        format!("unterminated triple-quoted string literal (detected at line {last})")
                    } else {
                        format!("unterminated string literal (detected at line {line})")
                    };
                    set(&mut out, index.token_error(msg, at(start)));
                }
                i = end;
                continue;
            }
            c if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)) => {
                last_string = None;
                match number(b, i, index) {
                    Ok(end) => i = end,
                    Err((e, end)) => {
                        if out.error.is_none() {
                            out.error = Some(e);
                            out.error_certain = true;
                        }
                        i = end.max(i + 1);
                    }
                }
                continue;
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                let start = i;
                while i < b.len() && is_ident_char(b[i]) {
                    i += 1;
                }
                let prefix = i < b.len() && matches!(b[i], b'\'' | b'"') && string_start(b, i) == start;
                if !prefix {
                    last_string = None;
                }
                continue;
            }
            b' ' | b'\t' | b'\x0c' => {}
            b'(' | b'[' | b'{' => {
                last_string = None;
                stack.push((c, i));
                if stack.len() > MAX_PAREN_LEVEL && out.too_deep.is_none() {
                    out.too_deep = Some(index.parse_error(
                        ErrorKind::SyntaxError,
                        "too many nested parentheses",
                        TextRange::new(TextSize::new(i as u32), TextSize::new(i as u32 + 1)),
                    ));
                }
            }
            b')' | b']' | b'}' => match { last_string = None; stack.pop() } {
                None => set(&mut out, index.token_error(format!("unmatched '{}'", c as char), at(i))),
                Some((open, pos)) => {
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if expected != c {
                        let l1 = index.line_number(TextSize::new(pos as u32));
                        let l2 = index.line_number(TextSize::new(i as u32));
                        let msg = if l1 == l2 {
                            format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, open as char)
                        } else {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {l1}",
                                c as char, open as char
                            )
                        };
                        set(&mut out, index.token_error(msg, at(i)));
                    }
                }
            },
            c if (c < 0x20 && !matches!(c, b'\n' | b'\r')) || c == 0x7f => {
                // A control character is a tokenizer error, reported even after a
                // parser error earlier in the file.
                set(&mut out, index.token_error(format!("invalid non-printable character U+{:04X}", c as u32), at(i)));
            }
            _ => last_string = None,
        }
        i += 1;
    }
    out.unclosed = stack.last().copied();
    out
}

/// CPython's `is_potential_identifier_char`.
fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// The number token at `start`, as CPython's tokenizer reads it: its end, or
/// the tokenizer's error and where scanning may resume. Literals directly followed
/// by a keyword that may follow a number (`1if x else y`) give a SyntaxWarning.
fn number(b: &[u8], start: usize, index: &LineIndex<'_>) -> Result<usize, (CompileError, usize)> {
    let mut t = NumTok { b, start, cur: start, index, err: None };
    match t.number() {
        Some(()) => Ok(t.cur),
        None => {
            let e = t.err.take().unwrap_or_else(|| index.tokenizer_error_at("invalid syntax", start));
            Err((e, t.cur))
        }
    }
}

/// A port of the number part of CPython 3.11's `tok_get` (Parser/tokenizer.c).
struct NumTok<'a, 'b> {
    b: &'a [u8],
    start: usize,
    /// Position after the last character read (CPython's `tok->cur`).
    cur: usize,
    index: &'a LineIndex<'b>,
    err: Option<CompileError>,
}

impl NumTok<'_, '_> {
    fn nextc(&mut self) -> u8 {
        let c = self.b.get(self.cur).copied().unwrap_or(0);
        self.cur += 1;
        c
    }

    fn backup(&mut self) {
        self.cur -= 1;
    }

    fn error(&mut self, msg: String) -> Option<()> {
        self.err = Some(self.index.tokenizer_error_at(msg, self.cur.min(self.b.len())));
        None
    }

    fn number(&mut self) -> Option<()> {
        let mut c = self.nextc();
        if c == b'.' {
            c = self.nextc();
            return self.fraction(c);
        }
        if c != b'0' {
            let c = self.decimal_tail()?;
            return self.after_integer(c);
        }
        c = self.nextc();
        match c {
            b'x' | b'X' => self.radix(|c| c.is_ascii_hexdigit(), "hexadecimal", false),
            b'o' | b'O' => self.radix(|c| (b'0'..b'8').contains(&c), "octal", true),
            b'b' | b'B' => self.radix(|c| c == b'0' || c == b'1', "binary", true),
            _ => {
                // Maybe an old-style octal; `0` alone is fine.
                let mut nonzero = false;
                loop {
                    if c == b'_' {
                        c = self.nextc();
                        if !c.is_ascii_digit() {
                            self.backup();
                            return self.error("invalid decimal literal".into());
                        }
                    }
                    if c != b'0' {
                        break;
                    }
                    c = self.nextc();
                }
                let zeros_end = self.cur;
                if c.is_ascii_digit() {
                    nonzero = true;
                    c = self.decimal_tail()?;
                }
                match c {
                    b'.' => {
                        let c = self.nextc();
                        self.fraction(c)
                    }
                    b'e' | b'E' => self.exponent(c),
                    b'j' | b'J' => self.imaginary(),
                    _ if nonzero => {
                        self.backup();
                        let mut e = self.index.tokenizer_error_at(
                            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                            zeros_end,
                        );
                        e.offset = self.index.tokenizer_error_at("", self.start).offset + 1;
                        self.err = Some(e);
                        None
                    }
                    _ => self.end(c, "decimal"),
                }
            }
        }
    }

    /// Hex, octal or binary digits after the prefix.
    fn radix(&mut self, digit: fn(u8) -> bool, kind: &str, check_decimal: bool) -> Option<()> {
        let mut c = self.nextc();
        loop {
            if c == b'_' {
                c = self.nextc();
            }
            if !digit(c) {
                if check_decimal && c.is_ascii_digit() {
                    return self.error(format!("invalid digit '{}' in {kind} literal", c as char));
                }
                self.backup();
                return self.error(format!("invalid {kind} literal"));
            }
            loop {
                c = self.nextc();
                if !digit(c) {
                    break;
                }
            }
            if c != b'_' {
                break;
            }
        }
        if check_decimal && c.is_ascii_digit() {
            return self.error(format!("invalid digit '{}' in {kind} literal", c as char));
        }
        self.end(c, kind)
    }

    /// Digits and single underscores; returns the first character after them.
    fn decimal_tail(&mut self) -> Option<u8> {
        loop {
            let mut c;
            loop {
                c = self.nextc();
                if !c.is_ascii_digit() {
                    break;
                }
            }
            if c != b'_' {
                return Some(c);
            }
            c = self.nextc();
            if !c.is_ascii_digit() {
                self.backup();
                self.error("invalid decimal literal".into());
                return None;
            }
        }
    }

    fn after_integer(&mut self, c: u8) -> Option<()> {
        match c {
            b'.' => {
                let c = self.nextc();
                self.fraction(c)
            }
            _ => self.exponent_or_end(c),
        }
    }

    fn fraction(&mut self, mut c: u8) -> Option<()> {
        if c.is_ascii_digit() {
            c = self.decimal_tail()?;
        }
        self.exponent_or_end(c)
    }

    fn exponent_or_end(&mut self, c: u8) -> Option<()> {
        match c {
            b'e' | b'E' => self.exponent(c),
            b'j' | b'J' => self.imaginary(),
            _ => self.end(c, "decimal"),
        }
    }

    fn exponent(&mut self, e: u8) -> Option<()> {
        let mut c = self.nextc();
        if c == b'+' || c == b'-' {
            c = self.nextc();
            if !c.is_ascii_digit() {
                self.backup();
                return self.error("invalid decimal literal".into());
            }
        } else if !c.is_ascii_digit() {
            // `1else`: the number ends before the `e`.
            self.backup();
            self.end_after(e, "decimal")?;
            self.backup();
            return Some(());
        }
        c = self.decimal_tail()?;
        if c == b'j' || c == b'J' {
            return self.imaginary();
        }
        self.end(c, "decimal")
    }

    fn imaginary(&mut self) -> Option<()> {
        let c = self.nextc();
        self.end(c, "imaginary")
    }

    /// CPython's `verify_end_of_number` followed by the final backup: `c` is the
    /// character after the number (already read).
    fn end(&mut self, c: u8, kind: &str) -> Option<()> {
        self.end_after(c, kind)?;
        self.backup();
        Some(())
    }

    /// CPython's `verify_end_of_number(tok, c, kind)`; `cur` is just after `c`.
    fn end_after(&mut self, c: u8, kind: &str) -> Option<()> {
        let rest = self.b.get(self.cur..).unwrap_or(&[]);
        // CPython's `lookahead`: the keyword's rest, then no identifier character.
        let word = |w: &[u8]| rest.starts_with(w) && rest.get(w.len()).is_none_or(|&c| !is_ident_char(c));
        let keyword = match c {
            b'a' => word(b"nd"),
            b'e' => word(b"lse"),
            b'f' => word(b"or"),
            b'i' => matches!(rest.first(), Some(b'f' | b'n' | b's')),
            b'o' => word(b"r"),
            b'n' => word(b"ot"),
            _ => false,
        };
        if keyword {
            let e = self.index.tokenizer_error_at(format!("invalid {kind} literal"), self.cur - 1);
            self.index.warn(crate::WarningCategory::SyntaxWarning, e);
        } else if c != 0 && c < 0x80 && is_ident_char(c) {
            // A non-ASCII character starts the next token (CPython 3.11.7).
            self.backup();
            return self.error(format!("invalid {kind} literal"));
        }
        Some(())
    }
}

/// A string-literal error found while decoding: a message CPython raises at the
/// token after the string run (`RAISE_SYNTAX_ERROR`), or a complete error (from
/// compiling an f-string's expression).
enum StrErr {
    Msg(String),
    Full(CompileError),
}

/// The string token `b[start..end]` (prefix at `start`, body `b[body..body_end]`),
/// decoded as CPython 3.11's parser does (`_PyPegen_concatenate_strings`):
/// escape-sequence DeprecationWarnings go to `index`; a decoding error (`'\x4'`,
/// `b'é'`, unknown `\N{...}` names, mixing bytes and str, f-string errors) is
/// returned as the SyntaxError CPython raises. `prev_bytes` is the bytes-mode of
/// the string just before in the same run of adjacent literals.
#[allow(clippy::too_many_arguments)]
fn check_string(
    index: &LineIndex<'_>,
    b: &[u8],
    start: usize,
    (body, body_end): (usize, usize),
    end: usize,
    in_brackets: bool,
    prev_bytes: Option<bool>,
    subparse: bool,
) -> Option<CompileError> {
    let prefix = b.get(start..body).unwrap_or(&[]).to_ascii_lowercase();
    let raw = prefix.contains(&b'r');
    let bytes = prefix.contains(&b'b');
    let token = TextRange::new(TextSize::new(start as u32), TextSize::new(end as u32));
    let text = b.get(body..body_end).unwrap_or(&[]);
    let r = if bytes && !text.is_ascii() {
        return Some(index.parse_error(ErrorKind::SyntaxError, "bytes can only contain ASCII literal characters", token));
    } else if prefix.contains(&b'f') {
        match prev_bytes {
            Some(true) => Err(StrErr::Msg("cannot mix bytes and nonbytes literals".into())),
            _ => {
                let mut f = FString { index, b, token, raw, pos: body, end: body_end, subparse };
                f.parse(0)
            }
        }
    } else {
        let r = if raw { Ok(()) } else { decode_part(index, text, bytes, token) };
        match (r, prev_bytes) {
            (Err(e), _) => Err(e),
            (Ok(()), Some(p)) if p != bytes => Err(StrErr::Msg("cannot mix bytes and nonbytes literals".into())),
            (Ok(()), _) => Ok(()),
        }
    };
    match r {
        Ok(()) => None,
        Err(StrErr::Full(e)) => Some(e),
        Err(StrErr::Msg(msg)) => {
            let after = after_string_run(b, end, in_brackets);
            let mut e = index.parse_error(ErrorKind::SyntaxError, msg, TextRange::empty(TextSize::new(after as u32)));
            if after < b.len() && !matches!(b[after], b'\n' | b'\r') {
                let tok_end = next_token_end(b, after);
                e.end_offset = index.char_col(TextSize::new(tok_end as u32)) as i32;
            }
            Some(e)
        }
    }
}

/// Decodes one literal part's escapes: warns for the first invalid one.
fn decode_part(index: &LineIndex<'_>, text: &[u8], bytes: bool, token: TextRange) -> Result<(), StrErr> {
    if !text.contains(&b'\\') {
        return Ok(());
    }
    match decode_escapes(text, bytes) {
        Ok(None) => Ok(()),
        Ok(Some(msg)) => {
            index.warn(crate::WarningCategory::DeprecationWarning, index.parse_error(ErrorKind::SyntaxError, msg, token));
            Ok(())
        }
        Err(msg) => Err(StrErr::Msg(msg)),
    }
}

/// Where the token after a run of adjacent string literals ending at `i` begins
/// (the token CPython's parser had read when it decoded the strings).
fn after_string_run(b: &[u8], mut i: usize, in_brackets: bool) -> usize {
    loop {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c') {
            i += 1;
        }
        if b.get(i) == Some(&b'\\') && matches!(b.get(i + 1), Some(b'\n' | b'\r')) {
            i += 2;
            continue;
        }
        if in_brackets && i < b.len() && matches!(b[i], b'\n' | b'\r' | b'#') {
            while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                i += 1;
            }
            while i < b.len() && matches!(b[i], b'\n' | b'\r') {
                i += 1;
            }
            continue;
        }
        let mut q = i;
        while q < b.len() && b[q].is_ascii_alphabetic() && q - i < 2 {
            q += 1;
        }
        if q < b.len() && (b[q] == b'\'' || b[q] == b'"') && string_start(b, q) == i {
            let (e, ok, _) = skip_string(b, q, b[q]);
            if !ok {
                return i;
            }
            i = e;
            continue;
        }
        return i;
    }
}

/// CPython 3.11's f-string parser (Parser/string_parser.c: `fstring_find_literal`,
/// `fstring_find_expr`), for its errors.
struct FString<'a, 'b> {
    index: &'a LineIndex<'b>,
    b: &'a [u8],
    token: TextRange,
    raw: bool,
    pos: usize,
    end: usize,
    subparse: bool,
}

impl FString<'_, '_> {
    fn msg<T>(&self, m: impl Into<String>) -> Result<T, StrErr> {
        Err(StrErr::Msg(m.into()))
    }

    /// `fstring_parse`: literals and replacement fields up to the end (level 0) or
    /// the `}` closing a format spec.
    fn parse(&mut self, level: u32) -> Result<(), StrErr> {
        loop {
            if self.literal(level)? {
                continue;
            }
            if self.pos >= self.end || self.b[self.pos] == b'}' {
                break;
            }
            self.expr(level)?;
        }
        if level != 0 && (self.pos >= self.end || self.b[self.pos] != b'}') {
            return self.msg("f-string: expecting '}'");
        }
        Ok(())
    }

    /// `fstring_find_literal`: true if it stopped at a doubled brace.
    fn literal(&mut self, level: u32) -> Result<bool, StrErr> {
        let b = self.b;
        let lit_start = self.pos;
        let mut s = self.pos;
        let mut doubled = false;
        while s < self.end {
            let mut ch = b[s];
            s += 1;
            if !self.raw && ch == b'\\' && s < self.end {
                ch = b[s];
                s += 1;
                if ch == b'N' {
                    if s < self.end && b[s] == b'{' {
                        s += 1;
                        while s < self.end {
                            s += 1;
                            if b[s - 1] == b'}' {
                                break;
                            }
                        }
                    } else if s < self.end {
                        s += 1;
                    }
                    continue;
                }
                if ch == b'{' {
                    let e = self.index.parse_error(ErrorKind::SyntaxError, "invalid escape sequence '\\{'", self.token);
                    self.index.warn(crate::WarningCategory::DeprecationWarning, e);
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if s < self.end && b[s] == ch {
                        // The literal keeps one brace; scanning resumes after both.
                        doubled = true;
                        break;
                    }
                    if ch == b'}' {
                        return self.msg("f-string: single '}' is not allowed");
                    }
                }
                s -= 1;
                break;
            }
        }
        self.pos = if doubled { s + 1 } else { s };
        if !self.raw {
            decode_part(self.index, &b[lit_start..s.min(self.end)], false, self.token)?;
        }
        Ok(doubled)
    }

    /// `fstring_find_expr`, at a `{`.
    fn expr(&mut self, level: u32) -> Result<(), StrErr> {
        let b = self.b;
        if level >= 2 {
            return self.msg("f-string: expressions nested too deeply");
        }
        self.pos += 1;
        let expr_start = self.pos;
        let mut quote: u8 = 0;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while self.pos < self.end {
            let ch = b[self.pos];
            if ch == b'\\' {
                return self.msg("f-string expression part cannot include a backslash");
            }
            if quote != 0 {
                if ch == quote {
                    if triple {
                        if self.pos + 2 < self.end && b[self.pos + 1] == ch && b[self.pos + 2] == ch {
                            self.pos += 3;
                            quote = 0;
                            continue;
                        }
                    } else {
                        quote = 0;
                    }
                }
                self.pos += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    triple = self.pos + 2 < self.end && b[self.pos + 1] == ch && b[self.pos + 2] == ch;
                    if triple {
                        self.pos += 2;
                    }
                    quote = ch;
                }
                b'[' | b'{' | b'(' => {
                    if stack.len() >= MAX_PAREN_LEVEL {
                        return self.msg("f-string: too many nested parenthesis");
                    }
                    stack.push(ch);
                }
                b'#' => return self.msg("f-string expression part cannot include '#'"),
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if stack.is_empty() => {
                    let next = b.get(self.pos + 1).copied().filter(|_| self.pos + 1 < self.end);
                    if next == Some(b'=') && ch != b':' && ch != b'}' {
                        self.pos += 2;
                        continue;
                    }
                    if ch != b'>' && ch != b'<' {
                        break;
                    }
                }
                b']' | b'}' | b')' => {
                    let Some(open) = stack.pop() else {
                        return self.msg(format!("f-string: unmatched '{}'", ch as char));
                    };
                    if !matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                        return self.msg(format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, open as char
                        ));
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        let expr_end = self.pos.min(self.end);
        if quote != 0 {
            return self.msg("f-string: unterminated string");
        }
        if let Some(open) = stack.last() {
            return self.msg(format!("f-string: unmatched '{}'", *open as char));
        }
        if self.pos >= self.end {
            return self.msg("f-string: expecting '}'");
        }
        self.compile_expr(expr_start, expr_end)?;
        if b[self.pos] == b'=' {
            self.pos += 1;
            while self.pos < self.end && b[self.pos].is_ascii_whitespace() {
                self.pos += 1;
            }
            if self.pos >= self.end {
                return self.msg("f-string: expecting '}'");
            }
        }
        if b[self.pos] == b'!' {
            self.pos += 1;
            if self.pos >= self.end {
                return self.msg("f-string: expecting '}'");
            }
            let conv = b[self.pos];
            self.pos += 1;
            if !matches!(conv, b's' | b'r' | b'a') {
                return self.msg("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
        }
        if self.pos < self.end && b[self.pos] == b':' {
            self.pos += 1;
            if self.pos >= self.end {
                return self.msg("f-string: expecting '}'");
            }
            self.parse(level + 1)?;
        }
        if self.pos >= self.end || b[self.pos] != b'}' {
            return self.msg("f-string: expecting '}'");
        }
        self.pos += 1;
        Ok(())
    }

    /// `fstring_compile_expr`: the expression is parsed on its own as `(expr)`;
    /// its errors are prefixed with "f-string: " and located in that text.
    fn compile_expr(&self, from: usize, to: usize) -> Result<(), StrErr> {
        let text = &self.b[from..to];
        if text.iter().all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r')) {
            return match self.b.get(to) {
                Some(&c @ (b'!' | b':' | b'=')) => self.msg(format!("f-string: expression required before '{}'", c as char)),
                _ => self.msg("f-string: empty expression not allowed"),
            };
        }
        if !self.subparse {
            return Ok(());
        }
        let Ok(inner) = std::str::from_utf8(text) else { return Ok(()) };
        let src = format!("({inner})");
        let sub = LineIndex::new(&src, self.index.filename, true);
        let Err(mut e) = crate::parse::parse(&src, crate::Mode::Eval, &sub) else { return Ok(()) };
        let token_line = self.index.line_number(self.token.start());
        let lines = self.b[self.token.start().to_usize()..from].iter().filter(|&&c| c == b'\n').count() as u32;
        e.lineno += token_line + lines - 1;
        e.end_lineno += token_line + lines - 1;
        if !e.msg.starts_with("f-string") {
            e.msg = format!("f-string: {}", e.msg);
        }
        Err(StrErr::Full(e))
    }
}

/// Decodes the escapes of one literal part: Ok(Some(warning message)) for the
/// first invalid escape, Err(SyntaxError message) if decoding fails.
fn decode_escapes(s: &[u8], bytes: bool) -> Result<Option<String>, String> {
    // CPython decodes str literals after turning each non-ASCII character into a
    // 10-byte `\UXXXXXXXX` escape: error positions count in that buffer.
    let pos = |i: usize| -> usize {
        if bytes {
            i
        } else {
            let prefix = &s[..i];
            prefix.len() + std::str::from_utf8(prefix).map_or(0, |p| p.chars().filter(|c| !c.is_ascii()).map(|c| 10 - c.len_utf8()).sum())
        }
    };
    let unicode_error = |start: usize, end: usize, what: &str| -> String {
        let (a, z) = (pos(start), pos(end));
        if z - a == 1 {
            format!("(unicode error) 'unicodeescape' codec can't decode byte 0x{:02x} in position {a}: {what}", s[start])
        } else {
            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {a}-{}: {what}", z - 1)
        }
    };
    let mut first_invalid: Option<String> = None;
    let mut i = 0;
    while i < s.len() {
        if s[i] != b'\\' {
            i += 1;
            continue;
        }
        let esc = i;
        i += 1;
        let Some(&c) = s.get(i) else { break };
        i += 1;
        match c {
            b'\n' | b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' => {}
            // A backslash before a non-ASCII character is kept as a backslash.
            0x80.. => {}
            b'\r' => {
                if s.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'0'..=b'7' => {
                let mut value = u32::from(c - b'0');
                let mut n = 1;
                while n < 3 && s.get(i).is_some_and(|d| (b'0'..=b'7').contains(d)) {
                    value = value * 8 + u32::from(s[i] - b'0');
                    i += 1;
                    n += 1;
                }
                if value > 0o377 && first_invalid.is_none() {
                    let digits = String::from_utf8_lossy(&s[esc + 1..i]).into_owned();
                    first_invalid = Some(format!("invalid octal escape sequence '\\{digits}'"));
                }
            }
            b'x' | b'u' | b'U' if !(bytes && c != b'x') => {
                let (count, what) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value: u32 = 0;
                for _ in 0..count {
                    match s.get(i).and_then(|d| (*d as char).to_digit(16)) {
                        Some(d) => {
                            value = value.wrapping_mul(16).wrapping_add(d);
                            i += 1;
                        }
                        None if bytes => return Err(format!("(value error) invalid \\x escape at position {esc}")),
                        None => return Err(unicode_error(esc, i, what)),
                    }
                }
                if !bytes && value > 0x10ffff {
                    return Err(unicode_error(esc, i, "illegal Unicode character"));
                }
            }
            b'N' if !bytes => {
                if s.get(i) != Some(&b'{') {
                    return Err(unicode_error(esc, i, "malformed \\N character escape"));
                }
                let name_start = i + 1;
                let Some(close) = s[name_start..].iter().position(|&d| d == b'}') else {
                    return Err(unicode_error(esc, s.len(), "malformed \\N character escape"));
                };
                let name = std::str::from_utf8(&s[name_start..name_start + close]).unwrap_or("");
                i = name_start + close + 1;
                if name.is_empty() {
                    return Err(unicode_error(esc, name_start + close, "malformed \\N character escape"));
                }
                if unicode_names2::character(name).is_none() {
                    return Err(unicode_error(esc, i, "unknown Unicode character name"));
                }
            }
            _ => {
                if first_invalid.is_none() {
                    let ch = std::str::from_utf8(&s[esc + 1..]).ok().and_then(|t| t.chars().next()).unwrap_or(c as char);
                    first_invalid = Some(format!("invalid escape sequence '\\{ch}'"));
                }
            }
        }
    }
    Ok(first_invalid)
}

/// Start of a string literal including its prefix letters (`rb'...'`).
fn string_start(b: &[u8], quote: usize) -> usize {
    let mut s = quote;
    while s > 0 && b[s - 1].is_ascii_alphabetic() && quote - (s - 1) <= 2 {
        s -= 1;
    }
    let prefix = std::str::from_utf8(&b[s..quote]).unwrap_or("").to_ascii_lowercase();
    let valid = matches!(prefix.as_str(), "" | "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf");
    let standalone = s == 0 || !(b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_' || b[s - 1] >= 0x80);
    if valid && standalone {
        s
    } else {
        quote
    }
}

/// Skips the string whose opening quote is at `i`: (end, terminated, triple).
fn skip_string(b: &[u8], i: usize, q: u8) -> (usize, bool, bool) {
    let triple = b.len() >= i + 3 && b[i + 1] == q && b[i + 2] == q;
    let mut j = if triple { i + 3 } else { i + 1 };
    while j < b.len() {
        let c = b[j];
        if c == b'\\' {
            j += 2;
            continue;
        }
        if c == q {
            if !triple {
                return (j + 1, true, false);
            }
            if b.len() >= j + 3 && b[j + 1] == q && b[j + 2] == q {
                return (j + 3, true, true);
            }
        } else if !triple && (c == b'\n' || c == b'\r') {
            return (j, false, false);
        }
        j += 1;
    }
    (j.min(b.len()), false, triple)
}

/// CPython's `_PyPegen_get_expr_name`.
fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}

/// The expression at `range` of the source, parsed on its own.
fn expr_at(source: &str, range: TextRange) -> Option<Expr> {
    let text = source.get(range.start().to_usize()..range.end().to_usize())?;
    let parsed = ruff_python_parser::parse_expression(text.trim())
        .or_else(|_| ruff_python_parser::parse_expression(&format!("({})", text.trim())))
        .ok()?;
    Some(parsed.into_expr())
}

fn next_non_space(source: &str, from: usize) -> &str {
    source.get(from..).unwrap_or("").trim_start_matches([' ', '\t'])
}

/// Start of the token/atom that ends just before `pos` (for "forgot a comma" ranges).
fn prev_atom_start(b: &[u8], pos: usize) -> usize {
    let mut i = pos;
    while i > 0 && matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r') {
        i -= 1;
    }
    loop {
        if i == 0 {
            return 0;
        }
        let c = b[i - 1];
        if matches!(c, b')' | b']' | b'}') {
            let mut depth = 0i32;
            while i > 0 {
                i -= 1;
                match b[i] {
                    b')' | b']' | b'}' => depth += 1,
                    b'(' | b'[' | b'{' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
            continue;
        }
        if c == b'\'' || c == b'"' {
            i -= 1;
            while i > 0 && b[i - 1] != c {
                i -= 1;
            }
            i = i.saturating_sub(1);
            continue;
        }
        if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c >= 0x80 {
            while i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] == b'.' || b[i - 1] >= 0x80) {
                i -= 1;
            }
            continue;
        }
        return i;
    }
}

fn clause_name(ruff_msg: &str) -> Option<(&'static str, &'static [&'static str])> {
    let table: &[(&str, &str, &[&str])] = &[
        ("`if` statement", "'if' statement", &["if"]),
        ("`else` clause", "'else' statement", &["else"]),
        ("`elif` clause", "'elif' statement", &["elif"]),
        ("`for` statement", "'for' statement", &["for", "async"]),
        ("`with` statement", "'with' statement", &["with", "async"]),
        ("`class` definition", "class definition", &["class"]),
        ("`while` statement", "'while' statement", &["while"]),
        ("function definition", "function definition", &["def", "async"]),
        ("`case` block", "'case' statement", &["case"]),
        ("`try` statement", "'try' statement", &["try"]),
        ("`except` clause", "'except' statement", &["except"]),
        ("`finally` clause", "'finally' statement", &["finally"]),
        ("`match` statement", "'match' statement", &["match"]),
    ];
    table.iter().find(|(r, _, _)| ruff_msg.ends_with(r)).map(|(_, c, k)| (*c, *k))
}

/// The line (1-based) of the nearest line before `line` starting with a keyword.
fn header_line(index: &LineIndex<'_>, line: u32, keywords: &[&str]) -> u32 {
    let mut l = line.saturating_sub(1);
    while l >= 1 {
        let text = index.line_text(l - 1);
        let t = text.trim_start();
        if keywords.iter().any(|k| t.starts_with(k) && !t[k.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')) {
            return l;
        }
        l -= 1;
    }
    line.saturating_sub(1).max(1)
}

pub fn map_parse_error(err: &ParseError, source: &str, index: &LineIndex<'_>, s: Scan) -> CompileError {
    let loc = err.location;
    if let Some(e) = s.error {
        // Indentation errors are reported only once the parser reaches their line
        // (CPython's tokenizer returns them without raising); the others win always.
        let soft = matches!(e.kind, ErrorKind::IndentationError | ErrorKind::TabError);
        if !soft || e.lineno <= parser_stop_line(source, loc.start().to_usize(), index) {
            return e;
        }
    }
    if let Some((start, e)) = s.escape_error {
        if start <= loc.start().to_usize() {
            return e;
        }
    }
    let err_line = index.line_number(loc.start());
    if let Some((ch, pos)) = s.unclosed {
        let open_line = index.line_number(TextSize::new(pos as u32));
        // A continuation at the very end is EOF too (the tokenizer adds a newline).
        let eof = match &err.error {
            ParseErrorType::Lexical(LexicalErrorType::Eof) => true,
            ParseErrorType::Lexical(LexicalErrorType::LineContinuationError) => source.ends_with('\\'),
            _ => false,
        };
        if err_line > open_line || eof {
            let mut e = index.parse_error(ErrorKind::SyntaxError, format!("'{}' was never closed", ch as char), at(pos));
            e.end_offset = 0;
            return e;
        }
    }
    map_error_kind(err, source, index)
}

fn map_error_kind(err: &ParseError, source: &str, index: &LineIndex<'_>) -> CompileError {
    let b = source.as_bytes();
    let loc = err.location;
    let start = loc.start().to_usize();
    // An error at a newline or the end is zero-width, as CPython reports it.
    let at_newline = b.get(start).is_none_or(|c| matches!(c, b'\n' | b'\r'));
    let range = if at_newline { TextRange::empty(loc.start()) } else { loc };
    let syntax = |msg: &str, r: TextRange| index.parse_error(ErrorKind::SyntaxError, msg, r);
    match &err.error {
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found: TokenKind::Newline } => syntax("expected ':'", range),
        ParseErrorType::ExpectedToken { expected: TokenKind::Lpar, .. } if word_before(b, prev_atom_start(b, start), b"def") => {
            syntax("expected '('", range)
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Rpar, found: TokenKind::Lpar } if in_def_params(b, start) => {
            syntax("Function parameters cannot be parenthesized", group_range(b, start))
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found: TokenKind::Lpar } if in_lambda_params(source, start) => {
            syntax("Lambda expression parameters cannot be parenthesized", group_range(b, start))
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Comma, found: TokenKind::Star } if prev_char(b, start) == Some(b'/') => {
            syntax("expected comma between / and *", loc)
        }
        ParseErrorType::ExpectedExpression if prev_char(b, start) == Some(b'=') && (in_def_params(b, start) || in_lambda_params(source, start)) => {
            // `def f(a=, b)`: at the `=`.
            let eq = prev_end(b, start) - 1;
            syntax("expected default value expression", TextRange::new(TextSize::new(eq as u32), TextSize::new(eq as u32 + 1)))
        }
        ParseErrorType::ExpectedExpression if prev_char(b, start) == Some(b'*') && b.get(prev_end(b, start).saturating_sub(2)) != Some(&b'*') && find_backwards(source, start, "**").is_some() => {
            // `f(**x, *)`.
            let star = prev_end(b, start) - 1;
            syntax("iterable argument unpacking follows keyword argument unpacking", TextRange::new(TextSize::new(star as u32), TextSize::new(star as u32 + 1)))
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Else, found: TokenKind::Colon } => {
            // `x if y:` is not a conditional expression missing its `else`.
            syntax("invalid syntax", range)
        }
        ParseErrorType::ExpectedToken { found, .. } if found.is_keyword() && in_def_params(b, start) => syntax("invalid syntax", loc),
        ParseErrorType::ExpectedKeywordParam if next_token_text(source, start).is_some_and(is_keyword_word) => {
            // `def f(*None)`: at the keyword.
            syntax("invalid syntax", next_token(b, start + 1))
        }
        ParseErrorType::InvalidMatchPatternTarget if prev_char(b, start) == Some(b'*') => syntax("invalid syntax", loc),
        ParseErrorType::OtherError(m) if m == "Expected an identifier" && word_before(b, start, b"as") && line_starts_with(source, start, "case") => {
            // `case 42 as 1+2`: up to the `:` (or the end of the line).
            let rest = &source[start..];
            let stop = start + rest.find([':', '\n', '\r']).unwrap_or(rest.len());
            syntax("invalid pattern target", TextRange::new(loc.start(), TextSize::new(prev_end(b, stop) as u32)))
        }
        ParseErrorType::OtherError(m) if m == "Cannot have both 'except' and 'except*' on the same 'try'" => {
            let kw_end = start + "except".len();
            let end = if next_non_space(source, kw_end).starts_with('*') { next_token(b, kw_end).end().to_usize() } else { kw_end };
            syntax("cannot have both 'except' and 'except*' on the same 'try'", TextRange::new(loc.start(), TextSize::new(end as u32)))
        }
        ParseErrorType::OtherError(m) if m.starts_with("Multiple exception types must be parenthesized") => {
            let rest = &source[start..];
            let colon = start + rest.find([':', '\n', '\r']).unwrap_or(rest.len());
            syntax("multiple exception types must be parenthesized", TextRange::new(loc.start(), TextSize::new(colon as u32)))
        }
        ParseErrorType::OtherError(m) if m == "Expected one or more exception types" => syntax("expected one or more exception types", loc),
        ParseErrorType::OtherError(m) if m == "Trailing comma not allowed" => {
            let mut e = syntax("trailing comma not allowed without surrounding parentheses", TextRange::empty(next_token(b, loc.end().to_usize()).start()));
            e.end_offset = e.offset as i32;
            e
        }
        ParseErrorType::OtherError(m) if m.starts_with("Only single target (not ") => {
            let msg = format!("o{}", &m[1..]);
            syntax(&msg, loc)
        }
        ParseErrorType::InvalidStarredExpressionUsage if inside_brace(b, start) && colon_before_comma(b, start) => {
            syntax("cannot use a starred expression in a dictionary value", loc)
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found: TokenKind::Equal } if dict_has_pair_before(b, start) => {
            let mut e = syntax("':' expected after dictionary key", at(prev_atom_start(b, start)));
            e.end_offset = 0;
            e
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon | TokenKind::Rpar | TokenKind::Comma, found: TokenKind::Equal } => {
            assign_instead_of_eq(source, start, index)
        }
        ParseErrorType::OtherError(m) if m.starts_with("Expected an expression or a ") && is_bare_eq(b, start) => {
            assign_instead_of_eq(source, start, index)
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found: TokenKind::Rbrace | TokenKind::Comma } => {
            let s0 = prev_atom_start(b, start);
            let mut e = syntax("':' expected after dictionary key", at(s0));
            e.end_offset = 0;
            e
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Else, .. } => {
            let s0 = find_backwards(source, start, " if ").map_or(start, |p| prev_atom_start(b, p));
            let end = prev_end(b, start);
            syntax("expected 'else' after 'if' expression", TextRange::new(TextSize::new(s0 as u32), TextSize::new(end as u32)))
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Comma | TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace, found }
            if starts_expression(*found) && open_bracket(b, start).is_some() =>
        {
            let s0 = prev_atom_start(b, start);
            let word = source.get(s0..start).unwrap_or("").trim();
            if word == "print" || word == "exec" {
                return legacy_print(word, s0, index);
            }
            syntax("invalid syntax. Perhaps you forgot a comma?", TextRange::new(TextSize::new(s0 as u32), loc.end()))
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            let s0 = prev_atom_start(b, start);
            let word = source.get(s0..start).unwrap_or("").trim();
            let line_start = index.line_col(loc.start());
            if (word == "print" || word == "exec") && index.line_col(TextSize::new(s0 as u32)).0 == line_start.0 {
                return legacy_print(word, s0, index);
            }
            syntax("invalid syntax", range)
        }
        ParseErrorType::InvalidAssignmentTarget => invalid_target(source, loc, index),
        ParseErrorType::InvalidDeleteTarget => {
            let name = if source[start..].starts_with('*') { "starred" } else { expr_at(source, loc).map_or("expression", |e| expr_name(&e)) };
            syntax(&format!("cannot delete {name}"), loc)
        }
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            let name = expr_at(source, loc).map_or("expression", |e| expr_name(&e));
            syntax(&format!("'{name}' is an illegal expression for augmented assignment"), loc)
        }
        ParseErrorType::UnparenthesizedGeneratorExpression if in_class_bases(source, start) => {
            // Class bases have no rule for generators: the generic error at `for`.
            let f = find_keyword(b, start, loc.end().to_usize(), b"for").unwrap_or(start);
            syntax("invalid syntax", TextRange::new(TextSize::new(f as u32), TextSize::new(f as u32 + 3)))
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => syntax("Generator expression must be parenthesized", loc),
        ParseErrorType::ExpectedToken { expected: TokenKind::Rsqb | TokenKind::Rbrace, found: TokenKind::For } if display_start(b, start).is_some() => {
            // `[a, b for a, b in x]`: CPython's invalid_comprehension.
            let first = display_start(b, start).unwrap_or(start);
            let end = prev_end(b, start);
            syntax("did you forget parentheses around the comprehension target?", TextRange::new(TextSize::new(first as u32), TextSize::new(end as u32)))
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found: TokenKind::For } if dict_has_pair_before(b, start) && !colon_before_comma(b, start) => {
            let mut e = syntax("':' expected after dictionary key", at(prev_atom_start(b, start)));
            e.end_offset = 0;
            e
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Rpar | TokenKind::Comma, found: TokenKind::For } if keyword_arg_before(b, start).is_some() => {
            let (n, eq) = keyword_arg_before(b, start).unwrap_or((start, start));
            syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", TextRange::new(TextSize::new(n as u32), TextSize::new(eq as u32 + 1)))
        }
        ParseErrorType::InvalidStarredExpressionUsage if source[start..].starts_with('*') && !source[start..].starts_with("**") && next_non_space(source, loc.end().to_usize()).starts_with(':') => {
            // `{*a: 1}`: the parser fails at the `:`.
            syntax("invalid syntax", next_token(b, loc.end().to_usize()))
        }
        ParseErrorType::InvalidStarredExpressionUsage if prev_end(b, start).checked_sub(1).and_then(|i| b.get(i)) == Some(&b'(')
            && next_non_space(source, loc.end().to_usize()).starts_with(')') =>
        {
            // `(*x)`: CPython's invalid_group rule.
            syntax("cannot use starred expression here", loc)
        }
        ParseErrorType::InvalidStarredExpressionUsage if source[start..].starts_with('*') => {
            // The parser fails at the `*` (or `**`) token itself.
            let width = if source[start..].starts_with("**") { 2 } else { 1 };
            syntax("invalid syntax", TextRange::at(loc.start(), TextSize::new(width)))
        }
        ParseErrorType::InvalidNamedAssignmentTarget => {
            let name = expr_at(source, loc).map_or("expression", |e| expr_name(&e));
            syntax(&format!("cannot use assignment expressions with {name}"), loc)
        }
        ParseErrorType::VarParameterWithDefault => {
            let kind = if source[..start].trim_end().rsplit(['(', ',']).next().is_some_and(|p| p.trim_start().starts_with("**")) { "var-keyword" } else { "var-positional" };
            syntax(&format!("{kind} argument cannot have default value"), loc)
        }
        ParseErrorType::OtherError(m) if m == "Only one '/' separator allowed" => syntax("/ may appear only once", loc),
        ParseErrorType::OtherError(m) if m == "Position-only parameter separator not allowed as first parameter" => {
            syntax("at least one argument must precede /", loc)
        }
        ParseErrorType::OtherError(m) if m == "Only one '*' parameter allowed" => {
            syntax("* argument may appear only once", TextRange::new(loc.start(), loc.start() + TextSize::new(1)))
        }
        ParseErrorType::OtherError(m) if m == "'/' parameter must appear before '*' parameter" => syntax("/ must be ahead of *", loc),
        ParseErrorType::OtherError(m) if m == "Pattern cannot follow a double star pattern" => syntax("invalid syntax", next_token(b, start)),
        ParseErrorType::OtherError(m) if m == "Positional patterns cannot follow keyword patterns" => {
            syntax("positional patterns follow keyword patterns", loc)
        }
        ParseErrorType::OtherError(m) if m == "Expected a pattern" && source[start..].starts_with('-') => {
            syntax("invalid syntax", next_token(b, start + 1))
        }
        ParseErrorType::InvalidStarPatternUsage => {
            let line_start = source[..start].rfind('\n').map_or(0, |p| p + 1);
            if source[line_start..start].trim() == "case" {
                syntax("invalid syntax", next_token(b, loc.end().to_usize()))
            } else {
                syntax("invalid syntax", TextRange::new(loc.start(), loc.start() + TextSize::new(1)))
            }
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Comma, found }
            if found.as_augmented_assign_operator().is_some() && line_starts_with(source, start, "del") =>
        {
            syntax("invalid syntax", loc)
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Comma, found }
            if found.as_augmented_assign_operator().is_some() =>
        {
            // `a, b += 1`: the target is the tuple from the statement's start.
            let line_start = source[..start].rfind(['\n', '\r', ';']).map_or(0, |p| p + 1);
            let s0 = line_start + (source[line_start..start].len() - source[line_start..start].trim_start().len());
            let end = prev_end(b, start);
            syntax("'tuple' is an illegal expression for augmented assignment", TextRange::new(TextSize::new(s0 as u32), TextSize::new(end as u32)))
        }
        ParseErrorType::ExpectedExpression if source[..start].trim_end().ends_with(':') && matches!(b.get(start), Some(b'}' | b',')) && inside_brace(b, start) => {
            let colon = source[..start].trim_end().len() - 1;
            syntax("expression expected after dictionary key and ':'", TextRange::new(TextSize::new(colon as u32), TextSize::new(colon as u32 + 1)))
        }
        ParseErrorType::OtherError(m) if m == "Star import must be the only import" => {
            let star = source[start..loc.end().to_usize()].find('*').map_or(start, |p| start + p);
            let r = if star == start { next_token(b, star + 1) } else { TextRange::new(TextSize::new(star as u32), TextSize::new(star as u32 + 1)) };
            syntax("invalid syntax", r)
        }
        ParseErrorType::InvalidMatchPatternTarget => syntax("cannot use '_' as a target", loc),
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            syntax("iterable argument unpacking follows keyword argument unpacking", TextRange::new(loc.start(), loc.start() + TextSize::new(1)))
        }
        // CPython reports these at the token after the argument.
        ParseErrorType::PositionalAfterKeywordArgument => {
            syntax("positional argument follows keyword argument", next_token(b, loc.end().to_usize()))
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            syntax("positional argument follows keyword argument unpacking", next_token(b, loc.end().to_usize()))
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => syntax("non-default argument follows default argument", loc),
        ParseErrorType::ParamAfterVarKeywordParam => syntax("arguments cannot follow var-keyword argument", loc),
        ParseErrorType::ExpectedKeywordParam => {
            // At the bare `*`.
            let star = (0..=start.min(b.len().saturating_sub(1))).rev().find(|&i| b[i] == b'*' && b.get(i + 1) != Some(&b'*') && (i == 0 || b[i - 1] != b'*'));
            let r = star.map_or(loc, |i| TextRange::new(TextSize::new(i as u32), TextSize::new(i as u32 + 1)));
            syntax("named arguments must follow bare *", r)
        }
        ParseErrorType::UnexpectedIndentation => {
            let (_, col) = index.line_col(loc.end());
            let mut e = index.parse_error(ErrorKind::IndentationError, "unexpected indent", loc);
            e.lineno = index.line_number(loc.end());
            e.end_lineno = e.lineno;
            e.offset = col;
            e.end_offset = -1;
            e.text = Some(index.parser_text(e.lineno - 1));
            e
        }
        ParseErrorType::OtherError(m) if m.starts_with("Expected an indented block after") => {
            let (mut clause, keywords) = clause_name(m).unwrap_or(("statement", &[]));
            // The error may be reported at the end of the header line itself.
            let line = index.line_number(loc.start()) + u32::from(at_newline);
            let header = header_line(index, line, keywords);
            if clause == "'except' statement" && index.line_text(header - 1).trim_start()["except".len().min(index.line_text(header - 1).trim_start().len())..].trim_start().starts_with('*') {
                clause = "'except*' statement";
            }
            let msg = format!("expected an indented block after {clause} on line {header}");
            if at_eof(source, start) {
                return eof_error(index, ErrorKind::IndentationError, msg);
            }
            if at_newline && clause == "'case' statement" {
                // CPython reports it on the next line, at offset 0 (end -1).
                let next = source[start..].find('\n').map_or(start, |p| start + p + 1);
                let mut e = index.parse_error(ErrorKind::IndentationError, msg, at(next));
                e.offset = 0;
                e.end_offset = -1;
                return e;
            }
            index.parse_error(ErrorKind::IndentationError, msg, loc)
        }
        ParseErrorType::OtherError(m) if m.contains("Expected `except` or `finally`") && at_eof(source, start) => {
            eof_error(index, ErrorKind::SyntaxError, "expected 'except' or 'finally' block")
        }
        ParseErrorType::OtherError(m) if m.contains("Expected `except` or `finally`") => {
            let line = index.line_number(loc.start());
            let prev = line.saturating_sub(if at_newline || start >= b.len() { 1 } else { 1 }).max(1);
            let text = index.line_text(prev - 1);
            let mut e = index.parse_error(ErrorKind::SyntaxError, "expected 'except' or 'finally' block", loc);
            e.lineno = prev;
            e.end_lineno = prev;
            e.offset = text.trim_end_matches(['\n', '\r']).chars().count() as u32 + 1;
            e.end_offset = 0;
            e.text = Some(index.parser_text(prev - 1));
            e
        }
        ParseErrorType::OtherError(m) if m == "Expected a parameter name" && !word_before(b, start, b"lambda")
            && !matches!(&source[start..loc.end().to_usize()], "True" | "False" | "None" | "__debug__") && is_bare_eq(b, next_token(b, loc.end().to_usize()).start().to_usize()) => {
            // `f(1=2)`: CPython's invalid_kwarg.
            let eq = next_token(b, loc.end().to_usize()).start().to_usize();
            syntax("expression cannot contain assignment, perhaps you meant \"==\"?", TextRange::new(loc.start(), TextSize::new(eq as u32 + 1)))
        }
        ParseErrorType::OtherError(m) if m == "Expected a parameter name" => {
            let word = source.get(loc.start().to_usize()..loc.end().to_usize()).unwrap_or("");
            if matches!(word, "True" | "False" | "None" | "__debug__") {
                // Through the `=`.
                let end = next_token(b, loc.end().to_usize()).end().to_usize();
                return syntax(&format!("cannot assign to {word}"), TextRange::new(loc.start(), TextSize::new(end as u32)));
            }
            syntax("invalid syntax", range)
        }
        ParseErrorType::FStringError(InterpolatedStringErrorType::InvalidConversionFlag) => {
            syntax("f-string: invalid conversion character: expected 's', 'r', or 'a'", range)
        }
        ParseErrorType::FStringError(InterpolatedStringErrorType::UnclosedLbrace)
        | ParseErrorType::Lexical(LexicalErrorType::FStringError(InterpolatedStringErrorType::UnclosedLbrace)) => {
            syntax("f-string: expecting '}'", range)
        }
        ParseErrorType::FStringError(InterpolatedStringErrorType::SingleRbrace)
        | ParseErrorType::Lexical(LexicalErrorType::FStringError(InterpolatedStringErrorType::SingleRbrace)) => {
            syntax("f-string: single '}' is not allowed", range)
        }
        ParseErrorType::ExpectedImaginaryNumber => syntax("imaginary number required in complex literal", loc),
        ParseErrorType::UnparenthesizedNamedExpression => syntax("invalid syntax", range),
        ParseErrorType::Lexical(lex) => map_lexical(lex, source, loc, index),
        _ => syntax("invalid syntax", range),
    }
}

fn map_lexical(lex: &LexicalErrorType, source: &str, loc: TextRange, index: &LineIndex<'_>) -> CompileError {
    let syntax = |msg: &str, r: TextRange| index.parse_error(ErrorKind::SyntaxError, msg, r);
    match lex {
        LexicalErrorType::IndentationError => {
            let line = index.line_number(loc.start());
            let text = index.line_text(line - 1);
            let mut e = index.parse_error(ErrorKind::IndentationError, "unindent does not match any outer indentation level", loc);
            e.offset = text.trim_end_matches(['\n', '\r']).chars().count() as u32 + 1;
            e.end_offset = -1;
            e
        }
        LexicalErrorType::UnrecognizedToken { tok } => {
            if !format::text::is_printable(*tok) {
                index.token_error(format!("invalid non-printable character U+{:04X}", *tok as u32), TextRange::empty(loc.start()))
            } else if tok.is_ascii() {
                syntax("invalid syntax", loc)
            } else {
                index.token_error(format!("invalid character '{tok}' (U+{:04X})", *tok as u32), TextRange::empty(loc.start()))
            }
        }
        LexicalErrorType::UnclosedStringError => {
            let line = index.line_number(loc.start());
            syntax(&format!("unterminated string literal (detected at line {line})"), TextRange::empty(loc.start()))
        }
        LexicalErrorType::Eof => eof_error(index, ErrorKind::SyntaxError, "unexpected EOF while parsing"),
        LexicalErrorType::InvalidByteLiteral => {
            let s = string_start(source.as_bytes(), quote_before(source.as_bytes(), loc.start().to_usize()));
            syntax("bytes can only contain ASCII literal characters", TextRange::new(TextSize::new(s as u32), loc.end()))
        }
        LexicalErrorType::UnicodeError => syntax("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape", loc),
        LexicalErrorType::LineContinuationError => {
            // At the character after the backslash, no end column (E_LINECONT).
            let b = source.as_bytes();
            let mut p = loc.start().to_usize();
            while p < b.len() && b[p] != b'\\' {
                p += 1;
            }
            let mut e = syntax("unexpected character after line continuation character", TextRange::empty(TextSize::new((p + 1).min(b.len()) as u32)));
            e.end_offset = 0;
            e
        }
        LexicalErrorType::OtherError(m) if m.contains("Invalid decimal integer literal") => index.token_error(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            TextRange::new(loc.start(), loc.start() + TextSize::new(1)),
        ),
        LexicalErrorType::OtherError(m) if m.contains("decimal literal") => index.token_error("invalid decimal literal", loc),
        _ => syntax("invalid syntax", loc),
    }
}

/// The line of the token where the parser stopped: the first one at or after `pos`
/// (ruff puts some errors on the newline before it).
fn parser_stop_line(source: &str, pos: usize, index: &LineIndex<'_>) -> u32 {
    let b = source.as_bytes();
    let mut i = pos.min(b.len());
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => i += 1,
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
            }
            _ => break,
        }
    }
    index.line_number(TextSize::new(i.min(b.len()) as u32))
}

/// Whether only blanks and comments follow `pos`.
fn at_eof(source: &str, pos: usize) -> bool {
    source.get(pos..).is_none_or(|rest| rest.lines().all(|l| {
        let t = l.trim_start();
        t.is_empty() || t.starts_with('#')
    }))
}

/// An error at the end of the input, where CPython's last token (ENDMARKER or
/// DEDENT) has no column: the last line read, the offset just past it (with the
/// newline the tokenizer adds), no end column.
fn eof_error(index: &LineIndex<'_>, kind: ErrorKind, msg: impl Into<String>) -> CompileError {
    let src = index.source;
    let last = src.trim_end_matches(['\n', '\r', ' ', '\t', '\x0c']).len();
    let line = index.line_col(TextSize::new(last.saturating_sub(1) as u32)).0;
    let mut e = index.parse_error(kind, msg, TextRange::empty(TextSize::new(last as u32)));
    let text = index.parser_text(line);
    e.lineno = line + 1;
    e.end_lineno = line + 1;
    e.offset = text.chars().count() as u32;
    e.end_offset = -1;
    e.text = Some(text);
    e
}

/// The range of the token starting at or after `pos` (skipping blanks).
fn next_token(b: &[u8], pos: usize) -> TextRange {
    let mut i = pos.min(b.len());
    while i < b.len() && matches!(b[i], b' ' | b'\t') {
        i += 1;
    }
    let end = if i < b.len() && (b[i] == b'\'' || b[i] == b'"') {
        skip_string(b, i, b[i]).0
    } else if b[i..].starts_with(b"**") {
        i + 2
    } else {
        next_token_end(b, i)
    };
    TextRange::new(TextSize::new(i as u32), TextSize::new(end as u32))
}

/// Whether the innermost bracket open at `pos` is a `{`.
fn inside_brace(b: &[u8], pos: usize) -> bool {
    let mut depth = 0;
    let mut i = pos.min(b.len());
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
            c @ (b'(' | b'[' | b'{') => return c == b'{',
            _ => {}
        }
    }
    false
}

/// Whether `pos` is inside the parentheses of a `class NAME(...)` header.
fn in_class_bases(source: &str, pos: usize) -> bool {
    let b = source.as_bytes();
    let mut depth = 0;
    let mut i = pos.min(b.len());
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
            b'(' => {
                let head = source[..i].trim_end();
                let line = head.rsplit('\n').next().unwrap_or("").trim_start();
                return line.starts_with("class ") && !line[6..].trim().contains(' ');
            }
            b'[' | b'{' => return false,
            _ => {}
        }
    }
    false
}

/// The first `kw` keyword at bracket depth 0 in `b[from..to]`.
fn find_keyword(b: &[u8], from: usize, to: usize, kw: &[u8]) -> Option<usize> {
    let mut depth = 0;
    let to = to.min(b.len());
    let mut i = from;
    while i < to {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            _ if depth == 0 && b[i..to].starts_with(kw) => {
                let before_ok = i == 0 || !is_ident_char(b[i - 1]);
                let after_ok = b.get(i + kw.len()).is_none_or(|&c| !is_ident_char(c));
                if before_ok && after_ok {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// `f(x=1 for ...)`: the start of the keyword's name and its `=`, for the argument
/// that ends before `pos`.
fn keyword_arg_before(b: &[u8], pos: usize) -> Option<(usize, usize)> {
    let mut depth = 0;
    let mut i = pos.min(b.len());
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
            b'(' | b',' if depth == 0 => break,
            b'[' | b'{' => return None,
            _ => {}
        }
    }
    let mut j = i + 1;
    while j < pos && matches!(b[j], b' ' | b'\t' | b'\n') {
        j += 1;
    }
    let name = j;
    while j < pos && is_ident_char(b[j]) {
        j += 1;
    }
    if j == name {
        return None;
    }
    while j < pos && matches!(b[j], b' ' | b'\t') {
        j += 1;
    }
    (j < pos && b[j] == b'=' && b.get(j + 1) != Some(&b'=')).then_some((name, j))
}

fn quote_before(b: &[u8], mut i: usize) -> usize {
    while i > 0 {
        i -= 1;
        if b[i] == b'\'' || b[i] == b'"' {
            while i > 0 && b[i - 1] == b[i] {
                i -= 1;
            }
            return i;
        }
    }
    0
}

fn legacy_print(word: &str, s0: usize, index: &LineIndex<'_>) -> CompileError {
    // CPython's invalid_legacy_expression: the name, then the longest expression
    // list the rest of the statement starts with (the PEG parser backtracks to it);
    // when there is none, the rule does not apply and the error is at its start.
    let b = index.source.as_bytes();
    let from = (s0 + word.len()).min(b.len());
    let mut stop = from;
    let mut depth = 0;
    while stop < b.len() && !(depth == 0 && matches!(b[stop], b'\n' | b'\r' | b';' | b'#')) {
        match b[stop] {
            b'\'' | b'"' => {
                stop = skip_string(b, stop, b[stop]).0;
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            _ => {}
        }
        stop += 1;
    }
    let boundary = |i: usize| index.source.is_char_boundary(i) && !(is_ident_char(b[i - 1]) && b.get(i).is_some_and(|&c| is_ident_char(c)));
    let end = (from + 1..=stop)
        .rev()
        .take(400)
        .filter(|&i| boundary(i) && !matches!(b[i - 1], b' ' | b'\t'))
        .find(|&i| ruff_python_parser::parse_expression(index.source[from..i].trim()).is_ok());
    match end {
        Some(end) => index.parse_error(
            ErrorKind::SyntaxError,
            format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?"),
            TextRange::new(TextSize::new(s0 as u32), TextSize::new(end as u32)),
        ),
        None => index.parse_error(ErrorKind::SyntaxError, "invalid syntax", next_token(b, from)),
    }
}

fn starts_expression(t: TokenKind) -> bool {
    matches!(
        t,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Lambda
            | TokenKind::Not
            | TokenKind::Ellipsis
    )
}

fn find_backwards(source: &str, before: usize, needle: &str) -> Option<usize> {
    source.get(..before)?.rfind(needle).map(|p| p + 1)
}

fn prev_end(b: &[u8], pos: usize) -> usize {
    let mut i = pos;
    while i > 0 && matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r') {
        i -= 1;
    }
    i
}

fn next_token_end(b: &[u8], pos: usize) -> usize {
    let mut i = pos.min(b.len());
    while i < b.len() && matches!(b[i], b' ' | b'\t') {
        i += 1;
    }
    let s = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.' || b[i] >= 0x80) {
        i += 1;
    }
    if i == s && i < b.len() && !matches!(b[i], b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// "cannot assign to ..." in its CPython variants.
fn invalid_target(source: &str, loc: TextRange, index: &LineIndex<'_>) -> CompileError {
    let syntax = |msg: &str, r: TextRange| index.parse_error(ErrorKind::SyntaxError, msg, r);
    let e = expr_at(source, loc);
    let mut after = next_non_space(source, loc.end().to_usize());
    while let Some(rest) = after.strip_prefix(')') {
        after = rest.trim_start_matches([' ', '\t']);
    }
    let is_assign = after.starts_with('=') && !after.starts_with("==");
    let text = source.get(loc.start().to_usize()..loc.end().to_usize()).unwrap_or("");
    if line_starts_with(source, loc.start().to_usize(), "for") || line_starts_with(source, loc.start().to_usize(), "async") {
        if e.as_ref().is_some_and(for_target_has_comparison) {
            if let Some(op) = comparison_operator(source.as_bytes(), loc) {
                return syntax("invalid syntax", op);
            }
        }
    }
    match &e {
        Some(Expr::Yield(_) | Expr::YieldFrom(_))
            if is_assign && !text.trim_start().starts_with('(') && !source[..loc.start().to_usize()].trim_end().ends_with('(') =>
        {
            syntax("assignment to yield expression not possible", loc)
        }
        Some(Expr::NoneLiteral(_) | Expr::BooleanLiteral(_)) => {
            syntax(&format!("cannot assign to {}", expr_name(e.as_ref().expect("checked"))), loc)
        }
        Some(x) if is_assign && is_bitwise_or(x) && named_expression_error(source, loc) => syntax(
            &format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(x)),
            loc,
        ),
        Some(x) => syntax(&format!("cannot assign to {}", expr_name(x)), loc),
        None => syntax("invalid syntax", loc),
    }
}

/// Whether `e` parses as CPython's `bitwise_or` (and is not a list/tuple display
/// or generator, which `invalid_named_expression` excludes).
/// A `for` target holding a comparison other than the `in` of the loop is no
/// invalid target for CPython (`_PyPegen_get_invalid_target` gives up): the parser
/// fails at the comparison operator.
fn for_target_has_comparison(e: &Expr) -> bool {
    match e {
        Expr::Compare(c) if c.ops.first() == Some(&ruff_python_ast::CmpOp::In) => for_target_has_comparison(&c.left),
        Expr::Compare(_) => true,
        Expr::Tuple(t) => t.elts.iter().any(for_target_has_comparison),
        _ => false,
    }
}

/// The first comparison operator (other than `in`) at the top level of `r`.
fn comparison_operator(b: &[u8], r: TextRange) -> Option<TextRange> {
    let (start, end) = (r.start().to_usize(), r.end().to_usize().min(b.len()));
    let mut depth = 0;
    let word_at = |i: usize, w: &[u8]| {
        b[i..end].starts_with(w) && (i == 0 || !is_ident_char(b[i - 1])) && b.get(i + w.len()).is_none_or(|&c| !is_ident_char(c))
    };
    let span = |i: usize, n: usize| Some(TextRange::at(TextSize::new(i as u32), TextSize::new(n as u32)));
    for i in start..end {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            _ if depth != 0 => {}
            b'<' | b'>' => return span(i, if b.get(i + 1) == Some(&b'=') { 2 } else { 1 }),
            b'=' | b'!' if b.get(i + 1) == Some(&b'=') => return span(i, 2),
            _ if word_at(i, b"is") => return span(i, 2),
            _ if word_at(i, b"not") => return span(i, 3),
            _ => {}
        }
    }
    None
}

fn is_bitwise_or(e: &Expr) -> bool {
    !matches!(
        e,
        Expr::List(_)
            | Expr::Tuple(_)
            | Expr::Generator(_)
            | Expr::Lambda(_)
            | Expr::If(_)
            | Expr::BoolOp(_)
            | Expr::Compare(_)
            | Expr::Named(_)
            | Expr::Starred(_)
            | Expr::UnaryOp(ruff_python_ast::ExprUnaryOp { op: ruff_python_ast::UnaryOp::Not, .. })
    )
}

/// CPython's `invalid_named_expression` alternative `a=bitwise_or '=' bitwise_or
/// !('='|':=')` applies to the invalid target at `loc`: it is an element of the
/// statement's first target (not nested in a display), and the value after its `=`
/// is a `bitwise_or` not followed by another assignment.
fn named_expression_error(source: &str, loc: TextRange) -> bool {
    let b = source.as_bytes();
    let (mut start, mut end) = (loc.start().to_usize(), loc.end().to_usize());
    // A parenthesized target is the group `( ... )`.
    loop {
        let before = prev_end(b, start);
        let mut after = end;
        while after < b.len() && matches!(b[after], b' ' | b'\t') {
            after += 1;
        }
        if before > 0 && b[before - 1] == b'(' && b.get(after) == Some(&b')') {
            start = before - 1;
            end = after + 1;
        } else {
            break;
        }
    }
    let line_start = source[..start].rfind(['\n', '\r', ';']).map_or(0, |p| p + 1);
    let mut depth = 0i32;
    let prefix = &b[line_start..start];
    for (i, &c) in prefix.iter().enumerate() {
        match c {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'=' if depth == 0 && is_assign_eq(prefix, i) => return false,
            _ => {}
        }
    }
    if depth != 0 {
        return false;
    }
    // The value: past the `=` after the target.
    let mut i = end;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b')') {
        i += 1;
    }
    i += 1;
    let rest = next_non_space(source, i);
    let word_end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
    if matches!(&rest[..word_end], "yield" | "lambda" | "not") || rest.starts_with('*') || rest.is_empty() {
        return false;
    }
    let line_end = rest.find(['\n', '\r', ';', '#']).unwrap_or(rest.len());
    let value = rest[..line_end].as_bytes();
    let mut depth = 0i32;
    for (j, &c) in value.iter().enumerate() {
        match c {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'=' if depth == 0 && (is_assign_eq(value, j) || j > 0 && value[j - 1] == b':') => return false,
            _ => {}
        }
    }
    true
}

/// Whether the `=` at `i` is an assignment (not part of `==`, `<=`, `>=`, `!=`).
/// `x = 1` where a comparison or a display item was expected (CPython's
/// invalid_named_expression): `eq` is the offset of the `=`.
fn assign_instead_of_eq(source: &str, eq: usize, index: &LineIndex<'_>) -> CompileError {
    let b = source.as_bytes();
    let s0 = prev_atom_start(b, eq);
    let target_end = prev_end(b, eq);
    let span = |from: usize, to: usize| TextRange::new(TextSize::new(from as u32), TextSize::new(to as u32));
    let syntax = |msg: &str, r: TextRange| index.parse_error(ErrorKind::SyntaxError, msg, r);
    let starred = prev_end(b, s0).checked_sub(1).and_then(|i| b.get(i)) == Some(&b'*');
    // A dict value is an `expression`, not a `named_expression`: no hint there.
    let dict_value = inside_brace(b, eq) && colon_before_comma(b, eq);
    let target = if starred || dict_value { None } else { expr_at(source, span(s0, target_end)) };
    match &target {
        Some(Expr::Name(_)) => {
            syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", span(s0, next_token_end(b, eq + 1)))
        }
        Some(Expr::List(_) | Expr::Tuple(_) | Expr::Generator(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_)) | None => {
            syntax("invalid syntax", span(eq, eq + 1))
        }
        Some(e) => syntax(&format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e)), span(s0, target_end)),
    }
}

/// Whether the `{` display around `pos` already has a `key: value` pair at its top level.
fn dict_has_pair_before(b: &[u8], pos: usize) -> bool {
    let mut depth = 0;
    let mut i = pos.min(b.len());
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
            b'(' | b'[' | b'{' => return false,
            b':' if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// The first element of the `[`/`{` display around `pos` if it has several
/// elements (a top-level comma) before `pos`.
fn display_start(b: &[u8], pos: usize) -> Option<usize> {
    let mut depth = 0;
    let mut comma = false;
    let mut i = pos.min(b.len());
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
            b'[' | b'{' if comma => {
                let mut j = i + 1;
                while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\n' | b'\r') {
                    j += 1;
                }
                return Some(j);
            }
            b'(' | b'[' | b'{' => return None,
            b',' if depth == 0 => comma = true,
            _ => {}
        }
    }
    None
}

/// The last non-space byte before `pos`.
fn prev_char(b: &[u8], pos: usize) -> Option<u8> {
    prev_end(b, pos).checked_sub(1).map(|i| b[i])
}

/// The offset of the innermost bracket still open at `pos` (strings and comments
/// are not skipped: an approximation good enough for choosing a message).
fn open_bracket(b: &[u8], pos: usize) -> Option<usize> {
    let mut depth = 0;
    let mut i = pos.min(b.len());
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
            b'(' | b'[' | b'{' => return Some(i),
            _ => {}
        }
    }
    None
}

/// Whether `pos` is inside the parameter list of a `def`.
fn in_def_params(b: &[u8], pos: usize) -> bool {
    let mut p = pos;
    // Past a nested group: `def f(x, (y, z))` fails at the inner `(`.
    while let Some(open) = open_bracket(b, p) {
        if b[open] != b'(' {
            return false;
        }
        let name_start = prev_atom_start(b, open);
        if name_start < open && word_before(b, name_start, b"def") {
            return true;
        }
        p = open;
    }
    false
}

/// Whether `pos` is between a `lambda` and its `:` (outside brackets of its own).
fn in_lambda_params(source: &str, pos: usize) -> bool {
    let b = source.as_bytes();
    let Some(kw) = source.get(..pos).and_then(|s| s.rfind("lambda")) else { return false };
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    if kw > 0 && ident(b[kw - 1]) || b.get(kw + 6).is_some_and(|&c| ident(c)) {
        return false;
    }
    !b[kw..pos].iter().any(|&c| matches!(c, b':' | b'\n' | b'\r'))
}

/// The `( ... )` group starting at `open`.
fn group_range(b: &[u8], open: usize) -> TextRange {
    let mut depth = 0;
    let mut end = b.len();
    for (i, &c) in b.iter().enumerate().skip(open) {
        match c {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    end = i + 1;
                    break;
                }
            }
            b'\n' | b'\r' => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    TextRange::new(TextSize::new(open as u32), TextSize::new(end as u32))
}

/// The text of the token after `pos` (spaces skipped), if any.
fn next_token_text(source: &str, pos: usize) -> Option<&str> {
    let r = next_token(source.as_bytes(), pos + 1);
    source.get(r.start().to_usize()..r.end().to_usize()).filter(|t| !t.is_empty())
}

fn is_keyword_word(w: &str) -> bool {
    matches!(w, "None" | "True" | "False" | "and" | "or" | "not" | "in" | "is" | "if" | "else" | "for" | "lambda" | "import" | "pass" | "return" | "def" | "class" | "while" | "with" | "yield" | "del" | "global" | "nonlocal" | "assert" | "break" | "continue" | "raise" | "try" | "except" | "finally" | "from" | "as" | "elif" | "await" | "async")
}

/// Whether the logical line holding `pos` starts with keyword `kw`.
fn line_starts_with(source: &str, pos: usize, kw: &str) -> bool {
    let line_start = source[..pos].rfind(['\n', '\r']).map_or(0, |p| p + 1);
    let t = source[line_start..].trim_start();
    t.starts_with(kw) && !t[kw.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
}

/// Whether, going back from `pos` at the same bracket depth, a `:` comes before a
/// `,` or the opening bracket.
fn colon_before_comma(b: &[u8], pos: usize) -> bool {
    let mut depth = 0;
    let mut i = pos.min(b.len());
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
            b'(' | b'[' | b'{' | b',' if depth == 0 => return false,
            b':' if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// Whether the source before `pos` (spaces skipped) ends with `kw`: `lambda 1=2: 0`
/// is not a call.
fn word_before(b: &[u8], pos: usize, kw: &[u8]) -> bool {
    let end = prev_end(b, pos);
    end >= kw.len() && &b[end - kw.len()..end] == kw
}

/// An `=` at `i` that is neither part of `==`, `<=`, ... nor of `:=`.
fn is_bare_eq(b: &[u8], i: usize) -> bool {
    b.get(i) == Some(&b'=') && is_assign_eq(b, i)
}

fn is_assign_eq(b: &[u8], i: usize) -> bool {
    let prev = if i > 0 { b[i - 1] } else { b' ' };
    let next = b.get(i + 1).copied().unwrap_or(b' ');
    !matches!(prev, b'=' | b'<' | b'>' | b'!' | b':') && next != b'='
}

pub fn map_unsupported(u: &UnsupportedSyntaxError, index: &LineIndex<'_>) -> CompileError {
    let syntax = |msg: &str, r: TextRange| index.parse_error(ErrorKind::SyntaxError, msg, r);
    match u.kind {
        UnsupportedSyntaxErrorKind::TypeParameterList => {
            syntax("expected '('", TextRange::new(u.range.start(), u.range.start() + TextSize::new(1)))
        }
        UnsupportedSyntaxErrorKind::UnpackingInComprehension(_) if index.source[u.range.start().to_usize()..].starts_with("**") => {
            syntax("dict unpacking cannot be used in dict comprehension", TextRange::at(u.range.start(), TextSize::new(2)))
        }
        UnsupportedSyntaxErrorKind::UnpackingInComprehension(_) => {
            syntax("iterable unpacking cannot be used in comprehension", u.range)
        }
        UnsupportedSyntaxErrorKind::UnparenthesizedExceptionTypes => {
            // From the first type to the `:`.
            let rest = &index.source[u.range.start().to_usize()..];
            let colon = u.range.start().to_usize() + rest.find([':', '\n', '\r']).unwrap_or(rest.len());
            syntax("multiple exception types must be parenthesized", TextRange::new(u.range.start(), TextSize::new(colon as u32)))
        }
        UnsupportedSyntaxErrorKind::ParenthesizedKeywordArgumentName => {
            // `f((x)=2)`: from the expression inside the parentheses to the `=`.
            let text = &index.source[u.range.start().to_usize()..];
            let start = u.range.start().to_usize() + (text.len() - text.trim_start_matches(['(', ' ', '\t']).len());
            let eq = u.range.end().to_usize() + index.source[u.range.end().to_usize()..].find('=').unwrap_or(0);
            syntax("expression cannot contain assignment, perhaps you meant \"==\"?", TextRange::new(TextSize::new(start as u32), TextSize::new(eq as u32 + 1)))
        }
        _ => syntax("invalid syntax", u.range),
    }
}

/// CPython's `invalid_group`: a starred expression in parentheses of its own,
/// `(*a)`, which ruff's parser accepts. The parentheses of a call's or class's
/// argument list around a lone `*a` are not a group. CPython parses an f-string's
/// expression `e` as `(e)`, so `f"{*a}"` is one too: those errors are reported
/// by the scan that parses f-string expressions (`scan_with`), worded and located
/// as CPython's.
pub fn starred_group(body: &[ruff_python_ast::Stmt], expr: Option<&Expr>, source: &str, index: &LineIndex<'_>) -> Option<CompileError> {
    use ruff_python_ast::visitor::{walk_expr, walk_f_string, walk_stmt, Visitor};
    struct Finder<'s> {
        b: &'s [u8],
        found: Option<TextRange>,
        in_fstring: bool,
        fstring_depth: u32,
    }
    impl Finder<'_> {
        fn report(&mut self, r: TextRange) {
            if self.found.is_none() {
                self.found = Some(r);
                self.in_fstring = self.fstring_depth > 0;
            }
        }

        /// `s` alone in parentheses that are not `args` (an argument list's range).
        fn check(&mut self, s: &ruff_python_ast::ExprStarred, args: Option<TextRange>) {
            let b = self.b;
            let mut open = s.range.start().to_usize();
            while open > 0 && b[open - 1].is_ascii_whitespace() {
                open -= 1;
            }
            let mut close = s.range.end().to_usize();
            while close < b.len() && b[close].is_ascii_whitespace() {
                close += 1;
            }
            if open == 0 || b[open - 1] != b'(' || b.get(close) != Some(&b')') {
                return;
            }
            let parens = TextRange::new(TextSize::new(open as u32 - 1), TextSize::new(close as u32 + 1));
            if args != Some(parens) {
                self.report(s.range);
            }
        }

        fn arguments(&mut self, args: &ruff_python_ast::Arguments) {
            for a in args.args.iter() {
                match a {
                    Expr::Starred(s) => {
                        self.check(s, Some(args.range));
                        self.visit_expr(&s.value);
                    }
                    _ => self.visit_expr(a),
                }
            }
            for k in args.keywords.iter() {
                self.visit_expr(&k.value);
            }
        }
    }
    impl<'a> Visitor<'a> for Finder<'_> {
        fn visit_stmt(&mut self, st: &'a ruff_python_ast::Stmt) {
            if let ruff_python_ast::Stmt::ClassDef(c) = st {
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression);
                }
                if let Some(args) = &c.arguments {
                    self.arguments(args);
                }
                self.visit_body(&c.body);
                return;
            }
            walk_stmt(self, st);
        }

        fn visit_expr(&mut self, e: &'a Expr) {
            match e {
                Expr::Call(c) => {
                    self.visit_expr(&c.func);
                    self.arguments(&c.arguments);
                }
                Expr::Starred(s) => {
                    self.check(s, None);
                    walk_expr(self, e);
                }
                _ => walk_expr(self, e),
            }
        }

        fn visit_f_string(&mut self, f: &'a ruff_python_ast::FString) {
            self.fstring_depth += 1;
            for el in f.elements.iter() {
                if let ruff_python_ast::InterpolatedStringElement::Interpolation(i) = el {
                    if let Expr::Starred(s) = &*i.expression {
                        self.report(s.range);
                    }
                }
            }
            walk_f_string(self, f);
            self.fstring_depth -= 1;
        }
    }
    let mut f = Finder { b: source.as_bytes(), found: None, in_fstring: false, fstring_depth: 0 };
    f.visit_body(body);
    if let Some(e) = expr {
        f.visit_expr(e);
    }
    let r = f.found?;
    if f.in_fstring {
        let n = index.warnings.borrow().len();
        let mut full = scan_with(source, index, true);
        index.warnings.borrow_mut().truncate(n);
        if let Some(e) = full.first_error_if_certain().or_else(|| full.error_after_parse()) {
            return Some(e);
        }
    }
    Some(index.parse_error(ErrorKind::SyntaxError, "cannot use starred expression here", r))
}
