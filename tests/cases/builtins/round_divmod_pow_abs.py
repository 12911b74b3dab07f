print(round(2.5), round(3.5), round(-2.5), round(1.23456, 3), round(12345, -2), round(-0.5), round(0.1 + 0.2, 10))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7, -2), pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(-3, 3, 7), pow(3, -1, 10), pow(7, 0, 1))
print(abs(-3), abs(-3.5), abs(3 + 4j), abs(True), abs(-0.0))
class R:
    def __round__(self, n=None): return ("round", n)
    def __abs__(self): return "absval"
print(round(R()), round(R(), 2), abs(R()))
for f in (lambda: round("x"), lambda: abs("x"), lambda: divmod(1, "2"), lambda: round(1.5, "a"), lambda: pow(1, 2, 3.0)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
