# Class attributes read through the class and through instances at the same site,
# while the class changes and instances shadow them: every read sees the current value.
class Strength:
    REQUIRED = "req"
    kind = "base"

class Weak(Strength):
    kind = "weak"

def read_class(c):
    return c.REQUIRED

def read_kind(o):
    return o.kind

out = []
for i in range(6):
    out.append(read_class(Strength))
    if i == 2:
        Strength.REQUIRED = "changed"
    if i == 4:
        del Strength.REQUIRED
        Strength.REQUIRED = "back"
print(out)
print([read_class(c) for c in (Strength, Weak, Strength)])

objs = [Strength(), Weak(), Strength()]
print([read_kind(o) for o in objs])
objs[2].kind = "own"
print([read_kind(o) for o in objs])
Weak.kind = "weaker"
print([read_kind(o) for o in objs])
del objs[2].kind
print([read_kind(o) for o in objs])

class Meta(type):
    def __getattribute__(cls, name):
        if name == "REQUIRED":
            return "from meta"
        return super().__getattribute__(name)

class Odd(metaclass=Meta):
    REQUIRED = "plain"

print([read_class(c) for c in (Strength, Odd, Strength, Odd)])
try:
    read_class(int)
except AttributeError as e:
    print("AttributeError:", e)
