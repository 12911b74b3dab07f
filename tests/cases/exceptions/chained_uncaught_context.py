def parse(s):
    try:
        return int(s)
    except ValueError:
        raise KeyError("lookup failed")
parse("abc")
