import io, sys

class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())

u = Upper()
print("hello", "world", file=u)
print(repr(u.getvalue()))

class TW(io.TextIOWrapper):
    pass

w = TW(io.BytesIO(), encoding="utf-8")
print("sub", file=w, flush=True)
print(w.buffer.getvalue(), repr(w))

out = sys.stdout
out.write = lambda s: sys.__stderr__.write("[" + s + "]")
print("through the instance attribute")
del out.write
print("back to the method")
t = io.TextIOWrapper(io.BytesIO(), encoding="latin-1", newline="\r\n")
print("é", "x", sep="\n", file=t)
t.flush()
print(t.buffer.getvalue())
