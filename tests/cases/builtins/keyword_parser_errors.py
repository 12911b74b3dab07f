for f in (lambda: sum(1, 2, 3), lambda: sum(), lambda: sum(start=1), lambda: sum([], 0, start=1), lambda: round(), lambda: round(1, 2, 3),
          lambda: int(1, 2, 3), lambda: "a".split(1, 2, 3), lambda: sorted(), lambda: sorted([], None),
          lambda: "a".split(maxsplit=1, sep=2, x=3), lambda: [].sort(1), lambda: divmod(1), lambda: divmod(1, y=2),
          lambda: sorted([2, 1], reverse=1.5), lambda: [2, 1].sort(reverse="r"), lambda: sorted([2, 1], reverse=2),
          lambda: sum(iterable=[1]), lambda: "a".split(sep="a", sep2=1)):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
