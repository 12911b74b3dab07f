//! `re.Match` (sre.c's MatchObject and its methods).

use super::engine::{State, NONE};
use super::pattern::{pobj, repr_cut};
use super::{getslice, types, Subject};
use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyResult};
use crate::payload;
use crate::typeobj::{add_classmethod, add_getter, add_method, add_static, new_static_type, set_attr_raw};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;
use std::rc::Rc;

pub struct MatchObj {
    pub pattern: Value,
    pub string: Value,
    /// Start and end of group 0, 1, ...; -1 for a group that did not take part.
    marks: Box<[isize]>,
    pos: usize,
    endpos: usize,
    lastindex: isize,
    /// The `regs` tuple, built on first use.
    regs: Cell<Value>,
    /// The code points of a non-ASCII str subject.
    wide: Option<Rc<[u32]>>,
}

impl Trace for MatchObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.pattern);
        t.value(self.string);
        t.value(self.regs.get());
    }
}
payload!(MatchObj, "re.Match");

/// The group spans of a successful match, taken from the engine state.
pub struct Marks {
    marks: Vec<isize>,
    pos: usize,
    endpos: usize,
    lastindex: isize,
}

impl Marks {
    /// None when a group's span is inverted (an engine bug CPython reports).
    pub fn of(st: &State, groups: usize) -> Option<Marks> {
        let mut marks = Vec::with_capacity(2 * (groups + 1));
        marks.push(st.start as isize);
        marks.push(st.ptr as isize);
        for j in (0..2 * groups).step_by(2) {
            if (j + 1) as isize <= st.lastmark && st.marks[j] != NONE && st.marks[j + 1] != NONE {
                if st.marks[j] > st.marks[j + 1] {
                    return None;
                }
                marks.push(st.marks[j] as isize);
                marks.push(st.marks[j + 1] as isize);
            } else {
                marks.push(-1);
                marks.push(-1);
            }
        }
        Some(Marks { marks, pos: st.pos, endpos: st.endpos, lastindex: st.lastindex })
    }
}

/// `pattern_new_match` for a successful match.
pub fn new_match(vm: &mut Vm, pattern: Value, string: Value, subject: &Subject, st: &State) -> PyResult {
    let m = Marks::of(st, pobj(pattern).groups);
    new_match_from(vm, pattern, string, subject, m)
}

pub fn new_match_from(vm: &mut Vm, pattern: Value, string: Value, subject: &Subject, marks: Option<Marks>) -> PyResult {
    let Some(m) = marks else {
        let t = vm.e.system_error;
        return Err(vm.new_exc(t, "The span of capturing group is wrong, please report a bug for the re module."));
    };
    let ty = types()[1];
    Ok(vm.alloc(
        ty,
        MatchObj {
            pattern,
            string,
            marks: m.marks.into_boxed_slice(),
            pos: m.pos,
            endpos: m.endpos,
            lastindex: m.lastindex,
            regs: Cell::new(Value::NULL),
            wide: subject.wide().cloned(),
        },
    ))
}

fn mobj(v: Value) -> &'static MatchObj {
    v.downcast::<MatchObj>().expect("re.Match")
}

fn this(vm: &mut Vm, args: &Args, what: &str) -> PyResult<&'static MatchObj> {
    match args.vals.first().and_then(|v| v.downcast::<MatchObj>()) {
        Some(m) => Ok(m),
        None => {
            let got = args.vals.first().map(|v| vm.type_name(*v).to_string()).unwrap_or_default();
            Err(vm.type_error(format!("descriptor '{what}' for 're.Match' objects doesn't apply to a '{got}' object")))
        }
    }
}

impl MatchObj {
    fn ngroups(&self) -> usize {
        self.marks.len() / 2
    }

    fn span(&self, g: usize) -> (isize, isize) {
        (self.marks[2 * g], self.marks[2 * g + 1])
    }
}

/// `match_getslice_by_index`: group `g`'s text, or `default` if it did not take part.
fn slice_by_index(vm: &mut Vm, m: &MatchObj, g: usize, default: Value) -> PyResult {
    let (i, j) = m.span(g);
    if i < 0 {
        return Ok(default);
    }
    getslice(vm, m.string, m.wide.as_ref(), i as usize, j as usize)
}

/// `match_getindex`: a group number or name as a group number.
fn getindex(vm: &mut Vm, m: &MatchObj, index: Value) -> PyResult<usize> {
    let i = if crate::number::has_index(vm, index) {
        crate::number::index_clamped(vm, index)?
    } else {
        let gi = pobj(m.pattern).groupindex;
        let mut i = -1;
        if !gi.is_null() {
            if let Some(v) = crate::dict::get_item(vm, gi, index)? {
                if let Some(n) = crate::int::as_i64(v) {
                    i = n;
                }
            }
        }
        i
    };
    if i < 0 || i as u64 >= m.ngroups() as u64 {
        return Err(vm.index_error("no such group"));
    }
    Ok(i as usize)
}

fn getslice_at(vm: &mut Vm, m: &MatchObj, index: Value, default: Value) -> PyResult {
    let g = getindex(vm, m, index)?;
    slice_by_index(vm, m, g, default)
}

fn match_group(vm: &mut Vm, args: Args) -> PyResult {
    args.no_kw(vm, "Match.group")?;
    let m = this(vm, &args, "group")?;
    let none = vm.none;
    match &args.vals[1..] {
        [] => slice_by_index(vm, m, 0, none),
        [g] => getslice_at(vm, m, *g, none),
        gs => {
            let buf = crate::list::ValueBuf::new(vm);
            for g in gs {
                let v = getslice_at(vm, m, *g, none)?;
                buf.push(v);
            }
            Ok(buf.into_tuple(vm))
        }
    }
}

fn match_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__getitem__", 2, 2)?;
    let m = this(vm, &args, "__getitem__")?;
    let none = vm.none;
    getslice_at(vm, m, a[1], none)
}

fn default_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    let [_, d] = args.bind(vm, name, ["self", "default"], 1, 1)?;
    Ok(if d.is_null() { vm.none } else { d })
}

fn match_groups(vm: &mut Vm, args: Args) -> PyResult {
    let m = this(vm, &args, "groups")?;
    let default = default_arg(vm, &args, "groups")?;
    let buf = crate::list::ValueBuf::new(vm);
    for g in 1..m.ngroups() {
        let v = slice_by_index(vm, m, g, default)?;
        buf.push(v);
    }
    Ok(buf.into_tuple(vm))
}

fn match_groupdict(vm: &mut Vm, args: Args) -> PyResult {
    let m = this(vm, &args, "groupdict")?;
    let default = default_arg(vm, &args, "groupdict")?;
    let result = crate::dict::new_dict(vm);
    let gi = pobj(m.pattern).groupindex;
    if gi.is_null() {
        return Ok(result);
    }
    let mut pos = 0;
    while let Some((next, key, _)) = crate::dict::dobj(gi).entry_from(pos) {
        pos = next;
        let v = getslice_at(vm, m, key, default)?;
        crate::dict::set_item(vm, result, key, v)?;
    }
    Ok(result)
}

/// The optional positional group argument of start/end/span.
fn group_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(&'static MatchObj, usize)> {
    args.no_kw(vm, name)?;
    if args.vals.len() > 2 {
        return Err(vm.type_error(format!("{name} expected at most 1 argument, got {}", args.vals.len() - 1)));
    }
    let m = this(vm, args, name)?;
    let g = match args.vals.get(1) {
        Some(v) => getindex(vm, m, *v)?,
        None => 0,
    };
    Ok((m, g))
}

fn int(vm: &mut Vm, i: isize) -> Value {
    crate::int::from_i64(vm, i as i64)
}

fn pair(vm: &mut Vm, (a, b): (isize, isize)) -> Value {
    let (a, b) = (int(vm, a), int(vm, b));
    crate::tuple::new_tuple(vm, vec![a, b])
}

fn match_start(vm: &mut Vm, args: Args) -> PyResult {
    let (m, g) = group_arg(vm, &args, "start")?;
    Ok(int(vm, m.span(g).0))
}

fn match_end(vm: &mut Vm, args: Args) -> PyResult {
    let (m, g) = group_arg(vm, &args, "end")?;
    Ok(int(vm, m.span(g).1))
}

fn match_span(vm: &mut Vm, args: Args) -> PyResult {
    let (m, g) = group_arg(vm, &args, "span")?;
    Ok(pair(vm, m.span(g)))
}

fn match_expand(vm: &mut Vm, args: Args) -> PyResult {
    let m = this(vm, &args, "expand")?;
    let [me, template] = args.bind(vm, "expand", ["self", "template"], 2, 1)?;
    super::call_re(vm, "_expand", &[m.pattern, me, template])
}

fn match_copy(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "__copy__", 0, 0)?;
    this(vm, &args, "__copy__")?;
    Ok(args.vals[0])
}

fn match_deepcopy(vm: &mut Vm, args: Args) -> PyResult {
    args.method(vm, "__deepcopy__", 1, 1)?;
    this(vm, &args, "__deepcopy__")?;
    Ok(args.vals[0])
}

fn match_repr(vm: &mut Vm, args: Args) -> PyResult {
    let m = this(vm, &args, "__repr__")?;
    let none = vm.none;
    let g0 = slice_by_index(vm, m, 0, none)?;
    let r = repr_cut(vm, g0, 50)?;
    let (a, b) = m.span(0);
    let s = format!("<re.Match object; span=({a}, {b}), match={r}>");
    Ok(crate::str::new_str(vm, s))
}

fn get_lastindex(vm: &mut Vm, v: Value) -> PyResult {
    let m = mobj(v);
    if m.lastindex >= 0 {
        return Ok(int(vm, m.lastindex));
    }
    Ok(vm.none)
}

fn get_lastgroup(vm: &mut Vm, v: Value) -> PyResult {
    let m = mobj(v);
    let ig = pobj(m.pattern).indexgroup;
    if !ig.is_null() && m.lastindex >= 0 {
        if let Some(name) = crate::tuple::items(ig).get(m.lastindex as usize) {
            return Ok(*name);
        }
    }
    Ok(vm.none)
}

fn get_regs(vm: &mut Vm, v: Value) -> PyResult {
    let m = mobj(v);
    if !m.regs.get().is_null() {
        return Ok(m.regs.get());
    }
    let buf = crate::list::ValueBuf::new(vm);
    for g in 0..m.ngroups() {
        let p = pair(vm, m.span(g));
        buf.push(p);
    }
    let regs = buf.into_tuple(vm);
    m.regs.set(regs);
    Ok(regs)
}

fn get_string(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(mobj(v).string)
}

fn get_re(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(mobj(v).pattern)
}

fn get_pos(vm: &mut Vm, v: Value) -> PyResult {
    Ok(int(vm, mobj(v).pos as isize))
}

fn get_endpos(vm: &mut Vm, v: Value) -> PyResult {
    Ok(int(vm, mobj(v).endpos as isize))
}

fn no_new_match(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.type_error("cannot create 're.Match' instances"))
}

pub fn init_match_type(vm: &mut Vm) -> PyResult<Value> {
    let obj = vm.t.object;
    let t = new_static_type(vm, "Match", obj, 0);
    let m = vm.intern("re");
    set_attr_raw(vm, t, "__module__", m)?;
    add_static(vm, t, "__new__", no_new_match);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("group", match_group),
        ("start", match_start),
        ("end", match_end),
        ("span", match_span),
        ("groups", match_groups),
        ("groupdict", match_groupdict),
        ("expand", match_expand),
        ("__copy__", match_copy),
        ("__deepcopy__", match_deepcopy),
        ("__getitem__", match_getitem),
        ("__repr__", match_repr),
    ];
    for (n, f) in methods {
        add_method(vm, t, n, *f);
    }
    add_classmethod(vm, t, "__class_getitem__", crate::generic_alias::class_getitem);
    add_getter(vm, t, "lastindex", get_lastindex);
    add_getter(vm, t, "lastgroup", get_lastgroup);
    add_getter(vm, t, "regs", get_regs);
    add_getter(vm, t, "string", get_string);
    add_getter(vm, t, "re", get_re);
    add_getter(vm, t, "pos", get_pos);
    add_getter(vm, t, "endpos", get_endpos);
    let doc = crate::str::alloc_str(vm, "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.");
    set_attr_raw(vm, t, "__doc__", doc)?;
    Ok(t)
}
