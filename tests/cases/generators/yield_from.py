def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner result"
def outer():
    r = yield from inner()
    print("yield from returned", r)
    yield from [10, 20]
    yield from range(2)
o = outer()
print(next(o), o.send("hello"), next(o), next(o), next(o), next(o))
print(list(o))
def delegating_throw():
    try:
        yield from inner()
    except KeyError as e:
        yield "outer caught " + str(e)
d = delegating_throw(); next(d)
print(d.throw(KeyError("k")))
