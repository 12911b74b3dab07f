# repr of closure cells.
def outer():
    x = 5
    def inner():
        return x
    return inner
c = outer().__closure__[0]
r = repr(c)
print(r.startswith("<cell at 0x"), ": int object at 0x" in r, r.endswith(">"))
def late():
    def inner():
        return y
    r = repr(inner.__closure__[0])
    y = 1
    return r
print(late().endswith(": empty>"))
