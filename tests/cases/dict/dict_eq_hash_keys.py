d = {1: "int", 1.0: "float", True: "bool"}
print(d)
d2 = {(1, 2): "t", frozenset([1]): "fs", None: "n", "": "e", 0.5: "h"}
print(d2[(1, 2)], d2[frozenset({1})], d2[None], d2[""], len(d2))
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 1.0}, {1: [1]} == {1: [1]})
n = float("nan")
d3 = {n: 1}
print(d3[n], n in d3, float("nan") in d3)
print(repr({}), repr({"k": {"n": [1]}}), str({1: "x"}))
r = {}; r["self"] = r; print(r)
