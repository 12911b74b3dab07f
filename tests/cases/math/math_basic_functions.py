import math
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 40), math.fabs(-3), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(3), math.ceil(2 ** 70))
print(math.factorial(20), math.factorial(0), math.gcd(48, 18), math.gcd(), math.gcd(0, 0), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(), math.lcm(2, 3, 4), math.comb(10, 3), math.perm(5, 2), math.perm(5), math.comb(5, 7))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, math.copysign(3, -0.0), math.fmod(7, -3), math.remainder(7, 3), math.remainder(5, 2), math.modf(3.75), math.modf(-2.5))
print(math.frexp(8.0), math.frexp(0.0), math.ldexp(0.75, 4), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([], start=5), math.prod([1.5, 2]))
print(math.isfinite(1.0), math.isinf(-math.inf), math.isnan(math.nan), math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9))
