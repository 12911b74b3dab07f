n = 1234
print(n.bit_length(), n.to_bytes(2, "big"), n.to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x04\xd2", "big"), int.from_bytes(b"\xff\xff", "little", signed=True), int.from_bytes([1, 0], "little"))
print(n.as_integer_ratio(), n.numerator, n.denominator, n.real, n.imag, n.conjugate(), (5).is_integer() if hasattr(5, "is_integer") else "no is_integer")
try:
    (1000).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    n.to_bytes(2, "middle")
except ValueError as e:
    print(type(e).__name__, e)
