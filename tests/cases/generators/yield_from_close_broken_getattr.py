# A failed `throw` lookup leaves the generator suspended.
# Closing a generator delegating to an iterator whose attribute lookup fails: the
# lookup error of `close` is unraisable (sys.unraisablehook), close() succeeds;
# send/throw through the same iterator raise the lookup error.
import sys


class Broken:
    def __iter__(self):
        return self

    def __next__(self):
        return 1

    def __getattr__(self, attr):
        1 / 0


def g():
    yield from Broken()


gi = g()
print(next(gi))
try:
    gi.send(1)
except ZeroDivisionError as e:
    print("send:", e)

gt = g()
next(gt)
try:
    gt.throw(AttributeError)
except ZeroDivisionError as e:
    print("throw:", e)
print("still suspended:", gt.gi_suspended, next(gt))

seen = []
sys.unraisablehook = lambda u: seen.append((u.exc_type.__name__, type(u.object).__name__))
gc = g()
next(gc)
print(gc.close(), seen)
print(next(gc, "closed"))


class NoClose:
    def __iter__(self):
        return self

    def __next__(self):
        return 2


def h():
    yield from NoClose()


gi = h()
print(next(gi), gi.close(), next(gi, "closed"))
