it = iter(range(3))
g = (x * 2 for x in it)
print(next(g), list(it), list(g))
try:
    sum(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    [1 / x for x in (2, 0)]
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print([(a, b) for a, b in {"k": "v", "q": "w"}.items()], [a for a, *_ in [(1, 2, 3), (4, 5)]])
