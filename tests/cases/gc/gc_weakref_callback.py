import gc, weakref
class Obj:
    pass
collected = []
o = Obj()
o.self_ref = o
r = weakref.ref(o, lambda ref: collected.append("callback"))
del o
gc.collect()
print(collected, r())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
