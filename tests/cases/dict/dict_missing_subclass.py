class Default(dict):
    def __missing__(self, key):
        self[key] = v = key * 2
        return v
d = Default(a=1)
print(d["a"], d["xy"], d, d.get("q"), "q" in d)
class Counter(dict):
    def __missing__(self, k): return 0
c = Counter()
for ch in "banana":
    c[ch] = c[ch] + 1
print(c, type(c).__name__, isinstance(c, dict))
class NoMissing(dict): pass
try:
    NoMissing()["k"]
except KeyError as e:
    print(type(e).__name__, e, repr(e))
