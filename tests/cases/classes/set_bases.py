# Assigning __bases__ on a class: checks and messages as CPython's type_set_bases;
# the MRO of the class and its subclasses is recomputed, subclass lists follow,
# cached attribute lookups see the change; a failing MRO restores everything.
class A:
    def who(self):
        return "A"
    x = "A.x"


class B:
    def who(self):
        return "B"
    x = "B.x"


class C(A):
    pass


class D(C):
    def up(self):
        return super().who()


def names(cls):
    return [k.__name__ for k in cls.__mro__]


d = D()
for _ in range(3):  # warm up attribute caches
    d.who(), d.x, D.x, d.up()
print(d.who(), d.x, D.x, d.up(), isinstance(d, A), isinstance(d, B))
C.__bases__ = (B,)
print(C.__bases__, C.__base__, names(C), names(D))
print(d.who(), d.x, D.x, d.up(), isinstance(d, A), isinstance(d, B), issubclass(D, B))
print(C in A.__subclasses__(), C in B.__subclasses__())
C.__bases__ = (A, B)
print(names(D), d.who())
del A.who
print(d.who())


def attempt(cls, v):
    try:
        cls.__bases__ = v
        print("ok", cls.__name__, names(cls))
    except TypeError as e:
        print("TypeError:", e)


attempt(C, [A])
attempt(C, ())
attempt(C, (1,))
attempt(C, (D,))
attempt(C, (C,))
attempt(C, (int,))
attempt(C, (A, A))
attempt(C, (bool,))
attempt(int, (object,))
attempt(object, (object,))
attempt(C, (object,))


class S:
    __slots__ = ("x",)


class E(Exception):
    pass


for v in [(S,), (E,), (ValueError,), (type,)]:
    attempt(C, v)
try:
    del C.__bases__
except TypeError as e:
    print("TypeError:", e)


class Y(int):
    pass


class Z(int):
    pass


attempt(Y, (Z,))
attempt(Y, (float,))


class L(list):
    pass


attempt(L, (dict,))

# A subclass whose MRO becomes inconsistent: nothing changes.
class Base:
    pass


class Y1(Base):
    pass


class Y2(Base):
    pass


class X(Y2, Y1):
    pass


class W(X):
    pass


print(names(W))
attempt(Y1, (Y2,))
print(names(Y1), Y1.__bases__, Y1 in Y2.__subclasses__(), Y1 in Base.__subclasses__(), names(W))
attempt(Y2, (Y1,))
print(names(W), Y2 in Y1.__subclasses__())


# A metaclass's mro() is used for the class and its subclasses.
class Meta(type):
    def mro(cls):
        print("  mro of", cls.__name__)
        return super().mro()


class T(A, metaclass=Meta):
    pass


class U(T):
    pass


attempt(T, (B,))
print(names(T), names(U), U().who())


class BadMeta(type):
    calls = 0

    def mro(cls):
        if BadMeta.calls:
            raise ValueError("no mro")
        return super().mro()


class V(A, metaclass=BadMeta):
    pass


BadMeta.calls = 1
try:
    attempt(V, (B,))
except ValueError as e:
    print("ValueError:", e, V.__bases__, names(V))
