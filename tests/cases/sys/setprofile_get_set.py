# sys.getprofile returns what sys.setprofile installed; the argument errors.
import sys


def f(*args):
    pass


print(sys.getprofile())
sys.setprofile(f)
print(sys.getprofile() is f)
sys.setprofile(None)
print(sys.getprofile())
for call in (lambda: sys.setprofile(), lambda: sys.setprofile(f, f), lambda: sys.getprofile(1)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
