d = {}
for k in "zebra":
    d[k] = ord(k)
print(list(d), list(d.values()))
d["z"] = 0; print(list(d))
del d["z"]; d["z"] = 1; print(list(d))
k, v, it = d.keys(), d.values(), d.items()
d["new"] = 5
print(k, len(v), ("new", 5) in it, k & {"e", "q"}, k | {"x"} >= {"x"}, sorted(k - {"e"}), sorted(k ^ {"e", "q"}), it & {("e", 101)})
print(list(reversed(d)), list(reversed(d.values()))[:2], k == {"e", "b", "r", "a", "z", "new"}, v == v, isinstance(k, object))
print(type(k).__name__, type(v).__name__, type(it).__name__, k.mapping is not None)
