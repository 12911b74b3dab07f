# A cycle already in the context chain of the handled exception (made by
# assigning __context__) does not hang raising a new exception.
def cycle():
    try:
        raise ValueError(1)
    except ValueError as ex:
        ex.__context__ = ex
        raise TypeError(2)

try:
    cycle()
except Exception as e:
    exc = e
print(type(exc).__name__, type(exc.__context__).__name__)
print(exc.__context__.__context__ is exc.__context__)

# A longer cycle: A -> B -> C -> B; raising D while handling A.
a, b, c = KeyError('a'), IndexError('b'), OSError('c')
a.__context__ = b
b.__context__ = c
c.__context__ = b
try:
    try:
        raise a
    except KeyError:
        raise RuntimeError('d')
except RuntimeError as d:
    print(d.__context__ is a, a.__context__ is b, b.__context__ is c, c.__context__ is b)

# Raising an exception already in the chain cuts the chain there.
x, y = ValueError('x'), ValueError('y')
y.__context__ = x
try:
    try:
        raise y
    except ValueError:
        raise x
except ValueError as e:
    print(e is x, e.__context__ is y, y.__context__)
