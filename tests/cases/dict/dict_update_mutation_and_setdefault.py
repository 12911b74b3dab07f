# dict.update from a dict mutated by a key's __eq__ raises RuntimeError;
# setdefault hashes and compares the key once; update reuses stored hashes.
class X:
    def __hash__(self): return 0
    def __eq__(self, o):
        other.clear()
        return False
other = dict((i, 0) for i in range(1, 50))
other[X()] = 0
d = {X(): 0, 1: 1}
try: d.update(other)
except RuntimeError as e: print(e)
class Hashed:
    def __init__(self): self.hash_count = 0; self.eq_count = 0
    def __hash__(self): self.hash_count += 1; return 42
    def __eq__(self, other): self.eq_count += 1; return id(self) == id(other)
h1, h2 = Hashed(), Hashed()
y = {h1: 5}
y.setdefault(h2, [])
print(h1.hash_count, h2.hash_count, h1.eq_count + h2.eq_count)
class H(int):
    n = 0
    def __hash__(self):
        H.n += 1
        return int.__hash__(self)
src = {H(i): i for i in range(5)}
H.n = 0
t = {}; t.update(src); dict(src); {**src}
print(H.n, t == src)
