print(format(123456789, ","), format(-42, "08d"), format(42, "+"), format(0, "#x"), f"{255:#06x}", f"{5:03}", int.__name__, (5).__class__.__name__)
print(int("0b1010", 2), int("0B11", 0), int("0_1", 0) if False else int("01", 10), int("-0x_ff", 16), int("  -12  "), (-5) // 2, (-5) % 2, 5 // -2, abs(-2 ** 70))
print(7 .bit_length(), (255).bit_count(), (3).__add__(4), (3).__radd__(4), (10).__truediv__(4), (2).__pow__(10), (3).__eq__(3.0), (3).__lt__("x"))
try:
    int("0b12", 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("010", 0)
except ValueError as e:
    print(type(e).__name__, e)
