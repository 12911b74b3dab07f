# __del__ of instances of classes derived from builtin types (list, dict,
# tuple, str, int, bytes, set) runs once they are collected, as for plain
# instances.
import gc

log = []

def make(base, *args):
    class Sub(base):
        def __del__(self):
            log.append(base.__name__)
    Sub.__name__ = "Sub" + base.__name__
    return Sub(*args)

def churn(depth=20):
    # Overwrite native stack slots that may still hold the objects (the
    # collector scans the stack conservatively).
    return churn(depth - 1) + [[depth]] if depth else [list(range(9)), {1: (2,)}]

def make_all():
    for base, args in [(set, ()), (list, ([1],)), (dict, ()), (tuple, ((1,),)), (str, ("x",)),
                       (int, (7,)), (bytes, (b"b",))]:
        make(base, *args)

make_all()
churn()
gc.collect()
print(sorted(log))

x = make(list)
y = make(dict)
print(sorted(log))
del x, y
churn()
gc.collect()
print(sorted(log))
