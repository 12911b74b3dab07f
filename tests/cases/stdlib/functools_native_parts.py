# functools' C-implemented parts: partial, cmp_to_key and the LRU cache wrapper.
import functools, pickle, copy, sys, warnings
from functools import partial, cmp_to_key, lru_cache

def f(*args, **kw): return args, kw
p = partial(f, 1, 2, a=3)
print(type(p), type(p).__module__, type(p).__qualname__)
print(p(3, b=4), p(a=9), p.func is f, p.args, p.keywords)
print(repr(p).replace(repr(f), 'F'))
pp = partial(p, 5, c=6)
print(pp.func is f, pp.args, pp.keywords)
class P(partial): pass
q = P(f, 1)
print(type(q).__name__, repr(q).replace(repr(f), 'F'), P(q, 2).func is q)
for bad in [lambda: partial(), lambda: partial(1), lambda: partial(func=f)]:
    try: bad()
    except TypeError as e: print('TypeError', e)
for attr in ('func', 'args', 'keywords'):
    try: setattr(p, attr, 1)
    except AttributeError as e: print('AttributeError', e)
p.attr = 1
print(p.__dict__, p.__reduce__()[0] is partial, p.__reduce__()[1][0] is f, p.__reduce__()[2][1:])
r = pickle.loads(pickle.dumps(partial(max, 1, key=abs)))
print(type(r), r(-5), r.args, r.keywords)
print(copy.copy(p).attr, copy.deepcopy(partial(max, [1])).args)
s = partial(f)
s.__setstate__((f, (1,), {'k': 2}, None))
print(s.args, s.keywords, s())
for st in [1, (1, 2), (1, (), None, None), (f, [], None, None), (f, (), [], None)]:
    try: s.__setstate__(st)
    except TypeError as e: print('TypeError', e)
print(partial[int], hash(p) == hash(p))
rp = partial(f)
rp.__setstate__((f, (rp,), {}, None))
print(repr(rp).replace(repr(f), 'F'))
class M:
    meth = partial(f, 'x')
print(M().meth(1))
try: partial(f, **{1: 2})()
except TypeError as e: print('TypeError', e)

def cmp(a, b): return (a > b) - (a < b)
K = cmp_to_key(cmp)
print(type(K), type(K(1)), K(3) > K(1), K(1) == K(1), K(1) <= K(0), K(obj=5).obj)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
for bad in [lambda: K(3) > 1, lambda: 1 < K(3), lambda: hash(K(1)), lambda: cmp_to_key(), lambda: K(), lambda: K(1, 2)]:
    try: bad()
    except TypeError as e: print('TypeError', e)
k = K(1); k.obj = 7; print(k.obj)

calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print(type(sq), sq(2), sq(3), sq(2), sq(4), sq(3), calls, sq.cache_info())
print(sq.__wrapped__.__name__, sq.__name__, sq.__qualname__, sq.__doc__, sq.cache_parameters())
sq.cache_clear(); print(sq.cache_info())
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@lru_cache(typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info())
@lru_cache(maxsize=0)
def z(x): return x
print(z(1), z(1), z.cache_info())
@lru_cache
def kw(a, b=2): return a + b
print(kw(1), kw(1, b=2), kw(a=1), kw(1, 2), kw.cache_info())
class C:
    @lru_cache
    def m(self, x): return (self.__class__.__name__, x)
    @classmethod
    @lru_cache
    def cm(cls): return cls.__name__
print(C().m(1), C.cm(), C.m.__get__(None, C) is C.m)
try: C.m(1)
except TypeError as e: print('TypeError', e)
print(pickle.loads(pickle.dumps(fib)) is fib, copy.copy(fib) is fib, copy.deepcopy(fib) is fib)
for bad in [lambda: lru_cache(1)(1), lambda: lru_cache('x'), lambda: functools._lru_cache_wrapper(1, 1, False, None)]:
    try: bad()
    except TypeError as e: print('TypeError', e)
@lru_cache
def boom(x): raise ValueError(x)
try: boom(1)
except ValueError as e: print(e, boom.cache_info())
import weakref
print(weakref.ref(fib)() is fib)
try: {}[sq]
except KeyError: print('hashable')
@lru_cache(maxsize=-3)
def neg(x): return x
print(neg(1), neg(1), neg.cache_info())
