//! Code objects as the compiler produces them: plain Rust data, no VM values.
//! The VM turns a `CodeObject` into its heap `code` object, converting constants once.

use crate::bytecode::Instr;
use num_bigint::BigInt;
use std::rc::Rc;

/// `co_flags` bits, CPython's values.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
    pub const COROUTINE: u32 = 0x80;
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// `from __future__ import annotations` (CO_FUTURE_ANNOTATIONS).
    pub const FUTURE_ANNOTATIONS: u32 = 0x100_0000;
}

/// A compile-time constant.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex { re: f64, im: f64 },
    Str(Rc<str>),
    /// A str holding lone surrogates, as generalized UTF-8 (each surrogate encoded
    /// on its own in 3 bytes); only literals with `\ud800`-style escapes make one.
    SurrogateStr(Rc<[u8]>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    /// A frozenset of constants (set displays folded by the compiler), elements in
    /// source order; the VM adds them in that order as CPython's constant does.
    FrozenSet(Rc<[Constant]>),
    Ellipsis,
    Code(Rc<CodeObject>),
}

/// Source position of one instruction: 1-based lines, 0-based UTF-8 byte columns
/// as CPython's `co_positions()` reports them.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One entry of the zero-cost exception table (CPython 3.11's format, decoded): an
/// exception raised by an instruction in `start..end` pops the value stack down to
/// `depth`, pushes the instruction index as an int if `push_lasti`, pushes the
/// exception, and jumps to `target`. Entries do not overlap; the innermost handler
/// of each instruction is the one recorded.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

#[derive(Clone, Debug, Default)]
pub struct CodeObject {
    /// `co_name`: function name, `<module>`, `<lambda>`, `<listcomp>`, class name...
    pub name: Rc<str>,
    /// `co_qualname`: `Outer.method.<locals>.inner`.
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// `flags::*` bits.
    pub flags: u32,
    /// Maximum value-stack depth reached by the instructions.
    pub stacksize: u32,
    pub instructions: Vec<Instr>,
    /// One entry per instruction.
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionEntry>,
    /// `co_consts`. The docstring, if any, is `consts[0]` and `flags` says nothing of it
    /// (as in CPython 3.11); functions without one have `None` first.
    pub consts: Vec<Constant>,
    /// `co_names`: attribute, global and imported names.
    pub names: Vec<Rc<str>>,
    /// `co_varnames`: arguments first (positional, keyword-only, *args, **kwargs), then
    /// other locals.
    pub varnames: Vec<Rc<str>>,
    /// `co_cellvars`: locals captured by inner scopes.
    pub cellvars: Vec<Rc<str>>,
    /// `co_freevars`: variables of enclosing scopes.
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar, the index in varnames of the argument it starts from, if the
    /// cell holds an argument (the VM copies the argument into the cell on entry).
    pub cell2arg: Vec<Option<u32>>,
}

impl CodeObject {
    /// The line of instruction `i`, for tracebacks and `f_lineno`. An instruction
    /// with no line of its own (line 0: compiler-made code CPython gives no line,
    /// such as a handler's cleanup) reports the nearest line before it.
    pub fn line_at(&self, i: usize) -> u32 {
        let Some(before) = self.locations.get(..=i) else { return self.firstlineno };
        before.iter().rev().map(|l| l.line).find(|&l| l != 0).unwrap_or(self.firstlineno)
    }

    /// The docstring constant if the code has one.
    pub fn docstring(&self) -> Option<&str> {
        match self.consts.first() {
            Some(Constant::Str(s)) => Some(s),
            _ => None,
        }
    }

    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }
}
