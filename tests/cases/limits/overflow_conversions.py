import sys
for f in (lambda: [1][2 ** 100], lambda: "abc"[2 ** 63], lambda: range(2 ** 100)[0] and len(range(2 ** 100)), lambda: [0] * 2 ** 100, lambda: float(2 ** 2000), lambda: 2.0 ** 5000,
          lambda: int(float("inf")), lambda: chr(2 ** 40), lambda: bytes(2 ** 70), lambda: sys.maxsize + 1, lambda: (sys.maxsize + 1).to_bytes(8, "little", signed=True)):
    try:
        print(f())
    except (OverflowError, IndexError, MemoryError, ValueError) as e:
        print(type(e).__name__, e)
