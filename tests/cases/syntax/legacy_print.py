# Python 2 print/exec statements: the message covers the name and the longest
# expression the rest starts with; without one it is plain invalid syntax.
# Numbers followed by a non-ASCII character report the character.
def check(src, mode="exec"):
    try:
        compile(src, "<case>", mode)
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for src in ['print {1:(foo.)}', 'print {1:2}', 'print (foo.)', 'print foo.', 'exec {1:(foo.)}', 'print x',
            'print "x" % (a.)', 'if 1: print {1:(foo.)}', 'if 1:\n    exec {1:(foo.)}', 'print a, b', 'print x; y = 1',
            '0xf\u20447', '0o7\u20447', '0b1\u20447', '1\u20447', '1.5\u20447', '1e5\u20447', '1j\u20447', '0xfg', '1\u00e9', 'x = 1.5\u00e9']:
    check(src)
