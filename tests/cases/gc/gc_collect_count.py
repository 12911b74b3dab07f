# gc.collect() reports the unreachable objects on (or reachable from) a reference
# cycle: garbage without cycles is freed by reference counting and not counted.
import gc

class Node:
    pass

def acyclic_garbage():
    for i in range(1000):
        x = [i, str(i), (i, 1.5), {"k": [i]}]
    return len(x)

def self_list():
    l = []
    l.append(l)

def list_with_tuple():
    l = []
    l.append((l, 1, "a", [1, 2], 3.5))

def self_dict():
    d = {}
    d["self"] = d

def node_cycle():
    a = Node(); b = Node()
    a.other = b; b.other = a

gc.collect()
acyclic_garbage()
print("acyclic", gc.collect())
self_list()
print("self list", gc.collect())
list_with_tuple()
print("list with tuple", gc.collect())
self_dict()
print("self dict", gc.collect())
node_cycle()
print("node cycle", gc.collect() >= 2)
keep = [[[]] for i in range(100)]
keep.append(keep)
gc.collect()
print("reachable", gc.collect())
print("tracked", gc.is_tracked({"a": 1}), gc.is_tracked({"a": {}}), gc.is_tracked({"a": ()}), gc.is_tracked({"a": []}))
d = {}; d[1] = d
print("self tracked", gc.is_tracked(d))
