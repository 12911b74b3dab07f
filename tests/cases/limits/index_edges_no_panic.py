# Edge cases that panicked: bytearray resized by __index__ during item assignment,
# slice.indices beyond the small-int range, range.index of a non-int, pack_into offset overflow.
import struct, sys
class I:
    def __index__(self):
        ba.clear()
        return 1
ba = bytearray(b'abc')
try:
    ba[0] = I()
except IndexError as e:
    print('IndexError', e)
print(slice(None).indices(2**62), slice(-2**62, 2**62 + 5, 3).indices(sys.maxsize))
print(range(5).index(3.0), range(0, 10, 2).index(True if False else 4.0))
try:
    range(3).index(5.0)
except ValueError as e:
    print(e)
try:
    struct.pack_into('i', bytearray(4), sys.maxsize, 1)
except struct.error as e:
    print(e)
