class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(kw.items()))
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
class Base(metaclass=Meta): pass
T = type("T", (Base,), {"x": 1}, flag=True)
print(type(T).__name__, T.x, T.__mro__[1].__name__)
U = type.__new__(type, "U", (Base,), {})
print(type(U).__name__)
class Plain(type): pass
class PB(metaclass=Plain): pass
V = type("V", (PB,), {})
print(type(V).__name__)
try:
    type("W", (PB,), {}, bad=1)
except TypeError as e:
    print(type(e).__name__, e)
