print("aaa".replace("a", "b", 2), "abc".replace("", "-"), "hello".replace("l", ""), "x".replace("x", "yy") * 2)
print("Hello".startswith("He"), "abc" * 3, 3 * "ab", "abc"[::-1], "é" + "e\u0301", len("e\u0301"))
print(str(), str(5), str(b"x"), str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"), str(b"\xff", "latin-1"))
print("%s" % "x", ord("€"), chr(0x1F600) == "\U0001F600", "a" < "b" < "ba", max("hello"), sorted("banana"))
