s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1), s.indices(6), slice(None).indices(4), slice(-3, None).indices(10), slice(10, -10, -3).indices(5))
l = list(range(10))
print(l[s], l[slice(None, None, -3)], "hello"[slice(1, 4)], s == slice(1, 10, 2), s != slice(1, 10))
class Spy:
    def __getitem__(self, k): return k
print(Spy()[1:2], Spy()[::], Spy()[1:2, ::3], Spy()[...], Spy()[:, None])
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    hash(slice(1, 2))
except TypeError as e:
    print(type(e).__name__, e)
try:
    slice(1).indices(-1)
except ValueError as e:
    print(type(e).__name__, e)
