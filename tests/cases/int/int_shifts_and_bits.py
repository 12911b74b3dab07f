print(1 << 64, -1 << 64, (2 ** 100) >> 99, -(2 ** 100) >> 99, 7 >> 100, -7 >> 100)
print(0xFF & -256, -1 & 0xFFFF, -12 | 5, -12 ^ 5, ~(2 ** 70))
try:
    1 << (2 ** 100)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__, e)
try:
    1 >> -3
except ValueError as e:
    print(type(e).__name__, e)
