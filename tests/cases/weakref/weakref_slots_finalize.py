import gc
import weakref
class NoWeak:
    __slots__ = ("x",)
class WithWeak:
    __slots__ = ("x", "__weakref__")
try:
    weakref.ref(NoWeak())
except TypeError as e:
    print(type(e).__name__, e)
w = WithWeak()
r = weakref.ref(w)
print(r() is w)
class Res: pass
obj = Res()
f = weakref.finalize(obj, print, "finalizer called", 42)
print(f.alive)
del obj
gc.collect()
print(f.alive)
