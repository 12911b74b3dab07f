# A finished coroutine refuses send and throw ("cannot reuse already awaited
# coroutine"), close() stays silent; a finished generator re-raises what is thrown.
# 'async for' over an __anext__ whose awaitable fails chains the failure as __cause__.
import types


async def coroutine():
    return "spam"


c = coroutine()
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
for op in (lambda: c.send(None), lambda: c.throw(Exception("wat")), lambda: c.throw(ValueError)):
    try:
        op()
    except RuntimeError as e:
        print("RuntimeError:", e)
print(c.close())


@types.coroutine
def nop():
    yield


async def send():
    await nop()
    return "spam"


async def read(coro):
    await nop()
    return await coro


spammer = send()
reader = read(spammer)
reader.send(None)
reader.send(None)
try:
    reader.throw(Exception("ham"))
except Exception as e:
    print(type(e).__name__, e)
reader = read(spammer)
reader.send(None)
for op in (lambda: reader.send(None), lambda: reader.throw(Exception("wat"))):
    try:
        op()
    except RuntimeError as e:
        print("RuntimeError:", e)

w = coroutine().__await__()
try:
    next(w)
except StopIteration as e:
    print("wrapper done", e.value)
try:
    w.throw(Exception("wat"))
except RuntimeError as e:
    print("RuntimeError:", e)


def g():
    yield 1


x = g()
list(x)
try:
    x.throw(KeyError("k"))
except KeyError as e:
    print("generator re-raises", repr(e))


class F:
    def __aiter__(self):
        return self

    def __anext__(self):
        return self

    def __await__(self):
        1 / 0


async def main():
    async for _ in F():
        pass


try:
    main().send(None)
except TypeError as e:
    print("TypeError:", e, "| cause:", repr(e.__cause__), e.__suppress_context__)
