match (1, 2):
    case (a, b):
        pass
print(a, b)
match {"x": 10}:
    case {"x": 1 | 2 as small}:
        print("small", small)
    case {"x": big}:
        print("big", big)
match 42:
    case n if n > 100:
        pass
print("n bound even when guard fails:", n)
