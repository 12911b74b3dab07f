def f():
    print(x)
    x = 1
x = 5
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
    print(isinstance(e, NameError))
def g():
    del y
try:
    g()
except UnboundLocalError as e:
    print(type(e).__name__, e)
f()
