print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 100
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self): return iter("custom")
print(list(reversed(Rev())))
for obj in (5, {1, 2}, (x for x in [])):
    try:
        reversed(obj)
    except TypeError as e:
        print(type(e).__name__, e)
r = reversed([1, 2])
print(r.__length_hint__(), next(r), list(r), list(r))
