class R:
    def __repr__(self): return "R!"
class Bad:
    def __repr__(self): return 5
class BadStr:
    def __str__(self): return b"x"
print(str(R()), f"{R()}", "%s" % R(), object.__str__(R()))
print(object.__str__(Bad()))
for f in (lambda: str(Bad()), lambda: repr(Bad()), lambda: str(BadStr()), lambda: "%s" % Bad(), lambda: f"{Bad()}", lambda: format(Bad())):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(Bad())
