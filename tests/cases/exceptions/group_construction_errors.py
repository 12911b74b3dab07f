for args, kw in [(("m", [ValueError()]), {"x": 1}), (("m", [ValueError()], 3), {}), ((), {}),
                 (("m", 5), {}), (("m", "ab"), {}), (("m", {ValueError()}), {}), ((b"m", [ValueError()]), {})]:
    try:
        print(repr(ExceptionGroup(*args, **kw)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class MyEG(ExceptionGroup):
    pass
try:
    MyEG("m", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)
g = ExceptionGroup("m", (ValueError(1),))
print(repr(g), g.args, g.exceptions, type(BaseExceptionGroup("b", [KeyError()])).__name__)
print(repr(MyEG("x", [ValueError()]).derive([KeyError()])))
print(ExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), isinstance(g, Exception), isinstance(BaseExceptionGroup("b", [SystemExit()]), Exception))
try:
    raise ExceptionGroup("caught as Exception", [ValueError()])
except Exception as e:
    print("caught", repr(e))
try:
    raise ValueError("naked")
except* ValueError as eg:
    print(repr(eg), eg.exceptions)
BaseExceptionGroup("m", [KeyError("k")], x=1)
