def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for s in ["x = 1 +", "x = (1, 2", "x = [1, 2)", "x = }", "a b", "1 = x", "x = $", "print 'hello'", "def f(:\n    pass", "x = 'unterminated", 'x = """never closed', "x = 0777", "x = 1_", "x = 1__0", "x = 0b102", "x = 1e", "x = 5 5"]:
    check(s)
