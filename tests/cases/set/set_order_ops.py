# The result order of set operations follows CPython's algorithms (which operand
# is iterated, and presizing).
a = set(range(0, 30, 2))
b = set(range(0, 30, 3))
print(a | b, b | a)
print(a & b, b & a)
print(a - b, b - a)
print(a ^ b, b ^ a)
print(a.union(range(50, 40, -1)), a.intersection(range(100, 0, -1)))
print(a.difference([2, 4, 6]), a.symmetric_difference([1, 2, 3, 100]))
print(a.union([9], (8,), {7: 0}), a.intersection(b, {6, 12, 18, 0}))
c = set(a)
c |= {99, 98, 97}
c &= set(range(10, 100))
c -= {12, 14}
c ^= {1, 12, 98}
print(c)
c.intersection_update([98, 97, 16, 18, 20, 1])
print(c)
c.symmetric_difference_update([5, 16, 400])
print(c)
f = frozenset([40, 8, 16, 24, 32])
print(f | {1, 2}, {1, 2} | f, f & {8, 40, 7}, f - {16}, f ^ {16, 48})
print(type(f | {1}).__name__, type({1} | f).__name__)
words = set(["ant", "bee", "cat", "dog", "eel"])
print(words | set(["fox", "gnu"]), words - set(["cat"]), words & set(["eel", "ant", "yak"]))
print(dict.fromkeys(a & b), list(zip(sorted(a), a)))
print(set(range(40)) - set(range(5, 10)), set(range(6)) - set(range(100)))
