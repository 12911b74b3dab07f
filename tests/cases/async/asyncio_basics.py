# asyncio.run with sleep(0), gather, create_task, async generators, async with, queues.
import asyncio


async def worker(name, n, log):
    for i in range(n):
        log.append((name, i))
        await asyncio.sleep(0)
    return name * n


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i


class Resource:
    def __init__(self, log):
        self.log = log

    async def __aenter__(self):
        self.log.append("enter")
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, *exc):
        self.log.append(("exit", exc[0].__name__ if exc[0] else None))
        return True


async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)


async def consumer(q, out):
    while (item := await q.get()) is not None:
        out.append(item)
        q.task_done()
    q.task_done()


async def fail():
    await asyncio.sleep(0)
    return 1 / 0


async def main():
    log = []
    results = await asyncio.gather(worker("a", 3, log), worker("b", 2, log))
    print(results)
    print(log)
    t = asyncio.create_task(worker("c", 2, log))
    print(t.done())
    print(await t, t.done(), t.result())
    print([x async for x in agen(5)])
    async with Resource(log) as r:
        print(type(r).__name__)
        raise KeyError("swallowed")
    print(log[-2:])
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 5), consumer(q, out))
    await q.join()
    print(out, q.empty())
    try:
        await asyncio.gather(worker("d", 1, log), fail())
    except ZeroDivisionError as e:
        print("gather error:", e)
    r = await asyncio.gather(worker("e", 1, log), asyncio.sleep(0, "x"), fail(), return_exceptions=True)
    print(r)
    print(await asyncio.wait_for(worker("f", 2, log), timeout=10))
    return "done"


print(asyncio.run(main()))
