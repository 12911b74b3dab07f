for src in ([1, 2, 3], [1], "ab", 5):
    try:
        a, b = src
        print("ok", a, b)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a, b, *c = [1]
except ValueError as e:
    print(type(e).__name__, e)
def gen():
    yield 1
    yield 2
    yield 3
try:
    x, y = gen()
except ValueError as e:
    print(type(e).__name__, e)
