def gen():
    yield 1
    raise StopIteration("inside")
try:
    list(gen())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
