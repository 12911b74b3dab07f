# crc32 and adler32, with running values and masked start values.
import zlib
data = b"hello world" * 37
print(zlib.crc32(data), zlib.adler32(data))
print(zlib.crc32(b""), zlib.adler32(b""), zlib.crc32(b"", 5), zlib.adler32(b"", 5))
c = zlib.crc32(data[:100]); c = zlib.crc32(data[100:], c); print(c == zlib.crc32(data))
a = zlib.adler32(data[:100]); a = zlib.adler32(data[100:], a); print(a == zlib.adler32(data))
print(zlib.crc32(b"abc", -1), zlib.adler32(b"abc", -1), zlib.crc32(b"abc", 2**40 + 7), zlib.adler32(b"abc", 2**33))
print(zlib.crc32(bytearray(b"abc")), zlib.adler32(memoryview(b"abc")))
for f in [lambda: zlib.crc32("abc"), lambda: zlib.adler32(b"a", 1.0), lambda: zlib.crc32(), lambda: zlib.crc32(b"a", 1, 2), lambda: zlib.crc32(b"a", value=1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
