//! Scopes, as CPython 3.11's `Python/symtable.c` computes them.
//!
//! A first pass (`Builder`) records, for every scope, each name with `DEF_*`/`USE`
//! flags; `analyze` then resolves every name to a `Scope` (local, cell, free, global
//! explicit/implicit) with CPython's algorithm (`analyze_block`, `analyze_name`,
//! `analyze_cells`, `update_symbols`, `drop_class_free`). Codegen finds the scope of a
//! nested function/class/lambda/comprehension by the source range of its node.

use crate::parse::LineIndex;
use crate::{CompileError, ErrorKind};
use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 0x10;
pub const DEF_FREE: u32 = 0x20;
pub const DEF_FREE_CLASS: u32 = 0x40;
pub const DEF_IMPORT: u32 = 0x80;
pub const DEF_ANNOT: u32 = 0x100;
pub const DEF_COMP_ITER: u32 = 0x200;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// Maximum nesting of the recursive walks before a RecursionError, like CPython's
/// "maximum recursion depth exceeded during compilation".
pub const MAX_DEPTH: u32 = 2900;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: Option<Scope>,
}

pub type ScopeId = usize;

#[derive(Clone, Debug)]
pub struct ScopeInfo {
    pub kind: ScopeKind,
    pub name: String,
    pub symbols: HashMap<String, Symbol>,
    /// Parameters in definition order (CPython's ste_varnames).
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    /// Child scopes by the (start, end) byte range of their AST node.
    pub child_map: HashMap<(u32, u32), ScopeId>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    pub comprehension: Option<CompKind>,
    pub needs_class_closure: bool,
    pub is_async_def: bool,
    pub is_lambda: bool,
    free: bool,
    child_free: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    /// Where `global`/`nonlocal` declared each name (for error locations).
    directives: HashMap<String, TextRange>,
    range: TextRange,
}

impl ScopeInfo {
    fn new(kind: ScopeKind, name: &str, range: TextRange) -> ScopeInfo {
        ScopeInfo {
            kind,
            name: name.to_string(),
            symbols: HashMap::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            child_map: HashMap::default(),
            nested: false,
            generator: false,
            coroutine: false,
            varargs: false,
            varkeywords: false,
            comprehension: None,
            needs_class_closure: false,
            is_async_def: false,
            is_lambda: false,
            free: false,
            child_free: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: HashMap::default(),
            range,
        }
    }

    pub fn scope_of(&self, name: &str) -> Option<Scope> {
        self.symbols.get(name).and_then(|s| s.scope)
    }

    pub fn flags_of(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }

    /// Names with the given scope (or any of `extra_flags`), sorted as CPython's
    /// `dictbytype` sorts them.
    pub fn names_by_scope(&self, scope: Scope, extra_flags: u32) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == Some(scope) || s.flags & extra_flags != 0)
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }
}

#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<ScopeInfo>,
}

impl SymbolTable {
    pub fn child(&self, parent: ScopeId, range: TextRange) -> Option<ScopeId> {
        self.scopes[parent].child_map.get(&(range.start().to_u32(), range.end().to_u32())).copied()
    }
}

/// `_Py_Mangle`: `__x` inside class `C` becomes `_C__x`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(p) = private else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = p.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

pub struct Builder<'a> {
    pub table: SymbolTable,
    stack: Vec<ScopeId>,
    private: Option<String>,
    index: &'a LineIndex<'a>,
    future_annotations: bool,
    depth: u32,
}

type R<T = ()> = Result<T, CompileError>;

pub fn build(
    body: BuildInput<'_>,
    index: &LineIndex<'_>,
    future_annotations: bool,
) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        table: SymbolTable { scopes: vec![ScopeInfo::new(ScopeKind::Module, "top", TextRange::default())] },
        stack: vec![0],
        private: None,
        index,
        future_annotations,
        depth: 0,
    };
    match body {
        BuildInput::Module(stmts) => b.visit_body(stmts)?,
        BuildInput::Expr(e) => b.visit_expr(e)?,
    }
    let mut global = HashSet::default();
    let mut free = HashSet::default();
    b.analyze_block(0, None, &mut free, &mut global)?;
    Ok(b.table)
}

pub enum BuildInput<'a> {
    Module(&'a [Stmt]),
    Expr(&'a Expr),
}

impl<'a> Builder<'a> {
    fn cur(&mut self) -> &mut ScopeInfo {
        let id = *self.stack.last().expect("scope stack");
        &mut self.table.scopes[id]
    }

    fn err(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.index.error(ErrorKind::SyntaxError, msg, range)
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, range: TextRange) -> ScopeId {
        let parent = *self.stack.last().expect("scope stack");
        let mut s = ScopeInfo::new(kind, name, range);
        let p = &self.table.scopes[parent];
        s.nested = p.nested || p.kind == ScopeKind::Function;
        s.comp_iter_expr = p.comp_iter_expr;
        let id = self.table.scopes.len();
        self.table.scopes.push(s);
        let p = &mut self.table.scopes[parent];
        p.children.push(id);
        p.child_map.insert((range.start().to_u32(), range.end().to_u32()), id);
        self.stack.push(id);
        id
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn lookup(&mut self, name: &str) -> u32 {
        let m = mangle(self.private.as_deref(), name);
        self.cur().flags_of(&m)
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R {
        let id = *self.stack.last().expect("scope stack");
        self.add_def_in(id, name, flag, range)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32, range: TextRange) -> R {
        let mangled = mangle(self.private.as_deref(), name);
        let ste = &mut self.table.scopes[id];
        let mut val = flag;
        if let Some(sym) = ste.symbols.get(&mangled) {
            if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
                return Err(self.err(format!("duplicate argument '{name}' in function definition"), range));
            }
            val |= sym.flags;
        }
        if ste.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.err(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    range,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        ste.symbols.insert(mangled.clone(), Symbol { flags: val, scope: None });
        if flag & DEF_PARAM != 0 {
            ste.varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            let module = &mut self.table.scopes[0];
            let prev = module.symbols.get(&mangled).map_or(0, |s| s.flags);
            module.symbols.insert(mangled, Symbol { flags: flag | prev, scope: None });
        }
        Ok(())
    }

    fn deeper(&mut self, range: TextRange) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.index.error(
                ErrorKind::RecursionError,
                "maximum recursion depth exceeded during compilation",
                range,
            ));
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        self.deeper(s.range())?;
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => self.visit_function_def(f),
            Stmt::ClassDef(c) => self.visit_class_def(c),
            Stmt::Return(r) => self.visit_opt(r.value.as_deref()),
            Stmt::Delete(d) => self.visit_exprs(&d.targets),
            Stmt::Assign(a) => {
                self.visit_exprs(&a.targets)?;
                self.visit_expr(&a.value)
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)
            }
            Stmt::AnnAssign(a) => self.visit_ann_assign(a),
            Stmt::TypeAlias(t) => Err(self.err("invalid syntax", t.range)),
            Stmt::For(f) => {
                self.mark_module_async(f.is_async);
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&c.body)?;
                }
                Ok(())
            }
            Stmt::With(w) => {
                self.mark_module_async(w.is_async);
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    self.visit_opt(item.optional_vars.as_deref())?;
                }
                self.visit_body(&w.body)
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    self.visit_opt(case.guard.as_deref())?;
                    self.visit_body(&case.body)?;
                }
                Ok(())
            }
            Stmt::Raise(r) => {
                self.visit_opt(r.exc.as_deref())?;
                self.visit_opt(r.cause.as_deref())
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                self.visit_body(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    self.visit_opt(h.type_.as_deref())?;
                    if let Some(n) = &h.name {
                        self.add_def(n.as_str(), DEF_LOCAL, n.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.finalbody)
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                self.visit_opt(a.msg.as_deref())
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.visit_alias(a)?;
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    self.visit_alias(a)?;
                }
                Ok(())
            }
            Stmt::Global(g) => self.visit_global(&g.names, g.range, true),
            Stmt::Nonlocal(g) => self.visit_global(&g.names, g.range, false),
            Stmt::Expr(e) => self.visit_expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
            Stmt::IpyEscapeCommand(c) => Err(self.err("invalid syntax", c.range)),
        }
    }

    fn visit_global(&mut self, names: &[ast::Identifier], range: TextRange, global: bool) -> R {
        for n in names {
            let name = n.as_str();
            let cur = self.lookup(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let what = if global { "global" } else { "nonlocal" };
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {what}")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to {what} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {what}")
                } else {
                    format!("name '{name}' is assigned to before {what} declaration")
                };
                return Err(self.err(msg, range));
            }
            self.add_def(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, range)?;
            let m = mangle(self.private.as_deref(), name);
            self.cur().directives.entry(m).or_insert(range);
        }
        Ok(())
    }

    fn visit_alias(&mut self, a: &ast::Alias) -> R {
        let name = a.asname.as_ref().unwrap_or(&a.name).as_str();
        if name == "*" {
            if self.cur().kind != ScopeKind::Module {
                return Err(self.err("import * only allowed at module level", a.range));
            }
            return Ok(());
        }
        let store = name.split('.').next().unwrap_or(name);
        self.add_def(store, DEF_IMPORT, a.range)
    }

    fn visit_ann_assign(&mut self, a: &ast::StmtAnnAssign) -> R {
        if let Expr::Name(n) = &*a.target {
            let cur = self.lookup(n.id.as_str());
            let id = *self.stack.last().expect("scope stack");
            if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && id != 0 && a.simple {
                let what = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                return Err(self.err(format!("annotated name '{}' can't be {what}", n.id), a.range));
            }
            if a.simple {
                self.add_def(n.id.as_str(), DEF_ANNOT | DEF_LOCAL, n.range)?;
            } else if a.value.is_some() {
                self.add_def(n.id.as_str(), DEF_LOCAL, n.range)?;
            }
        } else {
            self.visit_expr(&a.target)?;
        }
        self.visit_annotation(&a.annotation)?;
        self.visit_opt(a.value.as_deref())
    }

    fn visit_annotation(&mut self, e: &Expr) -> R {
        if self.future_annotations {
            // Never evaluated, so it binds nothing here; CPython's annotation block
            // still refuses what only makes sense when evaluated.
            return match forbidden_in_annotation(e) {
                Some((msg, range)) => Err(self.err(msg, range)),
                None => Ok(()),
            };
        }
        self.visit_expr(e)
    }

    fn visit_parameters_annotations(&mut self, p: &ast::Parameters) -> R {
        for pw in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(a) = &pw.parameter.annotation {
                self.visit_annotation(a)?;
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(a) = &v.annotation {
                self.visit_annotation(a)?;
            }
        }
        for pw in p.kwonlyargs.iter() {
            if let Some(a) = &pw.parameter.annotation {
                self.visit_annotation(a)?;
            }
        }
        if let Some(v) = &p.kwarg {
            if let Some(a) = &v.annotation {
                self.visit_annotation(a)?;
            }
        }
        Ok(())
    }

    fn visit_defaults(&mut self, p: &ast::Parameters) -> R {
        for pw in p.posonlyargs.iter().chain(p.args.iter()) {
            self.visit_opt(pw.default.as_deref())?;
        }
        for pw in p.kwonlyargs.iter() {
            self.visit_opt(pw.default.as_deref())?;
        }
        Ok(())
    }

    fn visit_params(&mut self, p: &ast::Parameters) -> R {
        for pw in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.add_def(pw.parameter.name.as_str(), DEF_PARAM, pw.parameter.name.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(v.name.as_str(), DEF_PARAM, v.name.range)?;
            self.cur().varargs = true;
        }
        if let Some(v) = &p.kwarg {
            self.add_def(v.name.as_str(), DEF_PARAM, v.name.range)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn visit_function_def(&mut self, f: &ast::StmtFunctionDef) -> R {
        self.add_def(f.name.as_str(), DEF_LOCAL, f.name.range)?;
        self.visit_defaults(&f.parameters)?;
        self.visit_parameters_annotations(&f.parameters)?;
        if let Some(r) = &f.returns {
            self.visit_annotation(r)?;
        }
        for d in &f.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        self.enter(ScopeKind::Function, f.name.as_str(), f.range);
        if f.is_async {
            self.cur().coroutine = true;
            self.cur().is_async_def = true;
        }
        self.visit_params(&f.parameters)?;
        self.visit_body(&f.body)?;
        self.exit();
        Ok(())
    }

    fn visit_class_def(&mut self, c: &ast::StmtClassDef) -> R {
        self.add_def(c.name.as_str(), DEF_LOCAL, c.name.range)?;
        if let Some(args) = &c.arguments {
            self.visit_exprs(&args.args)?;
            for k in args.keywords.iter() {
                self.visit_expr(&k.value)?;
            }
        }
        for d in &c.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        self.enter(ScopeKind::Class, c.name.as_str(), c.range);
        let saved = self.private.replace(c.name.to_string());
        let r = self.visit_body(&c.body);
        self.private = saved;
        r?;
        self.exit();
        Ok(())
    }

    fn visit_opt(&mut self, e: Option<&Expr>) -> R {
        match e {
            Some(e) => self.visit_expr(e),
            None => Ok(()),
        }
    }

    fn visit_exprs(&mut self, es: &[Expr]) -> R {
        for e in es {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    pub fn visit_expr(&mut self, e: &Expr) -> R {
        self.deeper(e.range())?;
        let r = self.visit_expr_inner(e);
        self.depth -= 1;
        r
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> R {
        match e {
            Expr::BoolOp(b) => self.visit_exprs(&b.values),
            Expr::Named(n) => self.visit_named(n),
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_defaults(p)?;
                }
                self.enter(ScopeKind::Function, "lambda", l.range);
                self.cur().is_lambda = true;
                if let Some(p) = &l.parameters {
                    self.visit_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.exit();
                Ok(())
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    self.visit_opt(item.key.as_ref())?;
                    self.visit_expr(&item.value)?;
                }
                Ok(())
            }
            Expr::Set(s) => self.visit_exprs(&s.elts),
            Expr::ListComp(c) => self.visit_comprehension(e, CompKind::List, &c.elt, None, &c.generators),
            Expr::SetComp(c) => self.visit_comprehension(e, CompKind::Set, &c.elt, None, &c.generators),
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.visit_comprehension(e, CompKind::Dict, k, Some(&c.value), &c.generators),
                None => Err(self.err("dict unpacking cannot be used in dict comprehension", c.range)),
            },
            Expr::Generator(c) => self.visit_comprehension(e, CompKind::Gen, &c.elt, None, &c.generators),
            Expr::Await(a) => {
                self.visit_expr(&a.value)?;
                self.cur().coroutine = true;
                Ok(())
            }
            Expr::Yield(y) => {
                self.visit_opt(y.value.as_deref())?;
                self.check_yield_in_comprehension(y.range)?;
                self.cur().generator = true;
                Ok(())
            }
            Expr::YieldFrom(y) => {
                self.visit_expr(&y.value)?;
                self.check_yield_in_comprehension(y.range)?;
                self.cur().generator = true;
                Ok(())
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(&c.arguments.args)?;
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
                Ok(())
            }
            Expr::FString(f) => {
                for el in f.value.elements() {
                    self.visit_interpolated(el)?;
                }
                Ok(())
            }
            Expr::TString(t) => Err(self.err("invalid syntax", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => Ok(()),
            Expr::Attribute(a) => self.visit_expr(&a.value),
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)
            }
            Expr::Starred(s) => self.visit_expr(&s.value),
            Expr::Name(n) => self.visit_name(n),
            Expr::List(l) => self.visit_exprs(&l.elts),
            Expr::Tuple(t) => self.visit_exprs(&t.elts),
            Expr::Slice(s) => {
                self.visit_opt(s.lower.as_deref())?;
                self.visit_opt(s.upper.as_deref())?;
                self.visit_opt(s.step.as_deref())
            }
            Expr::IpyEscapeCommand(c) => Err(self.err("invalid syntax", c.range)),
        }
    }

    fn visit_interpolated(&mut self, el: &ast::InterpolatedStringElement) -> R {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            self.visit_expr(&i.expression)?;
            if let Some(spec) = &i.format_spec {
                for el in spec.elements.iter() {
                    self.visit_interpolated(el)?;
                }
            }
        }
        Ok(())
    }

    fn visit_name(&mut self, n: &ast::ExprName) -> R {
        let load = matches!(n.ctx, ast::ExprContext::Load);
        self.add_def(n.id.as_str(), if load { USE } else { DEF_LOCAL }, n.range)?;
        if load && n.id.as_str() == "super" && self.cur().kind == ScopeKind::Function {
            self.add_def("__class__", USE, n.range)?;
        }
        Ok(())
    }

    fn check_yield_in_comprehension(&mut self, range: TextRange) -> R {
        let kind = match self.cur().comprehension {
            None => return Ok(()),
            Some(CompKind::List) => "list comprehension",
            Some(CompKind::Set) => "set comprehension",
            Some(CompKind::Dict) => "dict comprehension",
            Some(CompKind::Gen) => "generator expression",
        };
        Err(self.err(format!("'yield' inside {kind}"), range))
    }

    fn visit_named(&mut self, n: &ast::ExprNamed) -> R {
        if self.cur().comp_iter_expr > 0 {
            return Err(self.err("assignment expression cannot be used in a comprehension iterable expression", n.range));
        }
        if self.cur().comprehension.is_some() {
            self.extend_namedexpr_scope(&n.target)?;
        }
        self.visit_expr(&n.value)?;
        self.visit_expr(&n.target)
    }

    fn extend_namedexpr_scope(&mut self, target: &Expr) -> R {
        let Expr::Name(name) = target else { return Ok(()) };
        let tname = name.id.as_str();
        let range = name.range;
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let ste = &self.table.scopes[id];
            if ste.comprehension.is_some() {
                if ste.flags_of(&mangle(self.private.as_deref(), tname)) & DEF_COMP_ITER != 0 {
                    return Err(self.err(
                        format!("assignment expression cannot rebind comprehension iteration variable '{tname}'"),
                        range,
                    ));
                }
                continue;
            }
            match ste.kind {
                ScopeKind::Function => {
                    let cur = ste.flags_of(&mangle(self.private.as_deref(), tname));
                    let flag = if cur & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(tname, flag, range)?;
                    let m = mangle(self.private.as_deref(), tname);
                    self.cur().directives.entry(m).or_insert(range);
                    return self.add_def_in(id, tname, DEF_LOCAL, range);
                }
                ScopeKind::Module => {
                    self.add_def(tname, DEF_GLOBAL, range)?;
                    let m = mangle(self.private.as_deref(), tname);
                    self.cur().directives.entry(m).or_insert(range);
                    return self.add_def_in(id, tname, DEF_GLOBAL, range);
                }
                ScopeKind::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        range,
                    ));
                }
            }
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        elt: &Expr,
        value: Option<&Expr>,
        generators: &[ast::Comprehension],
    ) -> R {
        let Some(outermost) = generators.first() else { return Ok(()) };
        self.cur().comp_iter_expr += 1;
        let r = self.visit_expr(&outermost.iter);
        self.cur().comp_iter_expr -= 1;
        r?;
        let name = match kind {
            CompKind::List => "listcomp",
            CompKind::Set => "setcomp",
            CompKind::Dict => "dictcomp",
            CompKind::Gen => "genexpr",
        };
        self.enter(ScopeKind::Function, name, e.range());
        self.cur().comprehension = Some(kind);
        if outermost.is_async {
            self.cur().coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, outermost.range)?;
        self.cur().comp_iter_target = true;
        let r = self.visit_expr(&outermost.target);
        self.cur().comp_iter_target = false;
        r?;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.cur().comp_iter_target = true;
            let r = self.visit_expr(&g.target);
            self.cur().comp_iter_target = false;
            r?;
            self.cur().comp_iter_expr += 1;
            let r = self.visit_expr(&g.iter);
            self.cur().comp_iter_expr -= 1;
            r?;
            self.visit_exprs(&g.ifs)?;
            if g.is_async {
                self.cur().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(elt)?;
            self.visit_expr(v)?;
        } else {
            self.visit_expr(elt)?;
        }
        if kind == CompKind::Gen {
            self.cur().generator = true;
        }
        // An async list/set/dict comprehension makes the comprehension around it
        // async too (a genexp around it is an async generator expression).
        let is_async = self.cur().coroutine && kind != CompKind::Gen;
        self.exit();
        if is_async && (self.cur().comprehension.is_some() || self.cur().kind == ScopeKind::Module) {
            self.cur().coroutine = true;
        }
        Ok(())
    }

    /// An `async for`/`async with` at module level makes the module a coroutine
    /// where top-level await is allowed (the compiler rejects it elsewhere).
    fn mark_module_async(&mut self, is_async: bool) {
        if is_async && self.cur().kind == ScopeKind::Module {
            self.cur().coroutine = true;
        }
    }

    fn visit_pattern(&mut self, p: &Pattern) -> R {
        self.deeper(p.range())?;
        let r = self.visit_pattern_inner(p);
        self.depth -= 1;
        r
    }

    fn visit_pattern_inner(&mut self, p: &Pattern) -> R {
        match p {
            Pattern::MatchValue(v) => self.visit_expr(&v.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(s) => {
                for p in &s.patterns {
                    self.visit_pattern(p)?;
                }
                Ok(())
            }
            Pattern::MatchMapping(m) => {
                self.visit_exprs(&m.keys)?;
                for p in m.patterns.iter() {
                    self.visit_pattern(p)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(r.as_str(), DEF_LOCAL, r.range)?;
                }
                Ok(())
            }
            Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                for p in c.arguments.patterns.iter() {
                    self.visit_pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.visit_pattern(&k.pattern)?;
                }
                Ok(())
            }
            Pattern::MatchStar(s) => match &s.name {
                Some(n) => self.add_def(n.as_str(), DEF_LOCAL, n.range),
                None => Ok(()),
            },
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.visit_pattern(p)?;
                }
                match &a.name {
                    Some(n) => self.add_def(n.as_str(), DEF_LOCAL, n.range),
                    None => Ok(()),
                }
            }
            Pattern::MatchOr(o) => {
                for p in &o.patterns {
                    self.visit_pattern(p)?;
                }
                Ok(())
            }
        }
    }

    // ---- analysis (symtable.c: analyze_block and friends) ----

    fn analyze_block(
        &mut self,
        id: ScopeId,
        mut bound: Option<&mut HashSet<String>>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> R {
        let kind = self.table.scopes[id].kind;
        let mut local = HashSet::default();
        let mut scopes: HashMap<String, Scope> = HashMap::default();
        let mut newglobal = HashSet::default();
        let mut newfree = HashSet::default();
        let mut newbound = HashSet::default();
        if kind == ScopeKind::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let mut names: Vec<(String, u32)> =
            self.table.scopes[id].symbols.iter().map(|(n, s)| (n.clone(), s.flags)).collect();
        names.sort();
        for (name, flags) in names {
            self.analyze_name(id, &mut scopes, &name, flags, bound.as_deref_mut(), &mut local, free, global)?;
        }
        if kind != ScopeKind::Class {
            if kind == ScopeKind::Function {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }
        let children = self.table.scopes[id].children.clone();
        let mut allfree = HashSet::default();
        for child in children {
            let mut temp_bound = newbound.clone();
            let mut temp_free = newfree.clone();
            let mut temp_global = newglobal.clone();
            self.analyze_block(child, Some(&mut temp_bound), &mut temp_free, &mut temp_global)?;
            allfree.extend(temp_free);
            let c = &self.table.scopes[child];
            if c.free || c.child_free {
                self.table.scopes[id].child_free = true;
            }
        }
        newfree.extend(allfree);
        if kind == ScopeKind::Function {
            analyze_cells(&mut scopes, &mut newfree);
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            self.table.scopes[id].needs_class_closure = true;
        }
        self.update_symbols(id, &scopes, bound.as_deref(), &newfree, kind == ScopeKind::Class);
        free.extend(newfree);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        id: ScopeId,
        scopes: &mut HashMap<String, Scope>,
        name: &str,
        flags: u32,
        bound: Option<&mut HashSet<String>>,
        local: &mut HashSet<String>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> R {
        let ste = &self.table.scopes[id];
        let dir = ste.directives.get(name).copied().unwrap_or(ste.range);
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(self.err(format!("name '{name}' is nonlocal and global"), dir));
            }
            scopes.insert(name.to_string(), Scope::GlobalExplicit);
            global.insert(name.to_string());
            // Nested scopes see the global, not an enclosing function's binding.
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(());
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(b) = bound else {
                return Err(self.err("nonlocal declaration not allowed at module level", dir));
            };
            if !b.contains(name) {
                return Err(self.err(format!("no binding for nonlocal '{name}' found"), dir));
            }
            scopes.insert(name.to_string(), Scope::Free);
            self.table.scopes[id].free = true;
            free.insert(name.to_string());
            return Ok(());
        }
        if flags & DEF_BOUND != 0 {
            scopes.insert(name.to_string(), Scope::Local);
            local.insert(name.to_string());
            global.remove(name);
            return Ok(());
        }
        if bound.as_ref().is_some_and(|b| b.contains(name)) {
            scopes.insert(name.to_string(), Scope::Free);
            self.table.scopes[id].free = true;
            free.insert(name.to_string());
            return Ok(());
        }
        if global.contains(name) {
            scopes.insert(name.to_string(), Scope::GlobalImplicit);
            return Ok(());
        }
        if self.table.scopes[id].nested {
            self.table.scopes[id].free = true;
        }
        scopes.insert(name.to_string(), Scope::GlobalImplicit);
        Ok(())
    }

    fn update_symbols(
        &mut self,
        id: ScopeId,
        scopes: &HashMap<String, Scope>,
        bound: Option<&HashSet<String>>,
        free: &HashSet<String>,
        classflag: bool,
    ) {
        let ste = &mut self.table.scopes[id];
        for (name, sym) in ste.symbols.iter_mut() {
            sym.scope = scopes.get(name).copied();
        }
        for name in free {
            if let Some(sym) = ste.symbols.get_mut(name) {
                if classflag && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if bound.is_some_and(|b| !b.contains(name)) {
                continue;
            }
            if bound.is_none() {
                continue;
            }
            ste.symbols.insert(name.clone(), Symbol { flags: DEF_FREE, scope: Some(Scope::Free) });
        }
    }
}

fn analyze_cells(scopes: &mut HashMap<String, Scope>, free: &mut HashSet<String>) {
    for (name, scope) in scopes.iter_mut() {
        if *scope == Scope::Local && free.remove(name) {
            *scope = Scope::Cell;
        }
    }
}

/// The SyntaxError of an unevaluated annotation, as CPython's annotation block
/// gives it: its first yield, await or named expression outside nested lambdas
/// and comprehensions, or a yield inside a comprehension of it.
fn forbidden_in_annotation(e: &Expr) -> Option<(String, TextRange)> {
    use ruff_python_ast::visitor::{walk_expr, Visitor};
    struct Finder {
        found: Option<(String, TextRange)>,
        /// The comprehension being visited ("list comprehension", ...).
        comp: Option<&'static str>,
    }
    impl Finder {
        fn comprehension(&mut self, kind: &'static str, parts: &[&Expr], generators: &[ast::Comprehension]) {
            // The first iterable is evaluated in the annotation's own block.
            if let Some(first) = generators.first() {
                self.visit_expr(&first.iter);
            }
            let outer = self.comp.replace(kind);
            for (i, g) in generators.iter().enumerate() {
                self.visit_expr(&g.target);
                if i > 0 {
                    self.visit_expr(&g.iter);
                }
                for cond in &g.ifs {
                    self.visit_expr(cond);
                }
            }
            for part in parts {
                self.visit_expr(part);
            }
            self.comp = outer;
        }
    }
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, e: &'a Expr) {
            if self.found.is_some() {
                return;
            }
            let in_annotation = |what: &str| format!("'{what}' can not be used within an annotation");
            match e {
                Expr::Yield(_) | Expr::YieldFrom(_) => {
                    let msg = match self.comp {
                        Some(kind) => format!("'yield' inside {kind}"),
                        None => in_annotation("yield expression"),
                    };
                    self.found = Some((msg, e.range()));
                }
                Expr::Await(_) | Expr::Named(_) if self.comp.is_some() => walk_expr(self, e),
                Expr::Await(a) => self.found = Some((in_annotation("await expression"), a.range)),
                Expr::Named(n) => self.found = Some((in_annotation("named expression"), n.range)),
                Expr::Lambda(_) => {}
                Expr::ListComp(c) => self.comprehension("list comprehension", &[&c.elt], &c.generators),
                Expr::SetComp(c) => self.comprehension("set comprehension", &[&c.elt], &c.generators),
                Expr::DictComp(c) => {
                    let parts: Vec<&Expr> = c.key.iter().map(|k| &**k).chain([&*c.value]).collect();
                    self.comprehension("dict comprehension", &parts, &c.generators)
                }
                Expr::Generator(c) => self.comprehension("generator expression", &[&c.elt], &c.generators),
                _ => walk_expr(self, e),
            }
        }
    }
    let mut f = Finder { found: None, comp: None };
    f.visit_expr(e);
    f.found
}
