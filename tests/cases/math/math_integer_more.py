import math
print(math.factorial(25), math.factorial(100) % 10 ** 12, math.factorial(True), len(str(math.factorial(1000))))
print(math.comb(100, 50), math.comb(10 ** 20, 2), math.comb(5, 0), math.comb(0, 0), math.comb(3, 10 ** 30), math.comb(67, 33))
print(math.perm(20, 5), math.perm(10 ** 20, 2), math.perm(5, 7), math.perm(0), math.perm(6, None), math.perm(2 ** 64, 1))
print(math.gcd(0, -7), math.gcd(2 ** 100, 2 ** 80 * 3), math.gcd(-4), math.gcd(True, 6), math.lcm(0, 5), math.lcm(-6), math.lcm(2 ** 64, 3 ** 5, 12))
print(math.isqrt(2 ** 64), math.isqrt(2 ** 64 - 1), math.isqrt(10 ** 100), math.isqrt(True), math.isqrt(15), math.isqrt(16))
class Idx:
    def __index__(self):
        return 12
print(math.factorial(Idx()), math.gcd(Idx(), 8), math.isqrt(Idx()), math.comb(Idx(), 2), math.perm(Idx(), 1))
for f in (lambda: math.factorial(-5), lambda: math.factorial(-10 ** 30), lambda: math.factorial(10 ** 30), lambda: math.factorial(5.0),
          lambda: math.factorial("5"), lambda: math.comb(5, -1), lambda: math.comb(-5, 1), lambda: math.comb(5.0, 1), lambda: math.perm(-1, 1),
          lambda: math.perm(5, 2 ** 64), lambda: math.comb(2 ** 65, 2 ** 64), lambda: math.gcd(2, 2.5), lambda: math.lcm("a"),
          lambda: math.gcd(a=1), lambda: math.isqrt(-10 ** 40), lambda: math.isqrt(4.0), lambda: math.comb(1), lambda: math.perm(),
          lambda: math.factorial(), lambda: math.perm(1, 2, 3)):
    try:
        print(f())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
