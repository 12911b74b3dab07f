cases = ["{", "}", "a{", "{0", "{0!", "{0!r", "{0!rx}", "{0!r:}", "{0:{1}", "{0[}", "{0[0}", "{0]}", "{0[0]x}", "{0.}", "{0..a}", "{a{b}", "{0:{1:{2}}}", "{!}", "{0!}", "{:{}}", "{0:}}", "{0:{{}}}","{[0}", "{0[0]]}", "{00}", "{٣}", "{99999999999999999999}", "{0!\x01}", "x}}y{{z", "{0:{}}", "{}{1}", "{0.__class__.__name__}", "{0[a]}", "{0[-1]}", "{:>{}}", "{0!r:>{1}}"]
for c in cases:
    try:
        print(repr(c), repr(c.format([1,2,3],4,5)))
    except Exception as e:
        print(repr(c), type(e).__name__, e)
for c in ["{0}", "{}", "{a}", "{a.real}"]:
    try:
        print(repr(c), repr(c.format_map({"a": 1})))
    except Exception as e:
        print(repr(c), type(e).__name__, e)
