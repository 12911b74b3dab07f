for s in ("hello World", "ÉCOLE ß", "ǅungla", "mIxEd 123 abc-def", "", "ﬁ"):
    print(repr(s.upper()), repr(s.lower()), repr(s.capitalize()), repr(s.title()), repr(s.swapcase()), repr(s.casefold()))
