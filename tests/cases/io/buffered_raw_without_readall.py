# BufferedReader.read() of a raw object without readall() loops over raw.read() until it gives nothing.
import io
class Raw:
    def __init__(self, data): self.data = data; self.pos = 0
    def readable(self): return True
    def seekable(self): return False
    def writable(self): return False
    closed = False
    def readinto(self, b):
        n = min(len(b), 3, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]; self.pos += n
        return n
    def read(self, n=-1):
        if n < 0: n = 3
        d = self.data[self.pos:self.pos + min(n, 3)]; self.pos += len(d); return d
r = io.BufferedReader(Raw(b"hello world"))
print(r.read(2), r.read())
class Raw2(Raw):
    def read(self, n=-1):
        return None
print(io.BufferedReader(Raw2(b"abc")).read())
