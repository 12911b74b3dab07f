def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for s in [r"x = '\N{NO SUCH NAME}'", r"x = b'\u1234'" + " # bytes escapes ok", "x = b'é'", r"x = '\x4'", r"x = b'\x'", "x = 1.2.3", "x = 0x", "x = 0o8", "x = 09", "x = 1j2", "x = 'a' 'b' f'{c' ", "x = u'ok' U'ok' r'ok' R'ok' Rb'ok' bR'ok'", "x = ur'bad'", "x = 1if 1else 0", "x = 0 if 1else 2"]:
    check(s)
