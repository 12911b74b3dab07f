# Iteration order of int sets follows CPython's table: hash & mask, linear probes,
# perturbation, resizes at 3/5 full.
print({5, 3, 9, 1, 100, 64, 0})
print(set(range(10, 0, -1)), set(range(0, 200, 17)))
print({-1, -2, -3, 7, 8, -8, 16, -16})
print(set([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]))
print(set([2**40, 2**61 - 1, 2**61, 2**64 + 3, -2**63, 10**20, 7]))
s = set()
for i in range(0, 400, 23):
    s.add(i)
    if i % 3 == 0:
        print(len(s), s)
print({x * 8 for x in range(12)}, {x * 32 for x in range(6)})
print({x % 7 for x in range(30)}, {1, 9, 17, 25, 33})
print(list({i * 1000003 for i in range(20)}))
print(frozenset([3, 1, 2, 64, 33]), frozenset(range(50, 0, -3)))
for x in {12, 4, 20, 28, 36}:
    print(x, end=" ")
print()
print(4 in {12, 4, 20}, [x for x in {1024, 512, 256, 128}])
