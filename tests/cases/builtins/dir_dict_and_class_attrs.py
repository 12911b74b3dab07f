# object.__dir__ takes names from obj.__dict__ and obj.__class__, looked up as attributes.
class F:
    def a(self):
        pass
F.a.known_attr = 7
m = F().a
print('known_attr' in dir(m), m.__dict__, '__func__' in dir(m))

class FakeDict:
    @property
    def __dict__(self):
        return {"virtual": 1, "other": 2}
print([n for n in dir(FakeDict()) if not n.startswith("__")])

class NotADict:
    __dict__ = property(lambda self: ["x"])
print([n for n in dir(NotADict()) if not n.startswith("__")])

class Other:
    def other_method(self):
        pass
class Masq:
    __class__ = Other
    def own(self):
        pass
print([n for n in dir(Masq()) if not n.startswith("__")])

class Broken:
    @property
    def __dict__(self):
        raise KeyError("no dict")
try:
    dir(Broken())
except KeyError as e:
    print(type(e).__name__, e)

class NoDict:
    @property
    def __dict__(self):
        raise AttributeError("none")
    def meth(self):
        pass
print([n for n in dir(NoDict()) if not n.startswith("__")])
dir(Broken())
