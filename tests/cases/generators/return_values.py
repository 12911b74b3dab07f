def g():
    yield 1
    return [1, 2]
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
def empty():
    return "immediately"
    yield
try:
    next(empty())
except StopIteration as e:
    print(e.value)
def nothing():
    yield
print(list(nothing()))
