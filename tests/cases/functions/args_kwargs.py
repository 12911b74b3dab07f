def f(a, *args, b=5, **kw):
    return a, args, b, sorted(kw.items())
print(f(1))
print(f(1, 2, 3, b=4, z=1, y=2))
print(f(*range(4), **{"b": 0, "c": 9}))
def g(**kw):
    return kw
print(g(), g(a=1), list(g(z=1, a=2)))
