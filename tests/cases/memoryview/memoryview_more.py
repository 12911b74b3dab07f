b = bytearray(b"\x01\x02\x03\x04\x05\x06\x07\x08")
m = memoryview(b)
for fmt in ("B", "b", "c", "H", "h", "I", "i", "Q", "q", "d", "?", "@B"):
    try:
        v = m.cast(fmt)
        print(fmt, v.format, v.itemsize, v.shape, v.strides, v.tolist()[:3], v.nbytes)
    except Exception as e:
        print(fmt, type(e).__name__, e)
for f in (lambda: m.cast("x"), lambda: m.cast("H").cast("i"), lambda: m.cast("B", (2, 3)), lambda: m.cast("B", [2, 4]).tolist(), lambda: m.cast("B", (2, 2, 2)).shape,
          lambda: m.cast("B", (0,)), lambda: m[::2].cast("B"), lambda: len(m.cast("B", (2, 4))), lambda: m.cast("B", (2, 4))[0], lambda: m.cast("B", (2, 4))[0:1].tolist(),
          lambda: memoryview(b"abc")[1:2].tobytes(), lambda: m[1.5], lambda: m["a"], lambda: m.cast("c")[0], lambda: m.cast("d")[0] == m.cast("d")[0],
          lambda: m.cast("h").__setitem__(0, 40000), lambda: m.cast("c").__setitem__(0, b"xy"), lambda: m.cast("c").__setitem__(0, 5), lambda: m.__setitem__(0, 1.5),
          lambda: m[2:4].__setitem__(slice(None), memoryview(b"zz")), lambda: m.toreadonly().readonly, lambda: m.toreadonly().__setitem__(0, 1),
          lambda: memoryview(memoryview(b"ab")).obj, lambda: m.strides, lambda: m.suboffsets, lambda: m[::-1].tolist(), lambda: m[::-1].tobytes(), lambda: m.c_contiguous,
          lambda: memoryview(b"ab") == memoryview(b"ab"), lambda: memoryview(b"ab") == [97, 98], lambda: memoryview(b"\x01\x00").cast("H") == memoryview(b"\x01\x00").cast("h"),
          lambda: hash(memoryview(b"ab").cast("H")), lambda: memoryview(), lambda: memoryview(b"a", b"b"), lambda: memoryview(object=b"k").tobytes()):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(b)
with memoryview(b) as mm:
    mm[0] = 255
print(b[0], repr(mm).startswith("<released memory at 0x"), repr(m).startswith("<memory at 0x"))
for f in (lambda: len(mm), lambda: mm.tolist(), lambda: mm.format, lambda: mm == mm, lambda: mm == b"", lambda: bytes(mm), lambda: mm.release()):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
