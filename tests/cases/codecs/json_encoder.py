import json, json.encoder
from collections import OrderedDict

print(json.encoder.encode_basestring("a\"\\\n\x01é😀"), json.encoder.encode_basestring_ascii("a\"\\\n\x01é😀\u2028"))
for f in (json.encoder.encode_basestring, json.encoder.encode_basestring_ascii):
    try:
        f(1)
    except TypeError as e:
        print("TypeError", e)
print(json.dumps([1, 2.5, -0.0, 1e300, 10 ** 30, True, None, "x", (1, 2), [], {}, {"a": []}]))
print(json.dumps({"b": 1, "a": {"d": 2, "c": 3}}, sort_keys=True), json.dumps(OrderedDict([("z", 1), ("y", 2)])))
print(json.dumps({1: "int", 2.5: "float", True: "t", False: "f", None: "n"}), json.dumps({1: 2}, separators=(";", "=")))
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
for bad, kw in [({(1, 2): 3}, {}), ({1: 2, "a": 3}, {"sort_keys": True}), (float("nan"), {"allow_nan": False}), ({"k": float("inf")}, {"allow_nan": False}),
                (object(), {}), ({1.5: float("-inf")}, {"allow_nan": False})]:
    try:
        print(json.dumps(bad, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(json.dumps([float("inf"), float("-inf"), float("nan")]), json.dumps({float("nan"): 1}))
a = []
a.append(a)
d = {}
d["self"] = d
for x in (a, d):
    try:
        json.dumps(x)
    except ValueError as e:
        print("ValueError", e)
print(json.dumps(a, check_circular=False) if False else "skip")

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
def default(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f"cannot serialize {type(o).__name__}")
print(json.dumps([Point(1, 2), {3, 1, 2}], default=default))
try:
    json.dumps([Point(1, 2), b"x"], default=default)
except TypeError as e:
    print("TypeError", e)
class Loop:
    pass
try:
    json.dumps(Loop(), default=lambda o: o)
except ValueError as e:
    print("ValueError", e)

class MyEncoder(json.JSONEncoder):
    def default(self, o):
        return repr(o)
print(MyEncoder().encode({"k": Point}), json.dumps("é", ensure_ascii=False), json.dumps({"é": "😀"}))
class IntSub(int):
    def __repr__(self):
        return "nope"
class FloatSub(float):
    def __repr__(self):
        return "nope"
print(json.dumps([IntSub(5), FloatSub(2.5), {IntSub(7): FloatSub(0.5)}]))
print(json.dumps({"a": [1, {"b": None}]}, indent=2), json.dumps([1, [2]], indent="\t"))
enc = json.encoder.c_make_encoder(None, lambda o: None, json.encoder.encode_basestring_ascii, None, ": ", ", ", False, False, True)
print(enc({"a": [1, 2]}, 0), type(enc).__name__)
