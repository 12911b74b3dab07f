# `(*x)` is never a valid expression; starred expressions elsewhere.
def check(src, mode="exec"):
    try:
        compile(src, "<case>", mode)
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for src in ["(*x),y = 1, 2", "(((*x))),y = 1, 2", "z,(*x) = 1, 2", "((*x),y) = 1, 2", "x = *a", "(*x)",
            "print((*x))", "del *a", "del (*a)", "for (*x) in y: pass", "f(**x, *y)", "*a", "x = [(*a)]",
            "a = (*x) + 1", "with (*x): pass", "def f():\n    return (*x)", "(*x) += 1", "x: *int = 1",
            "[*x for x in y]", "{**x for x in y}", "lambda: *x", "*a, = [1]", "[*a] = [1]"]:
    check(src)
