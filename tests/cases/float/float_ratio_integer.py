for v in (0.5, 0.1, -2.0, 3.75, 1e300, 0.0):
    print(v, v.as_integer_ratio(), v.is_integer())
for v in (float("inf"), float("nan")):
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(float("inf").is_integer(), float("nan").is_integer())
