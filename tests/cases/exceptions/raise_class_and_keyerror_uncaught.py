def lookup(d, k):
    return d[k]
lookup({"a": 1}, ("tuple", "key"))
