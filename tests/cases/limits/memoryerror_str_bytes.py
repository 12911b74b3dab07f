for f in (lambda: "a" * (2 ** 62), lambda: b"a" * (2 ** 62), lambda: "ab" * (2 ** 63), lambda: (1,) * (2 ** 62), lambda: bytearray(2 ** 62)):
    try:
        f()
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__, e)
