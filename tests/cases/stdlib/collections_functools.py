import collections, functools
P = collections.namedtuple("P", "x y")
p = P(1, 2)
print(p, p.x + p.y, p._replace(x=5), P._fields, p._asdict())
c = collections.Counter("abracadabra")
print(c.most_common(3), sorted(c.elements())[:4], c["z"])
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm))
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.partial(pow, 2)(10))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), fib.cache_info())
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
@functools.wraps(fib)
def g(): pass
print(g.__name__, g.__wrapped__ is fib)
