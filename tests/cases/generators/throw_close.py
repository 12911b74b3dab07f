def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught in gen", e)
        yield "recovered"
    finally:
        print("gen finally")
it = g()
print(next(it), it.throw(ValueError("boom")))
it.close()
print("closed")
it2 = g()
next(it2)
try:
    it2.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "won't stop"
s = stubborn(); next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
fresh = g()
fresh.close()
print(list(fresh))
