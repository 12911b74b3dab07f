import sys
print("a", "b", 1, None, sep="")
print("x", "y", sep=" | ", end="!\n")
print()
print("no newline", end="")
print(" continued")
print(1, 2, 3, sep=None, end=None)
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(4), sep=", ")
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("captured", 42, file=w, sep="-")
print(w.parts)
for kw in ({"sep": 5}, {"end": []}, {"file": 5}, {"bogus": 1}):
    try:
        print("x", **kw)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
