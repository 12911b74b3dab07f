class C:
    """Doc."""
    x = 1
    def m(self): pass
print(C.__name__, C.__qualname__, C.__module__, C.__doc__, C.__dict__["x"])
print("m" in C.__dict__, type(C.__dict__).__name__, C.__bases__ == (object,))
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__)
c = C()
print(c.__class__ is C, c.__dict__, type(c) is C)
c.__class__ = type("D", (), {})
print(type(c).__name__)
try:
    C.__dict__["y"] = 1
except TypeError as e:
    print(type(e).__name__, e)
