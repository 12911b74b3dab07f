class A:
    def __repr__(self): return "A()"
class B:
    def __str__(self): return "B-str"
class C(A):
    def __str__(self): return "C-str"
print(A(), str(A()), repr(B()) .startswith("<__main__.B object at "), str(B()), C(), repr(C()), [A(), C()])
print(f"{A()!r} {C()!s} {C()}")
class Bad:
    def __repr__(self): return 5
try:
    repr(Bad())
except TypeError as e:
    print(type(e).__name__, e)
try:
    str(Bad())
except TypeError as e:
    print(type(e).__name__, e)
