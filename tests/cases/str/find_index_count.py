s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.find("zz"), s.rfind("a"), s.rfind("a", 0, 5), s.find(""), s.find("", 20), s.rfind(""))
print(s.index("bra"), s.rindex("bra"), s.count("a"), s.count("a", 4), s.count(""), s.count("abra"), "aaaa".count("aa"))
print(s.find("a", -3), s.find("a", -100, -5), s.startswith("abr"), s.startswith(("x", "ab")), s.endswith("bra", 0, 4), s.startswith("", 11), s.startswith("", 12))
for f in (lambda: s.index("z"), lambda: s.rindex("z"), lambda: s.startswith(["a"]), lambda: s.find(1), lambda: s.count()):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
