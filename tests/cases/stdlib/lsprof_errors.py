# _lsprof.Profiler argument errors, and timer errors reported as unraisable.
import _lsprof
import sys

for args, kw in [((1, 2, 3, 4, 5), {}), ((), {"foo": 1}), ((None, "x"), {}),
                 ((None, 1.0, "a"), {}), ((None, 1.0, 1, 2.5), {})]:
    try:
        _lsprof.Profiler(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
p = _lsprof.Profiler()
for args, kw in [((1, 2, 3), {}), (("a",), {}), ((), {"x": 1})]:
    try:
        p.enable(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
for name in ("disable", "clear", "getstats"):
    try:
        getattr(p, name)(1)
    except TypeError as e:
        print("TypeError", e)
try:
    _lsprof.Profiler.enable(1)
except TypeError as e:
    print("TypeError", e)

seen = []
sys.unraisablehook = lambda u: seen.append((type(u.exc_value).__name__, str(u.exc_value), u.object))


def bad_timer():
    return "soon"


def f():
    return 1


for timer, unit in [(bad_timer, 0.0), (bad_timer, 1.0), (lambda: 2.5, 1.0), (lambda: float("nan"), 0.0),
                    (lambda: 10 ** 30, 0.0), (lambda: 1e300, 0.0), (lambda: 10 ** 30, 1.0)]:
    seen.clear()
    p = _lsprof.Profiler(timer, unit)
    p.enable()
    f()
    p.disable()
    print(len(seen), seen[0][:2], seen[0][2] is timer)
print(sys.getprofile())
