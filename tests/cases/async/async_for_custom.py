class Ticker:
    def __init__(self, n): self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
async def main():
    res = [x async for x in Ticker(3)]
    res2 = [x async for x in Ticker(5) if x % 2]
    return res, res2
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
