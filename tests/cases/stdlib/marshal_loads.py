# marshal.loads / load / dump: round trips, references, files, and the errors for
# bad data.
import io
import marshal

def t(fn):
    try:
        r = fn()
        print(type(r).__name__, repr(r)[:80])
    except Exception as e:
        print(type(e).__name__, e)

big = int('7' * 40)
for v in [None, True, ..., StopIteration, 0, -7, 2 ** 31, -(2 ** 31) - 1, big, -big, 2 ** 15, 2 ** 30,
          1.25, -0.0, float('inf'), 3 - 4j, '', 'abc', 'a b c', '\xe9t\xe9', '\U0001f600', '\ud800x',
          'x' * 300, '\xe9' * 300, b'', b'\x00\xff', (), (1, 'two', 3.0), tuple(range(260)), [], [[1], {}],
          {'a': (1, 2), 3: frozenset({4})}, {1, 2, 3}, frozenset({'q'})]:
    for version in range(5):
        data = marshal.dumps(v, version)
        back = marshal.loads(data)
        ok = back == v or (back != back and v != v)
        if not ok or type(back) is not type(v):
            print('MISMATCH', version, repr(v)[:40], repr(back)[:40])
    print(repr(v)[:40], 'ok')

x = [1]
y = marshal.loads(marshal.dumps([x, x, (x,)]))
print(y, y[0] is y[1], y[2][0] is y[0])
rec = []
rec.append(rec)
r2 = marshal.loads(marshal.dumps(rec))
print(r2, r2[0] is r2)
d = {}
d['self'] = d
d2 = marshal.loads(marshal.dumps(d))
print(d2['self'] is d2)
print(marshal.loads(bytearray(b'N')), marshal.loads(memoryview(b'T')), marshal.loads(b'N extra'))
print(marshal.loads(b'I\x01\x00\x00\x00\x00\x00\x00\x00'), marshal.loads(b'f\x031.5'),
      marshal.loads(b'x\x011\x03-2.'), marshal.loads(b'f\x03inf'), marshal.loads(b'(\x00\x00\x00\x00'))

for d in [b'', b'i', b'i\x01\x00', b'Q', b'l\x02\x00\x00\x00\x01\x00', b'l\x01\x00\x00\x00\x00\x80',
          b'l\x02\x00\x00\x00\x01\x00\x00\x00', b'l\x00\x00\x00\x80', b's\x05\x00\x00\x00ab',
          b's\xff\xff\xff\xff', b'[\x02\x00\x00\x00i\x01\x00\x00\x00', b'[\xff\xff\xff\xff',
          b'r\x00\x00\x00\x00', b'(\x01\x00\x00\x00r\x00\x00\x00\x00', b'{0', b'{i\x01\x00\x00\x000',
          b'{i\x01\x00\x00\x00', b'u\x02\x00\x00\x00\xff\xfe', b'z\x02ab', b'Z\x02ab', b'A\x02\x00\x00\x00ab',
          b'f\x03abc', b'<\x01\x00\x00\x00[\x00\x00\x00\x00', b'{[\x00\x00\x00\x00i\x01\x00\x00\x000', b'0',
          b'(\x01\x00\x00\x000', b'[\x01\x00\x00\x000', b'<\x02\x00\x00\x00i\x01\x00\x00\x00i\x01\x00\x00\x00',
          b'\xbe\x01\x00\x00\x00r\x00\x00\x00\x00', b'\xbc\x01\x00\x00\x00r\x00\x00\x00\x00', b'z\x05ab',
          b')\x02N']:
    t(lambda: marshal.loads(d))
t(lambda: marshal.loads('abc'))
t(lambda: marshal.loads())
t(lambda: marshal.loads(b'N', b'N'))
deep = b'[\x01\x00\x00\x00' * 2100 + b'N'
t(lambda: marshal.loads(deep))

b = io.BytesIO()
print(marshal.dump([1, 'a'], b), marshal.dump(2.5, b, 2), marshal.dump('x', b, 0))
b.seek(0)
t(lambda: marshal.load(b))
print(b.tell())
t(lambda: marshal.load(b))
t(lambda: marshal.load(b))
t(lambda: marshal.load(b))
t(lambda: marshal.load(5))
t(lambda: marshal.dump(1, 5))
t(lambda: marshal.dump(object(), io.BytesIO()))

class F:
    def read(self, n=-1):
        return 'x'

t(lambda: marshal.load(F()))

class Short:
    def __init__(self, data):
        self.data = data
    def read(self, n=-1):
        out, self.data = self.data[:n], self.data[n:]
        return out

t(lambda: marshal.load(Short(b'[\x02\x00\x00\x00N')))
t(lambda: marshal.load(Short(marshal.dumps({'k': (1, 2.0)}))))

class Into(Short):
    def readinto(self, buf):
        k = min(len(buf), len(self.data))
        buf[:k] = self.data[:k]
        self.data = self.data[k:]
        return k

t(lambda: marshal.load(Into(b'[\x02\x00\x00\x00N')))
t(lambda: marshal.load(Into(b'[\x02\x00')))
t(lambda: marshal.load(Into(b'')))
src = Into(marshal.dumps({'k': (1, 2.0)}) + b'rest')
t(lambda: marshal.load(src))
print(src.data)

class TooMuch(Short):
    def readinto(self, buf):
        return len(buf) + 1

t(lambda: marshal.load(TooMuch(b'')))

for c in b'aAutsl([<>':
    t(lambda: marshal.loads(bytes([c]) + b'\xff\xff\xff\xff'))
