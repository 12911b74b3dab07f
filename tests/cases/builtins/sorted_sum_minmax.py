print(sorted([3, 1, 2]), sorted("cba", reverse=True), sorted([[2], [1, 5]]), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([1.5, 2]), sum([], start=5))
print(min(3, 1, 2), max([3, 1, 2]), min("abc", key=ord), max([1, -5], key=abs), min([], default="empty"), max((), default=None), max("a", "b", key=str.upper))
print(max([(1, "b"), (1, "a")]), min([3, 1, 1.0, 1]), max(iter([1, 5, 2])))
for f in (lambda: sum(["a", "b"], ""), lambda: sum([[1]]), lambda: min([]), lambda: max(1), lambda: min(1, 2, default=0), lambda: max([1, "a"]), lambda: max()):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
