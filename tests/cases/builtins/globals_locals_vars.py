x = 1
def f(a, b=2):
    c = 3
    return sorted(locals().items())
print(f(1), "x" in globals(), globals()["x"], globals() is vars())
class C:
    def __init__(self): self.p = 1
print(vars(C()), "__init__" in vars(C), sorted(k for k in vars(C) if not k.startswith("__")))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
def g():
    z = 5
    exec("z = 10")
    return z
print(g())
globals()["dyn"] = "made"
print(dyn)
