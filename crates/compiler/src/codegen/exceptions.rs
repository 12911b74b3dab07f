//! The frame-block stack and everything built on the exception table: try/except,
//! try/finally, except*, with/async with, and unwinding for return/break/continue
//! (`compiler_unwind_fblock`), all as in CPython 3.11's compile.c.

use super::{Compiler, Ctx, FBlock, FBlockDatum, FBlockKind, IOp, Label, R};
use crate::bytecode::Op;
use crate::code::Constant;
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::{Ranged, TextRange};

impl<'a> Compiler<'a> {
    pub(crate) fn push_fblock(
        &mut self,
        kind: FBlockKind,
        block: Option<Label>,
        exit: Option<Label>,
        datum: FBlockDatum<'a>,
    ) {
        self.unit().fblocks.push(FBlock { kind, block, exit, datum });
    }

    pub(crate) fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    /// `POP_EXCEPT_AND_RERAISE`: `[.., prev, lasti, exc] -> raise`.
    pub(crate) fn pop_except_and_reraise(&mut self) {
        self.emit(Op::Copy, 3);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 1);
    }

    /// `compiler_call_exit_with_nones`: `exit(None, None, None)`.
    pub(crate) fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Op::Call, 3);
    }

    /// `compiler_unwind_fblock`: the code leaving one frame block on return/break.
    pub(crate) fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> R {
        match fb.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
            }
            FBlockKind::TryExcept => self.emit_pop_block(),
            FBlockKind::FinallyTry => {
                self.emit_pop_block();
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None, FBlockDatum::None);
                }
                if let FBlockDatum::Finally(body) = fb.datum {
                    self.visit_stmts(body)?;
                    // The finally block should appear to run after the statement that
                    // left it: what follows (the return, the jump) has no line.
                    self.unset_loc();
                }
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit_pop_block();
                self.emit(Op::PopExcept, 0);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                if let FBlockDatum::With(r) = fb.datum {
                    self.set_loc(r);
                }
                self.emit_pop_block();
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.call_exit_with_nones();
                if fb.kind == FBlockKind::AsyncWith {
                    self.emit(Op::GetAwaitable, 2);
                    self.load_const(Constant::None);
                    self.yield_from_loop(3);
                }
                self.emit(Op::PopTop, 0);
                // The exit should appear to run after the statement that left the
                // block: what follows has no line.
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup => {
                let name = match &fb.datum {
                    FBlockDatum::Name(n) => Some(n.clone()),
                    _ => None,
                };
                if name.is_some() {
                    self.emit_pop_block();
                }
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit_pop_block();
                self.emit(Op::PopExcept, 0);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.nameop(&n, Ctx::Store)?;
                    self.nameop(&n, Ctx::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`: unwinds every block (or up to the innermost
    /// loop when `stop_at_loop`, returning its index in the fblock stack).
    pub(crate) fn unwind_fblock_stack(&mut self, preserve_tos: bool, stop_at_loop: bool) -> R<Option<usize>> {
        let Some(top) = self.unit_ref().fblocks.last().cloned() else { return Ok(None) };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(self.error_here("'break', 'continue' and 'return' cannot appear in an except* block"));
        }
        if stop_at_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(self.unit_ref().fblocks.len() - 1));
        }
        self.unit().fblocks.pop();
        let r = self.unwind_fblock(&top, preserve_tos);
        let r = r.and_then(|_| self.unwind_fblock_stack(preserve_tos, stop_at_loop));
        self.unit().fblocks.push(top);
        r
    }

    pub(crate) fn compile_try(&mut self, t: &'a ast::StmtTry) -> R {
        // The `try:` line, for tracing.
        self.emit(Op::Nop, 0);
        if !t.finalbody.is_empty() {
            self.compile_try_finally(t)
        } else if t.is_star {
            self.compile_try_star_except(t)
        } else {
            self.compile_try_except(t)
        }
    }

    fn compile_try_finally(&mut self, t: &'a ast::StmtTry) -> R {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_setup(IOp::SetupFinally, end);
        self.push_fblock(FBlockKind::FinallyTry, None, Some(end), FBlockDatum::Finally(&t.finalbody));
        if !t.handlers.is_empty() {
            if t.is_star {
                self.compile_try_star_except(t)?;
            } else {
                self.compile_try_except(t)?;
            }
        } else {
            self.visit_stmts(&t.body)?;
        }
        self.emit_pop_block();
        self.pop_fblock();
        self.visit_stmts(&t.finalbody)?;
        self.emit_jump_noline(Op::Jump, exit);
        // The exceptional path.
        self.bind(end);
        self.emit_setup(IOp::SetupCleanup, cleanup);
        // No line of its own in CPython: the finally block's first line starts with it.
        if let Some(first) = t.finalbody.first() {
            self.set_loc(first.range());
        }
        self.emit(Op::PushExcInfo, 0);
        self.push_fblock(FBlockKind::FinallyEnd, None, Some(end), FBlockDatum::None);
        self.visit_stmts(&t.finalbody)?;
        self.pop_fblock();
        self.emit(Op::Reraise, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn compile_try_except(&mut self, t: &'a ast::StmtTry) -> R {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_setup(IOp::SetupFinally, except);
        self.push_fblock(FBlockKind::TryExcept, None, None, FBlockDatum::None);
        self.visit_stmts(&t.body)?;
        self.pop_fblock();
        self.emit_pop_block();
        self.visit_stmts(&t.orelse)?;
        self.emit_jump_noline(Op::Jump, end);
        self.bind(except);
        self.emit_setup(IOp::SetupCleanup, cleanup);
        // No line of its own in CPython: the `except` line starts with it.
        if let Some(h) = t.handlers.first() {
            self.set_loc(h.range());
        }
        self.emit(Op::PushExcInfo, 0);
        self.push_fblock(FBlockKind::ExceptionHandler, None, None, FBlockDatum::None);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.set_loc(h.range);
                self.emit(Op::CheckExcMatch, 0);
                self.emit_jump(Op::PopJumpIfFalse, next);
            }
            match &h.name {
                Some(name) => self.compile_named_handler_body(name.as_str(), &h.body, end)?,
                None => {
                    self.emit(Op::PopTop, 0);
                    self.push_fblock(FBlockKind::HandlerCleanup, None, None, FBlockDatum::None);
                    self.visit_stmts(&h.body)?;
                    self.pop_fblock();
                    self.unset_loc();
                    self.emit_pop_block();
                    self.emit(Op::PopExcept, 0);
                    self.emit_jump(Op::Jump, end);
                }
            }
            self.bind(next);
        }
        // No handler matched: the re-raise has no line (it gets the last type
        // check's, its only predecessor).
        self.unset_loc();
        self.pop_fblock();
        self.emit(Op::Reraise, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `except E as name:` body: `try: body finally: name = None; del name`.
    fn compile_named_handler_body(&mut self, name: &str, body: &'a [Stmt], end: Label) -> R {
        let cleanup_end = self.new_label();
        self.nameop(name, Ctx::Store)?;
        self.emit_setup(IOp::SetupCleanup, cleanup_end);
        self.push_fblock(FBlockKind::HandlerCleanup, None, None, FBlockDatum::Name(name.to_string()));
        self.visit_stmts(body)?;
        self.pop_fblock();
        // `name = None; del name` is artificial.
        self.unset_loc();
        self.emit_pop_block();
        self.emit_pop_block();
        self.emit(Op::PopExcept, 0);
        self.load_const(Constant::None);
        self.nameop(name, Ctx::Store)?;
        self.nameop(name, Ctx::Del)?;
        self.emit_jump(Op::Jump, end);
        self.bind(cleanup_end);
        self.unset_loc();
        self.load_const(Constant::None);
        self.nameop(name, Ctx::Store)?;
        self.nameop(name, Ctx::Del)?;
        self.emit(Op::Reraise, 1);
        Ok(())
    }

    /// `compiler_try_star_except` (CPython 3.11).
    fn compile_try_star_except(&mut self, t: &'a ast::StmtTry) -> R {
        let except = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.emit_setup(IOp::SetupFinally, except);
        self.push_fblock(FBlockKind::TryExcept, None, None, FBlockDatum::None);
        self.visit_stmts(&t.body)?;
        self.pop_fblock();
        self.emit_pop_block();
        self.emit_jump(Op::Jump, orelse);
        let n = t.handlers.len();
        self.bind(except);
        self.emit_setup(IOp::SetupCleanup, cleanup);
        self.emit(Op::PushExcInfo, 0);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, None, None, FBlockDatum::None);
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let next = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                // [exc] -> [orig, [], exc]
                self.emit(Op::Copy, 1);
                self.emit(Op::BuildList, 0);
                self.emit(Op::Swap, 2);
            }
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.set_loc(h.range);
                self.emit(Op::CheckEgMatch, 0);
                self.emit(Op::Copy, 1);
                self.emit_jump(Op::PopJumpIfNone, no_match);
            }
            let cleanup_end = self.new_label();
            match &h.name {
                Some(name) => self.nameop(name.as_str(), Ctx::Store)?,
                None => self.emit(Op::PopTop, 0),
            }
            self.emit_setup(IOp::SetupCleanup, cleanup_end);
            let datum = match &h.name {
                Some(n) => FBlockDatum::Name(n.to_string()),
                None => FBlockDatum::None,
            };
            self.push_fblock(FBlockKind::HandlerCleanup, None, None, datum);
            self.visit_stmts(&h.body)?;
            self.pop_fblock();
            self.emit_pop_block();
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name.as_str(), Ctx::Store)?;
                self.nameop(name.as_str(), Ctx::Del)?;
            }
            self.emit_jump(Op::Jump, next);
            // An exception raised in the handler body: [orig, list, rest, lasti, exc].
            self.bind(cleanup_end);
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name.as_str(), Ctx::Store)?;
                self.nameop(name.as_str(), Ctx::Del)?;
            }
            self.emit(Op::ListAppend, 3);
            self.emit(Op::PopTop, 0);
            self.emit_jump(Op::Jump, except_with_error);
            self.bind(next);
            self.emit(Op::Nop, 0);
            self.emit_jump(Op::Jump, except_with_error);
            self.bind(no_match);
            self.emit(Op::PopTop, 0);
            self.bind(except_with_error);
            if i + 1 == n {
                // [orig, list, rest] -> [orig, list]
                self.emit(Op::ListAppend, 1);
                self.emit_jump(Op::Jump, reraise_star);
            }
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.emit(Op::PrepReraiseStar, 0);
        self.emit(Op::Copy, 1);
        self.emit_jump(Op::PopJumpIfNotNone, reraise);
        self.emit(Op::PopTop, 0);
        self.emit_pop_block();
        self.emit(Op::PopExcept, 0);
        self.emit_jump(Op::Jump, end);
        self.bind(reraise);
        self.emit_pop_block();
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse);
        self.visit_stmts(&t.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `compiler_with` / `compiler_async_with`, one item per nesting level.
    pub(crate) fn compile_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> R {
        let is_async = w.is_async;
        if is_async && !self.in_async_context() {
            return Err(self.error("'async with' outside async function", w.range));
        }
        let Some(item) = w.items.get(pos) else { return self.visit_stmts(&w.body) };
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(&item.context_expr)?;
        self.set_loc(w.range);
        if is_async {
            self.emit(Op::BeforeAsyncWith, 0);
            self.emit(Op::GetAwaitable, 1);
            self.load_const(Constant::None);
            self.yield_from_loop(3);
        } else {
            self.emit(Op::BeforeWith, 0);
        }
        self.emit_setup(IOp::SetupWith, final_);
        self.bind(block);
        let kind = if is_async { FBlockKind::AsyncWith } else { FBlockKind::With };
        self.push_fblock(kind, Some(block), Some(final_), FBlockDatum::With(w.range));
        match &item.optional_vars {
            Some(v) => self.visit_target(v, Ctx::Store)?,
            None => self.emit(Op::PopTop, 0),
        }
        if pos + 1 == w.items.len() {
            self.visit_stmts(&w.body)?;
        } else {
            self.compile_with(w, pos + 1)?;
        }
        self.emit_pop_block();
        self.pop_fblock();
        self.set_loc(w.range);
        self.call_exit_with_nones();
        if is_async {
            self.emit(Op::GetAwaitable, 2);
            self.load_const(Constant::None);
            self.yield_from_loop(3);
        }
        self.emit(Op::PopTop, 0);
        self.emit_jump(Op::Jump, exit);
        // The exceptional path: [exit, lasti, exc].
        self.bind(final_);
        self.emit_setup(IOp::SetupCleanup, cleanup);
        self.emit(Op::PushExcInfo, 0);
        self.emit(Op::WithExceptStart, 0);
        if is_async {
            self.emit(Op::GetAwaitable, 2);
            self.load_const(Constant::None);
            self.yield_from_loop(3);
        }
        self.with_except_finish(cleanup);
        self.bind(exit);
        Ok(())
    }

    /// `compiler_with_except_finish`.
    fn with_except_finish(&mut self, cleanup: Label) {
        let exit = self.new_label();
        self.emit_jump(Op::PopJumpIfTrue, exit);
        self.emit(Op::Reraise, 2);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        self.emit(Op::PopTop, 0);
        self.emit_pop_block();
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopTop, 0);
    }

    #[allow(dead_code)]
    pub(crate) fn range_error(&self, msg: &str, r: TextRange) -> crate::CompileError {
        self.error(msg, r)
    }
}
