//! Ferropy's compiler: Python source to code objects.
//!
//! `parse` (ruff's parser) -> `symtable` (scopes) -> `codegen` (bytecode, exception
//! table, stack depth) -> `CodeObject`. Nothing here knows about VM values.

pub mod bytecode;
pub mod code;

pub use code::{CodeObject, Constant};

/// What kind of source `compile` receives, as `compile()`'s mode argument.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or `exec` source: statements.
    Exec,
    /// `eval`: one expression; the code returns its value.
    Eval,
    /// `single` (the REPL): statements; expression statements call `PrintExpr`.
    Single,
}

/// The exception class a compile error maps to.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

/// A SyntaxError (or subclass) with CPython's fields.
#[derive(Clone, Debug)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    /// 1-based line.
    pub lineno: u32,
    /// 1-based column in characters (CPython's `offset`).
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The source line, with its newline, as CPython's `text`.
    pub text: Option<String>,
}

/// Compile flags from `compile()`'s `flags` and `__future__` imports.
#[derive(Copy, Clone, Debug, Default)]
pub struct CompileOptions {
    /// `-O` level: 1 drops asserts and `__debug__` blocks, 2 drops docstrings too.
    pub optimize: u8,
    /// Inherited `from __future__ import annotations`.
    pub future_annotations: bool,
}
