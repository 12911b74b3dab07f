e = ValueError("v")
e.__notes__ = ["a\nb\n", 5, "c\rd"]
class B:
    def __str__(self): raise RuntimeError
e.__notes__.append(B())
try:
    raise e
except ValueError as x:
    y = x
try:
    raise ExceptionGroup("g", [y])
except ExceptionGroup as g:
    g.__notes__ = "notalist"
    raise
