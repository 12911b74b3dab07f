# _bisect: insertion points with lo/hi/key, insort on lists and other
# sequences, comparison order and argument errors.
import _bisect as b
import bisect

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 2.5, 3, 8, 9]:
    print(x, b.bisect_left(a, x), b.bisect_right(a, x), bisect.bisect(a, x), b.bisect_left(a, x, 2), b.bisect_right(a, x, 1, 4),
          b.bisect_left(a, x, hi=3), b.bisect_right(a, x, lo=5, hi=None))
recs = [('a', 1), ('b', 3), ('c', 3), ('d', 7)]
print(b.bisect_left(recs, 3, key=lambda r: r[1]), b.bisect_right(recs, 3, key=lambda r: r[1]), b.bisect_right(recs, 9, key=None))
l = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    b.insort_right(l, x)
    bisect.insort_left(l, x + 0.5)
print(l)
kl = []
for r in [('x', 3), ('y', 1), ('z', 3), ('w', 2)]:
    b.insort(kl, r, key=lambda t: t[1]) if hasattr(b, 'insort') else b.insort_right(kl, r, key=lambda t: t[1])
print(kl)
class Seq:
    def __init__(self):
        self.items = []
        self.log = []
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        self.log.append(i)
        return self.items[i]
    def insert(self, i, x):
        self.items.insert(i, x)
s = Seq()
for x in [3, 1, 2, 5, 4]:
    b.insort_left(s, x)
print(s.items, s.log)
class L(list):
    def insert(self, i, x):
        print('insert', i, x)
        super().insert(i, x)
ll = L([1, 3])
b.insort_right(ll, 2)
print(ll, b.bisect_left(range(0, 100, 3), 50), b.bisect_right('abcdef', 'c'))
order = []
class C:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        order.append((self.v, o.v if isinstance(o, C) else o))
        return self.v < (o.v if isinstance(o, C) else o)
cs = [C(i) for i in range(10)]
b.bisect_left(cs, C(6))
b.bisect_right(cs, C(6))
print(order)

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

t(lambda: b.bisect_left(a, 1, -1))
t(lambda: b.insort_left(a, 1, lo=-5))
t(lambda: b.bisect_right(a))
t(lambda: b.bisect_right())
t(lambda: b.bisect_left(a, 1, 0, 3, None, 5))
t(lambda: b.bisect_left(a, 1, bogus=2))
t(lambda: b.bisect_left(5, 1))
t(lambda: b.bisect_left(a, 'x'))
t(lambda: b.bisect_right(a, 1, 'x'))
t(lambda: b.bisect_right(a, 1, 0, 20))
t(lambda: b.insort_right((1, 2), 3))
t(lambda: b.bisect_right(a, 1, 0, 2**70))
