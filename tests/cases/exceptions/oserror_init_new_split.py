# OSError parses its arguments in __new__, or in __init__ for a class that
# overrides __init__ only; BlockingIOError's characters_written.
class WithInit(OSError):
    def __init__(self, message, bar):
        self.bar = bar
        super().__init__(message)

class WithNew(OSError):
    def __new__(cls, message, baz):
        self = super().__new__(cls, message)
        self.baz = baz
        return self

class Combined(WithInit, WithNew):
    pass

class InitTakesErrno(OSError):
    def __init__(self, *args):
        super().__init__(*args)

e = WithInit("some message", "baz")
print(e.bar, e.args, e.errno)
e = WithNew("some message", "baz")
print(e.baz, e.args)
e = WithNew("some message", baz="baz")
print(e.baz, e.args)
e = Combined("some message", "baz")
print(e.bar, e.args)
e = InitTakesErrno(2, "no file", "f.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.args, str(e))
print(type(OSError(2, "x")).__name__, OSError(1, "a", None).args, OSError(1, "a", "f").args)
print(OSError(1, "a", "f", None, "g").filename2, OSError(1, "a", "f", None, "g").args)
for bad in (lambda: OSError("a", foo=1), lambda: WithInit("m", "b", x=1), lambda: InitTakesErrno(1, k=2),
            lambda: FileNotFoundError(kw=1)):
    try:
        bad()
    except TypeError as x:
        print(type(x).__name__, x)

args = ("a", "b", "c", "d", "e")
for n in range(6):
    e = BlockingIOError(*args[:n])
    for op in (lambda: e.characters_written, lambda: delattr(e, "characters_written")):
        try:
            op()
        except AttributeError as x:
            print(n, type(x).__name__, x)
e = BlockingIOError("a", "b", 3)
print(e.characters_written, e.args, e.filename)
e.characters_written = 5
print(e.characters_written)
del e.characters_written
try:
    e.characters_written
except AttributeError as x:
    print(type(x).__name__, x)
try:
    e.characters_written = 2 ** 70
except ValueError as x:
    print(type(x).__name__, x)
class SubBlocking(BlockingIOError):
    pass
s = SubBlocking(11, "again", 7)
print(s.filename, s.args)
print(BlockingIOError(11, "again", 5).characters_written)
raise WithNew("final", 3)
