# Frame objects follow their frame: f_locals is brought up to date at each read,
# a trace function's changes to it are written back, f_back of a finished frame
# is the frame it returned to.
import sys

def live():
    a = 1
    fr = sys._getframe()
    a = 2
    b = 3
    print(sorted(fr.f_locals), fr.f_locals['a'], fr.f_locals['b'], fr.f_lineno)
    d1 = locals()
    c = 4
    d2 = locals()
    print(d1 is d2, sorted(d1))
    del b
    print('b' in fr.f_locals)
    return fr

fr = live()
print(sorted(fr.f_locals))
print(fr.f_back is sys._getframe(), fr.f_lineno)

def gen():
    x = 1
    yield sys._getframe()
    x = 2
    yield 5
g = gen()
gf = next(g)
print(gf.f_locals, gf.f_back)
next(g)
print(gf.f_locals, gf.f_lineno)

def raiser():
    v = 'inner'
    raise ValueError(v)
def outer():
    w = 'outer'
    try:
        raiser()
    except ValueError as e:
        return e
e = outer()
tb = e.__traceback__
print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name)
inner = tb.tb_next.tb_frame
print(inner.f_back is tb.tb_frame, inner.f_locals, inner.f_back.f_code.co_name)

# A trace function changes a local; the frame sees it.
def tracer(frame, event, arg):
    if event == 'line' and frame.f_code.co_name == 'target' and 'n' in frame.f_locals:
        if frame.f_locals['n'] == 1:
            frame.f_locals['n'] = 100
    return tracer

def target():
    n = 1
    m = n + 1
    return n, m
sys.settrace(tracer)
print(target())
sys.settrace(None)

def clear_me():
    f = sys._getframe()
    try:
        f.clear()
    except RuntimeError as e:
        print('RuntimeError', e)
clear_me()
fr.clear()
print(fr.f_locals)
