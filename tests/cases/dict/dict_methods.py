d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 1 in d, list(d), d.keys(), d.values(), d.items())
print(d.pop("a"), d.pop("z", "dflt"), d.setdefault("b", 9), d.setdefault("n", []), d, d.popitem(), d)
d.update({"x": 1}, y=2); d.update([("z", 3)]); print(d)
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), dict(a=1), dict([(1, 2)]), dict({"k": "v"}, k2="v2"), d.copy() == d, d.copy() is d)
d.clear(); print(d, {1: "a"} | {2: "b"}, {1: "a", 2: "c"} | {1: "z"})
e = {"q": 1}; e |= {"r": 2}; print(e)
