# repr picks, among shortest round-tripping strings, the nearest one; exact ties go to the even digit.
for v in (2084631752528921.25, 159440624880099.625, 4503599627370497.5, 1125899906842624.125, 2.0 ** 70, 9007199254740993.0,
          123456789012345678.0, 0.1 + 0.2, 1 / 3, 5e-324, 1.7976931348623157e308, 2.5, 1e23, 8.5e22):
    print(repr(v), repr(-v), str(v), float(repr(v)) == v)
x = 1.0
for i in range(200):
    x = x * 1.37 + 0.5
    print(repr(x), repr(x / 3), repr(x * 1e-20), end=" ")
print()
