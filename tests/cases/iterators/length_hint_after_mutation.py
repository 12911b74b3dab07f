# __length_hint__ of list, reversed-list, set and dict iterators after the
# container changed.
n = 6
d = list(range(n))
it = reversed(d)
next(it); next(it)
print(it.__length_hint__())
d.append(n)
print(it.__length_hint__())
d[1:] = []
print(it.__length_hint__(), list(it))

d = list(range(n))
it = iter(d)
next(it); next(it)
d.append(n)
print(it.__length_hint__())
d[1:] = []
print(it.__length_hint__(), list(it))

for make, mutate in ((lambda: set(range(n)), lambda c: c.add(n)), (lambda: dict.fromkeys(range(n)), lambda c: c.__setitem__(n, 0)),
                     (lambda: dict.fromkeys(range(n)), lambda c: c.pop(0))):
    c = make()
    it = iter(c)
    print(it.__length_hint__(), end=" ")
    next(it)
    print(it.__length_hint__(), end=" ")
    mutate(c)
    try:
        next(it)
    except RuntimeError as e:
        print(type(e).__name__, e, it.__length_hint__())
s = {1, 2}
it = iter(s)
s.add(3)
next(it)
