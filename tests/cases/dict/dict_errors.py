d = {"a": 1}
for f in (lambda: d["b"], lambda: d.pop("b"), lambda: {}.popitem(), lambda: d[[1]], lambda: {[]: 1}, lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: d.update(5),
          lambda: dict(1), lambda: d.fromkeys(1), lambda: d | [1], lambda: d < d, lambda: d.get()):
    try:
        f()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    for k in d:
        d["new" + k] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
