print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.4999), round(2.675, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, -2), round(1234.5678, 1), round(-1.0), round(5.5, 0), type(round(5.5)).__name__, type(round(5.5, 0)).__name__)
print(round(1e300, -300), round(123, -1), round(125, -1), round(135, -1), round(-125, -1), round(7, 2))
for v in (float("inf"), float("nan")):
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(1.5, None))
