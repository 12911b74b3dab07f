# f(**m) with a mapping whose keys() repeats a key, or that repeats a keyword
# given before it: "got multiple values for keyword argument".
def g(*a, **k):
    return a, k

class MultiDict:
    def __init__(self, pairs):
        self.pairs = pairs
    def keys(self):
        return [k for k, v in self.pairs]
    def __getitem__(self, key):
        for k, v in self.pairs:
            if k == key:
                return v
        raise KeyError(key)

class Bad:
    def keys(self):
        return ['q']
    def __getitem__(self, k):
        raise KeyError('zz')

for call in [lambda: g(**MultiDict([('x', 1), ('x', 2)])),
             lambda: g(a=3, **MultiDict([('x', 1), ('x', 2)])),
             lambda: g(**MultiDict([('a', 3)]), **MultiDict([('x', 1), ('a', 2)])),
             lambda: g(**MultiDict([(1, 1), (1, 2)])),
             lambda: g(**{'a': 1}, **{'a': 2}),
             lambda: g(**MultiDict([('x', 1), ('y', 2)])),
             lambda: g(**MultiDict([('x', 1)]), **{1: 2}),
             lambda: g(**Bad()),
             lambda: g(**[1]),
             ]:
    try:
        print(call())
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)
