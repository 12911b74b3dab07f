def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for src, mode in (("1 + 1", "eval"), ("x = 1", "eval"), ("x = 1\ny = 2", "single"), ("x = 1", "single"), ("1 +", "exec"), ("", "exec"), ("", "eval"), ("if x:\n    pass\n", "single"), ("lambda: (yield)", "eval")):
    try:
        c = compile(src, "m", mode)
        print("OK", repr(src), mode, type(c).__name__)
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, repr(e.text))
try:
    compile("x", "m", "exec", flags=0, dont_inherit=True, optimize=-1)
    print("kwargs ok")
    compile(b"x = 1", "m", "exec")
    print("bytes ok")
    compile("x\0", "m", "exec")
except (SyntaxError, ValueError) as e:
    print(type(e).__name__, e)
