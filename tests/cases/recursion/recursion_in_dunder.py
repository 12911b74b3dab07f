class Loop:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Loop().a
except RecursionError as e:
    print(type(e).__name__, e)
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print(type(e).__name__, e)
l = [1]
l.append(l)
print(l, str(l))
d = {}
d[1] = d
print(d)
