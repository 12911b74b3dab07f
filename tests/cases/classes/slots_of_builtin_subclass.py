# __slots__ of subclasses of list, deque and set live beside the instance dict:
# they do not show in __dict__, and such objects pickle and copy.
import pickle, copy, gc, weakref
from collections import deque
class L(list):
    __slots__ = ('a', 'b', '__dict__')
class D(deque):
    __slots__ = ('x', '__dict__')
class S(set):
    __slots__ = ('y',)
l = L([1, 2]); l.a = 1; l.c = 3
print(l.__dict__, l.a, vars(l))
try: l.b
except AttributeError as e: print(e)
try: del l.b
except AttributeError as e: print(e)
del l.a
try: l.a
except AttributeError as e: print(e)
l.a = [5]
l2 = pickle.loads(pickle.dumps(l))
print(type(l2).__name__, l2, l2.a, l2.__dict__)
l3 = copy.copy(l); print(l3.a is l.a, l3.__dict__)
l4 = copy.deepcopy(l); print(l4.a == l.a, l4.a is l.a)
d = D([1]); d.x = 'xx'; d.z = 1
print(d.__getstate__() if hasattr(d, '__getstate__') else None)
d2 = pickle.loads(pickle.dumps(d)); print(d2, d2.x, d2.z)
class Obj:
    pass
s = S(); s.y = Obj()
r = weakref.ref(s.y); gc.collect(); print(r() is not None)
del s; gc.collect(); print(r())
try: L.a.__get__(3)
except TypeError as e: print(e)
for i in range(1000):
    t = L(); t.a = i
gc.collect()
print(t.a)
try:
    class W(deque):
        __slots__ = ('__weakref__',)
except TypeError as e:
    print('TypeError:', e)
