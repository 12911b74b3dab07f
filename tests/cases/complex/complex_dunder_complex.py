# complex.__complex__, __getnewargs__, and __complex__ results that are subclasses.
class C(complex):
    pass

z = 1 + 2j
print(z.__complex__() is z, C(3j).__complex__(), type(C(3j).__complex__()).__name__)
print(z.__getnewargs__(), C(1, -0.0).__getnewargs__(), complex(*z.__getnewargs__()))
print(complex.__complex__(C(4)), type(complex(C(5))).__name__)

class Sub(complex):
    def __new__(cls, value=0j):
        return complex.__new__(cls, 2 * value)
    def __complex__(self):
        return self

v = complex(Sub(1j))        # DeprecationWarning: a strict subclass of complex
print(v, type(v).__name__)

class Zero(complex):
    def __complex__(self):
        return 42j
print(complex(Zero(1j)))

for bad in (None, 1.5, "x"):
    class Bad:
        def __complex__(self, r=bad):
            return r
    try:
        complex(Bad())
    except TypeError as e:
        print(type(e).__name__, e)
try:
    complex.__complex__(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    z.__getnewargs__(1)
except TypeError as e:
    print(type(e).__name__, e)
print(z.__complex__(1))
