tests = [lambda: [].pop(), lambda: {}["missing"], lambda: int("x"), lambda: 1 / 0, lambda: None.x, lambda: undefined,
         lambda: "a" + 1, lambda: [1][2], lambda: float("y"), lambda: iter(5), lambda: next(iter([])), lambda: (1).__foo__,
         lambda: len(5), lambda: {}.x, lambda: object().a, lambda: sum(1), lambda: "".join([1]), lambda: {}.fromkeys(),
         lambda: int.from_bytes("x", "big"), lambda: tuple()[0], lambda: [].remove(1), lambda: 2 ** 10000.0, lambda: ord(""), lambda: abs(None)]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, "|", e)
