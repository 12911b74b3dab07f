class A:
    def __add__(self, o):
        print("A.__add__"); return NotImplemented
    def __radd__(self, o):
        print("A.__radd__"); return NotImplemented
class B:
    def __radd__(self, o):
        print("B.__radd__"); return "B wins"
print(A() + B())
try:
    A() + A()
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Sub(Base):
    def __radd__(self, o): return "Sub.radd (subclass first)"
print(Base() + Sub(), Sub() + Base())
print(NotImplemented.__class__.__name__, repr(NotImplemented))
