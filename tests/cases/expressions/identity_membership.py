a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, 2 in a, 3 not in a, "ell" in "hello", "" in "abc")
print(1 in {1: 2}, 2 in {1: 2}, 3 in range(5), 3.0 in [3], (1, 2) in [(1, 2)])
class Weird:
    def __eq__(self, o): return True
print(Weird() in [1], 5 in [Weird()])
n = float("nan")
print(n in [n], n == n)
