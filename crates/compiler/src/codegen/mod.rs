//! Bytecode generation, following CPython 3.11's `Python/compile.c`.
//!
//! One `Unit` per code object being compiled (module, class body, function, lambda,
//! comprehension), kept on a stack. Instructions are emitted into a linear list with
//! symbolic labels and CPython's pseudo-instructions (`SETUP_FINALLY`, `SETUP_CLEANUP`,
//! `SETUP_WITH`, `POP_BLOCK`); `assemble` resolves them into real instructions, the
//! exception table, the stack size and locations.
//!
//! - `stmt.rs`: statements, functions, classes, imports.
//! - `expr.rs`: expressions, calls, comprehensions, f-strings, constants.
//! - `exceptions.rs`: try/except/finally, with, the frame-block stack and unwinding.
//! - `pattern.rs`: match statements.

mod exceptions;
pub(crate) mod expr;
mod pattern;
mod stmt;
mod surrogates;

use crate::assemble::{assemble, UnitOutput};
use crate::bytecode::Op;
use crate::code::{flags, CodeObject, Constant, Location};
use crate::parse::LineIndex;
use crate::symtable::{self, mangle, Scope, ScopeId, ScopeKind, SymbolTable, DEF_FREE_CLASS};
use crate::{CompileError, CompileOptions, ErrorKind, Mode};
use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

pub use expr::int_value;
pub(crate) type R<T = ()> = Result<T, CompileError>;

/// An instruction before assembly: a real opcode or a pseudo-instruction.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum IOp {
    Op(Op),
    /// Pushes an exception handler (`target`); on exception the stack is popped to
    /// the current depth and the exception pushed.
    SetupFinally,
    /// Like `SetupFinally` but also pushes `lasti` below the exception.
    SetupCleanup,
    /// Like `SetupCleanup`, with the handler depth one below the current depth (the
    /// `__enter__` result is not kept).
    SetupWith,
    /// Pops the innermost handler.
    PopBlock,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Label(pub u32);

#[derive(Copy, Clone, Debug)]
pub(crate) struct IInstr {
    pub op: IOp,
    pub arg: u32,
    pub target: Option<Label>,
    pub loc: Location,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone)]
pub(crate) enum FBlockDatum<'a> {
    None,
    Finally(&'a [Stmt]),
    With(TextRange),
    Name(String),
}

#[derive(Clone)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind,
    /// Loop start (the `continue` target).
    pub block: Option<Label>,
    /// Loop exit (the `break` target).
    pub exit: Option<Label>,
    pub datum: FBlockDatum<'a>,
}

/// Dedup key of a constant (CPython's `merge_consts_recursive` keys on type + value).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(Rc<str>),
    SurrogateStr(Rc<[u8]>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Ellipsis,
    Code(usize),
}

fn const_key(c: &Constant, code_counter: &mut usize) -> ConstKey {
    match c {
        Constant::None => ConstKey::None,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Int(i) => ConstKey::Int(i.clone()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex { re, im } => ConstKey::Complex(re.to_bits(), im.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::SurrogateStr(b) => ConstKey::SurrogateStr(b.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(t) => ConstKey::Tuple(t.iter().map(|c| const_key(c, code_counter)).collect()),
        Constant::FrozenSet(t) => ConstKey::FrozenSet(t.iter().map(|c| const_key(c, code_counter)).collect()),
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Code(_) => {
            *code_counter += 1;
            ConstKey::Code(*code_counter)
        }
    }
}

pub(crate) struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: UnitKind,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub instrs: Vec<IInstr>,
    pub labels: Vec<u32>,
    pub consts: Vec<Constant>,
    const_map: HashMap<ConstKey, u32>,
    pub names: Vec<Rc<str>>,
    name_map: HashMap<Rc<str>, u32>,
    pub varnames: Vec<Rc<str>>,
    var_map: HashMap<Rc<str>, u32>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: u32,
    pub fblocks: Vec<FBlock<'a>>,
    pub private: Option<Rc<str>>,
    pub loc: Location,
}

pub(crate) struct Compiler<'a> {
    pub index: &'a LineIndex<'a>,
    pub st: &'a SymbolTable,
    pub filename: Rc<str>,
    pub units: Vec<Unit<'a>>,
    pub optimize: u8,
    pub future_annotations: bool,
    pub top_level_await: bool,
    pub interactive: bool,
    /// Range of the last `from __future__ import` at the top of the module.
    pub future_location: Option<TextRange>,
    pub depth: u32,
    code_counter: usize,
}

/// What a name operation does: `compiler_nameop`'s `Load`/`Store`/`Del`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

impl<'a> Compiler<'a> {
    pub fn new(
        index: &'a LineIndex<'a>,
        st: &'a SymbolTable,
        opts: &CompileOptions,
        future_annotations: bool,
        mode: Mode,
    ) -> Compiler<'a> {
        Compiler {
            index,
            st,
            filename: Rc::from(index.filename),
            units: Vec::new(),
            optimize: opts.optimize,
            future_annotations,
            top_level_await: opts.top_level_await,
            interactive: mode == Mode::Single,
            future_location: None,
            depth: 0,
            code_counter: 0,
        }
    }

    /// Top-level `await` and async constructs are allowed here (CPython's
    /// `IS_TOP_LEVEL_AWAIT`).
    pub(crate) fn is_top_level_await(&self) -> bool {
        self.top_level_await && self.unit_ref().kind == UnitKind::Module
    }

    // ---- errors and locations ----

    pub fn error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.index.error(ErrorKind::SyntaxError, msg, range)
    }

    /// Error at the current instruction location (CPython's `compiler_error`).
    pub fn error_here(&self, msg: impl Into<String>) -> CompileError {
        let loc = self.unit_ref().loc;
        CompileError {
            kind: ErrorKind::SyntaxError,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno: loc.line,
            offset: loc.col + 1,
            end_lineno: loc.end_line,
            end_offset: loc.end_col as i32 + 1,
            text: None,
        }
    }

    pub fn deeper(&mut self, range: TextRange) -> R {
        self.depth += 1;
        if self.depth > symtable::MAX_DEPTH {
            return Err(self.index.error(
                ErrorKind::RecursionError,
                "maximum recursion depth exceeded during compilation",
                range,
            ));
        }
        Ok(())
    }

    pub fn set_loc(&mut self, range: TextRange) {
        let loc = self.index.location(range);
        self.unit().loc = loc;
    }

    pub fn loc(&self) -> Location {
        self.unit_ref().loc
    }

    /// Marks the instructions emitted next as having no line of their own (CPython's
    /// `UNSET_LOC`): the assembler gives them their predecessor's
    /// (`assemble::propagate_lines`).
    pub fn unset_loc(&mut self) {
        self.unit().loc = Location::default();
    }

    pub fn restore_loc(&mut self, loc: Location) {
        self.unit().loc = loc;
    }

    pub fn line_of(&self, offset: TextSize) -> u32 {
        self.index.line_number(offset)
    }

    // ---- units ----

    pub fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("compiler unit")
    }

    pub fn unit_ref(&self) -> &Unit<'a> {
        self.units.last().expect("compiler unit")
    }

    pub fn scope(&self) -> &'a symtable::ScopeInfo {
        &self.st.scopes[self.unit_ref().scope]
    }

    pub fn child_scope(&self, range: TextRange) -> R<ScopeId> {
        self.st
            .child(self.unit_ref().scope, range)
            .ok_or_else(|| self.error("internal error: missing symbol table scope", range))
    }

    pub fn enter_scope(&mut self, name: &str, kind: UnitKind, scope: ScopeId, firstlineno: u32) {
        let ste = &self.st.scopes[scope];
        let mut varnames = Vec::new();
        let mut var_map = HashMap::default();
        for v in &ste.varnames {
            let r: Rc<str> = Rc::from(v.as_str());
            var_map.insert(r.clone(), varnames.len() as u32);
            varnames.push(r);
        }
        let mut cellvars: Vec<Rc<str>> =
            ste.names_by_scope(Scope::Cell, 0).into_iter().map(|s| Rc::from(s.as_str())).collect();
        if ste.needs_class_closure {
            cellvars.insert(0, Rc::from("__class__"));
        }
        let freevars: Vec<Rc<str>> = ste
            .names_by_scope(Scope::Free, DEF_FREE_CLASS)
            .into_iter()
            .map(|s| Rc::from(s.as_str()))
            .collect();
        let private = match kind {
            UnitKind::Class => Some(Rc::from(name)),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let qualname = self.qualname_for(name, kind);
        let loc = Location { line: firstlineno, end_line: firstlineno, col: 0, end_col: 0 };
        self.units.push(Unit {
            scope,
            kind,
            name: Rc::from(name),
            qualname: Rc::from(qualname.as_str()),
            instrs: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_map: HashMap::default(),
            names: Vec::new(),
            name_map: HashMap::default(),
            varnames,
            var_map,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno,
            fblocks: Vec::new(),
            private,
            loc,
        });
    }

    /// `compiler_set_qualname`.
    fn qualname_for(&self, name: &str, kind: UnitKind) -> String {
        let Some(parent) = self.units.last() else { return name.to_string() };
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        let mut force_global = false;
        if matches!(kind, UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.st.scopes[parent.scope].scope_of(&mangled) == Some(Scope::GlobalExplicit) {
                force_global = true;
            }
        }
        if force_global {
            return name.to_string();
        }
        let base = match parent.kind {
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda => {
                format!("{}.<locals>", parent.qualname)
            }
            _ => parent.qualname.to_string(),
        };
        format!("{base}.{name}")
    }

    /// The implicit `return None` at the end of a body, once for falling off the end
    /// and once for each jump to the end, each on the line of the instruction that
    /// leads to it (CPython's `duplicate_exits_without_lineno`): the line a 'return'
    /// trace event and a finished frame report.
    pub(crate) fn implicit_returns(&mut self, ret: impl Fn(&mut Self)) {
        let u = self.unit_ref();
        let end = u.instrs.len();
        // Where a jump to `l` lands, through unconditional jumps (which CPython
        // threads) and block ends.
        let lands = |l: Label| {
            let mut p = u.labels[l.0 as usize] as usize;
            for _ in 0..16 {
                match u.instrs.get(p) {
                    Some(IInstr { op: IOp::PopBlock, .. }) => p += 1,
                    Some(IInstr { op: IOp::Op(Op::Jump), target: Some(t), .. }) => p = u.labels[t.0 as usize] as usize,
                    _ => break,
                }
            }
            p
        };
        let jumps: Vec<usize> = (0..u.instrs.len())
            .filter(|&i| {
                let ins = &u.instrs[i];
                matches!(ins.op, IOp::Op(op) if op.is_jump()) && ins.target.is_some_and(|l| lands(l) == end)
            })
            .collect();
        if let Some(last) = u.instrs.last().map(|i| i.loc) {
            self.restore_loc(last);
        }
        ret(self);
        for i in jumps {
            let copy = self.new_label();
            self.bind(copy);
            let loc = self.unit_ref().instrs[i].loc;
            self.restore_loc(loc);
            self.unit().instrs[i].target = Some(copy);
            ret(self);
        }
    }

    /// Finishes the current unit: implicit `return None`, assembly, code object.
    pub fn exit_scope(&mut self, add_none_return: bool) -> R<Rc<CodeObject>> {
        // The code falls off its end unless it ends with a return that no jump
        // skips to the end past (a label bound at the end, e.g. `if a: return 1`).
        let u = self.unit_ref();
        let label_at_end = u.labels.iter().any(|&p| p as usize == u.instrs.len());
        let returns = !label_at_end && matches!(u.instrs.last(), Some(IInstr { op: IOp::Op(Op::ReturnValue), .. }));
        if add_none_return && !returns {
            self.implicit_returns(|c| {
                c.load_const(Constant::None);
                c.emit(Op::ReturnValue, 0);
            });
        }
        let unit = self.units.pop().expect("compiler unit");
        let ste = &self.st.scopes[unit.scope];
        let mut fl = 0;
        if ste.kind == ScopeKind::Function {
            fl |= flags::OPTIMIZED | flags::NEWLOCALS;
            if ste.nested {
                fl |= flags::NESTED;
            }
            match (ste.generator, ste.coroutine) {
                (true, false) => fl |= flags::GENERATOR,
                (false, true) => fl |= flags::COROUTINE,
                (true, true) => fl |= flags::ASYNC_GENERATOR,
                _ => {}
            }
            if ste.varargs {
                fl |= flags::VARARGS;
            }
            if ste.varkeywords {
                fl |= flags::VARKEYWORDS;
            }
        }
        if ste.kind == ScopeKind::Module && self.top_level_await && ste.coroutine && !ste.generator {
            fl |= flags::COROUTINE;
        }
        if self.future_annotations {
            fl |= flags::FUTURE_ANNOTATIONS;
        }
        let out = assemble(UnitOutput {
            instrs: &unit.instrs,
            labels: &unit.labels,
            firstlineno: unit.firstlineno,
        })
        .map_err(|m| self.error(m, TextRange::default()))?;
        let cell2arg = unit
            .cellvars
            .iter()
            .map(|c| unit.varnames.iter().position(|v| v == c).map(|p| p as u32))
            .map(|p| p.filter(|&p| (p as usize) < ste.varnames.len()))
            .collect();
        Ok(Rc::new(CodeObject {
            name: unit.name,
            qualname: unit.qualname,
            filename: self.filename.clone(),
            firstlineno: unit.firstlineno,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            flags: fl,
            stacksize: out.stacksize,
            instructions: out.instructions,
            locations: out.locations,
            exception_table: out.exception_table,
            consts: unit.consts,
            names: unit.names,
            varnames: unit.varnames,
            cellvars: unit.cellvars,
            freevars: unit.freevars,
            cell2arg,
        }))
    }

    // ---- emission ----

    pub fn emit(&mut self, op: Op, arg: u32) {
        let u = self.unit();
        let loc = u.loc;
        u.instrs.push(IInstr { op: IOp::Op(op), arg, target: None, loc });
    }

    pub fn emit_jump(&mut self, op: Op, target: Label) {
        let u = self.unit();
        let loc = u.loc;
        u.instrs.push(IInstr { op: IOp::Op(op), arg: 0, target: Some(target), loc });
    }

    /// A jump with no line of its own (CPython's `ADDOP_JUMP_NOLINE`); the current
    /// location stays for what follows.
    pub fn emit_jump_noline(&mut self, op: Op, target: Label) {
        self.unit().instrs.push(IInstr { op: IOp::Op(op), arg: 0, target: Some(target), loc: Location::default() });
    }

    pub fn emit_setup(&mut self, op: IOp, target: Label) {
        let u = self.unit();
        let loc = u.loc;
        u.instrs.push(IInstr { op, arg: 0, target: Some(target), loc });
    }

    pub fn emit_pop_block(&mut self) {
        let u = self.unit();
        let loc = u.loc;
        u.instrs.push(IInstr { op: IOp::PopBlock, arg: 0, target: None, loc });
    }

    pub fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(u32::MAX);
        Label(u.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, l: Label) {
        let u = self.unit();
        u.labels[l.0 as usize] = u.instrs.len() as u32;
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        let key = const_key(&c, &mut self.code_counter);
        let u = self.units.last_mut().expect("compiler unit");
        if let Some(&i) = u.const_map.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        u.const_map.insert(key, i);
        i
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Op::LoadConst, i);
    }

    /// Index of `name` in `co_names`, unmangled.
    pub fn name_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_map.get(name) {
            return i;
        }
        let r: Rc<str> = Rc::from(name);
        let i = u.names.len() as u32;
        u.names.push(r.clone());
        u.name_map.insert(r, i);
        i
    }

    /// `ADDOP_NAME`: mangles, then indexes `co_names`.
    pub fn emit_name(&mut self, op: Op, name: &str) {
        let m = self.mangle(name);
        let i = self.name_index(&m);
        self.emit(op, i);
    }

    pub fn mangle(&self, name: &str) -> String {
        mangle(self.unit_ref().private.as_deref(), name)
    }

    fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.var_map.get(name) {
            return i;
        }
        let r: Rc<str> = Rc::from(name);
        let i = u.varnames.len() as u32;
        u.varnames.push(r.clone());
        u.var_map.insert(r, i);
        i
    }

    /// Index of a cell or free variable in the cellvars-then-freevars space.
    pub fn deref_index(&self, name: &str, cell: bool) -> Option<u32> {
        let u = self.unit_ref();
        if cell {
            u.cellvars.iter().position(|c| &**c == name).map(|i| i as u32)
        } else {
            u.freevars.iter().position(|c| &**c == name).map(|i| (i + u.cellvars.len()) as u32)
        }
    }

    /// `compiler_nameop`.
    pub fn nameop(&mut self, name: &str, ctx: Ctx) -> R {
        if name == "__debug__" && ctx != Ctx::Load {
            let what = if ctx == Ctx::Store { "assign to" } else { "delete" };
            return Err(self.error_here(format!("cannot {what} __debug__")));
        }
        let mangled = self.mangle(name);
        let ste = self.scope();
        let is_func = ste.kind == ScopeKind::Function;
        let scope = ste.scope_of(&mangled);
        enum T {
            Fast,
            Deref(u32),
            Global,
            Name,
        }
        let t = match scope {
            Some(Scope::Free) => T::Deref(self.deref_index(&mangled, false).unwrap_or(0)),
            Some(Scope::Cell) => T::Deref(self.deref_index(&mangled, true).unwrap_or(0)),
            Some(Scope::Local) if is_func => T::Fast,
            Some(Scope::GlobalImplicit) if is_func => T::Global,
            Some(Scope::GlobalExplicit) => T::Global,
            _ => T::Name,
        };
        match t {
            T::Fast => {
                let i = self.varname_index(&mangled);
                let op = match ctx {
                    Ctx::Load => Op::LoadFast,
                    Ctx::Store => Op::StoreFast,
                    Ctx::Del => Op::DeleteFast,
                };
                self.emit(op, i);
            }
            T::Deref(i) => {
                let op = match ctx {
                    Ctx::Load if ste.kind == ScopeKind::Class => Op::LoadClassDeref,
                    Ctx::Load => Op::LoadDeref,
                    Ctx::Store => Op::StoreDeref,
                    Ctx::Del => Op::DeleteDeref,
                };
                self.emit(op, i);
            }
            T::Global | T::Name => {
                let global = matches!(t, T::Global);
                let op = match (ctx, global) {
                    (Ctx::Load, true) => Op::LoadGlobal,
                    (Ctx::Store, true) => Op::StoreGlobal,
                    (Ctx::Del, true) => Op::DeleteGlobal,
                    (Ctx::Load, false) => Op::LoadName,
                    (Ctx::Store, false) => Op::StoreName,
                    (Ctx::Del, false) => Op::DeleteName,
                };
                let i = self.name_index(&mangled);
                self.emit(op, i);
            }
        }
        Ok(())
    }

    /// `compiler_make_closure`: `[.., code] -> [.., function]` with the closure tuple.
    pub fn make_closure(&mut self, code: Rc<CodeObject>, mut fflags: u32) {
        if !code.freevars.is_empty() {
            for name in code.freevars.iter() {
                let in_class = self.unit_ref().kind == UnitKind::Class;
                let cell = if in_class && &**name == "__class__" {
                    true
                } else {
                    self.scope().scope_of(name) == Some(Scope::Cell)
                };
                let idx = self
                    .deref_index(name, cell)
                    .or_else(|| self.deref_index(name, !cell))
                    .unwrap_or(0);
                self.emit(Op::LoadClosure, idx);
            }
            self.emit(Op::BuildTuple, code.freevars.len() as u32);
            fflags |= 8;
        }
        self.load_const(Constant::Code(code));
        self.emit(Op::MakeFunction, fflags);
    }

    /// The docstring of a body, if its first statement is a plain string.
    pub fn docstring(body: &[Stmt]) -> Option<&ast::ExprStringLiteral> {
        if let Some(Stmt::Expr(e)) = body.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                return Some(s);
            }
        }
        None
    }

    /// Start of the `def`/`class` keyword (or `async`) of a definition statement: the
    /// statement's CPython location, excluding decorators.
    pub fn def_start(&self, stmt_range: TextRange, name: &ast::Identifier, has_decorators: bool) -> TextSize {
        if !has_decorators {
            return stmt_range.start();
        }
        let src = self.index.source.as_bytes();
        let mut i = name.range.start().to_usize();
        // Skip back over whitespace/continuations, then the keyword.
        let skip_ws = |mut i: usize| {
            while i > 0 && matches!(src[i - 1], b' ' | b'\t' | b'\x0c' | b'\\' | b'\n' | b'\r') {
                i -= 1;
            }
            i
        };
        i = skip_ws(i);
        while i > 0 && src[i - 1].is_ascii_alphabetic() {
            i -= 1;
        }
        let kw_start = i;
        let j = skip_ws(i);
        if j >= 5 && &src[j - 5..j] == b"async" {
            return TextSize::new((j - 5) as u32);
        }
        TextSize::new(kw_start as u32)
    }
}

/// Compiles a parsed module or expression into the top-level code object.
pub(crate) fn compile_top<'a>(
    c: &mut Compiler<'a>,
    body: TopBody<'a>,
) -> R<Rc<CodeObject>> {
    c.enter_scope("<module>", UnitKind::Module, 0, 1);
    match body {
        TopBody::Module(stmts) => {
            if let Some(first) = stmts.first() {
                c.set_loc(first.range());
            }
            c.compile_body(stmts)?;
            c.exit_scope(true)
        }
        TopBody::Interactive(stmts) => {
            if let Some(first) = stmts.first() {
                c.set_loc(first.range());
            }
            if stmt::find_ann(stmts) {
                c.emit(Op::SetupAnnotations, 0);
            }
            for s in stmts {
                c.visit_stmt(s)?;
            }
            c.exit_scope(true)
        }
        TopBody::Expr(e) => {
            c.set_loc(e.range());
            c.visit_expr(e)?;
            c.emit(Op::ReturnValue, 0);
            c.exit_scope(false)
        }
    }
}

pub(crate) enum TopBody<'a> {
    Module(&'a [Stmt]),
    Interactive(&'a [Stmt]),
    Expr(&'a Expr),
}
