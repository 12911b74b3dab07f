//! Match statements, following CPython 3.11's `compiler_match` and the
//! `compiler_pattern_*` helpers (`pattern_context`, `fail_pop` blocks, rotations).

use super::{Compiler, Ctx, Label, R};
use crate::bytecode::{BinOp, CmpOp, Op};
use crate::code::Constant;
use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::Ranged;

/// CPython's `pattern_context`.
struct PatternContext {
    /// Names captured so far (their values are on the stack).
    stores: Vec<String>,
    allow_irrefutable: bool,
    /// `fail_pop[k]` pops k items then continues to `fail_pop[k - 1]`.
    fail_pop: Vec<Label>,
    /// Items on top of the stack that belong to the pattern being matched.
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

fn int(i: usize) -> Constant {
    Constant::Int(BigInt::from(i))
}

impl<'a> Compiler<'a> {
    pub(crate) fn compile_match(&mut self, m: &'a ast::StmtMatch) -> R {
        self.visit_expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let Some(last) = m.cases.last() else { return Err(self.error("invalid syntax", m.range)) };
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let n = cases - has_default as usize;
        for (i, case) in m.cases[..n].iter().enumerate() {
            self.set_loc(case.pattern.range());
            if i != n - 1 {
                self.emit(Op::Copy, 1);
            }
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i == cases - 1,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.compile_pattern(&case.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(&name, Ctx::Store)?;
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if i != n - 1 {
                self.emit(Op::PopTop, 0);
            }
            self.visit_stmts(&case.body)?;
            self.emit_jump(Op::Jump, end);
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(last.pattern.range());
            self.emit(Op::Nop, 0);
            if let Some(g) = &last.guard {
                self.jump_if(g, end, false)?;
            }
            self.visit_stmts(&last.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[k]);
            self.emit(Op::PopTop, 0);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn pattern_rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Op::Swap, count as u32);
            count -= 1;
        }
    }

    fn pattern_store_name(&mut self, name: Option<&ast::Identifier>, pc: &mut PatternContext) -> R {
        let Some(n) = name else {
            self.emit(Op::PopTop, 0);
            return Ok(());
        };
        let n = n.as_str();
        if n == "__debug__" {
            return Err(self.error_here("cannot assign to __debug__"));
        }
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error_here(format!("multiple assignments to name '{n}' in pattern")));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_rotate(rotations);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn compile_pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> R {
        self.deeper(p.range())?;
        self.set_loc(p.range());
        let r = match p {
            Pattern::MatchValue(v) => self.pattern_value(&v.value, pc),
            Pattern::MatchSingleton(s) => {
                let c = match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                };
                self.load_const(c);
                self.emit(Op::IsOp, 0);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
                Ok(())
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc),
            Pattern::MatchStar(s) => self.pattern_store_name(s.name.as_ref(), pc),
            Pattern::MatchAs(a) => self.pattern_as(a, pc),
            Pattern::MatchOr(o) => self.pattern_or(o, pc),
        };
        self.depth -= 1;
        r
    }

    fn compile_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> R {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.compile_pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern_value(&mut self, value: &'a Expr, pc: &mut PatternContext) -> R {
        let ok = matches!(value, Expr::Attribute(_)) || self.const_value(value).is_some() || matches!(value, Expr::BinOp(_));
        if !ok {
            return Err(self.error_here("patterns may only match literals and attribute lookups"));
        }
        self.visit_expr(value)?;
        self.emit(Op::CompareOp, CmpOp::Eq as u32);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        Ok(())
    }

    fn pattern_as(&mut self, a: &'a ast::PatternMatchAs, pc: &mut PatternContext) -> R {
        let Some(inner) = &a.pattern else {
            if !pc.allow_irrefutable {
                return Err(match &a.name {
                    Some(n) => self.error_here(format!("name capture '{}' makes remaining patterns unreachable", n.as_str())),
                    None => self.error_here("wildcard makes remaining patterns unreachable"),
                });
            }
            return self.pattern_store_name(a.name.as_ref(), pc);
        };
        pc.on_top += 1;
        self.emit(Op::Copy, 1);
        self.compile_pattern(inner, pc)?;
        pc.on_top -= 1;
        self.pattern_store_name(a.name.as_ref(), pc)
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> R {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return Err(self.error_here("multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Op::MatchSequence, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Op::GetLen, 0);
                self.load_const(int(size));
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Op::GetLen, 0);
                self.load_const(int(size - 1));
                self.emit(Op::CompareOp, CmpOp::Ge as u32);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Op::PopTop, 0);
        } else if star_wildcard {
            self.pattern_sequence_subscr(patterns, star.unwrap_or(0), pc)?;
        } else {
            self.pattern_sequence_unpack(patterns, pc)?;
        }
        Ok(())
    }

    fn pattern_sequence_unpack(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> R {
        let n = patterns.len();
        let mut seen_star = false;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if seen_star {
                    return Err(self.error_here("multiple starred expressions in sequence pattern"));
                }
                if i >= (1 << 8) || n - i - 1 >= (i32::MAX as usize >> 8) {
                    return Err(self.error_here("too many expressions in star-unpacking sequence pattern"));
                }
                self.emit(Op::UnpackEx, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Op::UnpackSequence, n as u32);
        }
        pc.on_top += n;
        for p in patterns {
            pc.on_top -= 1;
            self.compile_subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_sequence_subscr(&mut self, patterns: &'a [Pattern], star: usize, pc: &mut PatternContext) -> R {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.emit(Op::Copy, 1);
            if i < star {
                self.load_const(int(i));
            } else {
                self.emit(Op::GetLen, 0);
                self.load_const(int(size - i));
                self.emit(Op::BinaryOp, BinOp::Subtract as u32);
            }
            self.emit(Op::BinarySubscr, 0);
            self.compile_subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternContext) -> R {
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(Op::MatchMapping, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Op::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Op::GetLen, 0);
            self.load_const(int(size));
            self.emit(Op::CompareOp, CmpOp::Ge as u32);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in m.keys.iter() {
            if let Some(c) = self.const_value(key).or_else(|| complex_literal(self, key)) {
                if seen.iter().any(|s| same_key(s, &c)) {
                    let repr = crate::dis::const_repr(&c);
                    return Err(self.error_here(format!("mapping pattern checks duplicate key ({repr})")));
                }
                seen.push(c);
            } else if !matches!(key, Expr::Attribute(_)) {
                return Err(self.error_here("mapping pattern keys may only match literals and attribute lookups"));
            }
            self.visit_expr(key)?;
        }
        self.emit(Op::BuildTuple, size as u32);
        self.emit(Op::MatchKeys, 0);
        pc.on_top += 2;
        self.emit(Op::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Op::IsOp, 1);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.emit(Op::UnpackSequence, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in m.patterns.iter() {
            pc.on_top -= 1;
            self.compile_subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if let Some(rest) = &m.rest {
            // [subject, keys] -> [rest]
            self.emit(Op::CopyDictWithoutKeys, 0);
            self.emit(Op::Swap, 2);
            self.emit(Op::PopTop, 0);
            self.pattern_store_name(Some(rest), pc)?;
        } else {
            self.emit(Op::PopTop, 0);
            self.emit(Op::PopTop, 0);
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternContext) -> R {
        let args = &c.arguments.patterns;
        let kws = &c.arguments.keywords;
        let nargs = args.len();
        let nattrs = kws.len();
        for (i, k) in kws.iter().enumerate() {
            if kws[i + 1..].iter().any(|o| o.attr.as_str() == k.attr.as_str()) {
                let dup = kws[i + 1..].iter().find(|o| o.attr.as_str() == k.attr.as_str()).map_or(k.range, |o| o.pattern.range());
                return Err(self.error(format!("attribute name repeated in class pattern: {}", k.attr.as_str()), dup));
            }
        }
        self.visit_expr(&c.cls)?;
        let names: Vec<Constant> = kws.iter().map(|k| Constant::Str(k.attr.as_str().into())).collect();
        self.load_const(Constant::Tuple(names.into()));
        self.emit(Op::MatchClass, nargs as u32);
        self.emit(Op::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Op::IsOp, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.emit(Op::UnpackSequence, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        let all = args.iter().chain(kws.iter().map(|k| &k.pattern));
        for p in all {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Op::PopTop, 0);
                continue;
            }
            self.compile_subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> R {
        let end = self.new_label();
        let size = o.patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_loc(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Op::Copy, 1);
            self.compile_pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return Err(self.error_here("alternative patterns bind different names"));
                }
                Some(ctl) => {
                    let ctl = ctl.clone();
                    for icontrol in (0..nstores).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error_here("alternative patterns bind different names"));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.pattern_rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.emit_jump(Op::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        self.emit(Op::PopTop, 0);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error_here(format!("multiple assignments to name '{name}' in pattern")));
            }
            pc.stores.push(name);
        }
        self.emit(Op::PopTop, 0);
        Ok(())
    }
}

/// The value of a complex literal key such as `-1-2j` (CPython folds it to a
/// constant before compiling the pattern).
fn complex_literal(c: &Compiler<'_>, e: &Expr) -> Option<Constant> {
    let Expr::BinOp(b) = e else { return None };
    let re = match c.const_value(&b.left)? {
        Constant::Int(i) => num_traits::ToPrimitive::to_f64(&i)?,
        Constant::Float(f) => f,
        _ => return None,
    };
    let Constant::Complex { re: r2, im } = c.const_value(&b.right)? else { return None };
    match b.op {
        ruff_python_ast::Operator::Add => Some(Constant::Complex { re: re + r2, im }),
        ruff_python_ast::Operator::Sub => Some(Constant::Complex { re: re - r2, im: -im }),
        _ => None,
    }
}

/// Whether two constant mapping-pattern keys are equal as dict keys: numbers by
/// value across bool, int, float and complex (`0`, `False`, `0.0` and `0j` are one
/// key), everything else by kind and value (its repr).
fn same_key(a: &Constant, b: &Constant) -> bool {
    /// A number as (real part, imaginary part): the real part an exact integer when
    /// it is one.
    enum Real<'c> {
        Int(std::borrow::Cow<'c, BigInt>),
        Float(f64),
    }
    fn number(c: &Constant) -> Option<(Real<'_>, f64)> {
        use std::borrow::Cow;
        let real = |f: f64| match num_traits::FromPrimitive::from_f64(f) {
            Some(i) if f.fract() == 0.0 => Real::Int(Cow::Owned(i)),
            _ => Real::Float(f),
        };
        match c {
            Constant::Bool(b) => Some((Real::Int(Cow::Owned(BigInt::from(*b as u8))), 0.0)),
            Constant::Int(i) => Some((Real::Int(Cow::Borrowed(i)), 0.0)),
            Constant::Float(f) => Some((real(*f), 0.0)),
            Constant::Complex { re, im } => Some((real(*re), *im)),
            _ => None,
        }
    }
    match (number(a), number(b)) {
        (Some((ar, ai)), Some((br, bi))) => {
            ai == bi
                && match (ar, br) {
                    (Real::Int(x), Real::Int(y)) => x == y,
                    (Real::Float(x), Real::Float(y)) => x == y,
                    _ => false,
                }
        }
        (None, None) => crate::dis::const_repr(a) == crate::dis::const_repr(b),
        _ => false,
    }
}
