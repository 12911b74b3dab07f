class ACM:
    async def __aenter__(self):
        print("aenter")
        return "resource"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None)
        return True
async def main():
    async with ACM() as r:
        print("using", r)
    async with ACM():
        raise ValueError("suppressed by aexit")
    return "ok"
def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
print(run(main()))
