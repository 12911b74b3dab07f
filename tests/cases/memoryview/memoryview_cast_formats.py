m = memoryview(bytearray(b"\x01\x00\x00\x00\x02\x00\x00\x00"))
i = m.cast("i")
print(i.tolist(), i.format, i.itemsize, i.nbytes, len(i), i[1])
i[0] = 7
print(m.tobytes(), m.cast("B").tolist()[:4], m.cast("b", (2, 4)).tolist())
try:
    m.cast("i", (3,))
except TypeError as e:
    print(type(e).__name__, e)
try:
    i[0] = 2 ** 40
except ValueError as e:
    print(type(e).__name__, e)
