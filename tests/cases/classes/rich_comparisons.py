class N:
    def __init__(self, v): self.v = v
    def __lt__(self, o): print("lt"); return self.v < o.v
    def __eq__(self, o):
        print("eq"); return isinstance(o, N) and self.v == o.v
    def __ge__(self, o): return NotImplemented
a, b = N(1), N(2)
print(a < b, b > a, a == N(1), a != b)
print(a == 5, 5 == a)
try:
    a <= b
except TypeError as e:
    print(type(e).__name__, e)
try:
    a >= b
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([N(3), N(1), N(2)], key=lambda n: n.v)[0].v)
print([n.v for n in sorted([N(3), N(1)])])
