//! Bytecode verification: the facts about a code object that the interpreter relies
//! on without checking them as it runs (its value-stack slots and its instruction
//! array are read without bounds checks, `vm/src/interp.rs`).
//!
//! The VM verifies every code object before it can run, whether it was just compiled
//! or read back from the bytecode cache, where a damaged file could hold anything.
//! What is checked, for every instruction reachable from the entry or from an
//! exception handler:
//! - the next instruction it falls through to, and any jump target, is inside the code;
//! - it is reached with one stack depth on every path, and every edge leaves a depth
//!   between 0 and `stacksize` (from `Op::stack_effect`, the one statement of what each
//!   instruction pushes and pops);
//! - `Copy`/`Swap` reach no deeper than the depth;
//! - local, cell, name and constant indexes and operator codes are in range, and the
//!   parameter counts fit the locals (code read back by `marshal` may hold anything);
//! - an exception handler covering it unwinds to a depth no greater than its own;
//! - it is not a superinstruction (those are made by the VM when it prepares code, and
//!   read their second half's argument unverified).

use crate::bytecode::{Instr, Op, Operand};
use crate::code::{CodeObject, Constant};
use std::rc::Rc;

/// A code object, with those among its constants, that passed verification: what
/// the VM requires to make a code object it can run.
pub struct Verified(Rc<CodeObject>);

impl Verified {
    /// Verifies `code` and every code object among its constants.
    pub fn new(code: Rc<CodeObject>) -> Result<Verified, String> {
        code_tree(&code)?;
        Ok(Verified(code))
    }

    pub fn code(&self) -> &Rc<CodeObject> {
        &self.0
    }

    /// The code objects among the constants, verified with their parent, in order.
    pub fn nested(&self) -> impl Iterator<Item = Verified> + '_ {
        self.0.consts.iter().filter_map(|c| match c {
            Constant::Code(inner) => Some(Verified(inner.clone())),
            _ => None,
        })
    }
}

fn code_tree(code: &CodeObject) -> Result<(), String> {
    check(code).map_err(|e| format!("{}: {e}", code.qualname))?;
    for c in &code.consts {
        match c {
            Constant::Code(inner) => code_tree(inner)?,
            Constant::Tuple(items) | Constant::FrozenSet(items) if items.iter().any(holds_code) => {
                return Err(format!("{}: a code object inside a constant tuple or frozenset", code.qualname));
            }
            _ => {}
        }
    }
    Ok(())
}

fn holds_code(c: &Constant) -> bool {
    match c {
        Constant::Code(_) => true,
        Constant::Tuple(items) | Constant::FrozenSet(items) => items.iter().any(holds_code),
        _ => false,
    }
}

/// Verifies one code object (see the module comment).
pub fn check(code: &CodeObject) -> Result<(), String> {
    let instrs = &code.instructions;
    let n = instrs.len();
    if n == 0 {
        return Err("no instructions".into());
    }
    let max = code.stacksize as i64;
    let nlocals = code.varnames.len() as u32;
    let ncells = (code.cellvars.len() + code.freevars.len()) as u32;
    let star_params = (code.flags & crate::code::flags::VARARGS != 0) as u64 + (code.flags & crate::code::flags::VARKEYWORDS != 0) as u64;
    if code.argcount as u64 + code.kwonlyargcount as u64 + star_params > nlocals as u64 || code.posonlyargcount > code.argcount {
        return Err("parameter counts exceed the locals".into());
    }
    if code.cell2arg.iter().flatten().any(|&a| a >= nlocals) || code.cell2arg.len() > code.cellvars.len() {
        return Err("cell argument out of range".into());
    }
    let sizes = Sizes { nlocals, ncells, nnames: code.names.len() as u32, nconsts: code.consts.len() as u32 };
    let unwind_depth = handler_depths(code)?;
    let mut depth_at: Vec<Option<u32>> = vec![None; n];
    let mut work: Vec<(usize, i64)> = vec![(0, 0)];
    for e in &code.exception_table {
        work.push((e.target as usize, e.depth as i64 + e.push_lasti as i64 + 1));
    }
    while let Some((mut pc, mut depth)) = work.pop() {
        loop {
            if pc >= n {
                return Err(format!("control reaches {pc}, past the last instruction"));
            }
            if !(0..=max).contains(&depth) {
                return Err(format!("stack depth {depth} at {pc} outside 0..={max}"));
            }
            match depth_at[pc] {
                Some(d) if d as i64 == depth => break,
                Some(d) => return Err(format!("instruction {pc} reached with depths {d} and {depth}")),
                None => depth_at[pc] = Some(depth as u32),
            }
            let Instr { op, arg } = instrs[pc];
            check_arg(op, arg, depth, &sizes).map_err(|e| format!("{e} at {pc} ({})", op.name()))?;
            if unwind_depth[pc] as i64 > depth {
                return Err(format!("handler of {pc} unwinds to depth {}, above {depth}", unwind_depth[pc]));
            }
            if op.is_jump() {
                work.push((arg as usize, depth + op.stack_effect(arg, true) as i64));
            }
            if op.is_unconditional() || op.is_terminator() {
                break;
            }
            depth += op.stack_effect(arg, false) as i64;
            pc += 1;
        }
    }
    Ok(())
}

/// For each instruction, the depth its handler unwinds to (0 without a handler).
/// Entries must be sorted and disjoint, as the compiler writes them, so that the
/// one the interpreter finds for an instruction is the one checked here.
fn handler_depths(code: &CodeObject) -> Result<Vec<u32>, String> {
    let n = code.instructions.len();
    let mut depths = vec![0; n];
    let mut prev_end = 0;
    for e in &code.exception_table {
        let (start, end) = (e.start as usize, e.end as usize);
        if start < prev_end || start > end || end > n {
            return Err(format!("exception table entry {start}..{end} out of order or outside the code"));
        }
        depths[start..end].fill(e.depth);
        prev_end = end;
    }
    Ok(depths)
}

/// The lengths of the tables instruction arguments index.
struct Sizes {
    nlocals: u32,
    ncells: u32,
    nnames: u32,
    nconsts: u32,
}

/// The argument checks that do not follow from the depths.
fn check_arg(op: Op, arg: u32, depth: i64, s: &Sizes) -> Result<(), String> {
    let (nlocals, ncells, nnames, nconsts) = (s.nlocals, s.ncells, s.nnames, s.nconsts);
    match op.operand() {
        Operand::Local if arg >= nlocals => return Err(format!("local {arg} of {nlocals}")),
        Operand::Cell if arg >= ncells => return Err(format!("cell {arg} of {ncells}")),
        Operand::Name if arg >= nnames => return Err(format!("name {arg} of {nnames}")),
        Operand::Const if arg >= nconsts => return Err(format!("constant {arg} of {nconsts}")),
        Operand::BinOp if arg > crate::bytecode::BinOp::InplaceXor as u32 => return Err(format!("binary operator {arg}")),
        Operand::CmpOp if arg > crate::bytecode::CmpOp::Ge as u32 => return Err(format!("comparison {arg}")),
        _ => {}
    }
    match op {
        Op::Copy if arg < 1 || arg as i64 > depth => Err(format!("copy of item {arg} at depth {depth}")),
        Op::Swap if arg < 2 || arg as i64 > depth => Err(format!("swap with item {arg} at depth {depth}")),
        _ if op.is_quickened() => Err("interpreter-only instruction in compiled code".into()),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::bytecode::{Instr, Op};
    use crate::code::{CodeObject, ExceptionEntry};

    fn code(ops: &[(Op, u32)], stacksize: u32) -> CodeObject {
        CodeObject {
            instructions: ops.iter().map(|&(op, arg)| Instr::new(op, arg)).collect(),
            stacksize,
            varnames: vec!["x".into()],
            consts: vec![crate::Constant::None],
            ..Default::default()
        }
    }

    #[test]
    fn accepts_compiled_shapes() {
        assert_eq!(check(&code(&[(Op::LoadFast, 0), (Op::ReturnValue, 0)], 1)), Ok(()));
        let loop_ = [(Op::LoadConst, 0), (Op::PopJumpIfFalse, 3), (Op::JumpBackward, 0), (Op::LoadConst, 0), (Op::ReturnValue, 0)];
        assert_eq!(check(&code(&loop_, 1)), Ok(()));
    }

    #[test]
    fn refuses_what_the_interpreter_does_not_check() {
        let bad: &[(&[(Op, u32)], u32)] = &[
            (&[], 0),
            // underflow
            (&[(Op::PopTop, 0), (Op::LoadConst, 0), (Op::ReturnValue, 0)], 1),
            // deeper than stacksize
            (&[(Op::LoadConst, 0), (Op::LoadConst, 0), (Op::BuildTuple, 2), (Op::ReturnValue, 0)], 1),
            // local out of range
            (&[(Op::LoadFast, 1), (Op::ReturnValue, 0)], 1),
            // cell out of range
            (&[(Op::LoadClosure, 0), (Op::ReturnValue, 0)], 1),
            // falls off the end
            (&[(Op::LoadConst, 0), (Op::PopTop, 0)], 1),
            // jump outside
            (&[(Op::Jump, 7)], 1),
            // two depths at one instruction
            (&[(Op::LoadConst, 0), (Op::PopJumpIfTrue, 3), (Op::LoadConst, 0), (Op::ReturnValue, 0)], 2),
            // copy/swap deeper than the stack
            (&[(Op::LoadConst, 0), (Op::Copy, 2), (Op::ReturnValue, 0)], 2),
            (&[(Op::LoadConst, 0), (Op::Swap, 2), (Op::ReturnValue, 0)], 2),
            // a superinstruction
            (&[(Op::LoadFastLoadFast, 0), (Op::LoadFast, 5), (Op::ReturnValue, 0)], 2),
            // constant, name, operator out of range
            (&[(Op::LoadConst, 1), (Op::ReturnValue, 0)], 1),
            (&[(Op::LoadGlobal, 0), (Op::ReturnValue, 0)], 1),
            (&[(Op::LoadConst, 0), (Op::LoadConst, 0), (Op::BinaryOp, 26), (Op::ReturnValue, 0)], 2),
            (&[(Op::LoadConst, 0), (Op::LoadConst, 0), (Op::CompareOp, 6), (Op::ReturnValue, 0)], 2),
        ];
        for (ops, size) in bad {
            assert!(check(&code(ops, *size)).is_err(), "{ops:?} passed");
        }
        // more parameters than locals
        let mut c = code(&[(Op::LoadConst, 0), (Op::ReturnValue, 0)], 1);
        c.argcount = 2;
        assert!(check(&c).is_err());
    }

    #[test]
    fn handlers_are_checked() {
        let mut c = code(&[(Op::LoadConst, 0), (Op::ReturnValue, 0), (Op::Reraise, 0)], 2);
        c.exception_table = vec![ExceptionEntry { start: 0, end: 2, target: 2, depth: 0, push_lasti: false }];
        assert_eq!(check(&c), Ok(()));
        c.exception_table[0].depth = 1; // above the depth of instruction 0
        assert!(check(&c).is_err());
        c.exception_table[0] = ExceptionEntry { start: 0, end: 2, target: 9, depth: 0, push_lasti: false };
        assert!(check(&c).is_err());
        c.exception_table[0] = ExceptionEntry { start: 0, end: 2, target: 2, depth: 0, push_lasti: true };
        c.stacksize = 1; // handler entry depth 2 exceeds it
        assert!(check(&c).is_err());
    }
}
