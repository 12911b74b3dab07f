# A profile function that raises at a builtin call: the error comes out of the
# call and the function is removed.
import sys

seen = []


def hook(frame, event, arg):
    seen.append(event)
    if event == "c_call":
        raise KeyError("from hook")


def f():
    return len("abc")


sys.setprofile(hook)
try:
    f()
except KeyError as e:
    print("KeyError", e)
print(sys.getprofile())
print(seen)
