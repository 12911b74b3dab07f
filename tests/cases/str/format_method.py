print("{} {} {}".format(1, "a", None), "{1}{0}{1}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{0[1]} {0[k]}".format({1: "one", "k": "kay"}))
print("{.real} {[0]}".format(3, [9]), "{{literal}}".format(), "{!r} {!s} {!a}".format("é", "é", "é"), "{:>{w}}".format("r", w=5))
print("{0:{1}{2}}".format(3.14159, ".", "3f"), "{:,}".format(1234567), "{:_x}".format(0xABCDEF), "{:%}".format(0.25))
for fmt, a, k in (("{", (), {}), ("}", (), {}), ("{0} {}", (1, 2), {}), ("{} {0}", (1,), {}), ("{2}", (1,), {}), ("{x}", (), {}), ("{!z}", (1,), {}), ("{0.missing}", (1,), {}), ("{0[5]}", ([1],), {}), ("{:d}", ("s",), {})):
    try:
        print(fmt.format(*a, **k))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
print("{a}".format_map({"a": "mapped"}))
