class C:
    def m(self, x):
        return self, x
c = C()
bm = c.m
print(bm.__self__ is c, bm.__func__ is C.m, bm(1)[1], C.m(c, 2)[1])
print(c.m == c.m, c.m is c.m, type(bm).__name__)
try:
    C.m(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    c.m()
except TypeError as e:
    print(type(e).__name__, e)
