# find/rfind/index/count/startswith/endswith with offsets on bytes and bytearray,
# including a scan loop from increasing offsets (searched in place, not copied).
for b in (b"abcabcXabc", bytearray(b"abcabcXabc")):
    print(b.find(b"abc", 1), b.find(b"abc", 1, 5), b.rfind(b"abc", 0, 9), b.find(b"", 10), b.find(b"", 11),
          b.find(ord("X")), b.rfind(b"c", -3), b.count(b"abc", 2), b.count(b"", 3, 5), b.count(b"x", 5, 2))
    print(b.startswith(b"abc", 3), b.startswith((b"x", b"ca"), 2), b.endswith(b"cX", 0, 7), b.startswith(b"", 10),
          b.startswith(b"a", 11), b.endswith((b"bc",), -3), b.startswith(b"abc", -3))
    try:
        b.index(b"zz", 2)
    except ValueError as e:
        print("ValueError", e)
    try:
        b.startswith("abc")
    except TypeError as e:
        print("TypeError", e)

data = b"xy" * 5000 + b"END"
pos, hits = 0, 0
while True:
    pos = data.find(b"y", pos)
    if pos < 0:
        break
    hits += data.startswith(b"yx", pos)
    pos += 1
print(hits, data.count(b"xy", 100), data.rfind(b"x", 0, 9999))
