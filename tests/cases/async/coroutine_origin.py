# sys.set_coroutine_origin_tracking_depth: new coroutines record the frames that
# made them (cr_origin), which the "never awaited" warning shows.
import gc
import sys
import warnings

for bad in [(-1,), ("x",), (2.0,)]:
    try:
        sys.set_coroutine_origin_tracking_depth(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    sys.get_coroutine_origin_tracking_depth(1)
except TypeError as e:
    print("TypeError:", e)

print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(depth=2)
print(sys.get_coroutine_origin_tracking_depth())


async def work():
    pass


def make():
    return work()


c = make()
print([(line, name) for _, line, name in c.cr_origin])
c.close()


async def outer():
    await work()
    inner = work()
    origin = inner.cr_origin
    inner.close()
    return [(line, name) for _, line, name in origin]


o = outer()
try:
    o.send(None)
except StopIteration as e:
    print(e.value)

sys.set_coroutine_origin_tracking_depth(1000)
c = make()
print(len(c.cr_origin) >= 2, c.cr_origin[0][2])
c.close()
sys.set_coroutine_origin_tracking_depth(0)
c = make()
print(c.cr_origin)
c.close()

sys.set_coroutine_origin_tracking_depth(2)


def drop():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = work()
        del c
        gc.collect()
    for w in caught:
        print(w.category.__name__, str(w.message).replace(__file__, "FILE"))


drop()
