# The __context__ of an exception thrown into a generator: the exception that
# generator is handling where it is suspended, never one its caller handles.
from contextlib import contextmanager, ExitStack


def chain(e):
    out = []
    while e is not None:
        out.append(repr(e))
        e = e.__context__
    return " <- ".join(out)


def in_finally(exc):
    try:
        yield
    finally:
        raise exc


e1, e2, e3 = Exception(1), Exception(2), Exception(3)
try:
    raise e1
except Exception:
    g = in_finally(e3)
    next(g)
    try:
        g.throw(e2)
    except Exception as x:
        print(chain(x))


def in_except():
    try:
        raise KeyError("a")
    except Exception:
        yield


g = in_except()
g.send(None)
try:
    g.throw(ValueError)
except ValueError as x:
    print(chain(x))


def inside():
    try:
        raise KeyError("a")
    except Exception:
        try:
            yield
        except Exception as exc:
            print("inside:", chain(exc))
            yield "b"


g = inside()
g.send(None)
print(g.throw(ValueError))


def f():
    yield


def delegating():
    try:
        raise KeyError("a")
    except Exception:
        yield from f()


g = delegating()
g.send(None)
try:
    g.throw(ValueError)
except ValueError as x:
    print(chain(x))

# Uncaught in the generator, thrown while the caller handles something: no context.
def plain():
    yield


try:
    raise OSError("outer")
except OSError:
    g = plain()
    next(g)
    try:
        g.throw(IndexError("thrown"))
    except IndexError as x:
        print(chain(x))


@contextmanager
def gets_the_context_right(exc):
    try:
        yield
    finally:
        raise exc


exc1, exc2, exc3, exc4 = Exception(1), Exception(2), Exception(3), Exception(4)
try:
    with ExitStack() as stack:
        stack.enter_context(gets_the_context_right(exc4))
        stack.enter_context(gets_the_context_right(exc3))
        stack.enter_context(gets_the_context_right(exc2))
        raise exc1
except Exception as exc:
    print(chain(exc))
