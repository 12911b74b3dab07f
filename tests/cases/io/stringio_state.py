# StringIO.__getstate__/__setstate__ (pickling, copy), lone surrogates kept,
# writing nothing past the end pads nothing (StringIO and BytesIO).
import io, pickle, copy
s = io.StringIO('ab\ncd', newline=None)
s.seek(3)
s.foo = 42
st = s.__getstate__()
print(st)
t = pickle.loads(pickle.dumps(s))
print(type(t).__name__, t.tell(), ascii(t.read()), t.foo, t.newlines, t.__getstate__())
u = copy.copy(io.StringIO('x\r\ny', newline=''))
print(ascii(u.getvalue()), u.__getstate__())
v = io.StringIO.__new__(io.StringIO)
v.__setstate__(('q\r\nr', '\r\n', 5, {'a': 1}))
print(ascii(v.getvalue()), v.tell(), v.a, ascii(v.read()), v.__getstate__())
w = io.StringIO()
w.__setstate__(('abc', None, 1, None))
print(ascii(w.read()), w.__getstate__())
for state in [('', 'f', 0, None), ('', '', -1, None), (b'', '', 0, None), ('', b'', 0, None), ('', '', 0.0, None), ('', '', 0, 0), ('len-test', 0), 0]:
    try:
        io.StringIO().__setstate__(state)
    except Exception as e:
        print(type(e).__name__, e)
c = io.StringIO()
c.close()
for f in [c.__getstate__, lambda: c.__setstate__(('closed', '', 0, None))]:
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
m = io.StringIO('a\ud800b\n\udc80\r\nz', newline=None)
print(ascii(m.read(2)), ascii(m.readline()), ascii(m.getvalue()), ascii(m.__getstate__()[0]))
m.seek(1)
m.write('\udfff')
print(ascii(m.getvalue()), ascii(list(io.StringIO('\ud800\nx\udc00'))))
m.truncate(2)
print(ascii(m.getvalue()), ascii(pickle.loads(pickle.dumps(m)).getvalue()))
o = io.StringIO('12')
o.seek(5)
print(o.write(''), ascii(o.getvalue()), o.write('x'), ascii(o.getvalue()))
b = io.BytesIO(b'12')
b.seek(5)
print(b.write(b''), b.getvalue(), b.write(b'x'), b.getvalue())
b.close()
try:
    b.__setstate__((b'closed', 0, None))
except ValueError as e:
    print('ValueError', e)
