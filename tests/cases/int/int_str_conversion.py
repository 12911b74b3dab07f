print(str(-123), repr(10 ** 25), hex(255), hex(-255), oct(8), bin(-5), format(255, "x"), format(255, "#010b"))
print(int("1" * 4300) % 1000)
try:
    str(10 ** 5000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("1" * 5000)
except ValueError as e:
    print(type(e).__name__, e)
