class NoArgs(Exception): pass
print(repr(str(NoArgs())), repr(NoArgs()))
class Bad(Exception):
    def __str__(self): raise RuntimeError("broken __str__")
try:
    str(Bad())
except RuntimeError as e:
    print(type(e).__name__, e)
print(repr(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
print(str(UnicodeEncodeError("ascii", "é", 0, 1, "ordinal not in range(128)")))
print(KeyError("a\nb"), repr(KeyError("quote'")), str(IndexError("idx")))
