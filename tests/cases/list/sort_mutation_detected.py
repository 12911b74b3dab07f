# list.sort reports "list modified during sort" for any change made while it
# sorts, even one that leaves the list empty again.
from functools import cmp_to_key

def check(label, f):
    try:
        f()
        print(label, 'no error')
    except ValueError as e:
        print(label, 'ValueError', e)

L = [1, 2]
def append_pop(x, y):
    L.append(3)
    L.pop()
    return (x > y) - (x < y)
check('append+pop', lambda: L.sort(key=cmp_to_key(append_pop)))
print(L)

L = [3, 1, 2]
def append_clear(x, y):
    L.append(3)
    del L[:]
    return (x > y) - (x < y)
check('append+del', lambda: L.sort(key=cmp_to_key(append_clear)))
print(sorted(L))

data = list(range(10))
def k(x):
    del data[:]
    data[:] = range(20)
    return x
check('key mutates', lambda: data.sort(key=k))
print(len(data))

M = [2, 1]
def readonly(x, y):
    len(M)
    return (x > y) - (x < y)
check('reads only', lambda: M.sort(key=cmp_to_key(readonly)))
print(M)

# An error from the comparison wins over the modification.
N = [1, 2, 3]
def boom(x, y):
    N.append(0)
    raise KeyError('cmp')
try:
    N.sort(key=cmp_to_key(boom))
except KeyError as e:
    print('KeyError', e)
