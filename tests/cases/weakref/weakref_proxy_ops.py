import gc
import weakref
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __radd__(self, o): return Num(o + self.v)
    def __iadd__(self, o): self.v += o; return self
    def __neg__(self): return Num(-self.v)
    def __abs__(self): return Num(abs(self.v))
    def __int__(self): return self.v
    def __float__(self): return float(self.v)
    def __index__(self): return self.v
    def __lt__(self, o): return self.v < (o.v if isinstance(o, Num) else o)
    def __eq__(self, o): return self.v == (o.v if isinstance(o, Num) else o)
    def __hash__(self): return hash(self.v)
    def __len__(self): return self.v
    def __bool__(self): return self.v != 0
    def __getitem__(self, i): return i * 10
    def __setitem__(self, i, x): print("set", i, x)
    def __delitem__(self, i): print("del", i)
    def __contains__(self, x): return x == 3
    def __iter__(self): return iter(range(self.v))
    def __str__(self): return "Num(%d)" % self.v
    def __call__(self, *a, **k): return ("called", a, k)
    def __pow__(self, e, m=None): return ("pow", e, m)
    def __divmod__(self, o): return ("divmod", o)
    def __matmul__(self, o): return "matmul"
n = Num(3)
p = weakref.proxy(n)
print(type(p).__name__, type(p).__module__, weakref.proxy(n) is p, weakref.getweakrefcount(n))
print((p + 1).v, (1 + p).v, (p + p).v, (-p).v, abs(Num(-2)).v, int(p), float(p), [10, 20, 30, 40][p])
print(p < 5, p == 3, p != 3, p == n, len(p), bool(p), p[4], 3 in p, 4 in p, list(p), str(p))
p[1] = 2
del p[5]
print(p(1, k=2), pow(p, 2), pow(p, 2, 5), divmod(p, 7), p @ 1)
print(p.v, getattr(p, "missing", "dflt"), p.__class__.__name__, isinstance(p, Num))
p.v = 4
print(n.v, hasattr(p, "w"))
p.w = 1
del p.w
print(hasattr(n, "w"))
q = p
q += 2
print(type(q).__name__, n.v)
try:
    hash(p)
except TypeError as e:
    print(type(e).__name__, e)
print(repr(p).startswith("<weakproxy at "), repr(p).count(" to Num at "))
class Plain:
    x = 1
pl = Plain()
pp = weakref.proxy(pl)
print(type(pp).__name__, callable(pp), callable(p), weakref.ProxyType, weakref.CallableProxyType)
for f in (lambda: len(pp), lambda: pp + 1, lambda: next(pp), lambda: pp[0], lambda: pp()):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
cb_log = []
pc = weakref.proxy(pl, lambda r: cb_log.append(type(r).__name__))
print(pc is pp, weakref.getweakrefcount(pl), [type(r).__name__ for r in weakref.getweakrefs(pl)])
del pl, n, q
gc.collect()
print(cb_log)
for f in (lambda: pp.x, lambda: str(pp), lambda: bool(pp), lambda: pp + 1, lambda: len(p), lambda: p(), lambda: setattr(pp, "x", 1)):
    try:
        f()
    except ReferenceError as e:
        print(type(e).__name__, e)
print(repr(pp).startswith("<weakproxy at "), " to NoneType at " in repr(pp))
try:
    weakref.proxy(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    weakref.proxy()
except TypeError as e:
    print(type(e).__name__, e)
