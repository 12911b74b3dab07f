import gc
print(isinstance(gc.get_count(), tuple), len(gc.get_threshold()), gc.isenabled())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked({}))
class C: pass
print(gc.is_tracked(C()))
print(gc.collect(0) >= 0, gc.collect(2) >= 0)
try:
    gc.collect(5)
except ValueError as e:
    print(type(e).__name__, e)
