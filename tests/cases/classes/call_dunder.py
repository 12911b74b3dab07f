class F:
    def __call__(self, *a, **k): return ("called", a, k)
f = F()
print(f(1, x=2))
class G:
    pass
g = G()
g.__call__ = lambda: "instance attr"
try:
    g()
except TypeError as e:
    print(type(e).__name__, e)
