print(0.1 + 0.2, 1.0 / 3, 2.0 ** 0.5, 10.0 // 3, 10.0 % 3, -10.0 % 3, 10.0 % -3, divmod(7.5, 2), divmod(-7.5, 2))
print(1e308 * 10, -1e308 * 10, 1e-323 / 10, float("inf") - float("inf"), 0.0 * -1, (-8.0) ** (1 / 3))
print(2.0 ** 1023 * 2 - 1, abs(-2.5), -(0.0), 3.0 * 2, 1.5 ** 2)
for f in (lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: divmod(1.0, 0), lambda: 0.0 ** -1, lambda: 10.0 ** 400, lambda: (-8.0) ** 0.5 if False else pow(-8.0, 0.5).imag):
    try:
        print(f())
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
