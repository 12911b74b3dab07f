import gc
finalized = []
class D:
    def __init__(self, n): self.n = n
    def __del__(self): finalized.append(self.n)
x = D(1)
x = D(2)
gc.collect()
print("rebound", finalized)
def scope():
    d = D(3)
    print("leaving scope")
scope()
gc.collect()
print(finalized)
l = [D(4), D(5)]
l.clear()
gc.collect()
print(sorted(finalized))
del x
gc.collect()
print(sorted(finalized))
