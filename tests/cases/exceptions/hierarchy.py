def chain(c):
    return [k.__name__ for k in c.__mro__]
for c in (ZeroDivisionError, KeyError, IndexError, FileNotFoundError, UnicodeDecodeError, RecursionError, NotImplementedError, StopIteration, KeyboardInterrupt, SystemExit, GeneratorExit, ModuleNotFoundError, UnboundLocalError, TabError, BrokenPipeError, TimeoutError, ExceptionGroup, BaseExceptionGroup, DeprecationWarning, OverflowError, FloatingPointError):
    print(chain(c))
