import time
prev = time.monotonic()
ok = True
for _ in range(1000):
    now = time.monotonic()
    if now < prev:
        ok = False
    prev = now
print("monotonic", ok)
prev = time.perf_counter_ns()
for _ in range(100):
    cur = time.perf_counter_ns()
    ok = ok and cur >= prev
    prev = cur
print("perf_counter_ns", ok)
