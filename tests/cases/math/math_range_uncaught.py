import math
print(math.exp(700))
print(math.exp(710))
