//! The value stack shared by all frames: fast locals, cells and operands of every
//! live frame, contiguous, in one fixed-size array of slots that is never moved.
//!
//! Slots are `Cell`s in an array that lives as long as the process (one per
//! interpreter, its pages touched only as the stack grows) so that the dispatch
//! loop can hold the array while it also holds `&mut Vm`, and keep the stack pointer in a register: it
//! stores its height into `sp` before anything that may allocate, run Python code
//! or look at the stack (calls, generators, frame snapshots), and reads it back
//! after helpers that push. `sp` is therefore exact whenever the GC runs; slots at
//! or above it are dead and never scanned.

use crate::gc::{Trace, Tracer};
use crate::value::Value;
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

/// The number of slots. A constant, so that the dispatch loop's index checks
/// compare with an immediate instead of keeping the length in a register.
pub const CAPACITY: usize = 1 << 20;

/// Unused slots at the bottom, below the first frame: the dispatch loop's unchecked
/// accesses may reach a few slots below a frame's operands (see `interp::run_loop`),
/// as frames reserve `GUARD` slots of margin at the top (`interp::ensure_stack_room`).
pub const GUARD: usize = 16;

/// The slots themselves, in the binary's zero-filled data (`.bss`: a page costs
/// memory only once a frame reaches it; all zeros is all `Value::NULL`). At a fixed
/// address, the dispatch loop can name the array without keeping it in a register
/// (`interp::run_loop`: with `vm`, `sp`, `pc`, the instructions, the locals base and
/// the code, the loop's state then fits the six callee-saved registers).
struct Slots([Cell<Value>; CAPACITY]);

// SAFETY: the cells are reachable only through the one `Stack` (`Stack::new`
// refuses to make a second), which is neither `Send` nor `Sync`: only the thread
// that made it, the interpreter's, ever touches them.
unsafe impl Sync for Slots {}

static SLOTS: Slots = Slots([const { Cell::new(Value::NULL) }; CAPACITY]);
static TAKEN: AtomicBool = AtomicBool::new(false);

pub struct Stack {
    slots: &'static [Cell<Value>; CAPACITY],
    /// The height: slots below it are live.
    pub sp: usize,
}

impl Stack {
    /// The value stack; one per process (one interpreter).
    pub fn new() -> Stack {
        assert!(!TAKEN.swap(true, Ordering::SeqCst), "one Ferropy interpreter per process");
        Stack { slots: &SLOTS.0, sp: GUARD }
    }

    /// The slot array, for the dispatch loop: the static array itself, so that
    /// its address is a constant there.
    #[inline(always)]
    pub fn slots(&self) -> &'static [Cell<Value>; CAPACITY] {
        &SLOTS.0
    }

    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.sp
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.sp == GUARD
    }

    #[inline]
    pub fn get(&self, i: usize) -> Value {
        self.slots[i].get()
    }

    #[inline]
    pub fn set(&self, i: usize, v: Value) {
        self.slots[i].set(v)
    }

    /// Pushes `v`; frames reserve their room when made, so this stays in bounds.
    #[inline]
    pub fn push(&mut self, v: Value) {
        self.slots[self.sp].set(v);
        self.sp += 1;
    }

    /// Lowers the height to `n` (no effect if it is already lower).
    #[inline]
    pub fn truncate(&mut self, n: usize) {
        self.sp = self.sp.min(n);
    }

    /// Raises the height to `n`, the new slots unset (NULL).
    pub fn grow_unset(&mut self, n: usize) {
        for c in &self.slots[self.sp..n] {
            c.set(Value::NULL);
        }
        self.sp = self.sp.max(n);
    }

    pub fn extend_from_slice(&mut self, vals: &[Value]) {
        for (c, v) in self.slots[self.sp..self.sp + vals.len()].iter().zip(vals) {
            c.set(*v);
        }
        self.sp += vals.len();
    }

    /// Pushes `vals` last first (`UNPACK_SEQUENCE`'s order).
    pub fn extend_rev(&mut self, vals: &[Value]) {
        for (c, v) in self.slots[self.sp..self.sp + vals.len()].iter().zip(vals.iter().rev()) {
            c.set(*v);
        }
        self.sp += vals.len();
    }

    /// Copies slots `from..to` out.
    pub fn copy_range(&self, from: usize, to: usize) -> impl Iterator<Item = Value> + '_ {
        self.slots[from..to].iter().map(Cell::get)
    }

    /// Copies `vals` into the slots from `at` on (the height is unchanged).
    pub fn write_at(&self, at: usize, vals: &[Value]) {
        for (c, v) in self.slots[at..at + vals.len()].iter().zip(vals) {
            c.set(*v);
        }
    }
}

impl Trace for Stack {
    fn trace(&self, t: &mut Tracer) {
        for c in &self.slots[..self.sp] {
            t.value(c.get());
        }
    }
}
