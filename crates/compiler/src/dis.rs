//! A human-readable disassembler for code objects (tests and the VM's debug flag).

use crate::bytecode::{BinOp, CmpOp, Op, Operand};
use crate::code::{CodeObject, Constant};
use std::fmt::Write;

/// `repr`-like rendering of a constant.
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { re, im } => {
            if *re == 0.0 && re.is_sign_positive() {
                format!("{}j", float_repr(*im).trim_end_matches(".0"))
            } else {
                format!("({}+{}j)", float_repr(*re), float_repr(*im))
            }
        }
        Constant::Str(s) => format::repr::str_repr(s),
        Constant::SurrogateStr(b) => {
            // The surrogates (3-byte sequences starting 0xED 0xA0..) as escapes.
            let mut s = String::from("'");
            let mut i = 0;
            while i < b.len() {
                if b[i] == 0xed && i + 2 < b.len() && b[i + 1] >= 0xa0 {
                    let cp = 0xd000 | (u32::from(b[i + 1] & 0x3f) << 6) | u32::from(b[i + 2] & 0x3f);
                    let _ = write!(s, "\\u{cp:04x}");
                    i += 3;
                } else {
                    let end = (i + 1..=b.len()).find(|&e| std::str::from_utf8(&b[i..e]).is_ok()).unwrap_or(b.len());
                    s.push_str(&String::from_utf8_lossy(&b[i..end]));
                    i = end;
                }
            }
            s.push('\'');
            s
        }
        Constant::Bytes(b) => format::repr::bytes_repr(b),
        Constant::Tuple(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Constant::FrozenSet(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", items.join(", "))
        }
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Code(c) => format!("<code object {}, line {}>", c.name, c.firstlineno),
    }
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        "nan".into()
    } else if f.is_infinite() {
        if f > 0.0 { "inf" } else { "-inf" }.into()
    } else if f == f.trunc() && f.abs() < 1e16 {
        format!("{f:.1}")
    } else {
        format!("{f}")
    }
}

/// The resolved meaning of an instruction's argument, if any.
pub fn arg_repr(code: &CodeObject, op: Op, arg: u32) -> String {
    let name = |i: u32| code.names.get(i as usize).map_or("?".to_string(), |s| s.to_string());
    let deref = |i: u32| {
        let i = i as usize;
        code.cellvars
            .get(i)
            .or_else(|| code.freevars.get(i.wrapping_sub(code.cellvars.len())))
            .map_or("?".to_string(), |s| s.to_string())
    };
    match op.operand() {
        Operand::Const => code.consts.get(arg as usize).map_or("?".into(), const_repr),
        Operand::Local => code.varnames.get(arg as usize).map_or("?".into(), |s| s.to_string()),
        Operand::Cell => deref(arg),
        Operand::Name => name(arg),
        Operand::BinOp if arg < 26 => BinOp::from_arg(arg).symbol().to_string(),
        Operand::CmpOp if arg < 6 => CmpOp::from_arg(arg).symbol().to_string(),
        Operand::Jump => format!("to {arg}"),
        _ => String::new(),
    }
}

/// Disassembles `code` and, recursively, the code objects among its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_into(code, &mut out);
    out
}

fn dis_into(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code {} ({}) line {}> argcount={} posonly={} kwonly={} flags={:#x} stacksize={}",
        code.name,
        code.qualname,
        code.firstlineno,
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.flags,
        code.stacksize
    );
    let list = |v: &[std::rc::Rc<str>]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ");
    let _ = writeln!(out, "  varnames: [{}]", list(&code.varnames));
    if !code.cellvars.is_empty() {
        let _ = writeln!(out, "  cellvars: [{}]", list(&code.cellvars));
    }
    if !code.freevars.is_empty() {
        let _ = writeln!(out, "  freevars: [{}]", list(&code.freevars));
    }
    let mut last_line = 0;
    for (i, ins) in code.instructions.iter().enumerate() {
        let line = code.locations.get(i).map_or(0, |l| l.line);
        let line_s = if line != last_line { format!("{line:>4}") } else { "    ".into() };
        last_line = line;
        let target = code.exception_table.iter().any(|e| e.target as usize == i)
            || code.instructions.iter().any(|j| j.op.is_jump() && j.arg as usize == i);
        let mark = if target { ">>" } else { "  " };
        let resolved = arg_repr(code, ins.op, ins.arg);
        let resolved = if resolved.is_empty() { String::new() } else { format!(" ({resolved})") };
        let _ = writeln!(out, "{line_s} {mark}{i:>5} {:<20} {:>4}{resolved}", ins.op.name(), ins.arg);
    }
    if !code.exception_table.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                e.end,
                e.target,
                e.depth,
                if e.push_lasti { " lasti" } else { "" }
            );
        }
    }
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            out.push('\n');
            dis_into(inner, out);
        }
    }
}

