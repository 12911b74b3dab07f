# Frame objects are the frames themselves: the same object each time, and f_lineno
# follows the running frame.
import sys

def probe():
    f = sys._getframe()
    first = f.f_lineno
    again = sys._getframe()
    second = f.f_lineno
    back1 = sys._getframe(1)
    back2 = f.f_back
    return first, second, f is again, back1 is back2, back1.f_lineno

def caller():
    r = probe()
    return r
print(caller())

kept = []
def remember():
    kept.append(sys._getframe())
    x = 1
    return x
remember()
print(kept[0].f_code.co_name, kept[0].f_back.f_code.co_name)

def gen():
    yield 1
    yield 2

g = gen()
print(g.gi_frame.f_lineno)
fr = g.gi_frame
next(g)
print(fr is g.gi_frame, fr.f_lineno, g.gi_frame.f_lineno)
next(g)
print(fr.f_lineno)
next(g, None)
print(g.gi_frame)

def outer_line():
    return inner_line()
def inner_line():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name
print(outer_line())
