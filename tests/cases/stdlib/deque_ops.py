from collections import deque
d = deque([1, 2, 3])
print(d, len(d), d[0], d[-1], 2 in d, 5 in d)
d.append(4); d.appendleft(0); print(d)
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2]); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d); d.rotate(); print(d)
print(d.count(7), d.index(7), d.index(7, 1), d.index(1, -5))
d.insert(2, 'x'); d.insert(-1, 'y'); d.insert(100, 'z'); d.insert(-100, 'w'); print(d)
d.remove('x'); print(d)
d.reverse(); print(d)
d[0] = 'first'; del d[1]; print(d)
c = d.copy(); print(c == d, c is d, c)
d.clear(); print(d, bool(d), bool(c))
m = deque(range(10), maxlen=3); print(m, m.maxlen)
m.append(10); print(m); m.appendleft(5); print(m)
m.extend(range(100, 105)); print(m); m.extendleft('ab'); print(m)
print(deque([], 0), deque('abc', 0).maxlen)
z = deque(maxlen=0); z.append(1); z.extend([1, 2]); print(z)
print(deque('abc') == deque('abc'), deque('abc') < deque('abd'), deque([1, 2]) <= deque([1, 2, 3]), deque([1]) != deque([1]), deque([2]) > deque([1, 5]), deque([1]) >= deque([1]))
print(deque([1]) == [1], deque([1, 2]) + deque([3]), deque([1, 2], 3) * 2, 2 * deque([1]), deque([1, 2]) * 0, deque([1]) * -1)
e = deque([1]); e += [2, 3]; print(e); e *= 2; print(e)
s = deque([1, 2]); s.extend(s); print(s); s.extendleft(s); print(s)
print(list(reversed(deque([1, 2, 3]))), list(iter(deque('ab'))))
r = deque([1]); r.append(r); print(r)
print(deque([1, 2], maxlen=3).__reduce__()[:3], deque().__reduce__()[:3])
print(deque[int], deque.__module__, type(iter(deque())), type(reversed(deque())))
it = iter(deque([1, 2, 3])); print(it.__length_hint__(), next(it), it.__length_hint__())
import copy
print(copy.copy(deque([1, [2]], 5)), copy.deepcopy(deque([1, [2]])))
class D(deque):
    pass
dd = D([1, 2], 4); print(dd, dd.copy(), type(dd.copy()), dd + deque([3]))
dd.attr = 5; print(dd.attr)
print(deque(maxlen=None), deque(iterable=[1], maxlen=2))
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: deque().pop())
err(lambda: deque().popleft())
err(lambda: deque([1])[1])
err(lambda: deque([1])[-2])
err(lambda: deque([1])[1:2])
err(lambda: deque([1])['a'])
err(lambda: deque([1])[2**100])
err(lambda: deque([1]).remove(2))
err(lambda: deque([1]).index(2))
err(lambda: deque([1]).index(1, 1))
err(lambda: deque([1]).index(1, 'a'))
err(lambda: deque([1]).index())
err(lambda: deque([1]).index(1, 2, 3, 4))
err(lambda: deque([1], 1).insert(0, 2))
err(lambda: deque().insert(1))
err(lambda: deque().insert('a', 1))
err(lambda: deque().rotate('a'))
err(lambda: deque().rotate(1, 2))
err(lambda: deque().rotate(x=1))
err(lambda: deque().append())
err(lambda: deque().pop(1))
err(lambda: deque(maxlen=-1))
err(lambda: deque(maxlen=1.5))
err(lambda: deque(maxlen=2**70))
err(lambda: deque(1))
err(lambda: deque(1, 2, 3))
err(lambda: deque(x=1))
err(lambda: deque() + [1])
def mut():
    q = deque([1, 2, 3])
    for x in q:
        q.append(x)
err(mut)
def mut2():
    q = deque([1, 2, 3])
    for x in reversed(q):
        q.pop()
err(mut2)
def mut3():
    q = deque([1, 2, 3])
    for x in q:
        q[0] = 9
        q.reverse()
    return q
err(mut3)
class Bad:
    def __eq__(self, other):
        q.clear()
        return False
q = deque([1, 2, 3])
err(lambda: q.count(Bad()))
q = deque([1, 2, 3])
err(lambda: q.index(Bad()))
q = deque([Bad(), 2, 3])
err(lambda: q.remove(5))
class Raise:
    def __eq__(self, other):
        raise ValueError("boom")
q = deque([1, 2, Raise(), 4])
err(lambda: q.remove(4)); print(q[3])
err(lambda: deque([1]) == deque([Raise()]))
