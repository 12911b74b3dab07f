import io

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("c")), repr(d.decode("\r", final=True)), d.newlines)
print(d.getstate())
d.reset()
print(d.newlines, d.getstate())
d = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode("x\r\ny\rz\n")), d.newlines)
d.decode("w\r")
print(d.getstate())
d.setstate((b"", 0))
print(repr(d.decode("", final=True)))
try:
    io.IncrementalNewlineDecoder(None, True).decode(b"x")
except TypeError as e:
    print("TypeError", e)
