# `await f(...)` of a coroutine function: the coroutine is awaited at once.
import sys, types


class Suspend:
    """An awaitable that suspends the whole await chain once."""
    def __await__(self):
        got = yield "suspended"
        return got


async def leaf(x, y=10):
    frame = sys._getframe()
    print("leaf running", x, y, frame.f_code.co_name, frame.f_back.f_code.co_name)
    return x + y


async def suspends(x):
    got = await Suspend()
    return (x, got)


async def raises(x):
    raise ValueError(f"bad {x}")


class C:
    def __init__(self, k):
        self.k = k

    async def meth(self, v):
        return self.k * v

    async def deep(self, n):
        if n == 0:
            return 0
        return 1 + await self.deep(n - 1)


def make_closure(base):
    async def inner(v):
        return base + v
    return inner


async def agen():
    yield 1


@types.coroutine
def gen_based():
    v = yield "from gen-based"
    return v


async def main():
    print(await leaf(1))
    print(await leaf(1, 2))
    print(await leaf(x=5))
    c = C(3)
    print(await c.meth(4))
    m = c.meth
    print(await m(5))
    print(await make_closure(100)(1))
    print(await suspends(7))
    try:
        await raises(
            "multi-line"
        )
    except ValueError as e:
        tb = e.__traceback__
        lines = []
        while tb:
            lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno - tb.tb_frame.f_code.co_firstlineno))
            tb = tb.tb_next
        print("caught", e, lines)
    try:
        await agen()
    except TypeError as e:
        print("TypeError:", e)
    print(await gen_based())
    print(await c.deep(50))
    return "done"


def drive(coro):
    sent = None
    while True:
        try:
            y = coro.send(sent)
        except StopIteration as s:
            return s.value
        print("yielded", y)
        sent = "resumed"


print(drive(main()))


async def recurse(n):
    return await recurse(n + 1)

try:
    drive(recurse(0))
except RecursionError as e:
    print("RecursionError:", e)


async def running_state():
    async def probe(outer):
        return outer.cr_running, outer.cr_await
    co = holder[0]
    r = await probe(co)
    return r

holder = []
co = running_state()
holder.append(co)
print(drive(co))


async def uncaught():
    await raises("at top")

drive(uncaught())
