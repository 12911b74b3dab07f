m = memoryview(bytearray(b"ab"))
for f in (lambda: memoryview("str"), lambda: m[5], lambda: m.__setitem__(slice(0, 2), b"xyz"), lambda: m.__setitem__(0, 300), lambda: memoryview(5)):
    try:
        f()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
m2 = memoryview(b"\x01\x00\x02\x00").cast("H")
print(m2.tolist(), m2.format, m2.itemsize, len(m2))
m.release()
try:
    m[0]
except ValueError as e:
    print(type(e).__name__, e)
