# A line continuation that ends the input is "unexpected EOF while parsing", even
# before an earlier string-escape error; inside brackets the bracket is unclosed.
for src in ['\\', '"\\xhh" \\', 'x = 1 \\\n', 'x = 1 \\\n\n', 'x = (1 \\\n', 'if x:\n  y \\', '\\ x', 'x = 1 \\ \n']:
    try: compile(src, '<s>', 'exec')
    except SyntaxError as e: print(repr(src), repr(e.msg), e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
for src in ['x = (1 \\', '"""abc\\', '# c \\', 'x = 1\n\\', 'x = "a\\', 'f(\\']:
    try: compile(src, '<s>', 'exec'); print('ok')
    except SyntaxError as e: print(repr(src), repr(e.msg), e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
