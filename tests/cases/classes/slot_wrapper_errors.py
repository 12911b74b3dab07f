for f in (lambda: list.__repr__(5), lambda: list.append(5, 1), lambda: list.__len__(5), lambda: list.__getitem__(5, 0),
          lambda: list.__init__(5), lambda: int.__add__("a", 1), lambda: list.__repr__(), lambda: list.append(),
          lambda: object.__init__(), lambda: str.join(1, []), lambda: list.__iter__(5), lambda: list.__contains__(5, 1),
          lambda: list.sort(5), lambda: list.__lt__(5, 1), lambda: int.__new__(str), lambda: int.__new__(5),
          lambda: int.__new__(), lambda: list.__new__(dict), lambda: object.__new__(int), lambda: type.__new__(int, "X", (), {}),
          lambda: dict.__getitem__([], 1), lambda: tuple.__getitem__([], 0)):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
