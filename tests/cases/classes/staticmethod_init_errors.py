# staticmethod()/classmethod() argument errors name the type.
for f in [lambda: staticmethod.__init__(1, 2), lambda: classmethod.__init__(1, 2), lambda: staticmethod(),
          lambda: classmethod(1, 2), lambda: staticmethod(f=1), lambda: classmethod(f=1),
          lambda: staticmethod.__func__.__get__(1), lambda: classmethod.__get__(1, 2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class S(staticmethod):
    pass
try:
    S()
except TypeError as e:
    print(e)
print(S(len)("abc") if False else S(len).__func__ is len)
