def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
print(c1.__closure__[0].cell_contents, c1.__code__.co_freevars)
def adders():
    return [lambda x, i=i: x + i for i in range(3)], [lambda x: x + i for i in range(3)]
a, b = adders()
print([f(10) for f in a], [f(10) for f in b])
