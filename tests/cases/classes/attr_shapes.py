# Instance attributes through inline caches: instances whose dicts share a key
# order, differ in order, lose keys, get a new __dict__, or shadow methods.
class P:
    def __init__(self, x, y, order=True):
        if order:
            self.x = x
            self.y = y
        else:
            self.y = y
            self.x = x

    def total(self):
        return self.x + self.y

    def kind(self):
        return "method"


def read(objs):
    return [(o.x, o.y, o.total(), o.kind()) for o in objs]


objs = [P(i, i * 10, order=i % 3 != 0) for i in range(9)]
print(read(objs))
print([list(vars(o)) for o in objs[:4]])

# deleting and re-adding changes the position of a key
o = objs[1]
del o.x
try:
    o.total()
except AttributeError as e:
    print("AttributeError:", e)
o.x = 100
print(list(vars(o)), read(objs)[1])

# an instance attribute shadowing a method, then removed again
o.kind = lambda: "instance"
print([p.kind() for p in objs[:3]])
del o.kind
print([p.kind() for p in objs[:3]])

# replacing __dict__ wholesale
q = objs[2]
q.__dict__ = {"y": 7, "x": 3, "z": 1}
print(read([q]), q.z)
q.__dict__ = {}
try:
    print(q.x)
except AttributeError as e:
    print("AttributeError:", e)

# a store into a shared shape must not leak into other instances
a, b = P(1, 2), P(3, 4)
for i in range(5):
    a.extra = i
print(a.extra, hasattr(b, "extra"), list(vars(a)), list(vars(b)))

# many attributes (past any shape limit) and a stores loop
class Many:
    pass

m = Many()
for i in range(80):
    setattr(m, f"a{i}", i)
s = 0
for i in range(80):
    s += getattr(m, f"a{i}")
print(s, len(vars(m)))

# class attributes changed after the caches were filled
class C:
    v = 1
    def get(self):
        return self.v

cs = [C() for _ in range(3)]
print([c.get() for c in cs])
C.v = 2
print([c.get() for c in cs])
cs[0].v = 5
print([c.get() for c in cs])
C.get = lambda self: -self.v
print([c.get() for c in cs])

# the same name added to dicts of different earlier shapes
class D:
    pass

ds = []
for i in range(6):
    d = D()
    if i % 2:
        d.a = i
    d.b = i * 2
    ds.append(d)
print([(getattr(d, "a", None), d.b) for d in ds])
print([sorted(vars(d).items()) for d in ds])
