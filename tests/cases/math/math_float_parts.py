import math
for x in (0.0, -0.0, 1.0, -3.5, 1e-310, 5e-324, 1.7976931348623157e308, math.inf, -math.inf, math.nan, 123.456):
    print(repr(x), math.frexp(x), math.modf(x), math.ulp(x), math.nextafter(x, 0), math.nextafter(x, math.inf), math.fabs(x))
print(math.ldexp(1.0, 1023), math.ldexp(0.75, -1074), math.ldexp(0.5, -1074), math.ldexp(0.75, -1075), math.ldexp(1, -2000), math.ldexp(-0.0, 5), math.ldexp(3, True))
print(math.ldexp(math.inf, -10 ** 30), math.ldexp(1.5, -10 ** 30), math.ldexp(0.0, 10 ** 30), math.ldexp(1e-320, 1070))
print(math.copysign(1, -0.0), math.copysign(math.nan, -1), math.copysign(-2, math.inf), math.fmod(-7, 3), math.fmod(7, math.inf), math.fmod(-0.0, 1))
print(math.remainder(5, 2), math.remainder(7, 2), math.remainder(-5, 2), math.remainder(5, math.inf), math.remainder(1e300, 3.0), math.remainder(0.5, 1))
print(math.degrees(1), math.radians(90), math.degrees(-math.inf), math.isfinite(10 ** 300), math.isinf(1e308 * 10), math.isnan(0))
print(math.isclose(1e-10, 0), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan), math.isclose(1, 1.0000001, rel_tol=1e-6), math.isclose(a=1, b=2, abs_tol=1))
print(math.pow(-2, 3), math.pow(-8, 1 / 3) if False else 0, math.pow(0.0, -math.inf), math.pow(-math.inf, 3), math.pow(-math.inf, -3), math.pow(2, -1074), math.pow(1, math.inf), math.pow(math.nan, 0))
print(math.atan2(math.inf, -math.inf), math.atan2(-math.inf, math.inf), math.atan2(0.0, -0.0), math.atan2(-0.0, 5), math.atan2(math.nan, 1))
for f in (lambda: math.ldexp(1.0, 1.5), lambda: math.ldexp(2.0, 10 ** 30), lambda: math.fmod(math.inf, 1), lambda: math.remainder(math.inf, 1),
          lambda: math.pow(-2, 0.5), lambda: math.pow(10, 400), lambda: math.pow(0, -2), lambda: math.isclose(1, 2, rel_tol=-1),
          lambda: math.isclose(1, 2, 3), lambda: math.isclose(1), lambda: math.frexp("x"), lambda: math.nextafter(1), lambda: math.copysign(1, "a"),
          lambda: math.ulp(None), lambda: math.atan2(1), lambda: math.modf(10 ** 400)):
    try:
        print(f())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
