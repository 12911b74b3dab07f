sq = lambda x: x * x
add = lambda a, b=10, *c, d=1, **e: (a, b, c, d, e)
print(sq(7), add(1), add(1, 2, 3, d=4, z=5))
print((lambda: "noargs")(), (lambda *a: a)(1, 2))
print(sq.__name__, [f(2) for f in [lambda x, i=i: x + i for i in range(3)]])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
