# SimpleNamespace repr (recursive, str keys only) and pickling; unions of
# generic aliases deduplicate by equality; UnionType's module; GenericAlias
# refuses keywords even in subclasses.
import types, pickle
from typing import TypeVar
ns = types.SimpleNamespace(a=1, b='x')
ns.me = ns
ns.__dict__[1] = 2
print(ns)
p = pickle.loads(pickle.dumps(types.SimpleNamespace(a=[1], b=None)))
print(p, type(p))
class NS(types.SimpleNamespace): pass
print(NS(x=1), pickle.loads(pickle.dumps(NS(x=1))))
T = TypeVar('T'); S = TypeVar('S')
print((list[T] | list[S])[int, int], list[int] | list[int], int | int, (int | str).__module__)
class BadMeta(type):
    def __eq__(self, other): 1/0
    __hash__ = type.__hash__
class Bad(metaclass=BadMeta): pass
try: list[Bad] | list[Bad]
except ZeroDivisionError: print('ZeroDivisionError')
class Sub(types.GenericAlias):
    def __new__(cls, *a, **k): return super().__new__(cls, *a, **k)
try: Sub(list, int, bad=int)
except TypeError as e: print(e)
print(Sub(list, int) == list[int])
