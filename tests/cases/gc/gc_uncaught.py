import gc
print(gc.collect() >= 0)
gc.collect(7)
