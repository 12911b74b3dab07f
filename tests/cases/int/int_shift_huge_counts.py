print(0 << 2 ** 64 + 1, 0 << 10 ** 30, (-5) >> 10 ** 30, 5 >> 2 ** 70, 1 << 100, -1 << 65)
for f in (lambda: 1 << 2 ** 64 + 1, lambda: 1 << 10 ** 30, lambda: 5 << 2 ** 63 - 1, lambda: 1 << -1, lambda: 1 >> -(10 ** 30), lambda: 1 << 1.5, lambda: 2 ** 70 << "a"):
    try:
        print(f())
    except (OverflowError, MemoryError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
