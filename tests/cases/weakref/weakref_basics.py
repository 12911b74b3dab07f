import gc
import weakref
class Obj:
    def __init__(self, v): self.v = v
o = Obj(1)
r = weakref.ref(o)
print(r() is o, r().v, weakref.getweakrefcount(o), type(r).__name__)
del o
gc.collect()
print(r(), r() is None)
try:
    weakref.ref(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    weakref.ref([])
except TypeError as e:
    print(type(e).__name__, e)
