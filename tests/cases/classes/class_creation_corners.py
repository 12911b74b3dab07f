def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
# __init_subclass__ kwargs
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        print("init_subclass", cls.__name__, tag, kw)
class A(Base, tag="a"): pass
print(A.tag)
def mk1():
    class B(Base, tag="b", extra=1): pass
attempt(mk1)
def mk2():
    class C(other=1): pass
attempt(mk2)
def mk3():
    class D(object, metaclass=type, x=1): pass
attempt(mk3)
# metaclass __prepare__ and __call__ and kwargs
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], kw)
        return {"injected": 1}
    def __new__(mcs, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("call", cls.__name__, a, k)
        return super().__call__(*a, **k)
class K(metaclass=Meta, flag=True):
    def m(self): pass
print(K.injected)
k = K()
print(type(k).__name__)
class BadPrep(type):
    @classmethod
    def __prepare__(mcs, name, bases): return 5
def mk4():
    class X(metaclass=BadPrep): pass
attempt(mk4)
# metaclass that is a function
def fmeta(name, bases, ns, **kw):
    print("fmeta", name, kw)
    return 42
class F(metaclass=fmeta, z=1): pass
print(F)
# __mro_entries__
class ME:
    def __mro_entries__(self, bases): return (dict,)
class G(ME()): pass
print(G.__mro__, G.__orig_bases__[0].__class__.__name__)
attempt(lambda: type("T", (ME(),), {}))
# __class_getitem__
class CG:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(CG[int], CG[1, 2])
attempt(lambda: CG()[0])
attempt(lambda: int[0])
attempt(lambda: list[int].__origin__)
attempt(lambda: type[int])
attempt(lambda: repr(dict[str, list[int]]))
attempt(lambda: object[int])
# type() forms
attempt(lambda: type("X", (), {"a": 1})().a)
attempt(lambda: type("X", 5, {}))
attempt(lambda: type("X", (), 5))
attempt(lambda: type(5, (), {}))
attempt(lambda: type("X", (5,), {}))
attempt(lambda: type())
attempt(lambda: type(1, 2))
attempt(lambda: type("X", (bool,), {}))
attempt(lambda: type.__new__(type, "X", (), {}).__name__)
attempt(lambda: type.__new__(int, "X", (), {}))
attempt(lambda: type.__new__(5))
attempt(lambda: type.__call__(5))
class Q: pass
attempt(lambda: Q.__name__)
Q.__name__ = "Renamed"
attempt(lambda: repr(Q))
attempt(lambda: setattr(Q, "__name__", 5))
attempt(lambda: setattr(int, "__name__", "x"))
attempt(lambda: setattr(Q, "__qualname__", "a.b") or repr(Q))
attempt(lambda: Q.__module__)
attempt(lambda: int.__module__)
attempt(lambda: Q.mro())
attempt(lambda: type.mro(Q))
attempt(lambda: Q.__subclasses__())
