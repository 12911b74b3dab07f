# Non-printable and invalid characters are tokenizer errors (they win over an
# earlier parser error); `del x += 1` is plain invalid syntax.
def check(src, mode="exec"):
    try:
        compile(src, "<case>", mode)
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for src in ['print\x17("Hello")', 'x = 1\x01', 'a\x7f = 1', 'x = \u00a0 1', 'x = 1 \u200b', 'x = \x1b',
            b"with(0,,):\n\x01", 'x = "\x01"', '# \x01\nx = 1', 'x = $', 'x = 1 ?', 'x = \u20ac',
            'del a += b', 'del a, b += 1', 'a, b += 1']:
    check(src)
