# for loops over list and range iterators: mutation during iteration, big
# steps and bounds past the small-int range, exhausted iterators stay exhausted.
xs = [1, 2, 3]
for x in xs:
    if x < 4:
        xs.append(x + 3)
    print(x, end=' ')
print()
ys = [1, 2, 3, 4]
for y in ys:
    ys.remove(y)
print(ys)
for v in range(2**62 - 2, 2**62 + 2):
    print(v)
for v in range(-2**62 + 1, -2**62 - 3, -1):
    print(v)
for v in range(0, 2**63, 2**61):
    print(v)
it = iter([1, 2])
for v in it:
    pass
print(list(it), next(it, 'done'))
xs = [1, 2]
it = iter(xs)
print(next(it), next(it), next(it, 'end'))
xs.append(3)
print(next(it, 'still end'))
r = iter(range(3))
for v in r:
    if v == 1:
        break
print(list(r))
class L(list):
    def __iter__(self):
        return iter([9])
for v in L([1, 2]):
    print(v)
