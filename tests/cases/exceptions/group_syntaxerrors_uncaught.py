import sys
e = ValueError("v")
e.__notes__ = 5
class M(type):
    @property
    def __module__(cls): return 7
class Q(Exception, metaclass=M): pass
try:
    raise Q("q")
except Q as q:
    qq = q
s = SyntaxError("m", ("fn", 2, 30, "  abc\n  def\n", 2, 40))
s2 = SyntaxError("m2")
s3 = SyntaxError("m3", (None, 1, None, None, None, None))
s4 = SyntaxError("m4", ("x", None, 1, "t", 1, 1))
raise ExceptionGroup("g", [e, qq, s, s2, s3, s4, SyntaxError(None, ("a", 1, 1, "x", 1, 1)), SyntaxError(""), ValueError(None)])
