def f(*a, **k):
    return a, k
l = [1, 2]
print(f(*l, 3, *"ab", x=1, **{"y": 2}))
print([*l, *range(3)], (*l,), {*l, 3}, {**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2, 3], sep="-")
try:
    f(**{"x": 1}, x=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
