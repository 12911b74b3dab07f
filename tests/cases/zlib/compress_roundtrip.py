# One-shot compress/decompress with each container (zlib, raw, gzip) and auto-detection.
import zlib
data = b"The quick brown fox jumps over the lazy dog. " * 200
for wbits in (15, 9, 12, -15, -9, 31, 25):
    c = zlib.compress(data, 6, wbits)
    print(wbits, zlib.decompress(c, wbits) == data)
    if wbits > 0:
        print("  auto", zlib.decompress(c, wbits + 32 if wbits < 16 else 47) == data)
for level in range(-1, 10):
    print(level, zlib.decompress(zlib.compress(data, level)) == data)
print(zlib.compress(b"")[:2], zlib.decompress(zlib.compress(b"")))
print(zlib.decompress(zlib.compress(data), bufsize=1) == data)
print(zlib.decompress(zlib.compress(data), bufsize=0) == data)
print(zlib.decompress(bytearray(zlib.compress(data)), wbits=15) == data)
print(zlib.decompress(memoryview(zlib.compress(data, level=9))) == data)
print(zlib.compress(b"abc")[:2], zlib.compress(b"abc", 1)[:2], zlib.compress(b"abc", 9)[:2])
print(zlib.compress(b"abc", wbits=31)[:3])
