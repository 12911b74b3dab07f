# compile(..., flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT): await, async for/with and async
# comprehensions at module level make a coroutine code object, run by eval or as
# a function.
import ast, asyncio, types
from textwrap import dedent
CO_COROUTINE = 0x80

async def arange(n):
    for i in range(n):
        yield i

samples = [
    'a = await asyncio.sleep(0, result=1)',
    'async for i in arange(1):\n    a = 1',
    'async with asyncio.Lock() as l:\n    a = 1',
    'a = [x async for x in arange(2)][1]',
    'a = 1 in {x async for x in arange(2)}',
    'a = {x:1 async for x in arange(1)}[0]',
    'a = [x async for x in arange(2) async for x in arange(2)][1]',
    'a = [x async for x in (x async for x in arange(5))][1]',
    'a, = [1 for x in {x async for x in arange(1)}]',
    'a = [await asyncio.sleep(0, x) async for x in arange(2)][1]',
]
for mode in ('single', 'exec'):
    for src in samples:
        try:
            compile(src, '?', mode)
            print('compiled without the flag?!', src)
        except SyntaxError as e:
            pass
        co = compile(src, '?', mode, flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        assert co.co_flags & CO_COROUTINE, src
        g = {'asyncio': asyncio, 'a': 0, 'arange': arange}
        asyncio.run(types.FunctionType(co, g)())
        g2 = {'asyncio': asyncio, 'a': 0, 'arange': arange}
        asyncio.run(eval(co, g2))
        print(mode, repr(src[:30]), g['a'], g2['a'])
co = compile('x = 1', '?', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(bool(co.co_flags & CO_COROUTINE))
for src in ['def f():  await arange(10)\n', 'def f():  [x async for x in arange(10)]\n', 'def f():\n  async for i in arange(1):\n    a = 1\n', 'lambda: await x', 'class A:\n  await x']:
    try:
        compile(src, '?', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        print('ok?', repr(src))
    except SyntaxError as e:
        print('SyntaxError', e.msg)
tree = ast.parse('a = await asyncio.sleep(0, result=5)', mode='exec')
co = compile(tree, '?', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
g = {'asyncio': asyncio}
asyncio.run(eval(co, g))
print(g['a'])
coro = eval(compile('await asyncio.sleep(0, 7)', '?', 'eval', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT), {'asyncio': asyncio})
print(type(coro).__name__, coro.__name__, coro.__qualname__, asyncio.run(coro))
