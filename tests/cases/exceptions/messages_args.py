e = ValueError("msg", 2)
print(e.args, str(e), repr(e), str(ValueError()), repr(ValueError()), str(ValueError("one")), repr(KeyError("k")), str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
print(repr(Exception(1, "two")), str(OSError(2, "No such file")), OSError(2, "x").errno, repr(StopIteration(5).value), SystemExit(3).code, SystemExit().code)
class MyErr(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise MyErr(42)
except MyErr as ex:
    print(type(ex).__name__, ex, ex.code, ex.args)
class WithStr(Exception):
    def __str__(self): return "custom str"
print(str(WithStr("ignored")), repr(WithStr("a")))
e2 = Exception("a"); e2.args = ("b", "c"); print(e2, e2.args)
