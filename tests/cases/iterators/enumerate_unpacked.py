# `for i, x in enumerate(...)` (unpacked at once, so the interpreter makes no tuple)
# against every other way enumerate is consumed, errors included.
for i, x in enumerate("abc"):
    print(i, x)
for i, x in enumerate([10, 20], start=2**70):
    print(i, x)
e = enumerate(range(3))
for i, x in e:
    if i == 1:
        break
print(next(e), list(e))
pairs = [p for p in enumerate("xy")]
print(pairs, dict(enumerate("pq")))

class E(enumerate):
    def __next__(self):
        i, x = super().__next__()
        return i * 10, x
for i, x in E("ab"):
    print("sub", i, x)

def failing():
    yield 1
    raise KeyError("inner")
try:
    for i, x in enumerate(failing()):
        print("got", i, x)
except KeyError as err:
    print("KeyError", err)
try:
    for i, x, y in enumerate("ab"):
        pass
except ValueError as err:
    print("ValueError:", err)
try:
    for (i, (a, b)) in enumerate(["ab", "c"]):
        print(i, a, b)
except ValueError as err:
    print("ValueError:", err)
