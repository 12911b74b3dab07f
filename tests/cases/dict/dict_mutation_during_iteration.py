# Mutating a dict while iterating: size changes and same-size key changes are
# RuntimeErrors; __length_hint__ counts what is left.
for kind in ('keys', 'values', 'items'):
    d = {0: 0}
    try:
        for i in getattr(d, kind)():
            del d[0]
            d[0] = 0
    except RuntimeError as e: print(kind, e)
d = {1: 1, 2: 2}
try:
    for k in d: d[3] = 3
except RuntimeError as e: print(e)
d = {i: i for i in range(5)}; del d[0]; del d[2]
it = iter(d); print(it.__length_hint__()); next(it); print(it.__length_hint__(), list(it), it.__length_hint__())
