# A generator collected while suspended inside a try/finally or with block is
# closed: its handlers run (by the time gc.collect() returns).
import gc

log = []

def closing(tag):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally " + tag)

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        log.append("exit " + exc[0].__name__)

def managed():
    with CM():
        yield 1

def plain():
    yield 1
    yield 2

def abandon():
    for v in closing("loop"):
        break
    g = managed()
    next(g)
    p = plain()
    next(p)
    untouched = closing("never started")

abandon()
gc.collect()
print(sorted(log))
