# Async generator awaitables: the first send of __anext__/asend, reuse messages of
# asend vs athrow/aclose, anext(it, default) over an __anext__ that is a coroutine,
# a plain generator (refused) or an iterator (refused).
import asyncio


async def gen():
    x = yield 1
    print("  got", x)
    yield 2


def step(aw, v=None):
    try:
        return aw.send(v)
    except StopIteration as e:
        return ("StopIteration", e.value)
    except BaseException as e:
        return (type(e).__name__, str(e))


print(step(gen().__anext__(), 100))
print(step(gen().asend(5)))
g = gen()
print(step(g.__anext__()))
print(step(g.asend("sent")))
aw = g.aclose()
print(step(aw), step(aw))
g = gen()
aw = g.__anext__()
print(step(aw), step(aw))
g = gen()
step(g.__anext__())
aw = g.athrow(ValueError("v"))
print(step(aw), step(aw))


class CoroAnext:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        return self.n


class GenAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        yield


class IterAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return iter("abc")


async def main():
    it = CoroAnext()
    print([await anext(it, "default") for _ in range(4)])
    for cls in (GenAnext, IterAnext):
        for args in ((cls(), "default"), (cls(),)):
            try:
                await anext(*args)
            except TypeError as e:
                print(cls.__name__, len(args), "TypeError:", e)


asyncio.run(main())
