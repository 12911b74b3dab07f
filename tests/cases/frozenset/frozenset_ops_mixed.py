a = frozenset([1, 2, 3])
b = {2, 3, 4}
print(sorted(a & b), type(a & b).__name__, type(b & a).__name__, a <= {1, 2, 3, 4}, a.issubset(b), a == frozenset([3, 2, 1]), hash(a) == hash(frozenset([3, 2, 1])))
d = {a: "frozen key"}
print(d[frozenset({1, 2, 3})], frozenset("aab") == frozenset("ba"), len(frozenset(range(100))))
try:
    frozenset([1]) < [1]
except TypeError as e:
    print(type(e).__name__, e)
