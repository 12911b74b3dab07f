# Coroutines awaiting coroutines, driven by hand: values, exceptions and tracebacks
# through the chain, reuse errors and deep chains, as CPython has them.
import sys, traceback

async def leaf(n):
    if n < 0:
        raise ValueError(f"negative {n}")
    return n * 2

async def middle(n):
    a = await leaf(n)
    b = await leaf(n + 1)
    return a + b

async def fib(n):
    if n <= 1:
        return n
    return await fib(n - 1) + await fib(n - 2)

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("coroutine suspended")

print(run(middle(3)), run(fib(15)))

async def failing():
    return await middle(-1)

try:
    run(failing())
except ValueError as e:
    print("ValueError:", e, [fr.name for fr in traceback.extract_tb(e.__traceback__)])

async def catches():
    try:
        await leaf(-5)
    except ValueError as e:
        return "caught " + str(e)

print(run(catches()))

c = leaf(1)
async def awaits_twice():
    x = await c
    try:
        await c
    except RuntimeError as e:
        return x, str(e)
print(run(awaits_twice()))

async def deep(n):
    if n == 0:
        return sys._getframe(3).f_code.co_name
    return await deep(n - 1)
print(run(deep(100)))

async def bottomless(n):
    return await bottomless(n + 1)
try:
    run(bottomless(0))
except RecursionError as e:
    print("RecursionError:", e)

class Suspend:
    def __await__(self):
        v = yield "suspended"
        return v

async def pauses():
    got = await Suspend()
    return await middle(got)

co = pauses()
print(co.send(None), co.cr_await is not None)
try:
    co.send(5)
except StopIteration as e:
    print("result", e.value)

async def raises_stop():
    raise StopIteration("s")
try:
    run(middle_stop := raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e)
