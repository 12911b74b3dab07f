# range and its iterators reduce to the calls that rebuild them (pickle's
# protocol); range.count compares non-ints with every item; bool() and
# reversed() of ranges beyond machine integers.
r = range(2, 20, 3)
print(r.__reduce__())
it = iter(r)
next(it); next(it)
print(it.__reduce__()[1:])
f, args, index = it.__reduce__()
it2 = f(*args)
it2.__setstate__(index)
print(list(it2), list(it))
print(it.__reduce__()[1:])
for i in (-2, 3, 99):
    it = iter(range(5))
    it.__setstate__(i)
    print(i, list(it))
try:
    iter(range(3)).__setstate__("1")
except TypeError as e:
    print("TypeError:", e)


class AlwaysEq:
    def __eq__(self, other):
        return True


print(range(10).count(AlwaysEq()), range(10).count(3), range(10).count(3.0), range(10).count(True))
big = range(-2**70, 2**70, 3)
print(bool(big), bool(range(2**70, -2**70)))
rev = reversed(range(2**64, 2**64 + 10, 3))
print(list(rev))
print(list(reversed(range(-2**64, -2**64 - 7, -2))))
print(next(reversed(big)) == big[-1])
try:
    len(big)
except OverflowError as e:
    print("OverflowError:", e)
# reversed() of a sequence without __reversed__ knows how many items are left.
r = reversed("hello")
print(r.__length_hint__(), next(r), r.__length_hint__())
print(list(r), r.__length_hint__())
