s = "abc"
for f in (lambda: s.__setitem__(0, "x"), lambda: "a" + 1, lambda: s * "2", lambda: s * 1.5, lambda: "%d" % [], lambda: s.join([b"x"]), lambda: ord("ab"), lambda: ord(""), lambda: chr(-1), lambda: chr(0x110000), lambda: s[5]):
    try:
        f()
    except (TypeError, ValueError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)
print(s * 0, s * -1, repr(s * 0))
