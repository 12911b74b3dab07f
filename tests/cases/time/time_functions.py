import time
t1 = time.time()
m1 = time.monotonic()
p1 = time.perf_counter()
c1 = time.process_time()
time.sleep(0.01)
t2, m2, p2 = time.time(), time.monotonic(), time.perf_counter()
print(type(t1).__name__, type(m1).__name__, type(p1).__name__, type(c1).__name__)
print(m2 - m1 >= 0.009, p2 > p1, t2 >= t1, t1 > 1.6e9)
print(type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__, type(time.perf_counter_ns()).__name__, time.monotonic_ns() > 0)
print(callable(time.sleep), callable(time.localtime), callable(time.gmtime), callable(time.strftime))
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    time.sleep("x")
except TypeError as e:
    print(type(e).__name__, e)
