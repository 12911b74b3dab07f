import weakref, gc
class C:
    def m(self): return "bound result"
c = C()
wm = weakref.WeakMethod(c.m)
print(wm()(), type(wm).__name__)
del c
gc.collect()
print(wm())
o = C()
r = weakref.ref(o)
print(repr(r).startswith("<weakref at"), r.__callback__)
s = weakref.WeakSet()
keep = [C(), C()]
for k in keep:
    s.add(k)
print(len(s))
keep.pop()
gc.collect()
print(len(s))
