def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for s in ["if True:\npass", "  x = 1", "def f():\n    x = 1\n      y = 2", "if x:\n    a\n  b", "for i in y:\n\tif i:\n        pass\n\t  x", "class C:\n", "while 1:\n# comment only\n", "try:\n    x\nexcept:\npass"]:
    check(s)
