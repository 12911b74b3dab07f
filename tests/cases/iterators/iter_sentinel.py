data = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(data), 0)))
count = [0]
def tick():
    count[0] += 1
    return count[0]
it = iter(tick, 4)
print(list(it), list(it), type(it).__name__)
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)
def raiser():
    raise StopIteration
print(list(iter(raiser, None)))
