class P:
    def __init__(self): self.a = 1
p = P()
print(sorted(k for k in dir(p) if not k.startswith("__")), p.__dict__)
print(object.__eq__(p, p), object.__eq__(p, 1), object.__ne__(p, 1))
print(P.__init__ is not object.__init__, p.__reduce_ex__ is not None)
print(object.__lt__(p, p), object.__str__(p) == object.__repr__(p))
print(issubclass(P, object), object.__bases__, type.__mro__)
