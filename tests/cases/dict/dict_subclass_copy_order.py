# Copies and merges of dict subclasses: one with its own __iter__ (OrderedDict)
# is read through keys() in its order; one overriding only keys() is copied
# directly, as CPython does.
import collections
od = collections.OrderedDict([('a', 1), ('b', 2)])
od.move_to_end('a')
C = type('C', (), od)
print(list(C.__dict__.items())[:2], dict(od), {**od}, dict.copy(od))
d = {}; d.update(od); print(d)
class K(dict):
    def keys(self): return ['x']
    def __getitem__(self, k): return 'from getitem'
k = K(a=1)
print(dict(k), {**k}, dict.copy(k))
class I(dict):
    def __iter__(self): return iter(['a'])
    def keys(self): return ['a']
i = I(a=1, b=2); print(dict(i), dict.copy(i))
def f(**kw): return kw
print(f(**od), f(**k))
