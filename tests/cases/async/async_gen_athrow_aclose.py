async def ag():
    try:
        yield 1
        yield 2
    finally:
        print("ag cleanup")
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def main():
    g = ag()
    print(await g.asend(None))
    try:
        await g.athrow(ValueError("thrown"))
    except ValueError as e:
        print("athrow propagated", e)
    g2 = ag()
    await g2.__anext__()
    await g2.aclose()
    print("closed")
run(main())
