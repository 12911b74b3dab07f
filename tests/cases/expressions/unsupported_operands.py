cases = [lambda: 1 + "a", lambda: "a" - "b", lambda: [] * [], lambda: {} + {},
         lambda: None < 1, lambda: -"x", lambda: ~1.5, lambda: "a" < 1,
         lambda: [1] < (1,), lambda: 1 @ 2, lambda: +[], lambda: object() > object(),
         lambda: "%d" % "x", lambda: 3 ** "x", lambda: divmod("a", 1)]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(type(e).__name__, e)
