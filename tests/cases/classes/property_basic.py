class Temp:
    def __init__(self): self._c = 0
    @property
    def c(self):
        "celsius"
        return self._c
    @c.setter
    def c(self, v):
        if v < -273: raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self):
        print("deleting"); self._c = None
    ro = property(lambda self: "readonly")
t = Temp()
t.c = 25
print(t.c, Temp.c.__doc__, type(Temp.c).__name__)
try:
    t.c = -300
except ValueError as e:
    print(type(e).__name__, e)
del t.c
print(t.c)
for op in (lambda: setattr(t, "ro", 1), lambda: delattr(t, "ro")):
    try:
        op()
    except AttributeError as e:
        print(type(e).__name__, e)
