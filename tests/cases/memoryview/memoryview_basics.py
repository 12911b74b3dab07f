b = bytearray(b"abcdef")
m = memoryview(b)
print(m[0], m[-1], bytes(m[1:3]), m.tobytes(), m.tolist()[:3], len(m), m.readonly, m.format, m.itemsize, m.nbytes, m.ndim, m.shape)
m[0] = ord("X")
m[1:3] = b"YZ"
print(b, m.obj is b, m == b"XYZdef", bytes(m[::2]), m.hex())
ro = memoryview(b"xyz")
print(ro.readonly, ro.tobytes(), list(ro))
try:
    ro[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
with memoryview(b"q") as mm:
    print(mm.tobytes())
try:
    mm.tobytes()
except ValueError as e:
    print(type(e).__name__, e)
