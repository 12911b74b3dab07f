inf, nan = float("inf"), float("nan")
for a in (1j, 1 + 1j, 2 + 3j, -0.5 + 0.25j, 0j, complex(inf, 0), 1e300 + 1e300j):
    row = []
    for b in (0, 1, 2, 3, -1, -2, 0.5, 1j, 2 + 0j, 100, 101, -100, 1.5, -3.0):
        try:
            row.append(repr(a ** b))
        except (ZeroDivisionError, OverflowError) as e:
            row.append(type(e).__name__)
    print(*row)
print(complex(0, -0.0), complex(-0.0), complex(1j, 1j), complex(2, 1j), complex(1j), complex(0.0, -0.0) == 0, complex(" 3-4j "), complex("-J"))
class C:
    def __complex__(self):
        return 3 + 4j
class F:
    def __float__(self):
        return 1.5
class I:
    def __index__(self):
        return 7
print(complex(C()), complex(F()), complex(I()), complex(F(), I()), complex(C(), 1j), complex(1, C()) if False else 0, complex(True, False))
class D:
    def __complex__(self):
        return 5
for f in (lambda: complex(D()), lambda: complex("1", 2), lambda: complex(1, "2"), lambda: complex(b"1"), lambda: complex(None), lambda: complex(1, None),
          lambda: complex("1+"), lambda: complex([]), lambda: (1 + 1j) / 0, lambda: 0j ** -1, lambda: 0j ** 1j, lambda: complex(inf, 0) ** 1j,
          lambda: (1 + 1j).__pow__(2, 3), lambda: (1 + 1j) // 2, lambda: (1e300 + 1e300j) ** 2.5):
    try:
        print(f())
    except (ZeroDivisionError, OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
