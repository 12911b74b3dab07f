import math
print(math.isqrt(0), math.isqrt(99), [math.isqrt(n) for n in range(10)], math.factorial(30))
print(math.comb(50, 25), math.perm(10, 10), math.gcd(-12, 18), math.lcm(-4, 6), math.gcd(2 ** 100, 6 ** 50))
print(math.floor(7.9999999), math.ceil(1e-300), type(math.floor(1.5)).__name__, type(math.fabs(1)).__name__, math.trunc(-0.9))
for f in (lambda: math.comb(1.5, 1), lambda: math.isqrt(2.0), lambda: math.factorial(10 ** 20)):
    try:
        f()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
