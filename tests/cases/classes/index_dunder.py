class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
l = list(range(10))
print(l[I(3)], l[I(1):I(4)], hex(I(255)), bin(I(5)), oct(I(8)), "ab" * I(2), range(I(3)))
print(int.__index__(5), operator_free := (I(2).__index__()))
class BadIdx:
    def __index__(self): return "x"
for f in (lambda: l[BadIdx()], lambda: l[1.5], lambda: hex(1.5)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
