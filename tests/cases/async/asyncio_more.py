# asyncio: an async generator left suspended is closed by the loop's shutdown
# (firstiter hook + WeakSet), locks, events, timeouts, cancellation.
import asyncio


async def ticker():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("ticker closed")


async def waiter(ev, log):
    log.append("waiting")
    await ev.wait()
    log.append("woken")


async def locked(lock, name, log):
    async with lock:
        log.append(name + " in")
        await asyncio.sleep(0)
        log.append(name + " out")


async def forever():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("cancelled inside")
        raise


async def main():
    g = ticker()
    async for x in g:
        if x == 2:
            break
    print("broke at", x)
    log = []
    ev = asyncio.Event()
    t = asyncio.create_task(waiter(ev, log))
    await asyncio.sleep(0)
    ev.set()
    await t
    lock = asyncio.Lock()
    await asyncio.gather(locked(lock, "a", log), locked(lock, "b", log))
    print(log)
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled", t.cancelled())
    try:
        await asyncio.wait_for(asyncio.sleep(100), timeout=0.01)
    except asyncio.TimeoutError:
        print("timeout")
    await asyncio.sleep(0.01)
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 42)
    print(await fut)
    sem = asyncio.Semaphore(2)
    async with sem:
        print("sem", sem.locked())
    print("end of main")


asyncio.run(main())
print("after run")
