for f in (lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes("x"), lambda: b"a" + "b", lambda: bytes.fromhex("zz"), lambda: bytes.fromhex("a"), lambda: b"abc"[5], lambda: b"x".decode("ascii") + 1,
          lambda: b"a".__setitem__(0, 1), lambda: bytes(-1), lambda: b"%d" % "x", lambda: b"x".join(["s"]), lambda: bytes(1.5), lambda: b"a".split(b"")):
    try:
        f()
    except (ValueError, TypeError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)
