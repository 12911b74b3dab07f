# A comparison method that fails to bind (a property raising) counts as
# NotImplemented, as CPython's slot_tp_richcompare; errors of the call propagate.
def booh(self):
    raise AttributeError("booh")

class E:
    __eq__ = property(booh)
    __lt__ = property(booh)
print(E() == E(), E() != E())
e = E()
print(e == e)
try:
    E() < E()
except TypeError as x:
    print(type(x).__name__, x)

class K:
    @property
    def __eq__(self):
        raise KeyError("k")
print(K() == 1)

class Callable:
    def __call__(self, other):
        return "called"
class W:
    __eq__ = Callable()
print(W() == 1)

class R:
    def __eq__(self, other):
        raise ValueError("from the call")
try:
    R() == 1
except ValueError as x:
    print(type(x).__name__, x)
class G:
    @property
    def __eq__(self):
        return lambda other: "bound"
print(G() == 0)
R() == 2
