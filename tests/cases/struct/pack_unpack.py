# struct: round trips over every format code, byte orders, alignment, sizes.
import struct

for fmt in ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'P', 'e', 'f', 'd', '?', 'c', 'x', 's', 'p',
            '3s', '5p', 'bhi', 'cid', '@bq', '=bq', '<bq', '>bq', '!bq', 'xxi', '2i 3h', 'i0q', '0s', ' i  h ']:
    print(repr(fmt), struct.calcsize(fmt))

vals = {'b': [-128, 0, 127], 'B': [0, 255], 'h': [-32768, 32767], 'H': [0, 65535],
        'i': [-2**31, 2**31 - 1], 'I': [0, 2**32 - 1], 'l': [-2**63, 2**63 - 1], 'L': [0, 2**64 - 1],
        'q': [-2**63, 2**63 - 1], 'Q': [0, 2**64 - 1], 'n': [-5, 2**62], 'N': [7, 2**64 - 1], 'P': [0, 2**64 - 1]}
for order in '@=<>!':
    for c, vs in vals.items():
        if order != '@' and c in 'nNP':
            continue
        for v in vs:
            b = struct.pack(order + c, v)
            print(order, c, v, b.hex(), struct.unpack(order + c, b))
for order in '@<>':
    for v in [0.0, -0.0, 1.5, -2.25, 1e-8, 65504.0, 1e300, float('inf'), float('-inf'), 0.1, 5.960464477539063e-08, 3e-08]:
        for c in 'efd':
            try:
                b = struct.pack(order + c, v)
                print(order, c, v, b.hex(), struct.unpack(order + c, b))
            except Exception as e:
                print(order, c, v, type(e).__name__, e)
nan = struct.unpack('<d', struct.pack('<d', float('nan')))[0]
print(nan != nan, struct.unpack('<e', struct.pack('<e', float('nan')))[0] != 0)
print(struct.pack('<e', 65519.99), struct.pack('<e', 2.0 ** -24), struct.pack('<e', 2.0 ** -25), struct.pack('<e', 2.0 ** -26))
print(struct.pack('?', 0), struct.pack('?', [1]), struct.pack('?', ''), struct.unpack('?', b'\x02'))
print(struct.pack('c', b'z'), struct.unpack('3c', b'abc'))
print(struct.pack('5s', b'ab'), struct.pack('2s', b'abcdef'), struct.pack('3s', bytearray(b'xyz')))
print(struct.pack('5p', b'ab'), struct.pack('3p', b'abcdef'), struct.unpack('5p', b'\x09abcd'))
print(struct.pack('300p', b'x' * 300)[:3], len(struct.pack('300p', b'x' * 300)))
print(struct.pack('@bi', 1, 2), struct.pack('=bi', 1, 2), struct.pack('@ih', 1, 2), struct.pack('@hq', 1, 2))
print(struct.pack(b'<2h', 1, -1), struct.unpack(b'>Hh', b'\xff\xff\xff\xff'))
print(struct.unpack('<i', bytearray(b'\x01\x00\x00\x00')), struct.unpack('<h', memoryview(b'\x02\x01')))
print(struct.pack('i', True), struct.pack('<q', False))

class Idx:
    def __index__(self):
        return 42
print(struct.pack('<i', Idx()), struct.pack('<d', Idx()))
class Flt:
    def __float__(self):
        return 2.5
print(struct.pack('<d', Flt()), struct.pack('<f', 3))
print(struct.pack('0s'), struct.unpack('0s', b''), struct.pack('4x'), struct.unpack('4x', b'abcd'))
