async def boom():
    raise ValueError("inside coroutine")
c = boom()
try:
    c.send(None)
except ValueError as e:
    print(type(e).__name__, e)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
async def f(): return 1
c2 = f()
try:
    c2.send("not none")
except TypeError as e:
    print(type(e).__name__, e)
c2.close()
class NotAwaitable: pass
async def bad():
    await NotAwaitable()
try:
    bad().send(None)
except TypeError as e:
    print(type(e).__name__, e)
async def g():
    async with object():
        pass
try:
    g().send(None)
except TypeError as e:
    print(type(e).__name__, e)
