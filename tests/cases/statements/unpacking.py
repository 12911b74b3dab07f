a, b = 1, 2
a, b = b, a
print(a, b)
(a, b), c = [1, 2], 3
print(a, b, c)
first, *rest = range(5)
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, z = [1, 2]
print(a, mid, z)
[x, [y, *zs]] = (1, (2, 3, 4))
print(x, y, zs)
for i, (k, v) in enumerate({"a": 1}.items()):
    print(i, k, v)
