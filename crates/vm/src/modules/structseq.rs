//! Struct sequences (CPython's `structseq.c`): tuple subclasses whose first
//! `n_sequence_fields` items are the tuple and whose other fields are attributes
//! only (kept in the instance's hidden header dict). Used by `os.stat_result`,
//! `os.terminal_size`, `os.uname_result` and `os.times_result`.

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

/// A struct sequence type's layout. Unnamed fields (`""`) are tuple items with no
/// attribute (stat_result's integer times at indexes 7-9).
pub struct Spec {
    /// Qualified name, as in reprs: `os.stat_result`.
    pub name: &'static str,
    pub module: &'static str,
    pub fields: &'static [&'static str],
    pub n_seq: usize,
    /// (to, from): an attribute given as None takes the value of item `from`
    /// (stat_result's float times default to the integer ones).
    pub copy_if_none: &'static [(usize, usize)],
}

impl Spec {
    fn short_name(&self) -> &'static str {
        self.name.rsplit('.').next().unwrap_or(self.name)
    }
    fn named(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.fields.iter().copied().filter(|f| !f.is_empty())
    }
    fn n_unnamed(&self) -> usize {
        self.fields.iter().filter(|f| f.is_empty()).count()
    }
}

thread_local! {
    static TYPES: RefCell<Vec<(Value, &'static Spec)>> = const { RefCell::new(Vec::new()) };
}

fn spec_of(vm: &Vm, obj: Value) -> Option<&'static Spec> {
    let ty = vm.type_of(obj);
    TYPES.with(|t| t.borrow().iter().find(|(st, _)| crate::typeobj::is_subtype(ty, *st)).map(|(_, s)| *s))
}

/// A new instance from all its field values (`vals.len() == spec.fields.len()`).
/// The caller keeps the values alive (locals, or items of a live tuple).
pub fn new(vm: &mut Vm, ty: Value, vals: &[Value]) -> PyResult {
    let spec = TYPES.with(|t| t.borrow().iter().find(|(st, _)| *st == ty).map(|(_, s)| *s));
    let n_seq = spec.map(|s| s.n_seq).unwrap_or(vals.len());
    let st = crate::tuple::alloc_tuple_of_type(vm, ty, vals[..n_seq.min(vals.len())].to_vec());
    if let Some(spec) = spec {
        let d = crate::func_type::header_dict(vm, st)?;
        for (i, name) in spec.fields.iter().enumerate().skip(spec.n_seq) {
            let v = vals.get(i).copied().unwrap_or(vm.none);
            crate::dict::set_item_str(vm, d, name, v)?;
        }
    }
    std::hint::black_box(vals);
    Ok(st)
}

/// The value of the named field `name` of `obj`.
pub fn field(vm: &mut Vm, obj: Value, name: &str) -> PyResult {
    let spec = spec_of(vm, obj).ok_or_else(|| vm.type_error("not a struct sequence"))?;
    let i = spec.fields.iter().position(|f| *f == name).unwrap_or(usize::MAX);
    if i < spec.n_seq {
        return Ok(crate::tuple::items(obj).get(i).copied().unwrap_or(vm.none));
    }
    let d = crate::func_type::header_dict(vm, obj)?;
    Ok(crate::dict::get_item_str(vm, d, name)?.unwrap_or(vm.none))
}

/// The `dict` argument of a struct sequence constructor: absent, or a dict
/// (an explicit None too is refused, as CPython's structseq_new does).
pub fn check_dict_arg(vm: &mut Vm, dict: Value, type_name: &str) -> PyResult<()> {
    if !dict.is_null() && !crate::typeobj::is_instance(vm, dict, vm.t.dict) {
        return Err(vm.type_error(format!("{type_name}() takes a dict as second arg, if any")));
    }
    Ok(())
}

/// `T(sequence, dict=None)`.
fn seq_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [seq, dict] = args.shift().bind(vm, "structseq", ["sequence", "dict"], 1, 0)?;
    let spec = TYPES
        .with(|t| t.borrow().iter().find(|(st, _)| crate::typeobj::is_subtype(cls, *st)).map(|(_, s)| *s))
        .ok_or_else(|| vm.type_error("not a struct sequence type"))?;
    if crate::ops::iter(vm, seq).is_err() {
        return Err(vm.type_error("constructor requires a sequence"));
    }
    let items = crate::tuple::from_iterable(vm, seq)?;
    let _pin = crate::gc::pin(items);
    check_dict_arg(vm, dict, spec.name)?;
    let given = crate::tuple::items(items).to_vec();
    let (n, min, max) = (given.len(), spec.n_seq, spec.fields.len());
    if n < min {
        let m = if min == max {
            format!("{}() takes a {min}-sequence ({n}-sequence given)", spec.name)
        } else {
            format!("{}() takes an at least {min}-sequence ({n}-sequence given)", spec.name)
        };
        return Err(vm.type_error(m));
    }
    if n > max {
        let m = if min == max {
            format!("{}() takes a {max}-sequence ({n}-sequence given)", spec.name)
        } else {
            format!("{}() takes an at most {max}-sequence ({n}-sequence given)", spec.name)
        };
        return Err(vm.type_error(m));
    }
    let extras = crate::list::new_list(vm, vec![]);
    let _pin2 = crate::gc::pin(extras);
    for (i, name) in spec.fields.iter().enumerate() {
        let v = if i < n {
            given[i]
        } else if dict.is_null() || dict == vm.none {
            vm.none
        } else {
            let key = crate::str::alloc_str(vm, name);
            crate::ops::mapping_get(vm, dict, key)?.unwrap_or(vm.none)
        };
        crate::list::lobj(extras).items.borrow_mut().push(v);
    }
    let mut vals = crate::list::lobj(extras).items.borrow().clone();
    for &(to, from) in spec.copy_if_none {
        if vals[to] == vm.none {
            vals[to] = vals[from];
        }
    }
    let st = crate::tuple::alloc_tuple_of_type(vm, cls, vals[..spec.n_seq].to_vec());
    let d = crate::func_type::header_dict(vm, st)?;
    for (i, name) in spec.fields.iter().enumerate().skip(spec.n_seq) {
        crate::dict::set_item_str(vm, d, name, vals[i])?;
    }
    Ok(st)
}

fn seq_repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__repr__", 1, 1)?;
    let obj = a[0];
    let spec = spec_of(vm, obj).ok_or_else(|| vm.type_error("not a struct sequence"))?;
    let vals = crate::tuple::items(obj).to_vec();
    let mut parts = Vec::new();
    // The names are those of the named fields in order (CPython's tp_members),
    // so unnamed items show under the following names.
    for (name, v) in spec.named().zip(vals.iter()) {
        parts.push(format!("{name}={}", crate::ops::repr_string(vm, *v)?));
    }
    std::hint::black_box(obj);
    Ok(crate::str::new_str(vm, format!("{}({})", spec.name, parts.join(", "))))
}

fn seq_setattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__setattr__", 2, 3)?;
    let spec = spec_of(vm, a[0]).ok_or_else(|| vm.type_error("not a struct sequence"))?;
    let name = crate::str::as_str(a[1]).unwrap_or("");
    if spec.named().any(|f| f == name) {
        return Err(vm.attribute_error("readonly attribute"));
    }
    let m = format!("'{}' object has no attribute '{name}'", spec.name);
    Err(vm.attribute_error(m))
}

fn seq_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__reduce__", 1, 1)?;
    let obj = a[0];
    let spec = spec_of(vm, obj).ok_or_else(|| vm.type_error("not a struct sequence"))?;
    let seq = crate::tuple::new_tuple(vm, crate::tuple::items(obj).to_vec());
    let d = crate::dict::new_dict(vm);
    for name in &spec.fields[spec.n_seq..] {
        let v = field(vm, obj, name)?;
        crate::dict::set_item_str(vm, d, name, v)?;
    }
    let args = crate::tuple::new_tuple(vm, vec![seq, d]);
    let ty = vm.type_of(obj);
    Ok(crate::tuple::new_tuple(vm, vec![ty, args]))
}

/// Makes the type for `spec`; `getters` has one getter per named field, in order.
pub fn make_type(vm: &mut Vm, spec: &'static Spec, getters: &[crate::function::Getter]) -> PyResult {
    use crate::typeobj::{add_getter, add_method, add_static, new_static_type, set_attr_raw, tflag};
    let tuple = vm.t.tuple;
    let ty = new_static_type(vm, spec.short_name(), tuple, tflag::BASETYPE);
    vm.extra_roots.push(ty);
    TYPES.with(|t| t.borrow_mut().push((ty, spec)));
    let module = vm.intern(spec.module);
    set_attr_raw(vm, ty, "__module__", module)?;
    add_static(vm, ty, "__new__", seq_new);
    add_method(vm, ty, "__repr__", seq_repr);
    add_method(vm, ty, "__reduce__", seq_reduce);
    add_method(vm, ty, "__setattr__", seq_setattr);
    add_method(vm, ty, "__delattr__", seq_setattr);
    for (name, g) in spec.named().zip(getters.iter()) {
        add_getter(vm, ty, name, *g);
    }
    let counts = [("n_sequence_fields", spec.n_seq), ("n_fields", spec.fields.len()), ("n_unnamed_fields", spec.n_unnamed())];
    for (name, n) in counts {
        set_attr_raw(vm, ty, name, Value::small(n as i64))?;
    }
    let names = crate::list::new_list(vm, vec![]);
    for n in spec.fields[..spec.n_seq].iter().filter(|f| !f.is_empty()) {
        let v = crate::str::alloc_str(vm, n);
        crate::list::lobj(names).items.borrow_mut().push(v);
    }
    let ma = crate::list::list_to_tuple(vm, names);
    set_attr_raw(vm, ty, "__match_args__", ma)?;
    Ok(ty)
}

/// Getter functions for named fields: `getters!(g_a => "a", ...)`.
#[macro_export]
macro_rules! structseq_getters {
    ($($f:ident => $name:expr),* $(,)?) => {
        $( fn $f(vm: &mut Vm, v: Value) -> PyResult { $crate::modules::structseq::field(vm, v, $name) } )*
    };
}
