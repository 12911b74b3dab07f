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

/// Checks done before parsing: bracket nesting depth, so the parser never recurses
/// deeper than CPython's tokenizer allows.
pub fn precheck(source: &str, index: &LineIndex<'_>) -> Result<(), CompileError> {
    let scan = scan(source, index);
    match scan.too_deep {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// What the tokenizer-level scan found.
#[derive(Default)]
struct Scan {
    /// First tokenizer error (unmatched bracket, unterminated string, TabError, ...).
    error: Option<CompileError>,
    /// Innermost bracket still open at the end: (char, byte offset).
    unclosed: Option<(u8, usize)>,
    too_deep: Option<CompileError>,
}

fn at(i: usize) -> TextRange {
    TextRange::empty(TextSize::new(i as u32))
}

fn scan(source: &str, index: &LineIndex<'_>) -> Scan {
    let b = source.as_bytes();
    let mut out = Scan::default();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut indents: Vec<(u32, u32)> = vec![(0, 0)];
    let mut i = 0;
    let mut line_start = true;
    let mut continuation = false;
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
                            e.end_offset = 0;
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
                continuation = false;
                line_start = true;
                continue;
            }
            b'\'' | b'"' => {
                let start = string_start(b, i);
                let (end, ok, triple) = skip_string(b, i, c);
                if !ok {
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
            b'(' | b'[' | b'{' => {
                stack.push((c, i));
                if stack.len() > MAX_PAREN_LEVEL && out.too_deep.is_none() {
                    out.too_deep = Some(index.parse_error(
                        ErrorKind::SyntaxError,
                        "too many nested parentheses",
                        TextRange::new(TextSize::new(i as u32), TextSize::new(i as u32 + 1)),
                    ));
                }
            }
            b')' | b']' | b'}' => match stack.pop() {
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
            _ => {}
        }
        i += 1;
    }
    out.unclosed = stack.last().copied();
    out
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

pub fn map_parse_error(err: &ParseError, source: &str, index: &LineIndex<'_>) -> CompileError {
    let s = scan(source, index);
    if let Some(e) = s.error {
        return e;
    }
    let loc = err.location;
    let err_line = index.line_number(loc.start());
    if let Some((ch, pos)) = s.unclosed {
        let open_line = index.line_number(TextSize::new(pos as u32));
        if err_line > open_line || matches!(err.error, ParseErrorType::Lexical(LexicalErrorType::Eof)) {
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
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found: TokenKind::Equal } => {
            let s0 = prev_atom_start(b, start);
            let end = next_token_end(b, start + 1);
            syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", TextRange::new(TextSize::new(s0 as u32), TextSize::new(end as u32)))
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
            if starts_expression(*found) =>
        {
            let s0 = prev_atom_start(b, start);
            let word = source.get(s0..start).unwrap_or("").trim();
            if word == "print" || word == "exec" {
                return legacy_print(word, s0, loc, index);
            }
            syntax("invalid syntax. Perhaps you forgot a comma?", TextRange::new(TextSize::new(s0 as u32), loc.end()))
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            let s0 = prev_atom_start(b, start);
            let word = source.get(s0..start).unwrap_or("").trim();
            let line_start = index.line_col(loc.start());
            if (word == "print" || word == "exec") && index.line_col(TextSize::new(s0 as u32)).0 == line_start.0 {
                return legacy_print(word, s0, loc, index);
            }
            syntax("invalid syntax", range)
        }
        ParseErrorType::InvalidAssignmentTarget => invalid_target(source, loc, index),
        ParseErrorType::InvalidDeleteTarget => {
            let name = expr_at(source, loc).map_or("expression", |e| expr_name(&e));
            syntax(&format!("cannot delete {name}"), loc)
        }
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            let name = expr_at(source, loc).map_or("expression", |e| expr_name(&e));
            syntax(&format!("'{name}' is an illegal expression for augmented assignment"), loc)
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => syntax("Generator expression must be parenthesized", loc),
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            syntax("iterable argument unpacking follows keyword argument unpacking", TextRange::new(loc.start(), loc.start() + TextSize::new(1)))
        }
        ParseErrorType::PositionalAfterKeywordArgument => syntax("positional argument follows keyword argument", loc),
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            syntax("positional argument follows keyword argument unpacking", loc)
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => syntax("non-default argument follows default argument", loc),
        ParseErrorType::ParamAfterVarKeywordParam => syntax("arguments cannot follow var-keyword argument", loc),
        ParseErrorType::ExpectedKeywordParam => syntax("named arguments must follow bare *", loc),
        ParseErrorType::UnexpectedIndentation => {
            let (_, col) = index.line_col(loc.end());
            let mut e = index.parse_error(ErrorKind::IndentationError, "unexpected indent", loc);
            e.lineno = index.line_number(loc.end());
            e.end_lineno = e.lineno;
            e.offset = col;
            e.end_offset = 0;
            e.text = Some(index.parser_text(e.lineno - 1));
            e
        }
        ParseErrorType::OtherError(m) if m.starts_with("Expected an indented block after") => {
            let (clause, keywords) = clause_name(m).unwrap_or(("statement", &[]));
            let line = index.line_number(loc.start());
            let header = header_line(index, line, keywords);
            index.parse_error(
                ErrorKind::IndentationError,
                format!("expected an indented block after {clause} on line {header}"),
                loc,
            )
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
        ParseErrorType::OtherError(m) if m == "Expected a parameter name" => {
            let word = source.get(loc.start().to_usize()..loc.end().to_usize()).unwrap_or("");
            if matches!(word, "True" | "False" | "None" | "__debug__") {
                let end = next_token_end(b, loc.end().to_usize() + 1);
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
            e.end_offset = 0;
            e
        }
        LexicalErrorType::UnrecognizedToken { tok } => {
            if tok.is_ascii() {
                syntax("invalid syntax", loc)
            } else {
                syntax(&format!("invalid character '{tok}' (U+{:04X})", *tok as u32), loc)
            }
        }
        LexicalErrorType::UnclosedStringError => {
            let line = index.line_number(loc.start());
            syntax(&format!("unterminated string literal (detected at line {line})"), TextRange::empty(loc.start()))
        }
        LexicalErrorType::Eof => syntax("unexpected EOF while parsing", TextRange::empty(loc.start())),
        LexicalErrorType::InvalidByteLiteral => {
            let s = string_start(source.as_bytes(), quote_before(source.as_bytes(), loc.start().to_usize()));
            syntax("bytes can only contain ASCII literal characters", TextRange::new(TextSize::new(s as u32), loc.end()))
        }
        LexicalErrorType::UnicodeError => syntax("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape", loc),
        LexicalErrorType::LineContinuationError => syntax("unexpected character after line continuation character", loc),
        LexicalErrorType::OtherError(m) if m.contains("Invalid decimal integer literal") => index.token_error(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            TextRange::new(loc.start(), loc.start() + TextSize::new(1)),
        ),
        LexicalErrorType::OtherError(m) if m.contains("decimal literal") => index.token_error("invalid decimal literal", loc),
        _ => syntax("invalid syntax", loc),
    }
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

fn legacy_print(word: &str, s0: usize, loc: TextRange, index: &LineIndex<'_>) -> CompileError {
    index.parse_error(
        ErrorKind::SyntaxError,
        format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?"),
        TextRange::new(TextSize::new(s0 as u32), loc.end()),
    )
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
    match &e {
        Some(Expr::Yield(_) | Expr::YieldFrom(_))
            if is_assign && !text.trim_start().starts_with('(') && !source[..loc.start().to_usize()].trim_end().ends_with('(') =>
        {
            syntax("assignment to yield expression not possible", loc)
        }
        Some(Expr::NoneLiteral(_) | Expr::BooleanLiteral(_)) => {
            syntax(&format!("cannot assign to {}", expr_name(e.as_ref().expect("checked"))), loc)
        }
        Some(x) if is_assign && !matches!(x, Expr::List(_) | Expr::Tuple(_) | Expr::Generator(_)) => syntax(
            &format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(x)),
            loc,
        ),
        Some(x) => syntax(&format!("cannot assign to {}", expr_name(x)), loc),
        None => syntax("invalid syntax", loc),
    }
}

pub fn map_unsupported(u: &UnsupportedSyntaxError, index: &LineIndex<'_>) -> CompileError {
    let syntax = |msg: &str, r: TextRange| index.parse_error(ErrorKind::SyntaxError, msg, r);
    match u.kind {
        UnsupportedSyntaxErrorKind::TypeParameterList => {
            syntax("expected '('", TextRange::new(u.range.start(), u.range.start() + TextSize::new(1)))
        }
        UnsupportedSyntaxErrorKind::UnpackingInComprehension(_) => {
            syntax("iterable unpacking cannot be used in comprehension", u.range)
        }
        _ => syntax("invalid syntax", u.range),
    }
}
