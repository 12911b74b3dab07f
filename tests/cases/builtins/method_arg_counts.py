calls = [
    lambda: {}.get(), lambda: {}.get(1, 2, 3), lambda: {}.pop(), lambda: {}.setdefault(),
    lambda: {}.popitem(1), lambda: {}.keys(1), lambda: {}.copy(1), lambda: dict.fromkeys(),
    lambda: {}.get(k=1), lambda: [].append(), lambda: [].append(1, 2), lambda: [].insert(1),
    lambda: [].index(), lambda: [].pop(1, 2), lambda: [].count(), lambda: [].clear(1),
    lambda: [].index(1, start=0), lambda: [].sort(cmp=1), lambda: sorted([], cmp=1),
    lambda: max([1], k=1), lambda: min([1], bogus=2), lambda: zip(x=1), lambda: print(bogus=1),
    lambda: [].sort(1),
]
for c in calls:
    try:
        c()
        print("no error")
    except TypeError as e:
        print(type(e).__name__, e)
