# _random.Random: CPython's Mersenne Twister output for int/hash seeds,
# random(), getrandbits, getstate/setstate, and the error paths.
from _random import Random

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for s in [0, 1, -1, 5, 12345, 2**32 - 1, 2**32, 2**64 + 3, -2**100, True, 3.5, -0.0, 'abc', (1, 2), 10**40]:
    r = Random(s)
    print(repr(s), r.random(), r.getrandbits(70), r.getrandbits(32), r.getrandbits(5), r.random())
r = Random(99)
for k in [1, 2, 31, 32, 33, 63, 64, 65, 128, 200]:
    print(k, r.getrandbits(k))
st = r.getstate()
print(type(st).__name__, len(st), st[-1], st[:3])
a = [r.random() for _ in range(700)]
r.setstate(st)
print(a == [r.random() for _ in range(700)])
r2 = Random()
r2.setstate(st)
print(r2.random() == a[0])
r.seed(4)
x = r.random()
r.seed(4)
print(x == r.random())
r.seed()
print(0 <= r.random() < 1, r.getrandbits(0))
class Sub(Random):
    def __init__(self, a, b):
        super().__init__(a + b)
print(Sub(2, 3).random() == Random(5).random())
class KwSub(Random):
    def __init__(self, x=1, **kw):
        pass
print(KwSub(x=3).getrandbits(1) in (0, 1))
t(lambda: Random(1, 2))
t(lambda: Random(x=1))
t(lambda: Random().getrandbits(-1))
t(lambda: Random().getrandbits(1.5))
t(lambda: Random().getrandbits())
t(lambda: Random().setstate(1))
t(lambda: Random().setstate([1] * 625))
t(lambda: Random().setstate((1,) * 3))
t(lambda: Random().setstate((1,) * 624 + (700,)))
t(lambda: Random().setstate((1,) * 624 + (-1,)))
t(lambda: Random().setstate((-1,) * 625))
t(lambda: Random().setstate(('x',) * 625))
t(lambda: Random([1]))
t(lambda: Random().seed(1, 2))
t(lambda: Random().random(1))
print(type(Random).__name__, Random.__module__, Random.__name__, Random.__qualname__)
