print(float(), float("  1.5  "), float("1e3"), float("-.5"), float("inf"), float("-Infinity"), float("nAn"), float(3), float("1_0.5"), float(b"2.5"))
for a in ("", "1.2.3", "abc", "1e", "0x10", "1__0", None, [], "in f"):
    try:
        print(float(a))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 7
print(float(F()), float(I()))
