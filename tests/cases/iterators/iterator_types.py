print(type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__, type(iter({})).__name__, type(iter(set())).__name__, type(iter(range(1))).__name__, type(iter(b"")).__name__)
print(type(iter({}.values())).__name__, type(iter({}.items())).__name__, type(zip()).__name__, type(map(abs, [])).__name__, type(filter(None, [])).__name__, type(enumerate([])).__name__)
it = iter([1, 2, 3])
print(it.__length_hint__(), next(it), it.__length_hint__())
d = {1: 2}
di = iter(d)
d[3] = 4
try:
    next(di)
except RuntimeError as e:
    print(type(e).__name__, e)
