class Data:
    def __get__(self, obj, t=None): return "data-get"
    def __set__(self, obj, v): print("data-set", v)
class NonData:
    def __get__(self, obj, t=None): return "nondata-get"
class C:
    d = Data()
    n = NonData()
c = C()
c.__dict__["d"] = "inst-d"
c.__dict__["n"] = "inst-n"
print(c.d, c.n, C.d, C.n)
c.d = 5
c.n = 6
print(c.d, c.n)
class RO:
    def __get__(self, o, t=None): return 1
    def __delete__(self, o): print("delete called")
class H:
    r = RO()
h = H()
del h.r
try:
    h.r = 3
except AttributeError as e:
    print(type(e).__name__, e)
