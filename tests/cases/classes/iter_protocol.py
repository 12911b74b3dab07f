class Count:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), sum(Count(4)), [x for x in Count(2)])
c = Count(1)
print(next(c), next(c, "dflt"))
class GetItem:
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
print(list(GetItem()), 20 in GetItem(), 5 in GetItem())
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(object())
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
