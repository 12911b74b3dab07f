# Floats at and around the edges of the inline (unboxed) range: zeros, subnormals,
# huge and tiny values, infinities and NaN, through arithmetic, conversions,
# hashing, formatting and comparisons. Output never depends on identity.
import math

edges = [
    0.0, -0.0, 1.0, -1.0, 1.5, 0.1, -0.1,
    float("inf"), float("-inf"), float("nan"),
    5e-324, -5e-324, 2.2250738585072014e-308, 2.0 ** -1022, 1e-300, 1e308, -1e308,
    1.7976931348623157e308,
    # the inline range is 2**-255 <= |x| < 2**257
    2.0 ** -255, -(2.0 ** -255), 2.0 ** -256, math.nextafter(2.0 ** -255, 1.0),
    math.nextafter(2.0 ** -255, 0.0), 2.0 ** 256, math.nextafter(2.0 ** 257, 0.0),
    2.0 ** 257, -(2.0 ** 257), math.nextafter(2.0 ** 257, math.inf),
    1e-77, 1e-78, 1e77, 1e78, 1.7272337110188889e-77,
]

for x in edges:
    print(repr(x), x.hex(), str(x), type(x).__name__, bool(x), math.copysign(1.0, x))
    if math.isfinite(x):
        print("  ", x.as_integer_ratio() if x == x else None, x.is_integer(), round(x, 3), -x, abs(x), +x)
        print("  ", int(x) if abs(x) < 1e30 else "big", math.floor(x) if abs(x) < 1e30 else "big", x * 2, x / 2, x + 0.0, x - 0.0)
    print("  ", hash(x) if x == x else "nan", x == x, x < 1.0, x >= 0.0, float(repr(x)) == x or x != x)
    print("  ", format(x, ".17g"), format(x, "e"), "%r %s %.3f" % (x, x, x))

# results crossing the boundary in both directions
x = 2.0 ** -250
for i in range(10):
    x /= 2
    print(i, repr(x), x.hex(), x * 2 ** 250)
x = 2.0 ** 250
for i in range(10):
    x *= 2
    print(i, repr(x), x.hex(), x / 2 ** 250)
y = 1.0
for i in range(12):
    y = y * 1e30
    print(i, y, y / 1e30)
z = 1e-300
print(z * 1e-300, z * 1e300, z / 1e300, (z * 1e-300) == 0.0, math.copysign(1, -z * 1e-300))
print(1e308 * 10, -1e308 * 10, (1e308 * 10) - (1e308 * 10))
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, -0.0 * -0.0, 0.0 / -1.0, divmod(-0.0, 1.0), divmod(5e-324, 1.0))
print(math.ldexp(1.0, -255), math.ldexp(1.0, 256), math.ldexp(1.0, 257), math.frexp(2.0 ** -255), math.frexp(-0.0))
print(float("0"), float("-0"), float("5e-324"), float("1e-77"), float("1.7272337110188889e-77"), float("-1e400"))
print(float.fromhex("0x1p-255"), float.fromhex("-0x1p-255"), float.fromhex("0x1.fffffffffffffp+256"), float.fromhex("0x1p+257"))
print(sum([0.1] * 10), math.fsum([0.1] * 10), sum([2.0 ** -255] * 4), sum([-0.0, -0.0]), sum([-0.0], -0.0))
print(sorted(edges[:20], key=lambda v: (v != v, v)))
print(min(0.0, -0.0), max(-0.0, 0.0), min(-0.0, 0.0), max(0.0, -0.0))
print(round(2.0 ** -255, 300), round(1e77, -70), 1e77 // 1e70, 1e77 % 7.0, -1e-77 % 1.0)
print(str(2.0 ** 0.5), 10 ** -80, 10.0 ** -80, 3 ** 0.5, (-8.0) ** (1 / 3))
print(int(2.0 ** 256) == 2 ** 256, float(2 ** 256), float(2 ** 257), float(-(2 ** 300)))
print(1.5 == 1.5, 1.5 == 3 / 2, 1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 300 == 2.0 ** 300, 0 == -0.0)
