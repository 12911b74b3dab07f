//! Names the VM looks up on hot paths, interned once at start-up so lookups compare
//! identities instead of hashing strings.

use crate::gc::Tracer;
use crate::value::Value;
use crate::vm::Vm;

macro_rules! names {
    ($($field:ident = $text:literal),* $(,)?) => {
        #[derive(Default)]
        pub struct Names { $( pub $field: Value, )* }

        impl Names {
            pub fn trace(&self, t: &mut Tracer) {
                $( t.value(self.$field); )*
            }
        }

        pub fn init(vm: &mut Vm) {
            $( vm.n.$field = vm.intern($text); )*
        }
    };
}

names! {
    getattribute = "__getattribute__",
    write = "write",
    getattr = "__getattr__",
    setattr = "__setattr__",
    delattr = "__delattr__",
    call = "__call__",
    init = "__init__",
    new = "__new__",
    get = "__get__",
    set = "__set__",
    delete = "__delete__",
    bool_ = "__bool__",
    len = "__len__",
    iter = "__iter__",
    next = "__next__",
    getitem = "__getitem__",
    setitem = "__setitem__",
    contains = "__contains__",
    repr = "__repr__",
    str_ = "__str__",
    hash = "__hash__",
    eq = "__eq__",
    index = "__index__",
}
