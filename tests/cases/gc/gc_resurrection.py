import gc
saved = []
class Phoenix:
    def __del__(self):
        print("resurrecting")
        saved.append(self)
p = Phoenix()
p.cycle = p
del p
gc.collect()
print(len(saved))
saved.clear()
gc.collect()
print("done")
