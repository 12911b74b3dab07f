# struct's offset checks and format checks, and a re-imported _struct keeping
# the exception class the struct module raises.
import struct
import sys

buf = bytearray(10)
for call in [
    lambda: struct.pack_into('<I', buf, -2, 123),
    lambda: struct.pack_into('<B', buf, -11, 123),
    lambda: struct.unpack_from('<I', buf, -2),
    lambda: struct.unpack_from('<B', buf, -11),
    lambda: struct.unpack_from('<I', buf, 8),
    lambda: struct.pack_into('<I', bytearray(10), sys.maxsize, 1),
    lambda: struct.unpack_from('<I', bytearray(10), sys.maxsize),
    lambda: struct.calcsize('\0'),
    lambda: struct.calcsize('2\0i'),
    lambda: struct.calcsize(b'\0'),
]:
    try:
        print(call())
    except struct.error as e:
        print('struct.error:', e)
print(struct.unpack_from('<I', bytes(range(10)), -4))
del sys.modules['_struct'], sys.modules['struct']
import struct as again
try:
    again.unpack('<I', b'')
except again.error as e:
    print('error again:', e)
