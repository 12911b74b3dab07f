import math
# CPython's own Lanczos gamma/lgamma and libm erf/erfc, compared digit for digit.
xs = [0.5, 1.5, 2.5, 3.7, 5.0, 6.5, 10.25, 22.0, 23.0, 24.0, 30.5, 141.2, 150.3, 171.5, 0.001, 1e-21,
      -0.5, -1.5, -2.5, -4.9, -141.2, -150.3, -200.5, 4.9, 5.1, 7.3, -7.3, 1e-5]
for x in xs:
    out = []
    for f in (math.gamma, math.lgamma, math.erf, math.erfc):
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    print(repr(x), *out)
for x in (0.0, -0.0, -1.0, -2.0, 180.0, 200.0, math.inf, -math.inf, math.nan):
    for f in (math.gamma, math.lgamma):
        try:
            print(f.__name__, x, repr(f(x)))
        except (ValueError, OverflowError) as e:
            print(f.__name__, x, type(e).__name__, e)
print(math.erf(math.inf), math.erfc(-math.inf), math.erfc(30.0), math.erf(-0.0))
