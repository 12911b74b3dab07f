class T:
    def __bool__(self): return False
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
class Both:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(T()), bool(L(0)), bool(L(3)), bool(Both()), not L(1), len(L(7)))
for bad in (lambda: bool(type("X", (), {"__bool__": lambda s: 1})()),
            lambda: len(L(-1)), lambda: len(L("a")), lambda: len(5), lambda: len(L(2**70))):
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
