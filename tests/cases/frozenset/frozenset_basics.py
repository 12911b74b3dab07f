f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 1 in f, f | {9} == frozenset({1, 2, 3, 9}), type(f | {9}).__name__, type({9} | f).__name__, type(f & {1}).__name__)
print(hash(f) == hash(frozenset({1, 2, 3})), {f: "key"}[frozenset([1, 2, 3])], frozenset() == set(), repr(frozenset()), repr(frozenset({1})))
print(f.union([4]) >= f, f.copy() is f, frozenset(f) is f, sorted(f.difference({1})), f.isdisjoint([7]), {frozenset([1]), frozenset([1])})
for op in (lambda: f.add(1), lambda: f.remove(1), lambda: frozenset(1), lambda: frozenset([[1]])):
    try:
        op()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
