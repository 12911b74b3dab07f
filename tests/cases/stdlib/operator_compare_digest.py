# _operator._compare_digest (hmac.compare_digest without _hashlib): ASCII str or
# bytes-like pairs, and CPython's errors.
import _operator
import hmac

print(hmac.compare_digest(b"ab", b"ab"), hmac.compare_digest("ab", "ax"))
for a, b in [("abc", "abc"), ("abc", "abd"), ("a", "ab"), (b"ab", memoryview(b"ab").tobytes()), (b"ab", bytearray(b"ac")),
             (b"", b""), ("é", "é"), (1, "a"), (b"a", "a"), ("a", b"a"), (1, 2), (b"x", 2), (2, b"x")]:
    try:
        print(repr(a), repr(b), _operator._compare_digest(a, b), _operator._compare_digest(memoryview(b"ab"), b"ab"))
    except TypeError as e:
        print(repr(a), repr(b), "TypeError", e)
try:
    _operator._compare_digest()
except TypeError as e:
    print("TypeError", e)
print(hmac.new(b"key", b"message", "sha256").hexdigest())
