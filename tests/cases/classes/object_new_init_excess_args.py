# object.__new__/object.__init__ given extra arguments: CPython's four messages.
class C: pass
class D:
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls, *args, **kwargs)
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
class E:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
class N:
    def __new__(cls, *args):
        return super().__new__(cls)
calls = [
    lambda: C(42), lambda: C.__new__(C, 42), lambda: C().__init__(42), lambda: object.__new__(C, 42),
    lambda: object.__init__(C(), 42), lambda: C(a=1), lambda: C().__init__(a=1),
    lambda: D(42), lambda: D.__new__(D, 42), lambda: object.__new__(D, 42),
    lambda: E().__init__(42), lambda: object.__init__(E(), 42), lambda: E(1),
    lambda: N(1, 2), lambda: N(1).__init__(5), lambda: object.__new__(N, 1),
]
for f in calls:
    try:
        r = f()
        print("ok", type(r).__name__)
    except TypeError as e:
        print(type(e).__name__, e)
C(1, 2)
