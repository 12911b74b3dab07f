# A call with keyword arguments hands its arguments to the callee's frame: once
# the callee rebinds a parameter, nothing else keeps the object alive.
import gc
import weakref


class A:
    pass


def h(a, b):
    a = weakref.ref(a)
    b = weakref.ref(b)
    gc.collect()
    print(a() is None, b() is None)


h(A(), b=A())
h(a=A(), b=A())


class C:
    def m(self, a, *, b):
        a = weakref.ref(a)
        b = weakref.ref(b)
        gc.collect()
        print(a() is None, b() is None)

    def __repr__(self):
        return 'C()'


C().m(A(), b=A())


def f(a, b=2, *args, c, **kw):
    return (a, b, args, c, kw)


print(f(1, c=3))
print(f(1, 2, 3, c=4, d=5))
for call in (lambda: f(1, d=3), lambda: f(1, 2, a=3, c=1), lambda: C().m(b=1), lambda: C().m(1, 2, b=3)):
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)


def rec(n, k=0):
    return rec(n + 1, k=k)


try:
    rec(0, k=1)
except RecursionError as e:
    print('RecursionError:', e)


def outer(a, *, b):
    def inner():
        return a + b
    return inner()


print(outer(1, b=2))


def raiser(x, y):
    raise ValueError(x + y)


def catch():
    try:
        return raiser(1, y=2)
    except ValueError as e:
        return 'caught', e


print(catch())
raiser(1, y=2)
