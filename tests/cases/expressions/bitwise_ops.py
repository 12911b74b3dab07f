print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~0b1100)
print(1 << 100, (1 << 100) >> 98, -1 >> 10, -256 >> 4, 5 & -2)
print(True & False, True | False, True ^ True, ~True)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1.0 & 1
except TypeError as e:
    print(type(e).__name__, e)
