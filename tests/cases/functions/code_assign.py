def f(a=1): return ("f", a)
def g(a=2): return ("g", a)
f.__code__ = g.__code__
print(f(), f.__name__, f.__code__ is g.__code__)
def outer():
    x = 1
    def inner(): return x
    return inner
h = outer()
try:
    h.__code__ = g.__code__
except ValueError as e:
    print(type(e).__name__, e)
for bad in (None, 5, "code"):
    try:
        g.__code__ = bad
    except TypeError as e:
        print(type(e).__name__, e)
try:
    del g.__code__
except TypeError as e:
    print(type(e).__name__, e)
print(g())
