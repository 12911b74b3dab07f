def g():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
it = g()
next(it)
print(it.close())
def h():
    yield 1
    yield 2
x = h(); next(x); x.close()
print(next(x, "exhausted after close"))
