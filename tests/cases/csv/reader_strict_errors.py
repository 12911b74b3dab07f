# Reader errors: strict mode, non-string lines, field size limit, QUOTE_NONNUMERIC floats.
import _csv
def show(lines, **kw):
    try:
        print(repr(lines), kw, list(_csv.reader(lines, **kw)))
    except Exception as e:
        print(repr(lines), kw, type(e).__name__, e)
show(['"ab"c,d'], strict=True)
show(['"ab'], strict=True)
show(['"a";b'], strict=True, delimiter=';')
show(['"a"x'], strict=True, delimiter=';', quotechar='"')
show([b'ab'])
show([1])
show(['a\rb'])
show(['1,2.5,"3",-4e2'], quoting=_csv.QUOTE_NONNUMERIC)
show(['1,abc'], quoting=_csv.QUOTE_NONNUMERIC)
show([',1'], quoting=_csv.QUOTE_NONNUMERIC)
old = _csv.field_size_limit(5)
print(old, _csv.field_size_limit())
show(['abcde,f'])
show(['abcdef,g'])
show(['"abcdef"'])
print(_csv.field_size_limit(old))
for f in [lambda: _csv.field_size_limit(1, 2), lambda: _csv.field_size_limit("a"), lambda: _csv.field_size_limit(1.0),
          lambda: _csv.field_size_limit(limit=5), lambda: _csv.field_size_limit(new_limit=old), lambda: _csv.field_size_limit(2**70)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
r = _csv.reader(['a,b\n', 'c,"d\n', 'e"\n', 'f'])
print(r.line_num)
for row in r:
    print(row, r.line_num)
def gen():
    yield "a,b"
    raise KeyError("boom")
r = _csv.reader(gen())
print(next(r))
try:
    next(r)
except KeyError as e:
    print("KeyError", e)
for f in [lambda: _csv.reader(), lambda: _csv.reader(1), lambda: _csv.reader([], "nope"), lambda: _csv.reader([], 1, 2),
          lambda: _csv.reader([], delimiter=1), lambda: _csv.Reader(), lambda: _csv.reader([], bogus=1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(_csv.Error.__mro__, _csv.Error.__module__)
