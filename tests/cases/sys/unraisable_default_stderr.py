# The default unraisable report on the real stderr: a weakref callback's error.
import gc, weakref
class Callback:
    def __call__(self, ref):
        1 / 0
    def __repr__(self):
        return "<Callback>"
class T: pass
t = T()
r = weakref.ref(t, Callback())
del t
gc.collect()
print("still running")
