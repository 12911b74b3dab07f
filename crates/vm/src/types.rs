//! The table of builtin types, declared once, and the bootstrap that creates them
//! in dependency order (`object`, `type`, `dict` and `str` first, then the rest).
//! Each type's methods are added by the `init_type` of the module named after it.

use crate::gc::Tracer;
use crate::typeobj::{new_static_type, tflag, tobj};
use crate::value::Value;
use crate::vm::Vm;

macro_rules! types_table {
    ($( $field:ident ),* $(,)?) => {
        /// The builtin types (and a few builtin objects compared by identity).
        #[derive(Default)]
        pub struct Types { $( pub $field: Value, )* }


        impl Types {
            pub fn trace(&self, t: &mut Tracer) {
                $( t.value(self.$field); )*
            }
        }
    };
}

types_table! {
    object, type_, dict, str, int, bool, float, complex, list, tuple, set, frozenset,
    bytes, bytearray, memoryview, range, slice, none_type, not_implemented_type,
    ellipsis_type, function, builtin_function, method_descriptor, classmethod_descriptor,
    getset_descriptor, member_descriptor, method, code, cell, module, property,
    classmethod, staticmethod, generator, coroutine, async_generator, coroutine_wrapper,
    async_gen_asend, async_gen_athrow, anext_awaitable, frame, traceback, super_, enumerate, zip, map,
    filter, reversed, list_iterator, list_reverseiterator, tuple_iterator, range_iterator,
    str_iterator, dict_keyiterator, dict_valueiterator, dict_itemiterator, set_iterator,
    seq_iterator, callable_iterator, bytes_iterator, dict_keys, dict_values, dict_items,
    weakref, weakproxy, weakcallableproxy, generic_alias, generic_alias_iterator, mappingproxy, simple_namespace,
    union_type,
    // The natives that implement generic attribute access, recognised by identity.
    object_getattribute, object_setattr, object_delattr, type_getattribute,
    type_setattr, type_delattr,
}

/// Creates every builtin type and the singletons.
pub fn init(vm: &mut Vm) {
    let base = tflag::BASETYPE;
    let object = new_static_type(vm, "object", Value::NULL, base);
    vm.t.object = object;
    let type_ = new_static_type(vm, "type", object, base);
    vm.t.type_ = type_;
    let dict = new_static_type(vm, "dict", object, base);
    vm.t.dict = dict;
    crate::dict::set_exact_type(dict);
    for t in [object, type_, dict] {
        t.header().unwrap().ty.set(type_);
        tobj(t).dict.header().unwrap().ty.set(dict);
    }
    vm.t.str = new_static_type(vm, "str", object, base);
    vm.empty_str = crate::str::alloc_str(vm, "");

    let mk = |vm: &mut Vm, name: &str, b: Value, flags: u32| new_static_type(vm, name, b, flags);
    vm.t.int = mk(vm, "int", object, base);
    vm.t.bool = mk(vm, "bool", vm.t.int, 0);
    vm.t.float = mk(vm, "float", object, base);
    vm.t.complex = mk(vm, "complex", object, base);
    vm.t.list = mk(vm, "list", object, base);
    vm.t.tuple = mk(vm, "tuple", object, base);
    vm.t.set = mk(vm, "set", object, base);
    vm.t.frozenset = mk(vm, "frozenset", object, base);
    vm.t.bytes = mk(vm, "bytes", object, base);
    vm.t.bytearray = mk(vm, "bytearray", object, base);
    vm.t.memoryview = mk(vm, "memoryview", object, 0);
    vm.t.range = mk(vm, "range", object, 0);
    vm.t.slice = mk(vm, "slice", object, 0);
    vm.t.none_type = mk(vm, "NoneType", object, 0);
    vm.t.not_implemented_type = mk(vm, "NotImplementedType", object, 0);
    vm.t.ellipsis_type = mk(vm, "ellipsis", object, 0);
    vm.t.function = mk(vm, "function", object, tflag::HAS_DICT);
    vm.t.builtin_function = mk(vm, "builtin_function_or_method", object, 0);
    vm.t.method_descriptor = mk(vm, "method_descriptor", object, 0);
    vm.t.classmethod_descriptor = mk(vm, "classmethod_descriptor", object, 0);
    vm.t.getset_descriptor = mk(vm, "getset_descriptor", object, 0);
    vm.t.member_descriptor = mk(vm, "member_descriptor", object, 0);
    vm.t.method = mk(vm, "method", object, 0);
    vm.t.code = mk(vm, "code", object, 0);
    vm.t.cell = mk(vm, "cell", object, 0);
    vm.t.module = mk(vm, "module", object, base | tflag::HAS_DICT);
    vm.t.property = mk(vm, "property", object, base);
    vm.t.classmethod = mk(vm, "classmethod", object, base | tflag::HAS_DICT);
    vm.t.staticmethod = mk(vm, "staticmethod", object, base | tflag::HAS_DICT);
    vm.t.generator = mk(vm, "generator", object, 0);
    vm.t.coroutine = mk(vm, "coroutine", object, 0);
    vm.t.async_generator = mk(vm, "async_generator", object, 0);
    vm.t.coroutine_wrapper = mk(vm, "coroutine_wrapper", object, 0);
    vm.t.async_gen_asend = mk(vm, "async_generator_asend", object, 0);
    vm.t.async_gen_athrow = mk(vm, "async_generator_athrow", object, 0);
    vm.t.anext_awaitable = mk(vm, "anext_awaitable", object, 0);
    vm.t.frame = mk(vm, "frame", object, 0);
    vm.t.traceback = mk(vm, "traceback", object, 0);
    vm.t.super_ = mk(vm, "super", object, base);
    vm.t.enumerate = mk(vm, "enumerate", object, base);
    vm.t.zip = mk(vm, "zip", object, base);
    vm.t.map = mk(vm, "map", object, base);
    vm.t.filter = mk(vm, "filter", object, base);
    vm.t.reversed = mk(vm, "reversed", object, base);
    vm.t.list_iterator = mk(vm, "list_iterator", object, 0);
    vm.t.list_reverseiterator = mk(vm, "list_reverseiterator", object, 0);
    vm.t.tuple_iterator = mk(vm, "tuple_iterator", object, 0);
    vm.t.range_iterator = mk(vm, "range_iterator", object, 0);
    vm.t.str_iterator = mk(vm, "str_ascii_iterator", object, 0);
    vm.t.dict_keyiterator = mk(vm, "dict_keyiterator", object, 0);
    vm.t.dict_valueiterator = mk(vm, "dict_valueiterator", object, 0);
    vm.t.dict_itemiterator = mk(vm, "dict_itemiterator", object, 0);
    vm.t.set_iterator = mk(vm, "set_iterator", object, 0);
    vm.t.seq_iterator = mk(vm, "iterator", object, 0);
    vm.t.callable_iterator = mk(vm, "callable_iterator", object, 0);
    vm.t.bytes_iterator = mk(vm, "bytes_iterator", object, 0);
    vm.t.dict_keys = mk(vm, "dict_keys", object, 0);
    vm.t.dict_values = mk(vm, "dict_values", object, 0);
    vm.t.dict_items = mk(vm, "dict_items", object, 0);
    vm.t.weakref = mk(vm, "weakref.ReferenceType", object, base);
    vm.t.weakproxy = mk(vm, "weakref.ProxyType", object, 0);
    vm.t.weakcallableproxy = mk(vm, "weakref.CallableProxyType", object, 0);
    vm.t.generic_alias = mk(vm, "types.GenericAlias", object, base);
    vm.t.generic_alias_iterator = mk(vm, "generic_alias_iterator", object, 0);
    vm.t.mappingproxy = mk(vm, "mappingproxy", object, 0);
    vm.t.simple_namespace = mk(vm, "types.SimpleNamespace", object, base | tflag::HAS_DICT);
    vm.t.union_type = mk(vm, "types.UnionType", object, 0);
    for t in [vm.t.int, vm.t.tuple, vm.t.bytes, vm.t.type_] {
        tobj(t).flags.set(tobj(t).flags.get() | tflag::VARSIZE);
    }
    for (t, q) in [(vm.t.weakref, "ReferenceType"), (vm.t.weakproxy, "ProxyType"), (vm.t.weakcallableproxy, "CallableProxyType")] {
        *tobj(t).qualname.borrow_mut() = q.to_string();
    }
    // The name keeps the module, as CPython's tp_name does in messages; `__name__`
    // is the part after the dot (`typeobj::short_name`).
    for (t, q) in [(vm.t.generic_alias, "GenericAlias"), (vm.t.simple_namespace, "SimpleNamespace"), (vm.t.union_type, "UnionType")] {
        *tobj(t).qualname.borrow_mut() = q.to_string();
    }
    // Their instances find `__module__` in the type's dict, as CPython's
    // PyType_Ready puts it there for a dotted tp_name.
    let dotted = [vm.t.weakref, vm.t.weakproxy, vm.t.weakcallableproxy, vm.t.generic_alias, vm.t.simple_namespace, vm.t.union_type];
    for t in dotted {
        let name = crate::typeobj::type_name(t);
        let module = name.split('.').next().unwrap_or("builtins").to_string();
        let m = crate::str::new_str(vm, module);
        crate::typeobj::set_attr_raw(vm, t, "__module__", m).expect("type dict");
    }

    vm.none = vm.alloc(vm.t.none_type, crate::singletons::Singleton);
    vm.not_implemented = vm.alloc(vm.t.not_implemented_type, crate::singletons::Singleton);
    vm.ellipsis = vm.alloc(vm.t.ellipsis_type, crate::singletons::Singleton);
    vm.false_ = vm.alloc(vm.t.bool, crate::int::IntObj::from_i64(0));
    vm.true_ = vm.alloc(vm.t.bool, crate::int::IntObj::from_i64(1));
    vm.empty_tuple = crate::tuple::alloc_tuple(vm, vec![]);

    crate::object_type::init_type(vm);
    crate::typeobj_methods::init_type(vm);
    crate::type_layout::init_type(vm);
    crate::singletons::init_types(vm);
    crate::int::init_type(vm);
    crate::float::init_type(vm);
    crate::complex::init_type(vm);
    crate::str_methods::init_type(vm);
    crate::bytes::init_type(vm);
    crate::list::init_type(vm);
    crate::tuple::init_type(vm);
    crate::dict_methods::init_type(vm);
    crate::set_methods::init_type(vm);
    crate::iter::init_types(vm);
    crate::slice::init_type(vm);
    crate::func_type::init_types(vm);
    crate::module::init_type(vm);
    crate::generator::init_types(vm);
    crate::generic_alias::init_type(vm);
    crate::weakref::init_type(vm);
}
