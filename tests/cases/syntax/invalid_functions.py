def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for s in ["def f(a, a): pass", "def f(a=1, b): pass", "def f(*, **k): pass", "def f(*): pass", "def f(**k, a): pass", "def f(a, /, /): pass", "def f(/, a): pass", "f(a=1, 2)", "f(**k, *a)", "f(a=1, a=2)", "lambda a, a: 0", "def f(*a, *b): pass", "def f(a, *, /): pass", "f(x=1 for x in y)", "def f(**k=1): pass", "class C(x for x in y): pass"]:
    check(s)
