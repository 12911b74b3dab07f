d = {"a": 1}
try:
    d.keys()[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.values() | {1}
except TypeError as e:
    print(type(e).__name__, e)
print(d.items() | {("b", 2)} == {("a", 1), ("b", 2)}, d.keys() == {"a"}, d.values() == d.values(), list(d.items())[0])
try:
    {}.setdefault()
except TypeError as e:
    print(type(e).__name__, e)
