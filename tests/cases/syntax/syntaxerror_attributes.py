def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
try:
    compile("x = (1,\n     2,\n  ]", "<file>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text), e.filename)
    print(str(e))
    print(e.args[0], e.args[1][:3])
e = SyntaxError("custom message", ("f.py", 3, 5, "bad line", 3, 8))
print(e, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
print(str(SyntaxError("just msg")), repr(IndentationError("i")), issubclass(TabError, IndentationError))
try:
    eval("1 +* 2")
except SyntaxError as err:
    print("eval:", err.msg, err.lineno, err.offset, repr(err.text), err.filename)
try:
    exec("def f():\n  return 1\n return 2")
except IndentationError as err:
    print(type(err).__name__, err.msg, err.lineno, repr(err.text), err.filename)
