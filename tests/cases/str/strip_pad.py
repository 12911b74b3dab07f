s = "  \t hello \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")), repr("abcba".strip("ab")), repr("www.ex.com".lstrip("w.")))
print(repr("ab".center(7, "*")), repr("ab".center(6)), repr("abc".ljust(6, "-")), repr("abc".rjust(2)), repr("42".zfill(5)), repr("-42".zfill(6)), repr("+x".zfill(4)))
print(repr("a\tbc\td".expandtabs()), repr("a\tb".expandtabs(4)), repr("x\ty\nab\tc".expandtabs(3)))
print("prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"), "abc".removeprefix("z"))
try:
    "a".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
