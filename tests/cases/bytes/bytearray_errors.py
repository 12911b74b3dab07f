ba = bytearray(b"ab")
for f in (lambda: ba.__setitem__(0, 256), lambda: ba.append(-1), lambda: ba.remove(99), lambda: bytearray().pop(), lambda: ba.index(b"z"), lambda: ba.extend(5),
          lambda: ba.__setitem__(slice(0, 2, 2), b"xyz"), lambda: hash(ba), lambda: ba.insert(0, "a"), lambda: ba.append("a")):
    try:
        f()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
