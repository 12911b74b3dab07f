for v, spec in ((42, "s"), ("s", "d"), ("s", "="), ("s", "+"), (42, ".2d"), (42, ",b"), (42, "z"), (1.5, ",_"), ("s", ","), (42, "<<<"), (None, "d"), ([], "x"), (42, "10000000000000000000")):
    try:
        print(format(v, spec))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
