# Preset dictionaries for zlib and raw streams; mismatched or missing dictionaries.
import zlib
zd = b"common words: alpha beta gamma delta"
data = b"alpha beta gamma alpha delta gamma beta " * 3
co = zlib.compressobj(zdict=zd)
c = co.compress(data) + co.flush()
print(zlib.decompressobj(zdict=zd).decompress(c) == data)
print(zlib.decompressobj(zdict=bytearray(zd)).decompress(c) == data)
print(zlib.decompressobj(zdict=memoryview(zd)).decompress(c) == data)
for f in [lambda: zlib.decompressobj().decompress(c), lambda: zlib.decompressobj(zdict=b"other").decompress(c),
          lambda: zlib.decompress(c)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
co = zlib.compressobj(wbits=-15, zdict=zd)
r = co.compress(data) + co.flush()
d = zlib.decompressobj(wbits=-15, zdict=zd)
print(d.decompress(r) == data)
print(zlib.decompressobj(wbits=-15, zdict=b"").decompress(zlib.compress(data, wbits=-15)) == data)
co = zlib.compressobj(zdict=zd)
c = co.compress(data[:50]) + co.flush(zlib.Z_SYNC_FLUSH)
c2 = co.compress(data[50:]) + co.flush()
d = zlib.decompressobj(zdict=zd)
print(d.decompress(c) + d.decompress(c2) == data)
