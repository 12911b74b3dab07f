class C:
    __slots__ = ("alpha",)
try:
    C().alpah
except AttributeError as e:
    print("caught message has no suggestion:", e)
def f():
    x = 1
    del x
    return x
try:
    f()
except NameError as e:
    print(type(e).__name__, e)
qqqqqqqqqq
