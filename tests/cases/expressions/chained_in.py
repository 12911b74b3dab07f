print(1 in [1] in [[1]], 2 in [2] < [3], [1] == [1] in [[1]])
x = [1, 2]
print(0 < len(x) in [2], 1 in x not in [[0]], 3 not in x in [[1, 2]])
print(2 in [2] < 5)
