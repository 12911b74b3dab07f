def f(*a, **k): pass
class C:
    def m(self, *a, **k): pass
for g in (lambda: f(*5), lambda: f(1, *5), lambda: f(*[1], *5), lambda: [*5], lambda: print(*5), lambda: C().m(*5), lambda: C.m(*5), lambda: len(*5),
          lambda: dict(**{1: 2}), lambda: print(**{1: 2}), lambda: f(**{1: 2}), lambda: f(x=1, **{1: 2}), lambda: f(**{"a": 1}, **{1: 2}),
          lambda: f(**{"a": 1}, **{"a": 2}), lambda: print(**{"sep": 1}, sep=2), lambda: C().m(**5), lambda: f(**5), lambda: {**5}, lambda: C(**5), lambda: int(**[1]), lambda: (lambda: 0)(**5), lambda: sorted([], **5)):
    try:
        g()
    except TypeError as e:
        print(e)
