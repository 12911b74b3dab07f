//! Where a debugger may move a running frame (assigning `frame.f_lineno` from a
//! trace function), with CPython 3.11's rules and messages.
//!
//! A jump keeps the frame's value stack, less what it pops from the top, so the
//! target must expect a stack the current one can be cut down to. Each
//! instruction's stack is modelled as the kinds of its entries (`Kind`): an
//! iterator a `for` loop needs, a NULL of a method call, an exception of a handler,
//! a handler's saved `lasti`, or any other object. The model is CPython's: a stack
//! packed three bits per entry into an `i64`, compared as CPython compares them,
//! so the same jumps are allowed, the same target instruction chosen and the same
//! errors reported.

use crate::bytecode::Op;
use crate::code::CodeObject;

/// What a stack entry holds (CPython's numbering: the packed stacks compare as
/// CPython's do).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Iterator = 1,
    Except = 2,
    Object = 3,
    Null = 4,
    Lasti = 5,
}

const BITS: u32 = 3;
/// No path reaches the instruction (or only an exception handler's entry does,
/// which the model never gives one).
const UNREACHED: i64 = -2;
/// Deeper than 21 entries: not analysed.
const OVERFLOWED: i64 = -1;
const MAX_ENTRIES: u32 = 63 / BITS;

fn push(stack: i64, kind: Kind) -> i64 {
    if stack < 0 {
        return stack;
    }
    if stack as u64 >= 1u64 << ((MAX_ENTRIES - 1) * BITS) {
        return OVERFLOWED;
    }
    (stack << BITS) | kind as i64
}

fn pop(stack: i64) -> i64 {
    if stack < 0 { stack } else { stack >> BITS }
}

fn top(stack: i64) -> i64 {
    stack & ((1 << BITS) - 1)
}

/// Applies `delta` entries popped (negative) or objects pushed.
fn adjust(mut stack: i64, delta: i32) -> i64 {
    for _ in delta..0 {
        stack = pop(stack);
    }
    for _ in 0..delta {
        stack = push(stack, Kind::Object);
    }
    stack
}

/// The stack before each instruction (`UNREACHED` where none is known).
fn mark_stacks(code: &CodeObject) -> Vec<i64> {
    let ins = &code.instructions;
    let mut stacks = vec![UNREACHED; ins.len() + 1];
    stacks[0] = 0;
    let mut work = vec![0usize];
    let set = |stacks: &mut Vec<i64>, work: &mut Vec<usize>, at: usize, s: i64| {
        if at < stacks.len() && stacks[at] == UNREACHED {
            stacks[at] = s;
            work.push(at);
        }
    };
    loop {
        while let Some(i) = work.pop() {
            let s = stacks[i];
            let Some(&crate::bytecode::Instr { op, arg }) = ins.get(i) else { continue };
            let next = match op {
                Op::GetIter | Op::GetAiter => push(pop(s), Kind::Iterator),
                Op::LoadMethod => push(push(pop(s), Kind::Null), Kind::Object),
                Op::PushNull => push(s, Kind::Null),
                Op::PushExcInfo => push(s, Kind::Except),
                _ => adjust(s, op.stack_effect(arg, false)),
            };
            if op.is_jump() {
                set(&mut stacks, &mut work, arg as usize, adjust(s, op.stack_effect(arg, true)));
            }
            if !op.is_unconditional() && !op.is_terminator() {
                set(&mut stacks, &mut work, i + 1, next);
            }
        }
        // A handler is entered with the stack of the first instruction it covers, cut
        // to its depth, plus the `lasti` it may keep and the exception.
        for e in &code.exception_table {
            let from = stacks[e.start as usize];
            if from == UNREACHED || stacks[e.target as usize] != UNREACHED {
                continue;
            }
            let mut s = from;
            while s > 0 && depth(s) > e.depth {
                s = pop(s);
            }
            if e.push_lasti {
                s = push(s, Kind::Lasti);
            }
            set(&mut stacks, &mut work, e.target as usize, push(s, Kind::Except));
        }
        if work.is_empty() {
            return stacks;
        }
    }
}

fn depth(mut stack: i64) -> u32 {
    let mut n = 0;
    while stack > 0 {
        stack = pop(stack);
        n += 1;
    }
    n
}

fn compatible_kind(from: i64, to: i64) -> bool {
    match to {
        0 => false,
        k if k == Kind::Object as i64 => from != Kind::Null as i64,
        k if k == Kind::Null as i64 => true,
        _ => from == to,
    }
}

/// Whether a frame whose stack is `from` may go on at an instruction expecting
/// `to`, by popping entries off the top.
fn compatible(mut from: i64, mut to: i64) -> bool {
    if from < 0 || to < 0 {
        return false;
    }
    while from > to {
        from = pop(from);
    }
    while from != 0 {
        if !compatible_kind(top(from), top(to)) {
            return false;
        }
        from = pop(from);
        to = pop(to);
    }
    to == 0
}

fn why_incompatible(to: i64) -> &'static str {
    match to {
        OVERFLOWED => "stack is too deep to analyze",
        UNREACHED => "can't jump into an exception handler, or code may be unreachable",
        _ => match top(to) {
            k if k == Kind::Except as i64 => "can't jump into an 'except' block as there's no exception",
            k if k == Kind::Lasti as i64 => "can't jump into a re-raising block as there's no location",
            k if k == Kind::Iterator as i64 => "can't jump into the body of a for loop",
            _ => "incompatible stacks",
        },
    }
}

/// The line each instruction starts, where it starts one (0 elsewhere): the first
/// instruction of each run of instructions on one line.
fn line_starts(code: &CodeObject) -> Vec<u32> {
    let mut last = None;
    code.locations
        .iter()
        .map(|l| {
            if l.line != 0 && last != Some(l.line) {
                last = Some(l.line);
                l.line
            } else {
                0
            }
        })
        .collect()
}

/// A jump a trace function may make.
#[derive(Debug, PartialEq, Eq)]
pub struct Jump {
    /// The instruction to go on at.
    pub target: usize,
    /// The kinds of the entries to pop off the frame's stack, top first.
    pub pops: Vec<Kind>,
}

fn kind_of(k: i64) -> Kind {
    match k {
        1 => Kind::Iterator,
        2 => Kind::Except,
        4 => Kind::Null,
        5 => Kind::Lasti,
        _ => Kind::Object,
    }
}

/// Moving a frame of `code`, about to run instruction `at`, to line `line`: the
/// jump, or CPython's ValueError message.
pub fn jump_to_line(code: &CodeObject, at: usize, line: i64) -> Result<Jump, String> {
    if line < code.firstlineno as i64 {
        return Err(format!("line {line} comes before the current code block"));
    }
    let starts = line_starts(code);
    let Some(line) = starts.iter().filter(|&&l| l != 0 && l as i64 >= line).min().copied() else {
        return Err(format!("line {line} comes after the current code block"));
    };
    let stacks = mark_stacks(code);
    let from = stacks.get(at).copied().unwrap_or(UNREACHED);
    let mut best: Option<(i64, usize)> = None;
    let mut err: Option<&str> = None;
    let mut decided = false;
    for (i, _) in starts.iter().enumerate().filter(|(_, &l)| l == line) {
        let to = stacks[i];
        if compatible(from, to) {
            decided = true;
            if best.map_or(true, |(b, _)| to > b) {
                best = Some((to, i));
            }
        } else if !decided {
            err = Some(match from {
                OVERFLOWED => "stack is too deep to analyze",
                UNREACHED => "can't jump from unreachable code",
                _ => {
                    decided = true;
                    why_incompatible(to)
                }
            });
        }
    }
    let Some((to, target)) = best else {
        return Err(err.unwrap_or("cannot find bytecode for specified line").into());
    };
    let mut pops = Vec::new();
    let mut s = from;
    while s > to {
        pops.push(kind_of(top(s)));
        s = pop(s);
    }
    Ok(Jump { target, pops })
}
