import math
inf, nan = math.inf, math.nan
print(math.sqrt(inf), math.exp(-inf), math.log(inf), math.atan(inf), math.tanh(-inf), math.copysign(inf, -1), math.fabs(-inf), math.floor(-0.5), math.trunc(2.0))
print(math.isnan(inf - inf), math.fsum([1e100, 1.0, -1e100]), math.fsum([inf, 1.0]), math.hypot(inf, nan), math.sin(0.0), math.copysign(0.0, -1))
try:
    math.sin(inf)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.fsum([inf, -inf])
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.fsum([1e308, 1e308])
except OverflowError as e:
    print(type(e).__name__, e)
class Flo:
    def __float__(self): return 2.25
class Fl:
    def __floor__(self): return "custom floor"
    def __ceil__(self): return "custom ceil"
    def __trunc__(self): return "custom trunc"
print(math.sqrt(Flo()), math.floor(Fl()), math.ceil(Fl()), math.trunc(Fl()))
