def g():
    while True:
        try:
            yield
        except Exception as e:
            print("got", type(e).__name__, e)
it = g(); next(it)
it.throw(ValueError)
it.throw(ValueError("instance"))
it.throw(TypeError, TypeError("x"))
try:
    it.throw(5)
except TypeError as e:
    print(type(e).__name__, e)
it.close()
print("done")
