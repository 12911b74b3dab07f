# Compress objects: chunked compress, the flush modes, parameters, finished streams.
import zlib
data = bytes(range(256)) * 300
for args in [(), (1,), (9, zlib.DEFLATED, -12), (6, zlib.DEFLATED, 31, 9, zlib.Z_FILTERED),
             (6, 8, 15, 1, zlib.Z_HUFFMAN_ONLY), (6, 8, 10, 5, zlib.Z_RLE), (5, 8, 15, 8, zlib.Z_FIXED)]:
    co = zlib.compressobj(*args)
    parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
    parts.append(co.flush())
    wb = args[2] if len(args) > 2 else 15
    print(args, zlib.decompress(b"".join(parts), wb) == data)
co = zlib.compressobj()
out = co.compress(b"abc")
for mode in (zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_BLOCK):
    r = co.flush(mode)
    print(mode, type(r).__name__, mode == 0 and r == b"" or len(r) > 0)
    out += r
    out += co.compress(b"more")
out += co.flush(zlib.Z_FINISH)
print(zlib.decompress(out))
do = zlib.decompressobj()
sync = zlib.compressobj()
x = sync.compress(b"partial data") + sync.flush(zlib.Z_SYNC_FLUSH)
print(do.decompress(x))
for f in [lambda: co.compress(b"x"), lambda: co.flush(), lambda: co.flush(zlib.Z_SYNC_FLUSH), lambda: co.flush(zlib.Z_NO_FLUSH),
          lambda: zlib.compressobj().flush(6), lambda: zlib.compressobj().flush(-1), lambda: co.copy()]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for kw in [dict(level=10), dict(method=9), dict(wbits=8), dict(wbits=-8), dict(wbits=16 + 8), dict(wbits=7), dict(memLevel=0),
           dict(memLevel=10), dict(strategy=5), dict(strategy=-1), dict(zdict=1), dict(zdict="s"), dict(wbits=31, zdict=b"abc")]:
    try:
        zlib.compressobj(**kw)
        print(kw, "ok")
    except Exception as e:
        print(kw, type(e).__name__, e)
print(zlib.compressobj(wbits=8).compress(b"x"), zlib.compressobj(zdict=b"").flush()[:2])
try:
    zlib.compressobj(zdict=None)
except TypeError as e:
    print(e)
C = type(zlib.compressobj())
print(C, C.__name__, C.__qualname__, C.__module__)
try:
    C()
except TypeError as e:
    print(e)
