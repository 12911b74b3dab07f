def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
class V:
    def __init__(self, v): self.v = v
    def __add__(self, o): return ("V.add", type(o).__name__)
    def __radd__(self, o): return ("V.radd", type(o).__name__)
    def __lt__(self, o): return ("V.lt", type(o).__name__)
    def __gt__(self, o): return ("V.gt", type(o).__name__)
    def __eq__(self, o): return ("V.eq", type(o).__name__)
class W(V):
    def __radd__(self, o): return ("W.radd", type(o).__name__)
    def __gt__(self, o): return ("W.gt", type(o).__name__)
class X(V): pass
print(V(1) + W(2), W(1) + V(2), V(1) + X(2), 1 + V(1), V(1) < W(2), W(1) < V(1), V(1) < X(1), V(1) == W(1))
class I(int):
    def __radd__(self, o): return "I.radd"
    def __add__(self, o): return "I.add"
    def __rsub__(self, o): return "I.rsub"
print(1 + I(2), I(2) + 1, 5 - I(1), I(5) - 1, 2.0 + I(1))
class F(float):
    def __rmul__(self, o): return "F.rmul"
print(2 * F(1.5), 2.5 * F(1.0), F(1.0) * 2)
class S(str):
    def __radd__(self, o): return "S.radd"
    def __rmod__(self, o): return "S.rmod"
print("a" + S("b"), "x%s" % S("y"))
class L(list):
    def __radd__(self, o): return "L.radd"
print([1] + L([2]))
# inplace fallbacks
class OnlyAdd:
    def __add__(self, o): return "add"
a = OnlyAdd(); a += 1; print(a)
class IAddNI:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return "add-after-ni"
b = IAddNI(); b += 1; print(b)
class RAddOnly:
    def __radd__(self, o): return "radd"
c = 5; c += RAddOnly(); print(c)
attempt(lambda: V(1) - V(2))
def isub():
    x = V(1); x -= 2
attempt(isub)
def ipow():
    x = V(1); x **= 2
attempt(ipow)
attempt(lambda: V(1) @ V(2))
attempt(lambda: pow(V(1), 2, 3))
attempt(lambda: -V(1))
attempt(lambda: ~V(1))
attempt(lambda: abs(V(1)))
# __index__
class Ix:
    def __init__(self, i): self.i = i
    def __index__(self): return self.i
l = list(range(10))
print(l[Ix(3)], l[Ix(1):Ix(4)], "abc"[Ix(1)], (1, 2, 3)[Ix(-1)], range(10)[Ix(2)], hex(Ix(255)), bin(Ix(5)), oct(Ix(8)))
print([0] * Ix(3), "ab" * Ix(2), bytes(Ix(2)), int.__index__(5), operator_index := None)
print(range(Ix(3)), list(range(Ix(1), Ix(7), Ix(2))), chr(Ix(65)), round(2.567, Ix(2)))
attempt(lambda: l[Ix("a")])
attempt(lambda: l[Ix(2**70)])
attempt(lambda: [0] * Ix(-1))
class BadIx:
    def __index__(self): return 1.5
attempt(lambda: l[BadIx()])
attempt(lambda: hex(BadIx()))
attempt(lambda: l[1.5])
attempt(lambda: l["a"])
attempt(lambda: l[1:"a"])
attempt(lambda: range(1.5))
attempt(lambda: [1] * 1.5)
attempt(lambda: hex(1.5))
class IdxInt(int):
    def __index__(self): return 99
print(l[IdxInt(2)], hex(IdxInt(2)))
class IntOnly:
    def __int__(self): return 3
attempt(lambda: l[IntOnly()])
attempt(lambda: int(IntOnly()))
attempt(lambda: range(IntOnly()))
