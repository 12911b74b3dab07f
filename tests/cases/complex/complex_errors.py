for f in (lambda: complex("1+"), lambda: complex("abc"), lambda: complex("1", 2), lambda: 1j < 2j,
          lambda: (1 + 1j) // 1, lambda: (1 + 1j) % 1, lambda: int(1j), lambda: float(1j), lambda: 1j / 0,
          lambda: complex([]), lambda: 0j ** -1, lambda: round(1j)):
    try:
        print(f())
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
