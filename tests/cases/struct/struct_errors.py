# struct error paths: bad formats, wrong types, ranges, buffer sizes.
import struct

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for fmt in ['3', 'x4', 'z', '<n', '<P', '=N', '4 i', 'i#', '99999999999999999999999999i', '9223372036854775807q']:
    t(struct.calcsize, fmt)
t(struct.calcsize, 5)
t(struct.Struct, None)
t(struct.Struct)
t(struct.calcsize)
t(struct.pack)
t(struct.pack_into)
t(struct.pack, 'i')
t(struct.pack, 'i', 1, 2)
t(struct.pack, 'ii', 1)
for c in 'bBhHiIlLqQnNP':
    for v in [2**70, -2**70, 2**40, -2**40, 300, -300, -1]:
        t(struct.pack, c, v)
for o in '<>':
    for c in 'bBhHiIlLqQ':
        for v in [2**70, -2**70, 2**40, -1, 70000, 300]:
            t(struct.pack, o + c, v)
t(struct.pack, 'i', 1.5)
t(struct.pack, 'i', 'x')
t(struct.pack, 'i', None)
t(struct.pack, 'd', 'x')
t(struct.pack, 'f', None)
t(struct.pack, '<f', 1e300)
t(struct.pack, 'f', 1e300)
t(struct.pack, '<f', 2**200)
t(struct.pack, 'e', 1e10)
t(struct.pack, '<e', 65520.0)
t(struct.pack, 'e', 10**400)
t(struct.pack, 'c', b'ab')
t(struct.pack, 'c', 'a')
t(struct.pack, 'c', bytearray(b'a'))
t(struct.pack, 's', 'abc')
t(struct.pack, 'p', 1)
t(struct.unpack, 'i', b'abc')
t(struct.unpack, 'i', 'abcd')
t(struct.unpack, 'i', 5)
t(struct.unpack_from, 'i', b'abc')
t(struct.unpack_from, 'i', b'abcdef', 3)
t(struct.unpack_from, 'i', b'abcdef', -10)
t(struct.unpack_from, 'i', b'abcdef', -4)
t(struct.unpack_from, 'i', b'abcdef', offset=2)
t(struct.unpack_from, 'i', buffer=b'abcdef', offset=1)
t(struct.iter_unpack, 'i', b'abcde')
t(struct.iter_unpack, '', b'abcde')
t(struct.iter_unpack, 'i', 'abcd')
t(struct.pack_into, 'i', bytearray(3), 0, 1)
t(struct.pack_into, 'i', bytearray(8), 6, 1)
t(struct.pack_into, 'i', bytearray(8), -2, 1)
t(struct.pack_into, 'i', bytearray(8), -20, 1)
t(struct.pack_into, 'i', b'12345678', 0, 1)
t(struct.pack_into, 'i', bytearray(8))
t(struct.pack_into, 'i', bytearray(8), 0)
t(struct.pack_into, 'i', bytearray(8), 0, 1, 2)
t(struct.pack_into, 'i', bytearray(8), 'x', 1)
t(struct.pack_into, 'i', bytearray(8), 2**70, 1)
s = struct.Struct('i')
t(s.unpack, b'12345')
t(s.unpack_from, b'12', offset=0)
t(s.pack, 'x')
t(s.iter_unpack, b'123')
t(s.unpack, b'1234', b'')
class BadIndex:
    def __index__(self):
        return 'no'
t(struct.pack, 'i', BadIndex())
class Boom:
    def __float__(self):
        raise ZeroDivisionError('x')
t(struct.pack, 'd', Boom())
t(struct.Struct, 'é')
