class Sleep:
    def __init__(self, tag): self.tag = tag
    def __await__(self):
        got = yield ("suspend", self.tag)
        return "resumed with %s" % got
async def task():
    a = await Sleep("first")
    print(a)
    b = await Sleep("second")
    print(b)
    return "done"
c = task()
print(c.send(None))
print(c.send("X"))
try:
    c.send("Y")
except StopIteration as e:
    print("finished", e.value)
