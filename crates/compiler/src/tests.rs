//! Unit tests: disassembly snapshots of key opcodes, stack/exception-table sanity,
//! symtable classification and SyntaxError messages/positions (checked against
//! CPython 3.11 by hand).

use crate::bytecode::Op;
use crate::code::{CodeObject, Constant};
use crate::{compile, CompileError, CompileOptions, ErrorKind, Mode};

fn comp(src: &str) -> CodeObject {
    match compile(src, "<test>", Mode::Exec, CompileOptions::default()) {
        Ok(c) => {
            check(&c);
            c
        }
        Err(e) => panic!("compile failed: {e:?}\n{}", &src[..src.len().min(200)]),
    }
}

fn err(src: &str) -> CompileError {
    match compile(src, "<test>", Mode::Exec, CompileOptions::default()) {
        Ok(_) => panic!("expected an error for {:?}", &src[..src.len().min(80)]),
        Err(e) => e,
    }
}

fn dis(src: &str) -> String {
    crate::dis::disassemble(&comp(src))
}

/// Structural invariants of every code object.
fn check(code: &CodeObject) {
    if let Err(e) = crate::verify::check(code) {
        panic!("verification of {} failed: {e}", code.name);
    }
    let n = code.instructions.len() as u32;
    assert_eq!(code.locations.len(), code.instructions.len());
    let mut last_end = 0;
    for e in &code.exception_table {
        assert!(e.start < e.end, "empty entry {e:?}");
        assert!(e.start >= last_end, "overlapping/unsorted entries in {}", code.name);
        assert!(e.end <= n && e.target < n, "entry out of range {e:?}");
        assert!(e.depth <= code.stacksize);
        last_end = e.end;
    }
    for (i, ins) in code.instructions.iter().enumerate() {
        let i = i as u32;
        match ins.op {
            Op::Jump => assert!(ins.arg > i && ins.arg < n, "bad forward jump at {i} in {}", code.name),
            Op::JumpBackward => assert!(ins.arg <= i, "bad backward jump at {i}"),
            op if op.is_jump() => assert!(ins.arg < n),
            _ => {}
        }
    }
    if let Some(last) = code.instructions.last() {
        assert!(
            matches!(last.op, Op::ReturnValue | Op::Raise | Op::Reraise | Op::JumpBackward | Op::Jump),
            "code {} falls off its end",
            code.name
        );
    }
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            check(inner);
        }
    }
}

fn ops(code: &CodeObject) -> Vec<Op> {
    code.instructions.iter().map(|i| i.op).collect()
}

fn inner<'c>(code: &'c CodeObject, name: &str) -> &'c CodeObject {
    for c in &code.consts {
        if let Constant::Code(co) = c {
            if &*co.name == name {
                return co;
            }
            if let Some(found) = find_inner(co, name) {
                return found;
            }
        }
    }
    panic!("no code object {name}")
}

fn find_inner<'c>(code: &'c CodeObject, name: &str) -> Option<&'c CodeObject> {
    for c in &code.consts {
        if let Constant::Code(co) = c {
            if &*co.name == name {
                return Some(co);
            }
            if let Some(f) = find_inner(co, name) {
                return Some(f);
            }
        }
    }
    None
}

#[test]
fn module_basics() {
    let c = comp("x = 1\ny = x + 2\nprint(y)\n");
    assert_eq!(
        ops(&c),
        vec![
            Op::LoadConst, Op::StoreName, Op::LoadName, Op::LoadConst, Op::BinaryOp, Op::StoreName,
            Op::LoadName, Op::LoadName, Op::Call, Op::PopTop, Op::LoadConst, Op::ReturnValue
        ]
    );
    assert_eq!(c.stacksize, 2);
    assert_eq!(c.locations[0].line, 1);
    assert_eq!(c.locations[6].line, 3);
}

#[test]
fn eval_and_single_modes() {
    let c = compile("1 + x", "<e>", Mode::Eval, CompileOptions::default()).unwrap();
    assert_eq!(ops(&c), vec![Op::LoadConst, Op::LoadName, Op::BinaryOp, Op::ReturnValue]);
    let c = compile("x\n", "<s>", Mode::Single, CompileOptions::default()).unwrap();
    assert_eq!(ops(&c), vec![Op::LoadName, Op::PrintExpr, Op::LoadConst, Op::ReturnValue]);
}

#[test]
fn negative_constants_and_tuples() {
    let c = comp("x = -1\ny = (1, 2, -3.5)\n");
    assert!(matches!(&c.consts[0], Constant::Int(i) if i.to_string() == "-1"));
    assert!(c.consts.iter().any(|k| matches!(k, Constant::Tuple(t) if t.len() == 3)));
}

#[test]
fn function_closure() {
    let c = comp("def f(a, b=1, *args, c, d=2, **kw):\n    'doc'\n    x = a\n    def g():\n        return x\n    return g\n");
    let f = inner(&c, "f");
    assert_eq!(f.argcount, 2);
    assert_eq!(f.kwonlyargcount, 2);
    assert_eq!(f.docstring(), Some("doc"));
    assert_eq!(f.cellvars.len(), 1);
    assert_eq!(&*f.varnames[4], "args");
    let g = inner(&c, "g");
    assert_eq!(&*g.qualname, "f.<locals>.g");
    assert_eq!(&*g.freevars[0], "x");
    assert!(ops(g).contains(&Op::LoadDeref));
    assert!(ops(&c).contains(&Op::MakeFunction));
    assert_eq!(f.flags & crate::code::flags::VARARGS, crate::code::flags::VARARGS);
}

#[test]
fn class_body_and_super() {
    let c = comp("class C(B):\n    'doc'\n    def m(self):\n        return super().m()\n");
    let k = inner(&c, "C");
    let kops = ops(k);
    assert!(kops.contains(&Op::LoadClosure));
    assert!(k.names.iter().any(|n| &**n == "__classcell__"));
    assert!(k.names.iter().any(|n| &**n == "__doc__"));
    let m = inner(&c, "m");
    assert_eq!(&*m.qualname, "C.m");
    assert_eq!(&*m.freevars[0], "__class__");
    assert!(ops(&c).contains(&Op::LoadBuildClass));
}

#[test]
fn class_free_variable_uses_classderef() {
    let c = comp("def f():\n    x = 1\n    class C:\n        y = x\n    return C\n");
    let k = inner(&c, "C");
    assert!(ops(k).contains(&Op::LoadClassDeref));
}

#[test]
fn global_at_module_level_store() {
    let c = comp("def f():\n    global x\nx = 1\n");
    assert!(ops(&c).contains(&Op::StoreGlobal));
}

#[test]
fn method_calls() {
    let c = comp("o.m(1, 2)\no.m(k=1)\n");
    let o = ops(&c);
    assert!(o.contains(&Op::LoadMethod) && o.contains(&Op::CallMethod) && o.contains(&Op::CallKw));
}

#[test]
fn loops_use_backward_jumps() {
    let c = comp("while x:\n    x -= 1\nfor i in y:\n    if i: break\n    continue\n");
    let o = ops(&c);
    assert!(o.contains(&Op::JumpBackward));
    assert!(o.contains(&Op::ForIter));
}

#[test]
fn try_except_table() {
    let c = comp("try:\n    f()\nexcept E as e:\n    g(e)\nelse:\n    h()\nfinally:\n    k()\n");
    assert!(!c.exception_table.is_empty());
    let o = ops(&c);
    assert!(o.contains(&Op::PushExcInfo) && o.contains(&Op::CheckExcMatch) && o.contains(&Op::PopExcept));
    assert!(o.contains(&Op::DeleteName));
    assert!(c.exception_table.iter().any(|e| e.push_lasti));
}

#[test]
fn return_in_finally_and_with() {
    let c = comp("def f():\n    for i in x:\n        try:\n            return i\n        finally:\n            print(i)\n    with a as b, c:\n        return b\n");
    let f = inner(&c, "f");
    let o = ops(f);
    assert!(o.contains(&Op::BeforeWith) && o.contains(&Op::WithExceptStart));
}

#[test]
fn generators_and_coroutines() {
    let c = comp("def g():\n    x = yield 1\n    yield from y\nasync def h():\n    await z\n    async for i in a: pass\n    async with b: pass\nasync def ag():\n    yield 1\n");
    assert_eq!(inner(&c, "g").flags & 0x20, 0x20);
    assert_eq!(inner(&c, "h").flags & 0x80, 0x80);
    assert_eq!(inner(&c, "ag").flags & 0x200, 0x200);
    assert!(ops(inner(&c, "ag")).contains(&Op::AsyncGenWrap));
    assert!(!ops(inner(&c, "g")).contains(&Op::AsyncGenWrap));
    let h = ops(inner(&c, "h"));
    assert!(h.contains(&Op::GetAwaitable) && h.contains(&Op::Send) && h.contains(&Op::EndAsyncFor));
}

#[test]
fn comprehensions() {
    let c = comp("a = [x for x in y if x]\nb = {x: 1 for x in y}\nc = {x for x in y}\nd = (x for x in y)\n");
    for name in ["<listcomp>", "<dictcomp>", "<setcomp>", "<genexpr>"] {
        let k = inner(&c, name);
        assert_eq!(k.argcount, 1);
        assert_eq!(&*k.varnames[0], ".0");
    }
    assert_eq!(inner(&c, "<genexpr>").flags & 0x20, 0x20);
}

#[test]
fn walrus_in_comprehension_binds_outside() {
    let c = comp("def f():\n    [y := x for x in z]\n    return y\n");
    let f = inner(&c, "f");
    assert!(f.cellvars.iter().any(|v| &**v == "y"));
}

#[test]
fn starred_and_unpack() {
    let c = comp("a, *b, c = t\nf(*a, 1, **k, z=3)\n");
    let o = ops(&c);
    assert!(o.contains(&Op::UnpackEx) && o.contains(&Op::CallEx) && o.contains(&Op::DictMerge));
}

#[test]
fn fstrings() {
    let s = dis("f'{x!r:>{w}} and {y=}'\n");
    assert!(s.contains("FormatValue") && s.contains("BuildString"));
    assert!(s.contains("' and y='"));
}

#[test]
fn symtable_errors() {
    let e = err("def f(a):\n    global a\n");
    assert_eq!(e.msg, "name 'a' is parameter and global");
    assert_eq!((e.lineno, e.offset), (2, 5));
    assert_eq!(err("nonlocal x\n").msg, "nonlocal declaration not allowed at module level");
    assert_eq!(err("def f():\n    nonlocal x\n").msg, "no binding for nonlocal 'x' found");
    assert_eq!(err("def f(a, a): pass\n").msg, "duplicate argument 'a' in function definition");
    assert_eq!(err("def f():\n    x = 1\n    global x\n").msg, "name 'x' is assigned to before global declaration");
    assert_eq!(err("def f():\n    print(x)\n    global x\n").msg, "name 'x' is used prior to global declaration");
    assert_eq!(
        err("[i := 0 for i in range(5)]\n").msg,
        "assignment expression cannot rebind comprehension iteration variable 'i'"
    );
    assert_eq!(err("def f():\n    from m import *\n").msg, "import * only allowed at module level");
}

#[test]
fn compiler_errors() {
    let e = err("break\n");
    assert_eq!(e.msg, "'break' outside loop");
    assert_eq!((e.lineno, e.offset, e.end_offset), (1, 1, 6));
    assert_eq!(err("continue\n").msg, "'continue' not properly in loop");
    let e = err("return 5\n");
    assert_eq!((e.msg.as_str(), e.end_offset), ("'return' outside function", 9));
    assert_eq!(err("yield 1\n").msg, "'yield' outside function");
    assert_eq!(err("await x\n").msg, "'await' outside function");
    assert_eq!(err("def f():\n    await x\n").msg, "'await' outside async function");
    assert_eq!(err("x = 1\nfrom __future__ import annotations\n").msg, "from __future__ imports must occur at the beginning of the file");
    assert_eq!(err("from __future__ import nope\n").msg, "future feature nope is not defined");
    assert_eq!(err("f(a=1, a=2)\n").msg, "keyword argument repeated: a");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let src = format!("x = {}1\n", "-".repeat(100_000));
    let e = err(&src);
    assert!(matches!(e.kind, ErrorKind::RecursionError | ErrorKind::MemoryError | ErrorKind::SyntaxError));
    let src = format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
    let e = err(&src);
    assert_eq!(e.msg, "too many nested parentheses");
}

#[test]
fn match_statements() {
    let src = "match cmd:\n    case [x, *rest] if x:\n        pass\n    case {'a': 1, **kw}:\n        pass\n    case Point(x=0, y=yy) | Point(y=yy, x=0):\n        pass\n    case (1 | 2 | 3) as n:\n        pass\n    case [_, *_, last]:\n        pass\n    case None:\n        pass\n    case _:\n        pass\n";
    let c = comp(src);
    let o = ops(&c);
    for op in [Op::MatchSequence, Op::MatchMapping, Op::MatchKeys, Op::MatchClass, Op::GetLen, Op::CopyDictWithoutKeys, Op::UnpackEx] {
        assert!(o.contains(&op), "missing {op:?}");
    }
    assert_eq!(err("match x:\n    case y:\n        pass\n    case 1:\n        pass\n").msg, "name capture 'y' makes remaining patterns unreachable");
    assert_eq!(err("match x:\n    case [a, a]:\n        pass\n").msg, "multiple assignments to name 'a' in pattern");
    assert_eq!(err("match x:\n    case [a] | [b]:\n        pass\n").msg, "alternative patterns bind different names");
}

#[test]
fn except_star() {
    let c = comp("try:\n    f()\nexcept* ValueError as e:\n    g(e)\nexcept* TypeError:\n    pass\n");
    let o = ops(&c);
    assert!(o.contains(&Op::CheckEgMatch) && o.contains(&Op::PrepReraiseStar));
    assert_eq!(
        err("for x in y:\n    try:\n        pass\n    except* E:\n        break\n").msg,
        "'break', 'continue' and 'return' cannot appear in an except* block"
    );
}

/// (source, kind, msg, lineno, offset, end_lineno, end_offset) as CPython 3.11 reports
/// them.
#[test]
fn syntax_error_messages_match_cpython() {
    use ErrorKind::*;
    let cases: &[(&str, ErrorKind, &str, u32, u32, u32, i32)] = &[
        ("x = (1,\n", SyntaxError, "'(' was never closed", 1, 5, 1, 0),
        ("x = 1)\n", SyntaxError, "unmatched ')'", 1, 6, 1, 6),
        ("if x\n    pass\n", SyntaxError, "expected ':'", 1, 5, 1, 5),
        ("x = 'abc\n", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5),
        ("x = \"\"\"abc\n", SyntaxError, "unterminated triple-quoted string literal (detected at line 1)", 1, 5, 1, 5),
        ("f(a b)\n", SyntaxError, "invalid syntax. Perhaps you forgot a comma?", 1, 3, 1, 6),
        ("1 = x\n", SyntaxError, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 1, 2),
        ("if x:\npass\n", IndentationError, "expected an indented block after 'if' statement on line 1", 2, 1, 2, 5),
        ("def f():\nreturn\n", IndentationError, "expected an indented block after function definition on line 1", 2, 1, 2, 7),
        ("  x = 1\n", IndentationError, "unexpected indent", 1, 2, 1, -1),
        ("if x:\n    a = 1\n  b = 2\n", IndentationError, "unindent does not match any outer indentation level", 3, 8, 3, -1),
        ("if x:\n\ta = 1\n        b = 2\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0),
        ("x = [1, 2\ny = 3\n", SyntaxError, "'[' was never closed", 1, 5, 1, 0),
        ("print 'hello'\n", SyntaxError, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 14),
        ("x = 5 +\n", SyntaxError, "invalid syntax", 1, 8, 1, 8),
        ("f(x for x in y, 1)\n", SyntaxError, "Generator expression must be parenthesized", 1, 3, 1, 15),
        ("del f()\n", SyntaxError, "cannot delete function call", 1, 5, 1, 8),
        ("None = 1\n", SyntaxError, "cannot assign to None", 1, 1, 1, 5),
        ("def f(a=1, b):\n    pass\n", SyntaxError, "non-default argument follows default argument", 1, 12, 1, 13),
        ("for 1 in x: pass\n", SyntaxError, "cannot assign to literal", 1, 5, 1, 6),
        ("x = yield = 1\n", SyntaxError, "assignment to yield expression not possible", 1, 5, 1, 10),
        ("if x = 1:\n    pass\n", SyntaxError, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 1, 9),
        ("x = {1: 2, 3}\n", SyntaxError, "':' expected after dictionary key", 1, 12, 1, 0),
        ("try:\n    pass\n", SyntaxError, "expected 'except' or 'finally' block", 2, 9, 2, -1),
        ("x = 1 if y\n", SyntaxError, "expected 'else' after 'if' expression", 1, 5, 1, 11),
        ("(a, b) += 1\n", SyntaxError, "'tuple' is an illegal expression for augmented assignment", 1, 1, 1, 7),
    ];
    for &(src, kind, msg, l, o, el, eo) in cases {
        let e = err(src);
        assert_eq!((e.kind, e.msg.as_str(), e.lineno, e.offset, e.end_lineno, e.end_offset), (kind, msg, l, o, el, eo), "{src:?}");
        assert!(e.text.is_some(), "parser errors carry the line text: {src:?}");
    }
}

#[test]
fn future_annotations_are_strings() {
    let c = comp("from __future__ import annotations\nx: List[int] = []\ndef f(a: int | None = None, *b: Callable[[int], str]) -> a.b[1:2, ::3]:\n    pass\nclass C:\n    w: (1 + 2) * 3 ** -x if not q else [i for i in r if i]\n");
    let strs = |code: &CodeObject| -> Vec<String> {
        code.consts.iter().filter_map(|k| if let Constant::Str(s) = k { Some(s.to_string()) } else { None }).collect()
    };
    let m = strs(&c);
    for want in ["List[int]", "int | None", "Callable[[int], str]", "a.b[1:2, ::3]"] {
        assert!(m.iter().any(|s| s == want), "missing {want}: {m:?}");
    }
    let k = strs(inner(&c, "C"));
    assert!(k.iter().any(|s| s == "(1 + 2) * 3 ** (-x) if not q else [i for i in r if i]"), "{k:?}");
    assert_eq!(c.flags & crate::code::flags::FUTURE_ANNOTATIONS, crate::code::flags::FUTURE_ANNOTATIONS);
}

#[test]
fn never_panics_on_odd_input() {
    for src in ["", "\n", "(", ")", "'''", "\\", "@", "def", "class C(", "x = [", "f'{", "\t\tx", "lambda: (yield)", "async def f(): yield from x", "\u{feff}x = 1"] {
        let _ = compile(src, "<t>", Mode::Exec, CompileOptions::default());
        let _ = compile(src, "<t>", Mode::Eval, CompileOptions::default());
        let _ = compile(src, "<t>", Mode::Single, CompileOptions::default());
    }
}
