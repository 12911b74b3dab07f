def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
# super in various places
class A:
    def m(self): return "A.m"
    @classmethod
    def c(cls): return "A.c " + cls.__name__
    @staticmethod
    def s(): return "A.s"
class B(A):
    def m(self): return "B>" + super().m()
    @classmethod
    def c(cls): return "B>" + super().c()
    @staticmethod
    def s(): return "B>" + super(B, B).s()
    def nested(self):
        def inner(): return super(B, self).m()
        return inner()
    def lam(self):
        return (lambda: super(B, self).m())()
    def gen(self):
        yield super().m()
    def comp(self):
        return [super().m() for _ in range(1)]
print(B().m(), B.c(), B().c(), B.s(), B().nested(), B().lam(), next(B().gen()))
class C(B):
    pass
print(C().m(), C.c())
def nosuper():
    return super()
attempt(nosuper)
class D:
    def m(): return super()
attempt(lambda: D.m())
class E:
    def m(self):
        del self
        return super().m
attempt(lambda: E().m())
attempt(lambda: super(int, "x"))
attempt(lambda: super(5))
attempt(lambda: repr(super(B, B())))
attempt(lambda: super(B).m)
attempt(lambda: repr(super(B)))
attempt(lambda: super(B, B()).nonexistent)
attempt(lambda: super(B, B()).__class__)
attempt(lambda: super(B, B()).__thisclass__)
attempt(lambda: (super(B, B()).__self_class__, type(super(B, B()).__self__).__name__))
attempt(lambda: super(B, C).c())
attempt(lambda: super(B, C()).c())
class P:
    @property
    def x(self): return "P.x"
class Q(P):
    @property
    def x(self): return "Q>" + super().x
print(Q().x)
class Q2(P):
    def setx(self):
        super().x = 5
attempt(lambda: Q2().setx())
class Init:
    def __init__(self, a): self.a = a
class Init2(Init):
    def __init__(self): super().__init__(7)
print(Init2().a)
class NewO:
    def __new__(cls, *a):
        o = super().__new__(cls); o.args = a; return o
print(NewO(1, 2).args)
class ClsCell:
    def get(self): return __class__
print(ClsCell().get().__name__)
class Sub(ClsCell): pass
print(Sub().get().__name__)
