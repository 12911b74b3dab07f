//! Assembly: labels and pseudo-instructions to real instructions, the exception table
//! (CPython's `label_exception_targets` + `assemble_exception_table`), the maximum
//! stack depth (`stackdepth`), unreachable-code removal and jump direction.

use crate::bytecode::{Instr, Op};
use crate::code::{ExceptionEntry, Location};
use crate::codegen::{IInstr, IOp};

pub(crate) struct UnitOutput<'u> {
    pub instrs: &'u [IInstr],
    pub labels: &'u [u32],
    pub firstlineno: u32,
}

pub(crate) struct Assembled {
    pub instructions: Vec<Instr>,
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionEntry>,
    pub stacksize: u32,
}

/// A handler on the exception stack: target instruction, depth at the target, lasti.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Handler {
    target: usize,
    depth: u32,
    lasti: bool,
}

pub(crate) fn assemble(u: UnitOutput<'_>) -> Result<Assembled, String> {
    let (instrs, labels) = inline_exit_blocks(u.instrs, u.labels);
    let u = UnitOutput { instrs: &instrs, labels: &labels, firstlineno: u.firstlineno };
    let n = u.instrs.len();
    let target_of = |i: &IInstr| -> Result<usize, String> {
        let l = i.target.ok_or("jump without target")?;
        let t = *u.labels.get(l.0 as usize).ok_or("unknown label")?;
        if t == u32::MAX {
            return Err("unbound label".into());
        }
        Ok(t as usize)
    };
    // Flow analysis: depth and handler stack at each instruction.
    let mut depth_at: Vec<Option<u32>> = vec![None; n + 1];
    let mut handler_at: Vec<Option<Handler>> = vec![None; n + 1];
    let mut work: Vec<(usize, u32, Vec<Handler>)> = vec![(0, 0, Vec::new())];
    let mut maxdepth: i64 = 0;
    while let Some((mut pc, mut depth, mut hstack)) = work.pop() {
        loop {
            if pc >= n {
                break;
            }
            if depth_at[pc].is_some() {
                break;
            }
            depth_at[pc] = Some(depth);
            handler_at[pc] = hstack.last().copied();
            let ins = &u.instrs[pc];
            match ins.op {
                IOp::SetupFinally | IOp::SetupCleanup | IOp::SetupWith => {
                    let t = target_of(ins)?;
                    let (tdepth, lasti) = match ins.op {
                        IOp::SetupFinally => (depth + 1, false),
                        IOp::SetupCleanup => (depth + 2, true),
                        _ => (depth + 1, true),
                    };
                    maxdepth = maxdepth.max(tdepth as i64);
                    work.push((t, tdepth, hstack.clone()));
                    hstack.push(Handler { target: t, depth: tdepth - 1 - lasti as u32, lasti });
                    pc += 1;
                }
                IOp::PopBlock => {
                    hstack.pop();
                    pc += 1;
                }
                IOp::Op(op) => {
                    if op.is_jump() {
                        let t = target_of(ins)?;
                        let jd = depth as i64 + op.stack_effect(ins.arg, true) as i64;
                        if jd < 0 {
                            return Err(format!("negative stack depth at {pc} ({})", op.name()));
                        }
                        maxdepth = maxdepth.max(jd);
                        work.push((t, jd as u32, hstack.clone()));
                        if op.is_unconditional() {
                            break;
                        }
                    }
                    let nd = depth as i64 + op.stack_effect(ins.arg, false) as i64;
                    if nd < 0 {
                        return Err(format!("negative stack depth at {pc} ({})", op.name()));
                    }
                    maxdepth = maxdepth.max(nd);
                    if op.is_terminator() {
                        break;
                    }
                    depth = nd as u32;
                    pc += 1;
                }
            }
        }
    }
    // Keep reachable real instructions; map old indexes to new.
    let mut keep: Vec<bool> = (0..n)
        .map(|i| depth_at[i].is_some() && matches!(u.instrs[i].op, IOp::Op(_)))
        .collect();
    drop_redundant_nops(u.instrs, &mut keep);
    let mut new_index = vec![0u32; n + 1];
    let mut count = 0u32;
    for i in (0..=n).rev() {
        if i < n && keep[i] {
            count += 1;
        }
        new_index[i] = count;
    }
    let total = count;
    for v in new_index.iter_mut() {
        *v = total - *v;
    }
    // new_index[i] is now the number of kept instructions before i, i.e. the new
    // index of the first kept instruction at or after i.
    let mut instructions = Vec::with_capacity(total as usize);
    let mut locations = Vec::with_capacity(total as usize);
    let mut handlers: Vec<Option<Handler>> = Vec::with_capacity(total as usize);
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        let ins = &u.instrs[i];
        let IOp::Op(mut op) = ins.op else { continue };
        let mut arg = ins.arg;
        if op.is_jump() {
            let t = new_index[target_of(ins)?];
            let here = instructions.len() as u32;
            if op == Op::Jump && t <= here {
                op = Op::JumpBackward;
            } else if op == Op::JumpBackward && t > here {
                op = Op::Jump;
            }
            arg = t;
        }
        instructions.push(Instr::new(op, arg));
        locations.push(ins.loc);
        handlers.push(handler_at[i].map(|h| Handler { target: new_index[h.target] as usize, ..h }));
    }
    let mut exception_table: Vec<ExceptionEntry> = Vec::new();
    let mut i = 0;
    while i < handlers.len() {
        let Some(h) = handlers[i] else {
            i += 1;
            continue;
        };
        let start = i;
        while i < handlers.len() && handlers[i] == Some(h) {
            i += 1;
        }
        exception_table.push(ExceptionEntry {
            start: start as u32,
            end: i as u32,
            target: h.target as u32,
            depth: h.depth,
            push_lasti: h.lasti,
        });
    }
    propagate_lines(&instructions, &mut locations, &exception_table, u.firstlineno);
    Ok(Assembled { instructions, locations, exception_table, stacksize: maxdepth as u32 })
}

/// Gives instructions with no line (line 0) their predecessor's location, as
/// CPython's `propagate_line_numbers` does: inside a straight run of code, the
/// instruction before; at a place reached from one place only, that place's. What
/// is reached from several places keeps no line: it starts none for the line
/// events (`CodeObject::line_at` gives tracebacks the line before it). The first
/// instruction is on the first line.
fn propagate_lines(instrs: &[Instr], locs: &mut [Location], table: &[ExceptionEntry], firstlineno: u32) {
    let n = instrs.len();
    let mut preds = vec![0u32; n];
    let mut jumped_from: Vec<Option<usize>> = vec![None; n];
    let mut starts_block = vec![false; n];
    for (i, ins) in instrs.iter().enumerate() {
        if ins.op.is_jump() && (ins.arg as usize) < n {
            preds[ins.arg as usize] += 1;
            jumped_from[ins.arg as usize] = Some(i);
            starts_block[ins.arg as usize] = true;
        }
        let falls = !ins.op.is_unconditional() && !ins.op.is_terminator();
        if i + 1 < n {
            if falls {
                preds[i + 1] += 1;
            } else {
                starts_block[i + 1] = true;
            }
        }
    }
    for e in table {
        if let Some(p) = preds.get_mut(e.target as usize) {
            *p += 1;
            starts_block[e.target as usize] = true;
        }
    }
    for i in 0..n {
        if locs[i].line != 0 {
            continue;
        }
        if i == 0 {
            locs[0] = Location { line: firstlineno, end_line: firstlineno, ..Default::default() };
            continue;
        }
        let falls_in = !instrs[i - 1].op.is_unconditional() && !instrs[i - 1].op.is_terminator();
        let from = if !starts_block[i] {
            Some(i - 1)
        } else if preds[i] == 1 {
            if falls_in { Some(i - 1) } else { jumped_from[i] }
        } else {
            None
        };
        if let Some(f) = from {
            locs[i] = locs[f];
        }
    }
}

/// A jump to `return <constant>` becomes a `Nop` on the jump's line followed by a
/// copy of the return (CPython's `inline_small_exit_blocks`), so that the return
/// stays on the line of the code leading to it, as CPython's line events and
/// `f_lineno` jumps see it. Other exit blocks are left: a copy of an instruction
/// that can raise would move it under another handler.
fn inline_exit_blocks(instrs: &[IInstr], labels: &[u32]) -> (Vec<IInstr>, Vec<u32>) {
    let bound: std::collections::HashSet<u32> = labels.iter().copied().collect();
    let exit_at = |l: Option<crate::codegen::Label>| -> Option<usize> {
        let p = *labels.get(l?.0 as usize)? as usize;
        let returns = matches!(
            instrs.get(p..p + 2),
            Some([IInstr { op: IOp::Op(Op::LoadConst), .. }, IInstr { op: IOp::Op(Op::ReturnValue), .. }])
        );
        (returns && !bound.contains(&(p as u32 + 1))).then_some(p)
    };
    let mut out = Vec::with_capacity(instrs.len());
    let mut moved = Vec::with_capacity(instrs.len() + 1);
    for ins in instrs {
        moved.push(out.len() as u32);
        match exit_at(ins.target).filter(|_| ins.op == IOp::Op(Op::Jump)) {
            Some(p) => {
                out.push(IInstr { op: IOp::Op(Op::Nop), arg: 0, target: None, loc: ins.loc });
                out.extend_from_slice(&instrs[p..p + 2]);
            }
            None => out.push(*ins),
        }
    }
    moved.push(out.len() as u32);
    let labels = labels.iter().map(|&l| if l == u32::MAX { l } else { moved[l as usize] }).collect();
    (out, labels)
}

/// Drops the `Nop`s that mark no line of their own: those on the line of the
/// instruction kept before or after them (CPython's `remove_redundant_nops`). A `Nop`
/// left marks a line with no other instruction (`pass`, `try:`, a constant
/// statement) for line tracing.
fn drop_redundant_nops(instrs: &[IInstr], keep: &mut [bool]) {
    let line = |i: usize| instrs[i].loc.line;
    let mut prev: Option<u32> = None;
    for i in 0..keep.len() {
        if !keep[i] {
            continue;
        }
        if instrs[i].op == IOp::Op(Op::Nop) {
            let next = (i + 1..keep.len()).find(|&j| keep[j]).map(line);
            if prev == Some(line(i)) || next == Some(line(i)) {
                keep[i] = false;
                continue;
            }
        }
        prev = Some(line(i));
    }
}
