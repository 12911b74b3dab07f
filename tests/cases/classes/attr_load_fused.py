# `local.attr` and `local.method()`: the interpreter loads the local and the
# attribute in one step when its cache knows the answer; every other case
# (misses, descriptors, __getattr__, shadowing, errors) must behave as usual.
class P:
    k = "class"
    def __init__(self, x): self.x = x
    def m(self): return ("P.m", self.x)
    @property
    def p(self): return self.x * 2

class Q(P):
    def m(self): return ("Q.m", self.x)

class G:
    def __getattr__(self, name): return "getattr:" + name

def read(o):
    out = []
    for name in ("x", "k", "p", "m"):
        try:
            if name == "x": out.append(o.x)
            elif name == "k": out.append(o.k)
            elif name == "p": out.append(o.p)
            else: out.append(o.m())
        except Exception as e:
            out.append(f"{type(e).__name__}: {e}")
    return out

objs = [P(1), Q(2), P(3), G(), 5, "s", None]
for _ in range(3):
    for o in objs:
        print(read(o))

a = P(10)
for i in range(4):
    if i == 2:
        a.m = lambda: "instance m"   # shadows the method
        a.k = "instance k"
    print(a.m(), a.k, a.x)

def unbound():
    if False:
        o = P(1)
    return o.x
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)

def unbound_m():
    if False:
        o = P(1)
    return o.m()
try:
    unbound_m()
except UnboundLocalError as e:
    print(type(e).__name__, e)

class S:
    __slots__ = ("v",)
    def __init__(self): self.v = 1
s = S()
for i in range(3):
    print(s.v)
    if i == 1:
        del s.v
        try:
            print(s.v)
        except AttributeError as e:
            print("AttributeError", e)
        s.v = 7
