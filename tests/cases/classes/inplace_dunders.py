class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(("+=", o)); return self
    def __isub__(self, o):
        self.items.append(("-=", o)); return self
    def __imul__(self, o): return "imul-result"
    def __add__(self, o): return "plain add"
    def __ior__(self, o): return NotImplemented
    def __or__(self, o): return "fallback or"
for op in ("itruediv", "ifloordiv", "imod", "ipow", "ilshift", "irshift", "iand", "ixor", "imatmul"):
    pass
a = Acc(); b = a
a += 1; a -= 2
print(a is b, a.items)
a |= 5
print(a)
c = Acc()
c *= 3
print(c)
class OnlyAdd:
    def __add__(self, o): return "only add"
x = OnlyAdd()
x += 1
print(x)
class IAll:
    def __itruediv__(self, o): return "/="
    def __ifloordiv__(self, o): return "//="
    def __imod__(self, o): return "%="
    def __ipow__(self, o): return "**="
    def __ilshift__(self, o): return "<<="
    def __irshift__(self, o): return ">>="
    def __iand__(self, o): return "&="
    def __ixor__(self, o): return "^="
    def __imatmul__(self, o): return "@="
res = []
for op in ("/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "^=", "@="):
    v = IAll()
    exec("v %s 1" % op)
    res.append(v)
print(res)
