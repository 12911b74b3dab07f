class Suspend:
    def __await__(self):
        yield "s"
async def worker():
    try:
        await Suspend()
    except KeyError as e:
        print("worker caught", repr(e))
        return "handled"
c = worker()
print(c.send(None))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("value", e.value)
c2 = worker(); c2.send(None); c2.close()
print(c2.cr_frame, c2.cr_code.co_name, c2.__name__, c2.__qualname__)
