# _heapq: the C heap functions give CPython's exact layouts (same sift
# algorithm), max-heap helpers, mutation checks and argument errors.
import _heapq as hq
import heapq
import random

data = [random.Random(3).randrange(1000) for _ in range(50)]
r = random.Random(7)
data = [r.randrange(1000) for _ in range(60)]
h = []
for x in data:
    hq.heappush(h, x)
print(h)
print([hq.heappop(h) for _ in range(10)])
print(h)
l = list(data)
hq.heapify(l)
print(l)
print(hq.heapreplace(l, 500), hq.heappushpop(l, -1), hq.heappushpop(l, 999), l[:10])
m = list(data)
hq._heapify_max(m)
print(m[:15], hq._heappop_max(m), hq._heapreplace_max(m, 0), m[:5])
print(heapq.nsmallest(5, data), heapq.nlargest(5, data), list(heapq.merge([1, 4, 9], [2, 3, 10])))
print(hq.heappushpop([], 5), hq.heappop([7]))
tuples = [(x % 7, str(x)) for x in data[:20]]
hq.heapify(tuples)
print(tuples)
class K:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        K.calls += 1
        return self.v < other.v
ks = [K(x) for x in data[:30]]
hq.heapify(ks)
hq.heappush(ks, K(-5))
hq.heappop(ks)
print(K.calls, [k.v for k in ks])

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

t(lambda: hq.heappop([]))
t(lambda: hq.heapreplace([], 1))
t(lambda: hq._heappop_max([]))
t(lambda: hq.heappush((), 1))
t(lambda: hq.heappop(1))
t(lambda: hq.heapify(None))
t(lambda: hq.heapreplace(1, 2))
t(lambda: hq.heappushpop('x', 2))
t(lambda: hq._heapreplace_max(1, 2))
t(lambda: hq._heapify_max(1))
t(lambda: hq.heappush([]))
t(lambda: hq.heappop())
t(lambda: hq.heapify([1, 'a', 2]))
class Shrink:
    def __init__(self, heap):
        self.heap = heap
    def __lt__(self, other):
        self.heap.clear()
        return False
hp = []
hp.append(Shrink(hp))
hp.append(Shrink(hp))
t(lambda: hq.heappush(hp, Shrink(hp)))
class Sub(list):
    pass
s = Sub([3, 1, 2])
hq.heapify(s)
print(s, type(s).__name__)
print(hq.__about__[:11])
