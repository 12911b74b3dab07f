import gc
print(type(gc.collect()).__name__, gc.collect() >= 0, gc.isenabled())
finalized = []
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        finalized.append(self.name)
a = Node("a"); b = Node("b")
a.other = b; b.other = a
del a, b
print("before collect")
n = gc.collect()
print("after collect", n >= 2, sorted(finalized))
