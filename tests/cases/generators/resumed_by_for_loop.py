# Generators resumed by a for loop or `yield from`/`await` in the caller's frame:
# frames, tracebacks, running state and the end of the generator as CPython has them.
import sys, traceback

def counting(n):
    for i in range(n):
        yield i
    return "done"

print([x for x in counting(3)])
total = 0
for x in counting(5):
    total += x
print(total)

def who_resumes():
    f = sys._getframe()
    yield f.f_back.f_code.co_name
    yield f.f_back.f_code.co_name

def caller():
    return [name for name in who_resumes()]

print(caller())
for name in who_resumes():
    print("for:", name)

def running_state():
    g = me[0]
    yield g.gi_running
    try:
        next(g)
    except ValueError as e:
        yield str(e)

me = [None]
me[0] = running_state()
for v in me[0]:
    print("running:", v)
print(me[0].gi_running, me[0].gi_suspended, me[0].gi_frame)

def raises_inside():
    yield 1
    raise KeyError("inside")

try:
    for v in raises_inside():
        print("got", v)
except KeyError as e:
    print("caught", repr(e))
    tb = traceback.extract_tb(e.__traceback__)
    print([(fr.name, fr.line) for fr in tb])

def stops_inside():
    yield 1
    raise StopIteration("x")

try:
    for v in stops_inside():
        print("got", v)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

def inner():
    x = yield 1
    print("inner got", x)
    yield 2
    return "inner result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3

print(list(outer()))
g = outer()
print(next(g), g.send("sent"), next(g))
print(g.gi_yieldfrom)

def deep(n):
    if n == 0:
        yield "bottom"
        return
    yield from deep(n - 1)

print(list(deep(50)))

def closing():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")

g = closing()
for v in g:
    print("v", v)
    break
g.close()
print("after close")

def handled():
    try:
        raise ValueError("a")
    except ValueError:
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

print(list(handled()))
try:
    raise TypeError("outer")
except TypeError:
    for v in handled():
        print("handled:", v)
    print(sys.exc_info()[0].__name__)

# Exhausted and re-iterated generators.
g = counting(2)
print(list(g), list(g))
for v in g:
    print("never")

def gen_with_default(a, b=10, *, c=None):
    yield a + b

print(list(gen_with_default(1)), list(gen_with_default(1, 2)), list(gen_with_default(1, c=3)))
try:
    gen_with_default()
except TypeError as e:
    print(e)
