import sys
def g():
    yield 1
it = g()
print(it.gi_running, it.gi_frame is not None, it.gi_code.co_name, it.gi_suspended if hasattr(it, "gi_suspended") else "n/a")
next(it)
print(it.gi_suspended if hasattr(it, "gi_suspended") else "n/a")
list(it)
print(it.gi_frame)
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
