# A __slots__ class over a builtin layout (dict, list, set) has no __dict__: once a
# slot is set, other attributes are still refused.
class D(dict):
    __slots__ = ["default"]

    def __init__(self, default=None):
        dict.__init__(self)
        self.default = default


class L(list):
    __slots__ = ("a", "b")


class S(set):
    __slots__ = ("tag",)


class WithDict(D):
    pass


for obj in (D(0.0), L(), S()):
    for name in obj.__slots__ if not isinstance(obj, D) else ["default"]:
        setattr(obj, name, -1)
    try:
        obj.x1 = 1
        print("set x1")
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        del obj.x1
    except AttributeError as e:
        print("AttributeError:", e)
    print(hasattr(obj, "__dict__"), [getattr(obj, n) for n in (["default"] if isinstance(obj, D) else obj.__slots__)])

w = WithDict(1)
w.x1 = 5
print(w.x1, w.default, "x1" in w.__dict__)
