def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
# descriptor protocol
class D:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name); self.name = name
    def __get__(self, obj, typ=None):
        return ("get", obj is None, typ.__name__ if typ else None)
class ND:
    def __get__(self, obj, typ=None): return "nd"
class DD:
    def __get__(self, obj, typ=None): return "dd"
    def __set__(self, obj, v): print("dd set", v)
class C:
    d = D(); nd = ND(); dd = DD()
c = C()
print(c.d, C.d)
c.__dict__["nd"] = "inst"; c.__dict__["dd"] = "inst"
print(c.nd, c.dd)
c.dd = 5
class OnlySet:
    def __set__(self, o, v): print("only set")
class C2:
    x = OnlySet()
c2 = C2(); c2.__dict__["x"] = 1
print(C2.x.__class__.__name__, c2.x)
class OnlyDelete:
    def __delete__(self, o): print("deleting")
class C3:
    x = OnlyDelete()
c3 = C3()
attempt(lambda: setattr(c3, "x", 1))
del c3.x
# __get__ on classes via metaclass
class Meta(type):
    @property
    def mp(cls): return "meta-prop " + cls.__name__
class K(metaclass=Meta): pass
print(K.mp)
attempt(lambda: K().mp)
# __set_name__ error
class BadSN:
    def __set_name__(self, o, n): raise ValueError("sn")
def mk():
    class Z:
        a = BadSN()
attempt(mk)
# set_name called when added later? no
class L: pass
L.late = D()
print(hasattr(L.late, "name"))
# descriptor __get__ returning via type() call
class Ret:
    def __get__(self, obj, owner): return owner
class H:
    r = Ret()
print(H.r is H, H().r is H)
# staticmethod/classmethod repr and callability
class SM:
    @staticmethod
    def s(): return "s"
    @classmethod
    def c(cls): return cls.__name__
print(SM.s(), SM().s(), SM.c(), SM().c(), type(SM.__dict__["s"]).__name__, callable(SM.__dict__["s"]))
print(SM.__dict__["c"].__func__.__name__, SM.c.__self__ is SM)
# property corner
class P:
    @property
    def x(self): "doc of x"; return 1
print(P.x.__doc__, P.__dict__["x"].fget.__name__)
attempt(lambda: setattr(P(), "x", 2))
attempt(lambda: delattr(P(), "x"))
class P2:
    def g(self): return 5
    x = property(g, doc="given doc")
print(P2.x.__doc__, P2().x)
