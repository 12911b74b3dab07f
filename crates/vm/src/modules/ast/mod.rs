//! `_ast`: CPython 3.11's AST node classes, made from the ASDL description
//! (`asdl.rs`) as `Python-ast.c` makes them; `compile(..., PyCF_ONLY_AST)` turning
//! ruff's syntax tree into instances of them (`convert.rs`); and `compile()` of a
//! tree it is given (`validate.rs` checks it, then its `ast.unparse` text is compiled).

mod asdl;
mod convert;
mod validate;

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::collections::HashMap;
use std::rc::Rc;

pub use asdl::{Kind, NodeDef, Quant};

pub const PYCF_ONLY_AST: i64 = 0x400;
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

/// The node classes, made once per interpreter (`_ast` re-imported gets the same
/// classes, as CPython's module state keeps them).
pub struct AstState {
    pub defs: Vec<NodeDef>,
    /// The class of each def, same index; `classes[AST]` is the base.
    pub classes: Vec<Value>,
    /// The shared instance of each simple constructor (`Load`), NULL for others.
    pub singletons: Vec<Value>,
    pub by_name: HashMap<&'static str, usize>,
    pub ast: Value,
}

impl AstState {
    pub fn index(&self, name: &str) -> usize {
        self.by_name[name]
    }
    pub fn class(&self, name: &str) -> Value {
        self.classes[self.by_name[name]]
    }
}

thread_local! {
    static STATE: std::cell::RefCell<Option<Rc<AstState>>> = const { std::cell::RefCell::new(None) };
}

/// The node classes, made on first use (their Values are in `vm.extra_roots`).
pub fn state(vm: &mut Vm) -> PyResult<Rc<AstState>> {
    if let Some(s) = STATE.with(|s| s.borrow().clone()) {
        return Ok(s);
    }
    let s = Rc::new(make_classes(vm)?);
    STATE.with(|c| *c.borrow_mut() = Some(s.clone()));
    Ok(s)
}

/// The state if `_ast` was ever used (nothing can be an AST instance before).
fn state_if_made() -> Option<Rc<AstState>> {
    STATE.with(|s| s.borrow().clone())
}

fn str_tuple(vm: &mut Vm, names: &[&Field]) -> Value {
    let buf = crate::list::ValueBuf::new(vm);
    for f in names {
        let v = vm.intern(f.name);
        buf.push(v);
    }
    buf.into_tuple(vm)
}

use asdl::Field;

/// `type(name, (base,), {_fields, __match_args__, __module__, __doc__})`, as
/// CPython's `make_type`.
fn make_type(vm: &mut Vm, name: &str, base: Value, fields: &[&Field], doc: &str) -> PyResult {
    let ns = crate::dict::new_dict(vm);
    let f = str_tuple(vm, fields);
    crate::dict::set_item_str(vm, ns, "_fields", f)?;
    crate::dict::set_item_str(vm, ns, "__match_args__", f)?;
    let module = vm.intern("ast");
    crate::dict::set_item_str(vm, ns, "__module__", module)?;
    let d = crate::str::alloc_str(vm, doc);
    crate::dict::set_item_str(vm, ns, "__doc__", d)?;
    let n = crate::str::alloc_str(vm, name);
    let bases = crate::tuple::new_tuple(vm, vec![base]);
    let ty = vm.t.type_;
    crate::call::call(vm, ty, &[n, bases, ns])
}

fn set_class_attr(vm: &mut Vm, cls: Value, name: &str, v: Value) -> PyResult<()> {
    let n = vm.intern(name);
    crate::attr::setattr(vm, cls, n, v)
}

/// `_attributes` and, for optional fields and attributes, a class default of None.
fn add_attributes(vm: &mut Vm, cls: Value, d: &NodeDef, set_attributes: bool) -> PyResult<()> {
    if set_attributes {
        let attrs: Vec<&Field> = d.attrs.iter().collect();
        let t = str_tuple(vm, &attrs);
        set_class_attr(vm, cls, "_attributes", t)?;
    }
    let none = vm.none;
    for f in d.fields.iter().chain(d.attrs.iter()) {
        if f.quant == Quant::Opt {
            set_class_attr(vm, cls, f.name, none)?;
        }
    }
    Ok(())
}

fn make_classes(vm: &mut Vm) -> PyResult<AstState> {
    let defs = asdl::parse();
    let ast = make_ast_base(vm);
    vm.extra_roots.push(ast);
    let mut classes = Vec::with_capacity(defs.len());
    let mut singletons = Vec::with_capacity(defs.len());
    let mut by_name = HashMap::new();
    for (i, d) in defs.iter().enumerate() {
        let base = match d.base {
            Some(b) => classes[b],
            None => ast,
        };
        let fields: Vec<&Field> = d.fields.iter().collect();
        let cls = make_type(vm, d.name, base, &fields, &d.doc)?;
        vm.extra_roots.push(cls);
        add_attributes(vm, cls, d, d.kind != Kind::Constructor)?;
        let single = if d.simple {
            let o = crate::object_type::new_instance(vm, cls);
            vm.extra_roots.push(o);
            o
        } else {
            Value::NULL
        };
        classes.push(cls);
        singletons.push(single);
        by_name.insert(d.name, i);
    }
    Ok(AstState { defs, classes, singletons, by_name, ast })
}

/// `ast.AST`: instances have a `__dict__`; `__init__` sets `_fields` from the
/// arguments.
fn make_ast_base(vm: &mut Vm) -> Value {
    use crate::typeobj::{add_method, add_static, new_static_type, set_attr_raw, tflag};
    let obj = vm.t.object;
    let t = new_static_type(vm, "AST", obj, tflag::BASETYPE | tflag::HAS_DICT | tflag::WEAKREFABLE);
    add_static(vm, t, "__new__", ast_new);
    add_method(vm, t, "__init__", ast_init);
    add_method(vm, t, "__reduce__", ast_reduce);
    let dd = crate::object_type::dict_descriptor(vm, t);
    let empty = crate::tuple::new_tuple(vm, vec![]);
    let module = vm.intern("ast");
    // The type is being built: these names are fresh, so none can fail.
    let _ = set_attr_raw(vm, t, "__dict__", dd);
    let _ = set_attr_raw(vm, t, "_fields", empty);
    let _ = set_attr_raw(vm, t, "__match_args__", empty);
    let _ = set_attr_raw(vm, t, "_attributes", empty);
    let _ = set_attr_raw(vm, t, "__module__", module);
    t
}

fn ast_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    Ok(crate::object_type::new_instance(vm, cls))
}

/// CPython's `ast_type_init`: positional arguments fill `_fields` in order,
/// keywords set any attribute.
fn ast_init(vm: &mut Vm, args: Args) -> PyResult {
    let obj = args.vals[0];
    let pos = &args.pos()[1..];
    let ty = vm.type_of(obj);
    let name = vm.intern("_fields");
    let fields = match crate::attr::getattr_opt(vm, ty, name)? {
        Some(f) => crate::list::from_iterable(vm, f)?,
        None => crate::list::new_list(vm, vec![]),
    };
    let _pin = crate::gc::pin(fields);
    let names = crate::list::lobj(fields).items.borrow().clone();
    if pos.len() > names.len() {
        let n = names.len();
        let m = format!(
            "{} constructor takes at most {n} positional argument{}",
            crate::typeobj::type_name(ty),
            if n == 1 { "" } else { "s" }
        );
        return Err(vm.type_error(m));
    }
    for (i, v) in pos.iter().enumerate() {
        crate::attr::setattr(vm, obj, names[i], *v)?;
    }
    for (k, v) in args.kw() {
        for (i, n) in names.iter().enumerate().take(pos.len()) {
            if crate::ops::eq(vm, *n, k)? {
                let _ = i;
                let m = format!(
                    "{} got multiple values for argument '{}'",
                    crate::typeobj::type_name(ty),
                    crate::ops::str_string(vm, k)?
                );
                return Err(vm.type_error(m));
            }
        }
        crate::attr::setattr(vm, obj, k, v)?;
    }
    Ok(vm.none)
}

/// `(type(self), (), self.__dict__)`: copy and pickle rebuild nodes from it.
fn ast_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    let obj = a[0];
    let ty = vm.type_of(obj);
    let empty = crate::tuple::new_tuple(vm, vec![]);
    let name = vm.intern("__dict__");
    match crate::attr::getattr_opt(vm, obj, name)? {
        Some(d) => Ok(crate::tuple::new_tuple(vm, vec![ty, empty, d])),
        None => Ok(crate::tuple::new_tuple(vm, vec![ty, empty])),
    }
}

/// The `_ast` module.
pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let st = state(vm)?;
    super::set_attr(vm, m, "AST", st.ast)?;
    for (d, c) in st.defs.iter().zip(st.classes.iter()) {
        super::set_attr(vm, m, d.name, *c)?;
    }
    for (n, v) in [
        ("PyCF_ONLY_AST", PYCF_ONLY_AST),
        ("PyCF_TYPE_COMMENTS", PYCF_TYPE_COMMENTS),
        ("PyCF_ALLOW_TOP_LEVEL_AWAIT", PYCF_ALLOW_TOP_LEVEL_AWAIT),
    ] {
        let v = crate::int::from_i64(vm, v);
        super::set_attr(vm, m, n, v)?;
    }
    Ok(())
}

/// CPython's `PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK`: the flags
/// `compile()` accepts.
const PYCF_ACCEPTED: i64 = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000
    | 0x10
    | PYCF_ONLY_AST | PYCF_ALLOW_TOP_LEVEL_AWAIT | PYCF_TYPE_COMMENTS | 0x200 | 0x4000;

/// `compile()`'s handling of ASTs: a tree as `source`, or `PyCF_ONLY_AST` in
/// `flags`. None: an ordinary compilation, for the caller to do.
pub fn compile(vm: &mut Vm, source: Value, filename: &str, mode: Value, flags: i64, optimize: u8) -> PyResult<Option<Value>> {
    if flags & !PYCF_ACCEPTED != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    let only_ast = flags & PYCF_ONLY_AST != 0;
    let mode_s = crate::str_methods::str_arg(vm, mode, "compile() mode")?;
    let mode_n = match mode_s {
        "exec" => 0,
        "eval" => 1,
        "single" => 2,
        "func_type" if !only_ast => {
            return Err(vm.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"));
        }
        "func_type" => 3,
        _ if only_ast => return Err(vm.value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")),
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if let Some(st) = state_if_made() {
        if crate::typeobj::is_instance(vm, source, st.ast) {
            if only_ast {
                return Ok(Some(source));
            }
            let opts = compiler::CompileOptions { optimize, top_level_await: flags & PYCF_ALLOW_TOP_LEVEL_AWAIT != 0, ..Default::default() };
            return validate::compile_tree(vm, &st, source, filename, mode_n, opts).map(Some);
        }
    }
    if !only_ast {
        return Ok(None);
    }
    let st = state(vm)?;
    let src = super::super::builtins::source_text(vm, source, "compile")?;
    convert::parse(vm, &st, &src, filename, mode_n).map(Some)
}
