print(True + True, True * 10, False - 1, True / 2, True // 1, -True, ~False, True ** 2)
print(bool(0), bool(1), bool(-1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool(0j), bool({}))
print(isinstance(True, int), type(True + 1).__name__, type(True & True).__name__, type(True & 1).__name__)
print(str(True), repr(False), int(True), float(False), True == 1, hash(True) == hash(1), {1: "a", True: "b"})
print(True and "x", False or 0, not 0, True is True, bool.__mro__)
try:
    class MyBool(bool): pass
except TypeError as e:
    print(type(e).__name__, e)
print(bool("False"), format(True), f"{True:d}", f"{False:>5}", True.real, True.bit_length())
