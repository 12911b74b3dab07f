values = [3, 1, 0, 2]
inverses = (1 / v for v in values)
for inv in inverses:
    print(inv)
