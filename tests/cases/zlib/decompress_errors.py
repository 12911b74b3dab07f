# zlib.error messages of the one-shot functions, and argument errors.
import zlib
good = zlib.compress(b"x" * 1000)
cases = [
    lambda: zlib.decompress(b"abc"),
    lambda: zlib.decompress(good[:-3]),
    lambda: zlib.decompress(good[:5]),
    lambda: zlib.decompress(b""),
    lambda: zlib.decompress(good, -15),
    lambda: zlib.decompress(good, 31),
    lambda: zlib.decompress(good, 99),
    lambda: zlib.decompress(good, 8),
    lambda: zlib.decompress(zlib.compress(b"x" * 100000, wbits=15), 9),
    lambda: zlib.decompress(good, bufsize=-1),
    lambda: zlib.decompress(good, 15, 2**70),
    lambda: zlib.decompress("text"),
    lambda: zlib.decompress(good, 15.0),
    lambda: zlib.compress(b"", 10),
    lambda: zlib.compress(b"", -2),
    lambda: zlib.compress(b"", wbits=99),
    lambda: zlib.compress(b"", wbits=-8),
    lambda: zlib.compress(b"x", 2**40),
    lambda: zlib.compress("s"),
    lambda: zlib.compress(b"x", level=1.5),
    lambda: zlib.compress(data=b"x"),
    lambda: zlib.compress(),
]
for f in cases:
    try:
        r = f()
        print("ok", len(r))
    except Exception as e:
        print(type(e).__name__, e)
print(zlib.error, zlib.error.__mro__)
print(issubclass(zlib.error, Exception))
