import _weakref as weakref
def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
class P:
    __slots__ = ("x",)
attempt(lambda: weakref.ref(P()))
attempt(lambda: P().__dict__)
attempt(lambda: sorted(k for k in P.__dict__))
class W:
    __slots__ = ("x", "__weakref__")
w = W()
attempt(lambda: weakref.ref(w)() is w)
attempt(lambda: sorted(k for k in W.__dict__))
attempt(lambda: type(W.__weakref__).__name__)
class Plain: pass
attempt(lambda: sorted(k for k in Plain.__dict__))
attempt(lambda: (type(Plain.__dict__["__dict__"]).__name__, type(Plain.__dict__["__weakref__"]).__name__))
class Sub(Plain):
    __slots__ = ("a",)
attempt(lambda: sorted(k for k in Sub.__dict__))
def mk(slots, base=object):
    class K(base):
        __slots__ = slots
    return sorted(k for k in K.__dict__ if k not in ("__module__", "__doc__", "__qualname__"))
attempt(lambda: mk(("__dict__", "__dict__")))
attempt(lambda: mk(("__weakref__", "__weakref__")))
attempt(lambda: mk(("__dict__",), Plain))
attempt(lambda: mk(("__weakref__",), Plain))
attempt(lambda: mk(("a", "a")))
attempt(lambda: mk(("1a",)))
attempt(lambda: mk((1,)))
attempt(lambda: mk("abc"))
attempt(lambda: mk(["p", "q"]))
attempt(lambda: mk({"p": "doc"}))
attempt(lambda: mk(("__private",)))
attempt(lambda: mk(("__x__",)))
class A: __slots__ = ("a",)
class B: __slots__ = ("b",)
def mkAB():
    class C(A, B): pass
attempt(mkAB)
class A2(A): pass
def mkA2B():
    class C(A2, A): pass
    return C.__mro__
attempt(mkA2B)
class E: __slots__ = ()
def mkAE():
    class C(A, E): __slots__ = ("c",)
    c = C(); c.a = 1; c.c = 2
    return c.a, c.c, hasattr(c, "__dict__")
attempt(mkAE)
class D: __slots__ = ("a", "b")
d = D()
attempt(lambda: d.a)
attempt(lambda: delattr(d, "a"))
d.a = 5
attempt(lambda: (d.a, delattr(d, "a"), hasattr(d, "a")))
attempt(lambda: D.a.__get__(5))
attempt(lambda: D.a.__set__(5, 1))
attempt(lambda: repr(D.a))
attempt(lambda: (D.a.__name__, D.a.__objclass__.__name__))
class Pr:
    __slots__ = ("__secret",)
    def set(self): self.__secret = 1; return self.__secret
attempt(lambda: (Pr().set(), sorted(k for k in Pr.__dict__ if k.startswith("_Pr"))))
class Plain2: pass
class W2(Plain2): pass
attempt(lambda: (W2.__base__.__name__, bool.__base__.__name__, object.__base__))
class IntSub(int): pass
attempt(lambda: weakref.ref(IntSub(1)))
attempt(lambda: mk(("a",), IntSub))
attempt(lambda: object.__new__(IntSub))
class DA(A):
    __slots__ = ("d",)
da = DA(); da.a = 1; da.d = 2
attempt(lambda: (da.a, da.d, DA.__base__.__name__))
attempt(lambda: D.a.__delete__(d))
d.b = 3
attempt(lambda: (D.b.__delete__(d), hasattr(d, "b")))
