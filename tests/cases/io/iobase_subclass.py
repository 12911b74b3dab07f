import io

class Lines(io.IOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self):
        return True
    def read(self, n=-1):
        chunk = self.data[self.pos:self.pos + (n if n >= 0 else len(self.data))]
        self.pos += len(chunk)
        return chunk

r = Lines(b"one\ntwo\nthree")
print(r.readline(), r.readlines(), r.closed, r.readable(), r.writable(), r.seekable())
with Lines(b"a\nb\n") as f:
    print(list(f))
print(f.closed)
try:
    f.readline()
    print(next(f))
except ValueError as e:
    print("ValueError", e)

class Sink(io.IOBase):
    def __init__(self):
        self.got = []
    def write(self, s):
        self.got.append(s)
s = Sink()
s.writelines(["x", "y"])
print(s.got)
for name in ["fileno", "seek", "truncate", "tell"]:
    try:
        getattr(s, name)(0) if name == "seek" else getattr(s, name)()
    except io.UnsupportedOperation as e:
        print(name, "UnsupportedOperation", e)
for m in ["_checkReadable", "_checkWritable", "_checkSeekable"]:
    try:
        getattr(s, m)()
    except io.UnsupportedOperation as e:
        print(m, e)
s.close()
try:
    s._checkClosed()
except ValueError as e:
    print(e)
try:
    s.flush()
except ValueError as e:
    print(e)
print(s.__dict__.keys() - {"got"})

class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = bytearray(data)
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), len(self.data), 3)
        b[:n] = self.data[:n]
        del self.data[:n]
        return n

print(Raw(b"abcdefgh").read(5), Raw(b"abcdefgh").read(), Raw(b"abcdefgh").readall())
br = io.BufferedReader(Raw(b"line1\nline2\nrest"), buffer_size=4)
print(br.readline(), br.peek(1)[:1], br.read(3), br.read1(100), br.read(), br.read())
print(list(io.BufferedReader(Raw(b"a\nb\nc"))))
t = io.TextIOWrapper(io.BufferedReader(Raw("héllo\nwörld\n".encode())), encoding="utf-8")
print(t.readlines())
try:
    io.RawIOBase().read(1)
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
