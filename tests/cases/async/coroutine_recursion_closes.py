# A coroutine or generator whose frame cannot be entered for the recursion
# limit is finished, as CPython unwinds it at once: a collected one does not
# warn that it was never awaited, and resuming it again does nothing.
import gc, sys, warnings
warnings.simplefilter('always')
async def bottomless(n):
    return await bottomless(n + 1)
try:
    bottomless(0).send(None)
except RecursionError as e:
    print("RecursionError:", e)
gc.collect()
def g():
    yield 1
    yield 2
it = g(); next(it)
def deep(n):
    if n == 0: return next(it)
    return deep(n - 1)
n = 0
while True:
    try:
        deep(n); n += 1
        it = g(); next(it)
    except RecursionError:
        break
print(list(it))
print('done')
