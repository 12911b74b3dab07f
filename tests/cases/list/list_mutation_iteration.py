l = [1, 2, 3, 4, 5, 6]
for x in l:
    if x % 2 == 0:
        l.remove(x)
print(l)
l = [1, 2, 3]
it = iter(l)
next(it)
l.insert(0, 0)
print(list(it))
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
proper = [[0] * 2 for _ in range(2)]
proper[0][0] = 1
print(proper)
