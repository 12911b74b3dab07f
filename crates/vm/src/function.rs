//! Callables and descriptors: Python functions and their code objects, cells, bound
//! methods, functions written in Rust, `classmethod`, `staticmethod`, `property`,
//! getset descriptors (computed attributes of builtin types) and `__slots__` members.

use crate::gc::{Trace, Tracer};
use crate::object::{NativeFn, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use compiler::code::Constant;
use compiler::verify::Verified;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A code object: the compiler's output with its constants and names as values.
pub struct CodeObj {
    pub code: Rc<compiler::CodeObject>,
    pub consts: Box<[Value]>,
    /// Interned names (`co_names`).
    pub names: Box<[Value]>,
    /// Interned local names (`co_varnames`).
    pub varnames: Box<[Value]>,
    /// Interned cell then free variable names.
    pub cell_names: Box<[Value]>,
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    /// Only positional parameters (no `*args`, `**kwargs`, keyword-only ones):
    /// calls may bind arguments in place.
    pub simple_args: bool,
    /// A generator, coroutine or async generator: a call makes one of those.
    pub makes_generator: bool,
    /// Fast locals plus cells: the slots below a frame's value stack.
    pub nslots: usize,
    /// `nslots` plus the deepest value stack: the room a frame needs.
    pub frame_size: usize,
    /// The instructions as the interpreter runs them.
    pub instrs: Box<[crate::icache::Ins]>,
    /// The inline caches of the attribute and global instructions.
    pub caches: Box<[crate::icache::InlineCache]>,
}

pub const NO_CACHE: u16 = u16::MAX;

/// Code flags that need the general argument binding.
const SPECIAL_CALL_FLAGS: u32 = compiler::code::flags::VARARGS | compiler::code::flags::VARKEYWORDS;

/// Code flags of the code whose call makes a generator object.
pub const GENERATOR_FLAGS: u32 =
    compiler::code::flags::GENERATOR | compiler::code::flags::COROUTINE | compiler::code::flags::ASYNC_GENERATOR;

impl Trace for CodeObj {
    fn trace(&self, t: &mut Tracer) {
        for c in self.caches.iter() {
            c.trace(t);
        }
        self.consts.trace(t);
        self.names.trace(t);
        self.varnames.trace(t);
        self.cell_names.trace(t);
        t.value(self.name);
        t.value(self.qualname);
        t.value(self.filename);
    }
}
payload!(CodeObj, "code");

impl CodeObj {
    pub fn ncells(&self) -> usize {
        self.code.cellvars.len() + self.code.freevars.len()
    }
}

/// Verifies compiled code (`compiler::verify`: the interpreter runs code without
/// the checks that verification makes once); code that fails raises SystemError.
pub fn verified(vm: &mut Vm, code: compiler::CodeObject) -> PyResult<Verified> {
    Verified::new(Rc::new(code)).map_err(|e| {
        let t = vm.e.system_error;
        vm.new_exc(t, format!("invalid bytecode in {e}"))
    })
}

/// Converts verified code (and its nested code objects) into a heap code object.
pub fn new_code(vm: &mut Vm, verified: Verified) -> Value {
    let mut nested = verified.nested();
    let code = verified.code().clone();
    let list = crate::list::new_list(vm, vec![]);
    for c in &code.consts {
        let v = match c {
            Constant::Code(_) => new_code(vm, nested.next().expect("one verified code per code constant")),
            _ => constant(vm, c),
        };
        crate::list::lobj(list).items.borrow_mut().push(v);
    }
    let consts = crate::list::lobj(list).items.borrow().clone().into_boxed_slice();
    let intern_all = |vm: &mut Vm, names: &[Rc<str>]| -> Box<[Value]> { names.iter().map(|n| vm.intern(n)).collect() };
    let names = intern_all(vm, &code.names);
    let varnames = intern_all(vm, &code.varnames);
    let mut cells: Vec<Rc<str>> = code.cellvars.clone();
    cells.extend(code.freevars.iter().cloned());
    let cell_names = intern_all(vm, &cells);
    let name = vm.intern(&code.name);
    let qualname = crate::str::alloc_str(vm, &code.qualname);
    let filename = crate::str::alloc_str(vm, &code.filename);
    let (instrs, caches) = crate::icache::quicken(&code.instructions);
    // Code run as a function without CO_OPTIMIZED (`FunctionType(module_code, g)`)
    // takes the general path too, which gives it its globals as locals.
    let simple_args = code.kwonlyargcount == 0 && code.flags & SPECIAL_CALL_FLAGS == 0 && code.flags & compiler::code::flags::OPTIMIZED != 0;
    let makes_generator = code.flags & GENERATOR_FLAGS != 0;
    let nslots = varnames.len() + cell_names.len();
    let frame_size = nslots + code.stacksize as usize;
    let ty = vm.t.code;
    let v = vm.alloc(
        ty,
        CodeObj { code, consts, names, varnames, cell_names, name, qualname, filename, simple_args, makes_generator, nslots, frame_size, instrs, caches },
    );
    std::hint::black_box(list);
    v
}

/// A compile-time constant as a value.
pub fn constant(vm: &mut Vm, c: &Constant) -> Value {
    match c {
        Constant::None => vm.none,
        Constant::Bool(b) => vm.bool(*b),
        Constant::Int(i) => crate::int::from_bigint(vm, i.clone()),
        Constant::Float(f) => crate::float::new_float(vm, *f),
        Constant::Complex { re, im } => crate::complex::new_complex(vm, *re, *im),
        Constant::Str(s) => vm.intern(s),
        Constant::SurrogateStr(b) => crate::str::new_str_wtf8(vm, b.to_vec()),
        Constant::Bytes(b) => crate::bytes::new_bytes(vm, b.to_vec()),
        Constant::Ellipsis => vm.ellipsis,
        Constant::Tuple(items) => {
            let l = crate::list::new_list(vm, vec![]);
            for it in items.iter() {
                let v = constant(vm, it);
                crate::list::lobj(l).items.borrow_mut().push(v);
            }
            crate::list::list_to_tuple(vm, l)
        }
        Constant::FrozenSet(items) => frozenset_constant(vm, items),
        // Verification refuses code objects anywhere but directly in `co_consts`.
        Constant::Code(_) => vm.none,
    }
}

/// A frozenset constant as CPython's compiler makes it: built from the elements in
/// source order, then rebuilt from that set's iteration order when constants are
/// merged (`merge_consts_recursive`); the rebuild can reorder colliding keys.
fn frozenset_constant(vm: &mut Vm, items: &[Constant]) -> Value {
    let t = vm.t.frozenset;
    let first = crate::set::new_set_of_type(vm, t);
    for it in items {
        let v = constant(vm, it);
        // Constants are hashable (the compiler folds only those).
        let _ = crate::set::add(vm, first, v);
    }
    let merged = crate::set::new_set_of_type(vm, t);
    for v in crate::set::elements(first) {
        let _ = crate::set::add(vm, merged, v);
    }
    std::hint::black_box(first);
    merged
}

pub struct FunctionObj {
    /// The code object (`__code__` may be reassigned).
    pub code: Cell<Value>,
    pub globals: Value,
    pub builtins: Value,
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    /// Tuple of positional defaults or NULL.
    pub defaults: Cell<Value>,
    /// Dict of keyword-only defaults or NULL.
    pub kwdefaults: Cell<Value>,
    /// Tuple of cells or NULL.
    pub closure: Value,
    pub doc: Cell<Value>,
    pub module: Cell<Value>,
    /// Dict or NULL (created on first access).
    pub annotations: Cell<Value>,
}

impl Trace for FunctionObj {
    fn trace(&self, t: &mut Tracer) {
        for v in [
            self.code.get(), self.globals, self.builtins, self.name.get(), self.qualname.get(),
            self.defaults.get(), self.kwdefaults.get(), self.closure, self.doc.get(),
            self.module.get(), self.annotations.get(),
        ] {
            t.value(v);
        }
    }
}
payload!(FunctionObj, "function");

impl FunctionObj {
    #[inline(always)]
    pub fn code(&self) -> &'static CodeObj {
        self.code.get().downcast::<CodeObj>().expect("function code")
    }
}

pub struct CellObj {
    pub value: Cell<Value>,
}
impl Trace for CellObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.value.get())
    }
}
payload!(CellObj, "cell");

pub fn new_cell(vm: &mut Vm, v: Value) -> Value {
    let ty = vm.t.cell;
    vm.alloc(ty, CellObj { value: Cell::new(v) })
}

pub struct BoundMethod {
    pub func: Value,
    pub self_: Value,
}
impl Trace for BoundMethod {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.func);
        t.value(self.self_);
    }
}
payload!(BoundMethod, "method");

pub fn new_bound_method(vm: &mut Vm, func: Value, self_: Value) -> Value {
    let ty = vm.t.method;
    vm.alloc(ty, BoundMethod { func, self_ })
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum NativeKind {
    /// A module-level function (`len`), or a method already bound to `self_`.
    Function,
    /// A method descriptor of a builtin type (`list.append`): binds on access.
    Method,
    /// A class method of a builtin type (`dict.fromkeys`).
    ClassMethod,
    /// A static method of a builtin type (`str.maketrans`, `__new__`).
    Static,
}

/// A function implemented in Rust.
pub struct NativeFunction {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: NativeKind,
    /// The type that defines it (methods), or the module (functions), or NULL.
    pub owner: Value,
    /// The bound receiver: prepended to the arguments when not NULL.
    pub self_: Value,
}
impl Trace for NativeFunction {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.owner);
        t.value(self.self_);
    }
}
payload!(NativeFunction, "builtin_function_or_method");

pub fn new_native(vm: &mut Vm, name: &'static str, func: NativeFn, kind: NativeKind, owner: Value) -> Value {
    let ty = match kind {
        NativeKind::Function | NativeKind::Static => vm.t.builtin_function,
        NativeKind::Method => vm.t.method_descriptor,
        NativeKind::ClassMethod => vm.t.classmethod_descriptor,
    };
    vm.alloc(ty, NativeFunction { name, func, kind, owner, self_: Value::NULL })
}

/// A native method bound to `self_` (`[].append`).
pub fn bind_native(vm: &mut Vm, f: &NativeFunction, self_: Value) -> Value {
    let ty = vm.t.builtin_function;
    vm.alloc(ty, NativeFunction { name: f.name, func: f.func, kind: NativeKind::Function, owner: f.owner, self_ })
}

/// `classmethod(f)` and `staticmethod(f)` share this payload.
pub struct MethodWrapper {
    pub func: Cell<Value>,
}
impl Trace for MethodWrapper {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.func.get())
    }
}
payload!(MethodWrapper, "classmethod");

pub fn new_classmethod(vm: &mut Vm, f: Value) -> Value {
    let ty = vm.t.classmethod;
    vm.alloc(ty, MethodWrapper { func: Cell::new(f) })
}

pub fn new_staticmethod(vm: &mut Vm, f: Value) -> Value {
    let ty = vm.t.staticmethod;
    vm.alloc(ty, MethodWrapper { func: Cell::new(f) })
}

pub struct Property {
    pub fget: Cell<Value>,
    pub fset: Cell<Value>,
    pub fdel: Cell<Value>,
    pub doc: Cell<Value>,
    /// The attribute name given by `__set_name__`, for error messages.
    pub name: Cell<Value>,
    /// `doc` is the getter's docstring (copies take the new getter's).
    pub getter_doc: Cell<bool>,
}
impl Trace for Property {
    fn trace(&self, t: &mut Tracer) {
        for v in [self.fget.get(), self.fset.get(), self.fdel.get(), self.doc.get(), self.name.get()] {
            t.value(v);
        }
    }
}
payload!(Property, "property");

/// Reads a computed attribute of a builtin object.
pub type Getter = fn(&mut Vm, Value) -> PyResult;
/// Writes (or, with NULL, deletes) a computed attribute.
pub type Setter = fn(&mut Vm, Value, Value) -> PyResult<()>;

pub struct GetSet {
    pub name: &'static str,
    pub owner: Value,
    pub get: Getter,
    pub set: Option<Setter>,
}
impl Trace for GetSet {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.owner)
    }
}
payload!(GetSet, "getset_descriptor");

pub fn new_getset(vm: &mut Vm, name: &'static str, owner: Value, get: Getter, set: Option<Setter>) -> Value {
    let ty = vm.t.getset_descriptor;
    vm.alloc(ty, GetSet { name, owner, get, set })
}

/// A `__slots__` member: reads and writes slot `index` of the instance.
pub struct Member {
    pub name: Value,
    pub owner: Value,
    pub index: usize,
}
impl Trace for Member {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.name);
        t.value(self.owner);
    }
}
payload!(Member, "member_descriptor");

pub fn new_member(vm: &mut Vm, name: Value, owner: Value, index: usize) -> Value {
    let ty = vm.t.member_descriptor;
    vm.alloc(ty, Member { name, owner, index })
}

/// An instance of a class defined in Python whose layout is plain `object`.
pub struct InstanceObj {
    /// `__slots__` storage (NULL = unset).
    pub slots: RefCell<Box<[Value]>>,
}
impl Trace for InstanceObj {
    fn trace(&self, t: &mut Tracer) {
        self.slots.trace(t)
    }
}
payload!(InstanceObj, "object", dict);
