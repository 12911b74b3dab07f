print(hash(1) == hash(1.0), hash("a") == hash("a"), hash((1, "a")) == hash((1, "a")), hash(None) == hash(None), hash(-1), hash(0), hash(2 ** 64), hash(1.5))
a = []; b = a; c = []
print(id(a) == id(b), id(a) == id(c), id(None) == id(None), isinstance(id(a), int))
for obj in ([], {}, set(), bytearray()):
    try:
        hash(obj)
    except TypeError as e:
        print(type(e).__name__, e)
