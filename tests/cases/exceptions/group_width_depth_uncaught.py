def nest(n):
    if n == 0:
        return ValueError("leaf")
    return ExceptionGroup("level %d" % n, [nest(n - 1)])
try:
    raise nest(12)
except ExceptionGroup as e:
    deep = e
wide = ExceptionGroup("wide", [ValueError(i) for i in range(17)])
raise ExceptionGroup("top", [deep, wide, ExceptionGroup("two", [KeyError(i) for i in range(16)])])
