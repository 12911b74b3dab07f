# enumerate, zip, map, filter, reversed and iter(callable, sentinel) driven by
# for loops and next(), including StopIteration raised by the mapped function
# and subclasses that override __next__.
print(list(enumerate("abc", 5)), list(zip([1, 2, 3], "xy")), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "a"])), list(reversed([1, 2, 3])), list(iter(iter([1, 2, 0, 3]).__next__, 0)))

def stopper(x):
    if x == 3:
        raise StopIteration("from map")
    return x * 10

print([v for v in map(stopper, range(6))])
out = []
for v in filter(lambda x: stopper(x) > 0, range(6)):
    out.append(v)
print(out)
m = map(stopper, range(6))
print(next(m), next(m), next(m))
try:
    next(m)
except StopIteration as e:
    print("StopIteration", e.args)

class Loud(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return (i * 100, v)

print(list(Loud("xy")), [p for p in Loud("ab", 1)])
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError", e)
e = enumerate([])
print(list(e), next(e, "done"))
for i, (a, b) in enumerate(zip(range(3), reversed(range(3)))):
    print(i, a, b, end=";")
print()
