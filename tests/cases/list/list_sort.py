data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
l = ["bb", "a", "ccc", "dd", "e"]
l.sort(key=len); print(l)
l.sort(key=len, reverse=True); print(l)
l.sort(); print(l)
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs); print(nums)
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted({3: "x", 1: "y"}), sorted([1.5, 1, True, 0]))
stable = [(k % 3, i) for i, k in enumerate(range(20))]
print(sorted(stable, key=lambda t: t[0]) == sorted(stable, key=lambda t: (t[0], t[1])))
