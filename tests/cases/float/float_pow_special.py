inf, nan = float("inf"), float("nan")
for x in (0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, inf, -inf, nan):
    row = []
    for y in (0.0, 1.0, 2.0, 3.0, -1.0, -2.0, -3.0, 0.5, -0.5, inf, -inf, nan, 1e300, -1e300):
        try:
            row.append(repr(x ** y))
        except (ZeroDivisionError, OverflowError, ValueError) as e:
            row.append(type(e).__name__)
    print(*row)
print((-8.0) ** (1 / 3), (-1.0) ** 1e300, (-2.0) ** -1075, 10.0 ** -320, 2 ** -1100, (-2) ** 0.5, 4 ** 0.5)
for f in (lambda: 2.0 ** 1e5, lambda: 0.0 ** -1, lambda: pow(2, 3, 1.5), lambda: pow(2, 1.5, 3), lambda: pow(2.0, 3, 4), lambda: (2.0).__pow__(3, 4),
          lambda: (2.0).__rpow__(3, 4), lambda: pow(2, 3j, 4), lambda: pow(1j, 2, 3), lambda: pow(2, 3, 4j)):
    try:
        print(f())
    except (ZeroDivisionError, OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
