t = (1, 2)
for f in (lambda: t.__setitem__(0, 1), lambda: t[5], lambda: t.index(9), lambda: hash((1, [2])), lambda: t + [3], lambda: t.append(1), lambda: tuple(1), lambda: {(1, [])}):
    try:
        f()
    except (TypeError, IndexError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
