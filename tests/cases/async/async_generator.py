async def agen(n):
    for i in range(n):
        yield i * i
    print("agen exhausted")
async def consume():
    out = []
    async for v in agen(4):
        out.append(v)
    return out
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(consume()))
g = agen(2)
print(type(g).__name__, type(g.__anext__()).__name__ if False else "anext")
async def manual():
    it = agen(2)
    print(await it.__anext__(), await anext(it))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    print(await anext(agen(0), "default"))
run(manual())
