//! The garbage-collected heap: a non-moving mark-sweep collector with conservative
//! stack roots (JavaScriptCore's choice; see docs/architecture.md, "Memory").
//!
//! Invariants this module keeps:
//! - Objects never move. A `Value` is the address of an object's `Header`, so `id()`
//!   is the address and Rust code may hold `&T` into an object for as long as some
//!   root keeps the object alive.
//! - Roots are (1) every word of the native stack of the VM thread and the callee-
//!   saved registers, taken conservatively: any word that points into a live cell,
//!   even into its middle, keeps that cell alive; (2) what `Vm::trace_roots` reports
//!   precisely (the value stack, frames, builtin types, interned names, modules).
//! - A `Value` stored in Rust-heap memory (a `Vec`, a `HashMap`) is invisible to the
//!   stack scan. Such storage must belong to a heap object whose `Payload::trace`
//!   reports it, or to the `Vm` roots. A temporary growable buffer that lives across
//!   an allocation is therefore a heap `list`, not a `Vec<Value>` local.
//! - A new object is written into its cell before any collection can run, so a
//!   payload moved into `alloc` is traced from the start.
//!
//! Memory comes in 256 KiB segments, each cut into cells of one size class. A free
//! cell has a null kind pointer. The stress mode (`FERROPY_GC_STRESS=N`) collects on
//! every Nth allocation and never reuses a freed cell, so that a dangling `Value`
//! finds a dead cell and fails loudly instead of reading another object.

use crate::value::Value;
use std::cell::Cell;
use std::collections::HashMap;

/// What the collector needs to know about one Rust payload type.
pub struct Kind {
    pub name: &'static str,
    pub trace: fn(ObjRef, &mut Tracer),
    /// Drops the payload in place.
    pub drop: unsafe fn(ObjRef),
    /// Size of the whole object, header included.
    pub size: usize,
}

/// Header flag bits.
pub mod flag {
    pub const MARK: u32 = 1;
    /// `__del__` already ran (PEP 442: at most once).
    pub const FINALIZED: u32 = 2;
    /// The object's type defines `__del__`; checked when the object dies.
    pub const HAS_DEL: u32 = 4;
}

/// The start of every heap object. Layout is fixed for the JIT:
/// offset 0 kind, 8 type, 16 instance dict (NULL if none), 24 flags.
#[repr(C)]
pub struct Header {
    kind: Cell<*const Kind>,
    /// The Python type (a `type` object); `__class__` assignment changes it.
    pub ty: Cell<Value>,
    /// The instance `__dict__`, for objects that have one; NULL otherwise.
    pub dict: Cell<Value>,
    pub flags: Cell<u32>,
    _reserved: Cell<u32>,
}

impl Header {
    pub fn kind(&self) -> &'static Kind {
        // SAFETY: a live object's kind points at a `static` Kind.
        unsafe { &*self.kind.get() }
    }

    pub fn kind_ptr(&self) -> *const Kind {
        self.kind.get()
    }

    fn set_flag(&self, f: u32, on: bool) {
        let old = self.flags.get();
        self.flags.set(if on { old | f } else { old & !f });
    }

    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }

    pub fn set(&self, f: u32) {
        self.set_flag(f, true)
    }
}

/// An object: the header then the payload.
#[repr(C)]
pub struct Obj<T> {
    pub header: Header,
    pub payload: T,
}

/// A Rust type that can live in the heap. Implement with `payload!`.
pub trait Payload: Sized + 'static {
    fn kind() -> &'static Kind;
    /// Reports every `Value` the payload holds.
    fn trace(&self, t: &mut Tracer);
}

/// `payload!(Type, "name")` makes `Type` a heap payload; `Type` implements
/// `Trace` for its fields.
#[macro_export]
macro_rules! payload {
    ($t:ty, $name:expr) => {
        impl $crate::gc::Payload for $t {
            fn kind() -> &'static $crate::gc::Kind {
                static KIND: $crate::gc::Kind = $crate::gc::Kind {
                    name: $name,
                    trace: $crate::gc::trace_payload::<$t>,
                    drop: $crate::gc::drop_payload::<$t>,
                    size: std::mem::size_of::<$crate::gc::Obj<$t>>(),
                };
                &KIND
            }
            fn trace(&self, t: &mut $crate::gc::Tracer) {
                $crate::gc::Trace::trace(self, t)
            }
        }
    };
}

/// Reports the `Value`s a Rust value holds.
pub trait Trace {
    fn trace(&self, t: &mut Tracer);
}

impl Trace for Value {
    fn trace(&self, t: &mut Tracer) {
        t.value(*self)
    }
}
impl<T: Trace> Trace for Cell<T>
where
    T: Copy,
{
    fn trace(&self, t: &mut Tracer) {
        self.get().trace(t)
    }
}
impl<T: Trace> Trace for std::cell::RefCell<T> {
    fn trace(&self, t: &mut Tracer) {
        // A payload is never traced while Rust code holds a mutable borrow of it:
        // collections run only at allocations, and no allocation happens inside a
        // `borrow_mut` section (see each type's module). try_borrow keeps us safe.
        if let Ok(b) = self.try_borrow() {
            b.trace(t)
        } else {
            t.poisoned_borrow = true;
        }
    }
}
impl<T: Trace> Trace for Vec<T> {
    fn trace(&self, t: &mut Tracer) {
        for v in self {
            v.trace(t)
        }
    }
}
impl<T: Trace> Trace for Box<[T]> {
    fn trace(&self, t: &mut Tracer) {
        for v in self.iter() {
            v.trace(t)
        }
    }
}
impl<T: Trace> Trace for Option<T> {
    fn trace(&self, t: &mut Tracer) {
        if let Some(v) = self {
            v.trace(t)
        }
    }
}
impl<A: Trace, B: Trace> Trace for (A, B) {
    fn trace(&self, t: &mut Tracer) {
        self.0.trace(t);
        self.1.trace(t)
    }
}

pub fn trace_payload<T: Payload>(o: ObjRef, t: &mut Tracer) {
    // SAFETY: only called through T's own Kind, so the object holds a T.
    let obj = unsafe { &*(o.addr() as *const Obj<T>) };
    obj.payload.trace(t)
}

/// # Safety
/// `o` must hold a live `T`, which must not be used afterwards.
pub unsafe fn drop_payload<T: Payload>(o: ObjRef) {
    let obj = o.addr() as *mut Obj<T>;
    std::ptr::drop_in_place(&mut (*obj).payload)
}

thread_local! {
    /// Values pinned by `pin` guards: precise roots for values that Rust code keeps
    /// only in heap memory (e.g. a list used as a buffer, whose items were copied
    /// out) while it calls back into Python.
    static PINNED: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps `v` (and everything it reaches) alive until the guard is dropped.
#[must_use = "the value is only pinned while the guard lives"]
pub struct Pin(Value);

pub fn pin(v: Value) -> Pin {
    PINNED.with(|p| p.borrow_mut().push(v));
    Pin(v)
}

impl Drop for Pin {
    fn drop(&mut self) {
        PINNED.with(|p| {
            let mut p = p.borrow_mut();
            if let Some(i) = p.iter().rposition(|x| *x == self.0) {
                p.swap_remove(i);
            }
        });
    }
}

fn trace_pinned(t: &mut Tracer) {
    PINNED.with(|p| {
        for v in p.borrow().iter() {
            t.value(*v);
        }
    });
}

// ---- Rust-heap allocation failures --------------------------------------------

thread_local! {
    /// Nesting depth of `fallible` sections on this thread.
    static FALLIBLE: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f`, in which a refused Rust allocation returns an error to its caller
/// (`Vec::try_reserve`) instead of ending the process: the paths whose size comes
/// from user input use this to raise MemoryError (see `memory.rs`).
pub fn fallible<R>(f: impl FnOnce() -> R) -> R {
    FALLIBLE.with(|c| c.set(c.get() + 1));
    let r = f();
    FALLIBLE.with(|c| c.set(c.get() - 1));
    r
}

/// A refused allocation outside a `fallible` section ends the process as CPython
/// does when it cannot continue ("Fatal Python error: out of memory") rather than
/// with Rust's abort message.
fn refused() -> *mut u8 {
    if FALLIBLE.try_with(|c| c.get() > 0).unwrap_or(false) {
        std::ptr::null_mut()
    } else {
        crate::fatal_memory()
    }
}

/// A reference to a live heap object.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct ObjRef(usize);

impl ObjRef {
    /// # Safety
    /// `addr` must be the header address of a live object.
    pub unsafe fn from_addr(addr: usize) -> ObjRef {
        ObjRef(addr)
    }

    pub fn addr(self) -> usize {
        self.0
    }

    pub fn header(self) -> &'static Header {
        // SAFETY: ObjRef always points at a live object (see invariants above); the
        // 'static lifetime is the GC's: valid while the object is reachable.
        unsafe { &*(self.0 as *const Header) }
    }

    pub fn is<T: Payload>(self) -> bool {
        std::ptr::eq(self.header().kind_ptr(), T::kind())
    }

    pub fn downcast<T: Payload>(self) -> Option<&'static T> {
        if self.is::<T>() {
            // SAFETY: the kind says this object holds a T.
            Some(unsafe { &(*(self.0 as *const Obj<T>)).payload })
        } else {
            None
        }
    }
}

impl Value {
    /// The payload, if this value is a heap object of Rust type `T` (any Python
    /// subclass of the matching builtin type included).
    #[inline]
    pub fn downcast<T: Payload>(self) -> Option<&'static T> {
        self.as_obj().and_then(|o| o.downcast::<T>())
    }

    #[inline]
    pub fn is<T: Payload>(self) -> bool {
        self.as_obj().is_some_and(|o| o.is::<T>())
    }
}

/// The marking state handed to `Payload::trace`.
pub struct Tracer {
    stack: Vec<ObjRef>,
    /// A payload was borrowed mutably during a collection: an internal bug.
    pub poisoned_borrow: bool,
    /// When set, `value` records what a payload reports instead of marking
    /// (`referents`).
    found: Option<Vec<Value>>,
}

/// The values one object's payload holds (its header's type and dict excluded),
/// for `gc.get_referents` and `gc.get_referrers`. Marks nothing.
pub fn referents(v: Value) -> Vec<Value> {
    let Some(o) = v.as_obj() else { return Vec::new() };
    let mut t = Tracer { stack: Vec::new(), poisoned_borrow: false, found: Some(Vec::new()) };
    (o.header().kind().trace)(o, &mut t);
    t.found.unwrap_or_default()
}

impl Tracer {
    pub fn value(&mut self, v: Value) {
        if let Some(f) = &mut self.found {
            if !v.is_null() {
                f.push(v);
            }
            return;
        }
        if let Some(o) = v.as_obj() {
            let h = o.header();
            if !h.has_flag(flag::MARK) {
                h.set_flag(flag::MARK, true);
                self.stack.push(o);
            }
        }
    }

    fn drain(&mut self) {
        while let Some(o) = self.stack.pop() {
            let h = o.header();
            self.value(h.ty.get());
            self.value(h.dict.get());
            (h.kind().trace)(o, self);
        }
    }
}

/// Bytes currently allocated from the Rust heap (malloc), when the binary installs
/// `CountingAlloc` as its global allocator; 0 otherwise.
pub static EXTERNAL_BYTES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn external_bytes() -> usize {
    EXTERNAL_BYTES.load(std::sync::atomic::Ordering::Relaxed)
}

/// The Rust-heap allocator (mimalloc: list, dict and tuple storage is malloc-heavy and
/// glibc's malloc showed as 30% of fannkuch), counting live bytes so that collections are
/// paced by all the memory objects hold, not only their cells. A refused allocation is
/// null only inside `fallible` (see `refused`).
pub struct CountingAlloc;

static BACKING: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Adds `delta` to the live-bytes statistic. A relaxed load and store rather than an
/// atomic read-modify-write: this runs on every allocation, and the figure only paces
/// collections, so a lost update between threads is harmless.
#[inline]
fn count(delta: isize) {
    let v = EXTERNAL_BYTES.load(std::sync::atomic::Ordering::Relaxed);
    EXTERNAL_BYTES.store(v.wrapping_add_signed(delta), std::sync::atomic::Ordering::Relaxed);
}

fn counted(p: *mut u8, size: usize) -> *mut u8 {
    if p.is_null() {
        return refused();
    }
    count(size as isize);
    p
}

// SAFETY: every method forwards to mimalloc with the caller's layout and
// pointer unchanged; the counter is only statistics.
unsafe impl std::alloc::GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        counted(BACKING.alloc(layout), layout.size())
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        count(-(layout.size() as isize));
        BACKING.dealloc(ptr, layout)
    }
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        counted(BACKING.alloc_zeroed(layout), layout.size())
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        // On failure the old block stays allocated and counted.
        let p = counted(BACKING.realloc(ptr, layout, new_size), new_size);
        if !p.is_null() {
            count(-(layout.size() as isize));
        }
        p
    }
}

/// Zeroes the stack just below the caller's frame, where the collector's own frames
/// will lie: words left there by earlier, deeper calls would otherwise be scanned
/// conservatively as roots and keep dead objects alive (so `del x; gc.collect()`
/// finalizes `x` as CPython does more often).
#[inline(never)]
pub fn scrub_stack() {
    let area = [0u64; 2048];
    std::hint::black_box(&area);
}

/// The kind of a freed cell in stress mode: any use of it is a GC bug.
static DEAD: Kind = Kind {
    name: "<freed object>",
    trace: |_, _| {},
    drop: |_| {},
    size: 0,
};

impl Header {
    pub fn is_dead(&self) -> bool {
        std::ptr::eq(self.kind.get(), &DEAD)
    }
}

const SEGMENT_SIZE: usize = 256 * 1024;
const GRANULE: usize = 16;
const MAX_CELL: usize = 1024;
const NUM_CLASSES: usize = MAX_CELL / GRANULE;

struct SizeClass {
    cell: usize,
    free: Vec<usize>,
    bump: usize,
    end: usize,
}

/// Statistics of one collection, for `gc.collect()` and `gc.get_stats()`.
#[derive(Default, Clone, Copy, Debug)]
pub struct CollectStats {
    pub freed: usize,
    pub live: usize,
}

pub struct Heap {
    classes: Vec<SizeClass>,
    /// Segment base -> cell size.
    segments: HashMap<usize, usize>,
    seg_list: Vec<usize>,
    live_bytes: usize,
    allocated_since_gc: usize,
    threshold: usize,
    stress_every: u32,
    stress_count: u32,
    stack_base: usize,
    pub collections: u64,
    pub enabled: bool,
    /// `external_bytes()` right after the last collection.
    external_after_gc: usize,
    /// Objects alive after the last collection.
    last_live: usize,
}

impl Heap {
    pub fn new() -> Heap {
        let stress_every = std::env::var("FERROPY_GC_STRESS")
            .ok()
            .and_then(|s| s.trim().parse::<u32>().ok())
            .unwrap_or(0);
        Heap {
            classes: (0..NUM_CLASSES)
                .map(|i| SizeClass { cell: (i + 1) * GRANULE, free: Vec::new(), bump: 0, end: 0 })
                .collect(),
            segments: HashMap::new(),
            seg_list: Vec::new(),
            live_bytes: 0,
            allocated_since_gc: 0,
            threshold: 8 << 20,
            stress_every,
            stress_count: 0,
            stack_base: 0,
            collections: 0,
            enabled: true,
            external_after_gc: 0,
            last_live: 0,
        }
    }

    /// The highest stack address the conservative scan covers: called at the top of
    /// the VM thread, before any `Value` exists on its stack.
    pub fn set_stack_base(&mut self, base: usize) {
        self.stack_base = base;
    }

    pub fn stress(&self) -> bool {
        self.stress_every > 0
    }

    /// Writes a new object into a free cell and returns it. Never collects: the
    /// caller (`Vm::alloc`) decides about collecting once the object is in place.
    pub fn alloc<T: Payload>(&mut self, ty: Value, payload: T) -> Value {
        let kind = T::kind();
        let size = kind.size;
        let addr = self.take_cell(size);
        let obj = addr as *mut Obj<T>;
        // SAFETY: take_cell returned a free, zeroed, suitably aligned cell of at
        // least `size` bytes that nothing else references.
        unsafe {
            obj.write(Obj {
                header: Header {
                    kind: Cell::new(kind),
                    ty: Cell::new(ty),
                    dict: Cell::new(Value::NULL),
                    flags: Cell::new(0),
                    _reserved: Cell::new(0),
                },
                payload,
            });
        }
        self.live_bytes += size;
        self.allocated_since_gc += size;
        // SAFETY: the object was just written.
        Value::from_obj(unsafe { ObjRef::from_addr(addr) })
    }

    /// Should the caller collect now?
    pub fn wants_collect(&mut self) -> bool {
        if !self.enabled {
            return false;
        }
        if self.stress_every > 0 {
            self.stress_count += 1;
            // Every allocation collects while the heap is small (all the tests'
            // heaps); big heaps collect every (live / 512) allocations so that stress
            // runs stay linear enough to finish.
            let every = if self.last_live < 16384 { 1 } else { self.last_live as u32 / 512 };
            if self.stress_count >= self.stress_every.max(every) {
                self.stress_count = 0;
                return true;
            }
            return false;
        }
        let external = external_bytes().saturating_sub(self.external_after_gc);
        self.allocated_since_gc + external >= self.threshold
    }

    fn take_cell(&mut self, size: usize) -> usize {
        assert!(size <= MAX_CELL, "object of {size} bytes exceeds the largest size class");
        let ci = size.div_ceil(GRANULE) - 1;
        if let Some(a) = self.classes[ci].free.pop() {
            return a;
        }
        let c = &mut self.classes[ci];
        if c.bump + c.cell > c.end || c.bump == 0 {
            let seg = self.new_segment(ci);
            let c = &mut self.classes[ci];
            c.bump = seg;
            c.end = seg + SEGMENT_SIZE;
        }
        let c = &mut self.classes[ci];
        let a = c.bump;
        c.bump += c.cell;
        a
    }

    fn new_segment(&mut self, ci: usize) -> usize {
        let layout = std::alloc::Layout::from_size_align(SEGMENT_SIZE, SEGMENT_SIZE).unwrap();
        // SAFETY: non-zero size layout; zeroed memory means every cell is free. The
        // system allocator is called directly: segments are cells, counted by the heap
        // itself, not "external" memory.
        let p = unsafe { std::alloc::GlobalAlloc::alloc_zeroed(&std::alloc::System, layout) };
        if p.is_null() {
            crate::fatal_memory();
        }
        let base = p as usize;
        self.segments.insert(base, self.classes[ci].cell);
        self.seg_list.push(base);
        base
    }

    /// The object whose cell contains `addr`, if `addr` points into a live cell.
    fn find_object(&self, addr: usize) -> Option<ObjRef> {
        let base = addr & !(SEGMENT_SIZE - 1);
        let cell = *self.segments.get(&base)?;
        let idx = (addr - base) / cell;
        let start = base + idx * cell;
        if start + cell > base + SEGMENT_SIZE {
            return None;
        }
        // SAFETY: start is a cell inside a segment we own; reading its kind word is
        // fine whether the cell is free (null) or live.
        let kind = unsafe { (*(start as *const Header)).kind.get() };
        if kind.is_null() || std::ptr::eq(kind, &DEAD) {
            None
        } else {
            // SAFETY: a live cell (non-null kind).
            Some(unsafe { ObjRef::from_addr(start) })
        }
    }

    /// Runs a full collection. `roots` reports the precise roots; the native stack
    /// from the caller's frame up to `stack_base` is scanned conservatively.
    /// Returns the unreachable objects that have a `__del__` to run (they and what
    /// they reach are kept alive for this cycle) and the statistics.
    #[inline(never)]
    pub fn collect(
        &mut self,
        roots: &mut dyn FnMut(&mut Tracer),
        before_sweep: &mut dyn FnMut(&dyn Fn(Value) -> bool, &mut Tracer),
    ) -> (Vec<Value>, CollectStats) {
        let mut t = Tracer { stack: Vec::new(), poisoned_borrow: false, found: None };
        roots(&mut t);
        trace_pinned(&mut t);
        t.drain();
        self.scan_native_stack(&mut t);
        t.drain();
        before_sweep(&|v: Value| v.header().is_none_or(|h| h.has_flag(flag::MARK)), &mut t);
        t.drain();
        let finalizable = self.resurrect_finalizable(&mut t);
        let stats = self.sweep();
        self.last_live = stats.live;
        self.collections += 1;
        self.allocated_since_gc = 0;
        self.external_after_gc = external_bytes();
        // Grow with the whole live heap: cells plus the Rust-heap memory payloads own
        // (list buffers, dict tables, str text), which the counting allocator tracks.
        self.threshold = (self.live_bytes + self.external_after_gc).max(8 << 20);
        if t.poisoned_borrow {
            eprintln!("ferropy: internal error: object borrowed during garbage collection");
        }
        (finalizable, stats)
    }

    /// Unmarked objects with a pending `__del__` survive this collection: they are
    /// marked (with everything they reach) and returned to have `__del__` called.
    fn resurrect_finalizable(&mut self, t: &mut Tracer) -> Vec<Value> {
        let mut out = Vec::new();
        for &base in &self.seg_list {
            let cell = self.segments[&base];
            let mut a = base;
            while a + cell <= base + SEGMENT_SIZE {
                // SAFETY: a is a cell in our segment.
                let h = unsafe { &*(a as *const Header) };
                if !h.kind.get().is_null()
                    && !std::ptr::eq(h.kind.get(), &DEAD)
                    && !h.has_flag(flag::MARK)
                    && h.has_flag(flag::HAS_DEL)
                    && !h.has_flag(flag::FINALIZED)
                {
                    h.set(flag::FINALIZED);
                    // SAFETY: live cell.
                    out.push(Value::from_obj(unsafe { ObjRef::from_addr(a) }));
                }
                a += cell;
            }
        }
        for v in &out {
            t.value(*v);
        }
        t.drain();
        out
    }

    fn sweep(&mut self) -> CollectStats {
        let mut stats = CollectStats::default();
        let stress = self.stress();
        for &base in &self.seg_list {
            let cell = self.segments[&base];
            let ci = cell / GRANULE - 1;
            let mut a = base;
            while a + cell <= base + SEGMENT_SIZE {
                // SAFETY: a is a cell in our segment.
                let h = unsafe { &*(a as *const Header) };
                let kind = h.kind.get();
                if !kind.is_null() && !std::ptr::eq(kind, &DEAD) {
                    if h.has_flag(flag::MARK) {
                        h.set_flag(flag::MARK, false);
                        stats.live += 1;
                    } else {
                        // SAFETY: unreachable live object: nothing can observe it
                        // any more, so its payload may be dropped and the cell freed.
                        unsafe {
                            ((*kind).drop)(ObjRef::from_addr(a));
                            std::ptr::write_bytes(a as *mut u8, 0, cell);
                        }
                        self.live_bytes -= (unsafe { &*kind }).size;
                        stats.freed += 1;
                        if stress {
                            h.kind.set(&DEAD);
                        } else {
                            self.classes[ci].free.push(a);
                        }
                    }
                }
                a += cell;
            }
        }
        stats
    }

    #[inline(never)]
    fn scan_native_stack(&self, t: &mut Tracer) {
        let regs = spill_registers();
        let here = &regs as *const _ as usize;
        for r in regs.iter() {
            self.mark_word(*r, t);
        }
        if self.stack_base == 0 {
            return;
        }
        let mut p = here & !7;
        while p < self.stack_base {
            // SAFETY: p walks this thread's own stack between a live local of this
            // frame and the base recorded at thread start; every word is readable.
            let w = unsafe { std::ptr::read_volatile(p as *const usize) };
            self.mark_word(w, t);
            p += 8;
        }
    }

    fn mark_word(&self, w: usize, t: &mut Tracer) {
        if let Some(o) = self.find_object(w) {
            t.value(Value::from_obj(o));
        }
    }

    /// Every object in the heap now: the reachable ones and the garbage the next
    /// collection will free. A caller that keeps any of them past an allocation must
    /// store them in a heap object first (the allocation may collect).
    pub fn objects(&self) -> Vec<Value> {
        let mut out = Vec::new();
        for &base in &self.seg_list {
            let cell = self.segments[&base];
            let mut a = base;
            while a + cell <= base + SEGMENT_SIZE {
                // SAFETY: a is a cell in our segment; its kind word tells whether it
                // holds an object.
                let h = unsafe { &*(a as *const Header) };
                let kind = h.kind.get();
                if !kind.is_null() && !std::ptr::eq(kind, &DEAD) {
                    // SAFETY: a live cell.
                    out.push(Value::from_obj(unsafe { ObjRef::from_addr(a) }));
                }
                a += cell;
            }
        }
        out
    }

    pub fn live_bytes(&self) -> usize {
        self.live_bytes
    }
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

/// The callee-saved registers, so that values living only in them are seen as roots
/// (caller-saved ones are on the stack already, saved by our callers).
#[inline(never)]
fn spill_registers() -> [usize; 12] {
    let mut regs = [0usize; 12];
    #[cfg(target_arch = "x86_64")]
    // SAFETY: only stores registers into our own local array.
    unsafe {
        std::arch::asm!(
            "mov [{0}], rbx", "mov [{0} + 8], rbp", "mov [{0} + 16], r12",
            "mov [{0} + 24], r13", "mov [{0} + 32], r14", "mov [{0} + 40], r15",
            in(reg) regs.as_mut_ptr(),
        );
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: only stores registers into our own local array.
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{0}]", "stp x21, x22, [{0}, #16]", "stp x23, x24, [{0}, #32]",
            "stp x25, x26, [{0}, #48]", "stp x27, x28, [{0}, #64]", "str x29, [{0}, #80]",
            in(reg) regs.as_mut_ptr(),
        );
    }
    std::hint::black_box(regs)
}
