async def double(x): return x * 2
async def main():
    vals = [await double(i) for i in range(3)]
    gen = (await double(i) for i in range(2))
    print(type(gen).__name__)
    more = [v async for v in gen]
    return vals, more
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
