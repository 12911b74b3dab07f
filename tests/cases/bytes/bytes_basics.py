b = b"hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], list(b[:2]), b"ab" + b"cd", b"ab" * 3, b"ll" in b, 104 in b, bytes(3), bytes([65, 66]), bytes("é", "utf-8"))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\r\x7f\x80\\"), bytes.fromhex("de ad BE EF"), b"\xde\xad".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2))
print(b"a,b".split(b","), b" x ".strip(), b"abc".upper(), b"Hi".swapcase(), b"abc".find(b"c"), b"aaa".count(b"a"), b"x".join([b"1", b"2"]), b"ab".center(6, b"*"))
print(b"abc".startswith(b"a"), b"abc".replace(b"b", b"B"), b"a b".title(), b"abc".isalpha(), b"12".isdigit(), b"%s=%d" % (b"k", 5), b"%x" % 255, b"%r" % "é" if False else b"%a" % "é")
print(bytes(range(5)), b"\x01\x02".decode(), b"abc"[::-1], bytes.maketrans(b"ab", b"xy"), b"abcab".translate(bytes.maketrans(b"ab", b"xy"), b"c"), b"abc" < b"abd", b"a" == "a")
