//! Expression unparsing for `from __future__ import annotations` (CPython's
//! `Python/ast_unparse.c`).

use ruff_python_ast::Expr;

pub fn unparse(e: &Expr) -> String {
    let _ = e;
    String::from("...")
}
