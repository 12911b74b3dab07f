print(int(), int(3.9), int(-3.9), int("  42  "), int("-0b101", 0), int("0x1f", 16), int("z", 36))
print(int("1_000"), int("0o17", 0), int(b"12"), int(True), int("+7"), int("١٢٣"))
for args in (("12a",), ("",), ("1__0",), ("0x1f",), ("1.5",), ("9", 8), ("1", 1), ("1", 37), (None,), ([],), (1.5, 10), (float("inf"),), (float("nan"),)):
    try:
        print(int(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
