# copy() of compress and decompress objects continues independently, also via the copy module.
import copy
import zlib
data = b"abcdefghij" * 500 + bytes(range(256)) * 20
co = zlib.compressobj(9)
head = co.compress(data[:2000])
c2 = co.copy()
c3 = copy.copy(co)
c4 = copy.deepcopy(co)
a = head + co.compress(data[2000:]) + co.flush()
for c in (c2, c3, c4):
    b = head + c.compress(data[2000:]) + c.flush()
    print(zlib.decompress(b) == data, a == b)
comp = zlib.compress(data)
d = zlib.decompressobj()
first = d.decompress(comp[:300], 100)
dc = d.copy()
rest1 = d.decompress(d.unconsumed_tail + comp[300:])
rest2 = dc.decompress(dc.unconsumed_tail + comp[300:])
print(first + rest1 == data, rest1 == rest2, dc.eof, d.eof)
print(type(dc).__name__, dc.unused_data, copy.copy(d).eof)
d = zlib.decompressobj()
d.decompress(comp + b"zz")
e = d.copy()
print(e.unused_data, e.eof, e.decompress(b""))
