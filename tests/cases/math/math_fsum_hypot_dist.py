import math
print(math.fsum([1e-16, 1, 1e16]), math.fsum([0.1] * 10), math.fsum([1e308, 1e308, -1e308]) if False else 0, math.fsum([]))
print(math.fsum([1.0, 1e100, 1.0, -1e100]), math.fsum(x / 7 for x in range(100)), math.fsum([2 ** 53, 1, 1]), math.fsum([True, 2, 0.5]))
print(math.fsum([math.inf, 1.0, math.inf]), math.fsum([-math.inf, 5]), math.fsum([math.nan, 1.0]))
print(math.hypot(3, 4, 12), math.hypot(1e308, 1e308), math.hypot(5e-324, 5e-324), math.hypot(-2), math.hypot(1.5, 2.5, 3.5, 4.5, 5.5))
print(math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(0.0, -0.0), math.hypot(1e-200, 1e-200, 1e-200))
print(math.dist((1, 2, 3), (4, 6, 8)), math.dist([0.1, 0.2], (0.3, 0.4)), math.dist(iter([1]), iter([2.5])), math.dist((), ()))
print(math.prod(range(1, 25)), math.prod([1.5, 2, 3]), math.prod([2] * 70), math.prod([], start=2.5), math.prod(["ab"], start=3))
for f in (lambda: math.fsum([1e308, 1e308]), lambda: math.fsum([math.inf, -math.inf]), lambda: math.fsum(["x"]),
          lambda: math.fsum(5), lambda: math.fsum([2 ** 2000]), lambda: math.dist((1, 2), (1,)), lambda: math.dist(1, 2),
          lambda: math.hypot("a"), lambda: math.hypot(x=1), lambda: math.prod(), lambda: math.prod([1], 2), lambda: math.prod([1], begin=2)):
    try:
        print(f())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
