# Keys and items views compare as sets (sizes, then containment: values need
# not be hashable); values views compare by identity.
d1, d2 = {1: 'a', 2: 'b'}, {1: 'a', 2: 'b', 3: 'c'}
k1, k2 = d1.keys(), d2.keys()
print(k1 < k2, k1 <= k2, k2 > k1, k2 >= k1, k1 == k2, k1 != k2, k1 == {1, 2}, k1 < {1, 2, 3}, k1 == [1, 2])
i1, i2 = d1.items(), d2.items()
print(i1 < i2, i2 >= i1, i1 == {(1, 'a'), (2, 'b')}, i1 == d1.items(), i1 != i2)
v = d1.values(); print(v == v, v == d1.values(), v != d1.values())
class C:
    def __eq__(self, other): raise RuntimeError
    __hash__ = None
x = {1: C()}
print(x.items() == {1: C()}.items() if False else '', x.keys() == {1: 2}.keys())
try: x.items() == {1: C()}.items()
except RuntimeError: print('RuntimeError')
try: k1 < 3
except TypeError as e: print(e)
print({1, 2} == k1, {1, 2, 3} > k1, frozenset([1]) < k1)
