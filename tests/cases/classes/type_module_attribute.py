# type.__module__ of builtin types (type itself included) and classes; pickling
# NoneType goes through type's own __module__.
import functools, collections, pickle
print(type.__module__, object.__module__, int.__module__, functools.partial.__module__)
print(type(None).__module__, collections.OrderedDict.__module__, type(len).__module__)
class A: pass
print(A.__module__)
for attr in ('__module__', '__name__', '__qualname__', '__doc__'):
    try: delattr(A, attr)
    except TypeError as e: print('TypeError', e)
A.__dict__  # a class made without __module__ has none
B = type.__new__(type, 'B', (), {})
print(B.__module__)
print(pickle.loads(pickle.dumps(type(None))), pickle.loads(pickle.dumps(type)))
