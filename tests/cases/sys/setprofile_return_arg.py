# The 'return' event's argument is the value returned (None when the frame raises).
import sys

got = []


def hook(frame, event, arg):
    if event == "return" and frame.f_code.co_name == "f":
        got.append(arg)


def f(x):
    if x:
        raise ValueError
    return 42


sys.setprofile(hook)
f(0)
try:
    f(1)
except ValueError:
    pass
sys.setprofile(None)
print(got)
