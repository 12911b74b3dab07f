calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) == v(1) != v(2) is not None, calls)
x = 5
print(0 < x <= 5, 0 < x < 5, 1 in [1] in [[1]])
