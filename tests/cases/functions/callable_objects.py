class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x): return x + self.n
add5 = Adder(5)
print(add5(10), callable(add5), callable(Adder), callable(5))
try:
    n = 5
    n()
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = "str"
    s()
except TypeError as e:
    print(type(e).__name__, e)
