class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        if spec == "":
            return "M" + str(self.v)
        return "$" + format(self.v, spec)
m = Money(3.14159)
print(format(m), format(m, ".2f"), f"{m}", f"{m:>10.1f}", "{:.3f}".format(m))
class NoFmt: pass
try:
    format(NoFmt(), "d")
except TypeError as e:
    print(type(e).__name__, e)
class BadFmt:
    def __format__(self, s): return 5
try:
    format(BadFmt())
except TypeError as e:
    print(type(e).__name__, e)
