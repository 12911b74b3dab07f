e = UnicodeEncodeError("ascii", "h\xe9llo", 1, 2, "ordinal not in range(128)")
print(e.encoding, e.object, e.start, e.end, e.reason)
print(str(e))
print(str(UnicodeEncodeError("ascii", "ab\u20ac\U0001f600", 2, 3, "r")))
print(str(UnicodeEncodeError("ascii", "ab\u20ac\U0001f600", 3, 4, "r")))
print(str(UnicodeEncodeError("ascii", "abcd", 1, 3, "many")))
d = UnicodeDecodeError("utf-8", b"a\xffb", 1, 2, "invalid start byte")
print(repr(d), d.object, str(d))
print(str(UnicodeDecodeError("utf-8", bytearray(b"xyz"), 0, 3, "bad")))
t = UnicodeTranslateError("abc\xff", 3, 4, "no mapping")
print(str(t), t.encoding if hasattr(t, "encoding") else "-")
print(str(UnicodeTranslateError("abc", 0, 2, "no")))
e.start = 0
print(str(e))
for args in [(), ("ascii",), (1, "x", 0, 1, "r"), ("ascii", b"x", 0, 1, "r"), ("ascii", "x", "0", 1, "r")]:
    try:
        UnicodeEncodeError(*args)
    except TypeError as err:
        print("TypeError", err)
try:
    UnicodeDecodeError("utf-8", "str", 0, 1, "r")
except TypeError as err:
    print("TypeError", err)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as err:
    print(err.encoding, err.object, err.start, err.end, err.reason)
try:
    "\xe9".encode("ascii")
except UnicodeEncodeError as err:
    print(err.encoding, err.object, err.start, err.end, err.reason)
print(isinstance(e, ValueError), UnicodeError("plain", 1).args)
raise UnicodeEncodeError("latin-1", "\u0100", 0, 1, "ordinal not in range(256)")
