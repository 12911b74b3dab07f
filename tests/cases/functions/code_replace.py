# code.replace(): flags, names, file and first line; bytecode-shaping fields only unchanged.
def f(a, b=2):
    return a + b
c = f.__code__
c2 = c.replace(co_name="g", co_qualname="Q.g", co_filename="other.py", co_firstlineno=10)
print(c2.co_name, c2.co_qualname, c2.co_filename, c2.co_firstlineno, c2 is not c, c.co_name)
f.__code__ = c2
print(f(1), f.__code__.co_name)
c3 = c.replace(co_code=c.co_code, co_consts=c.co_consts, co_varnames=c.co_varnames, co_argcount=2)
print(c3.co_varnames, c3.co_argcount)
import types
@types.coroutine
def sleep0():
    yield
print(bool(sleep0.__code__.co_flags & 0x100))
async def main():
    await sleep0()
    return "awaited"
co = main()
try:
    co.send(None)
    co.send(None)
except StopIteration as e:
    print(e.value)
for kw in ({"co_name": 1}, {"co_bogus": 1}, {"co_flags": "x"}):
    try:
        c.replace(**kw)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    c.replace(1)
except TypeError as e:
    print(type(e).__name__, e)
