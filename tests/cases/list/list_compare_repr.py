a = [1, [2, 3]]
a.append(a)
print(a, [1, 2] == [1, 2], [1, 2] < [1, 2, 3], [2] > [1, 9], [] < [0], [1, 2] != [2, 1])
print(repr([]), str(["s", 1.0, None]), [1, 2] == (1, 2), list.__name__)
b = [1, 2, 3, 4, 5]
print(b[1:4], b[::-2], b[-2:], b[10:20], b.__len__(), b.__contains__(3), list(reversed(b)))
