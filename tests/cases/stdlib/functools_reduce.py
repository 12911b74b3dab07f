import functools, operator, heapq, bisect
print(functools.reduce(operator.add, [1, 2, 3]), functools.reduce(operator.add, [], 10), functools.reduce(lambda a, b: a + b, ['x'], 'y'))
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: functools.reduce(operator.add, []))
err(lambda: functools.reduce(operator.add, 5))
err(lambda: functools.reduce(operator.add))
err(lambda: functools.reduce(operator.add, [], 1, 2))
err(lambda: functools.reduce(operator.add, [1, 'a']))
err(lambda: functools.reduce(function=operator.add, iterable=[1]))
p = functools.partial(int, base=2); print(p('101'), p.func is int, p.keywords)
@functools.lru_cache(maxsize=2)
def sq(x): return x * x
print(sq(2), sq(3), sq(2), sq.cache_info())
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
h = [5, 1, 4]; heapq.heapify(h); heapq.heappush(h, 0); print(h, heapq.heappop(h), heapq.nsmallest(2, [4, 2, 8]), heapq.nlargest(1, [4, 2, 8]))
print(heapq.heappushpop(h, 3), heapq.heapreplace(h, 9), h, list(heapq.merge([1, 3], [2, 4])))
a = [1, 2, 2, 4]; print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 3)); bisect.insort(a, 3); print(a)
print(bisect.bisect_left([{'k': 1}, {'k': 5}], 3, key=lambda d: d['k']))
print(operator.itemgetter(1)([1, 2]), operator.attrgetter('real')(3), operator.methodcaller('upper')('a'))
