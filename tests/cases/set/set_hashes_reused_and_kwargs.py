# dict.fromkeys and set/frozenset construction reuse the stored hashes of a
# dict's or set's keys; frozenset subclasses with __init__ take keywords;
# set subclasses pickle their instance dict.
import pickle
class H(int):
    hash_count = 0
    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)
d = dict.fromkeys(map(H, range(10)))
def c(): return sum(e.hash_count for e in d)
print(c())
for thetype in (set, frozenset):
    s = thetype(d); s.difference(d)
    if hasattr(s, 'symmetric_difference_update'):
        s.symmetric_difference_update(d)
    dict.fromkeys(set(d)); dict.fromkeys(frozenset(d), 123); dict.fromkeys(d)
    print(thetype.__name__, c())
class F(frozenset):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg
f = F([1, 2], newarg=3)
print(sorted(f), f.newarg)
class G(frozenset): pass
for call in (lambda: G([1], x=1), lambda: frozenset(x=1), lambda: frozenset(1, 2)):
    try: call()
    except TypeError as e: print(e)
class S(set): pass
s = S([1, 2]); s.attr = 'a'
t = pickle.loads(pickle.dumps(s))
print(type(t).__name__, sorted(t), t.attr, s.__reduce__()[2])
