s = {1}
for f in (lambda: s.remove(2), lambda: set().pop(), lambda: {[1]}, lambda: s.add({}), lambda: s | [1], lambda: s < [1], lambda: set(5), lambda: s[0], lambda: hash(s)):
    try:
        f()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
try:
    for x in s:
        s.add(x + 1)
except RuntimeError as e:
    print(type(e).__name__, e)
