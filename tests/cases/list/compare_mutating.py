# List comparison reads the live lists: an __eq__ that empties them ends the
# scan, and the current sizes decide (CPython bpo-38588). Lists of different
# lengths are unequal without calling __eq__.
class X:
    def __eq__(self, other):
        list2.clear()
        return NotImplemented

class Y:
    def __eq__(self, other):
        list1.clear()
        return NotImplemented

list1 = [X()]
list2 = [Y()]
print(list1 == list2, list1, list2)

class Z:
    def __eq__(self, other):
        list3.clear()
        return NotImplemented

list3 = [Z()]
list4 = [1]
print(list3 == list4, list3 != list4)

class Loud:
    def __eq__(self, other):
        print("eq called")
        return True

print([Loud()] == [Loud(), 1], [Loud()] != [1, 2])
print([Loud()] == [1], (Loud(),) == (1, 2))
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [1, [2]] <= [1, [2]])
print((1, 2) > (1,), (1, 2) >= (1, 2, 0))
try:
    [1, 2] < [1, "a"]
except TypeError as e:
    print("TypeError", e)
