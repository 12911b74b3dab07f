# Indexing and slicing bytes and bytearray (every step, negative and clamped
# bounds, errors), and a loop over 5-byte slices of a large bytes (base64.b32encode's
# pattern).
import base64

for b in (b"abcdefghij", bytearray(b"abcdefghij")):
    print(type(b).__name__, b[0], b[-1], b[2:5], b[::-1], b[1::3], b[-3:], b[8:100], b[5:2], b[::-2], b[100:])
    for bad in (10, -11):
        try:
            b[bad]
        except IndexError as e:
            print("IndexError", e)
    try:
        b["x"]
    except TypeError as e:
        print("TypeError", e)
    print(b == b"abcdefghij", b < b"abd", b > b"abc", b != bytearray(b"x"), b <= b"abcdefghij")

class Shrink:
    def __init__(self, ba):
        self.ba = ba
    def __index__(self):
        del self.ba[4:]
        return 8

ba = bytearray(b"abcdefghij")
print(ba[1:Shrink(ba)], ba)

data = bytes(range(256)) * 4
n = 0
for i in range(0, len(data), 5):
    n += data[i:i + 5][-1]
print(n)
print(base64.b32decode(base64.b32encode(data)) == data, base64.b85decode(base64.b85encode(data)) == data)
print(base64.b32encode(data[:40]))
