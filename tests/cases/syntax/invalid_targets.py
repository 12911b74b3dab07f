def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for s in ["f() = 1", "1 + 2 = x", "None = 1", "True = 0", "x + 1 += 2", "(a, b) += 1", "[a, 1] = x", "del f()", "del 1", "for 1 in x: pass", "with a as 1: pass", "lambda: 1 = x", "a, *b, *c = d", "*a = b", "__debug__ = 1", "def f(__debug__): pass", "x.y: int = 1 = 2", "f(x for x in y, 1)"]:
    check(s)
