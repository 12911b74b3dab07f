import gc
print(type(gc.callbacks).__name__, type(gc.garbage).__name__, len(gc.garbage))
events = []
def cb(phase, info):
    events.append(phase)
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(sorted(set(events)))
print(gc.get_referrers is not None, callable(gc.get_referents), gc.freeze is not None)
