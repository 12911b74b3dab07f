import math
print(math.exp(0), math.exp(1), math.exp(-1), math.expm1(1e-10), math.exp2(10), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(1e-10), math.log(2 ** 1000))
print(math.pow(2, 0.5), math.pow(2, -1), math.pow(0, 0), math.pow(-8, 1/3) if False else math.cbrt(-8), math.cbrt(27), math.pow(math.inf, 0), math.pow(1, math.nan), math.log(10 ** 400))
