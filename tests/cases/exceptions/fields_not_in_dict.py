# The attributes of exception families (StopIteration.value, OSError.errno, SyntaxError.lineno,
# ImportError.name, AttributeError.obj, ...) are fields, not entries of the instance __dict__;
# __slots__ of exception subclasses are slots; pickling keeps the fields.
import pickle
for e in [ValueError(1), StopIteration(3), SystemExit(2), ImportError('x', name='n', path='p'), ImportError('a', 'b'),
          OSError(2, 'x', 'f'), OSError(2, 'x', 'f', None, 'g'), OSError(1), SyntaxError('m', ('f', 1, 2, 't', 3, 4)),
          AttributeError('x', name='n', obj=3), NameError('y', name='q'), UnicodeDecodeError('utf-8', b'ab', 0, 1, 'bad'),
          UnicodeTranslateError('ab', 0, 1, 'r'), ExceptionGroup('eg', [ValueError(1)])]:
    print(type(e).__name__, e.__dict__, e.__reduce__()[:2])
    for a in ['value', 'code', 'msg', 'name', 'path', 'errno', 'strerror', 'filename', 'filename2', 'lineno', 'offset', 'text',
              'end_lineno', 'end_offset', 'print_file_and_line', 'obj', 'encoding', 'object', 'start', 'end', 'reason', 'message', 'exceptions']:
        if hasattr(e, a):
            print('  ', a, repr(getattr(e, a)))
    if not isinstance(e, BaseExceptionGroup):
        e2 = pickle.loads(pickle.dumps(e))
        print('  pickled', repr(e2), e2.__dict__, str(e2) == str(e))
e = SyntaxError('m', ('f', 1, 2, 't'))
del e.lineno
print(e.lineno, e.__dict__)
e.lineno = 5; print(e.lineno, str(e))
class S(Exception):
    __slots__ = ('a', 'b')
s = S(1); s.a = 2; s.z = 3
print(s.a, s.__dict__, s.__reduce__())
try:
    s.b
except AttributeError as x:
    print('AttributeError', x)
for f in [lambda: ImportError('a', foo=1), lambda: AttributeError('a', foo=1), lambda: NameError('a', obj=1), lambda: ValueError(x=1)]:
    try: f()
    except TypeError as x: print('TypeError', x)
try:
    ExceptionGroup('x', [ValueError()]).message = 'y'
except AttributeError as x:
    print('AttributeError', x)
try:
    None.foo
except AttributeError as x:
    print(x.name, x.obj, x.__dict__)
try:
    undefined_name
except NameError as x:
    print(x.name, x.__dict__)
def gen():
    yield 1
    return 5
g = gen(); next(g)
try: next(g)
except StopIteration as x: print(x.value, x.__dict__)
e = ImportError('x', name='n'); e.__init__('y'); print(e.msg, e.name)
