# Iterating subclasses of builtin containers: an inherited __iter__ iterates the
# contents, an overriding one (on the class or a base) is called.
class L(list): pass
class T(tuple): pass
class D(dict): pass
class S(str): pass
class F(frozenset): pass
for c in (L([1, 2]), T((3, 4)), D(a=1, b=2), S('xy'), F([5])):
    print(type(c).__name__, [x for x in c], list(iter(c)))
class L2(L):
    def __iter__(self):
        yield 'own'
print(list(L2([1, 2])), [x for x in L2()])
class L3(L2): pass
print(list(L3([1])))
L.__iter__ = lambda self: iter(['patched'])
print(list(L([1, 2])), list(L3([1])))
del L.__iter__
print(list(L([1, 2])))
class NoIter(list):
    __iter__ = None
try:
    iter(NoIter())
except TypeError as e:
    print(e)
class D2(dict):
    def keys(self): return ['k']
print(list(D2(a=1)))
