# An async comprehension inside a list/set/dict comprehension makes that one async
# (SyntaxError outside async functions; inside a genexp it makes an async genexp).
import asyncio


async def asynciter(it):
    for x in it:
        yield x


async def main():
    gen = ([i + j async for i in asynciter([1, 2])] for j in [10, 20])
    print(type(gen).__name__)
    print([x async for x in gen])
    print([[i + j async for i in asynciter([1, 2])] for j in [10, 20]])
    print([{i + j async for i in asynciter([1, 2])} for j in [10, 20]])
    print({sum([i async for i in asynciter(range(j))]) for j in [3, 5]})
    print({j: {i: i + j async for i in asynciter([1, 2])} for j in [10, 20]})
    print([[[k async for k in asynciter(range(i))] for i in range(j)] for j in range(3)])


asyncio.run(main())

for src in ["[[i async for i in a] for a in elts]",
            "def bar():\n    [[i async for i in a] for a in elts]",
            "def bar():\n    return ([i async for i in a] for a in elts)",
            "def bar():\n    return [[[i async for i in a] for a in b] for b in c]",
            "async def bar():\n    return [[[i async for i in a] for a in b] for b in c]",
            "def bar():\n    return [([i async for i in a] for a in b) for b in c]",
            "def bar():\n    return [[i for i in a] async for a in b]"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError:", e)
