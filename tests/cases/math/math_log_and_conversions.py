import math
print(math.log(10 ** 500), math.log2(3 ** 1000), math.log10(7 ** 2000), math.log(10 ** 500, 10 ** 300), math.log(2 ** 2000, 2), math.log10(10 ** 400))
print(math.log(2 ** 1023 * 3), math.log2(2 ** 1024), math.log(True + 1), math.log(8, 2.0), math.log(0.5, 4), math.log1p(-0.0), math.log1p(-0.5))
print(math.log2(0.1), math.log10(1e-300), math.log(math.inf), math.log2(math.nan), math.exp2(-1074), math.expm1(-50), math.cbrt(-27), math.cbrt(1e300))
class Flo:
    def __float__(self):
        return 2.0
class Idx:
    def __index__(self):
        return 8
class Both(float):
    pass
class Bad:
    def __float__(self):
        return "nope"
print(math.sqrt(Flo()), math.log2(Idx()), math.exp(Both(1.0)), math.floor(Both(2.5)), math.ceil(Idx()) if hasattr(Idx, "__ceil__") else 8, math.trunc(Both(-2.5)))
print(math.floor(-0.0), math.ceil(0.2), math.floor(10 ** 30), math.ceil(True), math.trunc(12), type(math.floor(2.0)).__name__, math.floor(1e300) == 10 ** 300)
for f in (lambda: math.log(-(10 ** 400)), lambda: math.log(0, 2), lambda: math.log(2, 1), lambda: math.log(2, 0.0), lambda: math.log(), lambda: math.log(1, 2, 3),
          lambda: math.log("x"), lambda: math.log2(-1), lambda: math.log10(0), lambda: math.log1p(-1), lambda: math.sqrt(Bad()), lambda: math.exp(10 ** 400),
          lambda: math.trunc("a"), lambda: math.floor(None), lambda: math.ceil(math.inf), lambda: math.floor(math.nan), lambda: math.sqrt(), lambda: math.sqrt(1, 2),
          lambda: math.sqrt(x=4), lambda: math.exp2(2000), lambda: math.expm1(1000), lambda: math.sinh(1000), lambda: math.tan(math.inf)):
    try:
        print(f())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
