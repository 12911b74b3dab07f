t = (1, "a", [2])
t[2].append(3)
print(t, len(t), t[1], t[-1], t[:2], t + (4,), t * 2, (1,) * 0, tuple("ab"), tuple(range(3)), (), (5,), t.index("a"), t.count(1))
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1,) + (), hash((1, 2)) == hash((1, 2)), tuple([1]) == (1,), 1, 2 == (1, 2))
a, *b = t
print(a, b, type(b).__name__, repr((1,)), repr(()), str((1, "x")))
