class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return "V(%r)" % (self.v,)
    def __add__(self, o): return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o): return V(("r", o, self.v))
    def __sub__(self, o): return V(self.v - o)
    def __rsub__(self, o): return V(o - self.v)
    def __mul__(self, o): return V(self.v * o)
    def __rmul__(self, o): return V(o * self.v * 10)
    def __truediv__(self, o): return V(self.v / o)
    def __rtruediv__(self, o): return V(o / self.v)
    def __floordiv__(self, o): return V(self.v // o)
    def __rfloordiv__(self, o): return V(o // self.v)
    def __mod__(self, o): return V(self.v % o)
    def __rmod__(self, o): return V(o % self.v)
    def __divmod__(self, o): return ("divmod", self.v, o)
    def __rdivmod__(self, o): return ("rdivmod", o, self.v)
    def __pow__(self, o, m=None): return V((self.v, o, m))
    def __rpow__(self, o): return V(("rpow", o))
    def __matmul__(self, o): return "matmul"
    def __rmatmul__(self, o): return "rmatmul"
    def __lshift__(self, o): return "lshift"
    def __rlshift__(self, o): return "rlshift"
    def __rshift__(self, o): return "rshift"
    def __rrshift__(self, o): return "rrshift"
    def __and__(self, o): return "and"
    def __rand__(self, o): return "rand"
    def __or__(self, o): return "or"
    def __ror__(self, o): return "ror"
    def __xor__(self, o): return "xor"
    def __rxor__(self, o): return "rxor"
    def __neg__(self): return V(-self.v)
    def __pos__(self): return "pos"
    def __abs__(self): return "abs"
    def __invert__(self): return "invert"
a = V(6)
print(a + 1, 1 + a, a + a, a - 1, 10 - a, a * 2, 2 * a, a / 4, 3 / a, a // 4, 13 // a)
print(a % 4, 13 % a, divmod(a, 2), divmod(2, a), a ** 2, pow(a, 2, 5), 2 ** a)
print(a @ 1, 1 @ a, a << 1, 1 << a, a >> 1, 1 >> a, a & 1, 1 & a, a | 1, 1 | a, a ^ 1, 1 ^ a)
print(-a, +a, abs(a), ~a)
