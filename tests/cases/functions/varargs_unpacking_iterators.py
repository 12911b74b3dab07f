def f(*a): return a
print(f(*range(3)), f(*"ab", *[1]), f(*{1: "x"}), f(*(i * i for i in range(4))))
def g(**k): return k
class M:
    def keys(self): return ["a", "b"]
    def __getitem__(self, k): return k.upper()
print(g(**M()))
