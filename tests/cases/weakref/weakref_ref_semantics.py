import gc
import weakref
class Obj:
    def __repr__(self): return "<Obj>"
o = Obj()
basic = weakref.ref(o)
print(weakref.ref(o) is basic, weakref.ref(o, None) is basic)
cb1 = lambda r: log.append("cb1")
cb2 = lambda r: log.append("cb2")
log = []
r1 = weakref.ref(o, cb1)
r2 = weakref.ref(o, cb2)
p = weakref.proxy(o)
print(r1 is r2, r1 == r2, r1 == basic, r1 != basic, weakref.getweakrefcount(o))
order = weakref.getweakrefs(o)
print([(x is basic, x is p, x is r1, x is r2) for x in order])
print(r1.__callback__ is cb1, basic.__callback__)
h = hash(basic)
print(h == hash(o), r1 == 5, r1 != 5)
class KRef(weakref.ref):
    __slots__ = ("key",)
    def __new__(cls, ob, key):
        self = super().__new__(cls, ob)
        self.key = key
        return self
    def __init__(self, ob, key):
        super().__init__(ob)
k = KRef(o, "the key")
print(type(k).__name__, k.key, k() is o, k is basic, isinstance(k, weakref.ref), weakref.getweakrefcount(o))
try:
    basic(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    weakref.ref()
except TypeError as e:
    print(type(e).__name__, e)
try:
    weakref.ref(o, None, 3)
except TypeError as e:
    print(type(e).__name__, e)
del o
gc.collect()
print(sorted(log), basic(), r1(), r1.__callback__, k(), hash(basic) == h)
print(r1 == r2, r1 == r1, r1 != r2)
try:
    hash(r1)
except TypeError as e:
    print(type(e).__name__, e)
print(repr(basic).endswith("; dead>"))
class BadCb:
    def __call__(self, ref):
        raise ValueError("callback failed")
    def __repr__(self):
        return "<BadCb>"
o2 = Obj()
r3 = weakref.ref(o2, BadCb())
del o2
gc.collect()
print("after bad callback", r3())
print(weakref.ref[int], weakref.ref.__name__, weakref.ReferenceType is weakref.ref)
class M:
    def meth(self): return 42
m = M()
wm = weakref.WeakMethod(m.meth)
print(wm()(), wm == weakref.WeakMethod(m.meth))
del m
gc.collect()
print(wm())
def fill():
    wvd = weakref.WeakValueDictionary()
    keep = [Obj() for _ in range(5)]
    for i, x in enumerate(keep):
        wvd[i] = x
    print(len(wvd), sorted(wvd.keys()), 3 in wvd, wvd.get(9, "none"))
    del keep[:3]
    return wvd, keep
wvd, keep = fill()
gc.collect()
print(len(wvd), sorted(wvd))
def fill_set():
    ws = weakref.WeakSet(keep)
    print(len(ws), keep[0] in ws)
    keep.clear()
    return ws
ws = fill_set()
gc.collect()
print(len(ws), list(wvd.items()))
res = []
class R: pass
x = R()
f = weakref.finalize(x, res.append, "done")
print(f.alive, f.peek()[2:], f.atexit)
y = R()
f2 = weakref.finalize(y, print, "never")
print(f2.detach()[1:])
del y
del x
gc.collect()
print(res, f.alive, f(), f.detach())
