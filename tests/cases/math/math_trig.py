import math
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.cos(math.pi), math.asin(1), math.acos(0), math.atan(1), math.atan2(1, -1), math.atan2(-0.0, -1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5), math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot(), math.dist((0, 0), (3, 4)))
print(math.degrees(math.pi), math.radians(180), math.erf(1), math.erfc(1), math.gamma(5), math.gamma(0.5), math.lgamma(10), math.nextafter(1.0, 2.0), math.ulp(1.0), math.nextafter(0.0, -1.0))
