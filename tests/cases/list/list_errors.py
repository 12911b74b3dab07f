l = [1, 2, 3]
for f in (lambda: l.index(9), lambda: l.remove(9), lambda: [].pop(), lambda: l.pop(10), lambda: l[3], lambda: l.__setitem__(5, 0), lambda: l + (1,), lambda: l * 1.5,
          lambda: l.index(1, 1), lambda: l.insert("a", 1), lambda: l.sort(key=1), lambda: [1, "a"].sort(), lambda: list(5), lambda: l.__delitem__(9)):
    try:
        f()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
