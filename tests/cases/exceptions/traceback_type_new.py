# traceback objects: the TracebackType constructor and tb_frame identity.
import sys

def get_tb():
    try:
        raise OSError("x")
    except OSError as e:
        return e.__traceback__

def raiser():
    raise ValueError

TB = type(get_tb())
print(TB.__name__, TB.__module__)
f = sys._getframe()
tb0 = get_tb()
print(tb0.tb_frame.f_code.co_name, tb0.tb_lineno, tb0.tb_next)

try:
    raiser()
except ValueError as exc:
    tb = exc.__traceback__
print(tb.tb_frame is sys._getframe(), tb.tb_frame is f)
print(tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_next)
print(tb.tb_lineno, tb.tb_next.tb_lineno, isinstance(tb.tb_lasti, int))

def inner():
    me = sys._getframe()
    try:
        1 / 0
    except ZeroDivisionError as e:
        return me, e.__traceback__
me, t = inner()
print(t.tb_frame is me, t.tb_frame.f_code.co_name)

cases = [
    ((), {}), ((None,), {}), ((None, f, 1, 2, 5), {}), (("no", f, 1, 2), {}), ((tb0, "no", 1, 2), {}),
    ((tb0, f, "no", 2), {}), ((tb0, f, 1, "nuh"), {}), ((tb0, f, 1.5, 2), {}), ((tb0, f, 2**40, 2), {}),
    ((None, f), {"tb_lasti": 3, "tb_lineno": 4}),
    ((), {"tb_next": None, "tb_frame": f, "tb_lasti": 0, "tb_lineno": -7}),
    ((None, f, 1, 2), {"tb_lasti": 3}), ((None, f, 1, 2), {"bogus": 3}),
    ((tb0, f, True, 2), {}),
]
for args, kw in cases:
    try:
        t = TB(*args, **kw)
        print(t.tb_next is tb0, t.tb_frame is f, t.tb_lasti, t.tb_lineno)
    except Exception as e:
        print(type(e).__name__, e)

t = TB(tb0, f, 1, 2)
print(t.tb_next is tb0, t.tb_frame is f, t.tb_lasti, t.tb_lineno)
try:
    tb0.tb_next = t
except ValueError as e:
    print(type(e).__name__, e)
try:
    class Sub(TB): pass
except TypeError as e:
    print(type(e).__name__, e)

# A made-up traceback is printed like a real one.
e = KeyError("made up")
raise e.with_traceback(TB(None, f, 0, 12))
