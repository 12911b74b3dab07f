# type.__flags__: the CPython tp_flags bits that follow from a type's state.
import abc
IS_ABSTRACT, HEAPTYPE, BASETYPE, IMMUTABLE = 1 << 20, 1 << 9, 1 << 10, 1 << 8
class C: pass
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
class B(A):
    def f(self): ...
class L(list): pass
class E(ValueError): pass
for t in (C, A, B):
    print(t.__name__, bool(t.__flags__ & IS_ABSTRACT), bool(t.__flags__ & HEAPTYPE), bool(t.__flags__ & BASETYPE))
for t in (object, int, list, bool, type(None)):
    print(t.__name__, bool(t.__flags__ & IMMUTABLE), bool(t.__flags__ & HEAPTYPE), bool(t.__flags__ & BASETYPE))
print([bool(L.__flags__ & 1 << b) for b in range(24, 32)])
print([bool(E.__flags__ & 1 << b) for b in range(24, 32)], bool(type.__flags__ & 1 << 31), bool(bool.__flags__ & 1 << 24))
import inspect
print(inspect.isabstract(A), inspect.isabstract(B), inspect.isabstract(C))
A.__abstractmethods__ = frozenset()
print(bool(A.__flags__ & IS_ABSTRACT))
try:
    C.__flags__ = 0
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
