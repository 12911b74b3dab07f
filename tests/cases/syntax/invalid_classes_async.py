def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for s in ["class C(metaclass=M, metaclass=N): pass", "class C(**k, a): pass", "class 1C: pass", "def f():\n    await x", "async def f():\n    yield from x", "async def f():\n    [x async for x in y]\ndef g():\n    [x async for x in y]", "def f():\n    async with x: pass", "async def f(): return\nawait g()", "class C:\n    nonlocal x", "def f():\n    def g():\n        nonlocal y\n    y = 1", "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x"]:
    check(s)
