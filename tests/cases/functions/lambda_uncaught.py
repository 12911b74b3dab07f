compute = lambda a, b: a / b
print(compute(6, 3))
print(compute(1, 0))
