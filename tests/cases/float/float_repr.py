vals = [0.1, 0.1 + 0.2, 1.0, 1e16, 1e15, 123456789012345678.0, 1e-5, 0.0001, 1.5e-7, 2.5, -0.0, 1e22, 1e23, 3.141592653589793, 1/3, 2/3, 5e-324, 1.7976931348623157e308]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("nan"))
