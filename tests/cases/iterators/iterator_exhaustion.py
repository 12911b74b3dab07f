it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e), e.value)
g = (x * 2 for x in range(3))
print(list(g), list(g), sum(x for x in range(5)), 3 in iter([1, 2, 3]), any(x > 2 for x in [1, 5]))
s = iter("abc")
print(list(zip(s, s)))
