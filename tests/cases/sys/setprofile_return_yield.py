# The 'return' event of a generator's frame carries the yielded value at each
# yield and the returned value at the end; a frame that raises reports None.
import sys

got = []


def hook(frame, event, arg):
    if event == "return" and frame.f_code.co_name in ("gen", "inner", "boom"):
        got.append((frame.f_code.co_name, arg))


def inner():
    return "inner-ret"


def gen():
    yield 1
    x = inner()
    yield x
    return "done"


def boom():
    raise KeyError("k")


sys.setprofile(hook)
print(list(gen()))
try:
    boom()
except KeyError:
    pass
g = gen()
next(g)
g.close()
sys.setprofile(None)
for item in got:
    print(item)
