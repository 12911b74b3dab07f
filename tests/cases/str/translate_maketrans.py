t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()))
print("abcdd-cab".translate(t))
print("hello".translate({ord("l"): None, ord("h"): "J", ord("o"): 48}))
print(str.maketrans({"a": "1", "b": None, 99: "C"}))
for args in (("ab", "c"), ({"ab": 1},), (1,)):
    try:
        str.maketrans(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    "x".translate({ord("x"): 3.5})
except TypeError as e:
    print(type(e).__name__, e)
