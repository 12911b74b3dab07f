print(format(1234.5, ",.2f"), format("x", "^5"), format(10, "b"), format(None), format([1, 2]), format(3))
print(repr("a'b"), repr([1, "2"]), repr(None), repr(1.0), repr(...), repr(int), repr(len), repr(NotImplemented))
print(ascii("café"), ascii(["ñ", "\n"]), ascii(b"\xff"), ascii(1), repr(print), repr(object).startswith("<class"))
try:
    format(5, 5)
except TypeError as e:
    print(type(e).__name__, e)
