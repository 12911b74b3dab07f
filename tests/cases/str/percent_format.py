print("%s|%r|%a|%d|%i|%5d|%-5d|%05d|%+d|% d" % ("s", "r", "é", 42, -3, 7, 7, 7, 7, 7))
print("%x|%X|%#x|%o|%#o|%e|%E|%f|%.2f|%g|%G|%%|%c|%c" % (255, 255, 255, 8, 8, 1.5, 1.5, 1.5, 1.555, 0.00001, 1e20, "z", 65))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%*d|%-*.*f" % (5, 1, 8, 2, 3.14159), "%s" % (1,), "%s" % [1, 2])
print("%.3s|%10.2s|%-6s|" % ("abcdef", "xyz", "ab"), "%d" % 3.9, "%x" % 2**70, "%s %s" % (None, True))
for fmt, args in (("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", 1), ("%c", 1.5), ("%c", "ab"), ("%d", None), ("%", ()), ("%x", 1.5)):
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
