import gc
import weakref
class Obj: pass
a = Obj()
r1, r2 = weakref.ref(a), weakref.ref(a)
print(r1 == r2, hash(r1) == hash(a))
b = Obj()
print(weakref.ref(a) == weakref.ref(b))
del a
gc.collect()
print(r1 == r2, r1() is None)
try:
    hash(weakref.ref(Obj()))
except TypeError as e:
    print(type(e).__name__, e)
