print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15, 1.0 == 1, hash(1.0) == hash(1), hash(0.5), hash(-0.0), hash(float("inf")), hash(1e100) == hash(int(1e100)))
n = float("nan")
print(n == n, n != n, n < 1, n > 1, [n] == [n], sorted([3.0, 1.0, 2.5]))
print(float("inf") == float("inf"), -float("inf") < -1e308, max(1.0, n), min(n, 1.0))
