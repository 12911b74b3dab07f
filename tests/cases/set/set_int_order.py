s = {5, 3, 9, 1, 100, 64, 0}
print(s)
print({x % 7 for x in range(30)}, set(range(10, 0, -1)))
print(sorted({"pear", "apple", "fig"}), len({"x", "y", "x"}))
print({1, 2}.__class__.__name__, {(1, 2), (1, 2)})
