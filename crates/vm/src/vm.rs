//! The `Vm`: the heap, the builtin types, the singletons, the interned names, the
//! module table and the execution state of the (single) Python thread. Every
//! semantic function takes `&mut Vm`.
//!
//! Precise roots of the collector are all here (`trace_roots`); everything else that
//! is alive is reachable from them or from the native stack.

use crate::gc::{Heap, Payload, Trace, Tracer};
use crate::interp::Frame;
use crate::object::{PyErr, PyResult};
use crate::value::Value;
use std::collections::HashMap;

/// Command-line configuration, mirrored in `sys.flags`.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub optimize: u8,
    pub inspect: bool,
    pub interactive: bool,
    pub isolated: bool,
    pub ignore_environment: bool,
    pub no_site: bool,
    pub no_user_site: bool,
    pub dont_write_bytecode: bool,
    pub unbuffered: bool,
    pub verbose: u8,
    pub quiet: bool,
    pub safe_path: bool,
    pub bytes_warning: u8,
    pub dev_mode: bool,
    pub utf8_mode: bool,
    pub warn_default_encoding: bool,
    pub hash_seed: Option<u64>,
    /// `-X int_max_str_digits` / PYTHONINTMAXSTRDIGITS (0 = unlimited).
    pub int_max_str_digits: Option<u32>,
    pub warnoptions: Vec<String>,
    pub xoptions: Vec<String>,
    pub argv: Vec<String>,
    /// The command line the process was started with (`sys.orig_argv`).
    pub orig_argv: Vec<String>,
    /// `orig_argv` as the OS gave it (bytes), and how many of `argv`'s last items
    /// are its last items: `sys.argv`/`sys.orig_argv` decode these with
    /// 'surrogateescape', keeping undecodable bytes.
    pub orig_argv_bytes: Vec<Vec<u8>>,
    pub argv_tail: usize,
    /// `sys.path[0]`: the script's directory, '' for -c/-m/stdin.
    pub path0: Option<String>,
    pub pythonpath: Vec<String>,
    pub executable: String,
}

/// A cached method lookup: valid while the type's version is unchanged.
#[derive(Copy, Clone, Default)]
pub struct CacheEntry {
    pub type_id: u64,
    pub name_id: u64,
    pub version: u64,
    /// The lookup result; NULL caches "not found".
    pub value: Value,
}

/// Slots of the direct-mapped method cache (a power of two).
pub const METHOD_CACHE_SIZE: usize = 4096;

/// rustc's FxHash: a fast non-cryptographic hash for the VM's own tables (interned
/// names), where keys are not attacker-controlled Python data.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(w));
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

pub struct Vm {
    pub heap: Heap,
    pub t: crate::types::Types,
    pub e: crate::exceptions::ExcTypes,
    pub none: Value,
    pub true_: Value,
    pub false_: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub empty_tuple: Value,
    pub empty_str: Value,
    interned: HashMap<Box<str>, Value, FxBuild>,
    /// Direct-mapped cache of `_PyType_Lookup` results, keyed by (type, name) and
    /// validated by the type's version.
    pub method_cache: Vec<CacheEntry>,
    /// The second-level inline cache for attribute instructions.
    pub attr_l2: crate::icache::L2,
    /// Pre-interned names used on hot paths.
    pub n: crate::names::Names,
    /// (literal address, length, interned str) for `intern_static`.
    static_names: Vec<(usize, usize, Value)>,
    pub next_type_version: u64,
    pub builtins: Value,
    pub builtins_dict: Value,
    pub sys: Value,
    /// `sys.modules`.
    pub modules: Value,
    /// Builtin module name -> a copy of its namespace as its first initialization
    /// left it (CPython's `m_copy`): a re-import copies it into the new module
    /// instead of running the initialization again, whose types the Rust code of
    /// the first one keeps using (NULL until a builtin module is imported).
    pub builtin_module_copies: Value,
    /// The value stack shared by all frames, fixed capacity (never reallocated).
    pub stack: crate::stack::Stack,
    pub frames: Vec<Frame>,
    /// The exceptions being handled (`sys.exc_info()`), innermost last.
    pub exc_stack: Vec<Value>,
    pub recursion_limit: usize,
    /// `sys.set_coroutine_origin_tracking_depth`: how many frames a new coroutine
    /// records as its `cr_origin` (0: none).
    pub coro_origin_depth: usize,
    /// `sys.setswitchinterval`'s value.
    pub switch_interval: f64,
    /// Current recursion depth (Python frames plus recursive native operations).
    pub depth: usize,
    /// The instruction the top frame is running: the dispatch loop stores it here at
    /// every instruction (cheaper than the frame's `lasti`, which needs an index),
    /// and `interp::push_frame` copies it into the frame, as an index, when another
    /// goes on top. Only compared against the top frame's instructions, never read
    /// through.
    pub top_ip: *const crate::icache::Ins,
    /// Coroutine objects to reuse (`generator::start_awaited`, `recycle`): ones that
    /// ran to their return without anything but their awaiter's stack slot seeing them.
    pub spare_coroutines: Vec<Value>,
    /// Lowest native stack address the interpreter may recurse down to.
    pub native_stack_limit: usize,
    pub config: Config,
    pub hash_key: [u8; 16],
    /// Objects whose `__del__` is due, found by the last collection.
    pub pending_finalizers: Vec<Value>,
    /// Live weak references by target, checked after each collection (not roots).
    pub weakrefs: crate::weakref::WeakTable,
    /// Every type object made, live or not yet found dead: a weak list, pruned by
    /// each collection with the subclass lists (`typeobj::prune_subclasses`).
    pub types: Vec<Value>,
    /// The builtin types and modules are made (`Vm::new` is done).
    pub booted: bool,
    /// (callback, weakref) pairs queued by the last collection.
    pub weakref_callbacks: Vec<(Value, Value)>,
    /// Containers whose repr is in progress (`[...]` for recursive ones).
    pub repr_active: Vec<Value>,
    pub in_finalizers: bool,
    pub int_max_str_digits: usize,
    /// Extra roots: values Rust code keeps outside the heap (e.g. `atexit`).
    pub extra_roots: Vec<Value>,
    /// The `_io` classes (built at start-up for the standard streams).
    pub io: crate::modules::io::IoTypes,
    /// See `take_cyclic_found`.
    cyclic_found: usize,
    /// The `gc` module's settings.
    pub gc_state: GcState,
    /// The profile hook (`sys.setprofile`, `_lsprof`).
    pub profile: crate::profile::Hook,
    /// The trace hook (`sys.settrace`).
    pub trace: crate::trace::Hook,
    /// A profile or trace hook wants frame events (`profile.on || trace.on`, one
    /// test on the call paths): frames are then not entered in place.
    pub hooked: bool,
    /// A hook is running (CPython's `tstate->tracing`): no events meanwhile.
    pub hook_depth: u32,
}

/// What the `gc` module remembers: `gc.callbacks` (the list the collector calls),
/// thresholds, debug flags and the `freeze` count.
pub struct GcState {
    pub callbacks: Value,
    pub threshold: [i64; 3],
    pub debug: i64,
    pub frozen: usize,
}

impl Default for GcState {
    fn default() -> GcState {
        GcState { callbacks: Value::NULL, threshold: [700, 10, 10], debug: 0, frozen: 0 }
    }
}

/// Slots of the literal-name intern cache (a power of two).
const STATIC_NAMES: usize = 1024;

fn vm_type_is_str(vm: &Vm, v: Value) -> bool {
    vm.type_of(v) == vm.t.str
}

impl Vm {
    pub fn new(config: Config) -> Box<Vm> {
        let int_max_str_digits = config.int_max_str_digits.map_or(4300, |n| n as usize);
        let mut vm = Box::new(Vm {
            heap: Heap::new(),
            t: crate::types::Types::default(),
            e: crate::exceptions::ExcTypes::default(),
            none: Value::NULL,
            true_: Value::NULL,
            false_: Value::NULL,
            not_implemented: Value::NULL,
            ellipsis: Value::NULL,
            empty_tuple: Value::NULL,
            empty_str: Value::NULL,
            interned: HashMap::default(),
            method_cache: vec![CacheEntry::default(); METHOD_CACHE_SIZE],
            attr_l2: crate::icache::L2::new(),
            n: crate::names::Names::default(),
            static_names: vec![(0, 0, Value::NULL); STATIC_NAMES],
            next_type_version: 1,
            builtins: Value::NULL,
            builtins_dict: Value::NULL,
            sys: Value::NULL,
            modules: Value::NULL,
            builtin_module_copies: Value::NULL,
            stack: crate::stack::Stack::new(),
            frames: Vec::new(),
            exc_stack: Vec::new(),
            recursion_limit: 1000,
            coro_origin_depth: 0,
            switch_interval: 0.005,
            depth: 0,
            top_ip: std::ptr::null(),
            spare_coroutines: Vec::new(),
            native_stack_limit: 0,
            config,
            hash_key: [0; 16],
            pending_finalizers: Vec::new(),
            weakrefs: Default::default(),
            types: Vec::new(),
            booted: false,
            weakref_callbacks: Vec::new(),
            repr_active: Vec::new(),
            in_finalizers: false,
            int_max_str_digits,
            extra_roots: Vec::new(),
            io: crate::modules::io::IoTypes::default(),
            gc_state: GcState::default(),
            profile: Default::default(),
            trace: Default::default(),
            hooked: false,
            hook_depth: 0,
            cyclic_found: 0,
        });
        vm.heap.enabled = false;
        crate::hash::init_hash_key(&mut vm);
        crate::types::init(&mut vm);
        crate::names::init(&mut vm);
        crate::exceptions::init(&mut vm);
        crate::builtins::init(&mut vm);
        crate::modules::init(&mut vm);
        crate::sys::init(&mut vm);
        crate::frame::init_type(&mut vm);
        for t in vm.types.clone() {
            crate::typeobj::set_builtin_doc(&mut vm, t);
        }
        vm.booted = true;
        vm.heap.enabled = true;
        vm.heap.set_external_baseline();
        vm
    }

    /// Allocates an object of payload `T` and Python type `ty`; may collect first.
    #[inline]
    pub fn alloc<T: Payload>(&mut self, ty: Value, payload: T) -> Value {
        let v = self.heap.alloc(ty, payload);
        if self.heap.wants_collect() {
            self.collect_keeping(v);
        }
        v
    }

    #[inline(never)]
    fn collect_keeping(&mut self, v: Value) {
        std::hint::black_box(&v);
        self.collect();
        std::hint::black_box(&v);
    }

    /// A full collection; returns the number of objects freed. `__del__` methods of
    /// unreachable objects run afterwards (outside the collector).
    #[inline(never)]
    pub fn collect(&mut self) -> usize {
        crate::gc::scrub_stack();
        self.collect_now()
    }

    /// The collection itself, in a frame laid out over the scrubbed stack.
    #[inline(never)]
    fn collect_now(&mut self) -> usize {
        let mut heap = std::mem::take(&mut self.heap);
        let mut weakrefs = std::mem::take(&mut self.weakrefs);
        let mut types = std::mem::take(&mut self.types);
        let mut queued = Vec::new();
        let mut cyclic = 0;
        let this: &Vm = self;
        let (finalizable, stats) = heap.collect(
            &mut |t| this.trace_roots(t),
            &mut |live, unreachable, t| {
                if !unreachable.is_empty() {
                    cyclic = crate::modules::gc::cyclic_garbage(this, live, unreachable);
                }
                crate::weakref::clear_dead(&mut weakrefs, live, t, &mut queued)
            },
            &mut |live| crate::typeobj::prune_subclasses(&mut types, live),
        );
        self.heap = heap;
        self.weakrefs = weakrefs;
        self.types = types;
        self.weakref_callbacks.extend(queued);
        self.pending_finalizers.extend(finalizable);
        self.cyclic_found = cyclic;
        stats.freed
    }

    /// What the last collection run with `heap.list_unreachable` set found that
    /// CPython's collector would have (`gc.collect()`'s result, see
    /// `modules::gc::cyclic_garbage`).
    pub fn take_cyclic_found(&mut self) -> usize {
        std::mem::take(&mut self.cyclic_found)
    }

    /// Runs pending `__del__` methods and weakref callbacks (at safe points, never
    /// inside an allocation); errors are reported as unraisable.
    pub fn run_finalizers(&mut self) {
        if self.in_finalizers || (self.pending_finalizers.is_empty() && self.weakref_callbacks.is_empty()) {
            return;
        }
        self.in_finalizers = true;
        crate::weakref::run_callbacks(self);
        while let Some(obj) = self.pending_finalizers.pop() {
            crate::typeobj::call_del(self, obj);
        }
        self.in_finalizers = false;
    }

    fn trace_roots(&self, t: &mut Tracer) {
        self.t.trace(t);
        self.e.trace(t);
        for v in [
            self.none, self.true_, self.false_, self.not_implemented, self.ellipsis,
            self.empty_tuple, self.empty_str, self.builtins, self.builtins_dict, self.sys,
            self.modules, self.builtin_module_copies,
        ] {
            t.value(v);
        }
        for v in self.interned.values() {
            t.value(*v);
        }
        for e in &self.method_cache {
            t.value(e.value);
        }
        self.attr_l2.trace(t);
        self.n.trace(t);
        for (_, _, v) in &self.static_names {
            t.value(*v);
        }
        self.stack.trace(t);
        self.spare_coroutines.trace(t);
        for f in &self.frames {
            f.trace(t);
        }
        self.exc_stack.trace(t);
        self.pending_finalizers.trace(t);
        self.weakref_callbacks.trace(t);
        self.repr_active.trace(t);
        self.extra_roots.trace(t);
        self.io.trace(t);
        t.value(self.gc_state.callbacks);
        self.profile.trace(t);
        self.trace.trace(t);
        // Weak references themselves are kept by their owners, not by this list.
    }

    /// The interned str for `s`: one object per distinct name, so names compare by
    /// identity in dictionaries and caches.
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(v) = self.interned.get(s) {
            return *v;
        }
        let v = crate::str::alloc_str(self, s);
        v.downcast::<crate::str::StrObj>().unwrap().mark_interned();
        self.interned.insert(s.into(), v);
        v
    }

    /// `intern` for string literals: a direct-mapped cache keyed by the literal's
    /// address (static memory is never reused, so the address identifies the text).
    pub fn intern_static(&mut self, s: &'static str) -> Value {
        let addr = s.as_ptr() as usize;
        let slot = (addr >> 2) & (STATIC_NAMES - 1);
        let (a, l, v) = self.static_names[slot];
        if a == addr && l == s.len() {
            return v;
        }
        let v = self.intern(s);
        self.static_names[slot] = (addr, s.len(), v);
        v
    }

    /// Interns an existing str object (returns the canonical one).
    pub fn intern_value(&mut self, v: Value) -> Value {
        if v.downcast::<crate::str::StrObj>().is_some_and(|s| s.is_interned()) {
            return v;
        }
        if crate::str::has_surrogates(v) {
            // Not representable as a table key; such names are rare enough to stay distinct.
            return v;
        }
        let s = crate::str::as_str(v).expect("intern of a non-str");
        if let Some(c) = self.interned.get(s) {
            return *c;
        }
        if vm_type_is_str(self, v) {
            v.downcast::<crate::str::StrObj>().unwrap().mark_interned();
        }
        self.interned.insert(s.into(), v);
        v
    }

    pub fn bool(&self, b: bool) -> Value {
        if b {
            self.true_
        } else {
            self.false_
        }
    }

    /// The Python type of any value.
    #[inline]
    pub fn type_of(&self, v: Value) -> Value {
        match v.header() {
            Some(h) => h.ty.get(),
            None if v.is_small_int() => self.t.int,
            None => self.t.float,
        }
    }

    pub fn is_none(&self, v: Value) -> bool {
        v == self.none
    }

    // ---- raising -------------------------------------------------------------

    /// A new exception of class `ty` with one str argument.
    pub fn new_exc(&mut self, ty: Value, msg: impl AsRef<str>) -> PyErr {
        let m = crate::str::alloc_str(self, msg.as_ref());
        PyErr(crate::exceptions::new_exception(self, ty, &[m]))
    }

    pub fn new_exc_noargs(&mut self, ty: Value) -> PyErr {
        PyErr(crate::exceptions::new_exception(self, ty, &[]))
    }

    pub fn type_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let t = self.e.type_error;
        self.new_exc(t, msg)
    }
    pub fn value_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let t = self.e.value_error;
        self.new_exc(t, msg)
    }
    pub fn attribute_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let t = self.e.attribute_error;
        self.new_exc(t, msg)
    }
    pub fn index_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let t = self.e.index_error;
        self.new_exc(t, msg)
    }
    pub fn overflow_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let t = self.e.overflow_error;
        self.new_exc(t, msg)
    }
    pub fn zero_division(&mut self, msg: impl AsRef<str>) -> PyErr {
        let t = self.e.zero_division_error;
        self.new_exc(t, msg)
    }
    pub fn runtime_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let t = self.e.runtime_error;
        self.new_exc(t, msg)
    }
    pub fn name_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let t = self.e.name_error;
        self.new_exc(t, msg)
    }
    pub fn memory_error(&mut self) -> PyErr {
        let t = self.e.memory_error;
        self.new_exc_noargs(t)
    }
    pub fn recursion_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let t = self.e.recursion_error;
        self.new_exc(t, msg)
    }
    /// KeyError(key): the key itself is the argument.
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let t = self.e.key_error;
        PyErr(crate::exceptions::new_exception(self, t, &[key]))
    }
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let t = self.e.stop_iteration;
        let args: &[Value] = if value.is_null() { &[] } else { std::slice::from_ref(&value) };
        PyErr(crate::exceptions::new_exception(self, t, args))
    }

    /// The name of `v`'s type, as error messages quote it.
    pub fn type_name(&self, v: Value) -> String {
        crate::typeobj::type_name(self.type_of(v))
    }

    /// How argument-type errors name `v`'s type: "None" for None (CPython's
    /// `_PyArg_BadArgument`), else the type's name.
    pub fn arg_type_name(&self, v: Value) -> String {
        if v == self.none {
            "None".to_string()
        } else {
            self.type_name(v)
        }
    }

    /// Enters one level of recursion (a Python call, or a recursive native operation
    /// such as repr or == of nested containers, as CPython's Py_EnterRecursiveCall);
    /// RecursionError past the limit or near the end of the native stack. Pair with
    /// `leave_recursion`.
    #[inline]
    pub fn enter_recursion(&mut self, what: &str) -> PyResult<()> {
        let here = &what as *const _ as usize;
        if self.depth >= self.recursion_limit || here < self.native_stack_limit {
            return Err(self.recursion_error(format!("maximum recursion depth exceeded{what}")));
        }
        self.depth += 1;
        Ok(())
    }

    /// `enter_recursion` for a Python call that runs in its caller's native frame
    /// (`call::enter_in_place`): only the Python depth grows.
    #[inline]
    pub fn enter_inline_call(&mut self) -> PyResult<()> {
        if self.depth >= self.recursion_limit {
            return Err(self.recursion_error("maximum recursion depth exceeded"));
        }
        self.depth += 1;
        Ok(())
    }

    /// Whether `enter_inline_call` would succeed.
    pub fn can_enter_inline_call(&self) -> bool {
        self.depth < self.recursion_limit
    }

    #[inline]
    pub fn leave_recursion(&mut self) {
        self.depth -= 1;
    }

    /// Brings the hooks' `on` flags and `hooked` up to date after a hook was set or
    /// removed, or one started or finished running.
    pub fn update_hooks(&mut self) {
        let idle = self.hook_depth == 0;
        self.profile.on = idle && !crate::profile::get(self).is_null();
        self.trace.on = idle && !crate::trace::get(self).is_null();
        self.hooked = self.profile.on || self.trace.on;
    }
}
