import copy
class P:
    def __init__(self, a): self.a = a
p = P([1])
print(p.__getstate__(), P.__reduce_ex__(p, 0)[0].__name__, p.__reduce_ex__(2)[0].__name__, p.__reduce_ex__(2)[1][0] is P, p.__reduce_ex__(2)[2])
q = copy.copy(p); print(q.a is p.a, type(q).__name__)
r = copy.deepcopy(p); print(r.a == p.a, r.a is p.a)
class S:
    __slots__ = ("x", "y")
s = S(); s.x = 1
print(s.__getstate__(), copy.copy(s).x)
class E: pass
print(E().__getstate__())
class NA:
    def __init__(self, a, b): self.s = a + b
    def __getnewargs__(self): return (1, 2)
print(copy.copy(NA(3, 4)).s, NA(0, 0).__reduce_ex__(2)[1])
class GS:
    def __init__(self): self.v = 1
    def __getstate__(self): return {"v": 99}
print(copy.copy(GS()).v)
class SS:
    def __setstate__(self, st): self.got = st
o = SS(); o.z = 1
print(copy.copy(o).got)
class L(list): pass
l = L([1, 2]); l.attr = 5
cl = copy.copy(l); print(cl, type(cl).__name__, cl.attr)
class D(dict): pass
print(copy.copy(D(a=1)), type(copy.deepcopy(D(a=1))).__name__)
print(object.__doc__.splitlines()[0])
print(copy.copy(5), copy.copy([1]), copy.deepcopy({"a": [1]}))
for bad in (lambda: NA.__reduce_ex__(type("B", (), {"__getnewargs__": lambda s: 5})(), 2),
            lambda: copy.copy(type("X", (int,), {"__getnewargs__": lambda s: [1]})(3))):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(object().__reduce__()[0].__name__, object().__reduce_ex__(2)[0].__name__)
