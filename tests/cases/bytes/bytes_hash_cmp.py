# Hashing and comparing bytes, bytearray and other buffers, as dict keys and in
# tuples; subclasses with their own __hash__/__eq__ keep them.
import array

print(hash(b"abc") == hash("abc"), hash(b"") == hash(""), hash(b"\xff\x00") == hash(bytes([255, 0])))
d = {b"ab": 1, (b"a", b"b"): 2}
print(d[b"a" + b"b"], d[(b"a", b"b")], b"ab" in d, bytearray(b"ab") in [b"ab"])
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print("TypeError", e)

class B(bytes):
    def __hash__(self):
        return 42
    def __eq__(self, other):
        return True

print(hash(B(b"zz")), {B(b"q"): 1}.get(B(b"r")), B(b"a") == b"b")
ba = bytearray(b"abc")
print(ba == ba, ba == b"abc", b"abc" == ba, b"abc" < bytearray(b"abd"), ba >= b"abc")
print(b"abc" == memoryview(b"abc"), b"abc" == array.array("b", b"abc"), bytearray(b"abc") == array.array("b", b"abc"), b"abc".__eq__(memoryview(b"abc")), b"abc" == "abc", b"abc" < b"abcd")
try:
    b"a" < "a"
except TypeError as e:
    print("TypeError", e)
print(b"abc".__eq__("abc"), bytearray(b"a").__lt__(1))
