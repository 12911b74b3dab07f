# list(x)/extend(x) iterate list and tuple subclasses through their __iter__
# (only exact lists and tuples are copied directly); an overflowing
# __length_hint__ is ignored; list.__init__ refuses keywords only when
# list's own __new__ is used.
import sys

class LyingTuple(tuple):
    def __iter__(self):
        yield 1

class LyingList(list):
    def __iter__(self):
        yield 1

print(list(LyingTuple((2,))), list(LyingList([2])))
a = [0]
a.extend(LyingList([5, 6]))
a += LyingTuple((7,))
print(a)

class CustomIter:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
    def __length_hint__(self):
        return sys.maxsize

a = [1, 2, 3, 4]
a.extend(CustomIter())
print(a)

class subclass_with_new(list):
    def __new__(cls, seq, newarg=None):
        self = super().__new__(cls, seq)
        self.newarg = newarg
        return self

u = subclass_with_new([1, 2], newarg=3)
print(type(u).__name__, list(u), u.newarg)

class subclass(list):
    pass

for make in [lambda: subclass(sequence=()), lambda: list(x=1), lambda: list(1, 2)]:
    try:
        make()
    except TypeError as e:
        print("TypeError", e)
