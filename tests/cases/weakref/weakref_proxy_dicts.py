import gc
import weakref
class Obj:
    def __init__(self, v): self.v = v
    def m(self): return "method %d" % self.v
o = Obj(7)
p = weakref.proxy(o)
print(p.v, p.m())
del o
gc.collect()
try:
    p.v
except ReferenceError as e:
    print(type(e).__name__, e)
d = weakref.WeakValueDictionary()
k = Obj(1)
d["key"] = k
print(len(d), d["key"].v)
del k
gc.collect()
print(len(d), "key" in d)
wk = weakref.WeakKeyDictionary()
a = Obj(2)
wk[a] = "value"
print(len(wk))
del a
gc.collect()
print(len(wk))
