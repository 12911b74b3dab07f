for f in (lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: 1 / 0, lambda: pow(0, -1), lambda: pow(2, 3, 0), lambda: pow(2, -1, 4), lambda: pow(2, 1.5, 3)):
    try:
        print(f())
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
