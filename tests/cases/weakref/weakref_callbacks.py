import gc
import weakref
events = []
class Obj: pass
def cb(ref):
    events.append(("cb", ref() is None))
o = Obj()
r1 = weakref.ref(o, cb)
r2 = weakref.ref(o)
print(r2 is weakref.ref(o), r1 is r2, weakref.getweakrefcount(o))
del o
gc.collect()
print(events)
o2 = Obj()
r3 = weakref.ref(o2, lambda r: events.append("r3"))
del r3
gc.collect()
del o2
gc.collect()
print(events)
