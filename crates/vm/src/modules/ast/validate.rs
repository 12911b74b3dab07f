//! `compile()` of a tree: CPython's `obj2ast` checks (fields present, of the ASDL
//! type, lists where the ASDL says `*`), driven by the ASDL table, then the main
//! rules of `_PyAST_Validate` (expression contexts, empty bodies, constants), then
//! the tree's `ast.unparse` text is compiled, with each line's number replaced by
//! the `lineno` of the node it came from (columns are those of the text:
//! docs/compat.md).

use super::{AstState, Kind, NodeDef, Quant};
use crate::object::PyResult;
use crate::value::Value;
use crate::vm::Vm;

pub fn compile_tree(vm: &mut Vm, st: &AstState, tree: Value, filename: &str, mode: u8, opts: compiler::CompileOptions) -> PyResult {
    let req = ["Module", "Expression", "Interactive", "FunctionType"][mode as usize];
    if !crate::typeobj::is_instance(vm, tree, st.class(req)) {
        let m = format!("expected {req} node, got {}", vm.type_name(tree));
        return Err(vm.type_error(m));
    }
    let c = Checker { st };
    c.node(vm, tree, st.index("mod"), Phase::Structure, Ctx::Load)?;
    c.node(vm, tree, st.index("mod"), Phase::Rules, Ctx::Load)?;
    let unparse = unparse_fn(vm)?;
    let r = crate::call::call(vm, unparse, &[tree])?;
    let _pin = crate::gc::pin(r);
    let (text, lines) = match r.is::<crate::tuple::TupleObj>().then(|| crate::tuple::items(r)) {
        Some([t, l]) => (crate::ops::str_string(vm, *t)?, *l),
        _ => return Err(vm.type_error("unparse helper returned an unexpected value")),
    };
    let lines: Vec<u32> = if lines.is::<crate::list::ListObj>() {
        let items = crate::list::lobj(lines).items.borrow();
        items.iter().map(|v| v.as_small().unwrap_or(0).clamp(0, u32::MAX as i64) as u32).collect()
    } else {
        Vec::new()
    };
    let cmode = match mode {
        1 => compiler::Mode::Eval,
        2 => compiler::Mode::Single,
        _ => compiler::Mode::Exec,
    };
    let (result, warnings) = compiler::compile_with_warnings(&text, filename, cmode, opts);
    for w in warnings {
        crate::import::emit_compile_warning(vm, w)?;
    }
    let mut code = result.map_err(|mut e| {
        // The error's line is the tree's; its text is the unparsed line's.
        (e.lineno, e.end_lineno) = (line_of(&lines, e.lineno), line_of(&lines, e.end_lineno));
        e.text = None;
        crate::import::syntax_error(vm, e)
    })?;
    // The module's own first line stays 1, as for any compiled text.
    let first = code.firstlineno;
    remap_lines(&mut code, &lines);
    code.firstlineno = first;
    let code = crate::function::verified(vm, code)?;
    Ok(crate::function::new_code(vm, code))
}

/// `ast.unparse` that also says, for each line of its text, the `lineno` of
/// the statement (or expression) the line came from: index 0 unused.
const UNPARSE_LINES: &str = r#"
import ast

class _LineUnparser(ast._Unparser):
    def visit(self, node):
        self._source = self._main = []
        self._counted = self._newlines = 0
        self._stmts = []
        self._map = {}
        self.traverse(node)
        return "".join(self._source)

    def _line(self):
        for piece in self._main[self._counted:]:
            self._newlines += piece.count("\n")
        self._counted = len(self._main)
        return self._newlines + 1

    def fill(self, text=""):
        super().fill(text)
        if self._stmts and self._source is self._main:
            self._map.setdefault(self._line(), self._stmts[-1])

    def traverse(self, node):
        if isinstance(node, (ast.stmt, ast.excepthandler)):
            self._stmts.append(node.lineno)
            try:
                super().traverse(node)
            finally:
                self._stmts.pop()
            return
        if isinstance(node, ast.expr) and self._source is self._main:
            if self._main and self._main[-1].endswith("@"):
                # A decorator line is the decorator's, not the definition's.
                self._map[self._line()] = node.lineno
            else:
                self._map.setdefault(self._line(), node.lineno)
        super().traverse(node)

def unparse_lines(tree):
    u = _LineUnparser()
    text = u.visit(tree)
    lines = [0] * (text.count("\n") + 2)
    last = 1
    for i in range(1, len(lines)):
        last = u._map.get(i, last)
        lines[i] = last
    return text, lines
"#;

thread_local! {
    static UNPARSE: std::cell::Cell<Value> = const { std::cell::Cell::new(Value::NULL) };
}

/// The `unparse_lines` function, made on first use and kept in `vm.extra_roots`.
fn unparse_fn(vm: &mut Vm) -> PyResult {
    let f = UNPARSE.with(|c| c.get());
    if !f.is_null() {
        return Ok(f);
    }
    let code = crate::import::compile_source(vm, UNPARSE_LINES, "<ast unparse_lines>", compiler::Mode::Exec, 0)?;
    let d = crate::dict::new_dict(vm);
    let builtins = vm.builtins_dict;
    crate::dict::set_item_str(vm, d, "__builtins__", builtins)?;
    let name = crate::str::alloc_str(vm, "_ast");
    crate::dict::set_item_str(vm, d, "__name__", name)?;
    crate::interp::run_code(vm, code, d, d)?;
    let Some(f) = crate::dict::get_item_str(vm, d, "unparse_lines")? else {
        return Err(vm.runtime_error("unparse_lines missing"));
    };
    vm.extra_roots.push(f);
    UNPARSE.with(|c| c.set(f));
    Ok(f)
}

/// The tree's line for line `l` of the unparsed text.
fn line_of(lines: &[u32], l: u32) -> u32 {
    lines.get(l as usize).copied().filter(|&x| x != 0).unwrap_or(l)
}

/// Line numbers of the code compiled from the unparsed text become those of
/// the tree's nodes (`lines[unparsed line]`), in nested code objects too.
fn remap_lines(code: &mut compiler::CodeObject, lines: &[u32]) {
    let map = |l: u32| line_of(lines, l);
    code.firstlineno = map(code.firstlineno);
    for loc in &mut code.locations {
        let (l1, l2) = (map(loc.line), map(loc.end_line));
        loc.line = l1;
        loc.end_line = l2.max(l1);
    }
    for c in &mut code.consts {
        if let compiler::Constant::Code(inner) = c {
            let mut copy = (**inner).clone();
            remap_lines(&mut copy, lines);
            *inner = std::rc::Rc::new(copy);
        }
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Phase {
    /// `obj2ast`: the tree has CPython's shape.
    Structure,
    /// `_PyAST_Validate`: its contents make sense.
    Rules,
}

/// The context an expression position requires.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Ctx {
    Load,
    Store,
    Del,
}

struct Checker<'a> {
    st: &'a AstState,
}

fn attr(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Option<Value>> {
    let n = vm.intern(name);
    crate::attr::getattr_opt(vm, obj, n)
}

impl Checker<'_> {
    /// Checks `obj` as a value of the ASDL type `ty` (a sum or product index).
    fn node(&self, vm: &mut Vm, obj: Value, ty: usize, phase: Phase, ctx: Ctx) -> PyResult<()> {
        vm.enter_recursion(" during compilation")?;
        let r = self.node_inner(vm, obj, ty, phase, ctx);
        vm.leave_recursion();
        r
    }

    fn node_inner(&self, vm: &mut Vm, obj: Value, ty: usize, phase: Phase, ctx: Ctx) -> PyResult<()> {
        let def = &self.st.defs[ty];
        if def.kind == Kind::Product {
            self.fields(vm, obj, def, phase, ctx)?;
            return self.attributes(vm, obj, def, phase);
        }
        let simple = self.st.defs.iter().any(|d| d.base == Some(ty) && d.simple);
        if obj == vm.none && !simple {
            // A missing node: the parent's field check reports it.
            return Ok(());
        }
        self.attributes(vm, obj, def, phase)?;
        for (i, d) in self.st.defs.iter().enumerate() {
            if d.base == Some(ty) && crate::typeobj::is_instance(vm, obj, self.st.classes[i]) {
                if phase == Phase::Rules {
                    self.rules(vm, obj, d, ctx)?;
                }
                return self.fields(vm, obj, d, phase, ctx);
            }
        }
        let m = format!("expected some sort of {}, but got {}", def.name, crate::ops::repr_string(vm, obj)?);
        Err(vm.type_error(m))
    }

    fn attributes(&self, vm: &mut Vm, obj: Value, def: &NodeDef, phase: Phase) -> PyResult<()> {
        if phase == Phase::Rules {
            return Ok(());
        }
        for f in &def.attrs {
            match attr(vm, obj, f.name)? {
                None if f.quant == Quant::Opt => {}
                None => {
                    let m = format!("required field \"{}\" missing from {}", f.name, def.name);
                    return Err(vm.type_error(m));
                }
                Some(v) if v == vm.none && f.quant == Quant::Opt => {}
                Some(v) => self.builtin(vm, v, f.ty)?,
            }
        }
        Ok(())
    }

    /// The fields of constructor or product `def`, in order.
    fn fields(&self, vm: &mut Vm, obj: Value, def: &NodeDef, phase: Phase, ctx: Ctx) -> PyResult<()> {
        for f in &def.fields {
            let v = match attr(vm, obj, f.name)? {
                Some(v) => v,
                None if f.quant == Quant::Opt => continue,
                None => {
                    let m = format!("required field \"{}\" missing from {}", f.name, def.name);
                    return Err(vm.type_error(m));
                }
            };
            let fctx = field_ctx(def.name, f.name, ctx);
            if f.quant == Quant::Seq {
                if !v.is::<crate::list::ListObj>() {
                    let m = format!("{} field \"{}\" must be a list, not a {}", def.name, f.name, vm.type_name(v));
                    return Err(vm.type_error(m));
                }
                let _pin = crate::gc::pin(v);
                let items = crate::list::lobj(v).items.borrow().clone();
                for it in items {
                    if phase == Phase::Rules && it == vm.none && !(def.name == "Dict" && f.name == "keys") {
                        if f.ty == "stmt" {
                            return Err(vm.value_error("None disallowed in statement list"));
                        }
                        if f.ty == "expr" {
                            return Err(vm.value_error("None disallowed in expression list"));
                        }
                    }
                    self.value(vm, it, f.ty, phase, fctx)?;
                }
                continue;
            }
            if v == vm.none && f.quant == Quant::Opt {
                continue;
            }
            self.value(vm, v, f.ty, phase, fctx)?;
            // Required and None: CPython's constructor functions refuse it.
            if phase == Phase::Structure && v == vm.none && f.ty != "constant" {
                let m = format!("field '{}' is required for {}", f.name, def.name);
                return Err(vm.value_error(m));
            }
        }
        Ok(())
    }

    fn value(&self, vm: &mut Vm, v: Value, ty: &str, phase: Phase, ctx: Ctx) -> PyResult<()> {
        match self.st.by_name.get(ty) {
            Some(&i) => self.node(vm, v, i, phase, ctx),
            None if phase == Phase::Structure => self.builtin(vm, v, ty),
            None => Ok(()),
        }
    }

    /// `obj2ast_identifier`, `_string`, `_int`; constants are checked by the rules.
    fn builtin(&self, vm: &mut Vm, v: Value, ty: &str) -> PyResult<()> {
        let is_str = vm.type_of(v) == vm.t.str;
        match ty {
            "identifier" if !is_str && v != vm.none => Err(vm.type_error("AST identifier must be of type str")),
            "string" if !is_str && vm.type_of(v) != vm.t.bytes && v != vm.none => {
                Err(vm.type_error("AST string must be of type str"))
            }
            "int" if !crate::typeobj::is_instance(vm, v, vm.t.int) => {
                let m = format!("invalid integer value: {}", crate::ops::repr_string(vm, v)?);
                Err(vm.value_error(m))
            }
            _ => Ok(()),
        }
    }

    /// The rules of `_PyAST_Validate` for one node, before its children.
    fn rules(&self, vm: &mut Vm, obj: Value, d: &NodeDef, ctx: Ctx) -> PyResult<()> {
        let name = d.name;
        if d.fields.iter().any(|f| f.name == "ctx" && f.ty == "expr_context") {
            let c = attr(vm, obj, "ctx")?.unwrap_or(vm.none);
            let actual = ["Load", "Store", "Del"].into_iter().find(|n| crate::typeobj::is_instance(vm, c, self.st.class(n)));
            let want = format!("{ctx:?}");
            if let Some(actual) = actual {
                if actual != want {
                    let m = format!("expression must have {want} context but has {actual} instead");
                    return Err(vm.value_error(m));
                }
            }
        }
        let len = |vm: &mut Vm, field: &str| -> PyResult<usize> {
            let v = attr(vm, obj, field)?.unwrap_or(Value::NULL);
            Ok(if v.is::<crate::list::ListObj>() { crate::list::lobj(v).items.borrow().len() } else { 0 })
        };
        let body_field = match name {
            "FunctionDef" | "AsyncFunctionDef" | "ClassDef" | "For" | "AsyncFor" | "While" | "If" | "With" | "AsyncWith"
            | "Try" | "TryStar" | "ExceptHandler" | "match_case" => Some("body"),
            _ => None,
        };
        if let Some(b) = body_field {
            if len(vm, b)? == 0 {
                return Err(vm.value_error(format!("empty body on {name}")));
            }
        }
        let nonempty = match name {
            "Delete" | "Assign" => Some("targets"),
            "With" | "AsyncWith" => Some("items"),
            "Match" => Some("cases"),
            "Import" | "ImportFrom" | "Global" | "Nonlocal" => Some("names"),
            _ => None,
        };
        if let Some(f) = nonempty {
            if len(vm, f)? == 0 {
                return Err(vm.value_error(format!("empty {f} on {name}")));
            }
        }
        match name {
            "Try" | "TryStar" => {
                let handlers = len(vm, "handlers")?;
                if handlers == 0 && len(vm, "finalbody")? == 0 {
                    return Err(vm.value_error(format!("{name} has neither except handlers nor finalbody")));
                }
                if handlers == 0 && len(vm, "orelse")? != 0 {
                    return Err(vm.value_error(format!("{name} has orelse but no except handlers")));
                }
            }
            "Raise" => {
                let none = vm.none;
                let exc = attr(vm, obj, "exc")?.unwrap_or(none);
                let cause = attr(vm, obj, "cause")?.unwrap_or(none);
                if exc == none && cause != none {
                    return Err(vm.value_error("Raise with cause but no exception"));
                }
            }
            "ImportFrom" => {
                if let Some(l) = attr(vm, obj, "level")?.and_then(|l| l.as_small()) {
                    if l < 0 {
                        return Err(vm.value_error("Negative ImportFrom level"));
                    }
                }
            }
            "BoolOp" if len(vm, "values")? < 2 => return Err(vm.value_error("BoolOp with less than 2 values")),
            "Compare" => {
                let ops = len(vm, "ops")?;
                if ops == 0 {
                    return Err(vm.value_error("Compare with no comparators"));
                }
                if ops != len(vm, "comparators")? {
                    return Err(vm.value_error("Compare has a different number of comparators and operands"));
                }
            }
            "Dict" if len(vm, "keys")? != len(vm, "values")? => {
                return Err(vm.value_error("Dict doesn't have the same number of keys as values"));
            }
            "ListComp" | "SetComp" | "DictComp" | "GeneratorExp" if len(vm, "generators")? == 0 => {
                return Err(vm.value_error(format!("comprehension with no generators")));
            }
            "Name" => {
                let id = attr(vm, obj, "id")?.unwrap_or(vm.none);
                if let Some(s) = crate::str::as_str(id) {
                    if matches!(s, "None" | "True" | "False") {
                        return Err(vm.value_error(format!("identifier field can't represent '{s}' constant")));
                    }
                }
            }
            "Constant" => {
                let v = attr(vm, obj, "value")?.unwrap_or(vm.none);
                if !valid_constant(vm, v) {
                    let m = format!("got an invalid type in Constant: {}", vm.type_name(v));
                    return Err(vm.type_error(m));
                }
            }
            "AnnAssign" => {
                let simple = attr(vm, obj, "simple")?.and_then(|s| s.as_small()).unwrap_or(0);
                let target = attr(vm, obj, "target")?.unwrap_or(vm.none);
                if simple != 0 && !crate::typeobj::is_instance(vm, target, self.st.class("Name")) {
                    return Err(vm.type_error("AnnAssign with simple non-Name target"));
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// The context field `field` of node `node` requires (CPython's `validate_expr`
/// calls): assignment targets Store, `del` targets Del, the elements of a
/// Starred/List/Tuple those of their container, everything else Load.
fn field_ctx(node: &str, field: &str, ctx: Ctx) -> Ctx {
    match (node, field) {
        ("Assign", "targets") | ("AugAssign", "target") | ("AnnAssign", "target") | ("For", "target") | ("AsyncFor", "target") => Ctx::Store,
        ("withitem", "optional_vars") | ("comprehension", "target") | ("NamedExpr", "target") => Ctx::Store,
        ("Delete", "targets") => Ctx::Del,
        ("Starred", "value") | ("List", "elts") | ("Tuple", "elts") => ctx,
        _ => Ctx::Load,
    }
}

/// `validate_constant`: None, Ellipsis, numbers, str, bytes, and tuples and
/// frozensets of those.
fn valid_constant(vm: &mut Vm, v: Value) -> bool {
    if v == vm.none || v == vm.ellipsis {
        return true;
    }
    let t = vm.type_of(v);
    let exact = [vm.t.int, vm.t.float, vm.t.complex, vm.t.bool, vm.t.str, vm.t.bytes];
    if exact.contains(&t) {
        return true;
    }
    if t == vm.t.tuple || t == vm.t.frozenset {
        let Ok(items) = crate::list::from_iterable(vm, v) else { return false };
        let _pin = crate::gc::pin(items);
        let items = crate::list::lobj(items).items.borrow().clone();
        return items.into_iter().all(|x| valid_constant(vm, x));
    }
    false
}
