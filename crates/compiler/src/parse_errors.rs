//! Mapping ruff's parse errors to CPython 3.11's SyntaxError messages and positions.

use crate::parse::LineIndex;
use crate::{CompileError, ErrorKind};
use ruff_python_parser::{ParseError, UnsupportedSyntaxError};
use ruff_text_size::{TextRange, TextSize};

/// Checks done before parsing (nesting depth), so that the parser never recurses
/// deeper than it can.
pub fn precheck(source: &str, index: &LineIndex<'_>) -> Result<(), CompileError> {
    check_paren_depth(source, index)
}

/// CPython's tokenizer limit on bracket nesting (MAXLEVEL).
const MAX_PAREN_LEVEL: usize = 200;

/// "too many nested parentheses" as CPython's tokenizer reports it; strings and
/// comments are skipped.
fn check_paren_depth(source: &str, index: &LineIndex<'_>) -> Result<(), CompileError> {
    let b = source.as_bytes();
    let mut i = 0;
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
            }
            q @ (b'\'' | b'"') => {
                i = skip_string(b, i, q);
                continue;
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_PAREN_LEVEL {
                    let at = TextSize::new(i as u32);
                    return Err(index.parse_error(
                        ErrorKind::SyntaxError,
                        "too many nested parentheses",
                        TextRange::new(at, at + TextSize::new(1)),
                    ));
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Index just past the string literal whose opening quote is at `i`.
fn skip_string(b: &[u8], i: usize, q: u8) -> usize {
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
                return j + 1;
            }
            if b.len() >= j + 3 && b[j + 1] == q && b[j + 2] == q {
                return j + 3;
            }
        } else if !triple && (c == b'\n' || c == b'\r') {
            return j;
        }
        j += 1;
    }
    j
}

pub fn map_parse_error(err: &ParseError, _source: &str, index: &LineIndex<'_>) -> CompileError {
    index.parse_error(ErrorKind::SyntaxError, "invalid syntax", err.location)
}

pub fn map_unsupported(u: &UnsupportedSyntaxError, index: &LineIndex<'_>) -> CompileError {
    index.parse_error(ErrorKind::SyntaxError, "invalid syntax", u.range)
}
