def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for s in ["if x:\n\tpass\n        pass", "if x:\n        a\n\tb", "x = [1,\n2,\n3]", "x = 1 + \\\n", "x = 'a\\\nb'", "x = (1 +\n", "def f():\n\tif x:\n\t\treturn 1\n\treturn 2", "\n\n\nx = )"]:
    check(s)
