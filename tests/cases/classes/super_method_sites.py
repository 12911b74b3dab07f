class A:
    def f(self, x): return ('A', x)
    def __init__(self): self.a = 1
class B(A):
    def f(self, x): return ('B',) + super().f(x)
    def __init__(self): super(B, self).__init__(); self.b = 2
class C(B):
    def f(self, x): return ('C',) + super(C, self).f(x)
class D(A):
    pass
for i in range(3):
    for o in (B(), C(), D(), A()):
        print(o.f(i), o.__dict__)
# change the MRO class dict in between
def g(self, x): return ('A2', x)
A.f = g
print(C().f(1))
del A.f
try: C().f(1)
except AttributeError as e: print(e)
class E:
    @classmethod
    def cm(cls): return cls.__name__
    @staticmethod
    def sm(): return 'sm'
    @property
    def p(self): return 'p'
class F(E):
    def go(self):
        return super().cm(), super().sm(), super().p, super().__class__, super(F, F).cm()
for i in range(3): print(F().go())
# A super bound to a class, and a super whose lookup finds nothing.
class L(A):
    @classmethod
    def make(cls):
        return super(L, cls).__new__(cls).__class__.__name__
    def missing(self):
        return super().nothere()
for i in range(2):
    print(L.make())
    try:
        L().missing()
    except AttributeError as e:
        print(e)
