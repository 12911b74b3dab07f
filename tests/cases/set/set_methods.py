s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1)
print(sorted(s), len(s), 2 in s, s.pop() in {2, 3, 4}, len(s))
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a.isdisjoint({9}), {2} <= a, a < a, a.issubset(range(5)), a.issuperset([1]))
print(sorted(a.union([9], (8,))), sorted(a.intersection(b, {3})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
c = set(a); c |= {7}; c &= {1, 7}; c -= {1}; c ^= {8}; print(sorted(c))
c.update([1], (2,)); c.intersection_update([1, 2, 8]); c.difference_update({8}); c.symmetric_difference_update({5}); print(sorted(c))
print(set(), set("aab") == {"a", "b"}, repr({1}), {1, 2} == {2, 1}, {1} == frozenset({1}), c.copy() == c, set([1, 1.0, True]))
