class Lazy:
    def __init__(self): self.real = "r"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError(f"no {name}")
l = Lazy()
print(l.real, l.auto_x, getattr(l, "zz", "default"), hasattr(l, "zz"))
try:
    l.zz
except AttributeError as e:
    print(type(e).__name__, e)
class Logged:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
lg = Logged()
lg.a = 1
print(lg.a, lg.secret, lg.other)
