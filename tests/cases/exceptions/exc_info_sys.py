import sys
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("info")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, sys.exception() is v)
    try:
        raise ValueError("nested")
    except ValueError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exc_info())
def f():
    return sys.exception()
try:
    raise TypeError("in caller")
except TypeError:
    print(repr(f()))
