import codecs

print(codecs.utf_8_encode("aé€😀"), codecs.utf_8_decode(b"a\xc3\xa9"), codecs.utf_8_decode(memoryview(b"xy")))
print(codecs.utf_8_decode(b"a\xe2\x82"), codecs.utf_8_decode(b"a\xe2\x82", "strict", False), codecs.utf_8_decode(b"a\xe2\x82", "replace", True))
for data in [b"\xe2\x82", b"\xe2(", b"\x80", b"\xf5", b"\xed\xa0\x80", b"a\xc3"]:
    for final in (False, True):
        try:
            print(data, final, codecs.utf_8_decode(data, "strict", final))
        except UnicodeDecodeError as e:
            print(data, final, e)

print(codecs.utf_16_encode("a€"), codecs.utf_16_encode("a", None, 1), codecs.utf_16_encode("a", None, -1))
print(codecs.utf_16_le_encode("a😀"), codecs.utf_16_be_encode("a😀"), codecs.utf_32_encode("a"), codecs.utf_32_le_encode("a"), codecs.utf_32_be_encode("a"))
print(codecs.utf_16_decode(b"\xff\xfea\x00"), codecs.utf_16_decode(b"\xfe\xff\x00a"), codecs.utf_16_decode(b"a\x00b"), codecs.utf_16_decode(b"a\x00b", None, True) if False else "")
print(codecs.utf_16_ex_decode(b"\xff\xfea\x00", "strict", 0, False), codecs.utf_16_ex_decode(b"a\x00", "strict", 0, False), codecs.utf_16_ex_decode(b"\xff", "strict", 0, False))
print(codecs.utf_16_ex_decode(b"\x00a", "strict", 1, True), codecs.utf_32_ex_decode(b"\xff\xfe\x00\x00a\x00\x00\x00", "strict", 0, False))
print(codecs.utf_32_decode(b"\x00\x00\xfe\xff\x00\x00\x00a"), codecs.utf_32_le_decode(b"a\x00\x00\x00b\x00"), codecs.utf_32_be_decode(b"\x00\x00\x00a"))
for data in [b"\x00\xd8\x00", b"\x00\xd8", b"a", b"a\x00\x00\xdc", b"\x00\xd8a\x00", b"a\x00b"]:
    try:
        print(data, data.decode("utf-16-le"))
    except UnicodeDecodeError as e:
        print(data, e)
    print(codecs.utf_16_le_decode(data, "strict", False) if b"\xdc" not in data and b"\xd8a" not in data else "", codecs.utf_16_le_decode(data, "replace", True))
for data in [b"\x00\x00\x11\x00", b"\x00\xd8\x00\x00", b"a\x00\x00"]:
    try:
        print(data.decode("utf-32-le"))
    except UnicodeDecodeError as e:
        print(e)
    print(codecs.utf_32_le_decode(data, "replace", True))
for f in [lambda: codecs.utf_8_encode(1), lambda: codecs.utf_8_decode("x"), lambda: codecs.utf_8_encode("x", 1),
          lambda: codecs.utf_8_decode(b"", "strict", "x"), lambda: codecs.utf_8_decode(), lambda: codecs.utf_8_decode(b"", None, 0, 1),
          lambda: codecs.utf_16_encode("a", None, "x"), lambda: codecs.latin_1_decode(b"a", None, True)]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
print(codecs.ascii_encode("ab"), codecs.ascii_decode(b"ab"), codecs.latin_1_encode("é"), codecs.latin_1_decode(b"\xe9"), codecs.ascii_encode("é", "replace"))
print(codecs.readbuffer_encode("é"), codecs.readbuffer_encode(b"ab"), codecs.readbuffer_encode(bytearray(b"x")))
