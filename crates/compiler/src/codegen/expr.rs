//! Expressions: `compiler_visit_expr1` and the helpers for calls, displays,
//! comprehensions, f-strings, comparisons, conditional jumps and constants.

use super::stmt::binop_of;
use super::{Compiler, Ctx, FBlockDatum, FBlockKind, IOp, Label, UnitKind, R};
use crate::bytecode::{CmpOp, Op};
use crate::code::Constant;
use crate::symtable::{CompKind, DEF_IMPORT};
use num_bigint::BigInt;
use num_traits::Zero;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

/// CPython's STACK_USE_GUIDELINE: beyond this, displays and calls are built
/// incrementally.
const STACK_USE_GUIDELINE: usize = 30;

/// YieldValue's argument: what the yield is (CPython's RESUME oparg after it).
pub(crate) const YIELD_PLAIN: u32 = 1;
pub(crate) const YIELD_FROM: u32 = 2;
pub(crate) const YIELD_AWAIT: u32 = 3;

#[derive(Copy, Clone, PartialEq, Eq)]
enum Collection {
    List,
    Set,
    Tuple,
}

/// One piece of an f-string after flattening implicit concatenation.
enum Piece<'a> {
    /// Literal text as generalized UTF-8 (lone surrogates kept).
    Lit(Vec<u8>),
    /// A replacement field, and whether its f-string is raw.
    Field(&'a ast::InterpolatedElement, bool),
}

pub fn int_value(i: &ast::Int) -> Option<BigInt> {
    if let Some(v) = i.as_u64() {
        return Some(BigInt::from(v));
    }
    let s: String = i.to_string().chars().filter(|c| *c != '_').collect::<String>().to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = s.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = s.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = s.strip_prefix("0b") {
        (d, 2)
    } else {
        (s.as_str(), 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

pub(crate) fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { re, im } => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::SurrogateStr(_) => true,
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Ellipsis | Constant::Code(_) => true,
    }
}

fn cmp_instr(op: ast::CmpOp) -> (Op, u32) {
    match op {
        ast::CmpOp::Eq => (Op::CompareOp, CmpOp::Eq as u32),
        ast::CmpOp::NotEq => (Op::CompareOp, CmpOp::Ne as u32),
        ast::CmpOp::Lt => (Op::CompareOp, CmpOp::Lt as u32),
        ast::CmpOp::LtE => (Op::CompareOp, CmpOp::Le as u32),
        ast::CmpOp::Gt => (Op::CompareOp, CmpOp::Gt as u32),
        ast::CmpOp::GtE => (Op::CompareOp, CmpOp::Ge as u32),
        ast::CmpOp::Is => (Op::IsOp, 0),
        ast::CmpOp::IsNot => (Op::IsOp, 1),
        ast::CmpOp::In => (Op::ContainsOp, 0),
        ast::CmpOp::NotIn => (Op::ContainsOp, 1),
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn visit_expr(&mut self, e: &'a Expr) -> R {
        self.deeper(e.range())?;
        let saved = self.loc();
        self.set_loc(e.range());
        let r = self.visit_expr_inner(e);
        self.restore_loc(saved);
        self.depth -= 1;
        r
    }

    /// The value of a string literal (a lone surrogate kept).
    pub(crate) fn string_constant(&self, s: &ast::ExprStringLiteral) -> Constant {
        match super::surrogates::exact_literal(self.index.source, s) {
            Some(b) => Constant::SurrogateStr(b.into()),
            None => Constant::Str(s.value.to_str().into()),
        }
    }

    /// The value of a constant expression as CPython's AST optimizer folds it:
    /// literals, `__debug__`, unary operators on constants, tuples of constants.
    pub(crate) fn const_value(&self, e: &Expr) -> Option<Constant> {
        Some(match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => Constant::Int(int_value(i)?),
                ast::Number::Float(f) => Constant::Float(*f),
                ast::Number::Complex { real, imag } => Constant::Complex { re: *real, im: *imag },
            },
            Expr::StringLiteral(s) => self.string_constant(s),
            Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect::<Vec<u8>>().into()),
            Expr::BooleanLiteral(b) => Constant::Bool(b.value),
            Expr::NoneLiteral(_) => Constant::None,
            Expr::EllipsisLiteral(_) => Constant::Ellipsis,
            Expr::Name(n) if n.id.as_str() == "__debug__" && matches!(n.ctx, ast::ExprContext::Load) => {
                Constant::Bool(self.optimize == 0)
            }
            Expr::UnaryOp(u) => {
                let v = self.const_value(&u.operand)?;
                match (u.op, v) {
                    (ast::UnaryOp::Not, v) => Constant::Bool(!truthy(&v)),
                    (ast::UnaryOp::USub, Constant::Int(i)) => Constant::Int(-i),
                    (ast::UnaryOp::USub, Constant::Bool(b)) => Constant::Int(-BigInt::from(b as u8)),
                    (ast::UnaryOp::USub, Constant::Float(f)) => Constant::Float(-f),
                    (ast::UnaryOp::USub, Constant::Complex { re, im }) => Constant::Complex { re: -re, im: -im },
                    (ast::UnaryOp::UAdd, Constant::Int(i)) => Constant::Int(i),
                    (ast::UnaryOp::UAdd, Constant::Bool(b)) => Constant::Int(BigInt::from(b as u8)),
                    (ast::UnaryOp::UAdd, c @ (Constant::Float(_) | Constant::Complex { .. })) => c,
                    (ast::UnaryOp::Invert, Constant::Int(i)) => Constant::Int(-i - 1),
                    (ast::UnaryOp::Invert, Constant::Bool(b)) => Constant::Int(-BigInt::from(b as u8) - 1),
                    _ => return None,
                }
            }
            Expr::Tuple(t) if matches!(t.ctx, ast::ExprContext::Load) => {
                let items: Option<Vec<Constant>> = t.elts.iter().map(|e| self.const_value(e)).collect();
                Constant::Tuple(items?.into())
            }
            _ => return None,
        })
    }

    fn visit_expr_inner(&mut self, e: &'a Expr) -> R {
        if let Some(c) = self.const_value(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => self.compile_boolop(b),
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                self.emit(Op::Copy, 1);
                self.visit_target(&n.target, Ctx::Store)
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.emit(Op::BinaryOp, binop_of(b.op) as u32);
                Ok(())
            }
            Expr::UnaryOp(u) => self.compile_unaryop(u),
            Expr::Lambda(l) => self.compile_lambda(l),
            Expr::If(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(&i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.emit_jump(Op::Jump, end);
                self.bind(next);
                self.visit_expr(&i.orelse)?;
                self.bind(end);
                Ok(())
            }
            Expr::Dict(d) => self.compile_dict(d),
            Expr::Set(s) => self.starunpack(&s.elts, 0, Collection::Set),
            Expr::List(l) => match l.ctx {
                ast::ExprContext::Load => self.starunpack(&l.elts, 0, Collection::List),
                _ => self.visit_target(e, Ctx::Store),
            },
            Expr::Tuple(t) => match t.ctx {
                ast::ExprContext::Load => self.starunpack(&t.elts, 0, Collection::Tuple),
                _ => self.visit_target(e, Ctx::Store),
            },
            Expr::ListComp(c) => self.compile_comprehension(e, CompKind::List, &c.generators, &c.elt, None),
            Expr::SetComp(c) => self.compile_comprehension(e, CompKind::Set, &c.generators, &c.elt, None),
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.compile_comprehension(e, CompKind::Dict, &c.generators, k, Some(&c.value)),
                None => Err(self.error("dict unpacking cannot be used in dict comprehension", c.range)),
            },
            Expr::Generator(c) => self.compile_comprehension(e, CompKind::Gen, &c.generators, &c.elt, None),
            Expr::Await(a) => self.compile_await(a),
            Expr::Yield(y) => {
                if !self.in_function() {
                    return Err(self.error_here("'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit_yield();
                Ok(())
            }
            Expr::YieldFrom(y) => {
                if !self.in_function() {
                    return Err(self.error_here("'yield' outside function"));
                }
                if self.unit_ref().kind == UnitKind::AsyncFunction {
                    return Err(self.error_here("'yield from' inside async function"));
                }
                self.visit_expr(&y.value)?;
                self.emit(Op::GetYieldFromIter, 0);
                self.load_const(Constant::None);
                self.yield_from_loop(YIELD_FROM);
                Ok(())
            }
            Expr::Compare(c) => self.compile_compare(c),
            Expr::Call(c) => self.compile_call(c),
            Expr::FString(f) => self.compile_fstring(f),
            Expr::TString(t) => Err(self.error("invalid syntax", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => Err(self.error("invalid literal", e.range())),
            Expr::Attribute(a) => match a.ctx {
                ast::ExprContext::Load => {
                    self.visit_expr(&a.value)?;
                    self.emit_name(Op::LoadAttr, a.attr.as_str());
                    Ok(())
                }
                _ => self.visit_target(e, Ctx::Store),
            },
            Expr::Subscript(s) => match s.ctx {
                ast::ExprContext::Load => {
                    self.check_subscript(&s.value, &s.slice);
                    self.visit_expr(&s.value)?;
                    self.visit_expr(&s.slice)?;
                    self.emit(Op::BinarySubscr, 0);
                    Ok(())
                }
                _ => self.visit_target(e, Ctx::Store),
            },
            Expr::Starred(s) => match s.ctx {
                ast::ExprContext::Store => {
                    Err(self.error("starred assignment target must be in a list or tuple", s.range))
                }
                _ => Err(self.error("can't use starred expression here", s.range)),
            },
            Expr::Name(n) => match n.ctx {
                ast::ExprContext::Load => self.nameop(n.id.as_str(), Ctx::Load),
                ast::ExprContext::Del => self.nameop(n.id.as_str(), Ctx::Del),
                _ => self.nameop(n.id.as_str(), Ctx::Store),
            },
            Expr::Slice(s) => {
                let mut n = 2;
                match &s.lower {
                    Some(l) => self.visit_expr(l)?,
                    None => self.load_const(Constant::None),
                }
                match &s.upper {
                    Some(u) => self.visit_expr(u)?,
                    None => self.load_const(Constant::None),
                }
                if let Some(st) = &s.step {
                    self.visit_expr(st)?;
                    n = 3;
                }
                self.emit(Op::BuildSlice, n);
                Ok(())
            }
            Expr::IpyEscapeCommand(c) => Err(self.error("invalid syntax", c.range)),
        }
    }

    fn in_function(&self) -> bool {
        matches!(
            self.unit_ref().kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda | UnitKind::Comprehension
        )
    }

    /// A `yield` (CPython's `addop_yield`): async generators wrap the value first.
    fn emit_yield(&mut self) {
        let ste = self.scope();
        if ste.generator && ste.coroutine {
            self.emit(Op::AsyncGenWrap, 0);
        }
        self.emit(Op::YieldValue, YIELD_PLAIN);
    }

    /// The `Send`/`YieldValue`/`JumpBackward` loop of `yield from` and `await`:
    /// `[receiver, value] -> [result]`.
    pub(crate) fn yield_from_loop(&mut self, kind: u32) {
        let send = self.new_label();
        let exit = self.new_label();
        self.bind(send);
        self.emit_jump(Op::Send, exit);
        self.emit(Op::YieldValue, kind);
        self.emit_jump(Op::JumpBackward, send);
        self.bind(exit);
    }

    fn compile_await(&mut self, a: &'a ast::ExprAwait) -> R {
        if !self.is_top_level_await() {
            if !self.in_function() {
                return Err(self.error_here("'await' outside function"));
            }
            if !matches!(self.unit_ref().kind, UnitKind::AsyncFunction | UnitKind::Comprehension) {
                return Err(self.error_here("'await' outside async function"));
            }
        }
        self.visit_expr(&a.value)?;
        self.emit(Op::GetAwaitable, 0);
        self.load_const(Constant::None);
        self.yield_from_loop(YIELD_AWAIT);
        Ok(())
    }

    fn compile_unaryop(&mut self, u: &'a ast::ExprUnaryOp) -> R {
        // `not (a is b)` -> `a is not b`, as CPython's AST optimizer folds it.
        if u.op == ast::UnaryOp::Not {
            if let Expr::Compare(c) = &*u.operand {
                if c.ops.len() == 1 {
                    let inv = match c.ops[0] {
                        ast::CmpOp::Is => Some(ast::CmpOp::IsNot),
                        ast::CmpOp::IsNot => Some(ast::CmpOp::Is),
                        ast::CmpOp::In => Some(ast::CmpOp::NotIn),
                        ast::CmpOp::NotIn => Some(ast::CmpOp::In),
                        _ => None,
                    };
                    if let Some(op) = inv {
                        self.visit_expr(&c.left)?;
                        self.visit_compare_rhs(&c.comparators[0], op)?;
                        let (o, a) = cmp_instr(op);
                        self.emit(o, a);
                        return Ok(());
                    }
                }
            }
        }
        self.visit_expr(&u.operand)?;
        let op = match u.op {
            ast::UnaryOp::Invert => Op::UnaryInvert,
            ast::UnaryOp::Not => Op::UnaryNot,
            ast::UnaryOp::UAdd => Op::UnaryPositive,
            ast::UnaryOp::USub => Op::UnaryNegative,
        };
        self.emit(op, 0);
        Ok(())
    }

    fn compile_boolop(&mut self, b: &'a ast::ExprBoolOp) -> R {
        let jump = if b.op == ast::BoolOp::And { Op::JumpIfFalseOrPop } else { Op::JumpIfTrueOrPop };
        let end = self.new_label();
        let n = b.values.len();
        for (i, v) in b.values.iter().enumerate() {
            self.visit_expr(v)?;
            if i + 1 < n {
                self.emit_jump(jump, end);
            }
        }
        self.bind(end);
        Ok(())
    }

    /// A comparison's last right operand: `x in [1, 2]` uses a constant tuple (CPython's
    /// `fold_compare` folds only the last comparator of a chain).
    fn visit_compare_rhs(&mut self, e: &'a Expr, op: ast::CmpOp) -> R {
        if matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
            return self.visit_iterable(e);
        }
        self.visit_expr(e)
    }

    /// An iterated expression: a list display of constants becomes a tuple constant,
    /// a set display of constants a frozenset constant (CPython's `fold_iter`).
    pub(crate) fn visit_iterable(&mut self, e: &'a Expr) -> R {
        let folded = match e {
            Expr::List(l) if matches!(l.ctx, ast::ExprContext::Load) => {
                self.const_items(&l.elts).map(|c| Constant::Tuple(c.into()))
            }
            Expr::Set(s) => self.const_items(&s.elts).map(|c| Constant::FrozenSet(c.into())),
            _ => None,
        };
        if let Some(c) = folded {
            let saved = self.loc();
            self.set_loc(e.range());
            self.load_const(c);
            self.restore_loc(saved);
            return Ok(());
        }
        self.visit_expr(e)
    }

    // ---- compile-time SyntaxWarnings (CPython's check_compare, check_caller,
    // check_subscripter, check_index) ----

    /// A SyntaxWarning at the current location (`compiler_warn`).
    pub(crate) fn warn(&self, msg: String) {
        self.index.warn(crate::WarningCategory::SyntaxWarning, self.error_here(msg));
    }

    /// CPython's `infer_type`: the type of `e`'s value when its syntax tells.
    fn infer_type(&self, e: &Expr) -> Option<&'static str> {
        if let Some(c) = self.const_value(e) {
            return Some(const_type_name(&c));
        }
        Some(match e {
            Expr::Tuple(_) => "tuple",
            Expr::List(_) | Expr::ListComp(_) => "list",
            Expr::Dict(_) | Expr::DictComp(_) => "dict",
            Expr::Set(_) | Expr::SetComp(_) => "set",
            Expr::Generator(_) => "generator",
            Expr::Lambda(_) => "function",
            Expr::FString(_) => "str",
            _ => return None,
        })
    }

    /// `x is 1`: identity with a literal other than None, True, False, `...`.
    fn check_compare(&self, c: &ast::ExprCompare) {
        let is_arg = |e: &Expr| match self.const_value(e) {
            None | Some(Constant::None | Constant::Bool(_) | Constant::Ellipsis) => true,
            Some(_) => false,
        };
        let mut left = is_arg(&c.left);
        for (op, right_e) in c.ops.iter().zip(c.comparators.iter()) {
            let right = is_arg(right_e);
            if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) && !(left && right) {
                let msg = if *op == ast::CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(msg.into());
                return;
            }
            left = right;
        }
    }

    /// `(1, 2)(3)`: calling a display or literal.
    fn check_caller(&self, f: &Expr) {
        let callable_syntax = self.const_value(f).is_none()
            && !matches!(
                f,
                Expr::Tuple(_)
                    | Expr::List(_)
                    | Expr::ListComp(_)
                    | Expr::Dict(_)
                    | Expr::DictComp(_)
                    | Expr::Set(_)
                    | Expr::SetComp(_)
                    | Expr::Generator(_)
                    | Expr::FString(_)
            );
        if !callable_syntax {
            if let Some(t) = self.infer_type(f) {
                self.warn(format!("'{t}' object is not callable; perhaps you missed a comma?"));
            }
        }
    }

    /// `{1}[0]`, `[1, 2][3, 4]`: subscripting something that cannot be, or with an
    /// index of the wrong type.
    fn check_subscript(&self, value: &Expr, index: &Expr) {
        let not_subscriptable = match self.const_value(value) {
            Some(c) => matches!(
                c,
                Constant::None | Constant::Ellipsis | Constant::Int(_) | Constant::Bool(_) | Constant::Float(_) | Constant::Complex { .. } | Constant::FrozenSet(_)
            ),
            None => matches!(value, Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_)),
        };
        if not_subscriptable {
            if let Some(t) = self.infer_type(value) {
                self.warn(format!("'{t}' object is not subscriptable; perhaps you missed a comma?"));
            }
            return;
        }
        let Some(index_type) = self.infer_type(index) else { return };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let sequence = match self.const_value(value) {
            Some(c) => matches!(c, Constant::Str(_) | Constant::SurrogateStr(_) | Constant::Bytes(_) | Constant::Tuple(_)),
            None => matches!(value, Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_)),
        };
        if sequence {
            if let Some(t) = self.infer_type(value) {
                self.warn(format!("{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"));
            }
        }
    }

    fn const_items(&self, elts: &[Expr]) -> Option<Vec<Constant>> {
        elts.iter().map(|e| self.const_value(e)).collect()
    }

    fn compile_compare(&mut self, c: &'a ast::ExprCompare) -> R {
        self.check_compare(c);
        self.visit_expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.visit_compare_rhs(&c.comparators[0], c.ops[0])?;
            let (o, a) = cmp_instr(c.ops[0]);
            self.emit(o, a);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.visit_expr(&c.comparators[i])?;
            self.emit(Op::Swap, 2);
            self.emit(Op::Copy, 2);
            let (o, a) = cmp_instr(c.ops[i]);
            self.emit(o, a);
            self.emit_jump(Op::JumpIfFalseOrPop, cleanup);
        }
        self.visit_compare_rhs(&c.comparators[n - 1], c.ops[n - 1])?;
        let (o, a) = cmp_instr(c.ops[n - 1]);
        self.emit(o, a);
        let end = self.new_label();
        self.emit_jump(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    /// `compiler_jump_if`: jumps to `next` if the truth of `e` equals `cond`.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, next: Label, cond: bool) -> R {
        self.deeper(e.range())?;
        let saved = self.loc();
        self.set_loc(e.range());
        let r = self.jump_if_inner(e, next, cond);
        self.restore_loc(saved);
        self.depth -= 1;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, next: Label, cond: bool) -> R {
        if let Some(c) = self.const_value(e) {
            if truthy(&c) == cond {
                self.emit_jump(Op::Jump, next);
            }
            return Ok(());
        }
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => return self.jump_if(&u.operand, next, !cond),
            Expr::BoolOp(b) => {
                let cond2 = b.op == ast::BoolOp::Or;
                let next2 = if cond2 != cond { self.new_label() } else { next };
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&b.values[n - 1], next, cond)?;
                if next2 != next {
                    self.bind(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, next, cond)?;
                self.emit_jump(Op::Jump, end);
                self.bind(next2);
                self.jump_if(&i.orelse, next, cond)?;
                self.bind(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                self.check_compare(c);
                let n = c.ops.len() - 1;
                let cleanup = self.new_label();
                self.visit_expr(&c.left)?;
                for i in 0..n {
                    self.visit_expr(&c.comparators[i])?;
                    self.emit(Op::Swap, 2);
                    self.emit(Op::Copy, 2);
                    let (o, a) = cmp_instr(c.ops[i]);
                    self.emit(o, a);
                    self.emit_jump(Op::PopJumpIfFalse, cleanup);
                }
                self.visit_compare_rhs(&c.comparators[n], c.ops[n])?;
                let (o, a) = cmp_instr(c.ops[n]);
                self.emit(o, a);
                self.emit_jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, next);
                let end = self.new_label();
                self.emit_jump(Op::Jump, end);
                self.bind(cleanup);
                self.emit(Op::PopTop, 0);
                if !cond {
                    self.emit_jump(Op::Jump, next);
                }
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        self.emit_jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, next);
        Ok(())
    }

    // ---- assignment targets ----

    pub(crate) fn visit_target(&mut self, e: &'a Expr, ctx: Ctx) -> R {
        self.deeper(e.range())?;
        let saved = self.loc();
        self.set_loc(e.range());
        let r = self.visit_target_inner(e, ctx);
        self.restore_loc(saved);
        self.depth -= 1;
        r
    }

    fn visit_target_inner(&mut self, e: &'a Expr, ctx: Ctx) -> R {
        match e {
            Expr::Name(n) => self.nameop(n.id.as_str(), ctx),
            Expr::Attribute(a) => {
                self.visit_expr(&a.value)?;
                self.set_loc(e.range());
                if ctx == Ctx::Store && a.attr.as_str() == "__debug__" {
                    return Err(self.error_here("cannot assign to __debug__"));
                }
                let op = if ctx == Ctx::Del { Op::DeleteAttr } else { Op::StoreAttr };
                self.emit_name(op, a.attr.as_str());
                Ok(())
            }
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
                self.set_loc(e.range());
                self.emit(if ctx == Ctx::Del { Op::DeleteSubscr } else { Op::StoreSubscr }, 0);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                if ctx == Ctx::Del {
                    for el in elts {
                        self.visit_target(el, Ctx::Del)?;
                    }
                    return Ok(());
                }
                self.unpack_helper(elts)?;
                for el in elts {
                    match el {
                        Expr::Starred(s) => self.visit_target(&s.value, Ctx::Store)?,
                        _ => self.visit_target(el, Ctx::Store)?,
                    }
                }
                Ok(())
            }
            Expr::Starred(s) => Err(self.error("starred assignment target must be in a list or tuple", s.range)),
            other => Err(self.error("cannot assign to expression", other.range())),
        }
    }

    fn unpack_helper(&mut self, elts: &[Expr]) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, el) in elts.iter().enumerate() {
            if let Expr::Starred(_) = el {
                if seen_star {
                    return Err(self.error_here("multiple starred expressions in assignment"));
                }
                if i >= (1 << 8) || n - i - 1 >= (i32::MAX as usize >> 8) {
                    return Err(self.error_here("too many expressions in star-unpacking assignment"));
                }
                self.emit(Op::UnpackEx, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Op::UnpackSequence, n as u32);
        }
        Ok(())
    }

    // ---- displays ----

    /// `starunpack_helper`: list/set/tuple displays and positional call arguments,
    /// with `pushed` items already on the stack.
    fn starunpack(&mut self, elts: &'a [Expr], pushed: u32, kind: Collection) -> R {
        let (build, add, extend) = match kind {
            Collection::Set => (Op::BuildSet, Op::SetAdd, Op::SetUpdate),
            _ => (Op::BuildList, Op::ListAppend, Op::ListExtend),
        };
        let tuple = kind == Collection::Tuple;
        let n = elts.len();
        if n > 2 {
            let consts: Option<Vec<Constant>> = elts.iter().map(|e| self.const_value(e)).collect();
            if let Some(c) = consts {
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(c.into()));
                } else {
                    self.emit(build, pushed);
                    // CPython folds a set display's constants into a frozenset.
                    self.load_const(if kind == Collection::Set { Constant::FrozenSet(c.into()) } else { Constant::Tuple(c.into()) });
                    self.emit(extend, 1);
                    if tuple {
                        self.emit(Op::ListToTuple, 0);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !seen_star && !big {
            for e in elts {
                self.visit_expr(e)?;
            }
            self.emit(if tuple { Op::BuildTuple } else { build }, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.visit_expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.visit_expr(e)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    fn compile_dict(&mut self, d: &'a ast::ExprDict) -> R {
        let n = d.items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            let item = &d.items[i];
            if item.key.is_none() {
                if elements > 0 {
                    self.subdict(&d.items[i - elements..i])?;
                    if have_dict {
                        self.emit(Op::DictUpdate, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Op::BuildMap, 0);
                    have_dict = true;
                }
                self.visit_expr(&item.value)?;
                self.emit(Op::DictUpdate, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(&d.items[i - elements..=i])?;
                if have_dict {
                    self.emit(Op::DictUpdate, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(&d.items[n - elements..])?;
            if have_dict {
                self.emit(Op::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Op::BuildMap, 0);
        }
        Ok(())
    }

    fn subdict(&mut self, items: &'a [ast::DictItem]) -> R {
        let big = items.len() * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Op::BuildMap, 0);
        }
        for item in items {
            if let Some(k) = &item.key {
                self.visit_expr(k)?;
            }
            self.visit_expr(&item.value)?;
            if big {
                self.emit(Op::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Op::BuildMap, items.len() as u32);
        }
        Ok(())
    }

    // ---- calls ----

    fn is_import_originated(&self, e: &Expr) -> bool {
        match e {
            Expr::Name(n) => self.st.scopes[0].flags_of(n.id.as_str()) & DEF_IMPORT != 0,
            _ => false,
        }
    }

    fn check_keywords(&self, keywords: &[ast::Keyword]) -> R {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if name.as_str() == "__debug__" {
                // At the whole call (or class statement), as CPython's forbidden_name.
                return Err(self.error_here("cannot assign to __debug__"));
            }
            if keywords[i + 1..].iter().any(|o| o.arg.as_ref().is_some_and(|a| a.as_str() == name.as_str())) {
                let dup = keywords[i + 1..]
                    .iter()
                    .find(|o| o.arg.as_ref().is_some_and(|a| a.as_str() == name.as_str()))
                    .map_or(k.range, |o| o.range);
                return Err(self.error(format!("keyword argument repeated: {}", name.as_str()), dup));
            }
        }
        Ok(())
    }

    fn compile_call(&mut self, c: &'a ast::ExprCall) -> R {
        self.check_keywords(&c.arguments.keywords)?;
        if let Expr::Attribute(a) = &*c.func {
            let args = &c.arguments.args;
            let simple = c.arguments.keywords.is_empty()
                && !args.iter().any(|e| matches!(e, Expr::Starred(_)))
                && args.len() < STACK_USE_GUIDELINE
                && matches!(a.ctx, ast::ExprContext::Load)
                && !self.is_import_originated(&a.value);
            if simple {
                self.visit_expr(&a.value)?;
                let saved = self.loc();
                self.set_loc(a.range);
                self.emit_name(Op::LoadMethod, a.attr.as_str());
                self.restore_loc(saved);
                for e in args.iter() {
                    self.visit_expr(e)?;
                }
                self.emit(Op::CallMethod, args.len() as u32);
                return Ok(());
            }
        }
        self.check_caller(&c.func);
        self.visit_expr(&c.func)?;
        self.call_helper(0, &c.arguments.args, &c.arguments.keywords)
    }

    /// `compiler_call_helper`: the callable and `n` positional arguments are already
    /// pushed.
    pub(crate) fn call_helper(&mut self, n: u32, args: &'a [Expr], keywords: &'a [ast::Keyword]) -> R {
        self.check_keywords(keywords)?;
        let nelts = args.len();
        let nkw = keywords.len();
        let ex_call = nelts + nkw * 2 > STACK_USE_GUIDELINE
            || args.iter().any(|e| matches!(e, Expr::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for e in args {
                self.visit_expr(e)?;
            }
            if nkw > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                let names: Vec<Constant> = keywords
                    .iter()
                    .map(|k| Constant::Str(k.arg.as_ref().map_or("", |a| a.as_str()).into()))
                    .collect();
                self.load_const(Constant::Tuple(names.into()));
                self.emit(Op::CallKw, n + (nelts + nkw) as u32);
            } else {
                self.emit(Op::Call, n + nelts as u32);
            }
            return Ok(());
        }
        if n == 0 && nelts == 1 {
            if let Expr::Starred(s) = &args[0] {
                self.visit_expr(&s.value)?;
            } else {
                self.starunpack(args, n, Collection::Tuple)?;
            }
        } else {
            self.starunpack(args, n, Collection::Tuple)?;
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&keywords[i - nseen..i])?;
                        if have_dict {
                            self.emit(Op::DictMerge, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Op::BuildMap, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.emit(Op::DictMerge, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&keywords[nkw - nseen..])?;
                if have_dict {
                    self.emit(Op::DictMerge, 1);
                }
            }
        }
        self.emit(Op::CallEx, (nkw > 0) as u32);
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [ast::Keyword]) -> R {
        let big = kws.len() * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Op::BuildMap, 0);
        }
        for k in kws {
            let name = k.arg.as_ref().map_or("", |a| a.as_str());
            self.load_const(Constant::Str(name.into()));
            self.visit_expr(&k.value)?;
            if big {
                self.emit(Op::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Op::BuildMap, kws.len() as u32);
        }
        Ok(())
    }

    // ---- functions ----

    fn compile_lambda(&mut self, l: &'a ast::ExprLambda) -> R {
        let mut fflags = 0;
        if let Some(p) = &l.parameters {
            self.check_debug_args(p)?;
            fflags = self.default_arguments(p)?;
        }
        let scope = self.child_scope(l.range)?;
        let line = self.line_of(l.range.start());
        self.enter_scope("<lambda>", UnitKind::Lambda, scope, line);
        self.set_loc(l.range);
        self.add_const(Constant::None);
        if let Some(p) = &l.parameters {
            self.set_arg_counts(p);
        }
        self.visit_expr(&l.body)?;
        self.set_loc(l.body.range());
        self.emit(Op::ReturnValue, 0);
        let code = self.exit_scope(false)?;
        self.set_loc(l.range);
        self.make_closure(code, fflags);
        Ok(())
    }

    fn compile_comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> R {
        let Some(outermost) = generators.first() else {
            return Err(self.error("invalid syntax", e.range()));
        };
        let outer_kind = self.unit_ref().kind;
        let scope = self.child_scope(e.range())?;
        let is_async = self.st.scopes[scope].coroutine;
        if is_async
            && kind != CompKind::Gen
            && !matches!(outer_kind, UnitKind::AsyncFunction | UnitKind::Comprehension)
            && !self.is_top_level_await()
        {
            return Err(self.error("asynchronous comprehension outside of an asynchronous function", e.range()));
        }
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let line = self.line_of(e.range().start());
        self.enter_scope(name, UnitKind::Comprehension, scope, line);
        self.set_loc(e.range());
        self.unit().argcount = 1;
        match kind {
            CompKind::List => self.emit(Op::BuildList, 0),
            CompKind::Set => self.emit(Op::BuildSet, 0),
            CompKind::Dict => self.emit(Op::BuildMap, 0),
            CompKind::Gen => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, kind)?;
        if kind != CompKind::Gen {
            self.set_loc(e.range());
            self.emit(Op::ReturnValue, 0);
        }
        let code = self.exit_scope(kind == CompKind::Gen)?;
        self.set_loc(e.range());
        self.make_closure(code, 0);
        self.visit_expr(&outermost.iter)?;
        self.set_loc(e.range());
        self.emit(if outermost.is_async { Op::GetAiter } else { Op::GetIter }, 0);
        self.emit(Op::Call, 1);
        if is_async && kind != CompKind::Gen {
            self.emit(Op::GetAwaitable, 0);
            self.load_const(Constant::None);
            self.yield_from_loop(YIELD_AWAIT);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        if gens[index].is_async {
            self.async_comprehension_generator(gens, index, depth, elt, val, kind)
        } else {
            self.sync_comprehension_generator(gens, index, depth, elt, val, kind)
        }
    }

    fn comprehension_element(&mut self, depth: u32, elt: &'a Expr, val: Option<&'a Expr>, kind: CompKind) -> R {
        match kind {
            CompKind::Gen => {
                self.visit_expr(elt)?;
                self.emit_yield();
                self.emit(Op::PopTop, 0);
            }
            CompKind::List => {
                self.visit_expr(elt)?;
                self.emit(Op::ListAppend, depth + 1);
            }
            CompKind::Set => {
                self.visit_expr(elt)?;
                self.emit(Op::SetAdd, depth + 1);
            }
            CompKind::Dict => {
                self.visit_expr(elt)?;
                if let Some(v) = val {
                    self.visit_expr(v)?;
                }
                self.emit(Op::MapAdd, depth + 1);
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let g = &gens[index];
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if index == 0 {
            self.emit(Op::LoadFast, 0);
        } else {
            self.visit_iterable(&g.iter)?;
            self.set_loc(g.range);
            self.emit(Op::GetIter, 0);
        }
        depth += 1;
        self.bind(start);
        self.emit_jump(Op::ForIter, anchor);
        self.visit_target(&g.target, Ctx::Store)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < gens.len() {
            self.comprehension_generator(gens, index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.bind(if_cleanup);
        self.emit_jump(Op::JumpBackward, start);
        self.bind(anchor);
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let g = &gens[index];
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        if index == 0 {
            self.emit(Op::LoadFast, 0);
        } else {
            self.visit_expr(&g.iter)?;
            self.set_loc(g.range);
            self.emit(Op::GetAiter, 0);
        }
        self.bind(start);
        self.push_fblock(FBlockKind::AsyncComprehensionGenerator, Some(start), None, FBlockDatum::None);
        self.emit_setup(IOp::SetupFinally, except);
        self.emit(Op::GetAnext, 0);
        self.load_const(Constant::None);
        self.yield_from_loop(YIELD_AWAIT);
        self.emit_pop_block();
        self.visit_target(&g.target, Ctx::Store)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if index + 1 < gens.len() {
            self.comprehension_generator(gens, index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.bind(if_cleanup);
        self.emit_jump(Op::JumpBackward, start);
        self.pop_fblock();
        self.bind(except);
        self.emit(Op::EndAsyncFor, 0);
        Ok(())
    }

    // ---- f-strings ----

    fn push_lit(pieces: &mut Vec<Piece<'a>>, s: &[u8]) {
        if s.is_empty() {
            return;
        }
        if let Some(Piece::Lit(l)) = pieces.last_mut() {
            l.extend_from_slice(s);
        } else {
            pieces.push(Piece::Lit(s.to_vec()));
        }
    }

    /// The source text of a node.
    fn source_of(&self, node: &impl Ranged) -> &str {
        self.index.source.get(node.range().start().to_usize()..node.range().end().to_usize()).unwrap_or("")
    }

    /// The pieces of an f-string's elements; `raw` for an `rf''` string.
    fn flatten_elements(&self, pieces: &mut Vec<Piece<'a>>, elements: &'a [ast::InterpolatedStringElement], raw: bool) {
        for el in elements {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    let exact = super::surrogates::exact_fstring_literal(self.source_of(l), &l.value, raw);
                    Self::push_lit(pieces, &exact)
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(d) = &i.debug_text {
                        Self::push_lit(pieces, d.as_str().as_bytes());
                    }
                    pieces.push(Piece::Field(i, raw));
                }
            }
        }
    }

    fn compile_fstring(&mut self, f: &'a ast::ExprFString) -> R {
        let mut pieces = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => {
                    let exact = super::surrogates::exact_string_part(self.source_of(s), &s.value);
                    Self::push_lit(&mut pieces, &exact)
                }
                ast::FStringPart::FString(fs) => self.flatten_elements(&mut pieces, &fs.elements, fs.flags.prefix().is_raw()),
            }
        }
        self.compile_joined(pieces)
    }

    /// `compiler_joined_str`.
    fn compile_joined(&mut self, pieces: Vec<Piece<'a>>) -> R {
        let n = pieces.len();
        if n > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str("".into()));
            self.emit_name(Op::LoadMethod, "join");
            self.emit(Op::BuildList, 0);
            for p in pieces {
                self.compile_piece(p)?;
                self.emit(Op::ListAppend, 1);
            }
            self.emit(Op::CallMethod, 1);
            return Ok(());
        }
        for p in pieces {
            self.compile_piece(p)?;
        }
        if n != 1 {
            self.emit(Op::BuildString, n as u32);
        }
        Ok(())
    }

    fn compile_piece(&mut self, p: Piece<'a>) -> R {
        match p {
            Piece::Lit(s) => {
                // Generalized UTF-8 is invalid UTF-8 only where it holds a surrogate.
                let c = match String::from_utf8(s) {
                    Ok(s) => Constant::Str(s.as_str().into()),
                    Err(e) => Constant::SurrogateStr(e.into_bytes().into()),
                };
                self.load_const(c);
                Ok(())
            }
            Piece::Field(i, raw) => self.compile_formatted_value(i, raw),
        }
    }

    /// `compiler_formatted_value`.
    fn compile_formatted_value(&mut self, i: &'a ast::InterpolatedElement, raw: bool) -> R {
        self.visit_expr(&i.expression)?;
        let mut conversion = i.conversion;
        if i.debug_text.is_some() && conversion == ast::ConversionFlag::None && i.format_spec.is_none() {
            conversion = ast::ConversionFlag::Repr;
        }
        let mut oparg = match conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        if let Some(spec) = &i.format_spec {
            let mut pieces = Vec::new();
            self.flatten_elements(&mut pieces, &spec.elements, raw);
            self.compile_joined(pieces)?;
            oparg |= 4;
        }
        self.emit(Op::FormatValue, oparg);
        Ok(())
    }
}

/// The type name of a constant's value.
fn const_type_name(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) | Constant::SurrogateStr(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Ellipsis => "ellipsis",
        Constant::Code(_) => "code",
    }
}
