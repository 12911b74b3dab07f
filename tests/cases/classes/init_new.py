class A:
    def __new__(cls, *a):
        print("new", cls.__name__, a)
        inst = super().__new__(cls)
        return inst
    def __init__(self, x):
        print("init", x)
        self.x = x
a = A(5)
print(a.x)
class B:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(B())
class C:
    def __init__(self):
        return 5
try:
    C()
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    A()
except TypeError as e:
    print(type(e).__name__, e)
class Imm(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
print(Imm(1, 2), type(Imm(1, 2)).__name__)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
