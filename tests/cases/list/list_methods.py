l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(-1, 9); l.insert(100, 7)
print(l, l.index(2), l.count(1), l.pop(), l.pop(0), l)
l.remove(9); l.reverse(); print(l)
c = l.copy(); c.clear(); print(l, c)
print([1, 2] + [3], [0] * 3, [[]] * 2, l * 0, list("ab"), list(range(3)), list({"k": 1}), len([1, [2, 3]]))
l2 = [1, 2, 3]; l2 *= 2; print(l2)
l3 = [1]; l3[1:] = [2, 3]; l3[:0] = [0]; print(l3, l3.index(2, 1, 3))
