a = 2 ** 200
b = 3 ** 150
print(a, b)
print(a * b, a // b, a % b, -a // b, a - b * 1000)
print(a.bit_length(), (-a).bit_length(), (a - 1).bit_count())
print(int("9" * 60) + 1, 12345678901234567890 * 98765432109876543210)
print(divmod(-(10 ** 30), 7), pow(2, 1000, 10 ** 9 + 7), (1 << 200) >> 190)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(-1), hash(-2))
