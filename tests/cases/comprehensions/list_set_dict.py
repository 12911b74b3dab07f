print([x * x for x in range(6) if x % 2 == 0], [c for c in "hello" if c not in "l"], [(x, y) for x in range(3) for y in range(x)])
print(sorted({x % 3 for x in range(10)}), {x: chr(97 + x) for x in range(3)}, {k: v for k, v in zip("ab", "cd")})
print([[y for y in range(x)] for x in range(4)], [x for x in range(20) if x % 2 if x % 3], [i if i % 2 else -i for i in range(5)])
