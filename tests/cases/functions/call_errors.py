def f(a, b): pass
def g(): pass
def h(a, b=1, *, c): pass
calls = [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, a=1), lambda: g(1), lambda: f(c=1),
         lambda: h(), lambda: h(1, 2, 3), lambda: g(x=1), lambda: f(), lambda: (lambda x: x)(),
         lambda: f(1, 2, b=3)]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(type(e).__name__, e)
