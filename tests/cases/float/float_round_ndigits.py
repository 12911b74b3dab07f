vals = [0.5, 2.675, 0.125, 1.005, 0.045, 1234.5678, 1e300, 5e-324, 1e-300, 123456.7890123, -2.5e-7, 0.285, 1.255, 5e-5, 2.0 ** 60, 1e22, -0.0]
for v in vals:
    print(*[repr(round(v, nd)) for nd in (0, 1, 2, 3, 5, 10, 17, 22, 300, 323, 324, -1, -2, -5, -22, -308, -309, 2 ** 70, -2 ** 70)])
print(round(2.5), round(3.5), round(-2.5), round(1e300) == 10 ** 300, round(0.49999999999999994), round(4503599627370497.0))
for f in (lambda: round(1.7976931348623157e308, -308), lambda: round(-1.7e308, -308), lambda: round(1.5, 1.0), lambda: round(1.5, "1"),
          lambda: round(float("inf")), lambda: round(float("nan")), lambda: round(float("nan"), 2), lambda: (2.5).__round__(None)):
    try:
        print(f())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
