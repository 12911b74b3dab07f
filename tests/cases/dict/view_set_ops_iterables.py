# Set operations on keys and items views accept any iterable on either side
# and give sets (CPython's dictviews_* slots).
d1 = {"a": 1, "b": 2}
d2 = {"b": 3, "c": 2}
print(sorted(d1.keys() & d1.keys()), sorted(d1.keys() & d2.keys()), sorted(d1.keys() | d2.keys()))
print(sorted(d1.items() & d1.items()), sorted(d1.items() ^ d2.items()))
print(sorted(d1.keys() - d2.keys()), sorted(d1.keys() ^ d2.keys()))
origin = {1: 2, 3: 4}
S = sorted
print(S(origin.keys() & iter([1, 2])), S(origin.keys() | iter([1, 2])), S(origin.keys() - iter([1, 2])))
print(S(iter([1, 2]) & origin.keys()), S([1, 2] | origin.keys()), S([1, 2] - origin.keys()), S((1, 5) ^ origin.keys()))
print(S(origin.items() & iter([(1, 2)])), S([(3, 4), (5, 6)] - origin.items()))
print(type(d1.keys() & []).__name__, S(d1.keys() & "ab"))
try:
    d1.keys() & 1
except TypeError as e:
    print("TypeError", e)
try:
    1 - d1.keys()
except TypeError as e:
    print("TypeError", e)
try:
    d1.values() & d1.values()
except TypeError as e:
    print("TypeError", e)
print(d1.keys().isdisjoint(d1.keys()), {}.keys().isdisjoint({}.keys()), d1.keys().isdisjoint(["c"]))
print(d1.keys().isdisjoint({"a", "z", "y"}), d1.items().isdisjoint(d2.items()), d1.items().isdisjoint([("a", 1)]))
print(d1.keys().isdisjoint(iter("xyz")), d1.keys().isdisjoint(d2.keys()))
try:
    d1.keys().isdisjoint(1)
except TypeError as e:
    print("TypeError", e)
