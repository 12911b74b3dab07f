# gen.throw(typ[, val[, tb]]) as CPython's _gen_throw: the class is instantiated with
# val (instance, None, tuple of args, single arg); an error doing so is thrown into
# the generator; argument errors are raised without touching it.
import sys
from contextlib import contextmanager


class E(Exception):
    pass


def g():
    try:
        yield 1
    except BaseException as e:
        print("  caught", type(e).__name__, e.args, e.__traceback__ is not None)
        yield 2


def attempt(*args):
    x = g()
    next(x)
    try:
        print("  ->", x.throw(*args))
    except BaseException as e:
        print("  err", type(e).__name__, e)
    print("  then", next(x, "finished"))


try:
    raise KeyError("k")
except KeyError:
    tb = sys.exc_info()[2]

for args in [(E,), (E, None), (E, 5), (E, (1, 2)), (E, ()), (E, E(3)), (Exception, E(7)),
             (E(4),), (E(4), None), (E(4), 1), (int,), (1,), ("x",), (type,), (E, None, 5),
             (E, None, None), (E, None, tb), (E(8), None, tb), (KeyError, ValueError(1))]:
    print(args[:2])
    attempt(*args)


class Odd(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


class Failing(Exception):
    def __init__(self, *args):
        raise OSError("no init")


for cls in (Odd, Failing):
    print(cls.__name__)
    attempt(cls)
    attempt(cls, None, tb)

# An unstarted generator: the exception comes straight out and the generator is done.
x = g()
try:
    x.throw(E, "unstarted")
except E as e:
    t = e.__traceback__.tb_next
    print("unstarted", e, t.tb_frame.f_code.co_name, t.tb_lineno, t.tb_next)
print(next(x, "done"))
x = g()
try:
    x.throw(Odd)
except TypeError as e:
    print("unstarted", e)
print(next(x, "done"))


@contextmanager
def cm():
    try:
        yield "value"
    except ZeroDivisionError as e:
        print("cm caught", repr(e))


with cm() as v:
    print(v)
    1 / 0
print("after with")

try:
    with cm():
        raise E("passes through")
except E as e:
    print("propagated", e)
