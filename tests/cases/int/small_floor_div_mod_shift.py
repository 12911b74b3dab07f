# Small-int //, %, << and >> with Python's floor rounding, signs and limits.
vals = [0, 1, -1, 2, -2, 7, -7, 3, -3, 10, -10, 2**62, -2**62, 2**63 - 1, -2**63, 2**61 + 5]
for x in vals:
    row = []
    for y in vals:
        if y == 0:
            try:
                x // y
            except ZeroDivisionError as e:
                row.append("zd:" + str(e))
            try:
                x % y
            except ZeroDivisionError as e:
                row.append("zm:" + str(e))
            continue
        row.append((x // y, x % y, divmod(x, y) == (x // y, x % y)))
    print(x, row)
for x in [1, -1, 3, -3, 2**40, -2**40, 2**62 - 1, -2**62]:
    print(x, [x << s for s in (0, 1, 2, 21, 22, 23, 40, 62, 63, 64, 100)])
    print(x, [x >> s for s in (0, 1, 2, 40, 62, 63, 64, 100, 1000)])
for s in (-1, -100):
    for f in (lambda: 1 << s, lambda: 1 >> s):
        try:
            f()
        except ValueError as e:
            print("ValueError", e)
acc = 17
acc //= 3; print(acc)
acc %= -4; print(acc)
acc <<= 70; print(acc)
acc >>= 69; print(acc)
