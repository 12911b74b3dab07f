//! Ferropy's compiler: Python source to code objects.
//!
//! `parse` (ruff's parser) -> `symtable` (scopes) -> `codegen` (bytecode, exception
//! table, stack depth) -> `CodeObject`. Nothing here knows about VM values.

mod assemble;
pub mod cache;
pub mod bytecode;
pub mod code;
mod codegen;
pub mod jumps;
pub mod dis;
mod future;
mod parse_errors;
pub mod parse;
pub mod symtable;
mod unparse;
pub mod verify;

pub use code::{CodeObject, Constant};
/// The value of an integer literal (for the `ast` module's constants).
pub use codegen::int_value;

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
    /// Nesting too deep for the compiler's recursive walks (CPython: RecursionError
    /// "maximum recursion depth exceeded during compilation").
    RecursionError,
    /// The parser gave up on deeply nested input (CPython: MemoryError from the
    /// parser's stack, e.g. 10000 unary minuses).
    MemoryError,
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
    /// -1 where CPython has no end column (INDENT/DEDENT tokens);
    /// `CompileError::NO_END` where its `end_offset` is None.
    pub end_offset: i32,
    /// The source line, with its newline, as CPython's `text`.
    pub text: Option<String>,
}

impl CompileError {
    /// `end_offset` of an error located by line and column only (CPython's
    /// `PyErr_SyntaxLocationObject`): `end_offset` is None in Python.
    pub const NO_END: i32 = i32::MIN;
}

/// The warning class of a compile-time warning.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum WarningCategory {
    SyntaxWarning,
    DeprecationWarning,
}

/// A warning CPython's parser or compiler emits through `PyErr_WarnExplicit`
/// (filename, `error.lineno`, `error.msg`). `error` is the SyntaxError that
/// replaces it when a warnings filter turns it into an exception.
#[derive(Clone, Debug)]
pub struct CompileWarning {
    pub category: WarningCategory,
    pub error: CompileError,
}

/// Compile flags from `compile()`'s `flags` and `__future__` imports.
#[derive(Copy, Clone, Debug, Default)]
pub struct CompileOptions {
    /// `-O` level: 1 drops asserts and `__debug__` blocks, 2 drops docstrings too.
    pub optimize: u8,
    /// Inherited `from __future__ import annotations`.
    pub future_annotations: bool,
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT`: `await`, `async for`/`with` and async
    /// comprehensions at module level, which make the module's code a coroutine.
    pub top_level_await: bool,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {} ({}, line {})", self.kind, self.msg, self.filename, self.lineno)
    }
}

impl std::error::Error for CompileError {}

/// Stack size of the compile thread: ruff's parser and the AST's destructor recurse
/// once per nesting level.
const COMPILE_STACK: usize = 512 << 20;

/// Moves a value built entirely on the compile thread back to the caller. The `Rc`s
/// inside are never shared across threads: the compile thread has finished (and
/// dropped every other clone) before the caller sees the value.
struct SendBox<T>(T);
// SAFETY: see above; the value is only touched by one thread at a time, with the
// thread join as the synchronisation point.
unsafe impl<T> Send for SendBox<T> {}

/// Compiles `source` to a code object: `compile(source, filename, mode)`.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
    opts: CompileOptions,
) -> Result<CodeObject, CompileError> {
    compile_with_warnings(source, filename, mode, opts).0
}

/// The result of a compilation and the warnings emitted on the way (also when
/// it failed: those before the error).
pub type CompileOutcome = (Result<CodeObject, CompileError>, Vec<CompileWarning>);

/// `compile`, also returning the compile-time warnings in emission order.
pub fn compile_with_warnings(source: &str, filename: &str, mode: Mode, opts: CompileOptions) -> CompileOutcome {
    let src = source.to_string();
    let fname = filename.to_string();
    let handle = std::thread::Builder::new()
        .name("ferropy-compile".into())
        .stack_size(COMPILE_STACK)
        .spawn(move || SendBox(compile_collecting(&src, &fname, mode, opts)));
    match handle {
        Ok(h) => match h.join() {
            Ok(SendBox(r)) => r,
            Err(_) => (Err(internal_error(filename, "compiler panicked")), Vec::new()),
        },
        // No thread available: compile on the current stack.
        Err(_) => compile_collecting(source, filename, mode, opts),
    }
}

fn compile_collecting(source: &str, filename: &str, mode: Mode, opts: CompileOptions) -> CompileOutcome {
    let index = parse::LineIndex::new(source, filename, mode == Mode::Exec);
    let r = compile_indexed(source, mode, opts, &index);
    (r, index.warnings.take())
}

fn internal_error(filename: &str, msg: &str) -> CompileError {
    CompileError {
        kind: ErrorKind::SyntaxError,
        msg: msg.to_string(),
        filename: filename.to_string(),
        lineno: 1,
        offset: 1,
        end_lineno: 1,
        end_offset: 1,
        text: None,
    }
}

/// `compile` on the current thread's stack.
pub fn compile_here(
    source: &str,
    filename: &str,
    mode: Mode,
    opts: CompileOptions,
) -> Result<CodeObject, CompileError> {
    let index = parse::LineIndex::new(source, filename, mode == Mode::Exec);
    compile_indexed(source, mode, opts, &index)
}

fn compile_indexed(source: &str, mode: Mode, opts: CompileOptions, index: &parse::LineIndex<'_>) -> Result<CodeObject, CompileError> {
    let parsed = parse::parse(source, mode, index)?;
    let (body, top) = match &parsed {
        parse::Parsed::Module(m) => (
            symtable::BuildInput::Module(&m.body),
            if mode == Mode::Single {
                codegen::TopBody::Interactive(&m.body)
            } else {
                codegen::TopBody::Module(&m.body)
            },
        ),
        parse::Parsed::Expr(e) => (symtable::BuildInput::Expr(&e.body), codegen::TopBody::Expr(&e.body)),
    };
    let fut = match &parsed {
        parse::Parsed::Module(m) => future::check(&m.body, index)?,
        parse::Parsed::Expr(_) => future::Features::default(),
    };
    let future_annotations = fut.annotations || opts.future_annotations;
    let table = symtable::build(body, index, future_annotations)?;
    let mut c = codegen::Compiler::new(index, &table, &opts, future_annotations, mode);
    c.future_location = fut.location;
    let code = codegen::compile_top(&mut c, top)?;
    drop(c);
    Ok(std::rc::Rc::try_unwrap(code).unwrap_or_else(|rc| (*rc).clone()))
}

#[cfg(test)]
mod tests;
