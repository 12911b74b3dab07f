def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
class B1:
    def __bool__(self): return 1
class B2:
    def __bool__(self): raise ValueError("nope")
class L1:
    def __len__(self): return -1
class L2:
    def __len__(self): return "3"
class L3:
    def __len__(self): return 2**70
class L4:
    def __len__(self): return 3.0
class L5:
    def __len__(self): return True
class BN:
    __bool__ = None
class LN:
    __len__ = None
class BoolAndLen:
    def __bool__(self): return False
    def __len__(self): return 5
for o in (B1(), B2(), L1(), L2(), L3(), L4(), L5(), BN(), LN(), BoolAndLen()):
    attempt(lambda: bool(o))
    attempt(lambda: len(o))
    attempt(lambda: not o)
    attempt(lambda: 1 if o else 0)
attempt(lambda: len(5))
attempt(lambda: len())
attempt(lambda: len([], []))
# __getitem__ iteration fallback
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 2
print(list(Seq()), 4 in Seq(), 5 in Seq(), list(reversed([*Seq()])), sorted(Seq(), reverse=True))
it = iter(Seq()); print(type(it).__name__, next(it), list(it), list(it))
class SeqStop:
    def __getitem__(self, i):
        if i >= 2: raise StopIteration
        return i
print(list(SeqStop()))
class SeqErr:
    def __getitem__(self, i): raise KeyError(i)
attempt(lambda: list(SeqErr()))
class IterNone:
    __iter__ = None
    def __getitem__(self, i): return i
attempt(lambda: iter(IterNone()))
class BadIter:
    def __iter__(self): return 5
attempt(lambda: iter(BadIter()))
attempt(lambda: list(BadIter()))
class IterNoNext:
    def __iter__(self): return self
attempt(lambda: iter(IterNoNext()))
attempt(lambda: next(IterNoNext()))
attempt(lambda: next(5))
attempt(lambda: next(iter([]), "dflt"))
attempt(lambda: next(iter([])))
# iter(callable, sentinel)
n = [0]
def counter():
    n[0] += 1
    return n[0]
ci = iter(counter, 4)
print(type(ci).__name__, list(ci), list(ci))
attempt(lambda: iter(5, 1))
attempt(lambda: iter(counter, 1, 2))
def raiser(): raise StopIteration
print(list(iter(raiser, 0)))
def bad(): raise ValueError("inside")
attempt(lambda: list(iter(bad, 0)))
import sys
# sorted/min/max errors
attempt(lambda: sorted([1, "a"]))
attempt(lambda: sorted(5))
attempt(lambda: sorted())
attempt(lambda: sorted([3, 1], key=5))
attempt(lambda: sorted([3, 1], reverse="x"))
attempt(lambda: sorted([3, 1], None))
attempt(lambda: min([]))
attempt(lambda: max([]))
attempt(lambda: min([], default=7))
attempt(lambda: max(1, 2, default=7))
attempt(lambda: min(1))
attempt(lambda: max())
attempt(lambda: min([1, "a"]))
attempt(lambda: max("abc", key=ord))
attempt(lambda: max([1, 2], [3], key=len))
attempt(lambda: min(3, 1, 2, key=lambda x: -x))
attempt(lambda: max([1, 1.0, True]))
attempt(lambda: min([(1, "b"), (1, "a")]))
# sum
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0, sum([1e100, 1.0, -1e100]), sum([1, 2.5, 3]), sum([[1], [2]], []))
print(sum(range(10), 5), sum([1.5, 2**60]), sum((x for x in [0.1, 0.2, 0.3])), sum([1e308, 1e308]), sum([float("inf"), 1.0]))
print(sum([0.1, 0.2, 0.3], 0.0), sum([True, True]), sum([], 1.5), sum([1j, 2.5]), sum([0.1] * 3, start=1))
attempt(lambda: sum(["a", "b"], ""))
attempt(lambda: sum([b"a"], b""))
attempt(lambda: sum([bytearray(b"a")], bytearray()))
attempt(lambda: sum([1, "a"]))
attempt(lambda: sum(5))
attempt(lambda: sum([[1]]))
attempt(lambda: sum())
