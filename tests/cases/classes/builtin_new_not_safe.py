# T.__new__(cls) for a builtin T: cls must be a subtype of T whose first builtin
# class along __base__ has T's __new__ ("int.__new__(bool) is not safe").
from collections import OrderedDict


class I(int):
    pass


class J(I):
    def __new__(cls, *a):
        return int.__new__(cls, *a)


class E(ValueError):
    pass


class D(OrderedDict):
    pass


for call in ["int.__new__(bool, 0)", "int.__new__(str)", "int.__new__(1)", "float.__new__(bool)",
             "int.__new__(I, 5)", "type(int.__new__(J, 5)).__name__", "type(J(7)).__name__",
             "BaseException.__new__(E, 'x')", "BaseException.__new__(OSError)", "tuple.__new__(tuple, [1])",
             "dict.__new__(D)", "type(object.__new__(I))", "int.__new__()"]:
    try:
        print(call, "->", repr(eval(call)))
    except TypeError as e:
        print(call, "-> TypeError:", e)
