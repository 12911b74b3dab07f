class P:
    __slots__ = ("x", "y")
    def __init__(self, x): self.x = x
p = P(1)
print(p.x, hasattr(p, "__dict__"), P.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
class Q(P):
    pass
q = Q(2); q.z = 5
print(q.z, q.__dict__)
class R(P):
    __slots__ = ("w", "__dict__")
r = R(3); r.w = 1; r.other = 2
print(r.w, r.other, type(P.x).__name__)
try:
    class Bad(int):
        __slots__ = ("a",)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Conf:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print(type(e).__name__, e)
