def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for s in ["return 1", "yield 1", "break", "continue", "def f():\n    break", "class C:\n    return", "nonlocal x", "def f():\n    global x\n    x = 1\n    nonlocal x", "await x", "async with a: pass", "async for a in b: pass", "def f():\n    yield from x\n    return 1\nasync def g():\n    yield from x", "try:\n    pass", "else:\n    pass", "elif x: pass", "except: pass", "import", "from x import", "from . import *", "def f():\n    from x import *"]:
    check(s)
