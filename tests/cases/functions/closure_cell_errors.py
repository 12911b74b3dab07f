def f():
    x = 1
    def g():
        return x
    return g
g = f()
print(g.__closure__[0].cell_contents, len(g.__closure__), type(g.__closure__[0]).__name__)
def h():
    def inner():
        return late
    c = inner.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print(type(e).__name__, e)
    late = 5
    return inner()
print(h())
