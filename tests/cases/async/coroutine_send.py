async def add(a, b):
    return a + b
async def main():
    r = await add(1, 2)
    print("result", r)
    return r * 10
c = main()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
