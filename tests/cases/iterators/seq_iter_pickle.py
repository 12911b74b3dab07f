# __reduce__/__setstate__ of the list, reversed-list, tuple, str, bytes and
# __getitem__ iterators: pickling and copying keep the position.
import copy
import pickle

class Seq:
    def __reduce__(self):
        return (Seq, ())
    def __getitem__(self, i):
        if i < 3:
            return i * 10
        raise IndexError

for orig in [[1, 2, 3], (1, 2, 3), "abc", b"abc"]:
    it = iter(orig)
    print(it.__reduce__()[1:])
    next(it)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        assert list(pickle.loads(pickle.dumps(it, proto))) == list(orig)[1:]
    print(list(copy.copy(it)), list(it), it.__reduce__()[1:])

it = reversed([1, 2, 3])
print(it.__reduce__()[0].__name__, it.__reduce__()[1:])
next(it)
print(list(pickle.loads(pickle.dumps(it))), it.__reduce__()[1:])
print(list(it), it.__reduce__()[0].__name__, it.__reduce__()[1:])

it = iter([1, 2, 3])
it.__setstate__(-5)
print(list(it))
it = iter([1, 2, 3])
it.__setstate__(10)
print(list(it))
it = reversed([1, 2, 3])
it.__setstate__(10)
print(list(it))
it = reversed([1, 2, 3])
it.__setstate__(0)
print(list(it))
it = reversed([1, 2, 3])
it.__setstate__(-7)
print(list(it))

it = iter(Seq())
next(it)
print(it.__reduce__()[1:][0][0] is it.__reduce__()[1][0], it.__reduce__()[2], list(pickle.loads(pickle.dumps(it))))
try:
    iter([]).__setstate__("x")
except TypeError as e:
    print("TypeError", e)
