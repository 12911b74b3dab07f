//! Parsing with ruff's parser, source positions, and SyntaxError construction.

use crate::code::Location;
use crate::{CompileError, ErrorKind};
use ruff_text_size::{TextRange, TextSize};

/// Maps byte offsets to lines and columns.
pub struct LineIndex<'a> {
    pub source: &'a str,
    pub filename: &'a str,
    /// Not `eval` input: CPython's tokenizer then ends the source with a newline,
    /// which parser errors show in their `text`.
    pub exec_input: bool,
    /// Byte offset of the start of each line.
    starts: Vec<u32>,
    /// Warnings found while compiling, in the order CPython emits them.
    pub warnings: std::cell::RefCell<Vec<crate::CompileWarning>>,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str, filename: &'a str, exec_input: bool) -> LineIndex<'a> {
        let mut starts = vec![0u32];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { source, filename, exec_input, starts, warnings: Default::default() }
    }

    /// 0-based line index and byte column of `offset`.
    pub fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let off = offset.to_u32().min(self.source.len() as u32);
        let line = match self.starts.binary_search(&off) {
            Ok(l) => l,
            Err(l) => l.saturating_sub(1),
        };
        (line as u32, off - self.starts[line])
    }

    pub fn location(&self, range: TextRange) -> Location {
        let (l1, c1) = self.line_col(range.start());
        let (l2, c2) = self.line_col(range.end());
        Location { line: l1 + 1, end_line: l2 + 1, col: c1, end_col: c2 }
    }

    pub fn line_number(&self, offset: TextSize) -> u32 {
        self.line_col(offset).0 + 1
    }

    /// The text of 0-based line `line`, with its newline if it has one.
    pub fn line_text(&self, line: u32) -> String {
        let l = line as usize;
        let Some(&start) = self.starts.get(l) else { return String::new() };
        let end = self.starts.get(l + 1).map_or(self.source.len(), |&e| e as usize);
        let mut s = self.source.get(start as usize..end).unwrap_or("").to_string();
        if s.ends_with("\r\n") {
            s.truncate(s.len() - 2);
            s.push('\n');
        } else if s.ends_with('\r') {
            s.pop();
            s.push('\n');
        }
        s
    }

    /// 1-based character column of `offset` within its line.
    pub fn char_col(&self, offset: TextSize) -> u32 {
        let (line, col) = self.line_col(offset);
        let start = self.starts[line as usize] as usize;
        let end = start + col as usize;
        self.source.get(start..end).map_or(col, |s| s.chars().count() as u32) + 1
    }

    /// A compiler or symtable error: CPython reports byte offsets (+1) and no text
    /// (the VM may fill `text` from the file, as `PyErr_ProgramTextObject` does).
    pub fn error(&self, kind: ErrorKind, msg: impl Into<String>, range: TextRange) -> CompileError {
        let loc = self.location(range);
        CompileError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno: loc.line,
            offset: loc.col + 1,
            end_lineno: loc.end_line,
            end_offset: loc.end_col as i32 + 1,
            text: None,
        }
    }

    /// A parser/tokenizer error: character offsets and the line's text.
    pub fn parse_error(&self, kind: ErrorKind, msg: impl Into<String>, range: TextRange) -> CompileError {
        let (l1, _) = self.line_col(range.start());
        let (l2, _) = self.line_col(range.end());
        CompileError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno: l1 + 1,
            offset: self.char_col(range.start()),
            end_lineno: l2 + 1,
            end_offset: self.char_col(range.end()) as i32,
            text: Some(self.parser_text(l1)),
        }
    }

    /// The `text` of a parser error: the whole line, with the newline the
    /// tokenizer adds at the end of exec input.
    pub fn parser_text(&self, line: u32) -> String {
        let mut t = self.line_text(line);
        if self.exec_input && !t.ends_with('\n') {
            t.push('\n');
        }
        t
    }

    /// Records a warning; `error` is the SyntaxError it becomes under an
    /// `error` warnings filter.
    pub fn warn(&self, category: crate::WarningCategory, error: CompileError) {
        self.warnings.borrow_mut().push(crate::CompileWarning { category, error });
    }

    /// An error or warning of CPython's tokenizer at its current position `cur`
    /// (a byte offset): `offset` counts the characters before `cur` on its line.
    pub fn tokenizer_error_at(&self, msg: impl Into<String>, cur: usize) -> CompileError {
        let (line, col) = self.line_col(TextSize::new(cur as u32));
        let start = self.starts[line as usize] as usize;
        let chars = self.source.get(start..start + col as usize).map_or(col, |s| s.chars().count() as u32);
        CompileError {
            kind: ErrorKind::SyntaxError,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno: line + 1,
            offset: chars,
            end_lineno: line + 1,
            end_offset: chars as i32,
            text: Some(self.line_text(line).trim_end_matches(['\n', '\r']).to_string()),
        }
    }

    /// An error raised by CPython's tokenizer itself (bad numbers, strings,
    /// brackets): its `text` is the line without the newline.
    pub fn token_error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        let mut e = self.parse_error(ErrorKind::SyntaxError, msg, range);
        e.text = Some(self.line_text(e.lineno - 1).trim_end_matches(['\n', '\r']).to_string());
        e
    }
}

/// The parsed input of `compile`.
pub enum Parsed {
    Module(ruff_python_ast::ModModule),
    Expr(ruff_python_ast::ModExpression),
}

/// Parses `source` for `mode`, mapping the first error to CPython's SyntaxError.
pub fn parse(source: &str, mode: crate::Mode, index: &LineIndex<'_>) -> Result<Parsed, CompileError> {
    if let Some(nul) = source.find('\0') {
        // CPython's tokenizer checks each line it reads.
        let (line, col) = index.line_col(TextSize::new(nul as u32));
        let text = index.line_text(line);
        return Err(CompileError {
            kind: ErrorKind::SyntaxError,
            msg: "source code cannot contain null bytes".into(),
            filename: index.filename.to_string(),
            lineno: line + 1,
            offset: 0,
            end_lineno: line + 1,
            end_offset: 0,
            text: Some(text.get(..col as usize).unwrap_or("").to_string()),
        });
    }
    let mut scan = crate::parse_errors::scan(source, index);
    let r = parse_scanned(source, mode, index, &mut scan);
    if let Err(e) = &r {
        // The parser stopped at the error: later tokens were never read.
        index.warnings.borrow_mut().retain(|w| (w.error.lineno, w.error.offset) <= (e.lineno, e.offset));
    }
    r
}

fn parse_scanned(
    source: &str,
    mode: crate::Mode,
    index: &LineIndex<'_>,
    scan: &mut crate::parse_errors::Scan,
) -> Result<Parsed, CompileError> {
    use ruff_python_ast::{Mod, PythonVersion};
    use ruff_python_parser::{parse_unchecked, Mode as PMode, ParseOptions};
    if let Some(e) = scan.first_error_if_certain() {
        return Err(e);
    }
    let pmode = match mode {
        crate::Mode::Eval => PMode::Expression,
        _ => PMode::Module,
    };
    let opts = ParseOptions::from(pmode).with_target_version(PythonVersion::PY311);
    let parsed = parse_unchecked(source, opts);
    if let Some(err) = parsed.errors().first() {
        // Scan again parsing f-string expressions, without recording warnings twice.
        let n = index.warnings.borrow().len();
        let full = crate::parse_errors::scan_with(source, index, true);
        index.warnings.borrow_mut().truncate(n);
        let mut e = crate::parse_errors::map_parse_error(err, source, index, full);
        let at_end = source.get(err.location.start().to_usize()..).is_none_or(|r| r.trim().is_empty());
        if mode == crate::Mode::Eval && at_end && e.msg == "invalid syntax" {
            // The ENDMARKER of string input has no column: CPython reports offset 0
            // on the last line read (line 0 for empty input).
            let line = if source.is_empty() { None } else { Some(index.line_col(TextSize::new(source.len() as u32 - 1)).0) };
            e.lineno = line.map_or(0, |l| l + 1);
            e.end_lineno = e.lineno;
            e.offset = 0;
            e.end_offset = 0;
            e.text = Some(line.map_or(String::new(), |l| index.line_text(l)));
        }
        return Err(e);
    }
    if let Some(e) = scan.error_after_parse() {
        return Err(e);
    }
    if let Some(u) = parsed.unsupported_syntax_errors().first() {
        return Err(crate::parse_errors::map_unsupported(u, index));
    }
    Ok(match parsed.into_syntax() {
        Mod::Module(m) => {
            if let Some(e) = crate::parse_errors::starred_group(&m.body, None, source, index) {
                return Err(e);
            }
            if mode == crate::Mode::Single {
                single_statement(&m.body, index)?;
            }
            Parsed::Module(m)
        }
        Mod::Expression(e) => {
            if let Some(err) = crate::parse_errors::starred_group(&[], Some(&e.body), source, index) {
                return Err(err);
            }
            Parsed::Expr(e)
        }
    })
}

/// `single` input is one statement (or one line of simple statements), as
/// CPython's `bad_single_statement` checks.
fn single_statement(body: &[ruff_python_ast::Stmt], index: &LineIndex<'_>) -> Result<(), CompileError> {
    use ruff_text_size::Ranged;
    let Some(first) = body.first() else { return Ok(()) };
    let first_line = index.line_col(first.end()).0;
    let mut last_end = first.end();
    for s in &body[1..] {
        if index.line_col(s.start()).0 > first_line || is_compound(first) {
            if is_compound(first) {
                let r = TextRange::new(s.start(), s.start() + TextSize::new(1));
                return Err(index.parse_error(ErrorKind::SyntaxError, "invalid syntax", r));
            }
            // At the NEWLINE token ending the first line: a comment starts it.
            let b = index.source.as_bytes();
            let mut i = last_end.to_usize();
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b';' | b'\x0c') {
                i += 1;
            }
            let start = i;
            while i < b.len() && !matches!(b[i], b'\n' | b'\r') {
                i += 1;
            }
            let r = TextRange::new(TextSize::new(start as u32), TextSize::new(i as u32));
            return Err(index.parse_error(ErrorKind::SyntaxError, "multiple statements found while compiling a single statement", r));
        }
        last_end = s.end();
    }
    Ok(())
}

fn is_compound(s: &ruff_python_ast::Stmt) -> bool {
    use ruff_python_ast::Stmt as S;
    matches!(s, S::FunctionDef(_) | S::ClassDef(_) | S::If(_) | S::For(_) | S::While(_) | S::With(_) | S::Try(_) | S::Match(_))
}
