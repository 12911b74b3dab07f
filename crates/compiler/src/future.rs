//! `from __future__ import ...` at the top of a module (CPython's `future.c`).

use crate::parse::LineIndex;
use crate::CompileError;
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

#[derive(Default)]
pub struct Features {
    pub annotations: bool,
    /// The last future import at the top of the file.
    pub location: Option<TextRange>,
}

const KNOWN: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

pub fn check(body: &[Stmt], index: &LineIndex<'_>) -> Result<Features, CompileError> {
    let mut f = Features::default();
    let mut i = 0;
    if let Some(Stmt::Expr(e)) = body.first() {
        if matches!(&*e.value, Expr::StringLiteral(_)) {
            i = 1;
        }
    }
    let mut done = false;
    let mut prev_line = 0;
    for s in &body[i.min(body.len())..] {
        let line = index.line_number(s.range().start());
        if done && line > prev_line {
            break;
        }
        prev_line = line;
        match s {
            Stmt::ImportFrom(imp) if imp.level == 0 && imp.module.as_ref().is_some_and(|m| m.as_str() == "__future__") => {
                if done {
                    // CPython's future pass gives this one the 0-based column (a
                    // later line is the compiler's error, located as usual).
                    let mut e = future_error(index, "from __future__ imports must occur at the beginning of the file", imp.range);
                    e.offset -= 1;
                    return Err(e);
                }
                for a in &imp.names {
                    let name = a.name.as_str();
                    if name == "annotations" {
                        f.annotations = true;
                    } else if name == "braces" {
                        return Err(future_error(index, "not a chance", imp.range));
                    } else if !KNOWN.contains(&name) {
                        return Err(future_error(index, &format!("future feature {name} is not defined"), imp.range));
                    }
                }
                f.location = Some(imp.range);
            }
            _ => done = true,
        }
    }
    Ok(f)
}

/// An error of the future-import pass: located at the statement's line and
/// column only, without an end column.
fn future_error(index: &LineIndex<'_>, msg: &str, range: TextRange) -> crate::CompileError {
    let mut e = index.error(crate::ErrorKind::SyntaxError, msg, range);
    e.end_lineno = e.lineno;
    e.end_offset = crate::CompileError::NO_END;
    e
}
