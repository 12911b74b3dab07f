l = [5, 3, 8, 1]
print(len(l), min(l), max(l), sum(l), sorted(l), list(reversed(l)), l.index(8), 8 in l, l * 2, [x for x in l if x > 2])
print(list(enumerate(l)), list(zip(l, l[1:])), any(x > 7 for x in l), all(l), l == [5, 3, 8, 1], l[:], l[:] is l)
print(repr([1, "a", None, [2]]), str([]), [[]] == [[]], [0] < [0, 0], list(map(abs, [-1, 2])))
