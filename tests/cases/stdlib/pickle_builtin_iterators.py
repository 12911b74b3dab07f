# Partly consumed builtin iterators survive pickle and copy: range, dict and set
# iterators, enumerate, zip (strict kept), map, filter, reversed, iter(callable,
# sentinel); their __reduce__ results as CPython gives them.
import copy
import pickle


def roundtrip(it):
    return list(pickle.loads(pickle.dumps(it)))


it = iter(range(2, 20, 3)); next(it)
print("range_iterator", roundtrip(it), list(it))
d = {1: "a", 2: "b", 3: "c"}
for view in (d, d.values(), d.items()):
    it = iter(view); next(it)
    print(type(it).__name__, it.__reduce__()[1], roundtrip(it), list(it))
it = iter({5}); print("set_iterator", it.__reduce__()[1], roundtrip(it))
e = enumerate("abc", 5); next(e)
print("enumerate", roundtrip(e), e.__reduce__()[1][1])
z = zip([1, 2, 3], "xyz"); next(z)
print("zip", roundtrip(z))
z = zip([1], [2], strict=True)
print("zip strict", z.__reduce__()[2:], pickle.loads(pickle.dumps(z)).__reduce__()[2:])
z = zip([1], [2]); z.__setstate__(True); print("setstate", z.__reduce__()[2:])
print("map", roundtrip(map(pow, [2, 3], [5, 2])))
f = filter(None, [0, 1, 0, 2]); next(f)
print("filter", roundtrip(f))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return "abc"[i]


r = reversed(Seq()); next(r)
print("reversed", r.__reduce__()[2:], list(copy.copy(r)))
list(r)
print("reversed exhausted", r.__reduce__()[1:])
for i in (1, 10, -5):
    r = reversed(Seq()); r.__setstate__(i); print("reversed setstate", i, list(r))
c = iter([1, 2, 3, 0, 4].pop, 0)
print("callable_iterator", c.__reduce__()[1][1], list(c))
print(list(copy.deepcopy(enumerate([7, 8]))))
