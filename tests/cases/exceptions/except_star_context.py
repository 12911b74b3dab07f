# Inside an except* handler the handled exception (sys.exception(), the context of new exceptions) is the matched subgroup.
import sys
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError as e:
    print(repr(e), repr(sys.exc_info()[1]), sys.exception() is e)
except* TypeError as e:
    print(repr(e), repr(sys.exc_info()[1]), sys.exception() is e)
print(sys.exc_info())
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k")
except BaseException as e:
    print(repr(e), [repr(x.__context__) for x in e.exceptions])
def f():
    raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("inner", [TypeError(2), KeyError(3)])])
try:
    f()
except* ValueError:
    raise RuntimeError("handler")
