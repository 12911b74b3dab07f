# RecursionError messages name the check that trips (CPython 3.11 accounting).
import sys
class R:
    def __repr__(self): return repr(self)
class L:
    def __len__(self): return len(self)
class H:
    def __hash__(self): return hash(self)
class S:
    def __str__(self): return str(self)
class E:
    def __eq__(self, o): return self == o
class G:
    def __getattr__(self, n): return getattr(self, n)
def f(): return f()
def via_map(): return list(map(lambda x: via_map(), [1]))
for name, fn in [("repr", lambda: repr(R())), ("len", lambda: len(L())), ("hash", lambda: hash(H())), ("eq", lambda: E() == E()), ("getattr", lambda: G().x), ("plain", f), ("map", via_map), ("fmt", lambda: "%r" % (R(),))]:
    for limit in (1000, 333, 100):
        sys.setrecursionlimit(limit)
        try:
            fn()
        except RecursionError as e:
            print(name, limit, e)
sys.setrecursionlimit(1000)
