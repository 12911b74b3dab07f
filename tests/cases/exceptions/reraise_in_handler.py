def attempt(i):
    try:
        if i < 2:
            raise ValueError(i)
        return "ok %d" % i
    except ValueError as e:
        if i == 0:
            raise KeyError("converted") from e
        raise
for i in range(3):
    try:
        print(attempt(i))
    except Exception as e:
        print(type(e).__name__, e, repr(e.__cause__), repr(e.__context__))
def cleanup():
    for n in range(3):
        try:
            try:
                raise TypeError(n)
            finally:
                if n == 1:
                    raise IndexError("from finally")
        except TypeError as e:
            print("inner", e)
        except IndexError as e:
            print("outer", e, repr(e.__context__))
cleanup()
try:
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            raise KeyError("nested")
        except KeyError:
            pass
        raise RuntimeError("after nested")
except RuntimeError as e:
    print(repr(e.__context__))
def gen():
    try:
        yield 1
    except GeneratorExit:
        print("closing")
        raise
g = gen()
next(g)
g.close()
try:
    raise ValueError("a")
except ValueError:
    raise TypeError("b")
