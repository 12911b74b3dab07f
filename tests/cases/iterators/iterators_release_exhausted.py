# reversed() and iter(callable, sentinel) let go of what they iterate once
# exhausted, so it is freed at once; their pickling state says so too.
import gc

freed = []
class T(tuple):
    def __del__(self): freed.append('tuple')
it = reversed(T((1, 2)))
print(list(it), list(it))
gc.collect()
print(freed, it.__reduce__(), it.__length_hint__())

class F:
    def __call__(self): return 0
    def __del__(self): freed.append('callable')
ci = iter(F(), 0)
print(list(ci), list(ci))
gc.collect()
print(freed, ci.__reduce__())
