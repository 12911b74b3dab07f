class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("a", 1, 2.5, sep="", end="", file=w)
print(file=w)
print("x", "y", sep=None, end=None, file=w)
print(w.parts)
class BadStr:
    def __str__(self): raise ValueError("no str")
w2 = W()
try:
    print("before", BadStr(), "after", file=w2)
except ValueError as e:
    print(type(e).__name__, e, w2.parts)
class NoWrite: pass
try:
    print("x", file=NoWrite())
except AttributeError as e:
    print(type(e).__name__, e)
class Flushy(W):
    def flush(self): self.parts.append("<flush>")
f = Flushy()
print("z", file=f, flush=True)
print("q", file=f, flush=0)
print(f.parts)
import sys
old = sys.stdout
sys.stdout = W()
print("captured", 1)
cap = sys.stdout.parts
sys.stdout = old
print(cap)
sys.stdout = None
print("dropped")
sys.stdout = old
print("end")
print("x", file=5)
