//! Statements: `compiler_visit_stmt` and the definitions, loops, imports it calls.

use super::{Compiler, Ctx, FBlockDatum, FBlockKind, UnitKind, R};
use crate::bytecode::{BinOp, Op};
use crate::code::Constant;
use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

/// `find_ann`: does a body (not nested scopes) contain an annotated assignment?
pub(crate) fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

pub(crate) fn binop_of(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Subtract,
        ast::Operator::Mult => BinOp::Multiply,
        ast::Operator::MatMult => BinOp::MatrixMultiply,
        ast::Operator::Div => BinOp::TrueDivide,
        ast::Operator::Mod => BinOp::Remainder,
        ast::Operator::Pow => BinOp::Power,
        ast::Operator::LShift => BinOp::Lshift,
        ast::Operator::RShift => BinOp::Rshift,
        ast::Operator::BitOr => BinOp::Or,
        ast::Operator::BitXor => BinOp::Xor,
        ast::Operator::BitAnd => BinOp::And,
        ast::Operator::FloorDiv => BinOp::FloorDivide,
    }
}

impl<'a> Compiler<'a> {
    /// `compiler_body`: SETUP_ANNOTATIONS, docstring to `__doc__`, statements.
    pub(crate) fn compile_body(&mut self, stmts: &'a [Stmt]) -> R {
        if find_ann(stmts) {
            self.emit(Op::SetupAnnotations, 0);
        }
        let mut rest = stmts;
        if self.optimize < 2 {
            if let Some(doc) = Self::docstring(stmts) {
                if let Some(Stmt::Expr(e)) = stmts.first() {
                    self.set_loc(e.range);
                    self.visit_expr(&e.value)?;
                    let _ = doc;
                    self.nameop("__doc__", Ctx::Store)?;
                    rest = &stmts[1..];
                }
            }
        }
        for s in rest {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    pub(crate) fn visit_stmts(&mut self, stmts: &'a [Stmt]) -> R {
        for s in stmts {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    pub(crate) fn visit_stmt(&mut self, s: &'a Stmt) -> R {
        self.deeper(s.range())?;
        self.set_loc(s.range());
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => self.compile_function_def(f),
            Stmt::ClassDef(c) => self.compile_class_def(c),
            Stmt::Return(r) => self.compile_return(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_target(t, Ctx::Del)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Op::Copy, 1);
                    }
                    self.visit_target(t, Ctx::Store)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.compile_augassign(a),
            Stmt::AnnAssign(a) => self.compile_annassign(a),
            Stmt::TypeAlias(t) => Err(self.error("invalid syntax", t.range)),
            Stmt::For(f) if f.is_async => self.compile_async_for(f),
            Stmt::For(f) => self.compile_for(f),
            Stmt::While(w) => self.compile_while(w),
            Stmt::If(i) => self.compile_if(i),
            Stmt::With(w) => self.compile_with(w, 0),
            Stmt::Match(m) => self.compile_match(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::Raise, n);
                Ok(())
            }
            Stmt::Try(t) => self.compile_try(t),
            Stmt::Assert(a) => self.compile_assert(a),
            Stmt::Import(i) => self.compile_import(i),
            Stmt::ImportFrom(i) => self.compile_import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            // A line of its own for tracing (kept only where no other instruction
            // has that line, `assemble`).
            Stmt::Pass(_) => {
                self.emit(Op::Nop, 0);
                Ok(())
            }
            Stmt::Expr(e) => self.compile_expr_stmt(&e.value),
            Stmt::Break(b) => self.compile_break(b.range),
            Stmt::Continue(c) => self.compile_continue(c.range),
            Stmt::IpyEscapeCommand(c) => Err(self.error("invalid syntax", c.range)),
        }
    }

    fn compile_expr_stmt(&mut self, value: &'a Expr) -> R {
        if self.interactive && self.units.len() <= 1 {
            self.visit_expr(value)?;
            self.emit(Op::PrintExpr, 0);
            return Ok(());
        }
        if Self::is_constant_expr(value) {
            // A constant statement does nothing (CPython emits a NOP for its line).
            self.emit(Op::Nop, 0);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    fn is_constant_expr(e: &Expr) -> bool {
        matches!(
            e,
            Expr::StringLiteral(_)
                | Expr::BytesLiteral(_)
                | Expr::NumberLiteral(_)
                | Expr::BooleanLiteral(_)
                | Expr::NoneLiteral(_)
                | Expr::EllipsisLiteral(_)
        )
    }

    // ---- definitions ----

    fn first_line(&self, stmt_start: ruff_text_size::TextSize, decorators: &[ast::Decorator]) -> u32 {
        match decorators.first() {
            Some(d) => self.line_of(d.range.start()),
            None => self.line_of(stmt_start),
        }
    }

    fn compile_function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R {
        self.check_debug_args(&f.parameters)?;
        let start = self.def_start(f.range, &f.name, !f.decorator_list.is_empty());
        let stmt_range = TextRange::new(start, f.range.end());
        for d in &f.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        self.set_loc(stmt_range);
        let firstlineno = self.first_line(start, &f.decorator_list);
        let mut fflags = self.default_arguments(&f.parameters)?;
        if self.visit_annotations(&f.parameters, f.returns.as_deref())? {
            fflags |= 4;
        }
        let scope = self.child_scope(f.range)?;
        let kind = if f.is_async { UnitKind::AsyncFunction } else { UnitKind::Function };
        self.enter_scope(f.name.as_str(), kind, scope, firstlineno);
        self.set_loc(stmt_range);
        let doc = if self.optimize < 2 { Self::docstring(&f.body) } else { None };
        // The value as folded (a lone surrogate kept).
        let doc_const = doc.map_or(Constant::None, |d| self.string_constant(d));
        self.add_const(doc_const);
        self.set_arg_counts(&f.parameters);
        let body = if doc.is_some() { &f.body[1..] } else { &f.body[..] };
        self.visit_stmts(body)?;
        let code = self.exit_scope(true)?;
        self.set_loc(stmt_range);
        self.make_closure(code, fflags);
        self.apply_decorators(&f.decorator_list, stmt_range);
        self.nameop(f.name.as_str(), Ctx::Store)
    }

    /// Calls the decorators on the function or class on the stack, innermost first,
    /// each call on its decorator's line (as tracebacks and line events show it).
    fn apply_decorators(&mut self, decorators: &[ast::Decorator], stmt_range: TextRange) {
        for d in decorators.iter().rev() {
            self.set_loc(d.expression.range());
            self.emit(Op::Call, 1);
        }
        self.set_loc(stmt_range);
    }

    pub(crate) fn set_arg_counts(&mut self, p: &ast::Parameters) {
        let u = self.unit();
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
    }

    /// `compiler_default_arguments`: defaults tuple (flag 1) and kw-only defaults
    /// dict (flag 2).
    pub(crate) fn default_arguments(&mut self, p: &'a ast::Parameters) -> R<u32> {
        let mut fl = 0;
        let defaults: Vec<&'a Expr> = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            self.build_tuple_of(&defaults)?;
            fl |= 1;
        }
        let mut nkw = 0;
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                let name = self.mangle(a.parameter.name.as_str());
                self.load_const(Constant::Str(name.as_str().into()));
                self.visit_expr(d)?;
                nkw += 1;
            }
        }
        if nkw > 0 {
            self.emit(Op::BuildMap, nkw);
            fl |= 2;
        }
        Ok(fl)
    }

    /// A tuple of expressions: one constant if all are constants, else BuildTuple.
    fn build_tuple_of(&mut self, items: &[&'a Expr]) -> R {
        let consts: Option<Vec<Constant>> = items.iter().map(|e| self.const_value(e)).collect();
        if let Some(c) = consts {
            self.load_const(Constant::Tuple(c.into()));
            return Ok(());
        }
        for e in items {
            self.visit_expr(e)?;
        }
        self.emit(Op::BuildTuple, items.len() as u32);
        Ok(())
    }

    /// `compiler_check_debug_args`: no parameter may be named `__debug__`.
    pub(crate) fn check_debug_args(&self, p: &ast::Parameters) -> R {
        let mut names = p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()).map(|a| &a.parameter);
        let star = p.vararg.iter().chain(p.kwarg.iter()).map(|a| &**a);
        if names.any(|a| a.name.as_str() == "__debug__") || star.into_iter().any(|a| a.name.as_str() == "__debug__") {
            return Err(self.error_here("cannot assign to __debug__"));
        }
        Ok(())
    }

    /// `compiler_visit_annotations`: a flat tuple `(name, value, ...)`; true if any.
    fn visit_annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> R<bool> {
        let mut n = 0;
        let params = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .map(|a| &a.parameter)
            .chain(p.vararg.as_deref())
            .chain(p.kwonlyargs.iter().map(|a| &a.parameter))
            .chain(p.kwarg.as_deref());
        for param in params {
            if let Some(ann) = &param.annotation {
                let name = self.mangle(param.name.as_str());
                self.load_const(Constant::Str(name.as_str().into()));
                match &**ann {
                    // `*args: *Ts` evaluates as `[value] = [*Ts]`.
                    Expr::Starred(s) if !self.future_annotations => {
                        self.visit_expr(&s.value)?;
                        self.emit(Op::UnpackSequence, 1);
                    }
                    _ => self.visit_annotation_expr(ann)?,
                }
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str("return".into()));
            self.visit_annotation_expr(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Op::BuildTuple, n * 2);
        }
        Ok(n > 0)
    }

    /// An annotation: evaluated, or its source text under `from __future__ import
    /// annotations`.
    pub(crate) fn visit_annotation_expr(&mut self, e: &'a Expr) -> R {
        if self.future_annotations {
            let s = crate::unparse::unparse(e);
            self.load_const(Constant::Str(s.as_str().into()));
            Ok(())
        } else {
            self.visit_expr(e)
        }
    }

    fn compile_class_def(&mut self, c: &'a ast::StmtClassDef) -> R {
        let start = self.def_start(c.range, &c.name, !c.decorator_list.is_empty());
        let stmt_range = TextRange::new(start, c.range.end());
        for d in &c.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        let firstlineno = self.first_line(start, &c.decorator_list);
        let scope = self.child_scope(c.range)?;
        self.enter_scope(c.name.as_str(), UnitKind::Class, scope, firstlineno);
        self.set_loc(stmt_range);
        self.emit_name(Op::LoadName, "__name__");
        self.emit_name(Op::StoreName, "__module__");
        let q = self.unit_ref().qualname.clone();
        self.load_const(Constant::Str(q));
        self.emit_name(Op::StoreName, "__qualname__");
        self.compile_body(&c.body)?;
        let class_cell = self.scope().needs_class_closure.then(|| self.deref_index("__class__", true).unwrap_or(0));
        self.implicit_returns(|c| {
            match class_cell {
                Some(i) => {
                    c.emit(Op::LoadClosure, i);
                    c.emit(Op::Copy, 1);
                    c.emit_name(Op::StoreName, "__classcell__");
                }
                None => c.load_const(Constant::None),
            }
            c.emit(Op::ReturnValue, 0);
        });
        let code = self.exit_scope(false)?;
        self.set_loc(stmt_range);
        self.emit(Op::LoadBuildClass, 0);
        self.make_closure(code, 0);
        self.load_const(Constant::Str(c.name.as_str().into()));
        match &c.arguments {
            Some(args) => self.call_helper(2, &args.args, &args.keywords)?,
            None => self.emit(Op::Call, 2),
        }
        self.apply_decorators(&c.decorator_list, stmt_range);
        self.nameop(c.name.as_str(), Ctx::Store)
    }

    // ---- simple statements ----

    fn compile_augassign(&mut self, a: &'a ast::StmtAugAssign) -> R {
        let op = binop_of(a.op).inplace();
        match &*a.target {
            Expr::Attribute(at) => {
                self.visit_expr(&at.value)?;
                self.emit(Op::Copy, 1);
                self.emit_name(Op::LoadAttr, at.attr.as_str());
                self.visit_expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Op::BinaryOp, op as u32);
                self.emit(Op::Swap, 2);
                self.emit_name(Op::StoreAttr, at.attr.as_str());
            }
            Expr::Subscript(sub) => {
                self.visit_expr(&sub.value)?;
                self.visit_expr(&sub.slice)?;
                self.emit(Op::Copy, 2);
                self.emit(Op::Copy, 2);
                self.emit(Op::BinarySubscr, 0);
                self.visit_expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Op::BinaryOp, op as u32);
                self.emit(Op::Swap, 3);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreSubscr, 0);
            }
            Expr::Name(n) => {
                self.set_loc(n.range);
                self.nameop(n.id.as_str(), Ctx::Load)?;
                self.visit_expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Op::BinaryOp, op as u32);
                self.set_loc(n.range);
                self.nameop(n.id.as_str(), Ctx::Store)?;
            }
            other => return Err(self.error("'expression' is an illegal expression for augmented assignment", other.range())),
        }
        Ok(())
    }

    fn compile_annassign(&mut self, a: &'a ast::StmtAnnAssign) -> R {
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
            self.visit_target(&a.target, Ctx::Store)?;
        }
        let module_or_class = matches!(self.unit_ref().kind, UnitKind::Module | UnitKind::Class);
        match &*a.target {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", n.range));
                }
                if a.simple && module_or_class {
                    self.set_loc(a.range);
                    self.visit_annotation_expr(&a.annotation)?;
                    self.emit_name(Op::LoadName, "__annotations__");
                    let m = self.mangle(n.id.as_str());
                    self.load_const(Constant::Str(m.as_str().into()));
                    self.emit(Op::StoreSubscr, 0);
                }
            }
            Expr::Attribute(at) => {
                if at.attr.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", at.range));
                }
                if a.value.is_none() {
                    self.visit_expr(&at.value)?;
                    self.emit(Op::PopTop, 0);
                }
            }
            Expr::Subscript(sub) => {
                if a.value.is_none() {
                    self.visit_expr(&sub.value)?;
                    self.emit(Op::PopTop, 0);
                    self.visit_expr(&sub.slice)?;
                    self.emit(Op::PopTop, 0);
                }
            }
            other => return Err(self.error("illegal target for annotation", other.range())),
        }
        if !a.simple && !self.future_annotations && module_or_class {
            self.visit_expr(&a.annotation)?;
            self.emit(Op::PopTop, 0);
        }
        Ok(())
    }

    fn compile_assert(&mut self, a: &'a ast::StmtAssert) -> R {
        let tuple = match &*a.test {
            Expr::Tuple(t) => !t.elts.is_empty(),
            _ => false,
        };
        if tuple {
            self.warn("assertion is always true, perhaps remove parentheses?".into());
        }
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_label();
        self.jump_if(&a.test, end, true)?;
        self.set_loc(a.range);
        self.emit(Op::LoadAssertionError, 0);
        if let Some(m) = &a.msg {
            self.visit_expr(m)?;
            self.set_loc(a.range);
            self.emit(Op::Call, 1);
        }
        self.emit(Op::Raise, 1);
        self.bind(end);
        Ok(())
    }

    fn compile_import(&mut self, i: &'a ast::StmtImport) -> R {
        for alias in &i.names {
            self.load_const(Constant::Int(BigInt::from(0)));
            self.load_const(Constant::None);
            self.emit_name(Op::ImportName, alias.name.as_str());
            let name = alias.name.as_str();
            match &alias.asname {
                Some(asname) => {
                    let mut parts = name.split('.');
                    parts.next();
                    let rest: Vec<&str> = parts.collect();
                    if !rest.is_empty() {
                        for (k, attr) in rest.iter().enumerate() {
                            let idx = self.name_index(attr);
                            self.emit(Op::ImportFrom, idx);
                            if k + 1 < rest.len() {
                                self.emit(Op::Swap, 2);
                                self.emit(Op::PopTop, 0);
                            }
                        }
                        self.nameop(asname.as_str(), Ctx::Store)?;
                        self.emit(Op::PopTop, 0);
                    } else {
                        self.nameop(asname.as_str(), Ctx::Store)?;
                    }
                }
                None => {
                    let first = name.split('.').next().unwrap_or(name);
                    self.nameop(first, Ctx::Store)?;
                }
            }
        }
        Ok(())
    }

    fn compile_import_from(&mut self, i: &'a ast::StmtImportFrom) -> R {
        let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
        self.load_const(Constant::Int(BigInt::from(i.level)));
        if module == "__future__" && i.level == 0 {
            if let Some(fl) = self.future_location {
                if i.range.start() > fl.start() {
                    return Err(self.error("from __future__ imports must occur at the beginning of the file", i.range));
                }
            } else {
                return Err(self.error("from __future__ imports must occur at the beginning of the file", i.range));
            }
        }
        let names: Vec<Constant> = i.names.iter().map(|a| Constant::Str(a.name.as_str().into())).collect();
        self.load_const(Constant::Tuple(names.into()));
        self.emit_name(Op::ImportName, module);
        for alias in &i.names {
            if alias.name.as_str() == "*" {
                self.emit(Op::ImportStar, 0);
                return Ok(());
            }
            self.emit_name(Op::ImportFrom, alias.name.as_str());
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(store.as_str(), Ctx::Store)?;
        }
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    // ---- control flow ----

    fn compile_if(&mut self, s: &'a ast::StmtIf) -> R {
        let end = self.new_label();
        self.compile_if_chain(&s.test, &s.body, &s.elif_else_clauses, end)?;
        self.bind(end);
        Ok(())
    }

    fn compile_if_chain(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        rest: &'a [ast::ElifElseClause],
        end: super::Label,
    ) -> R {
        let next = if rest.is_empty() { end } else { self.new_label() };
        if self.const_value(test).is_some_and(|c| super::expr::truthy(&c)) {
            // An always-true test jumps nowhere, but its line is still run (CPython
            // folds its test and jump into a NOP).
            let saved = self.loc();
            self.set_loc(test.range());
            self.emit(Op::Nop, 0);
            self.restore_loc(saved);
        }
        self.jump_if(test, next, false)?;
        self.visit_stmts(body)?;
        if let Some((first, tail)) = rest.split_first() {
            self.emit_jump(Op::Jump, end);
            self.bind(next);
            self.set_loc(first.range);
            match &first.test {
                Some(t) => self.compile_if_chain(t, &first.body, tail, end)?,
                None => self.visit_stmts(&first.body)?,
            }
        }
        Ok(())
    }

    fn compile_while(&mut self, w: &'a ast::StmtWhile) -> R {
        let top = self.new_label();
        let anchor = self.new_label();
        let exit = self.new_label();
        // `while True:` tests nothing: its line is marked once, before the loop.
        if self.const_value(&w.test).is_some_and(|c| super::expr::truthy(&c)) {
            self.emit(Op::Nop, 0);
        }
        self.bind(top);
        self.push_fblock(FBlockKind::WhileLoop, Some(top), Some(exit), FBlockDatum::None);
        self.jump_if(&w.test, anchor, false)?;
        self.visit_stmts(&w.body)?;
        self.set_loc(w.range);
        self.emit_jump(Op::JumpBackward, top);
        self.pop_fblock();
        self.bind(anchor);
        self.visit_stmts(&w.orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn compile_for(&mut self, f: &'a ast::StmtFor) -> R {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.visit_iterable(&f.iter)?;
        self.set_loc(f.range);
        self.emit(Op::GetIter, 0);
        self.bind(start);
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end), FBlockDatum::None);
        self.emit_jump(Op::ForIter, cleanup);
        self.visit_target(&f.target, Ctx::Store)?;
        self.visit_stmts(&f.body)?;
        // The jump back has no line (CPython: "Mark jump as artificial").
        self.unset_loc();
        self.emit_jump(Op::JumpBackward, start);
        self.bind(cleanup);
        self.pop_fblock();
        self.visit_stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn compile_async_for(&mut self, f: &'a ast::StmtFor) -> R {
        if !self.in_async_context() {
            return Err(self.error("'async for' outside async function", f.range));
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.visit_expr(&f.iter)?;
        self.set_loc(f.range);
        self.emit(Op::GetAiter, 0);
        self.bind(start);
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end), FBlockDatum::None);
        self.emit_setup(super::IOp::SetupFinally, except);
        self.emit(Op::GetAnext, 0);
        self.load_const(Constant::None);
        self.yield_from_loop(3);
        self.emit_pop_block();
        self.visit_target(&f.target, Ctx::Store)?;
        self.visit_stmts(&f.body)?;
        // The jump back has no line (CPython: "Mark jump as artificial").
        self.unset_loc();
        self.emit_jump(Op::JumpBackward, start);
        self.pop_fblock();
        self.bind(except);
        self.set_loc(f.iter.range());
        self.emit(Op::EndAsyncFor, 0);
        self.visit_stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// True where `await`/`async for`/`async with` are allowed.
    pub(crate) fn in_async_context(&self) -> bool {
        matches!(self.unit_ref().kind, UnitKind::AsyncFunction) || self.is_top_level_await()
    }

    fn compile_break(&mut self, range: TextRange) -> R {
        self.set_loc(range);
        self.emit(Op::Nop, 0);
        let Some(loop_idx) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'break' outside loop", range));
        };
        let fb = self.unit_ref().fblocks[loop_idx].clone();
        self.unwind_fblock(&fb, false)?;
        let exit = fb.exit.ok_or_else(|| self.error("'break' outside loop", range))?;
        self.emit_jump(Op::Jump, exit);
        Ok(())
    }

    fn compile_continue(&mut self, range: TextRange) -> R {
        self.set_loc(range);
        // An instruction on the line, before the unwinding (which may have none).
        self.emit(Op::Nop, 0);
        let Some(loop_idx) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'continue' not properly in loop", range));
        };
        let fb = self.unit_ref().fblocks[loop_idx].clone();
        let start = fb.block.ok_or_else(|| self.error("'continue' not properly in loop", range))?;
        self.emit_jump(Op::Jump, start);
        Ok(())
    }

    fn compile_return(&mut self, r: &'a ast::StmtReturn) -> R {
        let is_func = matches!(
            self.unit_ref().kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda | UnitKind::Comprehension
        );
        if !is_func {
            return Err(self.error("'return' outside function", r.range));
        }
        let ste = self.scope();
        if r.value.is_some() && ste.coroutine && ste.generator {
            return Err(self.error("'return' with value in async generator", r.range));
        }
        let const_val = r.value.as_deref().and_then(|v| if Self::is_constant_expr(v) { self.const_value(v) } else { None });
        let preserve_tos = r.value.is_some() && const_val.is_none();
        // Instructions on the lines of the value and of the `return` itself, before
        // the unwinding (a finally body runs after them; what follows has no line).
        match &r.value {
            Some(v) if preserve_tos => self.visit_expr(v)?,
            Some(v) => {
                self.set_loc(v.range());
                self.emit(Op::Nop, 0);
            }
            None => {}
        }
        let value_line = r.value.as_ref().map(|v| self.line_of(v.range().start()));
        if value_line != Some(self.line_of(r.range.start())) {
            self.set_loc(r.range);
            self.emit(Op::Nop, 0);
        }
        self.set_loc(r.range);
        self.unwind_fblock_stack(preserve_tos, false)?;
        if !preserve_tos {
            self.load_const(const_val.unwrap_or(Constant::None));
        }
        self.emit(Op::ReturnValue, 0);
        Ok(())
    }
}
