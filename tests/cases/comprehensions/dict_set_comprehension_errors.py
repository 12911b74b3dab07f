try:
    {k: v for k, v in [(1, 2), (3,)]}
except ValueError as e:
    print(type(e).__name__, e)
try:
    {[x] for x in range(2)}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {x: 1 for x in [[1]]}
except TypeError as e:
    print(type(e).__name__, e)
print({k: v for k, v in zip("aba", range(3))}, {c.upper() for c in "aA"} == {"A"}, [*{1: 2}], [(i, j) for i in range(3) if i for j in range(i)])
