import sys
def where():
    f = sys._getframe()
    caller = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, caller.f_code.co_name, caller.f_lineno, f.f_back is caller
def outer():
    return where()
print(outer())
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
try:
    sys._getframe(100)
except ValueError as e:
    print(type(e).__name__, e)
f = sys._getframe()
print(type(f).__name__, f.f_globals is globals(), "f" in f.f_locals)
