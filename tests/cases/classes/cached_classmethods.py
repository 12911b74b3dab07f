# Classmethods and __class__ read repeatedly (the same instruction sees each case).
class A:
    tag = "A"

    @classmethod
    def who(cls, x):
        return (cls.__name__, cls.tag, x)


class B(A):
    tag = "B"


def call_all(objs):
    return [o.who(i) for i, o in enumerate(objs)]


def get_all(objs):
    out = []
    for o in objs:
        m = o.who
        out.append((type(m).__name__, m.__self__.__name__, m(0)))
    return out


a, b = A(), B()
print(call_all([A, B, a, b, A, a]))
print(get_all([A, B, a, b]))

# an instance attribute shadows the classmethod (not a data descriptor)
a.who = lambda x: ("instance", x)
print(call_all([A, a, b]))
del a.who
print(call_all([A, a, b]))

# the class attribute replaced: by a plain function, a staticmethod, another classmethod
A.who = classmethod(lambda cls, x: ("new", cls.__name__, x))
print(call_all([A, B, a, b]))
A.who = staticmethod(lambda x: ("static", x))
print(call_all([A, B, a, b]))
B.who = classmethod(lambda cls, x: ("B's", cls.__name__, x))
print(call_all([A, B, a, b]))

# a classmethod wrapping a callable object
class Caller:
    def __call__(self, cls, x):
        return ("callable", cls.__name__, x)

class C:
    m = classmethod(Caller())

print([C.m(1), C().m(2)])


# __class__ through object's descriptor, reassigned, and overridden
class P:
    pass

class Q:
    pass

p = P()
seen = []
for i in range(4):
    seen.append(p.__class__.__name__)
    p.__class__ = Q if i % 2 == 0 else P
print(seen)


class Fake:
    @property
    def __class__(self):
        return int

print([x.__class__ for x in (P(), Fake(), 3, "s", P)])
print(isinstance(Fake(), int))
