# repr of modules, as importlib's _module_repr: loader.module_repr(), then
# __spec__, then __name__/__file__/__loader__; missing-attribute messages.
import sys, json, types
print(repr(sys), repr(json).startswith("<module 'json' from '"))
m = types.ModuleType('foo'); print(repr(m))
m.__file__ = '/tmp/foo.py'; print(repr(m))
class BareLoader: pass
class FullLoader:
    @classmethod
    def module_repr(cls, module): return "<module '{}' (crafted)>".format(module.__name__)
m = types.ModuleType('foo'); m.__loader__ = BareLoader; print(repr(m))
m.__loader__ = FullLoader; m.__file__ = '/tmp/foo.py'; print(repr(m))
class Failing:
    def module_repr(self, module): raise ValueError
m = types.ModuleType('bar'); m.__loader__ = Failing(); print(repr(m).startswith("<module 'bar' (<__main__.Failing object"))
u = types.ModuleType.__new__(types.ModuleType); print(repr(u))
try: u.not_here
except AttributeError as e: print(e)
del m.__name__
print(repr(m).startswith("<module '?' (<__main__.Failing"))
s = types.SimpleNamespace(name='x', origin='built-in', has_location=False, loader=None)
m = types.ModuleType('x'); m.__spec__ = s; print(repr(m))
s.origin = None; print(repr(m))
s.origin = '/a/b.py'; s.has_location = True; print(repr(m))
try: json.nope
except AttributeError as e: print(e)
