a = frozenset([frozenset([1]), frozenset([2])])
print(frozenset([1]) in a, {frozenset([2])} < a, len(a), sorted(len(x) for x in a))
class FS(frozenset):
    pass
x = FS([1, 2])
print(type(x).__name__, type(x | {3}).__name__, x == {1, 2}, isinstance(x, frozenset))
print(frozenset("abc") == frozenset("cba"), frozenset(range(3)) - {0}, frozenset([1]) ^ frozenset([2]))
