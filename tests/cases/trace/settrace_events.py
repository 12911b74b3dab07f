import sys

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name == 'tracer':
        return
    a = arg
    if event == 'exception':
        a = (a[0].__name__, str(a[1]), type(a[2]).__name__)
    elif event in ("return", "call"):
        a = repr(a)
    print(event, name, frame.f_lineno - frame.f_code.co_firstlineno, a)
    return tracer

def add(a, b):
    c = a + b
    return c

def loop(n):
    t = 0
    for i in range(n):
        t += i
    while n > 0:
        n -= 1
    return t

def gen(n):
    for i in range(n):
        x = yield i
    return 'done'

def raiser():
    try:
        1 / 0
    except ZeroDivisionError:
        pass
    raise KeyError('k')

def caller():
    try:
        raiser()
    except KeyError as e:
        return 'caught'

def withs():
    class CM:
        def __enter__(self): return 42
        def __exit__(self, *a): return False
    with CM() as c:
        y = 1
    return y

def comp(n):
    return [i * 2 for i in range(n)]

sys.settrace(tracer)
add(1, 2)
loop(2)
print(list(gen(2)))
g = gen(1); next(g); 
try:
    g.send(5)
except StopIteration as e:
    print('stop', e.value)
print(caller())
withs()
comp(2)
f = lambda x: x + 1
f(1)
sys.settrace(None)
print(sys.gettrace())
