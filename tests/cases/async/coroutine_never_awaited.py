# A coroutine collected before it ever ran warns "coroutine ... was never awaited"
# (RuntimeWarning); one that was closed, started or awaited does not. With an
# "error" filter the warning goes to sys.unraisablehook.
import gc
import sys
import warnings


async def work():
    return 1


def drop(make):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = make()
        del c
        gc.collect()
    for w in caught:
        print(w.category.__name__, w.message)
    print("warnings:", len(caught))


drop(work)


def closed():
    c = work()
    c.close()
    return c


drop(closed)


def awaited():
    c = work()
    try:
        c.send(None)
    except StopIteration as e:
        print("returned", e.value)
    return c


drop(awaited)

# frame.clear() on a coroutine that never started finalizes it: it warns too.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    c = work()
    c.cr_frame.clear()
    print([str(w.message) for w in caught])
    c.close()

c = work()
print("cr_origin:", c.cr_origin)
c.close()


def hook(u):
    print("unraisable:", type(u.exc_value).__name__, u.exc_value, type(u.object).__name__)


sys.unraisablehook = hook
with warnings.catch_warnings():
    warnings.simplefilter("error")
    c = work()
    del c
    gc.collect()
print("done")
