import math
tests = [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.acos(2), lambda: math.asin(-2), lambda: math.factorial(-1), lambda: math.factorial(2.5),
         lambda: math.exp(1000), lambda: math.pow(0, -1), lambda: math.fmod(1, 0), lambda: math.gamma(0), lambda: math.gamma(-1), lambda: math.isqrt(-1), lambda: math.comb(-1, 2),
         lambda: math.log(1, 1), lambda: math.ldexp(1, 10000), lambda: math.atanh(1), lambda: math.acosh(0), lambda: math.cosh(1000), lambda: math.sqrt("x"), lambda: math.floor(math.inf),
         lambda: math.ceil(math.nan), lambda: math.gcd(1.5), lambda: math.perm(3, -1), lambda: math.remainder(1, 0), lambda: math.log10(-1), lambda: math.dist((1,), (1, 2)), lambda: math.lgamma(-2)]
for t in tests:
    try:
        print(t())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
