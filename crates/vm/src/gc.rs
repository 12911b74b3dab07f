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
//! Memory comes in 64 KiB segments (mapped from the kernel 1 MiB at a time), each
//! cut into cells of one size class. A free cell has a null kind pointer. Allocation
//! bumps through runs of free cells; the sweep finds the runs, pools segments left
//! empty and returns the pages of those still unused a cycle later. The stress mode (`FERROPY_GC_STRESS=N`) collects on
//! every Nth allocation and never reuses a freed cell, so that a dangling `Value`
//! finds a dead cell and fails loudly instead of reading another object.

use crate::value::Value;
use std::cell::Cell;
use std::collections::HashMap;

/// What the collector needs to know about one Rust payload type. Aligned to 64 so
/// that the header's kind word has six low bits free for the flags.
#[repr(C, align(64))]
pub struct Kind {
    pub name: &'static str,
    pub trace: fn(ObjRef, &mut Tracer),
    /// Drops the payload in place.
    pub drop: unsafe fn(ObjRef),
    /// Size of the whole object, header included.
    pub size: usize,
    /// Whether `drop` does anything (the sweep skips the call otherwise).
    pub needs_drop: bool,
    /// The payload holds no `Value` (`payload!(T, "name", leaf)`: str, int, float,
    /// bytes): marking such an object needs no trip through the mark stack.
    pub leaf: bool,
}

/// Header flag bits (the low bits of the kind word).
pub mod flag {
    pub const MARK: usize = 1;
    /// `__del__` already ran (PEP 442: at most once).
    pub const FINALIZED: usize = 2;
    /// The object's type defines `__del__`; checked when the object dies.
    pub const HAS_DEL: usize = 4;
    /// The object has a `__dict__` slot right after the header (its payload was
    /// declared with `payload!(T, "name", dict)`).
    pub const DICT_SLOT: usize = 8;
    /// The object has no dict slot but has a `__dict__` or `__slots__` storage, kept
    /// in the side table.
    pub const SIDE_DICT: usize = 16;
    /// An exception's `__context__` was set since it was last raised.
    pub const CONTEXT_SET: usize = 32;
    pub(super) const ALL: usize = 63;
}

/// The start of every heap object: 16 bytes, layout fixed for the JIT. Offset 0:
/// the payload's `Kind` address, flags in its low six bits (`flag::*`); offset 8:
/// the Python type. An object whose payload has a dict slot keeps its instance
/// `__dict__` at offset 16 (plain class instances, modules, exceptions); any other
/// object that gets a `__dict__` (an instance of a subclass of list, int, ...)
/// keeps it in a side table keyed by address (see `Header::dict`).
#[repr(C)]
pub struct Header {
    kind: Cell<usize>,
    /// The Python type (a `type` object); `__class__` assignment changes it.
    pub ty: Cell<Value>,
}

const _: () = assert!(std::mem::size_of::<Header>() == 16);

thread_local! {
    /// The `__dict__`s and `__slots__` storage of objects without a dict slot (flag
    /// `SIDE_DICT`), by object address. Not roots: the collector traces an entry
    /// through its owner and drops it when the owner dies.
    static SIDE_DICTS: std::cell::RefCell<HashMap<usize, Side, AddrHash>> = std::cell::RefCell::new(HashMap::default());
}

/// What an object without a dict slot keeps in the side table: its `__dict__`
/// and, for an instance of a subclass of a builtin such as list or deque that
/// declares `__slots__`, the object holding their values (see `attr::slot_storage`).
/// Either may be NULL, not both.
#[derive(Clone, Copy)]
struct Side {
    dict: Value,
    slots: Value,
}

/// Hashing for object addresses (16-aligned, distinct): a multiplicative mix.
#[derive(Default, Clone, Copy)]
struct AddrHash;
impl std::hash::BuildHasher for AddrHash {
    type Hasher = AddrHasher;
    fn build_hasher(&self) -> AddrHasher {
        AddrHasher(0)
    }
}
struct AddrHasher(u64);
impl std::hash::Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8 | *b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n >> 4) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(20);
    }
}

impl Header {
    #[inline]
    pub fn kind(&self) -> &'static Kind {
        // SAFETY: a live object's kind word holds the address of a `static` Kind
        // (plus flag bits, masked off).
        unsafe { &*self.kind_ptr() }
    }

    #[inline]
    pub fn kind_ptr(&self) -> *const Kind {
        (self.kind.get() & !flag::ALL) as *const Kind
    }

    fn set_flag(&self, f: usize, on: bool) {
        let old = self.kind.get();
        self.kind.set(if on { old | f } else { old & !f });
    }

    #[inline]
    pub fn has_flag(&self, f: usize) -> bool {
        self.kind.get() & f != 0
    }

    pub fn set(&self, f: usize) {
        self.set_flag(f, true)
    }

    pub fn clear(&self, f: usize) {
        self.set_flag(f, false)
    }

    /// The slot after the header, for objects with flag `DICT_SLOT`.
    fn dict_slot(&self) -> &Cell<Value> {
        // SAFETY: only called when DICT_SLOT is set: the object is an `ObjDict<T>`,
        // whose dict field follows the 16-byte header.
        unsafe { &*((self as *const Header as usize + 16) as *const Cell<Value>) }
    }

    /// The instance `__dict__`, NULL if the object has none. Only the dict-slot
    /// case is inlined (attribute access on instances); the rest stays out of line
    /// so that callers on hot paths stay small.
    #[inline(always)]
    pub fn dict(&self) -> Value {
        if self.kind.get() & flag::DICT_SLOT != 0 {
            self.dict_slot().get()
        } else {
            self.dict_without_slot()
        }
    }

    #[inline(never)]
    fn dict_without_slot(&self) -> Value {
        if !self.has_flag(flag::SIDE_DICT) {
            return Value::NULL;
        }
        self.side().dict
    }

    fn side(&self) -> Side {
        let key = self as *const Header as usize;
        SIDE_DICTS.with(|m| m.borrow().get(&key).copied()).unwrap_or(Side { dict: Value::NULL, slots: Value::NULL })
    }

    fn set_side(&self, side: Side) {
        let key = self as *const Header as usize;
        if side.dict.is_null() && side.slots.is_null() {
            if self.has_flag(flag::SIDE_DICT) {
                SIDE_DICTS.with(|m| m.borrow_mut().remove(&key));
                self.set_flag(flag::SIDE_DICT, false);
            }
        } else {
            SIDE_DICTS.with(|m| m.borrow_mut().insert(key, side));
            self.set_flag(flag::SIDE_DICT, true);
        }
    }

    /// Sets (or with NULL removes) the instance `__dict__`.
    pub fn set_dict(&self, d: Value) {
        if self.has_flag(flag::DICT_SLOT) {
            self.dict_slot().set(d);
            return;
        }
        self.set_side(Side { dict: d, ..self.side() });
    }

    /// The side-table holder of the `__slots__` values of an object without a dict
    /// slot (NULL if none yet).
    pub fn side_slots(&self) -> Value {
        if !self.has_flag(flag::SIDE_DICT) {
            return Value::NULL;
        }
        self.side().slots
    }

    /// Sets the side-table holder of `__slots__` values (objects without a dict slot).
    pub fn set_side_slots(&self, holder: Value) {
        debug_assert!(!self.has_flag(flag::DICT_SLOT));
        self.set_side(Side { slots: holder, ..self.side() });
    }

    /// Traces what the object keeps outside its payload: its `__dict__` and side
    /// `__slots__` holder.
    fn trace_extra(&self, t: &mut Tracer) {
        if self.has_flag(flag::DICT_SLOT) {
            t.value(self.dict_slot().get());
        } else if self.has_flag(flag::SIDE_DICT) {
            let side = self.side();
            t.value(side.dict);
            t.value(side.slots);
        }
    }
}

/// An object: the header then the payload.
#[repr(C)]
pub struct Obj<T> {
    pub header: Header,
    pub payload: T,
}

/// An object whose payload was declared with a dict slot.
#[repr(C)]
pub struct ObjDict<T> {
    pub header: Header,
    pub dict: Cell<Value>,
    pub payload: T,
}

/// A Rust type that can live in the heap. Implement with `payload!`.
pub trait Payload: Sized + 'static {
    /// Whether objects of this payload have a `__dict__` slot after the header.
    const DICT_SLOT: bool;
    fn kind() -> &'static Kind;
    /// Reports every `Value` the payload holds.
    fn trace(&self, t: &mut Tracer);
}

/// The size of a whole object of payload `T`.
pub const fn object_size<T: Payload>() -> usize {
    if T::DICT_SLOT {
        std::mem::size_of::<ObjDict<T>>()
    } else {
        std::mem::size_of::<Obj<T>>()
    }
}

/// The payload of the object at `addr`, which holds a `T`.
#[inline(always)]
fn payload_ptr<T: Payload>(addr: usize) -> *mut T {
    // Only the field address is computed (no reference to the object is made).
    if T::DICT_SLOT {
        (addr + std::mem::offset_of!(ObjDict<T>, payload)) as *mut T
    } else {
        (addr + std::mem::offset_of!(Obj<T>, payload)) as *mut T
    }
}

/// `payload!(Type, "name")` makes `Type` a heap payload; `Type` implements
/// `Trace` for its fields. `payload!(Type, "name", dict)` gives its objects a
/// `__dict__` slot after the header (for payloads whose objects mostly have an
/// instance dict: a dict lookup there is one load instead of a side-table probe).
#[macro_export]
macro_rules! payload {
    ($t:ty, $name:expr) => {
        $crate::payload!(@impl $t, $name, false, false);
    };
    ($t:ty, $name:expr, dict) => {
        $crate::payload!(@impl $t, $name, true, false);
    };
    ($t:ty, $name:expr, leaf) => {
        $crate::payload!(@impl $t, $name, false, true);
    };
    (@impl $t:ty, $name:expr, $slot:expr, $leaf:expr) => {
        impl $crate::gc::Payload for $t {
            const DICT_SLOT: bool = $slot;
            fn kind() -> &'static $crate::gc::Kind {
                static KIND: $crate::gc::Kind = $crate::gc::Kind {
                    name: $name,
                    trace: $crate::gc::trace_payload::<$t>,
                    drop: $crate::gc::drop_payload::<$t>,
                    size: $crate::gc::object_size::<$t>(),
                    needs_drop: std::mem::needs_drop::<$t>(),
                    leaf: $leaf,
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
    let payload = unsafe { &*payload_ptr::<T>(o.addr()) };
    payload.trace(t)
}

/// # Safety
/// `o` must hold a live `T`, which must not be used afterwards.
pub unsafe fn drop_payload<T: Payload>(o: ObjRef) {
    std::ptr::drop_in_place(payload_ptr::<T>(o.addr()))
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
            Some(unsafe { &*payload_ptr::<T>(self.0) })
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
            let k = h.kind.get();
            if k & flag::MARK == 0 {
                h.kind.set(k | flag::MARK);
                // A leaf without a `__dict__` whose type is marked already has
                // nothing left to trace (a third of a typical live set is strs).
                // SAFETY: a live object's kind word holds a static Kind's address.
                let leaf = unsafe { (*((k & !flag::ALL) as *const Kind)).leaf };
                if leaf && k & (flag::DICT_SLOT | flag::SIDE_DICT) == 0 && h.ty.get().header().is_some_and(|t| t.has_flag(flag::MARK)) {
                    return;
                }
                self.stack.push(o);
            }
        }
    }

    fn drain(&mut self) {
        while let Some(o) = self.stack.pop() {
            let h = o.header();
            self.value(h.ty.get());
            // Most objects have no `__dict__`: test the flags here rather than call
            // the out-of-line side-table path for each.
            if h.has_flag(flag::DICT_SLOT | flag::SIDE_DICT) {
                h.trace_extra(self);
            }
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

/// The alignment every `mi_malloc` block has (mimalloc's blocks of 8 bytes and up are
/// multiples of 8 bytes apart from 8-aligned pages).
const MI_MIN_ALIGN: usize = 8;

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
// pointer unchanged; the counter is only statistics. Layouts whose alignment every
// mimalloc block has go to the plain entry points: the `mimalloc` crate calls the
// aligned ones for every layout, whose fast path gives up whenever the size class's
// page has no ready free block and then takes the generic, over-allocating route
// (16% of a dict-building loop's instructions).
unsafe impl std::alloc::GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        let p = if layout.align() <= MI_MIN_ALIGN {
            libmimalloc_sys::mi_malloc(layout.size()) as *mut u8
        } else {
            BACKING.alloc(layout)
        };
        counted(p, layout.size())
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        count(-(layout.size() as isize));
        libmimalloc_sys::mi_free(ptr as *mut std::ffi::c_void)
    }
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        let p = if layout.align() <= MI_MIN_ALIGN {
            libmimalloc_sys::mi_zalloc(layout.size()) as *mut u8
        } else {
            BACKING.alloc_zeroed(layout)
        };
        counted(p, layout.size())
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        let p = if layout.align() <= MI_MIN_ALIGN {
            libmimalloc_sys::mi_realloc(ptr as *mut std::ffi::c_void, new_size) as *mut u8
        } else {
            BACKING.realloc(ptr, layout, new_size)
        };
        // On failure the old block stays allocated and counted.
        let p = counted(p, new_size);
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
    needs_drop: false,
    leaf: false,
};

impl Header {
    pub fn is_dead(&self) -> bool {
        std::ptr::eq(self.kind_ptr(), &DEAD)
    }
}

const SEGMENT_SIZE: usize = 64 * 1024;
/// Segments are carved from chunks mapped this many at a time.
const SEGMENTS_PER_CHUNK: usize = 16;
const GRANULE: usize = 16;
const MAX_CELL: usize = 1024;
const NUM_CLASSES: usize = MAX_CELL / GRANULE;
/// The smallest allocation budget between two collections (see `Heap::collect`).
const MIN_THRESHOLD: usize = 2 << 20;
/// The allocation budget between two collections, in percent of the live heap.
const GROWTH_PCT: usize = 100;

fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|s| s.trim().parse().ok())
}

/// One size class. Allocation bumps a pointer through the current free region
/// `[bump, end)`: a run of consecutive free cells found by the last sweep, or the
/// fresh end of a new segment. The sweep records the runs of free cells (`spans`);
/// allocation takes the next one when the region is used up. Bumping is sequential
/// (the prefetcher follows it) and never reads the free cells, unlike a free list
/// threaded through them.
struct SizeClass {
    cell: usize,
    bump: usize,
    end: usize,
    /// Free runs `(start, end)` still to allocate from, the next one last.
    spans: Vec<(usize, usize)>,
}

/// Statistics of one collection, for `gc.collect()` and `gc.get_stats()`.
#[derive(Default, Clone, Copy, Debug)]
pub struct CollectStats {
    pub freed: usize,
    pub live: usize,
}

/// A segment in use: its cells are all of one size.
#[derive(Clone, Copy)]
struct Segment {
    base: usize,
    cell: usize,
}

pub struct Heap {
    classes: [SizeClass; NUM_CLASSES],
    /// Segment base -> cell size, for every segment in use (the conservative scan's
    /// membership test).
    segments: HashMap<usize, usize, AddrHash>,
    /// Bounds of every segment ever mapped: the conservative scan rejects most
    /// words (small ints, code and stack addresses) with two compares.
    heap_lo: usize,
    heap_hi: usize,
    seg_list: Vec<Segment>,
    /// Segments emptied by a sweep whose memory is still resident: each cell of the
    /// size given has a null kind word, so the segment can serve that size class
    /// again as it is.
    empty_dirty: Vec<Segment>,
    /// Segments returned to the system (`MADV_DONTNEED`): they read as zeros and can
    /// serve any size class.
    empty_clean: Vec<usize>,
    /// The unused rest of the last chunk mapped (zero, untouched).
    chunk_next: usize,
    chunk_end: usize,
    /// The objects whose type has `__del__` and whose `__del__` has not run yet
    /// (not roots: the collector looks for the unreachable ones among them).
    with_del: Vec<Value>,
    /// Bytes of the cells alive after the last collection.
    live_bytes: usize,
    /// Bytes of cells allocated since the last collection.
    allocated_since_gc: usize,
    /// Collect when `allocated_since_gc + external_bytes()` reaches this.
    trigger: usize,
    threshold: usize,
    /// Pacing: the allocation budget after a collection is `growth_pct`% of the live
    /// heap (cells and external bytes), at least `min_threshold` bytes. Tunable for
    /// measurements with `FERROPY_GC_MIN_KB` and `FERROPY_GC_GROWTH`.
    min_threshold: usize,
    growth_pct: usize,
    stress_every: u32,
    stress_count: u32,
    stack_base: usize,
    /// Native stack ranges the conservative scan skips (see `QuietFrames`).
    pub quiet: QuietFrames,
    pub collections: u64,
    pub enabled: bool,
    /// `external_bytes()` right after the last collection.
    external_after_gc: usize,
    /// `external_bytes()` once the VM is built: memory that lives as long as the VM
    /// (the value stack's reservation, builtin tables), left out of the pacing.
    external_baseline: usize,
    /// Objects alive after the last collection.
    last_live: usize,
    /// `FERROPY_GC_STATS`: 1 prints one line per collection and a summary at exit
    /// to stderr, 2 adds the live objects by payload kind.
    stats_level: u32,
    gc_time: std::time::Duration,
    /// The part of `gc_time` spent before sweeping.
    mark_time: std::time::Duration,
    peak_segments: usize,
    peak_external: usize,
    /// Bytes freed by payload kind (`FERROPY_GC_STATS=2`).
    freed_by_kind: HashMap<&'static str, usize>,
    /// When set, the next collection hands its unreachable objects to
    /// `before_sweep` (for `gc.collect()`'s count; a walk of the whole heap).
    pub list_unreachable: bool,
}

impl Heap {
    /// The heap, configured from the environment (`FERROPY_GC_STRESS`,
    /// `FERROPY_GC_STATS`, `FERROPY_GC_MIN_KB`, `FERROPY_GC_GROWTH`).
    pub fn new() -> Heap {
        let mut h = Heap::empty(env_usize("FERROPY_GC_STRESS").unwrap_or(0) as u32);
        h.min_threshold = env_usize("FERROPY_GC_MIN_KB").map_or(MIN_THRESHOLD, |k| k << 10);
        h.threshold = h.min_threshold;
        h.growth_pct = env_usize("FERROPY_GC_GROWTH").unwrap_or(GROWTH_PCT);
        h.stats_level = env_usize("FERROPY_GC_STATS").unwrap_or(0) as u32;
        h.set_trigger();
        h
    }

    /// A heap with the default settings (no environment lookups: `Vm::collect`
    /// swaps one in while it works on the real heap).
    fn empty(stress_every: u32) -> Heap {
        let min_threshold = MIN_THRESHOLD;
        let classes = std::array::from_fn(|i| SizeClass { cell: (i + 1) * GRANULE, bump: 0, end: 0, spans: Vec::new() });
        Heap {
            classes,
            segments: HashMap::default(),
            heap_lo: usize::MAX,
            heap_hi: 0,
            seg_list: Vec::new(),
            empty_dirty: Vec::new(),
            empty_clean: Vec::new(),
            chunk_next: 0,
            chunk_end: 0,
            with_del: Vec::new(),
            live_bytes: 0,
            allocated_since_gc: 0,
            trigger: if stress_every > 0 { 0 } else { min_threshold },
            threshold: min_threshold,
            min_threshold,
            growth_pct: GROWTH_PCT,
            stress_every,
            stress_count: 0,
            stack_base: 0,
            quiet: QuietFrames::default(),
            collections: 0,
            enabled: true,
            external_after_gc: 0,
            external_baseline: 0,
            last_live: 0,
            stats_level: 0,
            gc_time: std::time::Duration::ZERO,
            mark_time: std::time::Duration::ZERO,
            peak_segments: 0,
            peak_external: 0,
            freed_by_kind: HashMap::new(),
            list_unreachable: false,
        }
    }

    /// The highest stack address the conservative scan covers: called at the top of
    /// the VM thread, before any `Value` exists on its stack.
    pub fn set_stack_base(&mut self, base: usize) {
        self.stack_base = base;
    }

    /// Called once the VM is built: the Rust-heap memory allocated so far lives as
    /// long as the VM and does not count towards the pacing.
    pub fn set_external_baseline(&mut self) {
        self.external_baseline = external_bytes();
        self.external_after_gc = self.external_baseline;
        self.set_trigger();
    }

    pub fn stress(&self) -> bool {
        self.stress_every > 0
    }

    /// Writes a new object into a free cell and returns it. Never collects: the
    /// caller (`Vm::alloc`) decides about collecting once the object is in place.
    #[inline(always)]
    pub fn alloc<T: Payload>(&mut self, ty: Value, payload: T) -> Value {
        let kind = T::kind() as *const Kind as usize;
        let size = object_size::<T>();
        let addr = self.take_cell(size);
        // SAFETY: take_cell returned a free cell of at least `size` bytes, aligned to
        // 16, that nothing else references; writing the whole object makes it live.
        unsafe {
            if T::DICT_SLOT {
                (addr as *mut ObjDict<T>).write(ObjDict {
                    header: Header { kind: Cell::new(kind | flag::DICT_SLOT), ty: Cell::new(ty) },
                    dict: Cell::new(Value::NULL),
                    payload,
                });
            } else {
                (addr as *mut Obj<T>).write(Obj { header: Header { kind: Cell::new(kind), ty: Cell::new(ty) }, payload });
            }
        }
        self.allocated_since_gc += size;
        // SAFETY: the object was just written.
        Value::from_obj(unsafe { ObjRef::from_addr(addr) })
    }

    /// Should the caller collect now?
    #[inline(always)]
    pub fn wants_collect(&mut self) -> bool {
        // One comparison on the fast path: `trigger` folds in the pacing threshold
        // and the external bytes at the last collection; stress mode sets it to 0.
        self.allocated_since_gc + external_bytes() >= self.trigger && self.wants_collect_slow()
    }

    #[inline(never)]
    fn wants_collect_slow(&mut self) -> bool {
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
        true
    }

    fn set_trigger(&mut self) {
        self.trigger = if self.stress_every > 0 { 0 } else { self.threshold + self.external_after_gc };
    }

    /// A free cell for an object of `size` bytes. Inlined into each `alloc`, where
    /// `size`, hence the class and the cell size, are constants.
    #[inline(always)]
    fn take_cell(&mut self, size: usize) -> usize {
        assert!(size <= MAX_CELL, "object of {size} bytes exceeds the largest size class");
        let ci = size.div_ceil(GRANULE) - 1;
        let cell = (ci + 1) * GRANULE;
        let c = &mut self.classes[ci];
        let a = c.bump;
        if a + cell <= c.end {
            c.bump = a + cell;
            return a;
        }
        self.take_cell_slow(ci)
    }

    /// The current region of class `ci` is used up: continue in its next free run,
    /// or in a new segment.
    #[inline(never)]
    fn take_cell_slow(&mut self, ci: usize) -> usize {
        let cell = self.classes[ci].cell;
        let (start, end) = match self.classes[ci].spans.pop() {
            Some(span) => span,
            None => {
                let seg = self.new_segment(cell);
                (seg, seg + SEGMENT_SIZE)
            }
        };
        let c = &mut self.classes[ci];
        c.bump = start + cell;
        c.end = end;
        start
    }

    /// A segment for cells of `cell` bytes whose every cell is free (null kind word
    /// at each cell start): an emptied one of the same size, a returned one (zero),
    /// or fresh memory from the system (zero).
    fn new_segment(&mut self, cell: usize) -> usize {
        let base = if let Some(i) = self.empty_dirty.iter().rposition(|s| s.cell == cell) {
            self.empty_dirty.remove(i).base
        } else if let Some(b) = self.empty_clean.pop() {
            b
        } else if let Some(s) = self.empty_dirty.pop() {
            // Cut into another size: old payload bytes would sit where the new
            // cells' kind words are.
            // SAFETY: a segment we own that holds no object.
            unsafe { std::ptr::write_bytes(s.base as *mut u8, 0, SEGMENT_SIZE) };
            s.base
        } else {
            if self.chunk_next == self.chunk_end {
                self.chunk_next = os::map_chunk(SEGMENTS_PER_CHUNK * SEGMENT_SIZE);
                self.chunk_end = self.chunk_next + SEGMENTS_PER_CHUNK * SEGMENT_SIZE;
                self.heap_lo = self.heap_lo.min(self.chunk_next);
                self.heap_hi = self.heap_hi.max(self.chunk_end);
            }
            self.chunk_next += SEGMENT_SIZE;
            self.chunk_next - SEGMENT_SIZE
        };
        self.segments.insert(base, cell);
        self.seg_list.push(Segment { base, cell });
        self.peak_segments = self.peak_segments.max(self.seg_list.len());
        base
    }

    /// The object whose cell contains `addr`, if `addr` points into a live cell.
    fn find_object(&self, addr: usize) -> Option<ObjRef> {
        if addr < self.heap_lo || addr >= self.heap_hi {
            return None;
        }
        let base = addr & !(SEGMENT_SIZE - 1);
        let cell = *self.segments.get(&base)?;
        let idx = (addr - base) / cell;
        let start = base + idx * cell;
        if start + cell > base + SEGMENT_SIZE {
            return None;
        }
        // SAFETY: start is a cell inside a segment we own; reading its kind word is
        // fine whether the cell is free (null) or live.
        let kind = unsafe { (*(start as *const Header)).kind_ptr() };
        if kind.is_null() || std::ptr::eq(kind, &DEAD) {
            None
        } else {
            // SAFETY: a live cell (non-null kind).
            Some(unsafe { ObjRef::from_addr(start) })
        }
    }

    /// Runs a full collection. `roots` reports the precise roots; the native stack
    /// from the caller's frame up to `stack_base` is scanned conservatively.
    /// `before_sweep` also gets the unreachable objects when `list_unreachable` is
    /// set (none otherwise).
    /// Returns the unreachable objects that have a `__del__` to run (they and what
    /// they reach are kept alive for this cycle) and the statistics.
    #[inline(never)]
    pub fn collect(
        &mut self,
        roots: &mut dyn FnMut(&mut Tracer),
        before_sweep: &mut dyn FnMut(&dyn Fn(Value) -> bool, &[Value], &mut Tracer),
        after_mark: &mut dyn FnMut(&dyn Fn(Value) -> bool),
    ) -> (Vec<Value>, CollectStats) {
        let start = std::time::Instant::now();
        let external_before = external_bytes();
        let mut t = Tracer { stack: Vec::new(), poisoned_borrow: false, found: None };
        roots(&mut t);
        trace_pinned(&mut t);
        t.drain();
        self.scan_native_stack(&mut t);
        t.drain();
        let unreachable = if self.list_unreachable { self.objects_where(|h| !h.has_flag(flag::MARK)) } else { Vec::new() };
        before_sweep(&|v: Value| v.header().is_none_or(|h| h.has_flag(flag::MARK)), &unreachable, &mut t);
        t.drain();
        let finalizable = self.resurrect_finalizable(&mut t);
        // Marking is complete: weak lists drop what this sweep frees.
        after_mark(&|v: Value| v.header().is_none_or(|h| h.has_flag(flag::MARK)));
        // The sweep appends to the empty pool: what is there now was not used since
        // the last collection.
        let idle = self.empty_dirty.len();
        let marked = start.elapsed();
        let stats = self.sweep();
        self.mark_time += marked;
        self.last_live = stats.live;
        self.collections += 1;
        self.allocated_since_gc = 0;
        self.external_after_gc = external_bytes();
        // Grow with the whole live heap: cells plus the Rust-heap memory payloads own
        // (list buffers, dict tables, str text), which the counting allocator tracks.
        let external_live = self.external_after_gc.saturating_sub(self.external_baseline);
        self.threshold = ((self.live_bytes + external_live) * self.growth_pct / 100).max(self.min_threshold);
        self.set_trigger();
        self.release_empty_segments(idle);
        if t.poisoned_borrow {
            eprintln!("ferropy: internal error: object borrowed during garbage collection");
        }
        self.gc_time += start.elapsed();
        if self.stats_level > 0 {
            self.report_collection(stats, external_before, start.elapsed());
        }
        (finalizable, stats)
    }

    /// Records that `v`'s type defines `__del__`, to be called once `v` is found
    /// unreachable.
    pub fn set_has_del(&mut self, v: Value) {
        if let Some(h) = v.header() {
            if h.has_flag(flag::HAS_DEL) {
                return;
            }
            h.set(flag::HAS_DEL);
            self.with_del.push(v);
        }
    }

    /// Unmarked objects with a pending `__del__` survive this collection: they are
    /// marked (with everything they reach) and returned to have `__del__` called.
    fn resurrect_finalizable(&mut self, t: &mut Tracer) -> Vec<Value> {
        let mut out = Vec::new();
        let is_marked = |v: &Value| v.header().is_some_and(|h| h.has_flag(flag::MARK));
        for v in &self.with_del {
            // Entries are alive until this loop drops them (an unmarked one is
            // finalized now, or was finalized before and is freed by this sweep).
            let h = v.header().expect("heap object");
            if !h.has_flag(flag::MARK) && !h.has_flag(flag::FINALIZED) {
                h.set(flag::FINALIZED);
                out.push(*v);
            }
        }
        // Only the reachable objects whose `__del__` has yet to run stay listed.
        self.with_del.retain(|v| is_marked(v) && !v.header().is_some_and(|h| h.has_flag(flag::FINALIZED)));
        for v in &out {
            t.value(*v);
        }
        t.drain();
        out
    }

    /// Frees every unmarked object and clears the marks. The runs of free cells are
    /// recorded anew, segment by segment; a segment left without objects goes to
    /// the empty pool instead (unless it holds its class's current region).
    fn sweep(&mut self) -> CollectStats {
        let mut stats = CollectStats::default();
        let stress = self.stress();
        for c in self.classes.iter_mut() {
            c.spans.clear();
        }
        let mut live_bytes = 0;
        let mut kept = Vec::with_capacity(self.seg_list.len());
        for s in std::mem::take(&mut self.seg_list) {
            let ci = s.cell / GRANULE - 1;
            let seg_end = s.base + SEGMENT_SIZE;
            // The class's current region is free cells by construction (and may be
            // untouched pages of a new segment): skip it, it stays the region.
            let (skip, skip_end) = {
                let c = &self.classes[ci];
                if c.bump < c.end && c.bump >= s.base && c.bump < seg_end { (c.bump, c.end) } else { (0, 0) }
            };
            let limit = s.base + SEGMENT_SIZE / s.cell * s.cell;
            let spans_before = self.classes[ci].spans.len();
            let mut run = 0usize;
            let mut live = 0usize;
            let mut a = s.base;
            while a < limit {
                if a == skip {
                    if run != 0 {
                        self.classes[ci].spans.push((run, a));
                        run = 0;
                    }
                    a = skip_end;
                    continue;
                }
                // SAFETY: a is a cell in our segment.
                let h = unsafe { &*(a as *const Header) };
                let kind = h.kind_ptr();
                let free = if kind.is_null() {
                    true
                } else if std::ptr::eq(kind, &DEAD) {
                    false
                } else if h.has_flag(flag::MARK) {
                    h.set_flag(flag::MARK, false);
                    live += 1;
                    // SAFETY: a live object's kind is a static Kind.
                    live_bytes += unsafe { (*kind).size };
                    false
                } else {
                    // SAFETY: unreachable live object: nothing can observe it any
                    // more, so its payload may be dropped and the cell freed.
                    unsafe {
                        if (*kind).needs_drop {
                            ((*kind).drop)(ObjRef::from_addr(a))
                        }
                    }
                    stats.freed += 1;
                    if h.has_flag(flag::SIDE_DICT) {
                        h.set_side(Side { dict: Value::NULL, slots: Value::NULL });
                    }
                    if self.stats_level > 1 {
                        // SAFETY: as above, the kind of the object being freed.
                        *self.freed_by_kind.entry(unsafe { (*kind).name }).or_default() += unsafe { (*kind).size };
                    }
                    if stress {
                        // SAFETY: the dead cell is ours; zeroing it and marking it
                        // DEAD makes any later use of a dangling Value fail loudly.
                        unsafe { std::ptr::write_bytes(a as *mut u8, 0, s.cell) };
                        h.kind.set(&DEAD as *const Kind as usize);
                        false
                    } else {
                        h.kind.set(0);
                        true
                    }
                };
                if free {
                    if run == 0 {
                        run = a;
                    }
                } else if run != 0 {
                    self.classes[ci].spans.push((run, a));
                    run = 0;
                }
                a += s.cell;
            }
            if run != 0 {
                self.classes[ci].spans.push((run, a.min(limit)));
            }
            stats.live += live;
            if live == 0 && skip == 0 && !stress {
                // Every cell has a null kind word: the segment is empty.
                self.classes[ci].spans.truncate(spans_before);
                self.segments.remove(&s.base);
                self.empty_dirty.push(s);
                continue;
            }
            kept.push(s);
        }
        // Allocate in address order: the next run is popped from the end.
        for c in self.classes.iter_mut() {
            c.spans.reverse();
        }
        self.seg_list = kept;
        self.live_bytes = live_bytes;
        stats
    }

    /// Returns to the system the emptied segments that stayed unused for a whole
    /// cycle (those emptied by this sweep stay resident for the next one, which
    /// most likely needs them: releasing them would only make it fault the pages in
    /// again).
    fn release_empty_segments(&mut self, idle: usize) {
        for s in self.empty_dirty.drain(..idle) {
            os::release_segment(s.base);
            self.empty_clean.push(s.base);
        }
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
        // Deepest (lowest) range first: the order they were entered, reversed.
        let mut quiet = self.quiet.ranges.iter().rev().peekable();
        while p < self.stack_base {
            if let Some(&&(lo, hi)) = quiet.peek() {
                if p >= hi {
                    quiet.next();
                    continue;
                }
                if p >= lo {
                    p = (hi + 7) & !7;
                    continue;
                }
            }
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
        self.objects_where(|_| true)
    }

    /// The objects whose header satisfies `keep`.
    fn objects_where(&self, keep: impl Fn(&Header) -> bool) -> Vec<Value> {
        let mut out = Vec::new();
        for s in &self.seg_list {
            let mut a = s.base;
            while a + s.cell <= s.base + SEGMENT_SIZE {
                // SAFETY: a is a cell in our segment; its kind word tells whether it
                // holds an object.
                let h = unsafe { &*(a as *const Header) };
                let kind = h.kind_ptr();
                if !kind.is_null() && !std::ptr::eq(kind, &DEAD) && keep(h) {
                    // SAFETY: a live cell.
                    out.push(Value::from_obj(unsafe { ObjRef::from_addr(a) }));
                }
                a += s.cell;
            }
        }
        out
    }

    /// Bytes of the cells alive at the last collection plus those allocated since.
    pub fn live_bytes(&self) -> usize {
        self.live_bytes + self.allocated_since_gc
    }

    fn report_collection(&mut self, stats: CollectStats, external_before: usize, took: std::time::Duration) {
        self.peak_external = self.peak_external.max(external_before);
        eprintln!(
            "gc #{}: {} live objects, {} freed, cells {} KiB, external {} -> {} KiB, segments {} + {} empty ({} KiB), next after {} KiB, {:.2} ms",
            self.collections,
            stats.live,
            stats.freed,
            self.live_bytes >> 10,
            external_before >> 10,
            self.external_after_gc >> 10,
            self.seg_list.len(),
            self.empty_dirty.len(),
            (self.seg_list.len() + self.empty_dirty.len()) * SEGMENT_SIZE >> 10,
            self.threshold >> 10,
            took.as_secs_f64() * 1e3
        );
        if self.stats_level > 1 {
            let mut by_kind: HashMap<&'static str, (usize, usize)> = HashMap::new();
            for v in self.objects() {
                let k = v.header().map_or("?", |h| h.kind().name);
                let e = by_kind.entry(k).or_default();
                e.0 += 1;
                e.1 += v.header().map_or(0, |h| h.kind().size);
            }
            let mut rows: Vec<_> = by_kind.into_iter().collect();
            rows.sort_by_key(|r| std::cmp::Reverse(r.1 .1));
            for (k, (n, b)) in rows.iter().take(12) {
                eprintln!("    {k:<24} {n:>9} objects {:>8} KiB", b >> 10);
            }
        }
    }

    fn report_exit(&self) {
        if self.stats_level > 1 {
            let mut rows: Vec<_> = self.freed_by_kind.iter().collect();
            rows.sort_by_key(|r| std::cmp::Reverse(*r.1));
            for (k, b) in rows.iter().take(12) {
                eprintln!("    freed {k:<24} {:>9} KiB", *b >> 10);
            }
        }
        let mut by_cell: std::collections::BTreeMap<usize, usize> = Default::default();
        for s in &self.seg_list {
            *by_cell.entry(s.cell).or_default() += 1;
        }
        let used: Vec<String> = by_cell.iter().map(|(c, n)| format!("{c}:{n}")).collect();
        eprintln!(
            "gc exit: {} collections in {:.1} ms ({:.1} ms marking), segments {} + {} empty (peak {}), cells {} KiB, external {} KiB (baseline {} KiB, peak at gc {} KiB); segments by cell size {}",
            self.collections,
            self.gc_time.as_secs_f64() * 1e3,
            self.mark_time.as_secs_f64() * 1e3,
            self.seg_list.len(),
            self.empty_dirty.len(),
            self.peak_segments,
            self.live_bytes() >> 10,
            external_bytes() >> 10,
            self.external_baseline >> 10,
            self.peak_external >> 10,
            used.join(" ")
        );
    }
}

impl Default for Heap {
    fn default() -> Self {
        Heap::empty(0)
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        // `Vm::collect` swaps in an empty Heap for the duration: report real ones.
        if self.stats_level > 0 && !self.seg_list.is_empty() {
            self.report_exit();
        }
    }
}

/// Segment memory straight from the kernel: untouched pages cost no RSS, so a
/// segment only becomes resident as its bump pointer advances, and an emptied
/// segment can be handed back with `MADV_DONTNEED`.
#[cfg(target_os = "linux")]
mod os {
    use super::SEGMENT_SIZE;
    extern "C" {
        fn mmap(addr: *mut u8, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut u8;
        fn munmap(addr: *mut u8, len: usize) -> i32;
        fn madvise(addr: *mut u8, len: usize, advice: i32) -> i32;
    }
    const PROT_READ: i32 = 1;
    const PROT_WRITE: i32 = 2;
    const MAP_PRIVATE: i32 = 2;
    const MAP_ANONYMOUS: i32 = 0x20;
    const MADV_DONTNEED: i32 = 4;

    /// A zeroed, SEGMENT_SIZE-aligned block of `size` bytes.
    pub fn map_chunk(size: usize) -> usize {
        let len = size + SEGMENT_SIZE;
        // SAFETY: an anonymous private mapping at an address the kernel chooses
        // touches no existing memory.
        let p = unsafe { mmap(std::ptr::null_mut(), len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) };
        if p as isize == -1 {
            crate::fatal_memory();
        }
        let start = p as usize;
        let base = (start + SEGMENT_SIZE - 1) & !(SEGMENT_SIZE - 1);
        // SAFETY: both ranges lie inside the mapping just made and outside the
        // aligned segment we keep; nothing refers to them.
        unsafe {
            if base > start {
                munmap(start as *mut u8, base - start);
            }
            let end = base + size;
            if start + len > end {
                munmap(end as *mut u8, start + len - end);
            }
        }
        base
    }

    /// Gives the segment's pages back; it reads as zeros afterwards.
    pub fn release_segment(base: usize) {
        // SAFETY: the segment is ours and holds no object (the caller checked).
        unsafe { madvise(base as *mut u8, SEGMENT_SIZE, MADV_DONTNEED) };
    }
}

#[cfg(not(target_os = "linux"))]
mod os {
    use super::SEGMENT_SIZE;

    pub fn map_chunk(size: usize) -> usize {
        let layout = std::alloc::Layout::from_size_align(size, SEGMENT_SIZE).unwrap();
        // SAFETY: non-zero size layout. The system allocator is called directly:
        // segments are counted by the heap itself, not as external memory.
        let p = unsafe { std::alloc::GlobalAlloc::alloc_zeroed(&std::alloc::System, layout) };
        if p.is_null() {
            crate::fatal_memory();
        }
        p as usize
    }

    pub fn release_segment(base: usize) {
        // SAFETY: the segment is ours and holds no object (the caller checked).
        unsafe { std::ptr::write_bytes(base as *mut u8, 0, SEGMENT_SIZE) };
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

/// Native stack ranges that hold no value anyone still needs: the frames of
/// interpreter loops parked at a call whose operands are all on the value stack
/// (`interp::eval`). The conservative scan skips them, so that words the loop left
/// in its spill slots from earlier instructions do not keep dead objects alive
/// (`del x; gc.collect()` then frees `x` as CPython would). Ranges nest as the
/// native stack does: each one is pushed below the previous.
#[derive(Default)]
pub struct QuietFrames {
    ranges: Vec<(usize, usize)>,
}

impl QuietFrames {
    /// Marks `lo..hi` (a frame between two stack pointers) as quiet until `leave`.
    #[inline]
    pub fn enter(&mut self, lo: usize, hi: usize) {
        debug_assert!(lo <= hi && self.ranges.last().is_none_or(|r| hi <= r.0));
        self.ranges.push((lo, hi));
    }

    /// Extends the innermost range down to `lo` (a deeper stack pointer): the
    /// frames between are quiet too.
    #[inline]
    pub fn lower_to(&mut self, lo: usize) {
        if let Some(r) = self.ranges.last_mut() {
            r.0 = r.0.min(lo);
        }
    }

    #[inline]
    pub fn leave(&mut self) {
        self.ranges.pop();
    }
}

/// The native stack pointer of the calling frame (0 where unknown: no range is
/// then ever quiet).
#[inline(always)]
pub fn stack_pointer() -> usize {
    let sp: usize;
    #[cfg(target_arch = "x86_64")]
    // SAFETY: reads a register into a local; no memory is touched.
    unsafe {
        std::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags));
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: reads a register into a local; no memory is touched.
    unsafe {
        std::arch::asm!("mov {}, sp", out(reg) sp, options(nomem, nostack, preserves_flags));
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    {
        sp = 0;
    }
    sp
}
