sq = {x: x * x for x in range(5)}
print(sq, {v: k for k, v in sq.items() if k % 2}, dict(zip("abc", range(3))), dict(sorted({"b": 1, "a": 2}.items())))
print(sum(sq.values()), max(sq, key=sq.get), min(sq.items(), key=lambda kv: -kv[1]))
print(list(iter(sq))[:2], next(iter(sq.items())), {**sq, 0: "zero"}[0])
