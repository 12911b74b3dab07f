//! The `_heapq` module, following CPython's Modules/_heapqmodule.c: the
//! same sift algorithms (so the same comparisons happen in the same order),
//! with its checks that the list did not change size while a comparison ran.
//! Items are read out of the list with no borrow held across a comparison.

use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use compiler::bytecode::CmpOp;

fn items_len(l: Value) -> usize {
    crate::list::lobj(l).items.borrow().len()
}

fn item(l: Value, i: usize) -> Value {
    crate::list::lobj(l).items.borrow()[i]
}

fn set(l: Value, i: usize, v: Value) {
    crate::list::lobj(l).items.borrow_mut()[i] = v;
}

fn swap(l: Value, i: usize, j: usize) {
    crate::list::lobj(l).items.borrow_mut().swap(i, j);
}

/// `a < b` (max-heaps compare the other way round).
fn less(vm: &mut Vm, a: Value, b: Value, max: bool) -> PyResult<bool> {
    let (x, y) = if max { (b, a) } else { (a, b) };
    let r = crate::ops::compare(vm, x, y, CmpOp::Lt)?;
    crate::ops::truthy(vm, r)
}

fn changed(vm: &mut Vm) -> crate::object::PyErr {
    vm.runtime_error("list changed size during iteration")
}

/// Moves the item at `pos` up towards `start` while it is smaller than its parent.
fn siftdown(vm: &mut Vm, heap: Value, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = items_len(heap);
    while pos > start {
        // The item being sifted is always the one at `pos` (re-read, as the
        // comparison may have replaced it).
        let newitem = item(heap, pos);
        let parentpos = (pos - 1) >> 1;
        let parent = item(heap, parentpos);
        let lt = less(vm, newitem, parent, max)?;
        if size != items_len(heap) {
            return Err(changed(vm));
        }
        if !lt {
            break;
        }
        // The list may have been reordered by the comparison: swap by position.
        swap(heap, pos, parentpos);
        pos = parentpos;
    }
    Ok(())
}

/// Bubbles the smaller child up from `pos` to a leaf, then sifts the item down.
fn siftup(vm: &mut Vm, heap: Value, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = items_len(heap);
    let startpos = pos;
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let a = item(heap, childpos);
            let b = item(heap, childpos + 1);
            let lt = less(vm, a, b, max)?;
            if endpos != items_len(heap) {
                return Err(changed(vm));
            }
            if !lt {
                childpos += 1;
            }
        }
        swap(heap, childpos, pos);
        pos = childpos;
    }
    siftdown(vm, heap, startpos, pos, max)
}

/// The heap argument, which must be a list ("heappush() argument 1 must be
/// list, not tuple"; single-argument functions say "argument").
fn heap_arg(vm: &mut Vm, v: Value, fname: &str, single: bool) -> PyResult<Value> {
    if crate::typeobj::is_instance(vm, v, vm.t.list) {
        return Ok(v);
    }
    let which = if single { "argument" } else { "argument 1" };
    let tn = if v == vm.none { "None".to_string() } else { vm.type_name(v) };
    let m = format!("{fname}() {which} must be list, not {tn}");
    Err(vm.type_error(m))
}

fn heappush(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "heappush", 2, 2)?;
    let heap = heap_arg(vm, a[0], "heappush", false)?;
    crate::list::lobj(heap).items.borrow_mut().push(a[1]);
    let n = items_len(heap);
    siftdown(vm, heap, 0, n - 1, false)?;
    Ok(vm.none)
}

fn pop_common(vm: &mut Vm, v: Value, max: bool) -> PyResult {
    let heap = heap_arg(vm, v, if max { "_heappop_max" } else { "heappop" }, true)?;
    let last = crate::list::lobj(heap).items.borrow_mut().pop();
    let Some(last) = last else {
        return Err(vm.index_error("index out of range"));
    };
    if items_len(heap) == 0 {
        return Ok(last);
    }
    let ret = item(heap, 0);
    set(heap, 0, last);
    siftup(vm, heap, 0, max)?;
    Ok(ret)
}

fn heappop(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_heapq.heappop", 1, 1)?;
    pop_common(vm, a[0], false)
}

fn heappop_max(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_heapq._heappop_max", 1, 1)?;
    pop_common(vm, a[0], true)
}

fn replace_common(vm: &mut Vm, v: Value, x: Value, max: bool) -> PyResult {
    let heap = heap_arg(vm, v, if max { "_heapreplace_max" } else { "heapreplace" }, false)?;
    if items_len(heap) == 0 {
        return Err(vm.index_error("index out of range"));
    }
    let ret = item(heap, 0);
    set(heap, 0, x);
    siftup(vm, heap, 0, max)?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "heapreplace", 2, 2)?;
    replace_common(vm, a[0], a[1], false)
}

fn heapreplace_max(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_heapreplace_max", 2, 2)?;
    replace_common(vm, a[0], a[1], true)
}

fn heappushpop(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "heappushpop", 2, 2)?;
    let heap = heap_arg(vm, a[0], "heappushpop", false)?;
    let x = a[1];
    if items_len(heap) == 0 {
        return Ok(x);
    }
    let top = item(heap, 0);
    if !less(vm, top, x, false)? {
        return Ok(x);
    }
    if items_len(heap) == 0 {
        return Err(vm.index_error("index out of range"));
    }
    let ret = item(heap, 0);
    set(heap, 0, x);
    siftup(vm, heap, 0, false)?;
    Ok(ret)
}

fn heapify_common(vm: &mut Vm, v: Value, max: bool) -> PyResult {
    let heap = heap_arg(vm, v, if max { "_heapify_max" } else { "heapify" }, true)?;
    let n = items_len(heap);
    for i in (0..n / 2).rev() {
        siftup(vm, heap, i, max)?;
    }
    Ok(vm.none)
}

fn heapify(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_heapq.heapify", 1, 1)?;
    heapify_common(vm, a[0], false)
}

fn heapify_max(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "_heapq._heapify_max", 1, 1)?;
    heapify_common(vm, a[0], true)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(
        vm,
        m,
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heappushpop", heappushpop),
            ("heapify", heapify),
            ("heapreplace", heapreplace),
            ("_heappop_max", heappop_max),
            ("_heapify_max", heapify_max),
            ("_heapreplace_max", heapreplace_max),
        ],
    )?;
    let about = crate::str::alloc_str(vm, ABOUT);
    super::set_attr(vm, m, "__about__", about)
}

/// CPython's module text on heaps (`_heapq.__about__`).
const ABOUT: &str = r#"Heap queues

[explanation by François Pinard]

Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for
all k, counting elements from 0.  For the sake of comparison,
non-existing elements are considered to be infinite.  The interesting
property of a heap is that a[0] is always its smallest element.

The strange invariant above is meant to be an efficient memory
representation for a tournament.  The numbers below are `k', not a[k]:

                                   0

                  1                                 2

          3               4                5               6

      7       8       9       10      11      12      13      14

    15 16   17 18   19 20   21 22   23 24   25 26   27 28   29 30


In the tree above, each cell `k' is topping `2*k+1' and `2*k+2'.  In
a usual binary tournament we see in sports, each cell is the winner
over the two cells it tops, and we can trace the winner down the tree
to see all opponents s/he had.  However, in many computer applications
of such tournaments, we do not need to trace the history of a winner.
To be more memory efficient, when a winner is promoted, we try to
replace it by something else at a lower level, and the rule becomes
that a cell and the two cells it tops contain three different items,
but the top cell "wins" over the two topped cells.

If this heap invariant is protected at all time, index 0 is clearly
the overall winner.  The simplest algorithmic way to remove it and
find the "next" winner is to move some loser (let's say cell 30 in the
diagram above) into the 0 position, and then percolate this new 0 down
the tree, exchanging values, until the invariant is re-established.
This is clearly logarithmic on the total number of items in the tree.
By iterating over all items, you get an O(n ln n) sort.

A nice feature of this sort is that you can efficiently insert new
items while the sort is going on, provided that the inserted items are
not "better" than the last 0'th element you extracted.  This is
especially useful in simulation contexts, where the tree holds all
incoming events, and the "win" condition means the smallest scheduled
time.  When an event schedule other events for execution, they are
scheduled into the future, so they can easily go into the heap.  So, a
heap is a good structure for implementing schedulers (this is what I
used for my MIDI sequencer :-).

Various structures for implementing schedulers have been extensively
studied, and heaps are good for this, as they are reasonably speedy,
the speed is almost constant, and the worst case is not much different
than the average case.  However, there are other representations which
are more efficient overall, yet the worst cases might be terrible.

Heaps are also very useful in big disk sorts.  You most probably all
know that a big sort implies producing "runs" (which are pre-sorted
sequences, which size is usually related to the amount of CPU memory),
followed by a merging passes for these runs, which merging is often
very cleverly organised[1].  It is very important that the initial
sort produces the longest runs possible.  Tournaments are a good way
to that.  If, using all the memory available to hold a tournament, you
replace and percolate items that happen to fit the current run, you'll
produce runs which are twice the size of the memory for random input,
and much better for input fuzzily ordered.

Moreover, if you output the 0'th item on disk and get an input which
may not fit in the current tournament (because the value "wins" over
the last output value), it cannot fit in the heap, so the size of the
heap decreases.  The freed memory could be cleverly reused immediately
for progressively building a second heap, which grows at exactly the
same rate the first heap is melting.  When the first heap completely
vanishes, you switch heaps and start a new run.  Clever and quite
effective!

In a word, heaps are useful memory structures to know.  I use them in
a few applications, and I think it is good to keep a `heap' module
around. :-)

--------------------
[1] The disk balancing algorithms which are current, nowadays, are
more annoying than clever, and this is a consequence of the seeking
capabilities of the disks.  On devices which cannot seek, like big
tape drives, the story was quite different, and one had to be very
clever to ensure (far in advance) that each tape movement will be the
most effective possible (that is, will best participate at
"progressing" the merge).  Some tapes were even able to read
backwards, and this was also used to avoid the rewinding time.
Believe me, real good tape sorts were quite spectacular to watch!
From all times, sorting has always been a Great Art! :-)
"#;
