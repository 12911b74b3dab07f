class Rec:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        if name == "keep":
            raise AttributeError("cannot delete keep")
        object.__delattr__(self, name)
r = Rec()
r.a = 1
r.keep = 2
print(r.a, r.keep)
del r.a
try:
    del r.keep
except AttributeError as e:
    print(type(e).__name__, e)
setattr(r, "b", 5)
print(vars(r))
class Frozen:
    __slots__ = ()
try:
    object.__setattr__(Frozen(), "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
