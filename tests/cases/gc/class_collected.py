# A class nothing refers to any more is collected: its base's __subclasses__()
# forgets it (the list holds weak references, as CPython's tp_subclasses) and weak
# references to it die.
import gc
import weakref


class Base:
    pass


def make(n):
    made = []
    for i in range(n):
        made.append(type("Sub%d" % i, (Base,), {"m": lambda self: 1}))
    return [weakref.ref(c) for c in made]


def churn(depth=20):
    # Overwrite native stack slots that may still hold the classes (the
    # collector scans the stack conservatively).
    return churn(depth - 1) + [[depth]] if depth else [list(range(9))]


refs = make(5)
keep = refs[2]()
print(keep.__name__ in [c.__name__ for c in Base.__subclasses__()])
churn()
gc.collect()
print([r() is None for r in refs])
print([c.__name__ for c in Base.__subclasses__()])
print(keep().m() if callable(keep) else keep.__name__)
