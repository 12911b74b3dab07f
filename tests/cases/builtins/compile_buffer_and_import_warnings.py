# compile/exec/eval take any bytes-like source; dir() of a module whose
# __dict__ is not a dict; relative imports warn when the package must be
# guessed from __name__, or when __package__ and __spec__.parent differ.
import types, warnings, array
exec(compile(memoryview(b"print('from memoryview')"), "name", "exec"))
print(eval(bytearray(b"1 + 2")), eval(memoryview(b"3 * 4")))
class Foo(types.ModuleType):
    __dict__ = 8
try: dir(Foo("foo"))
except TypeError as e: print(e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    try:
        __import__('', {'__package__': None, '__spec__': None, '__name__': '__main__'}, {}, ('foo',), 1)
    except ImportError as e: print('ImportError', e)
    print([(x.category.__name__, str(x.message)) for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    spec = types.SimpleNamespace(parent='email')
    m = __import__('', {'__package__': 'json', '__spec__': spec, '__name__': 'json.x'}, {}, ('decoder',), 1)
    print(m.__name__, [(x.category.__name__, str(x.message)) for x in w])
