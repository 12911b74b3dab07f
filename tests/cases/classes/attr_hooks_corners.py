def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
class GA:
    def __getattr__(self, n):
        if n == "boom": raise KeyError(n)
        return "ga:" + n
    x = 1
g = GA()
print(g.x, g.y, getattr(g, "z"), hasattr(g, "q"))
attempt(lambda: g.boom)
attempt(lambda: hasattr(g, "boom"))
class GAT:
    def __getattribute__(self, n):
        if n == "secret": raise AttributeError("hidden")
        if n == "other": raise ValueError("v")
        return object.__getattribute__(self, n)
    def __getattr__(self, n): return "fallback " + n
    a = 1
t = GAT()
print(t.a, t.secret, t.missing)
attempt(lambda: t.other)
class SA:
    def __setattr__(self, n, v):
        print("setattr", n, v); super().__setattr__(n, v.upper() if isinstance(v, str) else v)
    def __delattr__(self, n):
        print("delattr", n); super().__delattr__(n)
s = SA(); s.a = "x"; print(s.a, s.__dict__); del s.a
attempt(lambda: delattr(s, "a"))
class Prop:
    @property
    def p(self): raise AttributeError("inner")
    def __getattr__(self, n): return "GA " + n
print(Prop().p)
# __getattr__ on class via metaclass
class M(type):
    def __getattr__(cls, n): return "meta " + n
class WithM(metaclass=M): pass
print(WithM.anything)
attempt(lambda: WithM().anything)
# object.__getattribute__ with non-str
attempt(lambda: object.__getattribute__(g, 5))
attempt(lambda: getattr(g, 5))
attempt(lambda: object.__setattr__(g, 5, 1))
attempt(lambda: object.__setattr__(1, "a", 1))
attempt(lambda: object.__setattr__(int, "a", 1))
attempt(lambda: setattr(int, "a", 1))
attempt(lambda: delattr(int, "real"))
attempt(lambda: setattr(object(), "a", 1))
attempt(lambda: setattr([], "append", 1))
attempt(lambda: setattr((1).__class__, "x", 2))
attempt(lambda: (1).real.__class__)
attempt(lambda: setattr(1, "real", 2))
attempt(lambda: type.__setattr__(GA, "k", 1) or GA.k)
attempt(lambda: type.__getattribute__(GA, "x"))
attempt(lambda: type.__getattribute__(g, "x"))
attempt(lambda: object.__getattribute__(GA, "x"))
attempt(lambda: g.__dict__)
attempt(lambda: GA.__dict__["x"])
attempt(lambda: type(GA.__dict__).__name__)
attempt(lambda: setattr(GA, "__dict__", {}))
attempt(lambda: setattr(g, "__dict__", {"w": 1}) or g.w)
attempt(lambda: setattr(g, "__dict__", 5))
attempt(lambda: delattr(g, "__dict__") or g.__dict__)
attempt(lambda: setattr(g, "__class__", int))
class Other: pass
attempt(lambda: setattr(g, "__class__", Other) or type(g).__name__)
attempt(lambda: vars(g))
attempt(lambda: vars(5))
attempt(lambda: vars(1, 2))
attempt(lambda: sorted(vars(GA).keys()))
