for f in (lambda: range(1, 2, 0), lambda: range(1.5), lambda: range(3)[5], lambda: range(3).index(7), lambda: range("a"), lambda: len(range(2 ** 64)), lambda: range(), lambda: range(1, 2, 3, 4), lambda: range(3)["x"]):
    try:
        f()
    except (ValueError, TypeError, IndexError, OverflowError) as e:
        print(type(e).__name__, e)
