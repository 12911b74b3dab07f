def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for s in ["x = 1;", "if x: pass\nelif y: pass\nelse: pass", "x = (\n  1 +\n  2\n)", "x = 1 \\\n + 2", "def f(a, /, b, *, c): pass", "lambda *, k: k", "x = [*a, *b]", "print(*a, **b, sep='')", "with (a as b, c as d): pass", "match x:\n    case _: pass", "try:\n    pass\nexcept* ValueError:\n    pass", "x: int", "async def f():\n    async with a as b, c: pass\n    return [x async for x in y]", "@a.b[c](d)\ndef f(): pass", "x = y = z = 1", "del (a), [b], c.d, e[0]", "global x\nx = 1", "f'{x!r:>{w}}'", "type = 1\nmatch = 2\ncase = 3", "0_0", "0x_f", "1_0e1_0j", "if (n := 10) > 5: pass"]:
    check(s)
