tests = ["abc", "ABC", "Abc Def", "123", "½", "²", "١٢", "abc123", "", " \t\n", "a b", "_id", "9x", "if", "\u00e9", "Ⅻ", "\x00"]
for t in tests:
    print(repr(t), [int(getattr(t, m)()) for m in ("isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace", "islower", "isupper", "istitle", "isidentifier", "isprintable", "isascii")])
