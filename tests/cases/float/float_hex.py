for v in (1.0, 0.5, -2.75, 0.1, 1e-320, float("inf"), 0.0, -0.0, 3.0):
    print(v.hex())
print(float.fromhex("0x1.8p1"), float.fromhex("0x.8"), float.fromhex("-0X1P-2"), float.fromhex("inf"), float.fromhex("0x1.ffffffffffffep+1023"))
for s in ("xyz", "0x1p99999", "0x"):
    try:
        print(float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
