# Decompress objects: max_length, unconsumed_tail, unused_data, eof, flush.
import zlib
data = b"".join(b"line %d\n" % i for i in range(3000))
comp = zlib.compress(data)
d = zlib.decompressobj()
print(d.eof, d.unused_data, d.unconsumed_tail)
out = []
chunk = d.decompress(comp, 1000)
while chunk:
    out.append(chunk)
    print(len(chunk), len(d.unconsumed_tail) > 0, d.eof) if len(out) < 4 else None
    chunk = d.decompress(d.unconsumed_tail, 1000)
print(b"".join(out) == data, d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj()
print(d.decompress(comp + b"trailing") == data, d.unused_data, d.eof)
print(d.decompress(b"more"), d.unused_data)
d = zlib.decompressobj()
pieces = [d.decompress(comp[i:i + 7]) for i in range(0, len(comp), 7)]
print(b"".join(pieces) == data, d.eof)
d = zlib.decompressobj()
first = d.decompress(comp, 10)
print(len(first), len(d.unconsumed_tail) > 0)
rest = d.flush()
print(first + rest == data, d.eof, d.unconsumed_tail)
print(d.flush(), d.eof)
d = zlib.decompressobj()
print(d.decompress(comp[:20])[:20], d.eof)
print(d.flush()[:10], d.eof)
for f in [lambda: zlib.decompressobj().decompress(comp, -1), lambda: zlib.decompressobj().flush(0), lambda: zlib.decompressobj().flush(-5),
          lambda: zlib.decompressobj().decompress(b"garbage"), lambda: zlib.decompressobj(wbits=99), lambda: zlib.decompressobj(wbits=-7),
          lambda: zlib.decompressobj(zdict=3), lambda: zlib.decompressobj().decompress("str")]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
d = zlib.decompressobj()
d.decompress(comp)
print(d.flush(), d.eof)
for f in [lambda: d.decompress(b"x"), lambda: d.flush(), lambda: d.copy()]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
gz = zlib.compressobj(wbits=31)
g = gz.compress(data) + gz.flush()
for wb in (31, 47, 16 + 9):
    d = zlib.decompressobj(wb)
    print(wb, d.decompress(g) == data, d.eof)
