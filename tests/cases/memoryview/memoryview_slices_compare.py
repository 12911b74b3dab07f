b = bytearray(range(10))
m = memoryview(b)
s = m[2:8]
print(s.tolist(), s[::2].tolist(), len(s[::-1]), bytes(s[1:3]), s.nbytes, s.contiguous, m[::2].contiguous)
s[0] = 99
print(b[2], m == memoryview(bytes(b)), m == b, m != b"x", bytes(m[-3:]))
print(memoryview(b"abc").tolist(), list(memoryview(b"xy")), memoryview(b"ab").hex(), memoryview(b"").tobytes())
try:
    hash(m)
except ValueError as e:
    print(type(e).__name__, e)
print(hash(memoryview(b"abc")) == hash(b"abc"))
