tests = [
 lambda: "a".find(1), lambda: "a".startswith((1,)), lambda: "a".endswith((1,)), lambda: "a".split(1), lambda: "a".rsplit(1),
 lambda: "a".strip(1), lambda: "a".lstrip(1), lambda: "a".partition(1), lambda: "a".rpartition(1), lambda: "a".replace(1, "b"),
 lambda: "a".replace("a", 1), lambda: "a".count(), lambda: "a".find("a", 1, 2, 3), lambda: "a".index(), lambda: "a".startswith(),
 lambda: "a".find("a", "x"), lambda: "a".join(5), lambda: "a".join([1]), lambda: "a".center("x"), lambda: "a".center(5, "xy"),
 lambda: "a".zfill("x"), lambda: "a".removeprefix(1), lambda: "a".expandtabs("x"), lambda: "a".encode(1), lambda: "a".count(1),
 lambda: "a" + 1, lambda: 1 + "a", lambda: "a" * "b", lambda: "a".splitlines(1, 2), lambda: "a".ljust(), lambda: "a".format_map(),
 lambda: str.format(), lambda: "a".translate(), lambda: "a" % 1, lambda: "a".maketrans(), lambda: str.maketrans(1, "a"),
 lambda: "a".translate({97: 0x110000}), lambda: "a".translate({97: -1}), lambda: "abc".find("b", None, None), lambda: "abc".rfind("", 5),
 lambda: "abc".count("", 2), lambda: "abc".count("", 4), lambda: "abc".endswith("", 4), lambda: "abc".endswith("c", -1), lambda: "abc".index("c", -1, 10),
 lambda: "a".__mod__(1), lambda: "a".__rmod__("%s"), lambda: "abc".rsplit(None, 1), lambda: "%s %s" % ("a",), lambda: "%(a)s %(b)s" % {"a": 1},
 lambda: "%*s" % ("x", 1), lambda: "%.*f" % (2, 1.234), lambda: "%-*d|" % (-5, 3), lambda: "%s" % {"a": 1}, lambda: "abc" % [1],
 lambda: "%r" % "é", lambda: "%a" % "é", lambda: "%5c|" % "é", lambda: "%c" % 0x110000, lambda: "%c" % -1, lambda: "%i" % True,
 lambda: "%f" % "x", lambda: "%d" % 2.5e20, lambda: "%o" % -8, lambda: "%#X" % 255, lambda: "%e" % 10**400, lambda: "%.0f" % 0.5,
 lambda: "%(a)s" % {"a": 1, "b": 2}, lambda: "%()s" % {"": 3}, lambda: "%s" % (), lambda: "%%s" % (), lambda: "%5%" % (),
]
for i, t in enumerate(tests):
    try:
        print(i, repr(t()))
    except Exception as e:
        print(i, type(e).__name__, e)
