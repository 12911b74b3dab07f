//! ruff's syntax tree -> instances of the `_ast` classes, as CPython 3.11's parser
//! builds them: its node shapes (elif chains as nested `If`s, `arguments` with
//! separate defaults, f-strings as `JoinedStr`), its positions (1-based lines,
//! 0-based UTF-8 byte columns; a decorated definition starts at `def`/`class`; the
//! parts of an f-string carry the string's position), shared instances of the
//! operator and context classes.

use super::AstState;
use crate::list::{lobj, new_list};
use crate::object::PyResult;
use crate::value::Value;
use crate::vm::Vm;
use compiler::parse::LineIndex;
use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// `compile(src, filename, mode, PyCF_ONLY_AST)`; mode 0 exec, 1 eval, 2 single,
/// 3 func_type.
pub fn parse(vm: &mut Vm, st: &AstState, src: &str, filename: &str, mode: u8) -> PyResult {
    if mode == 3 {
        return func_type(vm, st, src, filename);
    }
    let cmode = match mode {
        1 => compiler::Mode::Eval,
        2 => compiler::Mode::Single,
        _ => compiler::Mode::Exec,
    };
    let index = LineIndex::new(src, filename, cmode == compiler::Mode::Exec);
    let parsed = compiler::parse::parse(src, cmode, &index);
    for w in index.warnings.take() {
        crate::import::emit_compile_warning(vm, w)?;
    }
    let parsed = parsed.map_err(|e| crate::import::syntax_error(vm, e))?;
    let mut c = Conv { st, index: &index, depth: vm.depth * 3 };
    match parsed {
        compiler::parse::Parsed::Module(m) => {
            let body = c.stmts(vm, &m.body)?;
            if mode == 2 {
                c.node(vm, "Interactive", &[body], None)
            } else {
                let ignores = new_list(vm, vec![]);
                c.node(vm, "Module", &[body, ignores], None)
            }
        }
        compiler::parse::Parsed::Expr(e) => {
            let body = c.expr(vm, &e.body)?;
            c.node(vm, "Expression", &[body], None)
        }
    }
}

/// `func_type` input, `(argtypes) -> returns` (PEP 484 type comments): the `->`
/// becomes `, ` (same length, so positions stay) and the text is parsed as the
/// expression `(argtypes), returns`.
fn func_type(vm: &mut Vm, st: &AstState, src: &str, filename: &str) -> PyResult {
    let text = match top_level_arrow(src) {
        Some(i) if src.trim_start().starts_with('(') => format!("{}, {}", &src[..i], &src[i + 2..]),
        _ => String::new(),
    };
    let index = LineIndex::new(&text, filename, false);
    let parsed = compiler::parse::parse(&text, compiler::Mode::Eval, &index);
    let parsed = parsed.map_err(|e| crate::import::syntax_error(vm, e))?;
    let mut c = Conv { st, index: &index, depth: vm.depth * 3 };
    let compiler::parse::Parsed::Expr(e) = &parsed else { return Err(vm.new_exc(vm.e.syntax_error, "invalid syntax")) };
    let (args, returns) = match &*e.body {
        Expr::Tuple(t) if t.elts.len() == 2 && !t.parenthesized => (&t.elts[0], &t.elts[1]),
        _ => return Err(vm.new_exc(vm.e.syntax_error, "invalid syntax")),
    };
    let argtypes = match args {
        Expr::Tuple(t) => c.exprs(vm, &t.elts)?,
        other => {
            let v = c.expr(vm, other)?;
            new_list(vm, vec![v])
        }
    };
    let returns = c.expr(vm, returns)?;
    c.node(vm, "FunctionType", &[argtypes, returns], None)
}

/// The byte offset of the `->` outside brackets and strings.
fn top_level_arrow(src: &str) -> Option<usize> {
    let b = src.as_bytes();
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) if c == b'\\' => i += 1,
            Some(_) => {}
            None => match c {
                b'\'' | b'"' => quote = Some(c),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b'-' if depth == 0 && b.get(i + 1) == Some(&b'>') => return Some(i),
                _ => {}
            },
        }
        i += 1;
    }
    None
}

struct Conv<'a> {
    st: &'a AstState,
    index: &'a LineIndex<'a>,
    /// Nesting depth of the nodes being built (see `enter`).
    depth: usize,
}

impl Conv<'_> {
    fn pos(&self, off: TextSize) -> (u32, u32) {
        let (l, c) = self.index.line_col(off);
        (l + 1, c)
    }

    /// An instance of class `name` with its fields in ASDL order and, if given,
    /// the positions of `r`.
    fn node(&self, vm: &mut Vm, name: &str, vals: &[Value], r: Option<TextRange>) -> PyResult {
        let i = self.st.index(name);
        let o = crate::object_type::new_instance(vm, self.st.classes[i]);
        let d = crate::func_type::header_dict(vm, o)?;
        for (f, v) in self.st.defs[i].fields.iter().zip(vals) {
            crate::dict::set_item_str(vm, d, f.name, *v)?;
        }
        if let Some(r) = r {
            self.set_pos(vm, o, r)?;
        }
        Ok(o)
    }

    fn set_pos(&self, vm: &mut Vm, node: Value, r: TextRange) -> PyResult<()> {
        let d = crate::func_type::header_dict(vm, node)?;
        let (l1, c1) = self.pos(r.start());
        let (l2, c2) = self.pos(r.end());
        for (n, x) in [("lineno", l1), ("col_offset", c1), ("end_lineno", l2), ("end_col_offset", c2)] {
            crate::dict::set_item_str(vm, d, n, Value::small(x as i64))?;
        }
        Ok(())
    }

    fn single(&self, name: &str) -> Value {
        self.st.singletons[self.st.index(name)]
    }

    fn list<T>(&mut self, vm: &mut Vm, items: &[T], f: impl Fn(&mut Self, &mut Vm, &T) -> PyResult) -> PyResult {
        let l = new_list(vm, vec![]);
        for it in items {
            let v = f(self, vm, it)?;
            lobj(l).items.borrow_mut().push(v);
        }
        Ok(l)
    }

    fn stmts(&mut self, vm: &mut Vm, body: &[Stmt]) -> PyResult {
        self.list(vm, body, Self::stmt)
    }

    fn exprs(&mut self, vm: &mut Vm, es: &[Expr]) -> PyResult {
        self.list(vm, es, Self::expr)
    }

    fn opt_expr(&mut self, vm: &mut Vm, e: Option<&Expr>) -> PyResult {
        match e {
            Some(e) => self.expr(vm, e),
            None => Ok(vm.none),
        }
    }

    fn ident(vm: &mut Vm, id: &ast::Identifier) -> Value {
        vm.intern(id.as_str())
    }

    fn opt_ident(vm: &mut Vm, id: Option<&ast::Identifier>) -> Value {
        match id {
            Some(i) => vm.intern(i.as_str()),
            None => vm.none,
        }
    }

    fn idents(vm: &mut Vm, ids: &[ast::Identifier]) -> Value {
        let l = new_list(vm, vec![]);
        for id in ids {
            let v = vm.intern(id.as_str());
            lobj(l).items.borrow_mut().push(v);
        }
        l
    }

    /// A decorated definition starts at its `def`, `async` or `class` keyword.
    fn after_decorators(&self, decos: &[ast::Decorator], r: TextRange) -> TextRange {
        let Some(last) = decos.last() else { return r };
        let b = self.index.source.as_bytes();
        let mut i = last.range.end().to_usize();
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' | b'\\' => i += 1,
                b'#' => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        TextRange::new(TextSize::new(i as u32), r.end())
    }

    /// A compound statement ends with its block's last token, which may be the
    /// `;` after the last simple statement.
    fn block_end(&self, r: TextRange) -> TextRange {
        let b = self.index.source.as_bytes();
        let mut i = r.end().to_usize();
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c') {
            i += 1;
        }
        if b.get(i) == Some(&b';') {
            return TextRange::new(r.start(), TextSize::new(i as u32 + 1));
        }
        r
    }

    fn decorators(&mut self, vm: &mut Vm, decos: &[ast::Decorator]) -> PyResult {
        let l = new_list(vm, vec![]);
        for d in decos {
            let v = self.expr(vm, &d.expression)?;
            lobj(l).items.borrow_mut().push(v);
        }
        Ok(l)
    }

    fn stmt(&mut self, vm: &mut Vm, s: &Stmt) -> PyResult {
        self.enter(vm)?;
        let r = self.stmt_inner(vm, s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, vm: &mut Vm, s: &Stmt) -> PyResult {
        let compound = matches!(
            s,
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) | Stmt::For(_) | Stmt::While(_) | Stmt::If(_) | Stmt::With(_) | Stmt::Match(_) | Stmt::Try(_)
        );
        let r = Some(if compound { self.block_end(s.range()) } else { s.range() });
        let none = vm.none;
        match s {
            Stmt::FunctionDef(f) => {
                let name = Self::ident(vm, &f.name);
                let args = self.parameters(vm, Some(&f.parameters))?;
                let body = self.stmts(vm, &f.body)?;
                let decos = self.decorators(vm, &f.decorator_list)?;
                let returns = self.opt_expr(vm, f.returns.as_deref())?;
                let kind = if f.is_async { "AsyncFunctionDef" } else { "FunctionDef" };
                let r = self.after_decorators(&f.decorator_list, self.block_end(s.range()));
                self.node(vm, kind, &[name, args, body, decos, returns, none], Some(r))
            }
            Stmt::ClassDef(c) => {
                let name = Self::ident(vm, &c.name);
                let (bases, keywords) = match c.arguments.as_deref() {
                    Some(a) => (self.exprs(vm, &a.args)?, self.list(vm, &a.keywords, Self::keyword)?),
                    None => (new_list(vm, vec![]), new_list(vm, vec![])),
                };
                let body = self.stmts(vm, &c.body)?;
                let decos = self.decorators(vm, &c.decorator_list)?;
                let r = self.after_decorators(&c.decorator_list, self.block_end(s.range()));
                self.node(vm, "ClassDef", &[name, bases, keywords, body, decos], Some(r))
            }
            Stmt::Return(x) => {
                let v = self.opt_expr(vm, x.value.as_deref())?;
                self.node(vm, "Return", &[v], r)
            }
            Stmt::Delete(d) => {
                let t = self.exprs(vm, &d.targets)?;
                self.node(vm, "Delete", &[t], r)
            }
            Stmt::Assign(a) => {
                let t = self.exprs(vm, &a.targets)?;
                let v = self.expr(vm, &a.value)?;
                self.node(vm, "Assign", &[t, v, none], r)
            }
            Stmt::AugAssign(a) => {
                let t = self.expr(vm, &a.target)?;
                let op = self.single(operator(a.op));
                let v = self.expr(vm, &a.value)?;
                self.node(vm, "AugAssign", &[t, op, v], r)
            }
            Stmt::AnnAssign(a) => {
                let t = self.expr(vm, &a.target)?;
                let ann = self.expr(vm, &a.annotation)?;
                let v = self.opt_expr(vm, a.value.as_deref())?;
                let simple = Value::small(a.simple as i64);
                self.node(vm, "AnnAssign", &[t, ann, v, simple], r)
            }
            Stmt::For(f) => {
                let t = self.expr(vm, &f.target)?;
                let it = self.expr(vm, &f.iter)?;
                let body = self.stmts(vm, &f.body)?;
                let orelse = self.stmts(vm, &f.orelse)?;
                let kind = if f.is_async { "AsyncFor" } else { "For" };
                self.node(vm, kind, &[t, it, body, orelse, none], r)
            }
            Stmt::While(w) => {
                let t = self.expr(vm, &w.test)?;
                let body = self.stmts(vm, &w.body)?;
                let orelse = self.stmts(vm, &w.orelse)?;
                self.node(vm, "While", &[t, body, orelse], r)
            }
            Stmt::If(i) => {
                let t = self.expr(vm, &i.test)?;
                let body = self.stmts(vm, &i.body)?;
                let orelse = self.elif_chain(vm, &i.elif_else_clauses)?;
                self.node(vm, "If", &[t, body, orelse], r)
            }
            Stmt::With(w) => {
                let items = self.list(vm, &w.items, Self::withitem)?;
                let body = self.stmts(vm, &w.body)?;
                let kind = if w.is_async { "AsyncWith" } else { "With" };
                self.node(vm, kind, &[items, body, none], r)
            }
            Stmt::Match(m) => {
                let subject = self.expr(vm, &m.subject)?;
                let cases = self.list(vm, &m.cases, Self::match_case)?;
                self.node(vm, "Match", &[subject, cases], r)
            }
            Stmt::Raise(x) => {
                let exc = self.opt_expr(vm, x.exc.as_deref())?;
                let cause = self.opt_expr(vm, x.cause.as_deref())?;
                self.node(vm, "Raise", &[exc, cause], r)
            }
            Stmt::Try(t) => {
                let body = self.stmts(vm, &t.body)?;
                let handlers = self.list(vm, &t.handlers, Self::handler)?;
                let orelse = self.stmts(vm, &t.orelse)?;
                let fin = self.stmts(vm, &t.finalbody)?;
                let kind = if t.is_star { "TryStar" } else { "Try" };
                self.node(vm, kind, &[body, handlers, orelse, fin], r)
            }
            Stmt::Assert(a) => {
                let t = self.expr(vm, &a.test)?;
                let m = self.opt_expr(vm, a.msg.as_deref())?;
                self.node(vm, "Assert", &[t, m], r)
            }
            Stmt::Import(i) => {
                let names = self.list(vm, &i.names, Self::alias)?;
                self.node(vm, "Import", &[names], r)
            }
            Stmt::ImportFrom(i) => {
                let module = Self::opt_ident(vm, i.module.as_ref());
                let names = self.list(vm, &i.names, Self::alias)?;
                let level = Value::small(i.level as i64);
                self.node(vm, "ImportFrom", &[module, names, level], r)
            }
            Stmt::Global(g) => {
                let names = Self::idents(vm, &g.names);
                self.node(vm, "Global", &[names], r)
            }
            Stmt::Nonlocal(g) => {
                let names = Self::idents(vm, &g.names);
                self.node(vm, "Nonlocal", &[names], r)
            }
            Stmt::Expr(e) => {
                let v = self.expr(vm, &e.value)?;
                self.node(vm, "Expr", &[v], r)
            }
            Stmt::Pass(_) => self.node(vm, "Pass", &[], r),
            Stmt::Break(_) => self.node(vm, "Break", &[], r),
            Stmt::Continue(_) => self.node(vm, "Continue", &[], r),
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => Err(vm.new_exc(vm.e.syntax_error, "invalid syntax")),
        }
    }

    /// `elif` and `else` clauses: CPython's `orelse`, an `elif` being a nested
    /// `If` from its keyword to the end of the chain.
    fn elif_chain(&mut self, vm: &mut Vm, clauses: &[ast::ElifElseClause]) -> PyResult {
        let Some(first) = clauses.first() else { return Ok(new_list(vm, vec![])) };
        let Some(test) = &first.test else { return self.stmts(vm, &first.body) };
        let t = self.expr(vm, test)?;
        let body = self.stmts(vm, &first.body)?;
        let orelse = self.elif_chain(vm, &clauses[1..])?;
        let end = clauses.last().map_or(first.range.end(), |c| c.range.end());
        let r = self.block_end(TextRange::new(first.range.start(), end));
        let node = self.node(vm, "If", &[t, body, orelse], Some(r))?;
        Ok(new_list(vm, vec![node]))
    }

    fn withitem(&mut self, vm: &mut Vm, w: &ast::WithItem) -> PyResult {
        let e = self.expr(vm, &w.context_expr)?;
        let v = self.opt_expr(vm, w.optional_vars.as_deref())?;
        self.node(vm, "withitem", &[e, v], None)
    }

    fn handler(&mut self, vm: &mut Vm, h: &ast::ExceptHandler) -> PyResult {
        let ast::ExceptHandler::ExceptHandler(h) = h;
        let t = self.opt_expr(vm, h.type_.as_deref())?;
        let name = Self::opt_ident(vm, h.name.as_ref());
        let body = self.stmts(vm, &h.body)?;
        self.node(vm, "ExceptHandler", &[t, name, body], Some(self.block_end(h.range)))
    }

    fn alias(&mut self, vm: &mut Vm, a: &ast::Alias) -> PyResult {
        let name = Self::ident(vm, &a.name);
        let asname = Self::opt_ident(vm, a.asname.as_ref());
        self.node(vm, "alias", &[name, asname], Some(a.range))
    }

    fn keyword(&mut self, vm: &mut Vm, k: &ast::Keyword) -> PyResult {
        let arg = Self::opt_ident(vm, k.arg.as_ref());
        let v = self.expr(vm, &k.value)?;
        self.node(vm, "keyword", &[arg, v], Some(k.range))
    }

    fn arg(&mut self, vm: &mut Vm, p: &ast::Parameter) -> PyResult {
        let name = Self::ident(vm, &p.name);
        let ann = self.opt_expr(vm, p.annotation.as_deref())?;
        let none = vm.none;
        self.node(vm, "arg", &[name, ann, none], Some(p.range))
    }

    fn arg_of(&mut self, vm: &mut Vm, p: &ast::ParameterWithDefault) -> PyResult {
        self.arg(vm, &p.parameter)
    }

    /// `*args` and `**kwargs`: CPython's `arg` starts at the name.
    fn opt_arg(&mut self, vm: &mut Vm, p: Option<&ast::Parameter>) -> PyResult {
        match p {
            Some(p) => {
                let a = self.arg(vm, p)?;
                self.set_pos(vm, a, TextRange::new(p.name.range.start(), p.range.end()))?;
                Ok(a)
            }
            None => Ok(vm.none),
        }
    }

    /// CPython's `arguments`: defaults of positional parameters in one list,
    /// keyword-only defaults aligned with their parameters (None where absent).
    fn parameters(&mut self, vm: &mut Vm, p: Option<&ast::Parameters>) -> PyResult {
        let empty = ast::Parameters::default();
        let p = p.unwrap_or(&empty);
        let posonly = self.list(vm, &p.posonlyargs, Self::arg_of)?;
        let args = self.list(vm, &p.args, Self::arg_of)?;
        let vararg = self.opt_arg(vm, p.vararg.as_deref())?;
        let kwonly = self.list(vm, &p.kwonlyargs, Self::arg_of)?;
        let kw_defaults = new_list(vm, vec![]);
        for a in p.kwonlyargs.iter() {
            let v = self.opt_expr(vm, a.default.as_deref())?;
            lobj(kw_defaults).items.borrow_mut().push(v);
        }
        let kwarg = self.opt_arg(vm, p.kwarg.as_deref())?;
        let defaults = new_list(vm, vec![]);
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                let v = self.expr(vm, d)?;
                lobj(defaults).items.borrow_mut().push(v);
            }
        }
        self.node(vm, "arguments", &[posonly, args, vararg, kwonly, kw_defaults, kwarg, defaults], None)
    }

    fn comprehension(&mut self, vm: &mut Vm, c: &ast::Comprehension) -> PyResult {
        let t = self.expr(vm, &c.target)?;
        let it = self.expr(vm, &c.iter)?;
        let ifs = self.exprs(vm, &c.ifs)?;
        let is_async = Value::small(c.is_async as i64);
        self.node(vm, "comprehension", &[t, it, ifs, is_async], None)
    }

    fn ctx(&self, c: ast::ExprContext) -> Value {
        self.single(match c {
            ast::ExprContext::Store => "Store",
            ast::ExprContext::Del => "Del",
            ast::ExprContext::Load | ast::ExprContext::Invalid => "Load",
        })
    }

    fn constant(&self, vm: &mut Vm, v: Value, kind: Value, r: TextRange) -> PyResult {
        self.node(vm, "Constant", &[v, kind], Some(r))
    }

    /// CPython's `ast2obj` nesting limit: three times the recursion limit, counted
    /// from the caller's depth (times three); the native stack bounds it too.
    fn enter(&mut self, vm: &mut Vm) -> PyResult<()> {
        self.depth += 1;
        if self.depth > vm.recursion_limit.saturating_mul(3) || native_stack_low(vm) {
            return Err(vm.recursion_error("maximum recursion depth exceeded during ast construction"));
        }
        Ok(())
    }

    fn expr(&mut self, vm: &mut Vm, e: &Expr) -> PyResult {
        self.enter(vm)?;
        let r = self.expr_inner(vm, e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, vm: &mut Vm, e: &Expr) -> PyResult {
        let r = Some(e.range());
        let none = vm.none;
        match e {
            Expr::BoolOp(b) => {
                let op = self.single(match b.op {
                    ast::BoolOp::And => "And",
                    ast::BoolOp::Or => "Or",
                });
                let vals = self.exprs(vm, &b.values)?;
                self.node(vm, "BoolOp", &[op, vals], r)
            }
            Expr::Named(n) => {
                let t = self.expr(vm, &n.target)?;
                let v = self.expr(vm, &n.value)?;
                self.node(vm, "NamedExpr", &[t, v], r)
            }
            Expr::BinOp(b) => {
                let left = self.expr(vm, &b.left)?;
                let op = self.single(operator(b.op));
                let right = self.expr(vm, &b.right)?;
                self.node(vm, "BinOp", &[left, op, right], r)
            }
            Expr::UnaryOp(u) => {
                let op = self.single(match u.op {
                    ast::UnaryOp::Invert => "Invert",
                    ast::UnaryOp::Not => "Not",
                    ast::UnaryOp::UAdd => "UAdd",
                    ast::UnaryOp::USub => "USub",
                });
                let v = self.expr(vm, &u.operand)?;
                self.node(vm, "UnaryOp", &[op, v], r)
            }
            Expr::Lambda(l) => {
                let args = self.parameters(vm, l.parameters.as_deref())?;
                let body = self.expr(vm, &l.body)?;
                self.node(vm, "Lambda", &[args, body], r)
            }
            Expr::If(i) => {
                let t = self.expr(vm, &i.test)?;
                let b = self.expr(vm, &i.body)?;
                let o = self.expr(vm, &i.orelse)?;
                self.node(vm, "IfExp", &[t, b, o], r)
            }
            Expr::Dict(d) => {
                let keys = new_list(vm, vec![]);
                let values = new_list(vm, vec![]);
                for it in &d.items {
                    let k = self.opt_expr(vm, it.key.as_ref())?;
                    lobj(keys).items.borrow_mut().push(k);
                    let v = self.expr(vm, &it.value)?;
                    lobj(values).items.borrow_mut().push(v);
                }
                self.node(vm, "Dict", &[keys, values], r)
            }
            Expr::Set(s) => {
                let elts = self.exprs(vm, &s.elts)?;
                self.node(vm, "Set", &[elts], r)
            }
            Expr::ListComp(c) => {
                let elt = self.expr(vm, &c.elt)?;
                let g = self.list(vm, &c.generators, Self::comprehension)?;
                self.node(vm, "ListComp", &[elt, g], r)
            }
            Expr::SetComp(c) => {
                let elt = self.expr(vm, &c.elt)?;
                let g = self.list(vm, &c.generators, Self::comprehension)?;
                self.node(vm, "SetComp", &[elt, g], r)
            }
            Expr::DictComp(c) => {
                let k = self.opt_expr(vm, c.key.as_deref())?;
                let v = self.expr(vm, &c.value)?;
                let g = self.list(vm, &c.generators, Self::comprehension)?;
                self.node(vm, "DictComp", &[k, v, g], r)
            }
            Expr::Generator(c) => {
                let elt = self.expr(vm, &c.elt)?;
                let g = self.list(vm, &c.generators, Self::comprehension)?;
                self.node(vm, "GeneratorExp", &[elt, g], r)
            }
            Expr::Await(a) => {
                let v = self.expr(vm, &a.value)?;
                self.node(vm, "Await", &[v], r)
            }
            Expr::Yield(y) => {
                let v = self.opt_expr(vm, y.value.as_deref())?;
                self.node(vm, "Yield", &[v], r)
            }
            Expr::YieldFrom(y) => {
                let v = self.expr(vm, &y.value)?;
                self.node(vm, "YieldFrom", &[v], r)
            }
            Expr::Compare(c) => {
                let left = self.expr(vm, &c.left)?;
                let ops = new_list(vm, vec![]);
                for op in c.ops.iter() {
                    let v = self.single(cmpop(*op));
                    lobj(ops).items.borrow_mut().push(v);
                }
                let comps = self.exprs(vm, &c.comparators)?;
                self.node(vm, "Compare", &[left, ops, comps], r)
            }
            Expr::Call(c) => {
                let func = self.expr(vm, &c.func)?;
                let args = self.exprs(vm, &c.arguments.args)?;
                let kws = self.list(vm, &c.arguments.keywords, Self::keyword)?;
                // `f(x for x in y)`: the generator's parentheses are the call's.
                if let [Expr::Generator(g)] = &*c.arguments.args {
                    if !g.parenthesized && c.arguments.keywords.is_empty() {
                        let gen = lobj(args).items.borrow()[0];
                        self.set_pos(vm, gen, c.arguments.range)?;
                    }
                }
                self.node(vm, "Call", &[func, args, kws], r)
            }
            Expr::FString(f) => self.fstring(vm, f),
            Expr::StringLiteral(s) => {
                let v = crate::str::new_str(vm, s.value.to_str().to_string());
                // `kind` is 'u' when the first part has the u prefix.
                let first = s.value.iter().next().map(|p| p.range.start().to_usize());
                let u = first.and_then(|i| self.index.source.as_bytes().get(i)).is_some_and(|c| matches!(c, b'u' | b'U'));
                let kind = if u { vm.intern("u") } else { none };
                self.constant(vm, v, kind, e.range())
            }
            Expr::BytesLiteral(b) => {
                let v = crate::bytes::new_bytes(vm, b.value.bytes().collect());
                self.constant(vm, v, none, e.range())
            }
            Expr::NumberLiteral(n) => {
                let v = match &n.value {
                    ast::Number::Int(i) => match compiler::int_value(i) {
                        Some(b) => crate::int::from_bigint(vm, b),
                        None => return Err(vm.value_error("invalid integer literal")),
                    },
                    ast::Number::Float(f) => crate::float::new_float(vm, *f),
                    ast::Number::Complex { real, imag } => crate::complex::new_complex(vm, *real, *imag),
                };
                self.constant(vm, v, none, e.range())
            }
            Expr::BooleanLiteral(b) => {
                let v = vm.bool(b.value);
                self.constant(vm, v, none, e.range())
            }
            Expr::NoneLiteral(_) => self.constant(vm, none, none, e.range()),
            Expr::EllipsisLiteral(_) => {
                let v = vm.ellipsis;
                self.constant(vm, v, none, e.range())
            }
            Expr::Attribute(a) => {
                let v = self.expr(vm, &a.value)?;
                let attr = Self::ident(vm, &a.attr);
                let ctx = self.ctx(a.ctx);
                self.node(vm, "Attribute", &[v, attr, ctx], r)
            }
            Expr::Subscript(s) => {
                let v = self.expr(vm, &s.value)?;
                let sl = self.expr(vm, &s.slice)?;
                let ctx = self.ctx(s.ctx);
                self.node(vm, "Subscript", &[v, sl, ctx], r)
            }
            Expr::Starred(s) => {
                let v = self.expr(vm, &s.value)?;
                let ctx = self.ctx(s.ctx);
                self.node(vm, "Starred", &[v, ctx], r)
            }
            Expr::Name(n) => {
                let id = vm.intern(n.id.as_str());
                let ctx = self.ctx(n.ctx);
                self.node(vm, "Name", &[id, ctx], r)
            }
            Expr::List(l) => {
                let elts = self.exprs(vm, &l.elts)?;
                let ctx = self.ctx(l.ctx);
                self.node(vm, "List", &[elts, ctx], r)
            }
            Expr::Tuple(t) => {
                let elts = self.exprs(vm, &t.elts)?;
                let ctx = self.ctx(t.ctx);
                self.node(vm, "Tuple", &[elts, ctx], r)
            }
            Expr::Slice(s) => {
                let lo = self.opt_expr(vm, s.lower.as_deref())?;
                let hi = self.opt_expr(vm, s.upper.as_deref())?;
                let step = self.opt_expr(vm, s.step.as_deref())?;
                self.node(vm, "Slice", &[lo, hi, step], r)
            }
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => Err(vm.new_exc(vm.e.syntax_error, "invalid syntax")),
        }
    }

    // ---- f-strings, as CPython 3.11's string parser builds them ----

    /// `JoinedStr`: adjacent literal text (plain parts, f-string text, `=` debug
    /// text) merged into one `Constant`; every part carries the position of the
    /// whole (implicitly concatenated) string, except the text ending a format
    /// spec, which has the position of the string token holding it (CPython's
    /// `FstringParser_Finish` for the spec).
    fn fstring(&mut self, vm: &mut Vm, f: &ast::ExprFString) -> PyResult {
        let whole = f.range;
        let values = new_list(vm, vec![]);
        let mut lit = String::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => lit.push_str(&s.value),
                ast::FStringPart::FString(fs) => self.fstring_elements(vm, &fs.elements, fs.range, whole, values, &mut lit)?,
            }
        }
        self.flush_literal(vm, values, &mut lit, whole)?;
        self.node(vm, "JoinedStr", &[values], Some(whole))
    }

    fn flush_literal(&mut self, vm: &mut Vm, values: Value, lit: &mut String, whole: TextRange) -> PyResult<()> {
        if lit.is_empty() {
            return Ok(());
        }
        let s = crate::str::new_str(vm, std::mem::take(lit));
        let none = vm.none;
        let c = self.constant(vm, s, none, whole)?;
        lobj(values).items.borrow_mut().push(c);
        Ok(())
    }

    fn fstring_elements(
        &mut self,
        vm: &mut Vm,
        elements: &ast::InterpolatedStringElements,
        token: TextRange,
        child: TextRange,
        values: Value,
        lit: &mut String,
    ) -> PyResult<()> {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => lit.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(d) = &i.debug_text {
                        lit.push_str(d.as_str());
                    }
                    self.flush_literal(vm, values, lit, child)?;
                    let v = self.formatted_value(vm, i, token, child)?;
                    lobj(values).items.borrow_mut().push(v);
                }
            }
        }
        Ok(())
    }

    /// `FormattedValue(value, conversion, format_spec)`: the conversion as a
    /// character code (-1 for none; `!r` implied by `=` without a spec), the spec a
    /// `JoinedStr` at the position of the string token holding it.
    fn formatted_value(&mut self, vm: &mut Vm, i: &ast::InterpolatedElement, token: TextRange, at: TextRange) -> PyResult {
        let value = self.expr(vm, &i.expression)?;
        // CPython 3.11 parses the expression text in parentheses: a bare tuple
        // spans them, from the `{` to the character after the text.
        if let Expr::Tuple(t) = &*i.expression {
            if !t.parenthesized {
                let b = self.index.source.as_bytes();
                let mut end = t.range.end().to_usize();
                while end < b.len() && matches!(b[end], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                    end += 1;
                }
                self.set_pos(vm, value, TextRange::new(i.range.start(), TextSize::new(end as u32 + 1)))?;
            }
        }
        let mut conv = i.conversion;
        if i.debug_text.is_some() && conv == ast::ConversionFlag::None && i.format_spec.is_none() {
            conv = ast::ConversionFlag::Repr;
        }
        let conversion = Value::small(conv as i8 as i64);
        let spec = match &i.format_spec {
            Some(spec) => {
                let vals = new_list(vm, vec![]);
                let mut lit = String::new();
                self.fstring_elements(vm, &spec.elements, token, at, vals, &mut lit)?;
                self.flush_literal(vm, vals, &mut lit, token)?;
                self.node(vm, "JoinedStr", &[vals], Some(token))?
            }
            None => vm.none,
        };
        self.node(vm, "FormattedValue", &[value, conversion, spec], Some(at))
    }

    // ---- patterns ----

    fn match_case(&mut self, vm: &mut Vm, c: &ast::MatchCase) -> PyResult {
        let p = self.pattern(vm, &c.pattern)?;
        let g = self.opt_expr(vm, c.guard.as_deref())?;
        let body = self.stmts(vm, &c.body)?;
        self.node(vm, "match_case", &[p, g, body], None)
    }

    fn pattern(&mut self, vm: &mut Vm, p: &Pattern) -> PyResult {
        self.enter(vm)?;
        let r = self.pattern_inner(vm, p);
        self.depth -= 1;
        r
    }

    fn pattern_inner(&mut self, vm: &mut Vm, p: &Pattern) -> PyResult {
        let r = Some(p.range());
        match p {
            Pattern::MatchValue(v) => {
                let e = self.expr(vm, &v.value)?;
                self.node(vm, "MatchValue", &[e], r)
            }
            Pattern::MatchSingleton(s) => {
                let v = match s.value {
                    ast::Singleton::None => vm.none,
                    ast::Singleton::True => vm.true_,
                    ast::Singleton::False => vm.false_,
                };
                self.node(vm, "MatchSingleton", &[v], r)
            }
            Pattern::MatchSequence(s) => {
                let ps = self.list(vm, &s.patterns, Self::pattern)?;
                self.node(vm, "MatchSequence", &[ps], r)
            }
            Pattern::MatchMapping(m) => {
                let keys = self.exprs(vm, &m.keys)?;
                let ps = self.list(vm, &m.patterns, Self::pattern)?;
                let rest = Self::opt_ident(vm, m.rest.as_ref());
                self.node(vm, "MatchMapping", &[keys, ps, rest], r)
            }
            Pattern::MatchClass(c) => {
                let cls = self.expr(vm, &c.cls)?;
                let ps = self.list(vm, &c.arguments.patterns, Self::pattern)?;
                let attrs = new_list(vm, vec![]);
                let kps = new_list(vm, vec![]);
                for k in &c.arguments.keywords {
                    let a = Self::ident(vm, &k.attr);
                    lobj(attrs).items.borrow_mut().push(a);
                    let kp = self.pattern(vm, &k.pattern)?;
                    lobj(kps).items.borrow_mut().push(kp);
                }
                self.node(vm, "MatchClass", &[cls, ps, attrs, kps], r)
            }
            Pattern::MatchStar(s) => {
                let n = Self::opt_ident(vm, s.name.as_ref());
                self.node(vm, "MatchStar", &[n], r)
            }
            Pattern::MatchAs(a) => {
                let p = match a.pattern.as_deref() {
                    Some(p) => self.pattern(vm, p)?,
                    None => vm.none,
                };
                let n = Self::opt_ident(vm, a.name.as_ref());
                self.node(vm, "MatchAs", &[p, n], r)
            }
            Pattern::MatchOr(o) => {
                let ps = self.list(vm, &o.patterns, Self::pattern)?;
                self.node(vm, "MatchOr", &[ps], r)
            }
        }
    }
}

/// Near the end of the native stack (as `Vm::enter_recursion` tests it).
fn native_stack_low(vm: &Vm) -> bool {
    let here = 0u8;
    (std::hint::black_box(&here) as *const u8 as usize) < vm.native_stack_limit
}

fn operator(op: ast::Operator) -> &'static str {
    use ast::Operator as O;
    match op {
        O::Add => "Add",
        O::Sub => "Sub",
        O::Mult => "Mult",
        O::MatMult => "MatMult",
        O::Div => "Div",
        O::Mod => "Mod",
        O::Pow => "Pow",
        O::LShift => "LShift",
        O::RShift => "RShift",
        O::BitOr => "BitOr",
        O::BitXor => "BitXor",
        O::BitAnd => "BitAnd",
        O::FloorDiv => "FloorDiv",
    }
}

fn cmpop(op: ast::CmpOp) -> &'static str {
    use ast::CmpOp as C;
    match op {
        C::Eq => "Eq",
        C::NotEq => "NotEq",
        C::Lt => "Lt",
        C::LtE => "LtE",
        C::Gt => "Gt",
        C::GtE => "GtE",
        C::Is => "Is",
        C::IsNot => "IsNot",
        C::In => "In",
        C::NotIn => "NotIn",
    }
}
