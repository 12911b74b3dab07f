# The four operators the interpreter quickens (+ - * /), in plain and in-place
# form, on every kind of operand: the fast int/float path and each fallback.
import sys

class Acc:
    def __init__(self, v): self.v = v
    def __iadd__(self, o): self.v += o; return self
    def __add__(self, o): return Acc(self.v + o)
    def __radd__(self, o): return Acc(o + self.v)
    def __rsub__(self, o): return ("rsub", o)
    def __mul__(self, o): return NotImplemented
    def __repr__(self): return f"Acc({self.v})"

def run(a, b):
    out = []
    for f in (lambda x, y: x + y, lambda x, y: x - y, lambda x, y: x * y, lambda x, y: x / y):
        try:
            out.append(f(a, b))
        except Exception as e:
            out.append(f"{type(e).__name__}: {e}")
    x = a
    try:
        x += b; x -= b; x *= b; x /= b
        out.append(x)
    except Exception as e:
        out.append(f"{type(e).__name__}: {e}")
    return out

cases = [(3, 4), (2**62, 2**62), (-(2**62), 2**62), (sys.maxsize, 1), (1.5, 2), (2, 0.25), (1e308, 1e308),
         (0.0, -0.0), (7, 0), (7.0, 0), (True, 2), ("ab", "cd"), ("ab", 3), ([1], [2]), ((1,), (2,)),
         (Acc(1), 2), (2, Acc(1)), (Acc(1), Acc(2)), (None, 1), (1, None), (complex(1, 2), 2), (2**100, 3)]
for a, b in cases:
    print(repr(a), repr(b), run(a, b))

l = [1]
m = l
for i in range(3):
    l += [i]
print(l is m, l)
acc = Acc(0)
for i in range(5):
    acc += i
print(acc)
t = 0.0
for i in range(1000):
    t += i * 0.5 - i / 3
print(t)
