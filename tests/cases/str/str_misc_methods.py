print("Hello World".index("o"), "a-b_c d".title(), "they're bill's".title(), "ß".upper(), "İ".lower(), len("İ".lower()))
print("abc".isidentifier(), "1abc".isidentifier(), "ab cd".split(" ", -1), "a\u3000b".split(), "ab".zfill(-1))
print("%s" % "%", "{}".format("{}"), "x".center(0), "tHiS".swapcase(), "12".isdigit(), "−1".isdigit())
print("abc".encode().hex(), "".join(reversed("abc")), "ab\x00cd".split("\x00"), "a\r\nb".split("\n"))
