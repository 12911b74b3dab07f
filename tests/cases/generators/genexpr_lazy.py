def noisy(n):
    for i in range(n):
        print("produce", i)
        yield i
ge = (x * 10 for x in noisy(3))
print("created")
print(next(ge))
print(list(ge))
g2 = (x for x in range(3) if x != 1)
print(list(g2), type(g2).__name__)
try:
    (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)
