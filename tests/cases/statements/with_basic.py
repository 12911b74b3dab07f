class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.name == "suppress"
with CM("a") as x, CM("b") as y:
    print("body", x, y)
with CM("suppress"):
    raise ValueError("boom")
print("after suppress")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
