try:
    x = [0] * (2 ** 62)
except MemoryError as e:
    print(type(e).__name__, repr(e))
try:
    x = [0] * (2 ** 64)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__, e)
print("recovered")
