# An unreachable suspended async generator goes to the loop's finalizer hook, which
# schedules its aclose().
import asyncio, gc
async def ticker():
    try:
        for i in range(10):
            yield i
    finally:
        print("ticker closed")
async def main():
    g = ticker()
    async for x in g:
        if x == 2:
            break
    del g
    gc.collect()
    print("collected")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("end")
asyncio.run(main())
