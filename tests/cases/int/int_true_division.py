print(1 / 3, 10 / 5, 2 ** 60 / 3, (10 ** 30) / (10 ** 10), -7 / 2, 1 / 7)
print(10 ** 400 // 10 ** 399, (2 ** 1100) / (2 ** 1000))
try:
    (10 ** 400) / 1
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 / 10 ** 399)
