# sys.unraisablehook: errors in __del__, weakref callbacks and atexit-like paths.
import sys, gc, weakref
print(sys.unraisablehook is sys.__unraisablehook__, sys.unraisablehook.__name__)
seen = []
def hook(u):
    seen.append(u)
    print("hook:", type(u).__name__, u.exc_type.__name__, u.exc_value, u.err_msg,
          u.exc_traceback is u.exc_value.__traceback__, type(u.object).__name__)
sys.unraisablehook = hook
class D:
    def __del__(self):
        raise ValueError("in del")
d = D()
del d
gc.collect()
class T: pass
t = T()
def cb(ref):
    raise KeyError("in callback")
r = weakref.ref(t, cb)
del t
gc.collect()
u = seen[0]
print(type(u).__module__, type(u).n_fields, len(u), u[0] is u.exc_type, u.object is D.__del__)
print(seen[1].object is cb)
try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sys.__unraisablehook__()
except TypeError as e:
    print(type(e).__name__, e)
# The default hook writes to sys.stderr; nothing when it is None.
class Capture:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): pass
def lines(parts):
    return [l.split(" at 0x")[0] for l in "".join(parts).splitlines() if not l.startswith(" ")]
cap = Capture()
sys.stderr, saved = cap, sys.stderr
sys.unraisablehook = sys.__unraisablehook__
class E(Exception): pass
class D2:
    def __del__(self): raise E("custom")
    def __repr__(self): return "<D2>"
d = D2()
del d
gc.collect()
class D3:
    def __del__(self): raise BaseException
d = D3()
del d
gc.collect()
sys.stderr = None
d = D2()
del d
gc.collect()
sys.stderr = saved
print(lines(cap.parts))
# A hook that fails: its error goes to the default hook, naming the hook.
def bad_hook(u):
    raise RuntimeError("hook failed")
sys.unraisablehook = bad_hook
cap = Capture()
sys.stderr = cap
d = D2()
del d
gc.collect()
sys.stderr = saved
print(lines(cap.parts))
# None or a missing hook: the default report.
sys.unraisablehook = None
cap = Capture()
sys.stderr = cap
d = D2()
del d
gc.collect()
del sys.unraisablehook
d = D2()
del d
gc.collect()
sys.stderr = saved
print(lines(cap.parts))
sys.unraisablehook = sys.__unraisablehook__
