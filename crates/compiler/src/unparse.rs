//! Expression unparsing for `from __future__ import annotations`, following CPython's
//! `Python/ast_unparse.c` (operator precedences, minimal parentheses, `repr` of
//! constants).

use crate::code::Constant;
use crate::dis::const_repr;
use ruff_python_ast::{self as ast, Expr};

// Precedence levels of ast_unparse.c.
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

pub fn unparse(e: &Expr) -> String {
    let mut s = String::new();
    expr(&mut s, e, PR_TEST);
    s
}

fn str_repr(v: &str) -> String {
    const_repr(&Constant::Str(v.into()))
}

fn float_repr(f: f64) -> String {
    if f.is_infinite() {
        // CPython writes an overflowing literal for inf.
        return if f > 0.0 { "1e309".into() } else { "-1e309".into() };
    }
    let s = format!("{f:?}");
    if let Some((m, e)) = s.split_once('e') {
        let sign = if e.starts_with('-') { "-" } else { "+" };
        let digits = e.trim_start_matches('-');
        return format!("{m}e{sign}{digits:0>2}");
    }
    s
}

fn seq(s: &mut String, items: &[Expr], sep: &str) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        expr(s, e, PR_TEST);
    }
}

fn expr(s: &mut String, e: &Expr, level: u8) {
    let paren = |s: &mut String, own: u8, f: &dyn Fn(&mut String)| {
        if level > own {
            s.push('(');
            f(s);
            s.push(')');
        } else {
            f(s);
        }
    };
    match e {
        Expr::BoolOp(b) => {
            let (op, pr) = if b.op == ast::BoolOp::And { (" and ", PR_AND) } else { (" or ", PR_OR) };
            paren(s, pr, &|s| {
                for (i, v) in b.values.iter().enumerate() {
                    if i > 0 {
                        s.push_str(op);
                    }
                    expr(s, v, pr + 1);
                }
            });
        }
        Expr::Named(n) => paren(s, PR_TUPLE, &|s| {
            expr(s, &n.target, PR_ATOM);
            s.push_str(" := ");
            expr(s, &n.value, PR_ATOM);
        }),
        Expr::BinOp(b) => {
            use ast::Operator::*;
            let (op, pr) = match b.op {
                Add => ("+", PR_ARITH),
                Sub => ("-", PR_ARITH),
                Mult => ("*", PR_TERM),
                MatMult => ("@", PR_TERM),
                Div => ("/", PR_TERM),
                Mod => ("%", PR_TERM),
                FloorDiv => ("//", PR_TERM),
                Pow => ("**", PR_POWER),
                LShift => ("<<", PR_SHIFT),
                RShift => (">>", PR_SHIFT),
                BitOr => ("|", PR_BOR),
                BitXor => ("^", PR_BXOR),
                BitAnd => ("&", PR_BAND),
            };
            let rassoc = b.op == Pow;
            paren(s, pr, &|s| {
                expr(s, &b.left, if rassoc { pr + 1 } else { pr });
                s.push(' ');
                s.push_str(op);
                s.push(' ');
                expr(s, &b.right, if rassoc { pr } else { pr + 1 });
            });
        }
        Expr::UnaryOp(u) => {
            let (op, pr) = match u.op {
                ast::UnaryOp::Invert => ("~", PR_FACTOR),
                ast::UnaryOp::Not => ("not ", PR_NOT),
                ast::UnaryOp::UAdd => ("+", PR_FACTOR),
                ast::UnaryOp::USub => ("-", PR_FACTOR),
            };
            paren(s, pr, &|s| {
                s.push_str(op);
                expr(s, &u.operand, pr);
            });
        }
        Expr::Lambda(l) => paren(s, PR_TEST, &|s| {
            s.push_str("lambda");
            if let Some(p) = &l.parameters {
                let a = params(p);
                if !a.is_empty() {
                    s.push(' ');
                    s.push_str(&a);
                }
            }
            s.push_str(": ");
            expr(s, &l.body, PR_TEST);
        }),
        Expr::If(i) => paren(s, PR_TEST, &|s| {
            expr(s, &i.body, PR_TEST + 1);
            s.push_str(" if ");
            expr(s, &i.test, PR_TEST + 1);
            s.push_str(" else ");
            expr(s, &i.orelse, PR_TEST);
        }),
        Expr::Dict(d) => {
            s.push('{');
            for (i, item) in d.items.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                match &item.key {
                    Some(k) => {
                        expr(s, k, PR_TEST);
                        s.push_str(": ");
                        expr(s, &item.value, PR_TEST);
                    }
                    None => {
                        s.push_str("**");
                        expr(s, &item.value, PR_BOR);
                    }
                }
            }
            s.push('}');
        }
        Expr::Set(st) => {
            s.push('{');
            seq(s, &st.elts, ", ");
            s.push('}');
        }
        Expr::ListComp(c) => comp(s, "[", "]", &c.elt, None, &c.generators),
        Expr::SetComp(c) => comp(s, "{", "}", &c.elt, None, &c.generators),
        Expr::DictComp(c) => match &c.key {
            Some(k) => comp(s, "{", "}", k, Some(&c.value), &c.generators),
            None => comp(s, "{", "}", &c.value, None, &c.generators),
        },
        Expr::Generator(c) => comp(s, "(", ")", &c.elt, None, &c.generators),
        Expr::Await(a) => paren(s, PR_AWAIT, &|s| {
            s.push_str("await ");
            expr(s, &a.value, PR_ATOM);
        }),
        Expr::Yield(y) => {
            s.push_str("(yield");
            if let Some(v) = &y.value {
                s.push(' ');
                expr(s, v, PR_TEST);
            }
            s.push(')');
        }
        Expr::YieldFrom(y) => {
            s.push_str("(yield from ");
            expr(s, &y.value, PR_TEST);
            s.push(')');
        }
        Expr::Compare(c) => paren(s, PR_CMP, &|s| {
            expr(s, &c.left, PR_CMP + 1);
            for (op, r) in c.ops.iter().zip(c.comparators.iter()) {
                s.push(' ');
                s.push_str(op.as_str());
                s.push(' ');
                expr(s, r, PR_CMP + 1);
            }
        }),
        Expr::Call(c) => {
            expr(s, &c.func, PR_ATOM);
            // A lone generator expression argument brings its own parentheses.
            if let ([g @ Expr::Generator(_)], true) = (&c.arguments.args[..], c.arguments.keywords.is_empty()) {
                expr(s, g, PR_TEST);
                return;
            }
            s.push('(');
            let mut first = true;
            for a in c.arguments.args.iter() {
                if !first {
                    s.push_str(", ");
                }
                first = false;
                expr(s, a, PR_TEST);
            }
            for k in c.arguments.keywords.iter() {
                if !first {
                    s.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(n) => {
                        s.push_str(n.as_str());
                        s.push('=');
                    }
                    None => s.push_str("**"),
                }
                expr(s, &k.value, PR_TEST);
            }
            s.push(')');
        }
        Expr::FString(f) => {
            s.push_str("f");
            let mut body = String::new();
            for el in f.value.elements() {
                fstring_element(&mut body, el);
            }
            s.push_str(&str_repr(&body));
        }
        Expr::TString(_) | Expr::IpyEscapeCommand(_) => s.push_str("..."),
        Expr::StringLiteral(v) => {
            // A `u` prefix is kept (ast.Constant's `kind`), as CPython's unparser does.
            if v.value.is_unicode() {
                s.push('u');
            }
            s.push_str(&str_repr(v.value.to_str()))
        }
        Expr::BytesLiteral(b) => s.push_str(&const_repr(&Constant::Bytes(b.value.bytes().collect::<Vec<u8>>().into()))),
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => match crate::codegen::int_value(i) {
                Some(v) => s.push_str(&v.to_string()),
                None => s.push_str(&i.to_string()),
            },
            ast::Number::Float(f) => s.push_str(&float_repr(*f)),
            ast::Number::Complex { real, imag } => {
                if *real == 0.0 {
                    let r = float_repr(*imag);
                    s.push_str(r.strip_suffix(".0").unwrap_or(&r));
                    s.push('j');
                } else {
                    s.push_str(&format!("({}+{}j)", float_repr(*real), float_repr(*imag)));
                }
            }
        },
        Expr::BooleanLiteral(b) => s.push_str(if b.value { "True" } else { "False" }),
        Expr::NoneLiteral(_) => s.push_str("None"),
        Expr::EllipsisLiteral(_) => s.push_str("..."),
        Expr::Attribute(a) => {
            expr(s, &a.value, PR_ATOM);
            if let Expr::NumberLiteral(ast::ExprNumberLiteral { value: ast::Number::Int(_), .. }) = &*a.value {
                s.push(' ');
            }
            s.push('.');
            s.push_str(a.attr.as_str());
        }
        Expr::Subscript(sub) => {
            expr(s, &sub.value, PR_ATOM);
            s.push('[');
            match &*sub.slice {
                Expr::Tuple(t) if !t.elts.is_empty() => {
                    seq(s, &t.elts, ", ");
                    if t.elts.len() == 1 {
                        s.push(',');
                    }
                }
                other => expr(s, other, PR_TUPLE),
            }
            s.push(']');
        }
        Expr::Starred(st) => {
            s.push('*');
            expr(s, &st.value, PR_BOR);
        }
        Expr::Name(n) => s.push_str(n.id.as_str()),
        Expr::List(l) => {
            s.push('[');
            seq(s, &l.elts, ", ");
            s.push(']');
        }
        Expr::Tuple(t) => {
            if t.elts.is_empty() {
                s.push_str("()");
            } else {
                paren(s, PR_TUPLE, &|s| {
                    seq(s, &t.elts, ", ");
                    if t.elts.len() == 1 {
                        s.push(',');
                    }
                });
            }
        }
        Expr::Slice(sl) => {
            if let Some(l) = &sl.lower {
                expr(s, l, PR_TEST);
            }
            s.push(':');
            if let Some(u) = &sl.upper {
                expr(s, u, PR_TEST);
            }
            if let Some(st) = &sl.step {
                s.push(':');
                expr(s, st, PR_TEST);
            }
        }
    }
}

fn fstring_element(s: &mut String, el: &ast::InterpolatedStringElement) {
    match el {
        ast::InterpolatedStringElement::Literal(l) => s.push_str(&l.value.replace('{', "{{").replace('}', "}}")),
        ast::InterpolatedStringElement::Interpolation(i) => {
            // `{x=}` is the literal text `x=` and the value, shown with repr
            // unless a conversion or format spec says otherwise.
            let mut conversion = i.conversion;
            if let Some(d) = &i.debug_text {
                s.push_str(&d.as_str().replace('{', "{{").replace('}', "}}"));
                if conversion == ast::ConversionFlag::None && i.format_spec.is_none() {
                    conversion = ast::ConversionFlag::Repr;
                }
            }
            s.push('{');
            // Above a conditional or lambda, which take parentheses here.
            let mut inner = String::new();
            expr(&mut inner, &i.expression, PR_TEST + 1);
            if inner.starts_with('{') {
                s.push(' ');
            }
            s.push_str(&inner);
            if let Some(c) = conversion.to_char() {
                s.push('!');
                s.push(c);
            }
            if let Some(spec) = &i.format_spec {
                s.push(':');
                for el in spec.elements.iter() {
                    fstring_element(s, el);
                }
            }
            s.push('}');
        }
    }
}

fn comp(s: &mut String, open: &str, close: &str, elt: &Expr, val: Option<&Expr>, gens: &[ast::Comprehension]) {
    s.push_str(open);
    expr(s, elt, PR_TEST);
    if let Some(v) = val {
        s.push_str(": ");
        expr(s, v, PR_TEST);
    }
    for g in gens {
        s.push_str(if g.is_async { " async for " } else { " for " });
        expr(s, &g.target, PR_TUPLE);
        s.push_str(" in ");
        expr(s, &g.iter, PR_TEST + 1);
        for cond in &g.ifs {
            s.push_str(" if ");
            expr(s, cond, PR_TEST + 1);
        }
    }
    s.push_str(close);
}

fn params(p: &ast::Parameters) -> String {
    let mut parts: Vec<String> = Vec::new();
    let one = |pw: &ast::ParameterWithDefault| -> String {
        let mut s = pw.parameter.name.to_string();
        if let Some(d) = &pw.default {
            s.push('=');
            s.push_str(&unparse(d));
        }
        s
    };
    for pw in p.posonlyargs.iter() {
        parts.push(one(pw));
    }
    if !p.posonlyargs.is_empty() {
        parts.push("/".into());
    }
    for pw in p.args.iter() {
        parts.push(one(pw));
    }
    if let Some(v) = &p.vararg {
        parts.push(format!("*{}", v.name.as_str()));
    } else if !p.kwonlyargs.is_empty() {
        parts.push("*".into());
    }
    for pw in p.kwonlyargs.iter() {
        parts.push(one(pw));
    }
    if let Some(k) = &p.kwarg {
        parts.push(format!("**{}", k.name.as_str()));
    }
    parts.join(", ")
}
