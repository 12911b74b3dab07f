t = tuple(range(5))
print(t[1:4], t[::-1], 3 in t, t.index(3), len(t), sorted(t, reverse=True), tuple(sorted((3, 1, 2))), max(t))
a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
print((1, 2) + (3,), (1,) * 3, tuple(x for x in "ab"), (1, [2]) == (1, [2]), (0.0,) == (-0.0,), hash((1, 2, 3)) == hash((1, 2, 3)))
