five, none, lst, st = 5, None, [1], "abc"
for f in (lambda: [1][5], lambda: (1,)[-2], lambda: "a"[3], lambda: {}["k"], lambda: five[0],
          lambda: lst["x"], lambda: none[1], lambda: st[1.0], lambda: {}[[]]):
    try:
        f()
    except (IndexError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
l = [1, 2, 3]
try:
    l[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    l[0:1:0]
except ValueError as e:
    print(type(e).__name__, e)
