//! The AST's description in ASDL, as CPython 3.11's `Parser/Python.asdl` gives it,
//! and its parse into the table the node classes are made from (as CPython's
//! `asdl_c.py` generates `Python-ast.c` from it).

/// CPython 3.11's `Parser/Python.asdl`, comments removed.
const PYTHON_ASDL: &str = "
module Python
{
    mod = Module(stmt* body, type_ignore* type_ignores)
        | Interactive(stmt* body)
        | Expression(expr body)
        | FunctionType(expr* argtypes, expr returns)

    stmt = FunctionDef(identifier name, arguments args,
                       stmt* body, expr* decorator_list, expr? returns,
                       string? type_comment)
          | AsyncFunctionDef(identifier name, arguments args,
                             stmt* body, expr* decorator_list, expr? returns,
                             string? type_comment)
          | ClassDef(identifier name, expr* bases, keyword* keywords,
             stmt* body, expr* decorator_list)
          | Return(expr? value)
          | Delete(expr* targets)
          | Assign(expr* targets, expr value, string? type_comment)
          | AugAssign(expr target, operator op, expr value)
          | AnnAssign(expr target, expr annotation, expr? value, int simple)
          | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
          | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
          | While(expr test, stmt* body, stmt* orelse)
          | If(expr test, stmt* body, stmt* orelse)
          | With(withitem* items, stmt* body, string? type_comment)
          | AsyncWith(withitem* items, stmt* body, string? type_comment)
          | Match(expr subject, match_case* cases)
          | Raise(expr? exc, expr? cause)
          | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
          | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
          | Assert(expr test, expr? msg)
          | Import(alias* names)
          | ImportFrom(identifier? module, alias* names, int? level)
          | Global(identifier* names)
          | Nonlocal(identifier* names)
          | Expr(expr value)
          | Pass | Break | Continue
          attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

    expr = BoolOp(boolop op, expr* values)
         | NamedExpr(expr target, expr value)
         | BinOp(expr left, operator op, expr right)
         | UnaryOp(unaryop op, expr operand)
         | Lambda(arguments args, expr body)
         | IfExp(expr test, expr body, expr orelse)
         | Dict(expr* keys, expr* values)
         | Set(expr* elts)
         | ListComp(expr elt, comprehension* generators)
         | SetComp(expr elt, comprehension* generators)
         | DictComp(expr key, expr value, comprehension* generators)
         | GeneratorExp(expr elt, comprehension* generators)
         | Await(expr value)
         | Yield(expr? value)
         | YieldFrom(expr value)
         | Compare(expr left, cmpop* ops, expr* comparators)
         | Call(expr func, expr* args, keyword* keywords)
         | FormattedValue(expr value, int conversion, expr? format_spec)
         | JoinedStr(expr* values)
         | Constant(constant value, string? kind)
         | Attribute(expr value, identifier attr, expr_context ctx)
         | Subscript(expr value, expr slice, expr_context ctx)
         | Starred(expr value, expr_context ctx)
         | Name(identifier id, expr_context ctx)
         | List(expr* elts, expr_context ctx)
         | Tuple(expr* elts, expr_context ctx)
         | Slice(expr? lower, expr? upper, expr? step)
          attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

    expr_context = Load | Store | Del

    boolop = And | Or

    operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift
                 | RShift | BitOr | BitXor | BitAnd | FloorDiv

    unaryop = Invert | Not | UAdd | USub

    cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn

    comprehension = (expr target, expr iter, expr* ifs, int is_async)

    excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)
                    attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

    arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs,
                 expr* kw_defaults, arg? kwarg, expr* defaults)

    arg = (identifier arg, expr? annotation, string? type_comment)
           attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

    keyword = (identifier? arg, expr value)
               attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

    alias = (identifier name, identifier? asname)
             attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

    withitem = (expr context_expr, expr? optional_vars)

    match_case = (pattern pattern, expr? guard, stmt* body)

    pattern = MatchValue(expr value)
            | MatchSingleton(constant value)
            | MatchSequence(pattern* patterns)
            | MatchMapping(expr* keys, pattern* patterns, identifier? rest)
            | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
            | MatchStar(identifier? name)
            | MatchAs(pattern? pattern, identifier? name)
            | MatchOr(pattern* patterns)
             attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

    type_ignore = TypeIgnore(int lineno, string tag)
}
";

/// How many values a field holds: `T`, `T?` or `T*`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Quant {
    One,
    Opt,
    Seq,
}

#[derive(Debug)]
pub struct Field {
    /// An ASDL type: a node type's name or a builtin (`identifier`, `int`, `string`,
    /// `constant`).
    pub ty: &'static str,
    pub quant: Quant,
    pub name: &'static str,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A sum type (`stmt`): the abstract base of its constructors.
    Sum,
    /// A product type (`arguments`): a concrete class deriving from AST.
    Product,
    /// A constructor of a sum (`FunctionDef`).
    Constructor,
}

/// One node class, in the order CPython creates them.
#[derive(Debug)]
pub struct NodeDef {
    pub name: &'static str,
    pub kind: Kind,
    /// Index of the sum type a constructor belongs to.
    pub base: Option<usize>,
    pub fields: Vec<Field>,
    /// `_attributes` (positions): set on sums and products only.
    pub attrs: Vec<Field>,
    /// A constructor of a sum whose constructors all have no fields (`Load`):
    /// converted trees share one instance of it.
    pub simple: bool,
    pub doc: String,
}

fn tokens(text: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            let s = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push(&text[s..i]);
        } else {
            out.push(&text[i..i + 1]);
            i += 1;
        }
    }
    out
}

struct Parser {
    toks: Vec<&'static str>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> &'static str {
        self.toks.get(self.pos).copied().unwrap_or("")
    }
    fn next(&mut self) -> &'static str {
        let t = self.peek();
        self.pos += 1;
        t
    }
    fn expect(&mut self, t: &str) {
        let got = self.next();
        assert_eq!(got, t, "ASDL description: expected {t}");
    }
    fn fields(&mut self) -> Vec<Field> {
        self.expect("(");
        let mut v = Vec::new();
        loop {
            let ty = self.next();
            let quant = match self.peek() {
                "*" => Quant::Seq,
                "?" => Quant::Opt,
                _ => Quant::One,
            };
            if quant != Quant::One {
                self.pos += 1;
            }
            let name = self.next();
            v.push(Field { ty, quant, name });
            if self.next() == ")" {
                return v;
            }
        }
    }
    fn attributes(&mut self) -> Vec<Field> {
        if self.peek() == "attributes" {
            self.pos += 1;
            self.fields()
        } else {
            Vec::new()
        }
    }
}

fn field_text(f: &Field) -> String {
    let q = match f.quant {
        Quant::One => "",
        Quant::Opt => "?",
        Quant::Seq => "*",
    };
    format!("{}{q} {}", f.ty, f.name)
}

/// `Name(identifier id, expr_context ctx)`, or `Pass`.
fn signature(name: &str, fields: &[Field]) -> String {
    if fields.is_empty() {
        return name.to_string();
    }
    let parts: Vec<String> = fields.iter().map(field_text).collect();
    format!("{name}({})", parts.join(", "))
}

/// Parses the description into the list of classes.
pub fn parse() -> Vec<NodeDef> {
    let mut p = Parser { toks: tokens(PYTHON_ASDL), pos: 0 };
    p.expect("module");
    p.next();
    p.expect("{");
    let mut defs: Vec<NodeDef> = Vec::new();
    while p.peek() != "}" {
        let name = p.next();
        p.expect("=");
        if p.peek() == "(" {
            let fields = p.fields();
            let attrs = p.attributes();
            let doc = signature(name, &fields);
            defs.push(NodeDef { name, kind: Kind::Product, base: None, fields, attrs, simple: false, doc });
            continue;
        }
        let sum = defs.len();
        defs.push(NodeDef { name, kind: Kind::Sum, base: None, fields: vec![], attrs: vec![], simple: false, doc: String::new() });
        let mut ctors = Vec::new();
        loop {
            let cname = p.next();
            let fields = if p.peek() == "(" { p.fields() } else { Vec::new() };
            ctors.push(defs.len());
            let doc = signature(cname, &fields);
            defs.push(NodeDef { name: cname, kind: Kind::Constructor, base: Some(sum), fields, attrs: vec![], simple: false, doc });
            if p.peek() != "|" {
                break;
            }
            p.pos += 1;
        }
        let attrs = p.attributes();
        let simple = ctors.iter().all(|&c| defs[c].fields.is_empty());
        let sigs: Vec<&str> = ctors.iter().map(|&c| defs[c].doc.as_str()).collect();
        // CPython's layout: simple sums on one line, others one constructor a line.
        let sep = if simple { " | ".to_string() } else { format!("\n{}| ", " ".repeat(name.len() + 1)) };
        let doc = format!("{name} = {}", sigs.join(&sep));
        for &c in &ctors {
            defs[c].simple = simple;
        }
        defs[sum].attrs = attrs;
        defs[sum].doc = doc;
    }
    defs
}
