# struct.Struct objects, pack_into/unpack_from/iter_unpack and the format cache.
import struct

s = struct.Struct('<hiq')
print(s.format, s.size, type(s).__name__, type(s).__module__)
b = s.pack(1, 2, 3)
print(b, s.unpack(b), s.unpack_from(b'\x00' + b, 1), s.unpack_from(b + b'zz', offset=0))
s2 = struct.Struct(b'>i')
print(repr(s2.format), s2.size, s2.pack(7))
buf = bytearray(16)
s.pack_into(buf, 2, -1, -2, -3)
print(buf)
struct.pack_into('<h', buf, -2, 0x4142)
print(buf)
mv = memoryview(bytearray(8))
struct.pack_into('<i', mv, 4, 99)
print(mv.tobytes())
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')
print(it.__length_hint__(), next(it), list(it), it.__length_hint__())
print(list(struct.Struct('2s').iter_unpack(b'abcdef')))
print(struct.unpack(s, b), struct.calcsize(s))
print(isinstance(struct.error(), Exception), struct.error.__module__, struct.error.__name__)
struct._clearcache()
print(struct.calcsize('i'))

class S(struct.Struct):
    pass
x = S('<I')
print(type(x).__name__, x.pack(5), x.size)
s.__init__('>b')
print(s.format, s.size, s.pack(-1))
