from collections import defaultdict, Counter, OrderedDict
import collections, copy
d = defaultdict(list)
d['a'].append(1); d['b'].append(2); d['a'].append(3)
print(d, d['a'], 'c' in d, d.default_factory, len(d))
print(repr(defaultdict()), defaultdict(None, {1: 2}), defaultdict(int, a=1))
c = d.copy(); print(type(c).__name__, c, c is d, c['a'] is d['a'])
print(copy.copy(d), copy.deepcopy(d))
n = defaultdict(int)
for w in "the cat the hat the end".split():
    n[w] += 1
print(sorted(n.items()), n.get('zzz'), 'zzz' in n)
print(isinstance(d, dict), issubclass(defaultdict, dict), defaultdict.__module__, defaultdict[str, int])
e = defaultdict(); 
try:
    e['x']
except KeyError as ex:
    print('KeyError', ex)
try:
    defaultdict(5)
except TypeError as ex:
    print('TypeError', ex)
e.default_factory = str; print(e['q'], e)
print(d | {'z': [0]}, {'y': 1} | defaultdict(str, {'k': 'v'}))
print(type(d | {}).__name__, type({} | d).__name__)
print(d.__reduce__()[:4])
class Sub(defaultdict):
    pass
s = Sub(set); s[1].add(2); print(s, type(s.copy()).__name__)
r = defaultdict(list); r.default_factory = r.__getitem__; print(type(r).__name__)
cnt = Counter("abracadabra")
print(cnt, cnt.most_common(2), cnt['a'], cnt['zz'], sorted(cnt.elements())[:6])
cnt.update("aaz"); print(cnt.most_common(3)); cnt.subtract({'a': 10}); print(cnt['a'])
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3) - Counter(a=5), Counter([1, 1, 2]) & Counter([1]), Counter([1]) | Counter([2, 2]))
print(Counter({'x': 2}).total(), sorted(Counter(cats=4, dogs=8).keys()))
class MyDict(dict):
    pass
m = MyDict(); collections._count_elements(m, "aab"); print(m)
class GetDict(dict):
    def get(self, k, default=None):
        print('get', k); return dict.get(self, k, default)
g = GetDict(); collections._count_elements(g, "xyx"); print(g)
