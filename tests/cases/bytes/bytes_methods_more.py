k = "x"
b = b"  Hello, World \t\n"
tests = [
 lambda: b.split(), lambda: b.rsplit(None, 1), lambda: b"a,b,,c".split(b",", 2), lambda: b"a,b,,c".rsplit(b",", 1), lambda: b.strip(b" \n"),
 lambda: b"xxhixx".lstrip(b"x"), lambda: b"ab\r\ncd\ref\n".splitlines(), lambda: b"ab\r\ncd\n".splitlines(True), lambda: b"abc".center(8, b"-"),
 lambda: b"abc".ljust(5), lambda: b"abc".rjust(2), lambda: b"-42".zfill(6), lambda: b"a\tb".expandtabs(4), lambda: b"hello world".title(),
 lambda: b"hELLO".capitalize(), lambda: b"Hello World".istitle(), lambda: b"abc".islower(), lambda: b"ABC1".isupper(), lambda: b" \t".isspace(),
 lambda: b"abc".find(98), lambda: b"abcabc".rfind(b"b"), lambda: b"abcabc".index(b"c", 3), lambda: b"abc".rindex(b"x"), lambda: b"aaaa".count(b"aa"),
 lambda: b"abc".count(b""), lambda: b"abc".find(b"", 4), lambda: b"abc".startswith((b"x", b"ab")), lambda: b"abc".endswith(b"bc", 0, 3),
 lambda: b"abc".replace(b"", b"-"), lambda: b"aaa".replace(b"a", b"b", 2), lambda: b"a-b-c".partition(b"-"), lambda: b"a-b-c".rpartition(b"-"),
 lambda: b"abc".partition(b"x"), lambda: b"prefix-body".removeprefix(b"prefix-"), lambda: b"body.txt".removesuffix(b".txt"),
 lambda: b"abcde".hex(":", 2), lambda: b"abcde".hex(":", -2), lambda: b"abc".hex(b"|"), lambda: bytes.fromhex(" 0a 0B\n"), lambda: bytearray.fromhex("ff"),
 lambda: b"abc".translate(None, b"b"), lambda: b"%5s|%-5b|%c%c" % (b"ab", b"cd", 65, b"z"), lambda: b"%(k)s" % {b"k": b"v"}, lambda: b"%r" % b"x",
 lambda: b"%s" % "x", lambda: b"%c" % 256, lambda: b"%c" % "a", lambda: b"%.2f%%" % 1.5, lambda: bytearray(b"%d") % 3, lambda: b"a" * 0, lambda: 3 * b"ab",
 lambda: b"abc"[1], lambda: b"abc"[-4], lambda: b"abc"[k], lambda: bytearray(b"abc")[k], lambda: b"a" < b"ab", lambda: b"b" > bytearray(b"a"),
 lambda: b"abc" == bytearray(b"abc"), lambda: hash(b"abc") == hash(b"abc"), lambda: b"abc".join([b"1", bytearray(b"2"), memoryview(b"3")]),
 lambda: bytes(memoryview(b"mv")), lambda: b"x" + memoryview(b"y"), lambda: bytearray(b"x") + b"y", lambda: b"".join([]), lambda: b"a".center(3, "x"),
 lambda: b"a".center(3, b"xy"), lambda: b"a".strip("a"), lambda: b"abc".find("b"), lambda: b"abc".startswith("a"), lambda: b"a" in b"abc", lambda: 300 in b"a",
 lambda: "a" in b"a", lambda: bytes(bytearray(b"q")), lambda: bytes(2.0), lambda: bytearray("x"), lambda: bytes("x", encoding="ascii"), lambda: bytes(b"x", "ascii"),
 lambda: bytes([1, "a"]), lambda: bytes(range(250, 260)), lambda: b"abc".split(None, 0), lambda: b"  a b ".split(maxsplit=1), lambda: b"abc".decode(errors="strict"),
]
for i, t in enumerate(tests):
    try:
        print(i, repr(t()))
    except Exception as e:
        print(i, type(e).__name__, e)
ba = bytearray(b"0123456789")
ba[::3] = b"abcd"; print(ba)
del ba[::2]; print(ba)
ba[2:4] = [65, 66, 67]; print(ba)
ba[:] = b""; print(ba, len(ba))
ba *= 2; ba += b"xy"; ba *= 2; print(ba)
ba.extend(range(3)); ba.extend(bytearray(b"!")); print(ba)
for f in (lambda: ba.__setitem__(slice(0, 1), 5), lambda: ba.__setitem__(0, "a"), lambda: ba.__delitem__(100), lambda: ba.pop(100), lambda: ba.extend(["a"]),
          lambda: ba.__setitem__(slice(0, 1), "ab"), lambda: ba.insert(0, 256), lambda: ba.__iadd__("s"), lambda: bytearray(b"a").remove(300)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(ba, ba.pop(-1), ba.insert(-100, 1), ba[:3], bytearray(b"abc").__alloc__() >= 4)
