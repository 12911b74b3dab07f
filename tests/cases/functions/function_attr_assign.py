def f(a=1): return a
f.__defaults__ = (5,)
print(f())
f.__name__ = "renamed"
f.__qualname__ = "Q.renamed"
print(f.__name__, f.__qualname__)
f.__doc__ = "new doc"
print(f.__doc__)
for bad in (lambda: setattr(f, "__name__", 5), lambda: setattr(f, "__defaults__", 5),
            lambda: setattr(f, "__code__", None)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
def g(): return "g"
f.__code__ = g.__code__
print(f())
