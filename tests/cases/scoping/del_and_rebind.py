x = 1
def f():
    global x
    del x
f()
try:
    x
except NameError as e:
    print(type(e).__name__, e)
def g():
    y = 1
    del y
    y = 2
    return y
print(g())
def h():
    z = 1
    def k():
        return z
    del z
    try:
        k()
    except NameError as e:
        print(type(e).__name__, e)
h()
