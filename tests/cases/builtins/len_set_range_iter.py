# len() of sets and of objects whose __len__ returns small or big ints; range
# iteration at the edges of the machine integers; list concatenation.
import sys
print(len({1, 2, 3}), len(frozenset("abca")), len(set()))
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
for n in (0, 5, 2**40, True):
    print(len(L(n)))
for n in (-1, 2**63, 2**100, 1.5, "3"):
    try:
        print(len(L(n)))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
M = sys.maxsize
for r in (range(M - 3, M), range(-M - 1, -M + 2), range(M - 1, M - 10, -3), range(5, 0, -2), range(0), range(3, 3), range(0, 10, 4), range(-5, 5, 3)):
    print(list(r))
big = range(2**64, 2**64 + 3)
print(list(big), len(range(0, 2**62, 3)))
a = [1, 2]; b = a + [3]; b += [4]; print(a, b, [] + [], a + a)
class Sub(list):
    def __add__(self, o): return "sub add"
print(Sub([1]) + [2], [2] + Sub([1]))
try:
    [1] + (2,)
except TypeError as e:
    print(e)
print(tuple(range(3)), set([1, 1]), frozenset((2,)))
try:
    tuple.__new__(int)
except TypeError as e:
    print(e)
for r in (range(5), range(1, 10, 3), range(10, 1, -4), range(0), range(M - 2, M), range(-M - 1, -M + 1), range(M - 1, -M, -M), range(-M - 1, M, M)):
    print(list(reversed(r)))
