class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(type(e).__name__, e)
X = type("X", (object,), {"a": 1, "f": lambda self: self.a * 2})
print(X.__name__, X().f(), X.__bases__)
try:
    type("Y", 5, {})
except TypeError as e:
    print(type(e).__name__, e)
print(type(5).__name__, type(type).__name__)
